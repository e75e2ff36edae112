// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for krb5apctl's netlink-side code that needs no kernel:
 * argument and principal parsing, Kerberos error and enctype naming,
 * base64, the messages krb5apctl builds, the parsing of the kernel's
 * replies (built here with libmnl), extack errors, text and JSON output,
 * and keytab reading (keytabs written here with libkrb5).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <krb5.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/krb5ap.h>
#include <linux/netlink.h>

#include "args.h"
#include "base64.h"
#include "keytab.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"
#include "output.h"
#include "test.h"

const char *prog = "krb5apctl";

/* Output of a print function, through a memory stream (static buffer). */
#define CAPTURE(call) ({						\
	static char *_buf;						\
	size_t _len;							\
	FILE *f;							\
	free(_buf);							\
	_buf = NULL;							\
	f = open_memstream(&_buf, &_len);				\
	call;								\
	fclose(f);							\
	_buf;								\
})

/* A reply message as the kernel would send it, in @buf. */
static struct nlmsghdr *reply_start(void *buf, uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = 0x20;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = KRB5AP_FAMILY_VERSION;
	return nlh;
}

TEST(principal_split_cases)
{
	char n[16], r[16];

	CHECK_EQ(principal_split("cifs/h@EX.TEST", n, sizeof(n), r, sizeof(r)), 0);
	CHECK_STR(n, "cifs/h");
	CHECK_STR(r, "EX.TEST");
	/* The last unescaped '@' separates the realm. */
	CHECK_EQ(principal_split("a\\@b@R", n, sizeof(n), r, sizeof(r)), 0);
	CHECK_STR(n, "a\\@b");
	CHECK_STR(r, "R");
	CHECK_EQ(principal_split("a@b@R", n, sizeof(n), r, sizeof(r)), 0);
	CHECK_STR(n, "a@b");
	CHECK_EQ(principal_split("alice", n, sizeof(n), r, sizeof(r)), 0);
	CHECK_STR(n, "alice");
	CHECK_STR(r, "");
	CHECK_EQ(principal_split("a\\@R", n, sizeof(n), r, sizeof(r)), 0);
	CHECK_STR(r, "");
	CHECK_EQ(principal_split("@R", n, sizeof(n), r, sizeof(r)), -EINVAL);
	CHECK_EQ(principal_split("a@", n, sizeof(n), r, sizeof(r)), -EINVAL);
	CHECK_EQ(principal_split("", n, sizeof(n), r, sizeof(r)), -EINVAL);
	CHECK_EQ(principal_split("0123456789abcdef@R", n, sizeof(n), r, sizeof(r)),
		 -ENAMETOOLONG);
	CHECK_EQ(principal_split("a@0123456789abcdef", n, sizeof(n), r, sizeof(r)),
		 -ENAMETOOLONG);
	principal_join("alice", "EX", n, sizeof(n));
	CHECK_STR(n, "alice@EX");
	principal_join("alice", "", n, sizeof(n));
	CHECK_STR(n, "alice");
}

TEST(krb_error_names)
{
	char buf[160];

	CHECK_STR(krb_error_name(31), "KRB_AP_ERR_BAD_INTEGRITY");
	CHECK_STR(krb_error_name(32), "KRB_AP_ERR_TKT_EXPIRED");
	CHECK_STR(krb_error_name(33), "KRB_AP_ERR_TKT_NYV");
	CHECK_STR(krb_error_name(34), "KRB_AP_ERR_REPEAT");
	CHECK_STR(krb_error_name(36), "KRB_AP_ERR_BADMATCH");
	CHECK_STR(krb_error_name(37), "KRB_AP_ERR_SKEW");
	CHECK_STR(krb_error_name(44), "KRB_AP_ERR_BADKEYVER");
	CHECK_STR(krb_error_name(45), "KRB_AP_ERR_NOKEY");
	CHECK_STR(krb_error_name(14), "KDC_ERR_ETYPE_NOSUPP");
	CHECK_STR(krb_error_name(145), "KRB_AP_ERR_TKT_INVALID");
	CHECK_STR(krb_error_name(188), "KRB5_BAD_ENCTYPE");
	CHECK(krb_error_name(999) == NULL);
	CHECK(krb_error_text(999) == NULL);
	krb_error_describe(34, buf, sizeof(buf));
	CHECK_STR(buf, "KRB_AP_ERR_REPEAT (34): The request is a replay");
	krb_error_describe(999, buf, sizeof(buf));
	CHECK_STR(buf, "Kerberos error 999");
	/* Every named code has a sentence. */
	for (unsigned int c = 0; c < 256; c++)
		if (krb_error_name(c))
			CHECK(krb_error_text(c) && *krb_error_text(c));
	CHECK_STR(errno_name(EBADMSG, buf, sizeof(buf)), "EBADMSG");
	CHECK_STR(errno_name(100000, buf, sizeof(buf)), "E100000");
}

