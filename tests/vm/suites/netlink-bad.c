// SPDX-License-Identifier: GPL-2.0
/*
 * netlink-bad: send one malformed request to the krb5ap generic netlink
 * family and check that the kernel refuses it with the expected errno and
 * an extended ack message.  Built statically on the host by netlink.host
 * and run in the guest by netlink.sh; plain sockets, no library.
 *
 *   netlink-bad CASE      prints "CASE: errno N (NAME): EXTACK"
 *   netlink-bad list      prints the cases
 *
 * Exit status: 0 when the request was refused as expected (errno and a
 * non-empty extack message), 1 otherwise.
 *
 * Two well-formed requests print their replies' bytes in hex, one message
 * a line, so that the suite can look for key bytes in what the kernel
 * sends (exit status 0 when the request succeeded):
 *
 *   netlink-bad raw-dump                         KRB5AP_CMD_KEY_GET dump
 *   netlink-bad raw-get PRINCIPAL REALM KVNO ENCTYPE   KRB5AP_CMD_KEY_GET do
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/krb5ap.h>

struct msg {
	char buf[8192];
	struct nlmsghdr *nlh;
};

static void *put(struct msg *m, const void *p, size_t len)
{
	void *at = m->buf + NLMSG_ALIGN(m->nlh->nlmsg_len);

	memset(at, 0, NLMSG_ALIGN(len));
	if (p)
		memcpy(at, p, len);
	m->nlh->nlmsg_len = NLMSG_ALIGN(m->nlh->nlmsg_len) + len;
	return at;
}

static struct nlattr *attr(struct msg *m, uint16_t type, const void *p,
			   size_t len)
{
	struct nlattr *a = put(m, NULL, NLA_HDRLEN + len);

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (p)
		memcpy((char *)a + NLA_HDRLEN, p, len);
	return a;
}

static void attr_u32(struct msg *m, uint16_t type, uint32_t v)
{
	attr(m, type, &v, sizeof(v));
}

static void attr_str(struct msg *m, uint16_t type, const char *s)
{
	attr(m, type, s, strlen(s) + 1);
}

static struct nlattr *nest_start(struct msg *m, uint16_t type)
{
	struct nlattr *a = attr(m, type | NLA_F_NESTED, NULL, 0);

	return a;
}

static void nest_end(struct msg *m, struct nlattr *a)
{
	a->nla_len = (char *)m->buf + m->nlh->nlmsg_len - (char *)a;
}

static void start(struct msg *m, uint16_t family, uint8_t cmd, uint16_t flags)
{
	struct genlmsghdr g = { .cmd = cmd, .version = 1 };

	memset(m->buf, 0, sizeof(m->buf));
	m->nlh = (struct nlmsghdr *)m->buf;
	m->nlh->nlmsg_len = NLMSG_HDRLEN;
	m->nlh->nlmsg_type = family;
	m->nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	m->nlh->nlmsg_seq = 1;
	put(m, &g, sizeof(g));
}

static int sock;

/* Send @m; return the error of its ack (0, or a negative errno). */
static int talk(struct msg *m, char *extack, size_t size, void (*cb)(struct nlmsghdr *, void *),
		void *data)
{
	static char rbuf[65536];
	ssize_t n;

	extack[0] = '\0';
	if (send(sock, m->buf, m->nlh->nlmsg_len, 0) < 0)
		return -errno;
	for (;;) {
		struct nlmsghdr *h;

		n = recv(sock, rbuf, sizeof(rbuf), 0);
		if (n < 0)
			return -errno;
		for (h = (struct nlmsghdr *)rbuf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);
				size_t off = sizeof(*e);
				struct nlattr *a;

				if (!(h->nlmsg_flags & NLM_F_CAPPED))
					off += e->msg.nlmsg_len - sizeof(e->msg);
				if (h->nlmsg_flags & NLM_F_ACK_TLVS) {
					size_t len = h->nlmsg_len - NLMSG_HDRLEN;

					for (a = (struct nlattr *)((char *)e + off);
					     off + NLA_HDRLEN <= len && a->nla_len >= NLA_HDRLEN &&
					     off + a->nla_len <= len;
					     off += NLA_ALIGN(a->nla_len),
					     a = (struct nlattr *)((char *)e + off))
						if (a->nla_type == NLMSGERR_ATTR_MSG)
							snprintf(extack, size, "%s",
								 (char *)a + NLA_HDRLEN);
				}
				return e->error;
			}
			if (h->nlmsg_type == NLMSG_DONE) {
				int err = *(int *)NLMSG_DATA(h);

				if (err && (h->nlmsg_flags & NLM_F_ACK_TLVS)) {
					struct nlattr *a = (struct nlattr *)((char *)NLMSG_DATA(h) + 4);

					if (a->nla_type == NLMSGERR_ATTR_MSG)
						snprintf(extack, size, "%s",
							 (char *)a + NLA_HDRLEN);
				}
				return err;
			}
			if (cb)
				cb(h, data);
		}
	}
}

