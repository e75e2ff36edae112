// SPDX-License-Identifier: GPL-2.0
/*
 * The table of encryption types krb5ap accepts, and the operations on them.
 * Everything not listed here (single DES, 3DES, RC4-HMAC and its export
 * variant) is refused: those enctypes are deprecated (RFC 6649, RFC 8429)
 * and their unkeyed or MD5-based checksums have a history of forgeries.
 * krb5ap_find_enctype() returns NULL for them, and every operation given a
 * NULL enctype fails with -ENOPKG ("enctype not supported").
 *
 * Two kinds of keys, two lifetimes:
 *  - long-lived keys (service keys from keytabs) are prepared once per key
 *    usage: krb5ap_prepare_encryption() and krb5ap_prepare_checksum()
 *    derive Ke/Ki or Kc and allocate transforms that stay with the key;
 *  - per-message keys (session keys, subkeys) go straight to the
 *    krb5ap_session_*() operations, which derive the usage's keys into a
 *    per-CPU pool of transforms allocated at module load (cryptopool.c).
 * Neither decrypt path allocates a transform or a buffer.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "cryptopool.h"
#include "enctype.h"
#include "rfc3961.h"

static const struct krb5ap_enctype krb5ap_enctypes[] = {
	{
		.etype = KRB5AP_ENCTYPE_AES256_CTS_HMAC_SHA384_192,
		.ctype = 20,	/* hmac-sha384-192-aes256 */
		.name = "aes256-cts-hmac-sha384-192",
		.key_bytes = 32,
		.kc_len = 24,
		.ke_len = 32,
		.ki_len = 24,
		.block_len = 16,
		.conf_len = 16,
		.cksum_len = 24,
		.cipher = KRB5AP_CIPHER_AES,
		.mac = KRB5AP_MAC_HMAC_SHA384,
		.profile = &krb5ap_rfc8009_profile,
	}, {
		.etype = KRB5AP_ENCTYPE_AES128_CTS_HMAC_SHA256_128,
		.ctype = 19,	/* hmac-sha256-128-aes128 */
		.name = "aes128-cts-hmac-sha256-128",
		.key_bytes = 16,
		.kc_len = 16,
		.ke_len = 16,
		.ki_len = 16,
		.block_len = 16,
		.conf_len = 16,
		.cksum_len = 16,
		.cipher = KRB5AP_CIPHER_AES,
		.mac = KRB5AP_MAC_HMAC_SHA256,
		.profile = &krb5ap_rfc8009_profile,
	}, {
		.etype = KRB5AP_ENCTYPE_AES256_CTS_HMAC_SHA1_96,
		.ctype = 16,	/* hmac-sha1-96-aes256 */
		.name = "aes256-cts-hmac-sha1-96",
		.key_bytes = 32,
		.kc_len = 32,
		.ke_len = 32,
		.ki_len = 32,
		.block_len = 16,
		.conf_len = 16,
		.cksum_len = 12,
		.cipher = KRB5AP_CIPHER_AES,
		.mac = KRB5AP_MAC_HMAC_SHA1,
		.profile = &krb5ap_rfc3962_profile,
	}, {
		.etype = KRB5AP_ENCTYPE_AES128_CTS_HMAC_SHA1_96,
		.ctype = 15,	/* hmac-sha1-96-aes128 */
		.name = "aes128-cts-hmac-sha1-96",
		.key_bytes = 16,
		.kc_len = 16,
		.ke_len = 16,
		.ki_len = 16,
		.block_len = 16,
		.conf_len = 16,
		.cksum_len = 12,
		.cipher = KRB5AP_CIPHER_AES,
		.mac = KRB5AP_MAC_HMAC_SHA1,
		.profile = &krb5ap_rfc3962_profile,
	}, {
		.etype = KRB5AP_ENCTYPE_CAMELLIA256_CTS_CMAC,
		.ctype = 18,	/* cmac-camellia256 */
		.name = "camellia256-cts-cmac",
		.key_bytes = 32,
		.kc_len = 32,
		.ke_len = 32,
		.ki_len = 32,
		.block_len = 16,
		.conf_len = 16,
		.cksum_len = 16,
		.cipher = KRB5AP_CIPHER_CAMELLIA,
		.mac = KRB5AP_MAC_CMAC_CAMELLIA,
		.profile = &krb5ap_rfc6803_profile,
	}, {
		.etype = KRB5AP_ENCTYPE_CAMELLIA128_CTS_CMAC,
		.ctype = 17,	/* cmac-camellia128 */
		.name = "camellia128-cts-cmac",
		.key_bytes = 16,
		.kc_len = 16,
		.ke_len = 16,
		.ki_len = 16,
		.block_len = 16,
		.conf_len = 16,
		.cksum_len = 16,
		.cipher = KRB5AP_CIPHER_CAMELLIA,
		.mac = KRB5AP_MAC_CMAC_CAMELLIA,
		.profile = &krb5ap_rfc6803_profile,
	},
};