TEST(enctype_names)
{
	uint32_t e = 0, m = 0;
	char buf[256];

	CHECK_STR(enctype_name(18), "aes256-cts-hmac-sha1-96");
	CHECK_STR(enctype_name(26), "camellia256-cts-cmac");
	CHECK(enctype_name(23) == NULL);
	CHECK_EQ(enctype_key_len(17), 16);
	CHECK_EQ(enctype_key_len(20), 32);
	CHECK_EQ(enctype_key_len(23), 0);
	CHECK_EQ(enctypes_known_mask(), (1U << 17) | (1U << 18) | (1U << 19) |
		 (1U << 20) | (1U << 25) | (1U << 26));
	CHECK_EQ(enctype_parse("18", 2, &e), 0);
	CHECK_EQ(e, 18);
	CHECK_EQ(enctype_parse("AES128-CTS-HMAC-SHA256-128", 26, &e), 0);
	CHECK_EQ(e, 19);
	CHECK_EQ(enctype_parse("23", 2, &e), -EINVAL);
	CHECK_EQ(enctype_parse("arcfour-hmac", 12, &e), -EINVAL);
	CHECK_EQ(enctype_parse("", 0, &e), -EINVAL);
	CHECK_EQ(enctype_parse("18x", 3, &e), -EINVAL);
	CHECK_EQ(enctype_list_parse("aes256-cts-hmac-sha1-96, 19\n", &m), 0);
	CHECK_EQ(m, (1U << 18) | (1U << 19));
	m = 7;
	CHECK_EQ(enctype_list_parse(" , ", &m), -EINVAL);
	CHECK_EQ(enctype_list_parse("18,des-cbc-crc", &m), -EINVAL);
	CHECK_EQ(m, 7);
	enctype_list_format((1U << 26) | (1U << 17) | (1U << 5), buf, sizeof(buf));
	CHECK_STR(buf, "5,aes128-cts-hmac-sha1-96,camellia256-cts-cmac");
	enctype_describe(23, buf, sizeof(buf));
	CHECK_STR(buf, "arcfour-hmac (23)");
	enctype_describe(18, buf, sizeof(buf));
	CHECK_STR(buf, "aes256-cts-hmac-sha1-96 (18)");
	enctype_describe(99, buf, sizeof(buf));
	CHECK_STR(buf, "enctype 99");
}

TEST(flag_names)
{
	char buf[256];

	ticket_flags_format(0x40e00000, buf, sizeof(buf));
	CHECK_STR(buf, "forwardable renewable initial pre-authent");
	ticket_flags_format(0x01000000, buf, sizeof(buf));
	CHECK_STR(buf, "invalid");
	ticket_flags_format(0x80000000 | 0x00000001, buf, sizeof(buf));
	CHECK_STR(buf, "bit0 bit31");
	ticket_flags_format(0, buf, sizeof(buf));
	CHECK_STR(buf, "");
	gss_flags_format(0x22, buf, sizeof(buf));
	CHECK_STR(buf, "mutual integ");
	gss_flags_format(0x103e, buf, sizeof(buf));
	CHECK_STR(buf, "mutual replay sequence conf integ dce-style");
	gss_flags_format(0x100, buf, sizeof(buf));
	CHECK_STR(buf, "0x100");
}

TEST(base64_decode_cases)
{
	uint8_t out[16];

	CHECK_EQ(base64_decode("YWJj", 4, out, sizeof(out)), 3);
	CHECK(!memcmp(out, "abc", 3));
	CHECK_EQ(base64_decode("YWI=", 4, out, sizeof(out)), 2);
	CHECK(!memcmp(out, "ab", 2));
	CHECK_EQ(base64_decode("YWI", 3, out, sizeof(out)), 2);
	CHECK_EQ(base64_decode("YQ==", 4, out, sizeof(out)), 1);
	CHECK_EQ(out[0], 'a');
	CHECK_EQ(base64_decode(" YW\nJj\r\n\t", 9, out, sizeof(out)), 3);
	CHECK_EQ(base64_decode("", 0, out, sizeof(out)), 0);
	CHECK_EQ(base64_decode("+/+/", 4, out, sizeof(out)), 3);
	CHECK_EQ(out[0], 0xfb);
	CHECK_EQ(out[1], 0xff);
	CHECK_EQ(out[2], 0xbf);
	/* Malformed input is refused, never half-decoded. */
	CHECK_EQ(base64_decode("YW!j", 4, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("Y", 1, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YR==", 4, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YWJj=", 5, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YQ=a", 4, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YQ=", 3, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YWI==", 5, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YW-_", 4, out, sizeof(out)), -EINVAL);
	CHECK_EQ(base64_decode("YWJjYWJj", 8, out, 5), -EMSGSIZE);
}

TEST(base64_round_trip)
{
	uint8_t in[64], out[64];
	char text[100];
	size_t len, n;

	for (len = 0; len < sizeof(in); len++) {
		for (n = 0; n < len; n++)
			in[n] = (uint8_t)(n * 37 + len);
		n = base64_encode(in, len, text, sizeof(text));
		CHECK_EQ(n, (len + 2) / 3 * 4);
		CHECK_EQ(base64_decode(text, n, out, sizeof(out)), (long long)len);
		CHECK(!memcmp(in, out, len));
	}
	CHECK_EQ(base64_encode((const uint8_t *)"abc", 3, text, 4), 0);
	CHECK_EQ(base64_encode((const uint8_t *)"ab", 2, text, sizeof(text)), 4);
	CHECK_STR(text, "YWI=");
}

static void fill_array(struct json *j)
{
	json_uint(j, "n", 2);
	json_arr(j, "keys");
	json_obj(j, NULL);
	json_str(j, "principal", "a@R");
	json_uint(j, "kvno", 1);
	json_close(j);
	json_obj(j, NULL);
	json_arr(j, "inner");
	json_uint(j, NULL, 5);
	json_str(j, NULL, "x");
	json_close(j);
	json_close(j);
	json_close(j);
	json_arr(j, "empty");
	json_close(j);
	json_bool(j, "last", false);
	json_close(j);		/* at the top level: nothing to close */
}

TEST(json_arrays)
{
	struct json j;

	CHECK_STR(CAPTURE((json_begin(&j, f), fill_array(&j), json_end(&j))),
		  "{\"n\":2,\"keys\":[{\"principal\":\"a@R\",\"kvno\":1},{\"inner\":[5,\"x\"]}],\"empty\":[],\"last\":false}\n");
	/* json_end closes open arrays and objects in order. */
	CHECK_STR(CAPTURE((json_begin(&j, f), json_arr(&j, "a"),
			   json_obj(&j, NULL), json_end(&j))),
		  "{\"a\":[{}]}\n");
}

static struct nlmsghdr *accepted_reply(void *buf)
{
	static const uint8_t ap_rep[] = { 0x6f, 0x03, 0x02, 0x01, 0x05 };
	struct nlmsghdr *nlh = reply_start(buf, KRB5AP_CMD_VERIFY);

	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_OUTCOME, KRB5AP_OUTCOME_ACCEPTED);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KRB_ERROR, 0);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_ERRNO, 0);
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_CLIENT, "alice");
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_CLIENT_REALM, "EXAMPLE.TEST");
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_SERVER, "cifs/fs1.example.test");
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_SERVER_REALM, "EXAMPLE.TEST");
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KVNO, 3);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_ENCTYPE, 18);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_SESSION_ENCTYPE, 18);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_SUBKEY_ENCTYPE, 17);
	mnl_attr_put_u64(nlh, KRB5AP_A_VERIFY_AUTHTIME, 1764090000);
	mnl_attr_put_u64(nlh, KRB5AP_A_VERIFY_ENDTIME, 1764126000);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_TICKET_FLAGS, 0x40e00000);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_GSS_FLAGS, 0x22);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_SEQ, 12345);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_FRAMING, KRB5AP_TOKEN_FRAMING_GSS);
	mnl_attr_put(nlh, KRB5AP_A_VERIFY_MUTUAL, 0, NULL);
	mnl_attr_put(nlh, KRB5AP_A_VERIFY_AP_REP, sizeof(ap_rep), ap_rep);
	return nlh;
}

