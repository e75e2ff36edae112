// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for the RFC 4120 message decoders and encoders (kmod/msg.c):
 * real messages made by MIT krb5 (tests/userspace/data, see its gen script)
 * compared field by field with what MIT decoded, byte-identical re-encoding
 * of MIT's AP-REP and EncAPRepPart, and hand-built edge cases.
 */
#include <stdlib.h>

#include "test.h"
#include "data/fixture.h"
#include "der.h"
#include "msg.h"

static const char *const all_fixtures[] = {
	"raw-aes256", "raw-sha2", "raw-camellia", "gss-krb5", "gss-ms",
};

static void name_str(const struct krb5ap_principal_name *pn, char *s,
		     size_t size)
{
	size_t off = 0;
	unsigned int i;

	s[0] = '\0';
	for (i = 0; i < pn->ncomp && off < size; i++)
		off += snprintf(s + off, size - off, "%s%.*s", i ? "/" : "",
				(int)pn->comp[i].len,
				(const char *)pn->comp[i].data);
}

static void check_name(const char *fx, const char *key,
		       const struct krb5ap_principal_name *pn,
		       const struct krb5ap_buf *realm)
{
	char want[256], got[256], k[64];

	CHECK_EQ(fx_str(fx, key, want, sizeof(want)), 0);
	name_str(pn, got, sizeof(got));
	CHECK_STR(got, want);
	snprintf(k, sizeof(k), "%s_type", key);
	CHECK_EQ(pn->name_type, fx_num(fx, k));
	snprintf(k, sizeof(k), "%s_ncomp", key);
	CHECK_EQ(pn->ncomp, fx_num(fx, k));
	snprintf(k, sizeof(k), "%s_realm", key);
	CHECK_EQ(fx_str(fx, k, want, sizeof(want)), 0);
	snprintf(got, sizeof(got), "%.*s", (int)realm->len,
		 (const char *)realm->data);
	CHECK_STR(got, want);
}

/* Skip the GSS-API framing of a fixture token, independently of gss.c. */
static const u8 *unframe(const u8 *p, size_t len, size_t *inner)
{
	size_t off = 1;

	off += (p[1] & 0x80) ? 1 + (p[1] & 0x7f) : 1;
	off += 2 + p[off + 1] + 2;
	*inner = len - off;
	return p + off;
}

static void check_ap_req(const char *fx, const u8 *buf, size_t len)
{
	struct krb5ap_ap_req req;
	const u8 *raw;
	size_t raw_len;

	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), 0);
	CHECK_EQ(req.ap_options, fx_num(fx, "ap_options"));
	check_name(fx, "sname", &req.ticket.sname, &req.ticket.realm);
	CHECK_EQ(req.ticket.enc_part.etype, fx_num(fx, "tkt_etype"));
	CHECK(req.ticket.enc_part.has_kvno);
	CHECK_EQ(req.ticket.enc_part.kvno, fx_num(fx, "tkt_kvno"));
	CHECK_EQ(req.ticket.enc_part.cipher.len, fx_num(fx, "tkt_cipher_len"));
	CHECK_EQ(req.authenticator.etype, fx_num(fx, "auth_etype"));
	CHECK(!req.authenticator.has_kvno);
	CHECK_EQ(fx_num(fx, "auth_kvno"), 0);
	CHECK_EQ(req.authenticator.cipher.len, fx_num(fx, "auth_cipher_len"));
	/* The raw Ticket decodes on its own to the same thing. */
	raw = req.ticket.raw.data;
	raw_len = req.ticket.raw.len;
	CHECK(raw > buf && raw + raw_len < buf + len);
	CHECK_EQ(raw[0], 0x61);
	{
		struct krb5ap_ticket t;

		CHECK_EQ(krb5ap_decode_ticket(raw, raw_len, &t), 0);
		CHECK(krb5ap_principal_name_eq(&t.sname, &req.ticket.sname));
		CHECK(krb5ap_buf_eq(&t.enc_part.cipher,
				    &req.ticket.enc_part.cipher));
		CHECK_EQ(krb5ap_decode_ticket(raw, raw_len - 1, &t), -ENODATA);
	}
}