/**
 * krb5ap_find_enctype() - look up a supported enctype by number
 * @etype: enctype number
 *
 * Return: the table entry, or NULL when krb5ap does not support @etype.
 */
const struct krb5ap_enctype *krb5ap_find_enctype(u32 etype)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(krb5ap_enctypes); i++)
		if (krb5ap_enctypes[i].etype == etype)
			return &krb5ap_enctypes[i];
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_find_enctype);

/**
 * krb5ap_find_enctype_by_name() - look up a supported enctype by MIT name
 * @name: name, not necessarily NUL-terminated
 * @len: length of @name
 *
 * Return: the table entry, or NULL when no supported enctype has that name.
 */
const struct krb5ap_enctype *krb5ap_find_enctype_by_name(const char *name,
							 size_t len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(krb5ap_enctypes); i++)
		if (strlen(krb5ap_enctypes[i].name) == len &&
		    !strncasecmp(krb5ap_enctypes[i].name, name, len))
			return &krb5ap_enctypes[i];
	return NULL;
}

/**
 * krb5ap_supported_enctypes() - mask of every supported enctype
 *
 * Return: a mask with bit n set for each supported enctype n.
 */
u32 krb5ap_supported_enctypes(void)
{
	unsigned int i;
	u32 mask = 0;

	for (i = 0; i < ARRAY_SIZE(krb5ap_enctypes); i++)
		mask |= BIT(krb5ap_enctypes[i].etype);
	return mask;
}

/**
 * krb5ap_how_much_buffer() - size of the buffer an encryption needs
 * @e: enctype
 * @data_len: length of the data to encrypt
 * @_offset: where the data goes in the buffer (after the confounder)
 *
 * Return: the buffer size (= the ciphertext length), or 0 when @e is NULL
 * or @data_len exceeds KRB5AP_CRYPTO_MAX_LEN.
 */
size_t krb5ap_how_much_buffer(const struct krb5ap_enctype *e,
			      size_t data_len, size_t *_offset)
{
	if (!e || data_len > KRB5AP_CRYPTO_MAX_LEN)
		return 0;
	*_offset = e->conf_len;
	return e->conf_len + data_len + e->cksum_len;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_how_much_buffer);

/*
 * A buffer that goes into a scatterlist must be in the linear mapping:
 * not on a virtually mapped stack, not vmalloc'ed.
 */
static bool krb5ap_buf_linear(const u8 *buf, size_t len)
{
	return virt_addr_valid(buf) && virt_addr_valid(buf + len - 1);
}

static int krb5ap_check_key(const struct krb5ap_enctype *e,
			    unsigned int key_len)
{
	if (!e)
		return -ENOPKG;
	if (key_len != e->key_bytes)
		return -EINVAL;
	return 0;
}

/* Too short is checked first, before any other arithmetic on @len. */
static int krb5ap_check_ciphertext(const struct krb5ap_enctype *e,
				   const u8 *buf, size_t len)
{
	if (len < e->conf_len + e->cksum_len)
		return -EPROTO;
	if (len > KRB5AP_CRYPTO_MAX_LEN)
		return -EMSGSIZE;
	if (WARN_ON_ONCE(!krb5ap_buf_linear(buf, len)))
		return -EINVAL;
	return 0;
}

/* Return: the ciphertext length, or a negative error. */
static ssize_t krb5ap_check_plaintext(const struct krb5ap_enctype *e,
				      const u8 *buf, size_t buf_size,
				      size_t data_offset, size_t data_len)
{
	size_t total;

	if (data_offset != e->conf_len)
		return -EINVAL;
	if (data_len > KRB5AP_CRYPTO_MAX_LEN)
		return -EMSGSIZE;
	total = e->conf_len + data_len + e->cksum_len;
	if (buf_size < total)
		return -EMSGSIZE;
	if (WARN_ON_ONCE(!krb5ap_buf_linear(buf, total)))
		return -EINVAL;
	return total;
}