TEST(verify_accepted_output)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct krb5ap_verify_info v;

	CHECK_EQ(verify_parse(accepted_reply(buf), &v), 0);
	CHECK_EQ(v.outcome, KRB5AP_OUTCOME_ACCEPTED);
	CHECK(v.mutual);
	CHECK_EQ(v.ap_rep_len, 5);
	CHECK(v.ap_rep && v.ap_rep[0] == 0x6f);
	CHECK(!v.has_starttime && !v.has_renew_till);
	CHECK_STR(CAPTURE(verify_print(f, &v, false)),
		  "accepted\n"
		  "  client       alice@EXAMPLE.TEST\n"
		  "  server       cifs/fs1.example.test@EXAMPLE.TEST\n"
		  "  kvno         3\n"
		  "  enctype      aes256-cts-hmac-sha1-96 (18)\n"
		  "  session key  aes256-cts-hmac-sha1-96 (18)\n"
		  "  subkey       aes128-cts-hmac-sha1-96 (17)\n"
		  "  authtime     2025-11-25T17:00:00Z\n"
		  "  endtime      2025-11-26T03:00:00Z\n"
		  "  flags        0x40e00000 forwardable renewable initial pre-authent\n"
		  "  gss flags    0x22 mutual integ\n"
		  "  seq          12345\n"
		  "  framing      gss\n"
		  "  mutual       yes\n");
	CHECK_STR(CAPTURE(verify_print(f, &v, true)),
		  "{\"status\":\"accepted\",\"client\":\"alice@EXAMPLE.TEST\","
		  "\"server\":\"cifs/fs1.example.test@EXAMPLE.TEST\",\"enctype\":18,"
		  "\"kvno\":3,\"session_enctype\":18,\"subkey_enctype\":17,"
		  "\"authtime\":1764090000,\"endtime\":1764126000,"
		  "\"ticket_flags\":1088421888,\"ticket_flags_names\":\"forwardable renewable initial pre-authent\","
		  "\"gss_flags\":34,\"gss_flags_names\":\"mutual integ\",\"seq\":12345,"
		  "\"framing\":\"gss\",\"mutual\":true}\n");
}

TEST(verify_rejected_output)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct krb5ap_verify_info v;
	struct nlmsghdr *nlh = reply_start(buf, KRB5AP_CMD_VERIFY);

	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_OUTCOME, KRB5AP_OUTCOME_REJECTED);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KRB_ERROR, 31);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_ERRNO, EBADMSG);
	CHECK_EQ(verify_parse(nlh, &v), 0);
	CHECK_STR(CAPTURE(verify_print(f, &v, false)),
		  "rejected: KRB_AP_ERR_BAD_INTEGRITY (31): Integrity check on decrypted field failed (wrong key, or a modified token) [EBADMSG]\n");
	CHECK_STR(CAPTURE(verify_print(f, &v, true)),
		  "{\"status\":\"rejected\",\"error\":\"KRB_AP_ERR_BAD_INTEGRITY\",\"krb_error\":31,"
		  "\"message\":\"Integrity check on decrypted field failed (wrong key, or a modified token)\","
		  "\"errno\":74,\"errno_name\":\"EBADMSG\"}\n");

	/* An unnamed code still prints, by number. */
	nlh = reply_start(buf, KRB5AP_CMD_VERIFY);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_OUTCOME, KRB5AP_OUTCOME_REJECTED);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KRB_ERROR, 99);
	CHECK_EQ(verify_parse(nlh, &v), 0);
	CHECK_STR(CAPTURE(verify_print(f, &v, false)), "rejected: Kerberos error 99\n");
	CHECK_STR(CAPTURE(verify_print(f, &v, true)),
		  "{\"status\":\"rejected\",\"krb_error\":99}\n");

	/* No outcome: not a result. */
	nlh = reply_start(buf, KRB5AP_CMD_VERIFY);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KVNO, 1);
	CHECK_EQ(verify_parse(nlh, &v), -EBADMSG);
	/* Wrongly sized attributes are ignored, not misread. */
	nlh = reply_start(buf, KRB5AP_CMD_VERIFY);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_OUTCOME, KRB5AP_OUTCOME_ACCEPTED);
	mnl_attr_put_u16(nlh, KRB5AP_A_VERIFY_KVNO, 1);
	mnl_attr_put(nlh, KRB5AP_A_VERIFY_CLIENT, 3, "abc");
	CHECK_EQ(verify_parse(nlh, &v), 0);
	CHECK(!v.has_kvno);
	CHECK_STR(v.client, "");
}

