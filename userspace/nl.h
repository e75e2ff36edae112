/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Talking to the krb5ap generic netlink family with libmnl.
 */
#ifndef KRB5APCTL_NL_H
#define KRB5APCTL_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libmnl/libmnl.h>

struct nl {
	struct mnl_socket *sock;
	uint16_t family;		/* generic netlink family id */
	uint32_t results_group;		/* id of the "results" group, 0: none */
	uint32_t portid;
	uint32_t seq;
	char *buf;			/* receive buffer */
	size_t buf_size;
	char extack[256];		/* the last error's extack message */
};

/* Callback for each reply message; return MNL_CB_OK/STOP/ERROR. */
typedef int (*nl_cb)(const struct nlmsghdr *nlh, void *data);

int nl_open(struct nl *nl, const char *who);
void nl_close(struct nl *nl);
struct nlmsghdr *nl_request(struct nl *nl, void *buf, uint8_t cmd,
			    uint16_t flags);
int nl_talk(struct nl *nl, struct nlmsghdr *nlh, nl_cb cb, void *data);
int nl_join_results(struct nl *nl, const char *who);
void nl_perror(const struct nl *nl, const char *who, const char *what,
	       int err);
void nl_format_error(char *buf, size_t size, const char *who,
		     const char *what, int err, const char *extack);
int nl_parse_error(const struct nlmsghdr *nlh, char *extack, size_t size);
const struct nlattr *nl_attr_find(const struct nlmsghdr *nlh,
				  uint16_t type);

#endif /* KRB5APCTL_NL_H */
