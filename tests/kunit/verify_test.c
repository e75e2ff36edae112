// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the verify pipeline (kmod/verify.c) on the AP-REQ
 * fixtures a real MIT KDC made (tests/kunit/verify_fixtures.h): every
 * token at its pinned time with MIT's verdict, in any-principal and named
 * mode, and negatives derived from the good tokens at run time
 * (truncation, MAC flips, replays, late times, hand-crafted headers,
 * oversized tokens).
 *
 * The keys go into a free-standing namespace state (krb5ap_net_alloc(),
 * built once for the suite), so nothing here touches a real namespace's
 * table; each case gets a fresh replay cache.
 */
#include <kunit/test.h>
#include <linux/in.h>
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/net_namespace.h>

#include "enctype.h"
#include "keys.h"
#include "krb5ap.h"
#include "msg.h"
#include "params.h"
#include "pernet.h"
#include "replay.h"
#include "verify_fixtures.h"

#define NFIX	ARRAY_SIZE(krb5ap_fixture_tokens)
#define SKEW	300

static struct krb5ap_net *vt_kn;

static int vt_load(struct krb5ap_net *kn, const char *skip)
{
	struct krb5ap_keys_txn *txn;
	unsigned int i;
	int ret = 0;

	txn = krb5ap_keys_begin(&kn->keys);
	if (IS_ERR(txn))
		return PTR_ERR(txn);
	krb5ap_keys_txn_flush(txn);
	for (i = 0; !ret && i < ARRAY_SIZE(krb5ap_fixture_keys); i++) {
		const struct krb5ap_fixture_key *k = &krb5ap_fixture_keys[i];

		if (skip && !strcmp(k->principal, skip))
			continue;
		ret = krb5ap_keys_txn_add(txn, k->principal, k->realm, k->kvno,
					  k->enctype, k->key, k->key_len);
	}
	if (ret) {
		krb5ap_keys_abort(txn);
		return ret;
	}
	return krb5ap_keys_commit(txn);
}

static int vt_suite_init(struct kunit_suite *suite)
{
	struct krb5ap_config c;
	int ret;

	vt_kn = krb5ap_net_alloc();
	if (!vt_kn)
		return -ENOMEM;
	krb5ap_config_get(vt_kn, &c);
	c.clock_skew = SKEW;
	c.enctypes = BIT(17) | BIT(18) | BIT(19) | BIT(20) | BIT(25) | BIT(26);
	c.max_token = 65536;
	ret = krb5ap_config_set(vt_kn, &c);
	if (!ret)
		ret = vt_load(vt_kn, NULL);
	if (ret) {
		krb5ap_net_free(vt_kn);
		vt_kn = NULL;
	}
	return ret;
}

static void vt_suite_exit(struct kunit_suite *suite)
{
	krb5ap_net_free(vt_kn);
	vt_kn = NULL;
}

/* A fresh replay cache per case: the same tokens are verified many times. */
static int vt_init(struct kunit *test)
{
	struct krb5ap_replay *rc;

	if (!vt_kn)
		return -ENODEV;
	rc = krb5ap_replay_create(KRB5AP_REPLAY_MAX_MIN);
	if (!rc)
		return -ENOMEM;
	krb5ap_replay_destroy(vt_kn->replay);
	vt_kn->replay = rc;
	return 0;
}

/*
 * The expected Kerberos error: MIT's, except where issue 4 asks for more
 * than MIT does.
 */
static u32 vt_expect(const struct krb5ap_fixture_token *fx, bool named)
{
	/* MIT ignores use-session-key without a u2u key: krb5ap refuses. */
	if (strstr(fx->desc, "use-session-key"))
		return KRB5AP_AP_ERR_NOKEY;
	/* MIT takes a subkey of any length: krb5ap checks it. */
	if (strstr(fx->desc, "subkey cut"))
		return KRB5AP_ERR_BAD_KEYSIZE;
	return named ? fx->expect_error_named : fx->expect_error;
}

/* The errno documented with each Kerberos error (Documentation/api.rst). */
static bool vt_errno_ok(u32 krb_error, int ret)
{
	switch (krb_error) {
	case KRB5AP_AP_ERR_BAD_INTEGRITY:
		return ret == -EBADMSG || ret == -EPROTO;
	case KRB5AP_AP_ERR_TKT_EXPIRED:
	case KRB5AP_AP_ERR_TKT_NYV:
		return ret == -EKEYEXPIRED;
	case KRB5AP_AP_ERR_REPEAT:
		return ret == -EEXIST;
	case KRB5AP_AP_ERR_NOT_US:
		return ret == -ENOKEY;
	case KRB5AP_AP_ERR_BADMATCH:
		return ret == -EPERM;
	case KRB5AP_AP_ERR_SKEW:
		return ret == -ETIME;
	case KRB5AP_AP_ERR_BADVERSION:
		return ret == -EPROTO;
	case KRB5AP_AP_ERR_MSG_TYPE:
		return ret == -ENOMSG;
	case KRB5AP_AP_ERR_MODIFIED:
		return ret == -EACCES;
	case KRB5AP_AP_ERR_BADKEYVER:
		return ret == -EKEYREJECTED;
	case KRB5AP_AP_ERR_NOKEY:
		return ret == -ENOKEY || ret == -EOPNOTSUPP;
	case KRB5AP_AP_ERR_TKT_INVALID:
		return ret == -EACCES;
	case KRB5AP_ERR_BAD_ENCTYPE:
		return ret == -EPROTO;
	case KRB5AP_ERR_BAD_KEYSIZE:
		return ret == -EKEYREJECTED;
	case KRB5AP_KDC_ERR_ETYPE_NOSUPP:
		return ret == -ENOPKG;
	case KRB5AP_ERR_FIELD_TOOLONG:
		return ret == -EMSGSIZE;
	default:
		return ret < 0;
	}
}