TEST(monitor_output)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct krb5ap_verify_info v;
	struct nlmsghdr *nlh = reply_start(buf, KRB5AP_CMD_RESULT);

	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_OUTCOME, KRB5AP_OUTCOME_ACCEPTED);
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_CLIENT, "alice");
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_CLIENT_REALM, "R");
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_SERVER, "nfs/h");
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_SERVER_REALM, "R");
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KVNO, 2);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_ENCTYPE, 17);
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_TAG, "nfsd");
	CHECK_EQ(verify_parse(nlh, &v), 0);
	CHECK_STR(CAPTURE(monitor_print(f, &v, false, "T")),
		  "T accepted alice@R -> nfs/h@R kvno 2 aes128-cts-hmac-sha1-96 (17) [nfsd]\n");
	CHECK_STR(CAPTURE(monitor_print(f, &v, true, "T")),
		  "{\"time\":\"T\",\"status\":\"accepted\",\"client\":\"alice@R\",\"server\":\"nfs/h@R\",\"enctype\":17,\"kvno\":2,\"tag\":\"nfsd\"}\n");

	nlh = reply_start(buf, KRB5AP_CMD_RESULT);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_OUTCOME, KRB5AP_OUTCOME_REJECTED);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_KRB_ERROR, 34);
	mnl_attr_put_u32(nlh, KRB5AP_A_VERIFY_ERRNO, EEXIST);
	mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_TAG, "netlink");
	CHECK_EQ(verify_parse(nlh, &v), 0);
	CHECK_STR(CAPTURE(monitor_print(f, &v, false, "T")),
		  "T rejected KRB_AP_ERR_REPEAT [netlink]\n");
	CHECK_STR(CAPTURE(monitor_print(f, &v, true, "T")),
		  "{\"time\":\"T\",\"status\":\"rejected\",\"error\":\"KRB_AP_ERR_REPEAT\",\"krb_error\":34,\"errno_name\":\"EEXIST\",\"tag\":\"netlink\"}\n");
}

TEST(stats_output)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct krb5ap_stats_info s;
	struct nlmsghdr *nlh = reply_start(buf, KRB5AP_CMD_STATS_GET);
	struct nlattr *nest;

	mnl_attr_put_u64(nlh, KRB5AP_A_STATS_ACCEPTED, 12);
	mnl_attr_put_u64(nlh, KRB5AP_A_STATS_REJECTED, 5);
	nest = mnl_attr_nest_start(nlh, KRB5AP_A_STATS_ERROR);
	mnl_attr_put_u32(nlh, KRB5AP_A_STATS_ERROR_CODE, 31);
	mnl_attr_put_u64(nlh, KRB5AP_A_STATS_ERROR_COUNT, 3);
	mnl_attr_nest_end(nlh, nest);
	nest = mnl_attr_nest_start(nlh, KRB5AP_A_STATS_ERROR);
	mnl_attr_put_u32(nlh, KRB5AP_A_STATS_ERROR_CODE, 200);
	mnl_attr_put_u64(nlh, KRB5AP_A_STATS_ERROR_COUNT, 2);
	mnl_attr_nest_end(nlh, nest);
	mnl_attr_put_u32(nlh, KRB5AP_A_STATS_KEYS, 4);
	mnl_attr_put_u32(nlh, KRB5AP_A_STATS_PRINCIPALS, 2);
	mnl_attr_put_u32(nlh, KRB5AP_A_STATS_REPLAY_ENTRIES, 17);
	memset(&s, 0, sizeof(s));
	stats_parse(nlh, &s);
	CHECK_EQ(s.accepted, 12);
	CHECK_EQ(s.errors[31], 3);
	CHECK_EQ(s.errors[200], 2);
	CHECK_STR(CAPTURE(stats_print(f, &s, false)),
		  "accepted:        12\n"
		  "rejected:        5\n"
		  "  KRB_AP_ERR_BAD_INTEGRITY (31)            3\n"
		  "  error 200 (200)                          2\n"
		  "keys:            4\n"
		  "principals:      2\n"
		  "replay entries:  17\n");
	CHECK_STR(CAPTURE(stats_print(f, &s, true)),
		  "{\"accepted\":12,\"rejected\":5,\"errors\":[{\"code\":31,\"error\":\"KRB_AP_ERR_BAD_INTEGRITY\",\"count\":3},"
		  "{\"code\":200,\"count\":2}],\"keys\":4,\"principals\":2,\"replay_entries\":17}\n");
}