TEST(fixtures_ap_req)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(all_fixtures); i++) {
		const char *fx = all_fixtures[i];
		char framing[16];
		size_t len, ilen;
		const u8 *inner;
		u8 *buf;

		buf = fx_read(fx, "req", &len);
		CHECK(buf);
		if (!buf)
			continue;
		CHECK_EQ(fx_str(fx, "framing", framing, sizeof(framing)), 0);
		if (!strcmp(framing, "raw")) {
			inner = buf;
			ilen = len;
		} else {
			inner = unframe(buf, len, &ilen);
		}
		check_ap_req(fx, inner, ilen);
		free(buf);
	}
}

TEST(fixtures_enc_ticket_part)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(all_fixtures); i++) {
		const char *fx = all_fixtures[i];
		struct krb5ap_enc_ticket_part p;
		struct krb5ap_authdata_entry ad;
		struct krb5ap_der it;
		size_t len;
		u8 *buf;

		buf = fx_read(fx, "etp", &len);
		CHECK(buf);
		if (!buf)
			continue;
		CHECK_EQ(krb5ap_decode_enc_ticket_part(buf, len, &p), 0);
		CHECK_EQ(p.flags, fx_num(fx, "etp_flags"));
		CHECK_EQ(p.key.keytype, fx_num(fx, "etp_key_type"));
		CHECK_EQ(p.key.keyvalue.len, fx_num(fx, "etp_key_len"));
		check_name(fx, "etp_cname", &p.cname, &p.crealm);
		CHECK_EQ(p.transited.tr_type, fx_num(fx, "etp_tr_type"));
		CHECK_EQ(p.transited.contents.len, fx_num(fx, "etp_tr_len"));
		CHECK_EQ(p.authtime, fx_num(fx, "etp_authtime"));
		if (fx_num(fx, "etp_starttime")) {
			CHECK(p.has_starttime);
			CHECK_EQ(p.starttime, fx_num(fx, "etp_starttime"));
		} else {
			CHECK(!p.has_starttime);
			CHECK_EQ(p.starttime, p.authtime);
		}
		CHECK_EQ(p.endtime, fx_num(fx, "etp_endtime"));
		CHECK_EQ(p.has_renew_till, fx_num(fx, "etp_renew_till") != 0);
		CHECK_EQ(p.renew_till, fx_num(fx, "etp_renew_till"));
		CHECK_EQ(p.has_caddr, fx_num(fx, "etp_caddr"));
		CHECK_EQ(p.has_authdata, fx_num(fx, "etp_authdata_count") > 0);
		CHECK_EQ(p.authdata.count, fx_num(fx, "etp_authdata_count"));
		if (p.has_authdata) {
			krb5ap_seq_of_iter(&p.authdata, &it);
			CHECK_EQ(krb5ap_authdata_next(&it, &ad), 1);
			CHECK_EQ(ad.ad_type, fx_num(fx, "etp_authdata0_type"));
			/* AD-IF-RELEVANT holding the PAC: itself DER. */
			CHECK_EQ(krb5ap_der_validate(ad.ad_data.data,
						     ad.ad_data.len), 0);
		}
		/* Every truncation fails; so does a trailing byte. */
		for (; len > 0; len--) {
			u8 *cut = malloc(len - 1 ? len - 1 : 1);

			memcpy(cut, buf, len - 1);
			if (!krb5ap_decode_enc_ticket_part(cut, len - 1, &p))
				CHECK(0);
			free(cut);
		}
		free(buf);
	}
}

TEST(fixtures_authenticator)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(all_fixtures); i++) {
		const char *fx = all_fixtures[i];
		struct krb5ap_authenticator a;
		size_t len;
		u8 *buf;

		buf = fx_read(fx, "auth", &len);
		CHECK(buf);
		if (!buf)
			continue;
		CHECK_EQ(krb5ap_decode_authenticator(buf, len, &a), 0);
		check_name(fx, "auth_cname", &a.cname, &a.crealm);
		CHECK_EQ(a.has_cksum, fx_num(fx, "auth_cksum"));
		if (a.has_cksum) {
			CHECK_EQ(a.cksum.cksumtype, fx_num(fx, "auth_cksum_type"));
			CHECK_EQ(a.cksum.checksum.len,
				 fx_num(fx, "auth_cksum_len"));
		}
		CHECK_EQ(a.cusec, fx_num(fx, "auth_cusec"));
		CHECK_EQ(a.ctime, fx_num(fx, "auth_ctime"));
		CHECK_EQ(a.has_subkey, fx_num(fx, "auth_subkey"));
		if (a.has_subkey) {
			CHECK_EQ(a.subkey.keytype, fx_num(fx, "auth_subkey_type"));
			CHECK_EQ(a.subkey.keyvalue.len,
				 fx_num(fx, "auth_subkey_len"));
		}
		/* MIT reports an absent seq-number as 0. */
		CHECK_EQ(a.seq_number, fx_num(fx, "auth_seq"));
		CHECK_EQ(a.authdata.count, fx_num(fx, "auth_authdata_count"));
		free(buf);
	}
}

