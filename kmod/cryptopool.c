// SPDX-License-Identifier: GPL-2.0
/*
 * The transforms behind krb5ap's Kerberos crypto.
 *
 * Long-lived (service) keys own their transforms: krb5ap_prepare_*()
 * allocates them through krb5ap_alloc_cipher() and krb5ap_alloc_mac() and
 * keys them once.
 *
 * Session keys and subkeys are only known per message, and allocating a
 * transform per message would put a sleeping, slab-heavy call on the verify
 * path.  Instead every possible CPU gets, at module load, one transform of
 * each algorithm plus a scratch area for derived keys.  A caller takes its
 * CPU's slot with krb5ap_pool_get(), which disables bottom halves: the task
 * can then neither migrate nor be preempted by another user of the slot on
 * this CPU (a softirq included; on PREEMPT_RT local_bh_disable() is a
 * per-CPU lock with migration disabled, which serialises the same way).
 * It re-keys the slot's transforms, uses them and gives the slot back with
 * krb5ap_pool_put(), which wipes the scratch area.  Between get and put the
 * caller must not sleep; the synchronous skcipher and shash interfaces never
 * do, so this is the pattern of TCP-MD5's per-CPU hash pool
 * (net/ipv4/tcp_sigpool.c) without its per-use clone.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/err.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <kunit/visibility.h>

#include "cryptopool.h"

/*
 * Requested by generic name so that the crypto API loads the modules
 * (cts.ko, camellia, cmac.ko...) and picks the best synchronous driver.
 */
static const char *const krb5ap_cipher_names[KRB5AP_CIPHER_NR] = {
	[KRB5AP_CIPHER_AES] = "cts(cbc(aes))",
	[KRB5AP_CIPHER_CAMELLIA] = "cts(cbc(camellia))",
};

static const char *const krb5ap_mac_names[KRB5AP_MAC_NR] = {
	[KRB5AP_MAC_HMAC_SHA1] = "hmac(sha1)",
	[KRB5AP_MAC_HMAC_SHA256] = "hmac(sha256)",
	[KRB5AP_MAC_HMAC_SHA384] = "hmac(sha384)",
	[KRB5AP_MAC_CMAC_CAMELLIA] = "cmac(camellia)",
};

/* Driver names resolved at load time: what actually runs. */
static char krb5ap_cipher_drivers[KRB5AP_CIPHER_NR][CRYPTO_MAX_ALG_NAME];
static char krb5ap_mac_drivers[KRB5AP_MAC_NR][CRYPTO_MAX_ALG_NAME];

/* Transforms allocated since load; KUnit checks the verify path adds none. */
static atomic_long_t krb5ap_tfm_allocs = ATOMIC_LONG_INIT(0);

static struct krb5ap_pool_slot __percpu *krb5ap_pool;

/**
 * krb5ap_alloc_cipher() - allocate a synchronous CBC-CTS transform
 * @id: which cipher
 *
 * Context: process context; may sleep.
 * Return: the transform, or an ERR_PTR().
 */
struct crypto_sync_skcipher *krb5ap_alloc_cipher(enum krb5ap_cipher_id id)
{
	if (WARN_ON_ONCE(id >= KRB5AP_CIPHER_NR))
		return ERR_PTR(-EINVAL);
	atomic_long_inc(&krb5ap_tfm_allocs);
	return crypto_alloc_sync_skcipher(krb5ap_cipher_names[id], 0, 0);
}

/**
 * krb5ap_alloc_mac() - allocate a keyed hash transform
 * @id: which keyed hash
 *
 * Context: process context; may sleep.
 * Return: the transform, or an ERR_PTR().
 */
struct crypto_shash *krb5ap_alloc_mac(enum krb5ap_mac_id id)
{
	if (WARN_ON_ONCE(id >= KRB5AP_MAC_NR))
		return ERR_PTR(-EINVAL);
	atomic_long_inc(&krb5ap_tfm_allocs);
	return crypto_alloc_shash(krb5ap_mac_names[id], 0, 0);
}

/**
 * krb5ap_cipher_driver() - driver chosen for a cipher at module load
 * @id: which cipher
 *
 * Return: the driver name, e.g. "cts(cbc(aes-aesni))".
 */
const char *krb5ap_cipher_driver(enum krb5ap_cipher_id id)
{
	return id < KRB5AP_CIPHER_NR ? krb5ap_cipher_drivers[id] : "";
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_cipher_driver);

/**
 * krb5ap_mac_driver() - driver chosen for a keyed hash at module load
 * @id: which keyed hash
 *
 * Return: the driver name, e.g. "hmac(sha256-avx2)".
 */
const char *krb5ap_mac_driver(enum krb5ap_mac_id id)
{
	return id < KRB5AP_MAC_NR ? krb5ap_mac_drivers[id] : "";
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_mac_driver);

