// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 3961 building blocks shared by every krb5ap enctype, and the
 * simplified profile with DK key derivation used by aes128/256-cts-hmac-
 * sha1-96 (RFC 3962):
 *
 *   n-fold         RFC 3961 section 5.1
 *   DK, DR         RFC 3961 section 5.1; E is one CBC block under the base
 *                  key, random-to-key is the identity for AES
 *   encryption     RFC 3961 section 5.3: C = E(Ke, conf | data) with a zero
 *                  IV, H = HMAC(Ki, conf | data) truncated; output C | H
 *
 * The simplified-profile encryption is shared with Camellia (RFC 6803),
 * which only changes the key derivation and uses CMAC for the MAC.
 */
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <crypto/algapi.h>
#include <linux/kernel.h>
#include <linux/lcm.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "cryptopool.h"
#include "enctype.h"
#include "rfc3961.h"

/*
 * Byte @pos of the concatenation of copies of @in (@len bytes), copy i
 * rotated right by 13 * i bits; bits are numbered from the most significant
 * bit of the first byte.
 */
static u8 nfold_byte(const u8 *in, unsigned int len, unsigned int pos)
{
	unsigned int nbits = len * 8;
	unsigned int copy = pos / len, j = pos % len;
	unsigned int rot = (13 * copy) % nbits;
	unsigned int bit = (8 * j + nbits - rot) % nbits;
	unsigned int a = bit / 8, s = bit % 8;

	if (!s)
		return in[a];
	return (u8)((in[a] << s) | (in[(a + 1) % len] >> (8 - s)));
}

/**
 * krb5ap_nfold() - RFC 3961 n-fold, on whole bytes
 * @in: input
 * @in_len: length of @in in bytes, at least 1
 * @out: output
 * @out_len: length of @out in bytes, at least 1
 *
 * Copies of @in, each rotated 13 bits further right, are concatenated up to
 * the least common multiple of both lengths, and that string is cut into
 * @out_len-byte numbers which are added with end-around carry (ones'
 * complement addition).
 */
VISIBLE_IF_KUNIT void krb5ap_nfold(const u8 *in, unsigned int in_len, u8 *out,
				   unsigned int out_len)
{
	unsigned int chunks = lcm(in_len, out_len) / out_len;
	unsigned int b, c, sum, carry = 0;

	/* Column sums, least significant byte first, carrying upwards. */
	for (b = out_len; b-- > 0;) {
		sum = carry;
		for (c = 0; c < chunks; c++)
			sum += nfold_byte(in, in_len, c * out_len + b);
		out[b] = sum & 0xff;
		carry = sum >> 8;
	}
	/* End-around carry, until none is left. */
	while (carry) {
		for (b = out_len; b-- > 0 && carry;) {
			sum = out[b] + carry;
			out[b] = sum & 0xff;
			carry = sum >> 8;
		}
	}
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_nfold);

/**
 * krb5ap_cts_crypt() - CBC-CTS in place with an all-zero IV
 * @tfm: keyed cts(cbc(...)) transform
 * @buf: data, in the kernel's linear mapping (it goes in a scatterlist)
 * @len: length of @buf, at least one block
 * @encrypt: encrypt, else decrypt
 *
 * Return: 0 or the crypto API's error.
 */
int krb5ap_cts_crypt(struct crypto_sync_skcipher *tfm, u8 *buf,
		     unsigned int len, bool encrypt)
{
	SYNC_SKCIPHER_REQUEST_ON_STACK(req, tfm);
	u8 iv[KRB5AP_BLOCK_LEN] = {};
	struct scatterlist sg;
	int ret;

	sg_init_one(&sg, buf, len);
	skcipher_request_set_sync_tfm(req, tfm);
	skcipher_request_set_callback(req, 0, NULL, NULL);
	skcipher_request_set_crypt(req, &sg, &sg, len, iv);
	if (encrypt)
		ret = crypto_skcipher_encrypt(req);
	else
		ret = crypto_skcipher_decrypt(req);
	skcipher_request_zero(req);
	return ret;
}

/**
 * krb5ap_mac_digest() - keyed hash of an optional prefix and data
 * @tfm: keyed hash transform
 * @prefix: bytes hashed first, or NULL
 * @prefix_len: length of @prefix
 * @data: data
 * @len: length of @data
 * @out: full-length output (up to KRB5AP_MAX_MAC_LEN bytes)
 *
 * Return: 0 or the crypto API's error.
 */