static int vt_verify(const u8 *tok, size_t len, const char *service,
		     time64_t now, u32 *krb_error, struct krb5ap_result **res)
{
	struct krb5ap_verify_args args = {
		.service = service,
		.now = now,
		.krb_error = krb_error,
	};

	*krb_error = 0xdead;
	return krb5ap_verify_kn(vt_kn, tok, len, &args, res);
}

static void vt_desc(const struct krb5ap_fixture_token *fx, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u: %s",
		 (unsigned int)(fx - krb5ap_fixture_tokens), fx->desc);
}

KUNIT_ARRAY_PARAM(vt_fix, krb5ap_fixture_tokens, vt_desc);

static bool vt_has_key(const char *server, u32 kvno, u32 etype)
{
	unsigned int i;
	char full[KRB5AP_PRINCIPAL_MAX + KRB5AP_REALM_MAX];

	for (i = 0; i < ARRAY_SIZE(krb5ap_fixture_keys); i++) {
		const struct krb5ap_fixture_key *k = &krb5ap_fixture_keys[i];

		snprintf(full, sizeof(full), "%s@%s", k->principal, k->realm);
		if (!strcmp(full, server) && k->kvno == kvno &&
		    k->enctype == etype)
			return true;
	}
	return false;
}

/* Decrypt the AP-REP as the initiator would and compare its fields. */
static void vt_check_ap_rep(struct kunit *test,
			    const struct krb5ap_fixture_token *fx,
			    const struct krb5ap_result *res)
{
	struct krb5ap_enc_ap_rep_part part;
	u8 *buf;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, res->ap_rep);
	KUNIT_EXPECT_EQ(test, res->ap_rep[0], fx->gss ? 0x60 : 0x6f);
	buf = kunit_kmalloc(test, res->ap_rep_len + 16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	ret = krb5ap_verify_test_open_ap_rep(res->ap_rep, res->ap_rep_len,
					     fx->session_enctype,
					     fx->session_key,
					     fx->session_key_len, buf, &part);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, part.ctime, fx->ctime);
	KUNIT_EXPECT_EQ(test, part.cusec, fx->cusec);
	KUNIT_EXPECT_FALSE(test, part.has_subkey);
	KUNIT_EXPECT_TRUE(test, part.has_seq_number);
	KUNIT_EXPECT_EQ(test, part.seq_number, res->ap_rep_seq_number);
	KUNIT_EXPECT_NE(test, part.seq_number, 0U);
	/* The wrong usage must not open it. */
	ret = krb5ap_verify_test_open_ap_rep(res->ap_rep, res->ap_rep_len,
					     fx->session_enctype, fx->subkey ?
					     fx->subkey : fx->session_key,
					     fx->session_key_len, buf, &part);
	if (fx->subkey && fx->subkey_len == fx->session_key_len)
		KUNIT_EXPECT_NE(test, ret, 0);
}