TEST(key_list_output)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct krb5ap_key_info k[3];
	struct nlmsghdr *nlh = reply_start(buf, KRB5AP_CMD_KEY_GET);

	mnl_attr_put_strz(nlh, KRB5AP_A_KEY_PRINCIPAL, "cifs/h");
	mnl_attr_put_strz(nlh, KRB5AP_A_KEY_REALM, "R");
	mnl_attr_put_u32(nlh, KRB5AP_A_KEY_KVNO, 2);
	mnl_attr_put_u32(nlh, KRB5AP_A_KEY_ENCTYPE, 18);
	CHECK_EQ(key_parse(nlh, &k[0]), 0);
	CHECK_STR(k[0].principal, "cifs/h");
	CHECK_EQ(k[0].kvno, 2);
	k[1] = k[0];
	k[1].kvno = 3;
	k[2] = k[0];
	snprintf(k[2].principal, sizeof(k[2].principal), "HTTP/h");
	k[2].enctype = 17;
	CHECK_STR(CAPTURE(key_list_print(f, k, 3, false)),
		  "PRINCIPAL                                     KVNO  ENCTYPE\n"
		  "HTTP/h@R                                         2  aes128-cts-hmac-sha1-96 (17)\n"
		  "cifs/h@R                                         3  aes256-cts-hmac-sha1-96 (18)\n"
		  "cifs/h@R                                         2  aes256-cts-hmac-sha1-96 (18)\n");
	CHECK_STR(CAPTURE(key_list_print(f, k, 1, true)),
		  "{\"keys\":[{\"principal\":\"cifs/h@R\",\"kvno\":2,\"enctype\":18,\"enctype_name\":\"aes256-cts-hmac-sha1-96\"}]}\n");
	CHECK_STR(CAPTURE(key_list_print(f, k, 0, false)), "no keys loaded\n");
	CHECK_STR(CAPTURE(key_list_print(f, k, 0, true)), "{\"keys\":[]}\n");
	/* A message without a principal is not a key. */
	nlh = reply_start(buf, KRB5AP_CMD_KEY_GET);
	mnl_attr_put_u32(nlh, KRB5AP_A_KEY_KVNO, 2);
	CHECK_EQ(key_parse(nlh, &k[0]), -EBADMSG);
}

TEST(config_output_and_settings)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], why[256];
	struct krb5ap_config_info c = { 0 };
	struct nlmsghdr *nlh = reply_start(buf, KRB5AP_CMD_CONFIG_GET);
	uint16_t attr = 0;
	uint32_t v = 0;

	mnl_attr_put_u32(nlh, KRB5AP_A_CONFIG_CLOCK_SKEW, 300);
	mnl_attr_put_u32(nlh, KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE, 1048576);
	mnl_attr_put_u32(nlh, KRB5AP_A_CONFIG_MAX_TOKEN_SIZE, 65536);
	mnl_attr_put_u32(nlh, KRB5AP_A_CONFIG_ENCTYPES, (1U << 18) | (1U << 20));
	mnl_attr_put_u32(nlh, KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES, enctypes_known_mask());
	config_parse(nlh, &c);
	CHECK_EQ(c.clock_skew, 300);
	CHECK_STR(CAPTURE(config_print(f, &c, false)),
		  "clock_skew:         300 s\n"
		  "replay_cache_size:  1048576 entries\n"
		  "max_token_size:     65536 bytes\n"
		  "enctypes:           aes256-cts-hmac-sha1-96,aes256-cts-hmac-sha384-192\n"
		  "supported enctypes: aes128-cts-hmac-sha1-96,aes256-cts-hmac-sha1-96,"
		  "aes128-cts-hmac-sha256-128,aes256-cts-hmac-sha384-192,camellia128-cts-cmac,"
		  "camellia256-cts-cmac\n");
	CHECK_STR(CAPTURE(config_print(f, &c, true)),
		  "{\"clock_skew\":300,\"replay_cache_size\":1048576,\"max_token_size\":65536,"
		  "\"enctypes\":\"aes256-cts-hmac-sha1-96,aes256-cts-hmac-sha384-192\",\"enctypes_mask\":1310720,"
		  "\"supported_enctypes\":\"aes128-cts-hmac-sha1-96,aes256-cts-hmac-sha1-96,"
		  "aes128-cts-hmac-sha256-128,aes256-cts-hmac-sha384-192,camellia128-cts-cmac,"
		  "camellia256-cts-cmac\",\"supported_enctypes_mask\":102629376}\n");

	CHECK_EQ(config_setting("clock_skew", "120", &attr, &v, why, sizeof(why)), 0);
	CHECK_EQ(attr, KRB5AP_A_CONFIG_CLOCK_SKEW);
	CHECK_EQ(v, 120);
	CHECK_EQ(config_setting("clock-skew", "0", &attr, &v, why, sizeof(why)), 0);
	CHECK_EQ(config_setting("clock_skew", "86401", &attr, &v, why, sizeof(why)), -EINVAL);
	CHECK_STR(why, "clock_skew must be a number from 0 to 86400");
	CHECK_EQ(config_setting("replay_cache_size", "1023", &attr, &v, why, sizeof(why)), -EINVAL);
	CHECK_EQ(config_setting("replay_cache_size", "1024", &attr, &v, why, sizeof(why)), 0);
	CHECK_EQ(attr, KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE);
	CHECK_EQ(config_setting("max_token_size", "1048577", &attr, &v, why, sizeof(why)), -EINVAL);
	CHECK_EQ(config_setting("max_token_size", "-5", &attr, &v, why, sizeof(why)), -EINVAL);
	CHECK_EQ(config_setting("enctypes", "aes256-cts-hmac-sha1-96,17", &attr, &v, why, sizeof(why)), 0);
	CHECK_EQ(attr, KRB5AP_A_CONFIG_ENCTYPES);
	CHECK_EQ(v, (1U << 17) | (1U << 18));
	CHECK_EQ(config_setting("enctypes", "rc4-hmac", &attr, &v, why, sizeof(why)), -EINVAL);
	CHECK_EQ(config_setting("skew", "1", &attr, &v, why, sizeof(why)), -EINVAL);
	CHECK(strstr(why, "unknown setting 'skew'") != NULL);
}