int krb5ap_mac_digest(struct crypto_shash *tfm, const u8 *prefix,
		      unsigned int prefix_len, const u8 *data,
		      unsigned int len, u8 *out)
{
	SHASH_DESC_ON_STACK(desc, tfm);
	int ret;

	desc->tfm = tfm;
	ret = crypto_shash_init(desc);
	if (!ret && prefix_len)
		ret = crypto_shash_update(desc, prefix, prefix_len);
	if (!ret)
		ret = crypto_shash_finup(desc, data, len, out);
	shash_desc_zero(desc);
	return ret;
}

/**
 * krb5ap_mac_set_base_key() - key the MAC with the protocol key, for the
 *	profiles whose derivation function is a keyed hash (RFC 8009, 6803)
 * @e: enctype
 * @t: transforms
 * @key: protocol key, @e->key_bytes long
 *
 * Return: 0 or the crypto API's error.
 */
int krb5ap_mac_set_base_key(const struct krb5ap_enctype *e,
			    const struct krb5ap_tfms *t, const u8 *key)
{
	return crypto_shash_setkey(t->mac, key, e->key_bytes);
}

static int rfc3962_set_base_key(const struct krb5ap_enctype *e,
				const struct krb5ap_tfms *t, const u8 *key)
{
	return crypto_sync_skcipher_setkey(t->enc, key, e->key_bytes);
}

/*
 * DK(base, usage | type) = random-to-key(DR(base, constant)): the constant
 * is n-folded to one block, then encrypted again and again, each output
 * block being the next input, until enough bytes are produced.  A one-block
 * CBC-CTS encryption with a zero IV is a plain block encryption.
 */
static int rfc3962_derive(const struct krb5ap_enctype *e,
			  const struct krb5ap_tfms *t, struct krb5ap_scratch *s,
			  u32 usage, u8 type, u8 *out, unsigned int out_len)
{
	unsigned int off, n;
	u8 constant[5];
	int ret = 0;

	krb5ap_put_be32(usage, constant);
	constant[4] = type;
	krb5ap_nfold(constant, sizeof(constant), s->block, e->block_len);
	for (off = 0; off < out_len; off += n) {
		ret = krb5ap_cts_crypt(t->enc, s->block, e->block_len, true);
		if (ret)
			break;
		n = min(out_len - off, e->block_len);
		memcpy(out + off, s->block, n);
	}
	memzero_explicit(s->block, sizeof(s->block));
	return ret;
}

/**
 * krb5ap_simplified_encrypt() - RFC 3961 simplified profile encryption
 * @e: enctype
 * @t: transforms keyed with Ke and Ki
 * @buf: confounder and data; room for cksum_len more bytes after them
 * @len: length of confounder and data
 *
 * Return: 0 or the crypto API's error.
 */
int krb5ap_simplified_encrypt(const struct krb5ap_enctype *e,
			      const struct krb5ap_tfms *t, u8 *buf, size_t len)
{
	u8 mac[KRB5AP_MAX_MAC_LEN];
	int ret;

	ret = krb5ap_mac_digest(t->mac, NULL, 0, buf, len, mac);
	if (!ret)
		ret = krb5ap_cts_crypt(t->enc, buf, len, true);
	if (!ret)
		memcpy(buf + len, mac, e->cksum_len);
	memzero_explicit(mac, sizeof(mac));
	return ret;
}

/**
 * krb5ap_simplified_decrypt() - RFC 3961 simplified profile decryption
 * @e: enctype
 * @t: transforms keyed with Ke and Ki
 * @buf: ciphertext, decrypted in place
 * @len: its length, at least conf_len + cksum_len (the caller checks)
 *
 * The MAC covers the plaintext, so the whole ciphertext is decrypted first;
 * on a mismatch the plaintext is wiped before returning.
 *
 * Return: 0, -EBADMSG when the MAC does not match, or the crypto API's
 * error.
 */
int krb5ap_simplified_decrypt(const struct krb5ap_enctype *e,
			      const struct krb5ap_tfms *t, u8 *buf, size_t len)
{
	size_t n = len - e->cksum_len;
	u8 mac[KRB5AP_MAX_MAC_LEN];
	int ret;

	ret = krb5ap_cts_crypt(t->enc, buf, n, false);
	if (!ret)
		ret = krb5ap_mac_digest(t->mac, NULL, 0, buf, n, mac);
	if (!ret && crypto_memneq(mac, buf + n, e->cksum_len))
		ret = -EBADMSG;
	if (ret)
		memzero_explicit(buf, n);
	memzero_explicit(mac, sizeof(mac));
	return ret;
}

/* aes128-cts-hmac-sha1-96 and aes256-cts-hmac-sha1-96. */
const struct krb5ap_profile krb5ap_rfc3962_profile = {
	.set_base_key = rfc3962_set_base_key,
	.derive = rfc3962_derive,
	.encrypt = krb5ap_simplified_encrypt,
	.decrypt = krb5ap_simplified_decrypt,
};