/* MIT's AP-REP and EncAPRepPart decode, and re-encode byte for byte. */
TEST(fixtures_ap_rep)
{
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(all_fixtures); i++) {
		const char *fx = all_fixtures[i];
		struct krb5ap_enc_ap_rep_part e;
		struct krb5ap_ap_rep r;
		char framing[16];
		size_t len, elen, ilen, out_len, need;
		const u8 *inner;
		u8 *buf, *ebuf, *out;

		buf = fx_read(fx, "rep", &len);
		if (!buf)
			continue;	/* no mutual authentication */
		n++;
		CHECK_EQ(fx_str(fx, "framing", framing, sizeof(framing)), 0);
		if (!strcmp(framing, "raw")) {
			inner = buf;
			ilen = len;
		} else {
			inner = unframe(buf, len, &ilen);
		}
		CHECK_EQ(krb5ap_decode_ap_rep(inner, ilen, &r), 0);
		CHECK_EQ(r.enc_part.etype, fx_num(fx, "rep_etype"));
		CHECK_EQ(r.enc_part.has_kvno, fx_num(fx, "rep_kvno") != 0);
		CHECK_EQ(r.enc_part.cipher.len, fx_num(fx, "rep_cipher_len"));
		CHECK_EQ(krb5ap_encode_ap_rep(&r.enc_part, NULL, 0, &need),
			 -ENOSPC);
		CHECK_EQ(need, ilen);
		out = malloc(need);
		CHECK_EQ(krb5ap_encode_ap_rep(&r.enc_part, out, need, &out_len),
			 0);
		CHECK(out_len == ilen && !memcmp(out, inner, ilen));
		free(out);

		ebuf = fx_read(fx, "erep", &elen);
		CHECK(ebuf);
		if (!ebuf) {
			free(buf);
			continue;
		}
		CHECK_EQ(krb5ap_decode_enc_ap_rep_part(ebuf, elen, &e), 0);
		CHECK_EQ(e.ctime, fx_num(fx, "erep_ctime"));
		CHECK_EQ(e.cusec, fx_num(fx, "erep_cusec"));
		CHECK_EQ(e.has_subkey, fx_num(fx, "erep_subkey"));
		if (e.has_subkey)
			CHECK_EQ(e.subkey.keytype, fx_num(fx, "erep_subkey_type"));
		CHECK_EQ(e.seq_number, fx_num(fx, "erep_seq"));
		out = malloc(elen);
		CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&e, out, elen, &out_len),
			 0);
		CHECK(out_len == elen && !memcmp(out, ebuf, elen));
		free(out);
		free(ebuf);
		free(buf);
	}
	CHECK_EQ(n, 4);
}

/* Find the first occurrence of a byte pattern. */
static u8 *find(u8 *buf, size_t len, const u8 *pat, size_t plen)
{
	size_t i;

	for (i = 0; i + plen <= len; i++)
		if (!memcmp(buf + i, pat, plen))
			return buf + i;
	return NULL;
}

