/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface between the generic operations (enctype.c) and the
 * RFC 3961 profiles: simplified profile with DK (RFC 3962, AES-SHA1),
 * KDF-HMAC-SHA2 with encrypt-then-MAC (RFC 8009) and KDF-FEEDBACK-CMAC
 * (RFC 6803, Camellia).
 */
#ifndef _KRB5AP_RFC3961_H
#define _KRB5AP_RFC3961_H

#include <linux/string.h>
#include <linux/types.h>
#include <asm/byteorder.h>

struct crypto_sync_skcipher;
struct crypto_shash;
struct krb5ap_enctype;
struct krb5ap_tfms;
struct krb5ap_scratch;

/* Last byte of the derivation constant (RFC 3961 section 5.3). */
#define KRB5AP_KEY_TYPE_KC	0x99
#define KRB5AP_KEY_TYPE_KE	0xaa
#define KRB5AP_KEY_TYPE_KI	0x55

/**
 * struct krb5ap_profile - what differs between the enctype families
 * @set_base_key: key the transform @derive uses with the protocol key
 * @derive: derive @out_len bytes for (@usage, @type) from the base key set
 *	by @set_base_key; may use @s->block
 * @encrypt: @buf holds confounder and data, @len bytes; encrypt in place
 *	and append the integrity MAC (enctype's cksum_len bytes)
 * @decrypt: @buf holds a whole ciphertext of @len bytes, at least
 *	conf_len + cksum_len (the caller checks); check and decrypt in place
 */
struct krb5ap_profile {
	int (*set_base_key)(const struct krb5ap_enctype *e,
			    const struct krb5ap_tfms *t, const u8 *key);
	int (*derive)(const struct krb5ap_enctype *e,
		      const struct krb5ap_tfms *t, struct krb5ap_scratch *s,
		      u32 usage, u8 type, u8 *out, unsigned int out_len);
	int (*encrypt)(const struct krb5ap_enctype *e,
		       const struct krb5ap_tfms *t, u8 *buf, size_t len);
	int (*decrypt)(const struct krb5ap_enctype *e,
		       const struct krb5ap_tfms *t, u8 *buf, size_t len);
};

/* Big-endian 32-bit store to a byte string (the RFCs' 4-byte fields). */
static inline void krb5ap_put_be32(u32 v, u8 *p)
{
	__be32 be = cpu_to_be32(v);

	memcpy(p, &be, sizeof(be));
}

extern const struct krb5ap_profile krb5ap_rfc3962_profile;
extern const struct krb5ap_profile krb5ap_rfc8009_profile;
extern const struct krb5ap_profile krb5ap_rfc6803_profile;

int krb5ap_cts_crypt(struct crypto_sync_skcipher *tfm, u8 *buf,
		     unsigned int len, bool encrypt);
int krb5ap_mac_digest(struct crypto_shash *tfm, const u8 *prefix,
		      unsigned int prefix_len, const u8 *data,
		      unsigned int len, u8 *out);
int krb5ap_mac_set_base_key(const struct krb5ap_enctype *e,
			    const struct krb5ap_tfms *t, const u8 *key);
int krb5ap_simplified_encrypt(const struct krb5ap_enctype *e,
			      const struct krb5ap_tfms *t, u8 *buf, size_t len);
int krb5ap_simplified_decrypt(const struct krb5ap_enctype *e,
			      const struct krb5ap_tfms *t, u8 *buf, size_t len);

#if IS_ENABLED(CONFIG_KUNIT)
void krb5ap_nfold(const u8 *in, unsigned int in_len, u8 *out,
		  unsigned int out_len);
#endif

#endif /* _KRB5AP_RFC3961_H */
