/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "krb5ap" (Documentation/netlink/specs/krb5ap.yaml):
 * the administration interface.  kmod/netlink.c only translates between
 * netlink attributes and the key table, the settings, the counters and
 * krb5ap_verify().
 */
#ifndef _KRB5AP_NETLINK_H
#define _KRB5AP_NETLINK_H

#include <linux/types.h>

struct net;
struct krb5ap_result;

int krb5ap_netlink_init(void);
void krb5ap_netlink_exit(void);

void krb5ap_netlink_notify(struct net *net, const char *tag, int ret,
			   u32 krb_error, const struct krb5ap_result *res);

#endif /* _KRB5AP_NETLINK_H */