static int krb5ap_pool_fill(struct krb5ap_pool_slot *slot, int cpu)
{
	struct crypto_sync_skcipher *cipher;
	struct crypto_shash *mac;
	unsigned int i;

	slot->scratch = kzalloc_node(sizeof(*slot->scratch), GFP_KERNEL,
				     cpu_to_node(cpu));
	if (!slot->scratch)
		return -ENOMEM;
	for (i = 0; i < KRB5AP_CIPHER_NR; i++) {
		cipher = krb5ap_alloc_cipher(i);
		if (IS_ERR(cipher)) {
			pr_err("crypto: cannot allocate %s (error %ld)\n",
			       krb5ap_cipher_names[i], PTR_ERR(cipher));
			return PTR_ERR(cipher);
		}
		slot->cipher[i] = cipher;
	}
	for (i = 0; i < KRB5AP_MAC_NR; i++) {
		mac = krb5ap_alloc_mac(i);
		if (IS_ERR(mac)) {
			pr_err("crypto: cannot allocate %s (error %ld)\n",
			       krb5ap_mac_names[i], PTR_ERR(mac));
			return PTR_ERR(mac);
		}
		slot->mac[i] = mac;
	}
	return 0;
}

static void krb5ap_pool_log_drivers(const struct krb5ap_pool_slot *slot)
{
	unsigned int i;

	for (i = 0; i < KRB5AP_CIPHER_NR; i++) {
		strscpy(krb5ap_cipher_drivers[i],
			crypto_skcipher_driver_name(&slot->cipher[i]->base),
			CRYPTO_MAX_ALG_NAME);
		pr_info("crypto: %s is %s\n", krb5ap_cipher_names[i],
			krb5ap_cipher_drivers[i]);
	}
	for (i = 0; i < KRB5AP_MAC_NR; i++) {
		strscpy(krb5ap_mac_drivers[i],
			crypto_shash_driver_name(slot->mac[i]),
			CRYPTO_MAX_ALG_NAME);
		pr_info("crypto: %s is %s\n", krb5ap_mac_names[i],
			krb5ap_mac_drivers[i]);
	}
}

/**
 * krb5ap_cryptopool_exit() - free the per-CPU pool
 *
 * Safe on a partly filled pool; the transforms' contexts are wiped as they
 * are freed (crypto_destroy_tfm() uses kfree_sensitive()).
 */
void krb5ap_cryptopool_exit(void)
{
	struct krb5ap_pool_slot *slot;
	unsigned int i;
	int cpu;

	if (!krb5ap_pool)
		return;
	for_each_possible_cpu(cpu) {
		slot = per_cpu_ptr(krb5ap_pool, cpu);
		for (i = 0; i < KRB5AP_CIPHER_NR; i++)
			crypto_free_sync_skcipher(slot->cipher[i]);
		for (i = 0; i < KRB5AP_MAC_NR; i++)
			crypto_free_shash(slot->mac[i]);
		kfree_sensitive(slot->scratch);
	}
	free_percpu(krb5ap_pool);
	krb5ap_pool = NULL;
}

/**
 * krb5ap_cryptopool_init() - allocate the per-CPU pool at module load
 *
 * Allocates, for every possible CPU, one transform of each algorithm and a
 * scratch area, and logs the driver behind each algorithm once.
 *
 * Context: process context; may sleep (and load crypto modules).
 * Return: 0, -ENOMEM, or the crypto API's error for an algorithm the
 * kernel cannot provide (typically -ENOENT).
 */
int krb5ap_cryptopool_init(void)
{
	int cpu, ret;

	krb5ap_pool = alloc_percpu(struct krb5ap_pool_slot);
	if (!krb5ap_pool)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		ret = krb5ap_pool_fill(per_cpu_ptr(krb5ap_pool, cpu), cpu);
		if (ret) {
			krb5ap_cryptopool_exit();
			return ret;
		}
	}
	krb5ap_pool_log_drivers(per_cpu_ptr(krb5ap_pool,
					    cpumask_first(cpu_possible_mask)));
	return 0;
}

/**
 * krb5ap_pool_get() - take this CPU's transforms
 *
 * Disables bottom halves until krb5ap_pool_put(): the caller must not sleep
 * in between, must not call this from hard interrupt context or with
 * interrupts disabled, and must not nest two gets.
 *
 * Return: the slot, keyed with whatever its last user left (re-key it).
 */
struct krb5ap_pool_slot *krb5ap_pool_get(void)
{
	local_bh_disable();
	return this_cpu_ptr(krb5ap_pool);
}

/**
 * krb5ap_pool_put() - give back this CPU's transforms
 * @slot: the slot krb5ap_pool_get() returned
 *
 * Wipes the slot's scratch area (derived keys) and re-enables bottom halves.
 */
void krb5ap_pool_put(struct krb5ap_pool_slot *slot)
{
	memzero_explicit(slot->scratch, sizeof(*slot->scratch));
	local_bh_enable();
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * krb5ap_crypto_tfm_allocs() - transforms allocated since module load
 *
 * Return: the count.
 */
unsigned long krb5ap_crypto_tfm_allocs(void)
{
	return atomic_long_read(&krb5ap_tfm_allocs);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_crypto_tfm_allocs);
#endif