static struct nlmsghdr *error_msg(void *buf, int error, bool capped,
				  const char *msg)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nlmsgerr *e;

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = (capped ? NLM_F_CAPPED : 0) | (msg ? NLM_F_ACK_TLVS : 0);
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	e->error = error;
	e->msg.nlmsg_len = sizeof(e->msg);
	if (!capped) {
		/* The request echoed: a header and 8 bytes of payload. */
		e->msg.nlmsg_len = sizeof(e->msg) + 8;
		mnl_nlmsg_put_extra_header(nlh, 8);
	}
	if (msg)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, 20);
	return nlh;
}

TEST(netlink_errors)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], extack[64], line[512];
	struct nlmsghdr *nlh;
	int err = -EINVAL;

	nlh = error_msg(buf, -EINVAL, true, "Unsupported attribute");
	CHECK_EQ(nl_parse_error(nlh, extack, sizeof(extack)), -EINVAL);
	CHECK_STR(extack, "Unsupported attribute");
	nlh = error_msg(buf, -ERANGE, false, "kvno must not be 0");
	CHECK_EQ(nl_parse_error(nlh, extack, sizeof(extack)), -ERANGE);
	CHECK_STR(extack, "kvno must not be 0");
	nlh = error_msg(buf, -ENOENT, true, NULL);
	CHECK_EQ(nl_parse_error(nlh, extack, sizeof(extack)), -ENOENT);
	CHECK_STR(extack, "");
	nlh = error_msg(buf, 0, true, NULL);
	CHECK_EQ(nl_parse_error(nlh, extack, sizeof(extack)), 0);
	/* A dump that failed ends with NLMSG_DONE carrying the error. */
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_ACK_TLVS;
	memcpy(mnl_nlmsg_put_extra_header(nlh, sizeof(int)), &err, sizeof(err));
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "table changed");
	CHECK_EQ(nl_parse_error(nlh, extack, sizeof(extack)), -EINVAL);
	CHECK_STR(extack, "table changed");

	nl_format_error(line, sizeof(line), "krb5apctl key", "listing keys", EPERM, "");
	CHECK_STR(line, "krb5apctl key: listing keys: permission denied: CAP_NET_ADMIN is needed");
	nl_format_error(line, sizeof(line), "krb5apctl keytab load", "loading keys",
			EINVAL, "wrong key length for enctype 18");
	CHECK_STR(line, "krb5apctl keytab load: loading keys: wrong key length for enctype 18 (Invalid argument)");
	nl_format_error(line, sizeof(line), "w", "x", ENOENT, NULL);
	CHECK_STR(line, "w: x: No such file or directory");
}

static void entry(struct kt_entry *e, const char *p, const char *r,
		  uint32_t kvno, uint32_t etype, unsigned int len)
{
	memset(e, 0, sizeof(*e));
	snprintf(e->principal, sizeof(e->principal), "%s", p);
	snprintf(e->realm, sizeof(e->realm), "%s", r);
	e->kvno = kvno;
	e->enctype = etype;
	e->key_len = len;
	memset(e->key, 0xa5, len);
}

TEST(keytab_message_layout)
{
	struct nl nl = { .family = 0x1234 };
	struct kt_list l = { 0 };
	struct kt_entry e;
	const struct nlattr *a, *b;
	struct nlmsghdr *nlh;
	const struct genlmsghdr *g;
	size_t size = 0;
	void *buf = NULL;
	int n = 0, fields;

	entry(&e, "cifs/h", "R", 2, 18, 32);
	CHECK_EQ(kt_list_add(&l, &e, NULL, "t"), 0);
	entry(&e, "cifs/h", "R", 3, 17, 16);
	CHECK_EQ(kt_list_add(&l, &e, NULL, "t"), 0);
	CHECK_EQ(kt_list_add(&l, &e, NULL, "t"), 0);	/* a duplicate */
	entry(&e, "HTTP/h", "R", 1, 18, 32);
	CHECK_EQ(kt_list_add(&l, &e, NULL, "t"), 0);
	CHECK_EQ(l.n, 3);
	CHECK_EQ(l.skipped, 1);
	CHECK_EQ(kt_list_principals(&l), 2);

	nlh = keytab_message(&nl, &l, false, &buf, &size);
	CHECK(nlh != NULL);
	if (!nlh)
		return;
	CHECK_EQ(nlh->nlmsg_type, 0x1234);
	CHECK(nlh->nlmsg_flags & NLM_F_ACK);
	CHECK(nlh->nlmsg_len <= size);
	g = mnl_nlmsg_get_payload(nlh);
	CHECK_EQ(g->cmd, KRB5AP_CMD_KEY_ADD);
	CHECK_EQ(g->version, KRB5AP_FAMILY_VERSION);
	mnl_attr_for_each(a, nlh, sizeof(*g)) {
		CHECK_EQ(mnl_attr_get_type(a), KRB5AP_A_KEYTAB_ENTRY);
		fields = 0;
		mnl_attr_for_each_nested(b, a) {
			switch (mnl_attr_get_type(b)) {
			case KRB5AP_A_KEY_PRINCIPAL:
				CHECK_STR(mnl_attr_get_str(b), l.v[n].principal);
				break;
			case KRB5AP_A_KEY_REALM:
				CHECK_STR(mnl_attr_get_str(b), "R");
				break;
			case KRB5AP_A_KEY_KVNO:
				CHECK_EQ(mnl_attr_get_u32(b), l.v[n].kvno);
				break;
			case KRB5AP_A_KEY_ENCTYPE:
				CHECK_EQ(mnl_attr_get_u32(b), l.v[n].enctype);
				break;
			case KRB5AP_A_KEY_DATA:
				CHECK_EQ(mnl_attr_get_payload_len(b), l.v[n].key_len);
				break;
			default:
				CHECK(0);
			}
			fields++;
		}
		CHECK_EQ(fields, 5);
		n++;
	}
	CHECK_EQ(n, 3);
	explicit_bzero(buf, size);
	free(buf);

	nlh = keytab_message(&nl, &l, true, &buf, &size);
	CHECK(nlh != NULL);
	if (nlh) {
		g = mnl_nlmsg_get_payload(nlh);
		CHECK_EQ(g->cmd, KRB5AP_CMD_KEY_REPLACE_SET);
	}
	free(buf);
	kt_list_wipe(&l);
	CHECK(l.v == NULL && l.n == 0);
}

