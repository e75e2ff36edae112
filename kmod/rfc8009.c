// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 8009: aes128-cts-hmac-sha256-128 and aes256-cts-hmac-sha384-192.
 *
 *   KDF-HMAC-SHA2(key, label, k) = k-truncate(HMAC(key, 0x00000001 | label |
 *                                  0x00 | k)), k in bits as 4 bytes (section 3;
 *                                  no context for Kc, Ke and Ki)
 *   Kc, Ke, Ki     label = usage | 0x99, 0xAA, 0x55 (section 5)
 *   encryption     C = E(Ke, conf | data) with a zero IV,
 *                  H = HMAC(Ki, IV | C) truncated; output C | H (section 5):
 *                  encrypt-then-MAC, so decryption checks H before it
 *                  decrypts anything
 */
#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "cryptopool.h"
#include "enctype.h"
#include "rfc3961.h"

/* The cipher state for a message on its own: all zero. */
static const u8 rfc8009_zero_iv[KRB5AP_BLOCK_LEN];

static int rfc8009_derive(const struct krb5ap_enctype *e,
			  const struct krb5ap_tfms *t, struct krb5ap_scratch *s,
			  u32 usage, u8 type, u8 *out, unsigned int out_len)
{
	u8 in[4 + 5 + 1 + 4];	/* 0x00000001 | usage | type | 0x00 | k */
	u8 digest[KRB5AP_MAX_MAC_LEN];
	int ret;

	if (WARN_ON_ONCE(out_len > crypto_shash_digestsize(t->mac)))
		return -EINVAL;
	krb5ap_put_be32(1, in);
	krb5ap_put_be32(usage, in + 4);
	in[8] = type;
	in[9] = 0;
	krb5ap_put_be32(out_len * 8, in + 10);
	ret = krb5ap_mac_digest(t->mac, NULL, 0, in, sizeof(in), digest);
	if (!ret)
		memcpy(out, digest, out_len);
	memzero_explicit(digest, sizeof(digest));
	return ret;
}

static int rfc8009_encrypt(const struct krb5ap_enctype *e,
			   const struct krb5ap_tfms *t, u8 *buf, size_t len)
{
	u8 mac[KRB5AP_MAX_MAC_LEN];
	int ret;

	ret = krb5ap_cts_crypt(t->enc, buf, len, true);
	if (!ret)
		ret = krb5ap_mac_digest(t->mac, rfc8009_zero_iv,
					sizeof(rfc8009_zero_iv), buf, len, mac);
	if (!ret)
		memcpy(buf + len, mac, e->cksum_len);
	return ret;
}

static int rfc8009_decrypt(const struct krb5ap_enctype *e,
			   const struct krb5ap_tfms *t, u8 *buf, size_t len)
{
	size_t n = len - e->cksum_len;
	u8 mac[KRB5AP_MAX_MAC_LEN];
	int ret;

	ret = krb5ap_mac_digest(t->mac, rfc8009_zero_iv,
				sizeof(rfc8009_zero_iv), buf, n, mac);
	if (ret)
		return ret;
	if (crypto_memneq(mac, buf + n, e->cksum_len))
		return -EBADMSG;
	ret = krb5ap_cts_crypt(t->enc, buf, n, false);
	if (ret)
		memzero_explicit(buf, n);
	return ret;
}

const struct krb5ap_profile krb5ap_rfc8009_profile = {
	.set_base_key = krb5ap_mac_set_base_key,
	.derive = rfc8009_derive,
	.encrypt = rfc8009_encrypt,
	.decrypt = rfc8009_decrypt,
};
