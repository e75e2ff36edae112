/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kerberos encryption types (RFC 3961 profiles) known to krb5ap, and the
 * operations on them.  The operations are named after the kernel's later
 * crypto/krb5 library (Linux 6.15+: crypto_krb5_find_enctype(),
 * crypto_krb5_prepare_encryption(), crypto_krb5_decrypt(), ...) so that a
 * switch to it on new kernels is mechanical; they take flat buffers rather
 * than scatterlists because every Kerberos message krb5ap handles is one
 * contiguous buffer.
 *
 * Error codes, as in crypto/krb5:
 *   -ENOPKG   the enctype is not supported (a NULL enctype, as returned by
 *             krb5ap_find_enctype() for DES, 3DES, RC4...)
 *   -EPROTO   the input cannot be a valid message (too short for the
 *             confounder and checksum, checksum of the wrong length)
 *   -EBADMSG  the integrity check failed (wrong key, usage or enctype, or a
 *             modified message)
 *   -EINVAL   a caller error (key of the wrong length, buffer not in the
 *             kernel's linear mapping, misplaced data)
 *   -EMSGSIZE input longer than KRB5AP_CRYPTO_MAX_LEN, or output too small
 */
#ifndef _KRB5AP_ENCTYPE_H
#define _KRB5AP_ENCTYPE_H

#include <linux/sizes.h>
#include <linux/types.h>

/* Assigned numbers, RFC 3961 section 8 and the IANA Kerberos registry. */
#define KRB5AP_ENCTYPE_AES128_CTS_HMAC_SHA1_96		17
#define KRB5AP_ENCTYPE_AES256_CTS_HMAC_SHA1_96		18
#define KRB5AP_ENCTYPE_AES128_CTS_HMAC_SHA256_128	19
#define KRB5AP_ENCTYPE_AES256_CTS_HMAC_SHA384_192	20
#define KRB5AP_ENCTYPE_CAMELLIA128_CTS_CMAC		25
#define KRB5AP_ENCTYPE_CAMELLIA256_CTS_CMAC		26

/* Enctype numbers fit a u32 mask: bit n set means enctype n. */
#define KRB5AP_ENCTYPE_MAX	31

/* Key usage numbers krb5ap uses (RFC 4120 section 7.5.1, MS-PAC). */
#define KRB5AP_USAGE_TICKET		2
#define KRB5AP_USAGE_AUTHENTICATOR_CKSUM	10
#define KRB5AP_USAGE_AUTHENTICATOR	11
#define KRB5AP_USAGE_AP_REP_ENCPART	12
#define KRB5AP_USAGE_PAC_SERVER_CKSUM	17

/* Largest ciphertext or checksummed text the operations accept. */
#define KRB5AP_CRYPTO_MAX_LEN	SZ_16M

struct krb5ap_profile;

/**
 * struct krb5ap_enctype - one supported encryption type
 * @etype: enctype number
 * @ctype: number of the enctype's mandatory checksum type
 * @name: MIT's canonical name, as used in krb5.conf and by ktutil
 * @key_bytes: length of the protocol key
 * @kc_len: length of the derived checksum key Kc
 * @ke_len: length of the derived encryption key Ke
 * @ki_len: length of the derived integrity key Ki
 * @block_len: cipher block length
 * @conf_len: confounder length
 * @cksum_len: length of the (truncated) integrity and checksum MACs
 * @cipher: the enctype's cipher (enum krb5ap_cipher_id)
 * @mac: the enctype's keyed hash (enum krb5ap_mac_id)
 * @profile: key derivation and message layout
 */
struct krb5ap_enctype {
	u32 etype;
	u32 ctype;
	const char *name;
	unsigned int key_bytes;
	unsigned int kc_len;
	unsigned int ke_len;
	unsigned int ki_len;
	unsigned int block_len;
	unsigned int conf_len;
	unsigned int cksum_len;
	u8 cipher;
	u8 mac;
	const struct krb5ap_profile *profile;
};

/**
 * struct krb5ap_enc_key - a long-lived key prepared for one usage's
 *	encryption (crypto/krb5's AEAD handle)
 * @enctype: the key's enctype
 * @usage: the key usage Ke and Ki were derived for
 * @enc: cipher transform keyed with Ke
 * @mac: keyed hash transform keyed with Ki
 */
struct krb5ap_enc_key {
	const struct krb5ap_enctype *enctype;
	u32 usage;
	struct crypto_sync_skcipher *enc;
	struct crypto_shash *mac;
};

/**
 * struct krb5ap_mic_key - a long-lived key prepared for one usage's
 *	checksums (crypto/krb5's shash handle)
 * @enctype: the key's enctype
 * @usage: the key usage Kc was derived for
 * @mac: keyed hash transform keyed with Kc
 */
struct krb5ap_mic_key {
	const struct krb5ap_enctype *enctype;
	u32 usage;
	struct crypto_shash *mac;
};

const struct krb5ap_enctype *krb5ap_find_enctype(u32 etype);
const struct krb5ap_enctype *krb5ap_find_enctype_by_name(const char *name,
							 size_t len);
u32 krb5ap_supported_enctypes(void);

size_t krb5ap_how_much_buffer(const struct krb5ap_enctype *e,
			      size_t data_len, size_t *_offset);

/* Long-lived keys: transforms allocated and keyed once, kept with the key. */
struct krb5ap_enc_key *
krb5ap_prepare_encryption(const struct krb5ap_enctype *e, const u8 *key,
			  unsigned int key_len, u32 usage);
void krb5ap_free_encryption(struct krb5ap_enc_key *key);
struct krb5ap_mic_key *
krb5ap_prepare_checksum(const struct krb5ap_enctype *e, const u8 *key,
			unsigned int key_len, u32 usage);
void krb5ap_free_checksum(struct krb5ap_mic_key *key);

ssize_t krb5ap_encrypt(const struct krb5ap_enc_key *key, u8 *buf,
		       size_t buf_size, size_t data_offset, size_t data_len,
		       bool preconfounded);
int krb5ap_decrypt(const struct krb5ap_enc_key *key, u8 *buf, size_t len,
		   size_t *_offset, size_t *_len);
int krb5ap_get_mic(const struct krb5ap_mic_key *key, const u8 *data,
		   size_t len, u8 *mic, size_t mic_size);
int krb5ap_verify_mic(const struct krb5ap_mic_key *key, const u8 *data,
		      size_t len, const u8 *mic, size_t mic_len);

/* Per-message keys: transforms borrowed from the per-CPU pool. */
ssize_t krb5ap_session_encrypt(const struct krb5ap_enctype *e, const u8 *key,
			       unsigned int key_len, u32 usage, u8 *buf,
			       size_t buf_size, size_t data_offset,
			       size_t data_len, bool preconfounded);
int krb5ap_session_decrypt(const struct krb5ap_enctype *e, const u8 *key,
			   unsigned int key_len, u32 usage, u8 *buf, size_t len,
			   size_t *_offset, size_t *_len);
int krb5ap_session_get_mic(const struct krb5ap_enctype *e, const u8 *key,
			   unsigned int key_len, u32 usage, const u8 *data,
			   size_t len, u8 *mic, size_t mic_size);
int krb5ap_session_verify_mic(const struct krb5ap_enctype *e, const u8 *key,
			      unsigned int key_len, u32 usage, const u8 *data,
			      size_t len, const u8 *mic, size_t mic_len);

int krb5ap_crypto_selftest(void);

#if IS_ENABLED(CONFIG_KUNIT)
int krb5ap_derive_key(const struct krb5ap_enctype *e, const u8 *key,
		      unsigned int key_len, u32 usage, u8 type, u8 *out,
		      unsigned int out_len);
int krb5ap_cipher_raw(const struct krb5ap_enctype *e, const u8 *ke,
		      unsigned int ke_len, u8 *buf, unsigned int len,
		      bool encrypt);
#endif

#endif /* _KRB5AP_ENCTYPE_H */