static void vt_check_accepted(struct kunit *test,
			      const struct krb5ap_fixture_token *fx,
			      const struct krb5ap_result *res)
{
	bool mutual = fx->mutual || (fx->gss_flags & 0x2);

	KUNIT_EXPECT_STREQ(test, res->client, fx->client);
	KUNIT_EXPECT_STREQ(test, res->server, fx->server);
	KUNIT_EXPECT_STREQ(test, res->client_realm, "KRB5AP.TEST");
	KUNIT_EXPECT_STREQ(test, res->server_realm, "KRB5AP.TEST");
	/* The key's kvno: the wire's when the table has that key. */
	KUNIT_EXPECT_TRUE(test, vt_has_key(res->server, res->kvno,
					   res->ticket_enctype));
	if (vt_has_key(fx->server, fx->kvno, fx->ticket_enctype))
		KUNIT_EXPECT_EQ(test, res->kvno, fx->kvno);
	KUNIT_EXPECT_EQ(test, res->ticket_enctype, fx->ticket_enctype);
	KUNIT_EXPECT_EQ(test, res->session_key.enctype, fx->session_enctype);
	KUNIT_ASSERT_EQ(test, res->session_key.len, fx->session_key_len);
	KUNIT_EXPECT_MEMEQ(test, res->session_key.contents, fx->session_key,
			   fx->session_key_len);
	KUNIT_EXPECT_EQ(test, res->has_subkey, !!fx->subkey);
	if (fx->subkey && res->has_subkey) {
		KUNIT_EXPECT_EQ(test, res->subkey.enctype, fx->subkey_enctype);
		KUNIT_ASSERT_EQ(test, res->subkey.len, fx->subkey_len);
		KUNIT_EXPECT_MEMEQ(test, res->subkey.contents, fx->subkey,
				   fx->subkey_len);
	}
	KUNIT_EXPECT_EQ(test, res->authtime, fx->authtime);
	KUNIT_EXPECT_EQ(test, res->starttime, fx->starttime);
	KUNIT_EXPECT_EQ(test, res->endtime, fx->endtime);
	KUNIT_EXPECT_EQ(test, res->renew_till, fx->renew_till);
	KUNIT_EXPECT_EQ(test, res->ticket_flags, fx->ticket_flags);
	KUNIT_EXPECT_EQ(test, !!res->authdata, fx->has_authdata);
	if (res->authdata) {
		KUNIT_EXPECT_EQ(test, res->authdata[0], 0x30);
		KUNIT_EXPECT_GT(test, res->authdata_len, (size_t)2);
	}
	KUNIT_EXPECT_EQ(test, res->ctime, fx->ctime);
	KUNIT_EXPECT_EQ(test, res->cusec, fx->cusec);
	KUNIT_EXPECT_EQ(test, res->has_seq_number, fx->has_seq);
	if (fx->has_seq)
		KUNIT_EXPECT_EQ(test, res->seq_number, fx->seq_number);
	KUNIT_EXPECT_EQ(test, res->gss_cksum, fx->gss_cksum);
	KUNIT_EXPECT_EQ(test, res->gss_flags, fx->gss_flags);
	KUNIT_EXPECT_EQ(test, res->framing,
			!fx->gss ? KRB5AP_FRAMING_RAW : fx->ms_oid ?
			KRB5AP_FRAMING_GSS_MS : KRB5AP_FRAMING_GSS);
	KUNIT_EXPECT_EQ(test, res->mutual, mutual);
	KUNIT_EXPECT_EQ(test, !!res->ap_rep, mutual);
	if (mutual)
		vt_check_ap_rep(test, fx, res);
}

static void vt_fixture(struct kunit *test, bool named)
{
	const struct krb5ap_fixture_token *fx = test->param_value;
	u32 want = vt_expect(fx, named), krb_error;
	struct krb5ap_verify_args args = {
		.service = named ? fx->ticket_sname : NULL,
		.now = fx->verify_time,
		.krb_error = &krb_error,
		.channel_bindings = fx->cb_app_data,
		.channel_bindings_len = fx->cb_app_data_len,
	};
	struct krb5ap_result *res = (void *)1;
	int ret;

	ret = krb5ap_verify_kn(vt_kn, fx->token, fx->token_len, &args, &res);
	KUNIT_EXPECT_EQ(test, krb_error, want);
	if (want) {
		KUNIT_EXPECT_LT(test, ret, 0);
		KUNIT_EXPECT_TRUE_MSG(test, vt_errno_ok(want, ret),
				      "errno %d for Kerberos error %u", ret,
				      want);
		KUNIT_EXPECT_NULL(test, res);
		return;
	}
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_ASSERT_NOT_NULL(test, res);
	vt_check_accepted(test, fx, res);
	if (fx->cb_app_data)
		KUNIT_EXPECT_TRUE(test, res->cb_bound);
	else
		KUNIT_EXPECT_FALSE(test, res->cb_bound);
	krb5ap_result_free(res);
}

static void vt_fixture_any_test(struct kunit *test)
{
	vt_fixture(test, false);
}

static void vt_fixture_named_test(struct kunit *test)
{
	vt_fixture(test, true);
}

/* Good (accepted by MIT and by krb5ap in both modes) fixtures only. */
static bool vt_good(const struct krb5ap_fixture_token *fx)
{
	return !vt_expect(fx, false) && !vt_expect(fx, true);
}