TEST(ap_req_mutations)
{
	static const u8 pvno[] = { 0xa0, 0x03, 0x02, 0x01, 0x05 };
	static const u8 mtype[] = { 0xa1, 0x03, 0x02, 0x01, 0x0e };
	struct krb5ap_ap_req req;
	size_t len, i;
	u8 *buf, *p, *cut;
	int ret;

	buf = fx_read("raw-aes256", "req", &len);
	CHECK(buf);
	if (!buf)
		return;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), 0);

	/* Every truncation fails, with no read past the end. */
	for (i = 0; i < len; i++) {
		cut = malloc(i ? i : 1);
		memcpy(cut, buf, i);
		ret = krb5ap_decode_ap_req(cut, i, &req);
		if (!ret || (ret != -ENODATA && ret != -EBADMSG))
			CHECK_EQ(ret, -ENODATA);
		free(cut);
	}
	/* One byte more: trailing data. */
	cut = malloc(len + 1);
	memcpy(cut, buf, len);
	cut[len] = 0;
	CHECK_EQ(krb5ap_decode_ap_req(cut, len + 1, &req), -ENOTEMPTY);
	free(cut);

	/* Another message type, by tag or by msg-type. */
	buf[0] = 0x6f;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -ENOMSG);
	buf[0] = 0x7e;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -ENOMSG);
	buf[0] = 0x30;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -EBADMSG);
	buf[0] = 0x6e;
	p = find(buf, len, mtype, sizeof(mtype));
	CHECK(p);
	p[4] = 0x0f;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -ENOMSG);
	p[4] = 0x0e;

	/* pvno, then tkt-vno (the second "[0] INTEGER 5"). */
	p = find(buf, len, pvno, sizeof(pvno));
	CHECK(p);
	p[4] = 0x04;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -EPROTO);
	p[4] = 0x05;
	p = find(p + 1, len - (p + 1 - buf), pvno, sizeof(pvno));
	CHECK(p);
	p[4] = 0x06;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -EPROTO);
	p[4] = 0x05;
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), 0);

	/* Every single bit flipped: a result or a known error, no crash. */
	for (i = 0; i < len * 8; i++) {
		buf[i / 8] ^= 1 << (i % 8);
		ret = krb5ap_decode_ap_req(buf, len, &req);
		CHECK(ret == 0 || ret == -EBADMSG || ret == -ENODATA ||
		      ret == -ENOTEMPTY || ret == -EMSGSIZE ||
		      ret == -ERANGE || ret == -EPROTO || ret == -ENOMSG ||
		      ret == -ELOOP);
		buf[i / 8] ^= 1 << (i % 8);
	}
	free(buf);
}

/*
 * A forward DER builder for hand-made messages: open() reserves room for
 * the longest header, close() writes the minimal one and moves the
 * contents back.
 */
struct bld {
	u8 buf[16384];
	size_t len;
};

static size_t open_(struct bld *b, u8 tag)
{
	size_t pos = b->len;

	b->buf[pos] = tag;
	b->len += 6;
	return pos;
}

static void close_(struct bld *b, size_t pos)
{
	size_t clen = b->len - pos - 6, h;

	if (clen < 0x80) {
		b->buf[pos + 1] = clen;
		h = 2;
	} else if (clen < 0x100) {
		b->buf[pos + 1] = 0x81;
		b->buf[pos + 2] = clen;
		h = 3;
	} else {
		b->buf[pos + 1] = 0x82;
		b->buf[pos + 2] = clen >> 8;
		b->buf[pos + 3] = clen;
		h = 4;
	}
	memmove(b->buf + pos + h, b->buf + pos + 6, clen);
	b->len -= 6 - h;
}

static void raw_(struct bld *b, const void *p, size_t n)
{
	memcpy(b->buf + b->len, p, n);
	b->len += n;
}

static void prim(struct bld *b, u8 tag, const void *p, size_t n)
{
	size_t pos = open_(b, tag);

	raw_(b, p, n);
	close_(b, pos);
}

static void int_(struct bld *b, s64 v)
{
	u8 tmp[16];
	struct krb5ap_der_writer w;
	size_t len;

	krb5ap_der_writer_init(&w, tmp, sizeof(tmp));
	krb5ap_der_put_int(&w, v);
	krb5ap_der_writer_finish(&w, &len);
	raw_(b, tmp, len);
}

static void fint(struct bld *b, unsigned int n, s64 v)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n));

	int_(b, v);
	close_(b, f);
}

static void fstr(struct bld *b, unsigned int n, const char *s)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n));

	prim(b, KRB5AP_DER_GENERAL_STRING, s, strlen(s));
	close_(b, f);
}

static void ftime(struct bld *b, unsigned int n, const char *s)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n));

	prim(b, KRB5AP_DER_GENERALIZED_TIME, s, 15);
	close_(b, f);
}

static void fflags(struct bld *b, unsigned int n, u32 v)
{
	u8 c[5] = { 0, v >> 24, v >> 16, v >> 8, v };
	size_t f = open_(b, KRB5AP_DER_CTX(n));

	prim(b, KRB5AP_DER_BIT_STRING, c, 5);
	close_(b, f);
}

/* [n] SEQUENCE { [0] INTEGER type, [1] OCTET STRING } */
static void ftyped(struct bld *b, unsigned int n, s32 type, const void *p,
		   size_t len)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n)), s, g;

	s = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, type);
	g = open_(b, KRB5AP_DER_CTX(1));
	prim(b, KRB5AP_DER_OCTET_STRING, p, len);
	close_(b, g);
	close_(b, s);
	close_(b, f);
}