/*
 * Per-message keys.  With the slot held (bottom halves off), set the base
 * key, derive Ke and Ki (@enc) or Kc (!@enc) into the slot's scratch area,
 * and key the slot's transforms with them.
 */
static int krb5ap_slot_key(const struct krb5ap_enctype *e,
			   struct krb5ap_pool_slot *slot, const u8 *key,
			   u32 usage, bool enc, struct krb5ap_tfms *t)
{
	const struct krb5ap_profile *p = e->profile;
	struct krb5ap_scratch *s = slot->scratch;
	int ret;

	t->enc = slot->cipher[e->cipher];
	t->mac = slot->mac[e->mac];
	memcpy(s->base, key, e->key_bytes);
	ret = p->set_base_key(e, t, s->base);
	if (ret)
		return ret;
	if (!enc) {
		ret = p->derive(e, t, s, usage, KRB5AP_KEY_TYPE_KC, s->ki,
				e->kc_len);
		if (!ret)
			ret = crypto_shash_setkey(t->mac, s->ki, e->kc_len);
		return ret;
	}
	ret = p->derive(e, t, s, usage, KRB5AP_KEY_TYPE_KE, s->ke, e->ke_len);
	if (!ret)
		ret = p->derive(e, t, s, usage, KRB5AP_KEY_TYPE_KI, s->ki,
				e->ki_len);
	if (!ret)
		ret = crypto_sync_skcipher_setkey(t->enc, s->ke, e->ke_len);
	if (!ret)
		ret = crypto_shash_setkey(t->mac, s->ki, e->ki_len);
	return ret;
}

/*
 * Leave no per-message key schedule in the pool: re-key both transforms
 * with an all-zero key before the slot goes back.
 */
static void krb5ap_slot_scrub(const struct krb5ap_enctype *e,
			      const struct krb5ap_tfms *t)
{
	static const u8 zero[KRB5AP_MAX_KEY_LEN];

	crypto_sync_skcipher_setkey(t->enc, zero, e->key_bytes);
	crypto_shash_setkey(t->mac, zero, e->key_bytes);
}

/**
 * krb5ap_session_encrypt() - encrypt with a per-message key
 * @e: enctype, or NULL (-ENOPKG)
 * @key: protocol key (session key or subkey)
 * @key_len: its length, @e->key_bytes
 * @usage: key usage (12 for the AP-REP's encrypted part)
 * @buf: buffer holding the data at @data_offset, in the linear mapping
 * @buf_size: size of @buf, at least krb5ap_how_much_buffer()
 * @data_offset: offset of the data, as krb5ap_how_much_buffer() gives
 * @data_len: length of the data
 * @preconfounded: the caller put the confounder in front of the data
 *	(known-answer tests); else it comes from get_random_bytes()
 *
 * The transforms come from this CPU's pool; nothing is allocated.
 *
 * Context: process or softirq context; not with interrupts disabled.
 * Return: the ciphertext length (the ciphertext starts at @buf), or a
 * negative error (see enctype.h).
 */
ssize_t krb5ap_session_encrypt(const struct krb5ap_enctype *e, const u8 *key,
			       unsigned int key_len, u32 usage, u8 *buf,
			       size_t buf_size, size_t data_offset,
			       size_t data_len, bool preconfounded)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_tfms t;
	ssize_t total;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ret;
	total = krb5ap_check_plaintext(e, buf, buf_size, data_offset,
				       data_len);
	if (total < 0)
		return total;
	if (!preconfounded)
		get_random_bytes(buf, e->conf_len);
	slot = krb5ap_pool_get();
	ret = krb5ap_slot_key(e, slot, key, usage, true, &t);
	if (!ret)
		ret = e->profile->encrypt(e, &t, buf, e->conf_len + data_len);
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	return ret ? ret : total;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_session_encrypt);

