// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 6803: camellia128-cts-cmac and camellia256-cts-cmac.
 *
 *   DK(base, usage | type) = KDF-FEEDBACK-CMAC (section 3, after NIST
 *                  SP 800-108 feedback mode): K(0) = 0^128,
 *                  K(i) = CMAC(base, K(i-1) | i | constant | 0x00 | k),
 *                  i and k (in bits) as 4 bytes; the key is the first k bits
 *                  of K(1) | K(2) | ...
 *   encryption     RFC 3961 simplified profile with CBC-CTS Camellia and a
 *                  full 128-bit CMAC as the integrity MAC (section 4)
 */
#include <crypto/hash.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "cryptopool.h"
#include "enctype.h"
#include "rfc3961.h"

static int rfc6803_derive(const struct krb5ap_enctype *e,
			  const struct krb5ap_tfms *t, struct krb5ap_scratch *s,
			  u32 usage, u8 type, u8 *out, unsigned int out_len)
{
	/* K(i-1) | i | usage | type | 0x00 | k */
	u8 in[KRB5AP_BLOCK_LEN + 4 + 5 + 1 + 4];
	u8 *prev = in, *tail = in + KRB5AP_BLOCK_LEN;
	u8 k[KRB5AP_MAX_MAC_LEN];
	unsigned int off, n, i;
	int ret = 0;

	if (WARN_ON_ONCE(crypto_shash_digestsize(t->mac) != KRB5AP_BLOCK_LEN))
		return -EINVAL;
	memset(prev, 0, KRB5AP_BLOCK_LEN);
	krb5ap_put_be32(usage, tail + 4);
	tail[8] = type;
	tail[9] = 0;
	krb5ap_put_be32(out_len * 8, tail + 10);
	for (i = 1, off = 0; off < out_len; i++, off += n) {
		krb5ap_put_be32(i, tail);
		ret = krb5ap_mac_digest(t->mac, NULL, 0, in, sizeof(in), k);
		if (ret)
			break;
		n = min_t(unsigned int, out_len - off, KRB5AP_BLOCK_LEN);
		memcpy(out + off, k, n);
		memcpy(prev, k, KRB5AP_BLOCK_LEN);
	}
	memzero_explicit(in, sizeof(in));
	memzero_explicit(k, sizeof(k));
	return ret;
}

const struct krb5ap_profile krb5ap_rfc6803_profile = {
	.set_base_key = krb5ap_mac_set_base_key,
	.derive = rfc6803_derive,
	.encrypt = krb5ap_simplified_encrypt,
	.decrypt = krb5ap_simplified_decrypt,
};
