// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for the GSS-API framing and the 0x8003 checksum (kmod/gss.c),
 * on tokens made by MIT krb5 (tests/userspace/data) and hand-made edge
 * cases.  MD5 for channel bindings comes from OpenSSL here; the kernel
 * build uses the crypto API.
 */
#include <stdlib.h>
#include <openssl/evp.h>

#include "test.h"
#include "data/fixture.h"
#include "der.h"
#include "msg.h"
#include "gss.h"

#define B(...)	((const u8[]){ __VA_ARGS__ }), sizeof((const u8[]){ __VA_ARGS__ })

/* The channel bindings tests/userspace/data/mkfix.c uses for "cb". */
#define CB_APP_DATA "tls-server-end-point:krb5ap-fixture"
#define GSS_C_AF_INET 2

int krb5ap_gss_md5(const struct krb5ap_buf *parts, unsigned int nparts,
		   u8 hash[KRB5AP_GSS_BND_LEN])
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned int i, len = 0;
	int ok;

	ok = c && EVP_DigestInit_ex(c, EVP_md5(), NULL);
	for (i = 0; ok && i < nparts; i++)
		ok = EVP_DigestUpdate(c, parts[i].data, parts[i].len);
	ok = ok && EVP_DigestFinal_ex(c, hash, &len) && len == 16;
	EVP_MD_CTX_free(c);
	return ok ? 0 : -EINVAL;
}

static void fixture_cb(struct krb5ap_gss_channel_bindings *cb)
{
	cb->initiator_addrtype = GSS_C_AF_INET;
	cb->initiator_address.data = (const u8 *)"\x7f\x00\x00\x01";
	cb->initiator_address.len = 4;
	cb->acceptor_addrtype = GSS_C_AF_INET;
	cb->acceptor_address.data = (const u8 *)"\x7f\x00\x00\x02";
	cb->acceptor_address.len = 4;
	cb->application_data.data = (const u8 *)CB_APP_DATA;
	cb->application_data.len = strlen(CB_APP_DATA);
}

static u8 *dup_exact(const u8 *b, size_t n)
{
	u8 *p = malloc(n ? n : 1);

	memcpy(p, b, n);
	return p;
}

static int unwrap(const u8 *b, size_t n, struct krb5ap_gss_frame *f)
{
	u8 *p = dup_exact(b, n);
	int ret = krb5ap_gss_unwrap_ap_req(p, n, f);

	free(p);
	return ret;
}

TEST(fixture_tokens)
{
	static const char *const names[] = { "gss-krb5", "gss-ms" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct krb5ap_gss_frame f, rf;
		struct krb5ap_ap_req req;
		struct krb5ap_ap_rep rep;
		size_t len, rlen, out_len;
		enum krb5ap_gss_mech want = i ? KRB5AP_GSS_MS_KRB5 :
						KRB5AP_GSS_KRB5;
		u8 *tok, *rtok, *out;

		tok = fx_read(names[i], "req", &len);
		rtok = fx_read(names[i], "rep", &rlen);
		CHECK(tok && rtok);
		if (!tok || !rtok)
			continue;
		CHECK_EQ(krb5ap_gss_unwrap_ap_req(tok, len, &f), 0);
		CHECK_EQ(f.mech, want);
		CHECK_EQ(f.tok_id, KRB5AP_GSS_TOK_AP_REQ);
		CHECK_EQ(krb5ap_decode_ap_req(f.inner.data, f.inner.len, &req),
			 0);
		CHECK_EQ(req.ticket.enc_part.etype, fx_num(names[i], "tkt_etype"));
		CHECK_EQ(req.ticket.enc_part.kvno, fx_num(names[i], "tkt_kvno"));
		CHECK_EQ(req.ap_options, fx_num(names[i], "ap_options"));

		/* Wrapping the AP-REQ again gives MIT's token back. */
		out = malloc(len);
		CHECK_EQ(krb5ap_gss_wrap(f.mech, KRB5AP_GSS_TOK_AP_REQ,
					 f.inner.data, f.inner.len, out, len,
					 &out_len), 0);
		CHECK(out_len == len && !memcmp(out, tok, len));
		free(out);

		/* MIT's reply: TOK_ID 02 00, same mechanism. */
		CHECK_EQ(krb5ap_gss_unwrap(rtok, rlen, &rf), 0);
		CHECK_EQ(rf.mech, want);
		CHECK_EQ(rf.tok_id, KRB5AP_GSS_TOK_AP_REP);
		CHECK_EQ(krb5ap_gss_unwrap_ap_req(rtok, rlen, &rf), -ENOMSG);
		CHECK_EQ(krb5ap_gss_unwrap(rtok, rlen, &rf), 0);
		CHECK_EQ(krb5ap_decode_ap_rep(rf.inner.data, rf.inner.len, &rep),
			 0);
		/* Our AP-REP encoder plus wrap gives MIT's reply exactly. */
		out = malloc(rlen);
		CHECK_EQ(krb5ap_encode_ap_rep(&rep.enc_part, out, rlen, &out_len),
			 0);
		CHECK_EQ(krb5ap_gss_wrap(want, KRB5AP_GSS_TOK_AP_REP, out,
					 out_len, out, rlen, &out_len), 0);
		CHECK(out_len == rlen && !memcmp(out, rtok, rlen));
		free(out);
		free(rtok);
		free(tok);
	}
}