/**
 * krb5ap_session_decrypt() - check and decrypt with a per-message key
 * @e: enctype, or NULL (-ENOPKG)
 * @key: protocol key (session key or subkey)
 * @key_len: its length, @e->key_bytes
 * @usage: key usage (11 for an authenticator)
 * @buf: the ciphertext, decrypted in place; in the linear mapping
 *	(kmalloc), and 16-byte aligned so that no cipher block straddles a
 *	page (else the crypto layer may bounce that block through a buffer it
 *	allocates)
 * @len: length of the ciphertext
 * @_offset: where the plaintext starts in @buf, on success
 * @_len: length of the plaintext, on success
 *
 * The transforms come from this CPU's pool; nothing is allocated.  On an
 * integrity failure the decrypted bytes are wiped.
 *
 * Context: process or softirq context; not with interrupts disabled.
 * Return: 0 or a negative error (see enctype.h).
 */
int krb5ap_session_decrypt(const struct krb5ap_enctype *e, const u8 *key,
			   unsigned int key_len, u32 usage, u8 *buf, size_t len,
			   size_t *_offset, size_t *_len)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_tfms t;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ret;
	ret = krb5ap_check_ciphertext(e, buf, len);
	if (ret)
		return ret;
	slot = krb5ap_pool_get();
	ret = krb5ap_slot_key(e, slot, key, usage, true, &t);
	if (!ret)
		ret = e->profile->decrypt(e, &t, buf, len);
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	if (ret)
		return ret;
	*_offset = e->conf_len;
	*_len = len - e->conf_len - e->cksum_len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_session_decrypt);

static int krb5ap_mic(struct crypto_shash *mac, const struct krb5ap_enctype *e,
		      const u8 *data, size_t len, u8 *mic)
{
	u8 full[KRB5AP_MAX_MAC_LEN];
	int ret;

	ret = krb5ap_mac_digest(mac, NULL, 0, data, len, full);
	if (!ret)
		memcpy(mic, full, e->cksum_len);
	memzero_explicit(full, sizeof(full));
	return ret;
}

static int krb5ap_mic_check(struct crypto_shash *mac,
			    const struct krb5ap_enctype *e, const u8 *data,
			    size_t len, const u8 *mic)
{
	u8 full[KRB5AP_MAX_MAC_LEN];
	int ret;

	ret = krb5ap_mac_digest(mac, NULL, 0, data, len, full);
	if (!ret && crypto_memneq(full, mic, e->cksum_len))
		ret = -EBADMSG;
	memzero_explicit(full, sizeof(full));
	return ret;
}

/**
 * krb5ap_session_get_mic() - keyed checksum with a per-message key
 * @e: enctype, or NULL (-ENOPKG); the checksum type is @e->ctype
 * @key: protocol key
 * @key_len: its length, @e->key_bytes
 * @usage: key usage (10 for an authenticator's checksum)
 * @data: checksummed data (any kernel memory)
 * @len: its length
 * @mic: output, @e->cksum_len bytes
 * @mic_size: size of @mic
 *
 * Context: process or softirq context; not with interrupts disabled.
 * Return: 0 or a negative error (see enctype.h).
 */
int krb5ap_session_get_mic(const struct krb5ap_enctype *e, const u8 *key,
			   unsigned int key_len, u32 usage, const u8 *data,
			   size_t len, u8 *mic, size_t mic_size)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_tfms t;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ret;
	if (len > KRB5AP_CRYPTO_MAX_LEN || mic_size < e->cksum_len)
		return -EMSGSIZE;
	slot = krb5ap_pool_get();
	ret = krb5ap_slot_key(e, slot, key, usage, false, &t);
	if (!ret)
		ret = krb5ap_mic(t.mac, e, data, len, mic);
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_session_get_mic);

/**
 * krb5ap_session_verify_mic() - check a keyed checksum with a per-message key
 * @e: enctype, or NULL (-ENOPKG); the checksum type is @e->ctype
 * @key: protocol key
 * @key_len: its length, @e->key_bytes
 * @usage: key usage
 * @data: checksummed data (any kernel memory)
 * @len: its length
 * @mic: the checksum received
 * @mic_len: its length; anything but @e->cksum_len is -EPROTO
 *
 * Context: process or softirq context; not with interrupts disabled.
 * Return: 0, -EBADMSG on a mismatch (constant-time comparison), or another
 * negative error (see enctype.h).
 */