/* Every prefix of every token is refused as undecodable. */
static void vt_truncated_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = test->param_value;
	struct krb5ap_result *res;
	unsigned int n, bad = 0;
	u32 krb_error;
	u8 *buf;
	int ret;

	/* A copy per length, so that KASAN sees any read past the end. */
	for (n = 0; n < fx->token_len; n++) {
		buf = kmemdup(fx->token, n ?: 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		ret = vt_verify(buf, n, NULL, fx->verify_time, &krb_error,
				&res);
		kfree(buf);
		if (ret >= 0 || res || krb_error != KRB5AP_ERR_GENERIC) {
			if (!bad++)
				KUNIT_FAIL(test, "length %u: %d, Kerberos %u",
					   n, ret, krb_error);
			krb5ap_result_free(res);
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
}

static void vt_flip(struct kunit *test,
		    const struct krb5ap_fixture_token *fx, size_t off,
		    size_t len, unsigned int mac_len, const char *what)
{
	struct krb5ap_result *res;
	unsigned int i, bad = 0;
	u32 krb_error;
	u8 *buf;
	int ret;

	buf = kunit_kmalloc(test, fx->token_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < mac_len; i++) {
		memcpy(buf, fx->token, fx->token_len);
		buf[off + len - mac_len + i] ^= 0x01 << (i % 8);
		ret = vt_verify(buf, fx->token_len, fx->ticket_sname,
				fx->verify_time, &krb_error, &res);
		if (ret != -EBADMSG || res ||
		    krb_error != KRB5AP_AP_ERR_BAD_INTEGRITY) {
			if (!bad++)
				KUNIT_FAIL(test, "%s MAC byte %u: %d, Kerberos %u",
					   what, i, ret, krb_error);
			krb5ap_result_free(res);
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
}

/* Every byte of the ticket's and of the authenticator's MAC, flipped. */
static void vt_mac_flip_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = test->param_value;
	const struct krb5ap_enctype *te, *se;
	size_t to, tl, ao, al;

	if (!vt_good(fx))
		kunit_skip(test, "not a good token");
	te = krb5ap_find_enctype(fx->ticket_enctype);
	se = krb5ap_find_enctype(fx->session_enctype);
	KUNIT_ASSERT_NOT_NULL(test, te);
	KUNIT_ASSERT_NOT_NULL(test, se);
	KUNIT_ASSERT_EQ(test, krb5ap_verify_test_locate(fx->token,
							fx->token_len, &to,
							&tl, &ao, &al), 0);
	vt_flip(test, fx, to, tl, te->cksum_len, "ticket");
	vt_flip(test, fx, ao, al, se->cksum_len, "authenticator");
}

/* The same token twice: the second is a replay, in either mode. */
static void vt_replay_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = test->param_value;
	struct krb5ap_result *res;
	u32 krb_error;
	int ret;

	if (!vt_good(fx))
		kunit_skip(test, "not a good token");
	ret = vt_verify(fx->token, fx->token_len, NULL, fx->verify_time,
			&krb_error, &res);
	KUNIT_ASSERT_EQ(test, ret, 0);
	krb5ap_result_free(res);
	ret = vt_verify(fx->token, fx->token_len, fx->ticket_sname,
			fx->verify_time, &krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -EEXIST);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_REPEAT);
	KUNIT_EXPECT_NULL(test, res);
}

/* Verification times around the skew and the ticket's lifetime. */
static void vt_time_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct krb5ap_result *res;
	u32 krb_error;
	int ret;

	KUNIT_ASSERT_TRUE(test, vt_good(fx));
	KUNIT_ASSERT_EQ(test, fx->ctime, fx->verify_time);
	/* ctime 301 s behind: SKEW; 300 s: accepted. */
	ret = vt_verify(fx->token, fx->token_len, NULL,
			fx->verify_time + SKEW + 1, &krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -ETIME);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_SKEW);
	ret = vt_verify(fx->token, fx->token_len, NULL, fx->verify_time + 3600,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_SKEW);
	/* Before the ticket's start: not yet valid (checked first). */
	ret = vt_verify(fx->token, fx->token_len, NULL,
			fx->starttime - SKEW - 1, &krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -EKEYEXPIRED);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_TKT_NYV);
	/* After its end: expired (checked before the skew). */
	ret = vt_verify(fx->token, fx->token_len, NULL,
			fx->endtime + SKEW + 1, &krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -EKEYEXPIRED);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_TKT_EXPIRED);
	ret = vt_verify(fx->token, fx->token_len, NULL,
			fx->verify_time + SKEW, &krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, krb_error, 0U);
	krb5ap_result_free(res);
}

