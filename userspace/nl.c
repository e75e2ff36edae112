// SPDX-License-Identifier: GPL-2.0
/*
 * The netlink side of krb5apctl: resolve the "krb5ap" generic netlink
 * family, send one request, run a callback on each reply, and turn errors
 * (with the kernel's extended ack message) into sentences.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>
#include <linux/netlink.h>

#include "nl.h"

#define NL_RECV_SIZE	65536

/*
 * The message of an NLMSG_ERROR (or of an NLMSG_DONE ending a failed dump):
 * returns the error (negative errno, 0 for an ack) and copies the extack
 * message, if any, into @extack ("" otherwise).
 */
int nl_parse_error(const struct nlmsghdr *nlh, char *extack, size_t size)
{
	const struct nlmsgerr *e;
	const struct nlattr *attr;
	const void *tlvs;
	size_t off;
	int err;

	if (size)
		extack[0] = '\0';
	if (nlh->nlmsg_type == NLMSG_DONE) {
		if (mnl_nlmsg_get_payload_len(nlh) < sizeof(int))
			return 0;
		memcpy(&err, mnl_nlmsg_get_payload(nlh), sizeof(err));
		off = sizeof(int);
	} else if (nlh->nlmsg_type == NLMSG_ERROR) {
		if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e))
			return -EBADMSG;
		e = mnl_nlmsg_get_payload(nlh);
		err = e->error;
		off = sizeof(*e);
		/* Unless capped, the request follows the error. */
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			off += e->msg.nlmsg_len - sizeof(e->msg);
	} else {
		return 0;
	}
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return err;
	if (off > mnl_nlmsg_get_payload_len(nlh))
		return err;
	tlvs = (const char *)mnl_nlmsg_get_payload(nlh) + off;
	mnl_attr_for_each_payload(tlvs, mnl_nlmsg_get_payload_len(nlh) - off) {
		if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0 && size) {
			snprintf(extack, size, "%s", mnl_attr_get_str(attr));
		}
	}
	return err;
}

/*
 * One sentence for a failed request: "WHO: WHAT: strerror[: extack]", with
 * the cases people hit spelt out.
 */
void nl_format_error(char *buf, size_t size, const char *who,
		     const char *what, int err, const char *extack)
{
	const char *msg = strerror(err);

	if (err == EPERM || err == EACCES)
		msg = "permission denied: CAP_NET_ADMIN is needed";
	if (extack && *extack)
		snprintf(buf, size, "%s: %s: %s (%s)", who, what, extack, msg);
	else
		snprintf(buf, size, "%s: %s: %s", who, what, msg);
}

void nl_perror(const struct nl *nl, const char *who, const char *what,
	       int err)
{
	char buf[512];

	nl_format_error(buf, sizeof(buf), who, what, err,
			nl ? nl->extack : NULL);
	fprintf(stderr, "%s\n", buf);
}

/* The first top-level attribute of @type in a generic netlink message. */
const struct nlattr *nl_attr_find(const struct nlmsghdr *nlh, uint16_t type)
{
	const struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(attr) == type)
			return attr;
	return NULL;
}

struct family_info {
	uint16_t id;
	uint32_t results_group;
};

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct family_info *fi = data;
	const struct nlattr *attr, *grp, *a;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(attr)) {
		case CTRL_ATTR_FAMILY_ID:
			if (mnl_attr_validate(attr, MNL_TYPE_U16) == 0)
				fi->id = mnl_attr_get_u16(attr);
			break;
		case CTRL_ATTR_MCAST_GROUPS:
			mnl_attr_for_each_nested(grp, attr) {
				const char *name = NULL;
				uint32_t id = 0;

				mnl_attr_for_each_nested(a, grp) {
					if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME &&
					    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
						name = mnl_attr_get_str(a);
					if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
					    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
						id = mnl_attr_get_u32(a);
				}
				if (name && !strcmp(name, KRB5AP_MCGRP_RESULTS))
					fi->results_group = id;
			}
			break;
		}
	}
	return MNL_CB_OK;
}