static void fname(struct bld *b, unsigned int n, unsigned int ncomp)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n)), s, g, l;
	unsigned int i;

	s = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, 1);
	g = open_(b, KRB5AP_DER_CTX(1));
	l = open_(b, KRB5AP_DER_SEQUENCE);
	for (i = 0; i < ncomp; i++)
		prim(b, KRB5AP_DER_GENERAL_STRING, i ? "x" : "host", i ? 1 : 4);
	close_(b, l);
	close_(b, g);
	close_(b, s);
	close_(b, f);
}

/* [n] SEQUENCE OF SEQUENCE { [0] type, [1] OCTET STRING } */
static void fseqof(struct bld *b, unsigned int n, unsigned int count)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n)), l, s, g;
	unsigned int i;

	l = open_(b, KRB5AP_DER_SEQUENCE);
	for (i = 0; i < count; i++) {
		s = open_(b, KRB5AP_DER_SEQUENCE);
		fint(b, 0, i + 1);
		g = open_(b, KRB5AP_DER_CTX(1));
		prim(b, KRB5AP_DER_OCTET_STRING, "\x7f\0\0\1", 4);
		close_(b, g);
		close_(b, s);
	}
	close_(b, l);
	close_(b, f);
}

static void fenc(struct bld *b, unsigned int n, bool kvno, s64 kvno_val)
{
	size_t f = open_(b, KRB5AP_DER_CTX(n)), s, g;

	s = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, 18);
	if (kvno)
		fint(b, 1, kvno_val);
	g = open_(b, KRB5AP_DER_CTX(2));
	prim(b, KRB5AP_DER_OCTET_STRING, "ciphertext", 10);
	close_(b, g);
	close_(b, s);
	close_(b, f);
}

/* Decoded structures point into their input: keep the last one alive. */
static u8 *kept;

static u8 *keep(const struct bld *b)
{
	free(kept);
	kept = malloc(b->len);
	memcpy(kept, b->buf, b->len);
	return kept;
}

struct apreq_opts {
	s64 pvno, msg_type, tkt_vno, kvno;
	unsigned int ncomp;
	bool no_kvno, ext, swap;
};

static int apreq(const struct apreq_opts *o, struct krb5ap_ap_req *req)
{
	struct bld *b = calloc(1, sizeof(*b));
	size_t a, s, f, t, ts;
	u8 *copy;
	int ret;

	a = open_(b, KRB5AP_DER_APP(14));
	s = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, o->pvno);
	fint(b, 1, o->msg_type);
	fflags(b, 2, 0x20000000);
	f = open_(b, KRB5AP_DER_CTX(3));
	t = open_(b, KRB5AP_DER_APP(1));
	ts = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, o->tkt_vno);
	if (o->swap) {
		fname(b, 2, o->ncomp);
		fstr(b, 1, "EXAMPLE.COM");
	} else {
		fstr(b, 1, "EXAMPLE.COM");
		fname(b, 2, o->ncomp);
	}
	fenc(b, 3, !o->no_kvno, o->kvno);
	close_(b, ts);
	close_(b, t);
	close_(b, f);
	fenc(b, 4, false, 0);
	if (o->ext)
		fstr(b, 9, "future field");
	close_(b, s);
	close_(b, a);
	copy = keep(b);
	ret = krb5ap_decode_ap_req(copy, b->len, req);
	free(b);
	return ret;
}