static void family_cb(struct nlmsghdr *h, void *data)
{
	struct nlattr *a;
	int len = h->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;

	for (a = (struct nlattr *)((char *)NLMSG_DATA(h) + GENL_HDRLEN);
	     len >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= len;
	     len -= NLA_ALIGN(a->nla_len),
	     a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len)))
		if (a->nla_type == CTRL_ATTR_FAMILY_ID)
			*(uint16_t *)data = *(uint16_t *)((char *)a + NLA_HDRLEN);
}

static void hex_cb(struct nlmsghdr *h, void *data)
{
	const unsigned char *p = (const unsigned char *)h;
	uint32_t i;

	for (i = 0; i < h->nlmsg_len; i++)
		printf("%02x", p[i]);
	printf("\n");
	++*(int *)data;
}

static const uint8_t key16[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const uint8_t key32[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
				   1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

/* One key entry; NULL/0 leave an attribute out, @extra adds attribute 9. */
static void entry(struct msg *m, const char *princ, const char *realm, uint32_t kvno,
		  uint32_t etype, const uint8_t *key, size_t key_len, int extra)
{
	struct nlattr *n = nest_start(m, KRB5AP_A_KEYTAB_ENTRY);

	if (princ)
		attr_str(m, KRB5AP_A_KEY_PRINCIPAL, princ);
	if (realm)
		attr_str(m, KRB5AP_A_KEY_REALM, realm);
	if (kvno != UINT32_MAX)
		attr_u32(m, KRB5AP_A_KEY_KVNO, kvno);
	if (etype)
		attr_u32(m, KRB5AP_A_KEY_ENCTYPE, etype);
	if (key)
		attr(m, KRB5AP_A_KEY_DATA, key, key_len);
	if (extra)
		attr_u32(m, 9, 1);
	nest_end(m, n);
}

struct tcase {
	const char *name;
	int err;		/* expected, negative */
	const char *what;
};

static const struct tcase cases[] = {
	{ "key-short", -EINVAL, "key-add: 16-byte key for aes256 (18)" },
	{ "key-long", -EINVAL, "key-add: 32-byte key for aes128 (17)" },
	{ "kvno0", -ERANGE, "key-add: kvno 0" },
	{ "enctype-rc4", -ENOPKG, "key-add: enctype 23 (unsupported)" },
	{ "enctype-99", -ERANGE, "key-add: enctype 99 (out of range)" },
	{ "no-principal", -EINVAL, "key-add: entry without a principal" },
	{ "no-key", -EINVAL, "key-add: entry without key data" },
	{ "no-entry", -EINVAL, "key-add: no entry" },
	{ "unknown-top", -EINVAL, "key-add: unknown top-level attribute" },
	{ "unknown-nested", -EINVAL, "key-add: unknown attribute in an entry" },
	{ "long-principal", -EINVAL, "key-add: principal of 300 bytes" },
	{ "no-nul", -EINVAL, "key-add: principal without its NUL" },
	{ "bad-principal", -EINVAL, "key-add: principal with an unescaped '@'" },
	{ "half-bad", -ENOPKG, "key-add: a good entry then a bad one (all or nothing)" },
	{ "duplicate", -EEXIST, "key-add: the same key twice in one request" },
	{ "flush-attr", -EINVAL, "key-flush: any attribute" },
	{ "del-no-realm", -EINVAL, "key-del: no realm" },
	{ "del-kvno0", -ERANGE, "key-del: kvno 0" },
	{ "get-missing", -EINVAL, "key-get do: no kvno nor enctype" },
	{ "dump-half", -EINVAL, "key-get dump: principal without realm" },
	{ "verify-no-token", -EINVAL, "verify: no token" },
	{ "verify-long-service", -EINVAL, "verify: service of 600 bytes" },
	{ "config-skew", -ERANGE, "config-set: clock skew 86401" },
	{ "config-replay", -ERANGE, "config-set: replay cache size 10" },
	{ "config-enctypes0", -EINVAL, "config-set: empty enctype mask" },
	{ "config-enctypes-rc4", -EINVAL, "config-set: rc4 in the enctype mask" },
	{ "config-readonly", -EINVAL, "config-set: supported-enctypes (read-only)" },
	{ "reserved", -EINVAL, "key-flush: reserved genl header byte set" },
	{ "bad-cmd", -EOPNOTSUPP, "command 99" },
};

static void build(struct msg *m, uint16_t fam, const char *c)
{
	char long_s[700];

	memset(long_s, 'a', sizeof(long_s));
	long_s[sizeof(long_s) - 1] = '\0';
#define IS(x) (!strcmp(c, x))
	if (IS("flush-attr") || IS("reserved")) {
		start(m, fam, KRB5AP_CMD_KEY_FLUSH, 0);
		if (IS("flush-attr"))
			attr_u32(m, KRB5AP_A_KEY_KVNO, 2);
		else
			((struct genlmsghdr *)NLMSG_DATA(m->nlh))->reserved = 1;
		return;
	}
	if (IS("bad-cmd")) {
		start(m, fam, 99, 0);
		return;
	}
	if (IS("del-no-realm") || IS("del-kvno0")) {
		start(m, fam, KRB5AP_CMD_KEY_DEL, 0);
		attr_str(m, KRB5AP_A_KEY_PRINCIPAL, "cifs/fs1.krb5ap.test");
		if (IS("del-kvno0")) {
			attr_str(m, KRB5AP_A_KEY_REALM, "KRB5AP.TEST");
			attr_u32(m, KRB5AP_A_KEY_KVNO, 0);
		}
		return;
	}
	if (IS("get-missing")) {
		start(m, fam, KRB5AP_CMD_KEY_GET, 0);
		attr_str(m, KRB5AP_A_KEY_PRINCIPAL, "cifs/fs1.krb5ap.test");
		attr_str(m, KRB5AP_A_KEY_REALM, "KRB5AP.TEST");
		return;
	}
	if (IS("dump-half")) {
		start(m, fam, KRB5AP_CMD_KEY_GET, NLM_F_DUMP);
		attr_str(m, KRB5AP_A_KEY_PRINCIPAL, "cifs/fs1.krb5ap.test");
		return;
	}
	if (IS("verify-no-token") || IS("verify-long-service")) {
		start(m, fam, KRB5AP_CMD_VERIFY, 0);
		if (IS("verify-long-service")) {
			attr(m, KRB5AP_A_VERIFY_TOKEN, key32, sizeof(key32));
			attr_str(m, KRB5AP_A_VERIFY_SERVICE, long_s + 700 - 601);
		}
		return;
	}
	if (!strncmp(c, "config-", 7)) {
		start(m, fam, KRB5AP_CMD_CONFIG_SET, 0);
		if (IS("config-skew"))
			attr_u32(m, KRB5AP_A_CONFIG_CLOCK_SKEW, 86401);
		else if (IS("config-replay"))
			attr_u32(m, KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE, 10);
		else if (IS("config-enctypes0"))
			attr_u32(m, KRB5AP_A_CONFIG_ENCTYPES, 0);
		else if (IS("config-enctypes-rc4"))
			attr_u32(m, KRB5AP_A_CONFIG_ENCTYPES, 1u << 18 | 1u << 23);
		else
			attr_u32(m, KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES, 1u << 18);
		return;
	}
	start(m, fam, KRB5AP_CMD_KEY_ADD, 0);
	if (IS("key-short"))
		entry(m, "bad/x", "KRB5AP.TEST", 1, 18, key16, 16, 0);
	else if (IS("key-long"))
		entry(m, "bad/x", "KRB5AP.TEST", 1, 17, key32, 32, 0);
	else if (IS("kvno0"))
		entry(m, "bad/x", "KRB5AP.TEST", 0, 18, key32, 32, 0);
	else if (IS("enctype-rc4"))
		entry(m, "bad/x", "KRB5AP.TEST", 1, 23, key16, 16, 0);
	else if (IS("enctype-99"))
		entry(m, "bad/x", "KRB5AP.TEST", 1, 99, key16, 16, 0);
	else if (IS("no-principal"))
		entry(m, NULL, "KRB5AP.TEST", 1, 18, key32, 32, 0);
	else if (IS("no-key"))
		entry(m, "bad/x", "KRB5AP.TEST", 1, 18, NULL, 0, 0);
	else if (IS("unknown-top"))
		attr_u32(m, 5, 1);
	else if (IS("unknown-nested"))
		entry(m, "bad/x", "KRB5AP.TEST", 1, 18, key32, 32, 1);
	else if (IS("long-principal"))
		entry(m, long_s + 700 - 301, "KRB5AP.TEST", 1, 18, key32, 32, 0);
	else if (IS("no-nul")) {
		struct nlattr *n = nest_start(m, KRB5AP_A_KEYTAB_ENTRY);

		attr(m, KRB5AP_A_KEY_PRINCIPAL, "bad/x", 5);
		attr_str(m, KRB5AP_A_KEY_REALM, "KRB5AP.TEST");
		attr_u32(m, KRB5AP_A_KEY_KVNO, 1);
		attr_u32(m, KRB5AP_A_KEY_ENCTYPE, 18);
		attr(m, KRB5AP_A_KEY_DATA, key32, 32);
		nest_end(m, n);
	} else if (IS("bad-principal"))
		entry(m, "bad@x", "KRB5AP.TEST", 1, 18, key32, 32, 0);
	else if (IS("half-bad")) {
		entry(m, "good/x", "KRB5AP.TEST", 1, 18, key32, 32, 0);
		entry(m, "good/y", "KRB5AP.TEST", 1, 23, key16, 16, 0);
	} else if (IS("duplicate")) {
		entry(m, "dup/x", "KRB5AP.TEST", 1, 18, key32, 32, 0);
		entry(m, "dup/x", "KRB5AP.TEST", 1, 18, key32, 32, 0);
	} else if (!IS("no-entry")) {
		fprintf(stderr, "netlink-bad: unknown case %s\n", c);
		exit(2);
	}
#undef IS
}

int main(int argc, char **argv)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	const struct tcase *tc = NULL;
	char extack[512];
	static struct msg m;
	uint16_t fam = 0;
	int one = 1, err;
	size_t i;

	if (argc != 2 && !(argc == 6 && !strcmp(argv[1], "raw-get"))) {
		fprintf(stderr, "usage: netlink-bad CASE|list|raw-dump|raw-get P R KVNO ENCTYPE\n");
		return 2;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (!strcmp(argv[1], "list"))
			printf("%s\t%s\n", cases[i].name, cases[i].what);
		else if (!strcmp(argv[1], cases[i].name))
			tc = &cases[i];
	}
	if (!strcmp(argv[1], "list"))
		return 0;
	if (!tc && strncmp(argv[1], "raw-", 4)) {
		fprintf(stderr, "netlink-bad: unknown case %s\n", argv[1]);
		return 2;
	}
	sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (sock < 0 || bind(sock, (struct sockaddr *)&sa, sizeof(sa))) {
		perror("netlink-bad: socket");
		return 2;
	}
	setsockopt(sock, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(sock, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	start(&m, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	attr_str(&m, CTRL_ATTR_FAMILY_NAME, KRB5AP_FAMILY_NAME);
	err = talk(&m, extack, sizeof(extack), family_cb, &fam);
	if (err || !fam) {
		fprintf(stderr, "netlink-bad: no krb5ap family (%d)\n", err);
		return 2;
	}

	if (!tc) {
		int n = 0;

		if (!strcmp(argv[1], "raw-dump")) {
			start(&m, fam, KRB5AP_CMD_KEY_GET, NLM_F_DUMP);
		} else {
			start(&m, fam, KRB5AP_CMD_KEY_GET, 0);
			attr_str(&m, KRB5AP_A_KEY_PRINCIPAL, argv[2]);
			attr_str(&m, KRB5AP_A_KEY_REALM, argv[3]);
			attr_u32(&m, KRB5AP_A_KEY_KVNO, strtoul(argv[4], NULL, 0));
			attr_u32(&m, KRB5AP_A_KEY_ENCTYPE, strtoul(argv[5], NULL, 0));
		}
		err = talk(&m, extack, sizeof(extack), hex_cb, &n);
		if (err)
			fprintf(stderr, "%s: errno %d (%s): %s\n", argv[1], -err,
				strerror(-err), extack);
		return err || !n ? 1 : 0;
	}
	build(&m, fam, tc->name);
	err = talk(&m, extack, sizeof(extack), NULL, NULL);
	printf("%s: errno %d (%s): %s\n", tc->name, -err, err ? strerror(-err) : "none",
	       extack[0] ? extack : "(no extack message)");
	if (err != tc->err) {
		printf("%s: expected errno %d (%s)\n", tc->name, -tc->err, strerror(-tc->err));
		return 1;
	}
	/* Unknown commands are refused by the core before any extack. */
	if (!extack[0] && tc->err != -EOPNOTSUPP)
		return 1;
	return 0;
}