int krb5ap_session_verify_mic(const struct krb5ap_enctype *e, const u8 *key,
			      unsigned int key_len, u32 usage, const u8 *data,
			      size_t len, const u8 *mic, size_t mic_len)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_tfms t;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ret;
	if (mic_len != e->cksum_len)
		return -EPROTO;
	if (len > KRB5AP_CRYPTO_MAX_LEN)
		return -EMSGSIZE;
	slot = krb5ap_pool_get();
	ret = krb5ap_slot_key(e, slot, key, usage, false, &t);
	if (!ret)
		ret = krb5ap_mic_check(t.mac, e, data, len, mic);
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_session_verify_mic);

/*
 * Derive the keys for a long-lived key's usage with the pool's transforms,
 * into @k1 (Ke, or Kc) and @k2 (Ki, unused for a checksum key).
 */
static int krb5ap_derive_keys(const struct krb5ap_enctype *e, const u8 *key,
			      u32 usage, bool enc, u8 *k1, u8 *k2)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_tfms t;
	int ret;

	slot = krb5ap_pool_get();
	ret = krb5ap_slot_key(e, slot, key, usage, enc, &t);
	if (!ret && enc) {
		memcpy(k1, slot->scratch->ke, e->ke_len);
		memcpy(k2, slot->scratch->ki, e->ki_len);
	} else if (!ret) {
		memcpy(k1, slot->scratch->ki, e->kc_len);
	}
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	return ret;
}

/**
 * krb5ap_free_encryption() - free a prepared encryption key
 * @key: the key, or NULL
 *
 * The transforms' contexts (key schedules) are wiped as they are freed.
 */
void krb5ap_free_encryption(struct krb5ap_enc_key *key)
{
	if (!key)
		return;
	crypto_free_sync_skcipher(key->enc);
	crypto_free_shash(key->mac);
	kfree(key);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_free_encryption);

/**
 * krb5ap_prepare_encryption() - prepare a long-lived key for one usage
 * @e: enctype, or NULL (-ENOPKG)
 * @key: protocol key (e.g. a service key from a keytab)
 * @key_len: its length, @e->key_bytes
 * @usage: key usage (2 for tickets)
 *
 * Derives Ke and Ki for @usage and allocates a cipher and a keyed hash
 * transform keyed with them, which stay with the returned key.  The
 * derived keys live only in the transforms; @key is not kept.
 *
 * Context: process context; may sleep.
 * Return: the prepared key, for krb5ap_encrypt() and krb5ap_decrypt(), or
 * an ERR_PTR().
 */
struct krb5ap_enc_key *
krb5ap_prepare_encryption(const struct krb5ap_enctype *e, const u8 *key,
			  unsigned int key_len, u32 usage)
{
	u8 ke[KRB5AP_MAX_KEY_LEN], ki[KRB5AP_MAX_KEY_LEN];
	struct krb5ap_enc_key *k;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ERR_PTR(ret);
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	k->enctype = e;
	k->usage = usage;
	k->enc = krb5ap_alloc_cipher(e->cipher);
	if (IS_ERR(k->enc)) {
		ret = PTR_ERR(k->enc);
		k->enc = NULL;
		goto err;
	}
	k->mac = krb5ap_alloc_mac(e->mac);
	if (IS_ERR(k->mac)) {
		ret = PTR_ERR(k->mac);
		k->mac = NULL;
		goto err;
	}
	ret = krb5ap_derive_keys(e, key, usage, true, ke, ki);
	if (!ret)
		ret = crypto_sync_skcipher_setkey(k->enc, ke, e->ke_len);
	if (!ret)
		ret = crypto_shash_setkey(k->mac, ki, e->ki_len);
	memzero_explicit(ke, sizeof(ke));
	memzero_explicit(ki, sizeof(ki));
	if (ret)
		goto err;
	return k;
err:
	krb5ap_free_encryption(k);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_prepare_encryption);

/**
 * krb5ap_free_checksum() - free a prepared checksum key
 * @key: the key, or NULL
 */
void krb5ap_free_checksum(struct krb5ap_mic_key *key)
{
	if (!key)
		return;
	crypto_free_shash(key->mac);
	kfree(key);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_free_checksum);