/* Hand-crafted headers on raw token 0 and GSS token 2. */
static void vt_header_test(struct kunit *test)
{
	static const u8 pvno[] = { 0xa0, 0x03, 0x02, 0x01, 0x05,
				   0xa1, 0x03, 0x02, 0x01, 0x0e };
	const struct krb5ap_fixture_token *raw = &krb5ap_fixture_tokens[0];
	const struct krb5ap_fixture_token *gss = &krb5ap_fixture_tokens[2];
	struct krb5ap_result *res;
	size_t at, glen = gss->token_len;
	u32 krb_error;
	u8 *buf, *p;
	int ret;

	KUNIT_ASSERT_FALSE(test, raw->gss);
	KUNIT_ASSERT_TRUE(test, gss->gss);
	buf = kunit_kmalloc(test, max(raw->token_len, gss->token_len),
			    GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	p = memchr(raw->token, 0xa0, 16);
	KUNIT_ASSERT_NOT_NULL(test, p);
	at = p - raw->token;
	KUNIT_ASSERT_EQ(test, memcmp(raw->token + at, pvno, sizeof(pvno)), 0);

	memcpy(buf, raw->token, raw->token_len);
	buf[at + 4] = 4;			/* pvno 4 */
	ret = vt_verify(buf, raw->token_len, NULL, raw->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -EPROTO);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_BADVERSION);

	memcpy(buf, raw->token, raw->token_len);
	buf[at + 9] = 15;			/* msg-type AP-REP */
	ret = vt_verify(buf, raw->token_len, NULL, raw->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOMSG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_MSG_TYPE);

	memcpy(buf, raw->token, raw->token_len);
	buf[0] = 0x6f;				/* [APPLICATION 15] */
	ret = vt_verify(buf, raw->token_len, NULL, raw->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOMSG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_MSG_TYPE);

	/* GSS: TOK_ID 02 00 (an AP-REP) where 01 00 belongs. */
	memcpy(buf, gss->token, glen);
	p = memchr(buf, 0x6e, 32);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, p[-2], 0x01);
	p[-2] = 0x02;
	ret = vt_verify(buf, glen, NULL, gss->verify_time, &krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOMSG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_MSG_TYPE);

	/* GSS: another mechanism OID (last arc 2 -> 3). */
	memcpy(buf, gss->token, glen);
	p = memchr(buf, 0x6e, 32);
	p[-3] = 0x03;
	ret = vt_verify(buf, glen, NULL, gss->verify_time, &krb_error, &res);
	KUNIT_EXPECT_LT(test, ret, 0);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);
	KUNIT_EXPECT_NULL(test, res);
}

/* A token over the namespace's max_token, and one at it. */
static void vt_max_token_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct krb5ap_config c, old;
	struct krb5ap_result *res;
	u32 krb_error;
	u8 *buf;
	int ret;

	krb5ap_config_get(vt_kn, &old);
	c = old;
	c.max_token = KRB5AP_TOKEN_MAX_MIN;
	KUNIT_ASSERT_EQ(test, krb5ap_config_set(vt_kn, &c), 0);
	buf = kunit_kzalloc(test, KRB5AP_TOKEN_MAX_MIN + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, fx->token, fx->token_len);
	ret = vt_verify(buf, KRB5AP_TOKEN_MAX_MIN + 1, NULL, fx->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_FIELD_TOOLONG);
	KUNIT_EXPECT_NULL(test, res);
	/* At the limit it is decoded (and refused for trailing bytes). */
	ret = vt_verify(buf, KRB5AP_TOKEN_MAX_MIN, NULL, fx->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_LT(test, ret, 0);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);
	ret = vt_verify(fx->token, fx->token_len, NULL, fx->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, 0);
	krb5ap_result_free(res);
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(vt_kn, &old), 0);
}

/* Caller errors: -EINVAL and KRB_ERR_GENERIC, nothing verified. */
static void vt_args_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct sockaddr unix_sa = { .sa_family = AF_UNIX };
	u32 krb_error = 0xdead;
	struct krb5ap_verify_args args = {
		.now = fx->verify_time,
		.krb_error = &krb_error,
	};
	struct krb5ap_result *res = (void *)1;
	static const char * const bad_services[] = {
		"host/e18.krb5ap.test", "@KRB5AP.TEST", "host/e18@",
		"host/e18\\@KRB5AP.TEST",
	};
	unsigned int i;

	args.flags = 1;
	KUNIT_EXPECT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, &res),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);
	KUNIT_EXPECT_NULL(test, res);
	args.flags = 0;
	args.now = S64_MAX;
	KUNIT_EXPECT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, &res),
			-EINVAL);
	args.now = fx->verify_time;
	for (i = 0; i < ARRAY_SIZE(bad_services); i++) {
		args.service = bad_services[i];
		krb_error = 0xdead;
		KUNIT_EXPECT_EQ_MSG(test,
				    krb5ap_verify_kn(vt_kn, fx->token,
						     fx->token_len, &args,
						     &res),
				    -EINVAL, "service %s", bad_services[i]);
		KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);
	}
	args.service = NULL;
	args.client_addr = &unix_sa;
	KUNIT_EXPECT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, &res),
			-EINVAL);
	args.client_addr = NULL;
	KUNIT_EXPECT_EQ(test, krb5ap_verify_kn(vt_kn, NULL, 5, &args, &res),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, NULL),
			-EINVAL);
	/* The exported entry point: NULL namespace, empty token. */
	KUNIT_EXPECT_EQ(test, krb5ap_verify(NULL, fx->token, fx->token_len,
					    &args, &res), -EINVAL);
	KUNIT_EXPECT_NULL(test, res);
	KUNIT_EXPECT_EQ(test, krb5ap_verify(&init_net, fx->token, 0, &args,
					    &res), -ENODATA);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);
	/* Not in init_net's table: NOKEY when it is empty (as MIT), NOT_US. */
	KUNIT_EXPECT_EQ(test, krb5ap_verify(&init_net, fx->token,
					    fx->token_len, &args, &res),
			-ENOKEY);
	if (!krb5ap_keys_count(&krb5ap_pernet(&init_net)->keys))
		KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_NOKEY);
	else
		KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_NOT_US);
	krb5ap_result_free(NULL);
}