TEST(raw_passthrough)
{
	struct krb5ap_gss_frame f;
	size_t len;
	u8 *tok;

	tok = fx_read("raw-aes256", "req", &len);
	CHECK(tok);
	if (!tok)
		return;
	CHECK_EQ(krb5ap_gss_unwrap_ap_req(tok, len, &f), 0);
	CHECK_EQ(f.mech, KRB5AP_GSS_RAW);
	CHECK(f.inner.data == tok && f.inner.len == len);
	CHECK_EQ(krb5ap_gss_unwrap(tok, len, &f), -EBADMSG);
	CHECK_EQ(krb5ap_gss_unwrap_ap_req(tok, 0, &f), -ENODATA);
	free(tok);
}

TEST(fixture_checksums)
{
	struct krb5ap_gss_channel_bindings cb, other;
	struct krb5ap_authenticator a;
	struct krb5ap_gss_cksum ck;
	u8 hash[16], zero[16] = { 0 };
	size_t len;
	bool bound;
	u8 *buf;

	fixture_cb(&cb);

	/* gss-krb5: channel bindings, no delegation. */
	buf = fx_read("gss-krb5", "auth", &len);
	CHECK(buf);
	if (!buf)
		return;
	CHECK_EQ(krb5ap_decode_authenticator(buf, len, &a), 0);
	CHECK(a.has_cksum);
	CHECK_EQ(a.cksum.cksumtype, KRB5AP_GSS_CKSUMTYPE);
	CHECK_EQ(krb5ap_gss_parse_cksum(a.cksum.checksum.data,
					a.cksum.checksum.len, &ck), 0);
	CHECK_EQ(ck.flags & 0x3f, fx_num("gss-krb5", "gss_flags") & 0x3f);
	CHECK(!ck.has_deleg);
	CHECK_EQ(ck.exts.len, 0);
	/* Our hash of the bindings equals the one MIT's initiator sent. */
	CHECK_EQ(krb5ap_gss_cb_hash(&cb, hash), 0);
	CHECK(!memcmp(hash, ck.bnd, 16));
	CHECK_EQ(krb5ap_gss_check_bindings(&ck, &cb, &bound), 0);
	CHECK(bound);
	CHECK_EQ(krb5ap_gss_check_bindings(&ck, NULL, &bound), 0);
	CHECK(!bound);
	other = cb;
	other.application_data.len--;
	CHECK_EQ(krb5ap_gss_check_bindings(&ck, &other, &bound), -EACCES);
	CHECK(!bound);
	other = cb;
	other.acceptor_addrtype = 0;
	CHECK_EQ(krb5ap_gss_check_bindings(&ck, &other, &bound), -EACCES);
	free(buf);

	/* gss-ms: no bindings (zeros), a delegated KRB-CRED. */
	buf = fx_read("gss-ms", "auth", &len);
	CHECK(buf);
	if (!buf)
		return;
	CHECK_EQ(krb5ap_decode_authenticator(buf, len, &a), 0);
	CHECK_EQ(krb5ap_gss_parse_cksum(a.cksum.checksum.data,
					a.cksum.checksum.len, &ck), 0);
	CHECK(!memcmp(ck.bnd, zero, 16));
	CHECK(ck.flags & KRB5AP_GSS_C_DELEG_FLAG);
	CHECK_EQ(ck.has_deleg, fx_num("gss-ms", "gss_deleg"));
	CHECK(ck.deleg.len > 0 && ck.deleg.data[0] == 0x76);
	CHECK_EQ(krb5ap_der_validate(ck.deleg.data, ck.deleg.len), 0);
	CHECK_EQ(ck.deleg.len + 28, a.cksum.checksum.len);
	/* Initiator sent no bindings: accepted, not bound. */
	CHECK_EQ(krb5ap_gss_check_bindings(&ck, &cb, &bound), 0);
	CHECK(!bound);
	free(buf);
}