/**
 * krb5ap_prepare_checksum() - prepare a long-lived key for one usage's
 *	checksums
 * @e: enctype, or NULL (-ENOPKG); checksums are of type @e->ctype
 * @key: protocol key
 * @key_len: its length, @e->key_bytes
 * @usage: key usage (17 for a PAC's server checksum)
 *
 * Context: process context; may sleep.
 * Return: the prepared key, for krb5ap_get_mic() and krb5ap_verify_mic(),
 * or an ERR_PTR().
 */
struct krb5ap_mic_key *
krb5ap_prepare_checksum(const struct krb5ap_enctype *e, const u8 *key,
			unsigned int key_len, u32 usage)
{
	u8 kc[KRB5AP_MAX_KEY_LEN];
	struct krb5ap_mic_key *k;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ERR_PTR(ret);
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	k->enctype = e;
	k->usage = usage;
	k->mac = krb5ap_alloc_mac(e->mac);
	if (IS_ERR(k->mac)) {
		ret = PTR_ERR(k->mac);
		k->mac = NULL;
		goto err;
	}
	ret = krb5ap_derive_keys(e, key, usage, false, kc, NULL);
	if (!ret)
		ret = crypto_shash_setkey(k->mac, kc, e->kc_len);
	memzero_explicit(kc, sizeof(kc));
	if (ret)
		goto err;
	return k;
err:
	krb5ap_free_checksum(k);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_prepare_checksum);

/**
 * krb5ap_encrypt() - encrypt with a prepared key
 * @key: key from krb5ap_prepare_encryption()
 * @buf: buffer holding the data at @data_offset, in the linear mapping
 * @buf_size: size of @buf, at least krb5ap_how_much_buffer()
 * @data_offset: offset of the data, as krb5ap_how_much_buffer() gives
 * @data_len: length of the data
 * @preconfounded: the caller put the confounder in front of the data;
 *	else it comes from get_random_bytes()
 *
 * Context: any context but hard interrupt; does not sleep.
 * Return: the ciphertext length (the ciphertext starts at @buf), or a
 * negative error (see enctype.h).
 */
ssize_t krb5ap_encrypt(const struct krb5ap_enc_key *key, u8 *buf,
		       size_t buf_size, size_t data_offset, size_t data_len,
		       bool preconfounded)
{
	const struct krb5ap_enctype *e = key->enctype;
	struct krb5ap_tfms t = { .enc = key->enc, .mac = key->mac };
	ssize_t total;
	int ret;

	total = krb5ap_check_plaintext(e, buf, buf_size, data_offset,
				       data_len);
	if (total < 0)
		return total;
	if (!preconfounded)
		get_random_bytes(buf, e->conf_len);
	ret = e->profile->encrypt(e, &t, buf, e->conf_len + data_len);
	return ret ? ret : total;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_encrypt);

/**
 * krb5ap_decrypt() - check and decrypt with a prepared key
 * @key: key from krb5ap_prepare_encryption()
 * @buf: the ciphertext, decrypted in place; in the linear mapping and
 *	16-byte aligned (see krb5ap_session_decrypt())
 * @len: length of the ciphertext
 * @_offset: where the plaintext starts in @buf, on success
 * @_len: length of the plaintext, on success
 *
 * Uses the key's own transforms, which any number of CPUs may use at once;
 * nothing is allocated.  On an integrity failure the decrypted bytes are
 * wiped.
 *
 * Context: any context but hard interrupt; does not sleep.
 * Return: 0 or a negative error (see enctype.h).
 */
int krb5ap_decrypt(const struct krb5ap_enc_key *key, u8 *buf, size_t len,
		   size_t *_offset, size_t *_len)
{
	const struct krb5ap_enctype *e = key->enctype;
	struct krb5ap_tfms t = { .enc = key->enc, .mac = key->mac };
	int ret;

	ret = krb5ap_check_ciphertext(e, buf, len);
	if (ret)
		return ret;
	ret = e->profile->decrypt(e, &t, buf, len);
	if (ret)
		return ret;
	*_offset = e->conf_len;
	*_len = len - e->conf_len - e->cksum_len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_decrypt);

/**
 * krb5ap_get_mic() - keyed checksum with a prepared key
 * @key: key from krb5ap_prepare_checksum()
 * @data: checksummed data (any kernel memory)
 * @len: its length
 * @mic: output, the enctype's cksum_len bytes
 * @mic_size: size of @mic
 *
 * Context: any context but hard interrupt; does not sleep.
 * Return: 0 or a negative error (see enctype.h).
 */