/* Addresses are checked only when given; these tickets list none. */
static void vt_addr_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(0xc0000201),
	};
	u32 krb_error;
	struct krb5ap_verify_args args = {
		.now = fx->verify_time,
		.krb_error = &krb_error,
		.client_addr = (struct sockaddr *)&sin,
	};
	struct krb5ap_result *res;

	KUNIT_ASSERT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, &res), 0);
	krb5ap_result_free(res);
}

/* Channel bindings: wrong ones refused, an unbound token not bound. */
static void vt_cb_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[32];
	const struct krb5ap_fixture_token *nocb = &krb5ap_fixture_tokens[6];
	static const u8 wrong[] = "tls-server-end-point:wrong";
	u32 krb_error;
	struct krb5ap_verify_args args = {
		.now = fx->verify_time,
		.krb_error = &krb_error,
		.channel_bindings = wrong,
		.channel_bindings_len = sizeof(wrong) - 1,
	};
	struct krb5ap_result *res;

	KUNIT_ASSERT_NOT_NULL(test, fx->cb_app_data);
	KUNIT_ASSERT_NULL(test, nocb->cb_app_data);
	KUNIT_EXPECT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, &res),
			-EACCES);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_MODIFIED);
	/* Without bindings of the acceptor's own: accepted, not bound. */
	args.channel_bindings = NULL;
	args.channel_bindings_len = 0;
	KUNIT_ASSERT_EQ(test, krb5ap_verify_kn(vt_kn, fx->token,
					       fx->token_len, &args, &res), 0);
	KUNIT_EXPECT_FALSE(test, res->cb_bound);
	krb5ap_result_free(res);
	/* An initiator that bound nothing: accepted, not bound (as MIT). */
	args.channel_bindings = wrong;
	args.channel_bindings_len = sizeof(wrong) - 1;
	KUNIT_ASSERT_EQ(test, krb5ap_verify_kn(vt_kn, nocb->token,
					       nocb->token_len, &args, &res),
			0);
	KUNIT_EXPECT_FALSE(test, res->cb_bound);
	krb5ap_result_free(res);
}

/* An enctype the namespace does not allow: ETYPE_NOSUPP. */
static void vt_enctype_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct krb5ap_config c, old;
	struct krb5ap_result *res;
	u32 krb_error;

	KUNIT_ASSERT_EQ(test, fx->ticket_enctype, 18U);
	krb5ap_config_get(vt_kn, &old);
	c = old;
	c.enctypes &= ~BIT(18);
	KUNIT_ASSERT_EQ(test, krb5ap_config_set(vt_kn, &c), 0);
	KUNIT_EXPECT_EQ(test, vt_verify(fx->token, fx->token_len, NULL,
					fx->verify_time, &krb_error, &res),
			-ENOPKG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_KDC_ERR_ETYPE_NOSUPP);
	/* A ticket of an allowed enctype whose session key is e18. */
	fx = &krb5ap_fixture_tokens[28];
	KUNIT_ASSERT_EQ(test, fx->session_enctype, 18U);
	KUNIT_EXPECT_EQ(test, vt_verify(fx->token, fx->token_len, NULL,
					fx->verify_time, &krb_error, &res),
			-ENOPKG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_KDC_ERR_ETYPE_NOSUPP);
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(vt_kn, &old), 0);
}

/*
 * Any-principal mode: the identity is the key's principal (an alias here),
 * never the ticket's sname, and no more than 8 keys are tried.
 */