TEST(framing_rejected)
{
	struct krb5ap_gss_frame f;

	/* The smallest valid token: OID, TOK_ID, one byte of message. */
	CHECK_EQ(unwrap(B(0x60, 0x0e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00, 0x6e), &f), 0);
	CHECK_EQ(f.inner.len, 1);
	CHECK_EQ(unwrap(B(0x60, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x82, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00), &f), 0);
	CHECK_EQ(f.mech, KRB5AP_GSS_MS_KRB5);
	CHECK_EQ(f.inner.len, 0);
	/* Wrong TOK_ID, none at all. */
	CHECK_EQ(unwrap(B(0x60, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x03, 0x00), &f), -ENOMSG);
	CHECK_EQ(unwrap(B(0x60, 0x0c, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01), &f), -ENODATA);
	/* Non-minimal and indefinite outer lengths. */
	CHECK_EQ(unwrap(B(0x60, 0x81, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
			  0xf7, 0x12, 0x01, 0x02, 0x02, 0x01, 0x00), &f),
		 -EBADMSG);
	CHECK_EQ(unwrap(B(0x60, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00, 0x00, 0x00), &f),
		 -EBADMSG);
	/* Outer length too long or too short for the token. */
	CHECK_EQ(unwrap(B(0x60, 0x0e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00), &f), -ENODATA);
	CHECK_EQ(unwrap(B(0x60, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00, 0x6e), &f),
		 -ENOTEMPTY);
	/* Other mechanisms (SPNEGO, old krb5 OID), malformed OID element. */
	CHECK_EQ(unwrap(B(0x60, 0x0a, 0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05,
			  0x02, 0x01, 0x00), &f), -EPROTONOSUPPORT);
	CHECK_EQ(unwrap(B(0x60, 0x0a, 0x06, 0x05, 0x2b, 0x05, 0x01, 0x05, 0x02,
			  0x01, 0x00, 0x6e), &f), -EPROTONOSUPPORT);
	CHECK_EQ(unwrap(B(0x60, 0x0d, 0x04, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00), &f), -EBADMSG);
	CHECK_EQ(unwrap(B(0x60, 0x0d, 0x06, 0x0c, 0x2a, 0x86, 0x48, 0x86, 0xf7,
			  0x12, 0x01, 0x02, 0x02, 0x01, 0x00), &f), -ENODATA);
	CHECK_EQ(unwrap(B(0x60, 0x00), &f), -ENODATA);
	CHECK_EQ(unwrap(B(0x60), &f), -ENODATA);
}