/*
 * Send @nlh (built in any buffer) and run @cb on each reply until the ack,
 * the end of a dump, or an error.  Returns 0 or a negative errno; the
 * extack message of an error is left in nl->extack.
 */
int nl_talk(struct nl *nl, struct nlmsghdr *nlh, nl_cb cb, void *data)
{
	uint32_t seq = nlh->nlmsg_seq;
	ssize_t n;
	int ret;

	nl->extack[0] = '\0';
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	for (;;) {
		const struct nlmsghdr *m;
		int len;

		n = mnl_socket_recvfrom(nl->sock, nl->buf, nl->buf_size);
		if (n < 0)
			return -errno;
		len = (int)n;
		for (m = (const struct nlmsghdr *)nl->buf; mnl_nlmsg_ok(m, len);
		     m = mnl_nlmsg_next(m, &len)) {
			if (m->nlmsg_type != NLMSG_ERROR && m->nlmsg_type != NLMSG_DONE)
				continue;
			ret = nl_parse_error(m, nl->extack, sizeof(nl->extack));
			if (ret < 0)
				return ret;
		}
		ret = mnl_cb_run(nl->buf, (size_t)n, seq, nl->portid, cb, data);
		if (ret < 0)
			return errno ? -errno : -EIO;
		if (ret == MNL_CB_STOP)
			return 0;
	}
}

/* Start a krb5ap request in @buf. */
struct nlmsghdr *nl_request(struct nl *nl, void *buf, uint8_t cmd,
			    uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = nl->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = KRB5AP_FAMILY_VERSION;
	return nlh;
}

/*
 * Open a generic netlink socket and resolve the krb5ap family.  Prints what
 * went wrong (WHO names the command) and returns a negative errno.
 */
int nl_open(struct nl *nl, const char *who)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct family_info fi = { 0 };
	struct genlmsghdr *genl;
	struct nlmsghdr *nlh;
	int one = 1, ret;

	memset(nl, 0, sizeof(*nl));
	nl->seq = (uint32_t)time(NULL);
	nl->buf_size = NL_RECV_SIZE;
	nl->buf = malloc(nl->buf_size);
	if (!nl->buf) {
		fprintf(stderr, "%s: out of memory\n", who);
		return -ENOMEM;
	}
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock) {
		ret = -errno;
		fprintf(stderr, "%s: cannot open a netlink socket: %s\n", who,
			strerror(-ret));
		nl_close(nl);
		return ret;
	}
	/* Error messages with the kernel's explanation, without our request. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		ret = -errno;
		fprintf(stderr, "%s: cannot bind a netlink socket: %s\n", who,
			strerror(-ret));
		nl_close(nl);
		return ret;
	}
	nl->portid = mnl_socket_get_portid(nl->sock);

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = CTRL_CMD_GETFAMILY;
	genl->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, KRB5AP_FAMILY_NAME);
	ret = nl_talk(nl, nlh, family_cb, &fi);
	if (ret == -ENOENT || (!ret && !fi.id)) {
		fprintf(stderr, "%s: krb5ap module is not loaded (modprobe krb5ap)\n",
			who);
		nl_close(nl);
		return -ENOENT;
	}
	if (ret) {
		nl_perror(nl, who, "resolving the krb5ap netlink family", -ret);
		nl_close(nl);
		return ret;
	}
	nl->family = fi.id;
	nl->results_group = fi.results_group;
	return 0;
}

/* Subscribe to the "results" multicast group. */
int nl_join_results(struct nl *nl, const char *who)
{
	int grp = (int)nl->results_group;

	if (!grp) {
		fprintf(stderr, "%s: the krb5ap family has no \"%s\" group\n",
			who, KRB5AP_MCGRP_RESULTS);
		return -ENOENT;
	}
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0) {
		int err = errno;

		nl->extack[0] = '\0';
		nl_perror(nl, who, "joining the results group", err);
		return -err;
	}
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	nl->sock = NULL;
	free(nl->buf);
	nl->buf = NULL;
}