TEST(ap_req_built)
{
	struct apreq_opts o = {
		.pvno = 5, .msg_type = 14, .tkt_vno = 5, .kvno = 3, .ncomp = 2,
	};
	struct apreq_opts x;
	struct krb5ap_ap_req req;

	CHECK_EQ(apreq(&o, &req), 0);
	CHECK_EQ(req.ap_options, KRB5AP_AP_OPT_MUTUAL_REQUIRED);
	CHECK_EQ(req.ticket.sname.ncomp, 2);
	CHECK_EQ(req.ticket.enc_part.kvno, 3);
	CHECK_EQ(req.authenticator.etype, 18);
	CHECK(!req.authenticator.has_kvno);

	x = o;
	x.ncomp = KRB5AP_NAME_MAX_COMPONENTS;
	CHECK_EQ(apreq(&x, &req), 0);
	x.ncomp = KRB5AP_NAME_MAX_COMPONENTS + 1;
	CHECK_EQ(apreq(&x, &req), -EMSGSIZE);
	x.ncomp = 0;
	CHECK_EQ(apreq(&x, &req), -EBADMSG);

	x = o;
	x.kvno = 0xffffffffLL;
	CHECK_EQ(apreq(&x, &req), 0);
	CHECK_EQ(req.ticket.enc_part.kvno, 0xffffffffLL);
	x.kvno = -1;
	CHECK_EQ(apreq(&x, &req), -ERANGE);
	x.no_kvno = true;
	CHECK_EQ(apreq(&x, &req), 0);
	CHECK(!req.ticket.enc_part.has_kvno);

	x = o;
	x.pvno = 4;
	CHECK_EQ(apreq(&x, &req), -EPROTO);
	x.pvno = 0x100000000LL;
	CHECK_EQ(apreq(&x, &req), -EPROTO);
	x = o;
	x.msg_type = 15;
	CHECK_EQ(apreq(&x, &req), -ENOMSG);
	x = o;
	x.tkt_vno = 1;
	CHECK_EQ(apreq(&x, &req), -EPROTO);

	x = o;
	x.ext = true;
	CHECK_EQ(apreq(&x, &req), 0);
	x = o;
	x.swap = true;
	CHECK_EQ(apreq(&x, &req), -EBADMSG);
}

struct auth_opts {
	s64 cusec, seq;
	unsigned int authdata;
	bool seq_present, ext;
	const char *ctime;
};

static int authenticator(const struct auth_opts *o,
			 struct krb5ap_authenticator *a)
{
	struct bld *b = calloc(1, sizeof(*b));
	size_t ap, s;
	u8 *copy;
	int ret;

	ap = open_(b, KRB5AP_DER_APP(2));
	s = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, 5);
	fstr(b, 1, "EXAMPLE.COM");
	fname(b, 2, 1);
	ftyped(b, 3, 0x8003, "0123456789abcdef0123456789", 24);
	fint(b, 4, o->cusec);
	ftime(b, 5, o->ctime);
	ftyped(b, 6, 18, "0123456789abcdef0123456789abcdef", 32);
	if (o->seq_present)
		fint(b, 7, o->seq);
	if (o->authdata)
		fseqof(b, 8, o->authdata);
	if (o->ext)
		fint(b, 12, 1);
	close_(b, s);
	close_(b, ap);
	copy = keep(b);
	ret = krb5ap_decode_authenticator(copy, b->len, a);
	free(b);
	return ret;
}

TEST(authenticator_built)
{
	struct auth_opts o = {
		.cusec = 999999, .seq = 7, .seq_present = true, .authdata = 2,
		.ctime = "20261125165226Z",
	};
	struct auth_opts x;
	struct krb5ap_authenticator a;
	struct krb5ap_authdata_entry ad;
	struct krb5ap_der it;
	int n = 0, ret;

	CHECK_EQ(authenticator(&o, &a), 0);
	CHECK_EQ(a.cusec, 999999);
	CHECK_EQ(a.ctime, 1795625546LL);
	CHECK(a.has_cksum);
	CHECK_EQ(a.cksum.cksumtype, 0x8003);
	CHECK_EQ(a.cksum.checksum.len, 24);
	CHECK(a.has_subkey);
	CHECK_EQ(a.subkey.keyvalue.len, 32);
	CHECK(a.has_seq_number);
	CHECK_EQ(a.seq_number, 7);
	CHECK_EQ(a.authdata.count, 2);
	krb5ap_seq_of_iter(&a.authdata, &it);
	while ((ret = krb5ap_authdata_next(&it, &ad)) > 0) {
		n++;
		CHECK_EQ(ad.ad_type, n);
		CHECK_EQ(ad.ad_data.len, 4);
	}
	CHECK_EQ(ret, 0);
	CHECK_EQ(n, 2);

	x = o;
	x.cusec = 1000000;
	CHECK_EQ(authenticator(&x, &a), -ERANGE);
	x.cusec = -1;
	CHECK_EQ(authenticator(&x, &a), -ERANGE);

	/* Negative sequence numbers, as old implementations sent them. */
	x = o;
	x.seq = -2;
	CHECK_EQ(authenticator(&x, &a), 0);
	CHECK_EQ(a.seq_number, 0xfffffffeU);
	x.seq = 0xffffffffLL;
	CHECK_EQ(authenticator(&x, &a), 0);
	CHECK_EQ(a.seq_number, 0xffffffffU);
	x.seq = 0x100000000LL;
	CHECK_EQ(authenticator(&x, &a), -ERANGE);
	x.seq = -0x80000001LL;
	CHECK_EQ(authenticator(&x, &a), -ERANGE);
	x.seq_present = false;
	CHECK_EQ(authenticator(&x, &a), 0);
	CHECK(!a.has_seq_number);

	x = o;
	x.authdata = KRB5AP_AUTHDATA_MAX;
	CHECK_EQ(authenticator(&x, &a), 0);
	CHECK_EQ(a.authdata.count, KRB5AP_AUTHDATA_MAX);
	x.authdata = KRB5AP_AUTHDATA_MAX + 1;
	CHECK_EQ(authenticator(&x, &a), -EMSGSIZE);

	x = o;
	x.ext = true;
	CHECK_EQ(authenticator(&x, &a), 0);
	x.ctime = "20261125165226z";
	CHECK_EQ(authenticator(&x, &a), -EBADMSG);
}

