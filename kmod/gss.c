// SPDX-License-Identifier: GPL-2.0
/*
 * GSS-API krb5 framing and the 0x8003 authenticator checksum.
 *
 * An initiator's first token is an InitialContextToken (RFC 2743 section
 * 3.1): [APPLICATION 0] IMPLICIT SEQUENCE { thisMech OID, innerToken },
 * where for krb5 the innerToken is a two-byte TOK_ID followed by the
 * AP-REQ (RFC 4121 section 4.1).  The acceptor's AP-REP goes back in the
 * same framing with TOK_ID 02 00.  The outer header is DER and is read
 * with the same strict reader as the Kerberos messages.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "shim.h"
#include "der.h"
#include "gss.h"

#ifdef __KERNEL__
#include <crypto/hash.h>
#endif

/* [APPLICATION 0] constructed: the InitialContextToken. */
#define GSS_TOKEN_TAG	KRB5AP_DER_APP(0)

/* DER contents of the two mechanism OIDs. */
static const u8 gss_oid_krb5[] = {		/* 1.2.840.113554.1.2.2 */
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02
};

static const u8 gss_oid_ms_krb5[] = {		/* 1.2.840.48018.1.2.2 */
	0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02
};

static u16 gss_le16(const u8 *p)
{
	return p[0] | (u16)p[1] << 8;
}