TEST(keytab_filters)
{
	CHECK(kt_filter_match("cifs/h@R", "cifs/h", "R"));
	CHECK(kt_filter_match("cifs/h", "cifs/h", "ANY"));
	CHECK(!kt_filter_match("cifs/h@R", "cifs/h", "S"));
	CHECK(!kt_filter_match("cifs/h@R", "cifs/g", "R"));
	CHECK(!kt_filter_match("", "cifs/h", "R"));
}

/* Write a keytab with libkrb5; returns 0 on success. */
static int add_key(krb5_context ctx, krb5_keytab kt, const char *name,
		   krb5_kvno kvno, krb5_enctype etype, unsigned int len)
{
	krb5_keytab_entry e;
	uint8_t key[32];
	int ret;

	memset(&e, 0, sizeof(e));
	memset(key, 0x5a, sizeof(key));
	if (krb5_parse_name(ctx, name, &e.principal))
		return -1;
	e.vno = kvno;
	e.key.magic = KV5M_KEYBLOCK;
	e.key.enctype = etype;
	e.key.length = len;
	e.key.contents = key;
	ret = krb5_kt_add_entry(ctx, kt, &e);
	krb5_free_principal(ctx, e.principal);
	return ret ? -1 : 0;
}

TEST(keytab_read_file)
{
	char dir[] = "/tmp/krb5apctl-kt-XXXXXX", name[128], cmd[160];
	const char *filters[2];
	uint32_t all = enctypes_known_mask();
	struct kt_list l;
	krb5_context ctx;
	krb5_keytab kt;
	FILE *saved;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(name, sizeof(name), "FILE:%s/test.keytab", dir);
	CHECK_EQ(krb5_init_context(&ctx), 0);
	CHECK_EQ(krb5_kt_resolve(ctx, name, &kt), 0);
	CHECK_EQ(add_key(ctx, kt, "cifs/h.example.test@EX.TEST", 2, 18, 32), 0);
	CHECK_EQ(add_key(ctx, kt, "cifs/h.example.test@EX.TEST", 3, 17, 16), 0);
	CHECK_EQ(add_key(ctx, kt, "cifs/h.example.test@EX.TEST", 3, 23, 16), 0);
	CHECK_EQ(add_key(ctx, kt, "cifs/h.example.test@EX.TEST", 2, 18, 32), 0);
	CHECK_EQ(add_key(ctx, kt, "HTTP/h.example.test@EX.TEST", 1, 20, 32), 0);
	CHECK_EQ(add_key(ctx, kt, "host/h.example.test@EX.TEST", 0, 18, 32), 0);
	krb5_kt_close(ctx, kt);
	krb5_free_context(ctx);

	/* The skip messages go to stderr: keep them out of the TAP stream. */
	saved = stderr;
	stderr = fopen("/dev/null", "w");

	CHECK_EQ(keytab_read(name, NULL, 0, all, &l, "t"), 0);
	CHECK_EQ(l.n, 3);		/* arcfour, the duplicate and kvno 0 skipped */
	CHECK_EQ(l.skipped, 3);
	if (l.n == 3) {
		CHECK_STR(l.v[0].principal, "cifs/h.example.test");
		CHECK_STR(l.v[0].realm, "EX.TEST");
		CHECK_EQ(l.v[0].kvno, 2);
		CHECK_EQ(l.v[0].enctype, 18);
		CHECK_EQ(l.v[0].key_len, 32);
		CHECK_EQ(l.v[0].key[31], 0x5a);
		CHECK_EQ(l.v[1].kvno, 3);
		CHECK_EQ(l.v[1].key_len, 16);
		CHECK_STR(l.v[2].principal, "HTTP/h.example.test");
		CHECK_EQ(l.v[2].enctype, 20);
	}
	kt_list_wipe(&l);

	/* Only the enctypes the module supports. */
	CHECK_EQ(keytab_read(name, NULL, 0, all & ~(1U << 17), &l, "t"), 0);
	CHECK_EQ(l.n, 2);
	kt_list_wipe(&l);

	filters[0] = "HTTP/h.example.test@EX.TEST";
	CHECK_EQ(keytab_read(name, filters, 1, all, &l, "t"), 0);
	CHECK_EQ(l.n, 1);
	kt_list_wipe(&l);
	filters[0] = "cifs/h.example.test";
	CHECK_EQ(keytab_read(name, filters, 1, all, &l, "t"), 0);
	CHECK_EQ(l.n, 2);
	kt_list_wipe(&l);

	/* Every -p must match something. */
	filters[1] = "nobody@EX.TEST";
	CHECK_EQ(keytab_read(name, filters, 2, all, &l, "t"), -ENOENT);
	CHECK(l.v == NULL && l.n == 0);

	snprintf(name, sizeof(name), "FILE:%s/missing.keytab", dir);
	CHECK(keytab_read(name, NULL, 0, all, &l, "t") < 0);
	CHECK(l.v == NULL && l.n == 0);

	fclose(stderr);
	stderr = saved;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_EQ(system(cmd), 0);
}