TEST(fixture_truncations)
{
	struct krb5ap_gss_frame f;
	size_t len, i;
	u8 *tok;
	int ret;

	tok = fx_read("gss-krb5", "req", &len);
	CHECK(tok);
	if (!tok)
		return;
	for (i = 1; i < len; i++) {
		ret = unwrap(tok, i, &f);
		if (ret != -ENODATA)
			CHECK_EQ(ret, -ENODATA);
	}
	free(tok);
}

TEST(wrap)
{
	u8 buf[300], inner[200];
	struct krb5ap_gss_frame f;
	size_t len, need;

	memset(inner, 0x6f, sizeof(inner));
	CHECK_EQ(krb5ap_gss_wrap(KRB5AP_GSS_KRB5, KRB5AP_GSS_TOK_AP_REP, inner,
				 10, NULL, 0, &need), -ENOSPC);
	CHECK_EQ(need, 2 + 11 + 2 + 10);
	CHECK_EQ(krb5ap_gss_wrap(KRB5AP_GSS_KRB5, KRB5AP_GSS_TOK_AP_REP, inner,
				 10, buf, need - 1, &len), -ENOSPC);
	CHECK_EQ(krb5ap_gss_wrap(KRB5AP_GSS_KRB5, KRB5AP_GSS_TOK_AP_REP, inner,
				 10, buf, need, &len), 0);
	CHECK_EQ(len, need);
	CHECK_EQ(krb5ap_gss_unwrap(buf, len, &f), 0);
	CHECK_EQ(f.tok_id, KRB5AP_GSS_TOK_AP_REP);
	CHECK(f.inner.len == 10 && !memcmp(f.inner.data, inner, 10));

	/* Long form outer length, and in place. */
	memcpy(buf, inner, sizeof(inner));
	CHECK_EQ(krb5ap_gss_wrap(KRB5AP_GSS_MS_KRB5, KRB5AP_GSS_TOK_AP_REP,
				 buf, sizeof(inner), buf, sizeof(buf), &len), 0);
	CHECK_EQ(len, 3 + 11 + 2 + sizeof(inner));
	CHECK_EQ(buf[1], 0x81);
	CHECK_EQ(krb5ap_gss_unwrap(buf, len, &f), 0);
	CHECK_EQ(f.mech, KRB5AP_GSS_MS_KRB5);
	CHECK(f.inner.len == sizeof(inner) &&
	      !memcmp(f.inner.data, inner, sizeof(inner)));

	CHECK_EQ(krb5ap_gss_wrap(KRB5AP_GSS_RAW, KRB5AP_GSS_TOK_AP_REP, inner,
				 10, buf, sizeof(buf), &len), -EINVAL);
}

/* Build a 0x8003 checksum: Lgth, Bnd, Flags, then @tail. */
static int cksum(u32 lgth, u32 flags, const u8 *tail, size_t tlen,
		 struct krb5ap_gss_cksum *ck, u8 **keep)
{
	u8 *p = malloc(24 + tlen);
	unsigned int i;

	for (i = 0; i < 4; i++) {
		p[i] = lgth >> (8 * i);
		p[20 + i] = flags >> (8 * i);
	}
	memset(p + 4, 0xab, 16);
	if (tlen)
		memcpy(p + 24, tail, tlen);
	free(*keep);
	*keep = p;
	return krb5ap_gss_parse_cksum(p, 24 + tlen, ck);
}

