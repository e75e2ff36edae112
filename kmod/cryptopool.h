/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The transforms krb5ap uses: a per-CPU pool, allocated at module load and
 * re-keyed per message, for keys only known per message (session keys and
 * subkeys), and the allocation helpers that long-lived keys use.
 */
#ifndef _KRB5AP_CRYPTOPOOL_H
#define _KRB5AP_CRYPTOPOOL_H

#include <linux/types.h>

struct crypto_sync_skcipher;
struct crypto_shash;

/* Encryption algorithms (CBC with ciphertext stealing, RFC 3962 / 6803). */
enum krb5ap_cipher_id {
	KRB5AP_CIPHER_AES,
	KRB5AP_CIPHER_CAMELLIA,
	KRB5AP_CIPHER_NR
};

/* Keyed hashes, used for integrity, checksums and key derivation. */
enum krb5ap_mac_id {
	KRB5AP_MAC_HMAC_SHA1,
	KRB5AP_MAC_HMAC_SHA256,
	KRB5AP_MAC_HMAC_SHA384,
	KRB5AP_MAC_CMAC_CAMELLIA,
	KRB5AP_MAC_NR
};

/* Largest protocol or derived key, cipher block and MAC output, in bytes. */
#define KRB5AP_MAX_KEY_LEN	32
#define KRB5AP_BLOCK_LEN	16
#define KRB5AP_MAX_MAC_LEN	64

/**
 * struct krb5ap_tfms - the pair of transforms one enctype operation uses
 * @enc: CBC-CTS cipher, keyed with Ke (or the base key while deriving, RFC 3962)
 * @mac: keyed hash, keyed with Ki or Kc (or the base key while deriving)
 */
struct krb5ap_tfms {
	struct crypto_sync_skcipher *enc;
	struct crypto_shash *mac;
};

/**
 * struct krb5ap_scratch - key material while a key is derived and used
 * @block: one cipher block; in linear memory, so a scatterlist may map it
 * @base: copy of the base (protocol) key
 * @ke: derived encryption key
 * @ki: derived integrity or checksum key
 *
 * Always allocated with kmalloc (never on the stack: a virtually mapped
 * stack cannot be put in a scatterlist) and wiped after each use.
 */
struct krb5ap_scratch {
	u8 block[KRB5AP_BLOCK_LEN];
	u8 base[KRB5AP_MAX_KEY_LEN];
	u8 ke[KRB5AP_MAX_KEY_LEN];
	u8 ki[KRB5AP_MAX_KEY_LEN];
};

/**
 * struct krb5ap_pool_slot - one CPU's transforms and scratch space
 * @cipher: one transform per cipher
 * @mac: one transform per keyed hash
 * @scratch: key material, allocated on the CPU's node
 */
struct krb5ap_pool_slot {
	struct crypto_sync_skcipher *cipher[KRB5AP_CIPHER_NR];
	struct crypto_shash *mac[KRB5AP_MAC_NR];
	struct krb5ap_scratch *scratch;
};

int krb5ap_cryptopool_init(void);
void krb5ap_cryptopool_exit(void);

struct krb5ap_pool_slot *krb5ap_pool_get(void);
void krb5ap_pool_put(struct krb5ap_pool_slot *slot);

struct crypto_sync_skcipher *krb5ap_alloc_cipher(enum krb5ap_cipher_id id);
struct crypto_shash *krb5ap_alloc_mac(enum krb5ap_mac_id id);
const char *krb5ap_cipher_driver(enum krb5ap_cipher_id id);
const char *krb5ap_mac_driver(enum krb5ap_mac_id id);

#if IS_ENABLED(CONFIG_KUNIT)
unsigned long krb5ap_crypto_tfm_allocs(void);
#endif

#endif /* _KRB5AP_CRYPTOPOOL_H */