TEST(verify_token_input)
{
	char why[128];
	uint8_t *tok = NULL;
	size_t len = 0;
	FILE *f;

	f = fmemopen("YII=\n", 5, "r");
	CHECK_EQ(verify_read_token(f, true, &tok, &len, why, sizeof(why)), 0);
	fclose(f);
	CHECK_EQ(len, 2);
	if (tok)
		CHECK(tok[0] == 0x60 && tok[1] == 0x82);
	free(tok);
	tok = NULL;

	f = fmemopen("\x6e\x01\x00", 3, "r");
	CHECK_EQ(verify_read_token(f, false, &tok, &len, why, sizeof(why)), 0);
	fclose(f);
	CHECK_EQ(len, 3);
	free(tok);
	tok = NULL;

	f = fmemopen("not base64!", 11, "r");
	CHECK_EQ(verify_read_token(f, true, &tok, &len, why, sizeof(why)), -EINVAL);
	fclose(f);
	CHECK_STR(why, "the input is not valid base64");

	f = fmemopen(" \n", 2, "r");
	CHECK_EQ(verify_read_token(f, true, &tok, &len, why, sizeof(why)), -EINVAL);
	fclose(f);
	CHECK_STR(why, "the token is empty");
	CHECK(tok == NULL);
}

TEST(verify_token_too_large)
{
	size_t big = 70000;
	char *data = calloc(1, big), why[128];
	uint8_t *tok = NULL;
	size_t len = 0;
	FILE *f;

	CHECK(data != NULL);
	if (!data)
		return;
	f = fmemopen(data, big, "r");
	CHECK_EQ(verify_read_token(f, false, &tok, &len, why, sizeof(why)), -EMSGSIZE);
	fclose(f);
	CHECK(strstr(why, "at most 65531") != NULL);
	free(data);
}

/* Run a subcommand with its output thrown away; returns its exit status. */
static int run_quiet(int (*cmd)(int, char **), int argc, const char *const *argv)
{
	char *args[16];
	int out, err, null, ret, i;

	for (i = 0; i < argc && i < 15; i++)
		args[i] = (char *)argv[i];
	args[i] = NULL;
	fflush(stdout);
	fflush(stderr);
	out = dup(1);
	err = dup(2);
	null = open("/dev/null", O_WRONLY);
	dup2(null, 1);
	dup2(null, 2);
	ret = cmd(argc, args);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(err, 2);
	close(out);
	close(err);
	close(null);
	return ret;
}

#define RUNQ(cmd, ...) ({						\
	static const char *const _argv[] = { __VA_ARGS__ };		\
	run_quiet(cmd, (int)(sizeof(_argv) / sizeof(_argv[0])), _argv);	\
})

/*
 * Argument parsing of every subcommand: --help works and usage errors exit
 * with 2, all before any netlink traffic.
 */
TEST(subcommand_arguments)
{
	CHECK_EQ(RUNQ(cmd_keytab, "keytab", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_keytab, "keytab", "load", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_keytab, "keytab"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_keytab, "keytab", "unload"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_keytab, "keytab", "load", "--bogus"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_keytab, "keytab", "load", "-p"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_keytab, "keytab", "load", "-k", "a", "-k", "b"), EXIT_USAGE);

	CHECK_EQ(RUNQ(cmd_key, "key", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_key, "key", "list", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_key, "key"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "show"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "list", "--bogus"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "flush", "--json"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "del"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "del", "cifs/h"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "del", "cifs/h@R", "--kvno", "0"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "del", "cifs/h@R", "--kvno", "x"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_key, "key", "del", "a@R", "b@R"), EXIT_USAGE);

	CHECK_EQ(RUNQ(cmd_config, "config", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_config, "config", "set", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_config, "config", "show", "--bogus"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_config, "config", "set"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_config, "config", "set", "clock_skew"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_config, "config", "set", "clock_skew", "x"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_config, "config", "set", "bogus", "1"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_config, "config", "set", "clock_skew", "1", "2"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_config, "config", "set", "--json", "clock_skew", "1"), EXIT_USAGE);

	CHECK_EQ(RUNQ(cmd_stats, "stats", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_stats, "stats", "--bogus"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_monitor, "monitor", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_monitor, "monitor", "all"), EXIT_USAGE);

	CHECK_EQ(RUNQ(cmd_verify, "verify", "--help"), EXIT_OK);
	CHECK_EQ(RUNQ(cmd_verify, "verify", "--bogus"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_verify, "verify", "a", "b"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_verify, "verify", "--service", "cifs/h", "-"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_verify, "verify", "/nonexistent/token"), EXIT_USAGE);
	CHECK_EQ(RUNQ(cmd_verify, "verify", "--base64", "/dev/null"), EXIT_USAGE);
}

int main(void)
{
	RUN(principal_split_cases);
	RUN(krb_error_names);
	RUN(enctype_names);
	RUN(flag_names);
	RUN(base64_decode_cases);
	RUN(base64_round_trip);
	RUN(json_arrays);
	RUN(verify_accepted_output);
	RUN(verify_rejected_output);
	RUN(monitor_output);
	RUN(stats_output);
	RUN(key_list_output);
	RUN(config_output_and_settings);
	RUN(netlink_errors);
	RUN(keytab_message_layout);
	RUN(keytab_filters);
	RUN(keytab_read_file);
	RUN(verify_token_input);
	RUN(verify_token_too_large);
	RUN(subcommand_arguments);
	return test_done();
}