static int etp(unsigned int caddr, unsigned int authdata, bool starttime,
	       struct krb5ap_enc_ticket_part *p)
{
	struct bld *b = calloc(1, sizeof(*b));
	size_t ap, s, f, t, g;
	u8 *copy;
	int ret;

	ap = open_(b, KRB5AP_DER_APP(3));
	s = open_(b, KRB5AP_DER_SEQUENCE);
	fflags(b, 0, 0x40e00000);
	ftyped(b, 1, 18, "0123456789abcdef0123456789abcdef", 32);
	fstr(b, 2, "EXAMPLE.COM");
	fname(b, 3, 1);
	g = open_(b, KRB5AP_DER_CTX(4));
	t = open_(b, KRB5AP_DER_SEQUENCE);
	fint(b, 0, 1);
	f = open_(b, KRB5AP_DER_CTX(1));
	prim(b, KRB5AP_DER_OCTET_STRING, "", 0);
	close_(b, f);
	close_(b, t);
	close_(b, g);
	ftime(b, 5, "20261125160000Z");
	if (starttime)
		ftime(b, 6, "20261125160100Z");
	ftime(b, 7, "20261126020000Z");
	if (caddr != ~0U)
		fseqof(b, 9, caddr);
	if (authdata)
		fseqof(b, 10, authdata);
	close_(b, s);
	close_(b, ap);
	copy = keep(b);
	ret = krb5ap_decode_enc_ticket_part(copy, b->len, p);
	free(b);
	return ret;
}

TEST(enc_ticket_part_built)
{
	struct krb5ap_enc_ticket_part p;
	struct krb5ap_host_address addr;
	struct krb5ap_der it;
	int n = 0;

	CHECK_EQ(etp(2, 1, true, &p), 0);
	CHECK_EQ(p.flags, 0x40e00000);
	CHECK(p.has_starttime);
	CHECK_EQ(p.starttime - p.authtime, 60);
	CHECK_EQ(p.endtime - p.authtime, 36000);
	CHECK(!p.has_renew_till);
	CHECK(p.has_caddr);
	CHECK_EQ(p.caddr.count, 2);
	krb5ap_seq_of_iter(&p.caddr, &it);
	while (krb5ap_addr_next(&it, &addr) > 0) {
		n++;
		CHECK_EQ(addr.addr_type, n);
		CHECK(addr.address.len == 4 && addr.address.data[0] == 0x7f);
	}
	CHECK_EQ(n, 2);
	CHECK_EQ(p.authdata.count, 1);

	CHECK_EQ(etp(~0U, 0, false, &p), 0);
	CHECK(!p.has_starttime && !p.has_caddr && !p.has_authdata);
	CHECK_EQ(p.starttime, p.authtime);
	CHECK_EQ(etp(0, 0, false, &p), 0);
	CHECK(p.has_caddr);
	CHECK_EQ(p.caddr.count, 0);
	CHECK_EQ(etp(KRB5AP_ADDR_MAX, 0, false, &p), 0);
	CHECK_EQ(etp(KRB5AP_ADDR_MAX + 1, 0, false, &p), -EMSGSIZE);
	CHECK_EQ(etp(0, KRB5AP_AUTHDATA_MAX + 1, false, &p), -EMSGSIZE);
}

