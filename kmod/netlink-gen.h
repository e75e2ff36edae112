/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/krb5ap.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_KRB5AP_GEN_H
#define _LINUX_KRB5AP_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/krb5ap.h>

/* Common nested types */
extern const struct nla_policy krb5ap_key_entry_nl_policy[KRB5AP_A_KEY_DATA + 1];

extern const struct nla_policy krb5ap_key_add_nl_policy[KRB5AP_A_KEYTAB_ENTRY + 1];

extern const struct nla_policy krb5ap_key_del_nl_policy[KRB5AP_A_KEY_KVNO + 1];

extern const struct nla_policy krb5ap_key_flush_nl_policy[KRB5AP_A_KEY_PAD + 1];

extern const struct nla_policy krb5ap_key_replace_set_nl_policy[KRB5AP_A_KEYTAB_ENTRY + 1];

extern const struct nla_policy krb5ap_key_get_nl_policy[KRB5AP_A_KEY_ENCTYPE + 1];

extern const struct nla_policy krb5ap_config_get_nl_policy[KRB5AP_A_CONFIG_PAD + 1];

extern const struct nla_policy krb5ap_config_set_nl_policy[KRB5AP_A_CONFIG_ENCTYPES + 1];

extern const struct nla_policy krb5ap_stats_get_nl_policy[KRB5AP_A_STATS_PAD + 1];

extern const struct nla_policy krb5ap_verify_nl_policy[KRB5AP_A_VERIFY_CHANNEL_BINDINGS + 1];

/* Ops table for krb5ap */
extern const struct genl_ops krb5ap_nl_ops[9];

int krb5ap_nl_key_add_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_key_del_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_key_flush_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_key_replace_set_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_key_get_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_key_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int krb5ap_nl_config_get_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_config_set_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info);
int krb5ap_nl_verify_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	KRB5AP_NLGRP_RESULTS,
};

#endif /* _LINUX_KRB5AP_GEN_H */