TEST(checksum_layout)
{
	struct krb5ap_gss_cksum ck;
	struct krb5ap_buf it, val;
	u8 *keep = NULL;
	u32 type;

	CHECK_EQ(cksum(16, 0x3e, NULL, 0, &ck, &keep), 0);
	CHECK_EQ(ck.flags, 0x3e);
	CHECK_EQ(ck.bnd[0], 0xab);
	CHECK(!ck.has_deleg);
	CHECK_EQ(krb5ap_gss_parse_cksum(keep, 23, &ck), -EBADMSG);
	CHECK_EQ(cksum(17, 0, NULL, 0, &ck, &keep), -EBADMSG);
	CHECK_EQ(cksum(0, 0, NULL, 0, &ck, &keep), -EBADMSG);

	/* Delegation: DlgOpt 1, Dlgth 3, then the credential. */
	CHECK_EQ(cksum(16, 1, B(1, 0, 3, 0, 0x76, 0x01, 0x00), &ck, &keep), 0);
	CHECK(ck.has_deleg);
	CHECK_EQ(ck.deleg.len, 3);
	CHECK_EQ(ck.deleg.data[0], 0x76);
	CHECK_EQ(cksum(16, 1, B(2, 0, 3, 0, 0x76, 0x01, 0x00), &ck, &keep),
		 -EBADMSG);
	CHECK_EQ(cksum(16, 1, B(1, 0, 4, 0, 0x76, 0x01, 0x00), &ck, &keep),
		 -EBADMSG);
	/* DELEG flag without room for DlgOpt: no delegation (as MIT). */
	CHECK_EQ(cksum(16, 1, NULL, 0, &ck, &keep), 0);
	CHECK(!ck.has_deleg);
	CHECK_EQ(cksum(16, 1, B(1, 0), &ck, &keep), -EBADMSG);
	/* Without the DELEG flag the bytes are extensions. */
	CHECK_EQ(cksum(16, 0, B(1, 0, 3, 0, 0x76, 0x01, 0x00), &ck, &keep),
		 -EBADMSG);

	/* Extensions: 4-byte big-endian type and length. */
	CHECK_EQ(cksum(16, 0, B(0, 0, 0, 2, 0, 0, 0, 2, 0xaa, 0xbb,
				0, 0, 0, 9, 0, 0, 0, 0), &ck, &keep), 0);
	CHECK_EQ(ck.exts.len, 18);
	it = ck.exts;
	CHECK_EQ(krb5ap_gss_ext_next(&it, &type, &val), 1);
	CHECK_EQ(type, 2);
	CHECK(val.len == 2 && val.data[0] == 0xaa);
	CHECK_EQ(krb5ap_gss_ext_next(&it, &type, &val), 1);
	CHECK_EQ(type, 9);
	CHECK_EQ(val.len, 0);
	CHECK_EQ(krb5ap_gss_ext_next(&it, &type, &val), 0);
	CHECK_EQ(cksum(16, 0, B(0, 0, 0, 2, 0, 0, 0, 3, 0xaa, 0xbb), &ck,
			&keep), -EBADMSG);
	CHECK_EQ(cksum(16, 0, B(0, 0, 0, 2, 0xff, 0xff, 0xff, 0xff), &ck,
			&keep), -EBADMSG);
	CHECK_EQ(cksum(16, 0, B(0, 0, 0, 2, 0, 0, 0), &ck, &keep), -EBADMSG);
	/* Delegation followed by an extension. */
	CHECK_EQ(cksum(16, 1, B(1, 0, 1, 0, 0x76, 0, 0, 0, 1, 0, 0, 0, 0), &ck,
			&keep), 0);
	CHECK(ck.has_deleg && ck.deleg.len == 1 && ck.exts.len == 8);
	free(keep);
}

TEST(md5_vector)
{
	/* RFC 1321 test suite: MD5("abc"). */
	static const u8 want[16] = {
		0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0,
		0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1, 0x7f, 0x72
	};
	struct krb5ap_buf parts[2] = {
		{ (const u8 *)"a", 1 }, { (const u8 *)"bc", 2 }
	};
	u8 h[16];

	CHECK_EQ(krb5ap_gss_md5(parts, 2, h), 0);
	CHECK(!memcmp(h, want, 16));
}

int main(void)
{
	RUN(fixture_tokens);
	RUN(raw_passthrough);
	RUN(fixture_checksums);
	RUN(framing_rejected);
	RUN(fixture_truncations);
	RUN(wrap);
	RUN(checksum_layout);
	RUN(md5_vector);
	return test_done();
}