TEST(enc_ap_rep_part_round_trip)
{
	static const u8 key[16] = "0123456789abcdef";
	struct krb5ap_enc_ap_rep_part in = {
		.ctime = 1795625546LL, .cusec = 123456, .has_subkey = true,
		.subkey = { .keytype = 17, .keyvalue = { key, sizeof(key) } },
		.has_seq_number = true, .seq_number = 0x89abcdef,
	};
	struct krb5ap_enc_ap_rep_part out;
	u8 buf[128];
	size_t len, need;

	CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&in, NULL, 0, &need), -ENOSPC);
	CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&in, buf, need - 1, &len),
		 -ENOSPC);
	CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&in, buf, sizeof(buf), &len), 0);
	CHECK_EQ(len, need);
	CHECK_EQ(buf[0], 0x7b);
	CHECK_EQ(krb5ap_decode_enc_ap_rep_part(buf, len, &out), 0);
	CHECK_EQ(out.ctime, in.ctime);
	CHECK_EQ(out.cusec, in.cusec);
	CHECK(out.has_subkey && out.subkey.keytype == 17);
	CHECK(krb5ap_buf_eq(&out.subkey.keyvalue, &in.subkey.keyvalue));
	CHECK(out.has_seq_number && out.seq_number == 0x89abcdef);

	in.has_subkey = false;
	in.has_seq_number = false;
	CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&in, buf, sizeof(buf), &len), 0);
	CHECK_EQ(krb5ap_decode_enc_ap_rep_part(buf, len, &out), 0);
	CHECK(!out.has_subkey && !out.has_seq_number);
	in.cusec = 1000000;
	CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&in, buf, sizeof(buf), &len),
		 -ERANGE);
	in.cusec = 0;
	in.ctime = KRB5AP_DER_TIME_MAX + 1;
	CHECK_EQ(krb5ap_encode_enc_ap_rep_part(&in, buf, sizeof(buf), &len),
		 -ERANGE);
}

TEST(ap_rep_round_trip)
{
	static const u8 cipher[300] = { 1, 2, 3 };
	struct krb5ap_encrypted_data ed = {
		.etype = 20, .has_kvno = true, .kvno = 0x80000000U,
		.cipher = { cipher, sizeof(cipher) },
	};
	struct krb5ap_ap_rep rep;
	struct krb5ap_ap_req req;
	u8 buf[512];
	size_t len;

	CHECK_EQ(krb5ap_encode_ap_rep(&ed, buf, sizeof(buf), &len), 0);
	CHECK_EQ(buf[0], 0x6f);
	CHECK_EQ(krb5ap_decode_ap_rep(buf, len, &rep), 0);
	CHECK_EQ(rep.enc_part.etype, 20);
	CHECK(rep.enc_part.has_kvno && rep.enc_part.kvno == 0x80000000U);
	CHECK(krb5ap_buf_eq(&rep.enc_part.cipher, &ed.cipher));
	CHECK_EQ(krb5ap_decode_ap_req(buf, len, &req), -ENOMSG);
}

TEST(principal_compare)
{
	struct krb5ap_principal_name a = {
		.name_type = 1, .ncomp = 2,
		.comp = { { (const u8 *)"host", 4 }, { (const u8 *)"a", 1 } },
	};
	struct krb5ap_principal_name b = a;

	CHECK(krb5ap_principal_name_eq(&a, &b));
	b.name_type = 3;
	CHECK(krb5ap_principal_name_eq(&a, &b));
	b.ncomp = 1;
	CHECK(!krb5ap_principal_name_eq(&a, &b));
	b.ncomp = 2;
	b.comp[1].data = (const u8 *)"b";
	CHECK(!krb5ap_principal_name_eq(&a, &b));
	b.comp[1].data = (const u8 *)"ab";
	b.comp[1].len = 2;
	CHECK(!krb5ap_principal_name_eq(&a, &b));
}

int main(void)
{
	RUN(fixtures_ap_req);
	RUN(fixtures_enc_ticket_part);
	RUN(fixtures_authenticator);
	RUN(fixtures_ap_rep);
	RUN(ap_req_mutations);
	RUN(ap_req_built);
	RUN(authenticator_built);
	RUN(enc_ticket_part_built);
	RUN(enc_ap_rep_part_round_trip);
	RUN(ap_rep_round_trip);
	RUN(principal_compare);
	free(kept);
	return test_done();
}