static void vt_any_principal(struct kunit *test, unsigned int junk,
			     bool found)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[16];
	const struct krb5ap_fixture_key *k = &krb5ap_fixture_keys[4];
	struct krb5ap_keys_txn *txn;
	struct krb5ap_result *res;
	struct krb5ap_net *kn;
	char name[32];
	u8 key[16];
	u32 krb_error;
	struct krb5ap_verify_args args = {
		.now = fx->verify_time,
		.krb_error = &krb_error,
	};
	unsigned int i;
	int ret;

	KUNIT_ASSERT_STREQ(test, k->principal, "host/e25.krb5ap.test");
	KUNIT_ASSERT_EQ(test, fx->ticket_enctype, 25U);
	kn = krb5ap_net_alloc();
	KUNIT_ASSERT_NOT_NULL(test, kn);
	/* An empty table: NOKEY, as MIT's "No keys in keytab". */
	ret = krb5ap_verify_kn(kn, fx->token, fx->token_len, &args, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_NOKEY);

	txn = krb5ap_keys_begin(&kn->keys);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	for (i = 0; i < junk; i++) {
		snprintf(name, sizeof(name), "host/junk%u", i);
		memset(key, i + 1, sizeof(key));
		KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, name, k->realm,
							  1, 25, key,
							  sizeof(key)), 0);
	}
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, "host/alias", k->realm,
						  7, 25, k->key, k->key_len),
			0);
	KUNIT_ASSERT_EQ(test, krb5ap_keys_commit(txn), 0);

	ret = krb5ap_verify_kn(kn, fx->token, fx->token_len, &args, &res);
	if (found) {
		KUNIT_EXPECT_EQ(test, ret, 0);
		if (!ret) {
			KUNIT_EXPECT_STREQ(test, res->server,
					   "host/alias@KRB5AP.TEST");
			KUNIT_EXPECT_EQ(test, res->kvno, 7U);
			krb5ap_result_free(res);
		}
	} else {
		KUNIT_EXPECT_EQ(test, ret, -ENOKEY);
		KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_NOT_US);
	}
	/* Named after the ticket's sname: that key is not held. */
	args.service = "host/e25.krb5ap.test@KRB5AP.TEST";
	ret = krb5ap_verify_kn(kn, fx->token, fx->token_len, &args, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_NOKEY);
	/*
	 * Named after a principal whose key of that kvno and enctype fails:
	 * NOT_US, since the ticket names another (MIT's integrity_error()).
	 */
	args.service = "host/junk0@KRB5AP.TEST";
	ret = krb5ap_verify_kn(kn, fx->token, fx->token_len, &args, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_NOT_US);
	krb5ap_net_free(kn);
}

static void vt_any_alias_test(struct kunit *test)
{
	vt_any_principal(test, 7, true);
}

static void vt_any_bound_test(struct kunit *test)
{
	vt_any_principal(test, 8, false);
}

/* Every outcome is counted by its Kerberos error code. */
static void vt_stats_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct krb5ap_result *res;
	u64 *before, *after;
	u32 krb_error;

	before = kunit_kcalloc(test, KRB5AP_STATS_ERRORS, sizeof(u64),
			       GFP_KERNEL);
	after = kunit_kcalloc(test, KRB5AP_STATS_ERRORS, sizeof(u64),
			      GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, before);
	KUNIT_ASSERT_NOT_NULL(test, after);
	krb5ap_stats_sum(vt_kn, before);
	KUNIT_ASSERT_EQ(test, vt_verify(fx->token, fx->token_len, NULL,
					fx->verify_time, &krb_error, &res), 0);
	krb5ap_result_free(res);
	vt_verify(fx->token, fx->token_len, NULL, fx->verify_time, &krb_error,
		  &res);
	vt_verify(fx->token, 3, NULL, fx->verify_time, &krb_error, &res);
	krb5ap_stats_sum(vt_kn, after);
	KUNIT_EXPECT_EQ(test, after[0] - before[0], 1ULL);
	KUNIT_EXPECT_EQ(test, after[KRB5AP_AP_ERR_REPEAT] -
			before[KRB5AP_AP_ERR_REPEAT], 1ULL);
	KUNIT_EXPECT_EQ(test, after[KRB5AP_ERR_GENERIC] -
			before[KRB5AP_ERR_GENERIC], 1ULL);
}

/* A full replay cache refuses (fail closed), with its own errno. */
static void vt_replay_full_test(struct kunit *test)
{
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[4];
	struct krb5ap_replay_tag tag;
	struct krb5ap_result *res;
	unsigned int i, full = 0;
	u32 krb_error;
	int ret;

	for (i = 0; i < 20000; i++) {
		get_random_bytes(&tag, sizeof(tag));
		if (krb5ap_replay_check(vt_kn->replay, &tag, fx->verify_time,
					fx->verify_time + 3600) == -ENOSPC)
			full++;
	}
	KUNIT_ASSERT_GT(test, full, 0U);
	ret = vt_verify(fx->token, fx->token_len, NULL, fx->verify_time,
			&krb_error, &res);
	KUNIT_EXPECT_EQ(test, ret, -ENOSPC);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);
	KUNIT_EXPECT_NULL(test, res);
}

/*
 * Forge an authenticator: decrypt it with the fixture's session key, set
 * one byte (@at after the first match of @find) to @val, and re-encrypt it
 * with the same confounder, so that the token keeps its length.
 */