static u32 gss_le32(const u8 *p)
{
	return p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static u32 gss_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void gss_put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/**
 * krb5ap_gss_unwrap() - remove the GSS-API framing from a token
 * @tok: the token, which must start with 0x60
 * @len: its length
 * @f: the mechanism, TOK_ID and inner message (pointing into @tok)
 *
 * The framing must be DER (minimal definite length), cover the token
 * exactly and name one of the two krb5 mechanism OIDs.
 *
 * Return: 0, -EBADMSG for bad framing, -ENODATA when truncated (no room
 * for a TOK_ID included), -ENOTEMPTY for bytes after the framing,
 * -EPROTONOSUPPORT for another mechanism, or another negative errno from
 * the DER reader.
 */
int krb5ap_gss_unwrap(const u8 *tok, size_t len, struct krb5ap_gss_frame *f)
{
	struct krb5ap_der d, body;
	struct krb5ap_buf oid;
	size_t rest;
	u8 tag;
	int ret;

	krb5ap_der_init(&d, tok, len);
	if (krb5ap_der_peek(&d) != GSS_TOKEN_TAG)
		return len ? -EBADMSG : -ENODATA;
	ret = krb5ap_der_enter(&d, GSS_TOKEN_TAG, &body);
	if (ret)
		return ret;
	ret = krb5ap_der_end(&d);
	if (ret)
		return ret;
	ret = krb5ap_der_read(&body, &tag, &oid);
	if (ret)
		return ret;
	if (tag != KRB5AP_DER_OID)
		return -EBADMSG;
	if (oid.len == sizeof(gss_oid_krb5) &&
	    !memcmp(oid.data, gss_oid_krb5, oid.len))
		f->mech = KRB5AP_GSS_KRB5;
	else if (oid.len == sizeof(gss_oid_ms_krb5) &&
		 !memcmp(oid.data, gss_oid_ms_krb5, oid.len))
		f->mech = KRB5AP_GSS_MS_KRB5;
	else
		return -EPROTONOSUPPORT;
	rest = body.end - body.p;
	if (rest < 2)
		return -ENODATA;
	f->tok_id = (u16)body.p[0] << 8 | body.p[1];
	f->inner.data = body.p + 2;
	f->inner.len = rest - 2;
	return 0;
}

/**
 * krb5ap_gss_unwrap_ap_req() - find the AP-REQ in a token, framed or raw
 * @tok: a GSS-API initial context token (first byte 0x60) or a raw AP-REQ
 * @len: its length
 * @f: the mechanism (KRB5AP_GSS_RAW when unframed) and the AP-REQ
 *
 * Return: 0, -ENOMSG when a framed token's TOK_ID is not 01 00, or a
 * negative errno from krb5ap_gss_unwrap().
 */
int krb5ap_gss_unwrap_ap_req(const u8 *tok, size_t len,
			     struct krb5ap_gss_frame *f)
{
	int ret;

	if (!len)
		return -ENODATA;
	if (tok[0] != GSS_TOKEN_TAG) {
		f->mech = KRB5AP_GSS_RAW;
		f->tok_id = 0;
		f->inner.data = tok;
		f->inner.len = len;
		return 0;
	}
	ret = krb5ap_gss_unwrap(tok, len, f);
	if (ret)
		return ret;
	return f->tok_id == KRB5AP_GSS_TOK_AP_REQ ? 0 : -ENOMSG;
}

/**
 * krb5ap_gss_wrap() - frame a Kerberos message as a GSS-API token
 * @mech: KRB5AP_GSS_KRB5 or KRB5AP_GSS_MS_KRB5 (the request's)
 * @tok_id: TOK_ID, e.g. KRB5AP_GSS_TOK_AP_REP
 * @inner: the message; it may lie inside @buf (it is moved, not copied)
 * @inner_len: its length
 * @buf: output buffer (NULL with @size 0 to learn the length)
 * @size: its size
 * @len: length of the token, also on -ENOSPC (the size needed)
 *
 * Return: 0, -EINVAL for KRB5AP_GSS_RAW or an unknown mechanism, or
 * -ENOSPC.
 */
int krb5ap_gss_wrap(enum krb5ap_gss_mech mech, u16 tok_id, const u8 *inner,
		    size_t inner_len, u8 *buf, size_t size, size_t *len)
{
	struct krb5ap_der_writer w;
	const u8 *oid;
	size_t oid_len, body, hdr;
	u8 id[2] = { tok_id >> 8, tok_id };

	*len = 0;
	switch (mech) {
	case KRB5AP_GSS_KRB5:
		oid = gss_oid_krb5;
		oid_len = sizeof(gss_oid_krb5);
		break;
	case KRB5AP_GSS_MS_KRB5:
		oid = gss_oid_ms_krb5;
		oid_len = sizeof(gss_oid_ms_krb5);
		break;
	default:
		return -EINVAL;
	}
	body = 2 + oid_len + sizeof(id);
	if (inner_len > U32_MAX - body)
		return -ENOSPC;
	body += inner_len;

	/* Measure the header first, then write it in front of the message. */
	krb5ap_der_writer_init(&w, NULL, 0);
	krb5ap_der_put_header(&w, GSS_TOKEN_TAG, body);
	hdr = w.len + body - inner_len;
	*len = hdr + inner_len;
	if (!buf || size < *len)
		return -ENOSPC;
	if (inner_len)
		memmove(buf + hdr, inner, inner_len);
	krb5ap_der_writer_init(&w, buf, hdr);
	krb5ap_der_put_bytes(&w, id, sizeof(id));
	krb5ap_der_put_bytes(&w, oid, oid_len);
	krb5ap_der_put_header(&w, KRB5AP_DER_OID, oid_len);
	krb5ap_der_put_header(&w, GSS_TOKEN_TAG, body);
	return w.err;
}

/**
 * krb5ap_gss_parse_cksum() - parse the 0x8003 authenticator checksum
 * @data: the Checksum's checksum bytes (cksumtype KRB5AP_GSS_CKSUMTYPE)
 * @len: their length
 * @ck: the result, pointing into @data
 *
 * Layout (RFC 4121 section 4.1.1): Lgth (4 bytes little-endian, must be
 * 16 as MIT requires), Bnd (16), Flags (4, little-endian); then, when the
 * DELEG flag is set and at least 4 bytes remain, DlgOpt (2, must be 1),
 * Dlgth (2) and Deleg (Dlgth bytes); then extensions to the end, each a
 * 4-byte big-endian type, a 4-byte big-endian length and its data.
 *
 * Return: 0, or -EBADMSG for a checksum shorter than 24 bytes, a Lgth
 * other than 16, a DlgOpt other than 1, or a truncated delegation or
 * extension.
 */
int krb5ap_gss_parse_cksum(const u8 *data, size_t len,
			   struct krb5ap_gss_cksum *ck)
{
	struct krb5ap_buf it;
	struct krb5ap_buf val;
	size_t off = KRB5AP_GSS_CKSUM_MIN;
	u16 dlgth;
	u32 type;
	int ret;

	memset(ck, 0, sizeof(*ck));
	if (len < KRB5AP_GSS_CKSUM_MIN)
		return -EBADMSG;
	if (gss_le32(data) != KRB5AP_GSS_BND_LEN)
		return -EBADMSG;
	memcpy(ck->bnd, data + 4, KRB5AP_GSS_BND_LEN);
	ck->flags = gss_le32(data + 4 + KRB5AP_GSS_BND_LEN);
	if ((ck->flags & KRB5AP_GSS_C_DELEG_FLAG) && len - off >= 4) {
		if (gss_le16(data + off) != KRB5AP_GSS_DLGOPT_KRB_CRED)
			return -EBADMSG;
		dlgth = gss_le16(data + off + 2);
		off += 4;
		if (dlgth > len - off)
			return -EBADMSG;
		ck->has_deleg = true;
		ck->deleg.data = data + off;
		ck->deleg.len = dlgth;
		off += dlgth;
	}
	ck->exts.data = data + off;
	ck->exts.len = len - off;
	it = ck->exts;
	do {
		ret = krb5ap_gss_ext_next(&it, &type, &val);
	} while (ret > 0);
	return ret;
}

/**
 * krb5ap_gss_ext_next() - walk the extensions of a 0x8003 checksum
 * @it: the remaining extensions (start with krb5ap_gss_cksum.exts);
 *      advanced past the one returned
 * @type: its type
 * @val: its data, inside the checksum
 *
 * Return: 1 with an extension, 0 at the end, -EBADMSG when truncated.
 */
int krb5ap_gss_ext_next(struct krb5ap_buf *it, u32 *type,
			struct krb5ap_buf *val)
{
	u32 elen;

	if (!it->len)
		return 0;
	if (it->len < 8)
		return -EBADMSG;
	elen = gss_be32(it->data + 4);
	if (elen > it->len - 8)
		return -EBADMSG;
	*type = gss_be32(it->data);
	val->data = it->data + 8;
	val->len = elen;
	it->data += 8 + elen;
	it->len -= 8 + elen;
	return 1;
}

/**
 * krb5ap_gss_cb_hash() - the Bnd value for a set of channel bindings
 * @cb: the channel bindings
 * @hash: MD5 over the gss_channel_bindings_struct layout that MIT and
 *        Windows use: initiator address type and length, address, acceptor
 *        address type and length, address, application data length and
 *        data, every number 32-bit little-endian
 *
 * Return: 0, -EINVAL for a field longer than 2^32-1 bytes, or an error
 * from krb5ap_gss_md5().
 */
int krb5ap_gss_cb_hash(const struct krb5ap_gss_channel_bindings *cb,
		       u8 hash[KRB5AP_GSS_BND_LEN])
{
	u8 ia[8], aa[8], ad[4];
	struct krb5ap_buf parts[6];

	if (cb->initiator_address.len > U32_MAX ||
	    cb->acceptor_address.len > U32_MAX ||
	    cb->application_data.len > U32_MAX)
		return -EINVAL;
	gss_put_le32(ia, cb->initiator_addrtype);
	gss_put_le32(ia + 4, cb->initiator_address.len);
	gss_put_le32(aa, cb->acceptor_addrtype);
	gss_put_le32(aa + 4, cb->acceptor_address.len);
	gss_put_le32(ad, cb->application_data.len);
	parts[0].data = ia;
	parts[0].len = sizeof(ia);
	parts[1] = cb->initiator_address;
	parts[2].data = aa;
	parts[2].len = sizeof(aa);
	parts[3] = cb->acceptor_address;
	parts[4].data = ad;
	parts[4].len = sizeof(ad);
	parts[5] = cb->application_data;
	return krb5ap_gss_md5(parts, ARRAY_SIZE(parts), hash);
}

/* Compare without leaking where the first difference is. */
static bool gss_equal(const u8 *a, const u8 *b, size_t len)
{
	u8 diff = 0;
	size_t i;

	for (i = 0; i < len; i++)
		diff |= a[i] ^ b[i];
	return !diff;
}

/**
 * krb5ap_gss_check_bindings() - check the initiator's channel bindings
 * @ck: the parsed 0x8003 checksum
 * @cb: the acceptor's channel bindings, or NULL when it has none
 * @bound: set when the initiator's bindings matched @cb
 *
 * As MIT's acceptor: without @cb nothing is checked; an initiator that
 * sent no bindings (Bnd all zeros) is accepted but not @bound (a caller
 * that requires binding, e.g. for MS-KILE's KERB_AP_OPTIONS_CBT, checks
 * @bound); bindings that differ from @cb are refused.
 *
 * Return: 0, -EACCES when the bindings do not match, or an error from
 * krb5ap_gss_cb_hash().
 */
int krb5ap_gss_check_bindings(const struct krb5ap_gss_cksum *ck,
			      const struct krb5ap_gss_channel_bindings *cb,
			      bool *bound)
{
	static const u8 zero[KRB5AP_GSS_BND_LEN];
	u8 hash[KRB5AP_GSS_BND_LEN];
	int ret;

	*bound = false;
	if (!cb || gss_equal(ck->bnd, zero, sizeof(zero)))
		return 0;
	ret = krb5ap_gss_cb_hash(cb, hash);
	if (ret)
		return ret;
	if (!gss_equal(ck->bnd, hash, sizeof(hash)))
		return -EACCES;
	*bound = true;
	return 0;
}

#ifdef __KERNEL__
static int gss_md5_tfm(struct crypto_shash *tfm,
		       const struct krb5ap_buf *parts, unsigned int nparts,
		       u8 hash[KRB5AP_GSS_BND_LEN])
{
	SHASH_DESC_ON_STACK(desc, tfm);
	unsigned int i;
	int ret;

	desc->tfm = tfm;
	ret = crypto_shash_init(desc);
	for (i = 0; !ret && i < nparts; i++)
		if (parts[i].len)
			ret = crypto_shash_update(desc, parts[i].data,
						  parts[i].len);
	if (!ret)
		ret = crypto_shash_final(desc, hash);
	shash_desc_zero(desc);
	return ret;
}

/*
 * One "md5" transform for the module's lifetime: an unkeyed hash keeps no
 * state in the transform, so every caller shares it with a descriptor on
 * its own stack, and the verify path never allocates a transform.  NULL
 * when md5 is unavailable (FIPS mode): channel bindings then cannot be
 * checked and are refused.
 */
static struct crypto_shash *gss_md5;

/**
 * krb5ap_gss_init() - allocate the MD5 transform for channel bindings
 *
 * A kernel without md5 is not an error: tokens that carry channel bindings
 * are then refused when a consumer asks for them to be checked.
 *
 * Context: process context (module init).
 * Return: 0.
 */
int krb5ap_gss_init(void)
{
	struct crypto_shash *tfm;

	tfm = crypto_alloc_shash("md5", 0, 0);
	if (IS_ERR(tfm)) {
		pr_notice("md5 unavailable (%ld): channel bindings cannot be checked\n",
			  PTR_ERR(tfm));
		return 0;
	}
	if (crypto_shash_digestsize(tfm) != KRB5AP_GSS_BND_LEN) {
		crypto_free_shash(tfm);
		return 0;
	}
	gss_md5 = tfm;
	return 0;
}

/**
 * krb5ap_gss_exit() - free the MD5 transform
 */
void krb5ap_gss_exit(void)
{
	crypto_free_shash(gss_md5);
	gss_md5 = NULL;
}

/**
 * krb5ap_gss_md5() - MD5 over several byte ranges
 * @parts: the ranges, hashed in order
 * @nparts: their number
 * @hash: the digest
 *
 * Uses the transform allocated by krb5ap_gss_init(); allocates nothing.
 *
 * Return: 0, -ENOPKG when md5 is unavailable (as in FIPS mode), or a
 * negative errno from the crypto API.
 */
int krb5ap_gss_md5(const struct krb5ap_buf *parts, unsigned int nparts,
		   u8 hash[KRB5AP_GSS_BND_LEN])
{
	if (!gss_md5)
		return -ENOPKG;
	return gss_md5_tfm(gss_md5, parts, nparts, hash);
}
#endif /* __KERNEL__ */