int krb5ap_get_mic(const struct krb5ap_mic_key *key, const u8 *data,
		   size_t len, u8 *mic, size_t mic_size)
{
	const struct krb5ap_enctype *e = key->enctype;

	if (len > KRB5AP_CRYPTO_MAX_LEN || mic_size < e->cksum_len)
		return -EMSGSIZE;
	return krb5ap_mic(key->mac, e, data, len, mic);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_get_mic);

/**
 * krb5ap_verify_mic() - check a keyed checksum with a prepared key
 * @key: key from krb5ap_prepare_checksum()
 * @data: checksummed data (any kernel memory)
 * @len: its length
 * @mic: the checksum received
 * @mic_len: its length; anything but the enctype's cksum_len is -EPROTO
 *
 * Context: any context but hard interrupt; does not sleep.
 * Return: 0, -EBADMSG on a mismatch (constant-time comparison), or another
 * negative error (see enctype.h).
 */
int krb5ap_verify_mic(const struct krb5ap_mic_key *key, const u8 *data,
		      size_t len, const u8 *mic, size_t mic_len)
{
	const struct krb5ap_enctype *e = key->enctype;

	if (mic_len != e->cksum_len)
		return -EPROTO;
	if (len > KRB5AP_CRYPTO_MAX_LEN)
		return -EMSGSIZE;
	return krb5ap_mic_check(key->mac, e, data, len, mic);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_verify_mic);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * krb5ap_derive_key() - derive one key, for known-answer tests
 * @e: enctype, or NULL (-ENOPKG)
 * @key: protocol key
 * @key_len: its length, @e->key_bytes
 * @usage: key usage
 * @type: 0x99 (Kc), 0xAA (Ke) or 0x55 (Ki)
 * @out: derived key
 * @out_len: its length, at most KRB5AP_MAX_KEY_LEN
 *
 * Return: 0 or a negative error.
 */
int krb5ap_derive_key(const struct krb5ap_enctype *e, const u8 *key,
		      unsigned int key_len, u32 usage, u8 type, u8 *out,
		      unsigned int out_len)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_scratch *s;
	struct krb5ap_tfms t;
	int ret;

	ret = krb5ap_check_key(e, key_len);
	if (ret)
		return ret;
	if (out_len > KRB5AP_MAX_KEY_LEN)
		return -EINVAL;
	slot = krb5ap_pool_get();
	s = slot->scratch;
	t.enc = slot->cipher[e->cipher];
	t.mac = slot->mac[e->mac];
	memcpy(s->base, key, key_len);
	ret = e->profile->set_base_key(e, &t, s->base);
	if (!ret)
		ret = e->profile->derive(e, &t, s, usage, type, s->ke, out_len);
	if (!ret)
		memcpy(out, s->ke, out_len);
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_derive_key);

/**
 * krb5ap_cipher_raw() - bare CBC-CTS with a zero IV, for known-answer tests
 * @e: enctype whose cipher to use
 * @ke: cipher key
 * @ke_len: its length
 * @buf: data, in place, in the linear mapping
 * @len: its length, at least one block
 * @encrypt: encrypt, else decrypt
 *
 * Return: 0 or a negative error.
 */
int krb5ap_cipher_raw(const struct krb5ap_enctype *e, const u8 *ke,
		      unsigned int ke_len, u8 *buf, unsigned int len,
		      bool encrypt)
{
	struct krb5ap_pool_slot *slot;
	struct krb5ap_tfms t;
	int ret;

	if (!e)
		return -ENOPKG;
	if (ke_len > KRB5AP_MAX_KEY_LEN || !krb5ap_buf_linear(buf, len))
		return -EINVAL;
	slot = krb5ap_pool_get();
	t.enc = slot->cipher[e->cipher];
	t.mac = slot->mac[e->mac];
	memcpy(slot->scratch->ke, ke, ke_len);
	ret = crypto_sync_skcipher_setkey(t.enc, slot->scratch->ke, ke_len);
	if (!ret)
		ret = krb5ap_cts_crypt(t.enc, buf, len, encrypt);
	krb5ap_slot_scrub(e, &t);
	krb5ap_pool_put(slot);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_cipher_raw);
#endif