static u8 *vt_forge_auth(struct kunit *test,
			 const struct krb5ap_fixture_token *fx, const u8 *find,
			 size_t flen, size_t at, u8 val)
{
	const struct krb5ap_enctype *e;
	size_t to, tl, ao, al, off, plen, i;
	u8 *tok, *work, *p = NULL;
	ssize_t n;

	e = krb5ap_find_enctype(fx->session_enctype);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_EQ(test, krb5ap_verify_test_locate(fx->token,
							fx->token_len, &to,
							&tl, &ao, &al), 0);
	tok = kunit_kmalloc(test, fx->token_len, GFP_KERNEL);
	work = kunit_kmalloc(test, al + 16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tok);
	KUNIT_ASSERT_NOT_NULL(test, work);
	memcpy(tok, fx->token, fx->token_len);
	memcpy(work, fx->token + ao, al);
	KUNIT_ASSERT_EQ(test, krb5ap_session_decrypt(e, fx->session_key,
						     fx->session_key_len,
						     KRB5AP_USAGE_AUTHENTICATOR,
						     work, al, &off, &plen), 0);
	for (i = off; i + flen <= off + plen; i++) {
		if (!memcmp(work + i, find, flen)) {
			p = work + i;
			break;
		}
	}
	KUNIT_ASSERT_NOT_NULL(test, p);
	p[at] = val;
	n = krb5ap_session_encrypt(e, fx->session_key, fx->session_key_len,
				   KRB5AP_USAGE_AUTHENTICATOR, work, al, off,
				   plen, true);
	KUNIT_ASSERT_EQ(test, n, (ssize_t)al);
	memcpy(tok + ao, work, al);
	return tok;
}

/* Forged GSS authenticators: checksum type and layout, subkey enctype. */
static void vt_forged_auth_test(struct kunit *test)
{
	static const u8 cktype[] = { 0x02, 0x03, 0x00, 0x80, 0x03, 0xa1 };
	static const u8 subkey[] = { 0xa0, 0x03, 0x02, 0x01, 0x12,
				     0xa1, 0x22, 0x04, 0x20 };
	const struct krb5ap_fixture_token *fx = &krb5ap_fixture_tokens[6];
	struct krb5ap_result *res;
	u32 krb_error;
	u8 *tok;
	int ret;

	KUNIT_ASSERT_TRUE(test, fx->gss && fx->gss_cksum && fx->subkey);
	KUNIT_ASSERT_EQ(test, fx->session_enctype, 18U);
	KUNIT_ASSERT_EQ(test, fx->subkey_enctype, 18U);

	/* Unchanged (a byte set to its own value): still accepted. */
	tok = vt_forge_auth(test, fx, cktype, sizeof(cktype), 4, 0x03);
	ret = vt_verify(tok, fx->token_len, NULL, fx->verify_time, &krb_error,
			&res);
	KUNIT_EXPECT_EQ(test, ret, 0);
	krb5ap_result_free(res);

	/* Checksum type 0x8004 in a GSS token. */
	tok = vt_forge_auth(test, fx, cktype, sizeof(cktype), 4, 0x04);
	ret = vt_verify(tok, fx->token_len, NULL, fx->verify_time, &krb_error,
			&res);
	KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_AP_ERR_INAPP_CKSUM);

	/* 0x8003 with Lgth 17 (must be 16). */
	tok = vt_forge_auth(test, fx, cktype, sizeof(cktype), 9, 0x11);
	ret = vt_verify(tok, fx->token_len, NULL, fx->verify_time, &krb_error,
			&res);
	KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_ERR_GENERIC);

	/* A subkey of enctype 23 (RC4, unsupported). */
	tok = vt_forge_auth(test, fx, subkey, sizeof(subkey), 4, 23);
	ret = vt_verify(tok, fx->token_len, NULL, fx->verify_time, &krb_error,
			&res);
	KUNIT_EXPECT_EQ(test, ret, -ENOPKG);
	KUNIT_EXPECT_EQ(test, krb_error, (u32)KRB5AP_KDC_ERR_ETYPE_NOSUPP);
}

static struct kunit_case vt_cases[] = {
	KUNIT_CASE_PARAM(vt_fixture_any_test, vt_fix_gen_params),
	KUNIT_CASE_PARAM(vt_fixture_named_test, vt_fix_gen_params),
	KUNIT_CASE_PARAM(vt_truncated_test, vt_fix_gen_params),
	KUNIT_CASE_PARAM(vt_mac_flip_test, vt_fix_gen_params),
	KUNIT_CASE_PARAM(vt_replay_test, vt_fix_gen_params),
	KUNIT_CASE(vt_time_test),
	KUNIT_CASE(vt_header_test),
	KUNIT_CASE(vt_max_token_test),
	KUNIT_CASE(vt_args_test),
	KUNIT_CASE(vt_addr_test),
	KUNIT_CASE(vt_cb_test),
	KUNIT_CASE(vt_enctype_test),
	KUNIT_CASE(vt_any_alias_test),
	KUNIT_CASE(vt_any_bound_test),
	KUNIT_CASE(vt_stats_test),
	KUNIT_CASE(vt_replay_full_test),
	KUNIT_CASE(vt_forged_auth_test),
	{}
};

static struct kunit_suite vt_suite = {
	.name = "krb5ap_verify",
	.suite_init = vt_suite_init,
	.suite_exit = vt_suite_exit,
	.init = vt_init,
	.test_cases = vt_cases,
};

kunit_test_suite(vt_suite);
