// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: krb5ap's Kerberos crypto operations - round trips for every
 * enctype and length 0..4096, rejection of damaged or mismatched input, and
 * proof that the decrypt paths allocate nothing.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>

#include "cryptopool.h"
#include "enctype.h"

static const u32 supported[] = { 17, 18, 19, 20, 25, 26 };

/* Deterministic filler, different for each (seed, index). */
static void fill(u8 *p, size_t len, u32 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (u8)((i * 131 + seed * 7 + (i >> 8)) ^ (seed >> 3));
}

static const struct krb5ap_enctype *get_enctype(struct kunit *test, u32 n)
{
	const struct krb5ap_enctype *e = krb5ap_find_enctype(n);

	KUNIT_ASSERT_NOT_NULL(test, e);
	return e;
}

static void free_enc_action(void *k)
{
	krb5ap_free_encryption(k);
}

static void free_mic_action(void *k)
{
	krb5ap_free_checksum(k);
}

/* A prepared key, freed when the test case ends (even on a failed assert). */
static struct krb5ap_enc_key *prep_enc(struct kunit *test,
				       const struct krb5ap_enctype *e,
				       const u8 *key, u32 usage)
{
	struct krb5ap_enc_key *k;

	k = krb5ap_prepare_encryption(e, key, e->key_bytes, usage);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, free_enc_action,
							k), 0);
	return k;
}

static struct krb5ap_mic_key *prep_mic(struct kunit *test,
				       const struct krb5ap_enctype *e,
				       const u8 *key, u32 usage)
{
	struct krb5ap_mic_key *k;

	k = krb5ap_prepare_checksum(e, key, e->key_bytes, usage);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, free_mic_action,
							k), 0);
	return k;
}

/* ---- enctype table ------------------------------------------------- */

static void table_test(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(supported); i++) {
		const struct krb5ap_enctype *e = get_enctype(test, supported[i]);
		size_t off = 0;

		KUNIT_EXPECT_EQ(test, e->etype, supported[i]);
		KUNIT_EXPECT_EQ(test, e->conf_len, 16U);
		KUNIT_EXPECT_EQ(test, e->block_len, 16U);
		KUNIT_EXPECT_LE(test, e->key_bytes, (unsigned int)KRB5AP_MAX_KEY_LEN);
		KUNIT_EXPECT_LE(test, e->cksum_len, (unsigned int)KRB5AP_MAX_MAC_LEN);
		KUNIT_EXPECT_NOT_NULL(test, e->profile);
		KUNIT_EXPECT_EQ(test, krb5ap_how_much_buffer(e, 100, &off),
				(size_t)(16 + 100 + e->cksum_len));
		KUNIT_EXPECT_EQ(test, off, (size_t)16);
		off = krb5ap_how_much_buffer(e, KRB5AP_CRYPTO_MAX_LEN + 1,
					     &off);
		KUNIT_EXPECT_EQ(test, off, (size_t)0);
	}
	KUNIT_EXPECT_EQ(test, get_enctype(test, 17)->cksum_len, 12U);
	KUNIT_EXPECT_EQ(test, get_enctype(test, 18)->cksum_len, 12U);
	KUNIT_EXPECT_EQ(test, get_enctype(test, 19)->cksum_len, 16U);
	KUNIT_EXPECT_EQ(test, get_enctype(test, 20)->cksum_len, 24U);
	KUNIT_EXPECT_EQ(test, get_enctype(test, 25)->cksum_len, 16U);
	KUNIT_EXPECT_EQ(test, get_enctype(test, 26)->cksum_len, 16U);
}

/* ---- unsupported enctypes: "enctype not supported" ------------------ */

struct refused_case {
	u32 etype;
	const char *what;
};

static const struct refused_case refused_cases[] = {
	{ 0, "null" },
	{ 1, "des-cbc-crc" },
	{ 2, "des-cbc-md4" },
	{ 3, "des-cbc-md5" },
	{ 16, "des3-cbc-sha1" },
	{ 23, "rc4-hmac" },
	{ 24, "rc4-hmac-exp" },
	{ 21, "unassigned" },
	{ 0xffffffff, "-1" },
};

static void refused_desc(const struct refused_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u %s", c->etype, c->what);
}

KUNIT_ARRAY_PARAM(refused, refused_cases, refused_desc);

static void refused_test(struct kunit *test)
{
	const struct refused_case *c = test->param_value;
	const struct krb5ap_enctype *e = krb5ap_find_enctype(c->etype);
	u8 key[32] = {}, mic[32];
	size_t off, len;
	u8 *buf;

	KUNIT_EXPECT_NULL(test, e);
	buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, krb5ap_session_decrypt(e, key, 16, 11, buf, 64,
						     &off, &len), -ENOPKG);
	KUNIT_EXPECT_EQ(test, krb5ap_session_encrypt(e, key, 16, 12, buf, 64,
						     16, 8, false),
			(ssize_t)-ENOPKG);
	KUNIT_EXPECT_EQ(test, krb5ap_session_get_mic(e, key, 16, 10, buf, 8,
						     mic, sizeof(mic)),
			-ENOPKG);
	KUNIT_EXPECT_EQ(test, krb5ap_session_verify_mic(e, key, 16, 10, buf, 8,
							mic, 12), -ENOPKG);
	KUNIT_EXPECT_EQ(test, PTR_ERR(krb5ap_prepare_encryption(e, key, 16, 2)),
			-ENOPKG);
	KUNIT_EXPECT_EQ(test, PTR_ERR(krb5ap_prepare_checksum(e, key, 16, 17)),
			-ENOPKG);
	KUNIT_EXPECT_EQ(test, krb5ap_how_much_buffer(e, 8, &off), (size_t)0);
}

/* ---- round trips, lengths 0..4096 ----------------------------------- */

#define RT_MAX		4096
#define RT_CHUNK	256
#define RT_CHUNKS	(RT_MAX / RT_CHUNK + 1)

struct rt_param {
	u32 etype;
	unsigned int first, last;	/* data lengths, inclusive */
};

static struct rt_param rt_params[ARRAY_SIZE(supported) * RT_CHUNKS];

static const void *rt_gen_params(const void *prev, char *desc)
{
	const struct rt_param *p = prev;
	unsigned int i, n;

	if (!rt_params[0].etype) {
		for (i = 0; i < ARRAY_SIZE(rt_params); i++) {
			n = i % RT_CHUNKS;
			rt_params[i].etype = supported[i / RT_CHUNKS];
			rt_params[i].first = n * RT_CHUNK;
			rt_params[i].last = min(n * RT_CHUNK + RT_CHUNK - 1,
						(unsigned int)RT_MAX);
		}
	}
	p = p ? p + 1 : rt_params;
	if (p >= rt_params + ARRAY_SIZE(rt_params))
		return NULL;
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "enctype %u len %u..%u",
		 p->etype, p->first, p->last);
	return p;
}

/*
 * Every length in the chunk: encrypt on one path and decrypt on the other
 * (per-message pool, prepared key), alternating, so each path is checked
 * against the other as well as against itself.
 */
static void round_trip_test(struct kunit *test)
{
	const struct rt_param *p = test->param_value;
	const struct krb5ap_enctype *e = get_enctype(test, p->etype);
	const u32 usage = KRB5AP_USAGE_AP_REP_ENCPART;
	struct krb5ap_enc_key *k;
	u8 key[KRB5AP_MAX_KEY_LEN];
	size_t size, doff, off, len;
	unsigned int n;
	u8 *plain, *buf;
	ssize_t ret;

	fill(key, sizeof(key), p->etype);
	k = prep_enc(test, e, key, KRB5AP_USAGE_AP_REP_ENCPART);
	plain = kunit_kmalloc(test, RT_MAX, GFP_KERNEL);
	buf = kunit_kmalloc(test, RT_MAX + 64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	for (n = p->first; n <= p->last; n++) {
		size = krb5ap_how_much_buffer(e, n, &doff);
		KUNIT_ASSERT_EQ(test, size, (size_t)(16 + n + e->cksum_len));
		fill(plain, n, n);
		memcpy(buf + doff, plain, n);
		if (n & 1)
			ret = krb5ap_encrypt(k, buf, size, doff, n, false);
		else
			ret = krb5ap_session_encrypt(e, key, e->key_bytes, usage,
						     buf, size, doff, n, false);
		KUNIT_ASSERT_EQ_MSG(test, ret, (ssize_t)size, "len %u", n);
		if (n >= 16)
			KUNIT_EXPECT_MEMNEQ(test, buf + doff, plain, 16);
		if (n & 1)
			ret = krb5ap_session_decrypt(e, key, e->key_bytes, usage,
						     buf, size, &off, &len);
		else
			ret = krb5ap_decrypt(k, buf, size, &off, &len);
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "len %u", n);
		KUNIT_ASSERT_EQ(test, off, doff);
		KUNIT_ASSERT_EQ(test, len, (size_t)n);
		KUNIT_ASSERT_MEMEQ_MSG(test, buf + off, plain, n, "len %u", n);
	}
}

/* ---- damaged and mismatched input ------------------------------------ */

#define NEG_LEN		37	/* data bytes in the test message */
#define NEG_USAGE	KRB5AP_USAGE_AUTHENTICATOR

struct neg_ctx {
	const struct krb5ap_enctype *e;
	u8 key[KRB5AP_MAX_KEY_LEN];
	u8 plain[NEG_LEN];
	u8 *ct;		/* a good ciphertext */
	size_t ct_len;
	u8 *buf;	/* working copy */
	struct krb5ap_enc_key *k;
};

static void etype_desc(const u32 *etype, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "enctype %u", *etype);
}

KUNIT_ARRAY_PARAM(etype, supported, etype_desc);

static void neg_setup(struct kunit *test, struct neg_ctx *c)
{
	size_t doff;
	ssize_t ret;

	c->e = get_enctype(test, *(const u32 *)test->param_value);
	fill(c->key, sizeof(c->key), 99);
	fill(c->plain, sizeof(c->plain), 7);
	c->ct_len = krb5ap_how_much_buffer(c->e, NEG_LEN, &doff);
	c->ct = kunit_kzalloc(test, 128, GFP_KERNEL);
	c->buf = kunit_kzalloc(test, 128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->ct);
	KUNIT_ASSERT_NOT_NULL(test, c->buf);
	memcpy(c->ct + doff, c->plain, NEG_LEN);
	ret = krb5ap_session_encrypt(c->e, c->key, c->e->key_bytes, NEG_USAGE,
				     c->ct, 128, doff, NEG_LEN, false);
	KUNIT_ASSERT_EQ(test, ret, (ssize_t)c->ct_len);
	c->k = prep_enc(test, c->e, c->key, NEG_USAGE);
}

/* Decrypt a copy of the first @len bytes of @ct on both paths. */
static void expect_both(struct kunit *test, struct neg_ctx *c, const u8 *ct,
			size_t len, int want, const char *what)
{
	size_t off = 0, dlen = 0;
	int ret;

	memcpy(c->buf, ct, len);
	ret = krb5ap_session_decrypt(c->e, c->key, c->e->key_bytes, NEG_USAGE,
				     c->buf, len, &off, &dlen);
	KUNIT_EXPECT_EQ_MSG(test, ret, want, "session: %s", what);
	/* No plaintext is left behind by a failed decryption. */
	if (want && len == c->ct_len)
		KUNIT_EXPECT_MEMNEQ(test, c->buf + 16, c->plain, NEG_LEN);
	memcpy(c->buf, ct, len);
	KUNIT_EXPECT_EQ_MSG(test, krb5ap_decrypt(c->k, c->buf, len, &off,
						 &dlen), want,
			    "prepared: %s", what);
}

static void decrypt_good_test(struct kunit *test)
{
	struct neg_ctx c;
	size_t off, len;

	neg_setup(test, &c);
	memcpy(c.buf, c.ct, c.ct_len);
	KUNIT_ASSERT_EQ(test, krb5ap_decrypt(c.k, c.buf, c.ct_len, &off, &len),
			0);
	KUNIT_EXPECT_EQ(test, len, (size_t)NEG_LEN);
	KUNIT_EXPECT_MEMEQ(test, c.buf + off, c.plain, NEG_LEN);
	/* The confounder is random: the same message encrypts differently. */
	memcpy(c.buf + 16, c.plain, NEG_LEN);
	KUNIT_ASSERT_EQ(test, krb5ap_encrypt(c.k, c.buf, 128, 16, NEG_LEN,
					     false), (ssize_t)c.ct_len);
	KUNIT_EXPECT_MEMNEQ(test, c.buf, c.ct, c.ct_len);
}

static void decrypt_flip_test(struct kunit *test)
{
	struct neg_ctx c;
	u8 *bad;
	size_t i;

	neg_setup(test, &c);
	bad = kunit_kmalloc(test, 128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bad);
	/* Every byte: the MAC's, and the ciphertext's it covers. */
	for (i = 0; i < c.ct_len; i++) {
		memcpy(bad, c.ct, c.ct_len);
		bad[i] ^= (i >= c.ct_len - c.e->cksum_len) ? 0x01 : 0x80;
		expect_both(test, &c, bad, c.ct_len, -EBADMSG,
			    i >= c.ct_len - c.e->cksum_len ? "MAC byte" :
			    "ciphertext byte");
	}
}

static void decrypt_short_test(struct kunit *test)
{
	unsigned int min;
	struct neg_ctx c;
	size_t off, len;

	neg_setup(test, &c);
	min = c.e->conf_len + c.e->cksum_len;
	/* One byte short of the minimum, and less, down to zero. */
	expect_both(test, &c, c.ct, min - 1, -EPROTO, "min - 1");
	expect_both(test, &c, c.ct, 1, -EPROTO, "1 byte");
	expect_both(test, &c, c.ct, 0, -EPROTO, "0 bytes");
	KUNIT_EXPECT_EQ(test, krb5ap_session_decrypt(c.e, c.key,
						     c.e->key_bytes, NEG_USAGE,
						     NULL, 0, &off, &len),
			-EPROTO);
	KUNIT_EXPECT_EQ(test, krb5ap_decrypt(c.k, NULL, 0, &off, &len),
			-EPROTO);
	/* Long enough, but truncated: the MAC no longer matches. */
	expect_both(test, &c, c.ct, c.ct_len - 1, -EBADMSG, "truncated");
	expect_both(test, &c, c.ct, min, -EBADMSG, "min");
}

static void decrypt_wrong_usage_key_test(struct kunit *test)
{
	struct krb5ap_enc_key *k;
	u8 key[KRB5AP_MAX_KEY_LEN];
	struct neg_ctx c;
	size_t off, len;
	int ret;

	neg_setup(test, &c);
	/* Wrong usage. */
	memcpy(c.buf, c.ct, c.ct_len);
	ret = krb5ap_session_decrypt(c.e, c.key, c.e->key_bytes, NEG_USAGE + 1,
				     c.buf, c.ct_len, &off, &len);
	KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	k = prep_enc(test, c.e, c.key, KRB5AP_USAGE_TICKET);
	memcpy(c.buf, c.ct, c.ct_len);
	KUNIT_EXPECT_EQ(test, krb5ap_decrypt(k, c.buf, c.ct_len, &off, &len),
			-EBADMSG);

	/* Wrong key: one bit off. */
	memcpy(key, c.key, sizeof(key));
	key[c.e->key_bytes - 1] ^= 1;
	memcpy(c.buf, c.ct, c.ct_len);
	ret = krb5ap_session_decrypt(c.e, key, c.e->key_bytes, NEG_USAGE,
				     c.buf, c.ct_len, &off, &len);
	KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	k = prep_enc(test, c.e, key, NEG_USAGE);
	memcpy(c.buf, c.ct, c.ct_len);
	KUNIT_EXPECT_EQ(test, krb5ap_decrypt(k, c.buf, c.ct_len, &off, &len),
			-EBADMSG);

	/* Wrong key length: a caller error, refused before any work. */
	ret = krb5ap_session_decrypt(c.e, c.key, c.e->key_bytes - 1, NEG_USAGE,
				     c.buf, c.ct_len, &off, &len);
	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	k = krb5ap_prepare_encryption(c.e, c.key, c.e->key_bytes + 1,
				      NEG_USAGE);
	KUNIT_EXPECT_EQ(test, PTR_ERR(k), -EINVAL);
	KUNIT_EXPECT_EQ(test,
			PTR_ERR(krb5ap_prepare_checksum(c.e, c.key, 0, 17)),
			-EINVAL);
}

static void decrypt_enctype_mismatch_test(struct kunit *test)
{
	const struct krb5ap_enctype *other;
	struct krb5ap_enc_key *k;
	struct neg_ctx c;
	size_t off, len;
	unsigned int i;
	int ret;

	neg_setup(test, &c);
	for (i = 0; i < ARRAY_SIZE(supported); i++) {
		other = get_enctype(test, supported[i]);
		if (other == c.e || other->key_bytes != c.e->key_bytes)
			continue;
		memcpy(c.buf, c.ct, c.ct_len);
		ret = krb5ap_session_decrypt(other, c.key, other->key_bytes,
					     NEG_USAGE, c.buf, c.ct_len, &off,
					     &len);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "as enctype %u",
				    other->etype);
		k = prep_enc(test, other, c.key, NEG_USAGE);
		memcpy(c.buf, c.ct, c.ct_len);
		ret = krb5ap_decrypt(k, c.buf, c.ct_len, &off, &len);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "as enctype %u",
				    other->etype);
	}
}

static void encrypt_layout_test(struct kunit *test)
{
	struct neg_ctx c;
	size_t size;
	ssize_t ret;

	neg_setup(test, &c);
	size = c.ct_len;
	ret = krb5ap_encrypt(c.k, c.buf, size, 0, NEG_LEN, false);
	KUNIT_EXPECT_EQ(test, ret, (ssize_t)-EINVAL);
	ret = krb5ap_encrypt(c.k, c.buf, size - 1, 16, NEG_LEN, false);
	KUNIT_EXPECT_EQ(test, ret, (ssize_t)-EMSGSIZE);
	ret = krb5ap_session_encrypt(c.e, c.key, c.e->key_bytes, NEG_USAGE,
				     c.buf, size - 1, 16, NEG_LEN, false);
	KUNIT_EXPECT_EQ(test, ret, (ssize_t)-EMSGSIZE);
	ret = krb5ap_encrypt(c.k, c.buf, SIZE_MAX, 16,
			     KRB5AP_CRYPTO_MAX_LEN + 1, false);
	KUNIT_EXPECT_EQ(test, ret, (ssize_t)-EMSGSIZE);
}

static void mic_negative_test(struct kunit *test)
{
	const u32 usage = KRB5AP_USAGE_PAC_SERVER_CKSUM;
	const struct krb5ap_enctype *e, *other;
	u8 key[KRB5AP_MAX_KEY_LEN], data[50];
	u8 mic[KRB5AP_MAX_MAC_LEN], bad[KRB5AP_MAX_MAC_LEN];
	struct krb5ap_mic_key *k;
	unsigned int i, len;
	int ret, want;

	e = get_enctype(test, *(const u32 *)test->param_value);
	len = e->cksum_len;
	fill(key, sizeof(key), 5);
	fill(data, sizeof(data), 6);
	ret = krb5ap_session_get_mic(e, key, e->key_bytes, usage, data,
				     sizeof(data), mic, sizeof(mic));
	KUNIT_ASSERT_EQ(test, ret, 0);
	k = prep_mic(test, e, key, usage);
	KUNIT_EXPECT_EQ(test, krb5ap_verify_mic(k, data, sizeof(data), mic, len),
			0);

	for (i = 0; i < len; i++) {
		memcpy(bad, mic, len);
		bad[i] ^= 0x01;
		ret = krb5ap_verify_mic(k, data, sizeof(data), bad, len);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "byte %u", i);
		ret = krb5ap_session_verify_mic(e, key, e->key_bytes, usage,
						data, sizeof(data), bad, len);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EBADMSG, "byte %u", i);
	}
	/* Damaged data. */
	data[3] ^= 0x10;
	KUNIT_EXPECT_EQ(test, krb5ap_verify_mic(k, data, sizeof(data), mic, len),
			-EBADMSG);
	data[3] ^= 0x10;
	/* Wrong length: short by one, zero, long by one; output too small. */
	KUNIT_EXPECT_EQ(test, krb5ap_verify_mic(k, data, sizeof(data), mic,
						len - 1), -EPROTO);
	KUNIT_EXPECT_EQ(test, krb5ap_verify_mic(k, data, sizeof(data), mic, 0),
			-EPROTO);
	ret = krb5ap_session_verify_mic(e, key, e->key_bytes, usage, data,
					sizeof(data), mic, len + 1);
	KUNIT_EXPECT_EQ(test, ret, -EPROTO);
	KUNIT_EXPECT_EQ(test, krb5ap_get_mic(k, data, sizeof(data), bad,
					     len - 1), -EMSGSIZE);
	/* Wrong usage, wrong key. */
	ret = krb5ap_session_verify_mic(e, key, e->key_bytes,
					KRB5AP_USAGE_AUTHENTICATOR_CKSUM, data,
					sizeof(data), mic, len);
	KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	key[0] ^= 0x40;
	ret = krb5ap_session_verify_mic(e, key, e->key_bytes, usage, data,
					sizeof(data), mic, len);
	KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
	key[0] ^= 0x40;
	/* Another enctype with the same key length. */
	for (i = 0; i < ARRAY_SIZE(supported); i++) {
		other = get_enctype(test, supported[i]);
		if (other == e || other->key_bytes != e->key_bytes)
			continue;
		want = other->cksum_len == len ? -EBADMSG : -EPROTO;
		ret = krb5ap_session_verify_mic(other, key, other->key_bytes,
						usage, data, sizeof(data), mic,
						len);
		KUNIT_EXPECT_EQ_MSG(test, ret, want, "as enctype %u",
				    other->etype);
	}
}

/* ---- no allocation on the decrypt path ------------------------------- */

/*
 * Two probes.  The module counts every transform it allocates.  And with
 * fault injection configured, current->fail_nth (the /proc/self/fail-nth
 * mechanism) is decremented by every slab allocation failslab checks: all
 * those that may not sleep (failslab ignores __GFP_DIRECT_RECLAIM ones by
 * default, and the per-message path runs with bottom halves disabled,
 * where only those are allowed).  A GFP_ATOMIC kmalloc in the test shows
 * the probe is live.
 */
#define PROBE_BUDGET	1000000U

static void probe_start(void)
{
#ifdef CONFIG_FAULT_INJECTION
	current->fail_nth = PROBE_BUDGET;
#endif
}

/* Return: slab allocations seen since probe_start(). */
static unsigned int probe_end(void)
{
#ifdef CONFIG_FAULT_INJECTION
	unsigned int left = current->fail_nth;

	current->fail_nth = 0;
	return PROBE_BUDGET - left;
#else
	return 0;
#endif
}

static void no_alloc_probe_test(struct kunit *test)
{
#ifdef CONFIG_FAULT_INJECTION
	unsigned int seen;
	void *p;

	probe_start();
	p = kmalloc(16, GFP_ATOMIC);
	seen = probe_end();
	kfree(p);
	KUNIT_EXPECT_GE_MSG(test, seen, 1U,
			    "the slab probe does not see GFP_ATOMIC allocations");
#else
	kunit_skip(test, "no CONFIG_FAULT_INJECTION: transform counter only");
#endif
}

static void no_alloc_test(struct kunit *test)
{
	const u32 usage = KRB5AP_USAGE_AUTHENTICATOR;
	u8 key[KRB5AP_MAX_KEY_LEN], mic[KRB5AP_MAX_MAC_LEN];
	const struct krb5ap_enctype *e;
	size_t doff, size, off, len, dlen;
	struct krb5ap_enc_key *k;
	struct krb5ap_mic_key *mk;
	unsigned int n, seen;
	unsigned long tfms;
	ssize_t sret;
	u8 *b, *bufs[2];
	int ret;

	e = get_enctype(test, *(const u32 *)test->param_value);
	fill(key, sizeof(key), 3);
	k = prep_enc(test, e, key, KRB5AP_USAGE_TICKET);
	mk = prep_mic(test, e, key, KRB5AP_USAGE_PAC_SERVER_CKSUM);
	/* Powers of two: naturally aligned, no block straddles a page. */
	bufs[0] = kunit_kzalloc(test, 128, GFP_KERNEL);
	bufs[1] = kunit_kzalloc(test, 4096, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bufs[0]);
	KUNIT_ASSERT_NOT_NULL(test, bufs[1]);

	for (n = 0; n < 2; n++) {
		b = bufs[n];
		dlen = n ? 2000 : 40;
		size = krb5ap_how_much_buffer(e, dlen, &doff);
		fill(b + doff, dlen, 1);
		sret = krb5ap_encrypt(k, b, size, doff, dlen, false);
		KUNIT_ASSERT_EQ(test, sret, (ssize_t)size);
		tfms = krb5ap_crypto_tfm_allocs();
		probe_start();
		ret = krb5ap_decrypt(k, b, size, &off, &len);
		seen = probe_end();
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ_MSG(test, seen, 0U,
				    "prepared-key decrypt allocated");
		KUNIT_EXPECT_EQ(test, krb5ap_crypto_tfm_allocs(), tfms);

		sret = krb5ap_session_encrypt(e, key, e->key_bytes, usage, b,
					      size, doff, dlen, false);
		KUNIT_ASSERT_EQ(test, sret, (ssize_t)size);
		probe_start();
		ret = krb5ap_session_decrypt(e, key, e->key_bytes, usage, b,
					     size, &off, &len);
		seen = probe_end();
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ_MSG(test, seen, 0U,
				    "per-message decrypt allocated");
		KUNIT_EXPECT_EQ(test, krb5ap_crypto_tfm_allocs(), tfms);

		/* A failing decrypt allocates nothing either. */
		b[size - 1] ^= 1;
		probe_start();
		ret = krb5ap_session_decrypt(e, key, e->key_bytes, usage, b,
					     size, &off, &len);
		seen = probe_end();
		KUNIT_EXPECT_EQ(test, ret, -EBADMSG);
		KUNIT_EXPECT_EQ(test, seen, 0U);
		KUNIT_EXPECT_EQ(test, krb5ap_crypto_tfm_allocs(), tfms);
	}

	/* Checksums: PAC server checksum (prepared), authenticator (session). */
	b = bufs[1];
	ret = krb5ap_get_mic(mk, b, 1000, mic, sizeof(mic));
	KUNIT_ASSERT_EQ(test, ret, 0);
	tfms = krb5ap_crypto_tfm_allocs();
	probe_start();
	ret = krb5ap_verify_mic(mk, b, 1000, mic, e->cksum_len);
	seen = probe_end();
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, seen, 0U);
	ret = krb5ap_session_get_mic(e, key, e->key_bytes,
				     KRB5AP_USAGE_AUTHENTICATOR_CKSUM, b, 1000,
				     mic, sizeof(mic));
	KUNIT_ASSERT_EQ(test, ret, 0);
	probe_start();
	ret = krb5ap_session_verify_mic(e, key, e->key_bytes,
					KRB5AP_USAGE_AUTHENTICATOR_CKSUM, b,
					1000, mic, e->cksum_len);
	seen = probe_end();
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, seen, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_crypto_tfm_allocs(), tfms);
}

/* Preparing a key allocates its transforms; freeing NULL is allowed. */
static void prepare_counts_test(struct kunit *test)
{
	const struct krb5ap_enctype *e = get_enctype(test, 18);
	unsigned long tfms = krb5ap_crypto_tfm_allocs();
	u8 key[32] = {};

	prep_enc(test, e, key, KRB5AP_USAGE_TICKET);
	KUNIT_EXPECT_EQ(test, krb5ap_crypto_tfm_allocs(), tfms + 2);
	prep_mic(test, e, key, KRB5AP_USAGE_PAC_SERVER_CKSUM);
	KUNIT_EXPECT_EQ(test, krb5ap_crypto_tfm_allocs(), tfms + 3);
	krb5ap_free_encryption(NULL);
	krb5ap_free_checksum(NULL);
}

/* ---- concurrency: the per-CPU pool under threads and softirqs -------- */

#define STRESS_THREADS	4
#define STRESS_ITERS	150

struct stress_shared {
	struct krb5ap_enc_key *k;	/* one prepared key, used by all */
	u8 key[KRB5AP_MAX_KEY_LEN];
	atomic_t failures;
	atomic_t timer_runs;
	bool stop;
	struct timer_list timer;
	u8 *timer_ct, *timer_buf;
	size_t timer_ct_len;
};

struct stress_thread {
	struct stress_shared *sh;
	const struct krb5ap_enctype *e;
	u32 seed;
	struct completion done;
};

/* One encrypt/decrypt round trip; returns true when it worked. */
static bool stress_once(const struct krb5ap_enctype *e, const u8 *key,
			struct krb5ap_enc_key *k, u8 *buf, u8 *plain,
			size_t n, u32 seed)
{
	size_t size, doff, off, len;

	size = krb5ap_how_much_buffer(e, n, &doff);
	fill(plain, n, seed);
	memcpy(buf + doff, plain, n);
	if (k) {
		if (krb5ap_encrypt(k, buf, size, doff, n, false) != size)
			return false;
	} else if (krb5ap_session_encrypt(e, key, e->key_bytes, seed, buf,
					  size, doff, n, false) != size) {
		return false;
	}
	if (krb5ap_session_decrypt(e, key, e->key_bytes, k ? k->usage : seed,
				   buf, size, &off, &len))
		return false;
	return len == n && !memcmp(buf + off, plain, n);
}

static int stress_fn(void *data)
{
	struct stress_thread *t = data;
	const struct krb5ap_enctype *ek = t->sh->k->enctype;
	u8 key[KRB5AP_MAX_KEY_LEN];
	u8 *buf, *plain;
	unsigned int i;

	buf = kmalloc(256, GFP_KERNEL);
	plain = kmalloc(128, GFP_KERNEL);
	fill(key, sizeof(key), t->seed);
	for (i = 0; buf && plain && i < STRESS_ITERS; i++) {
		/* A per-message key of this thread's own... */
		if (!stress_once(t->e, key, NULL, buf, plain,
				 (i * 13 + t->seed) % 128, t->seed + i))
			atomic_inc(&t->sh->failures);
		/* ...and the prepared key every thread shares. */
		if (!stress_once(ek, t->sh->key, t->sh->k, buf, plain,
				 (i * 7) % 128, i))
			atomic_inc(&t->sh->failures);
		cond_resched();
	}
	if (!buf || !plain)
		atomic_inc(&t->sh->failures);
	kfree(buf);
	kfree(plain);
	complete(&t->done);
	return 0;
}

/* Softirq context: a per-message decryption that lands on busy CPUs. */
static void stress_timer_fn(struct timer_list *tl)
{
	struct stress_shared *sh = from_timer(sh, tl, timer);
	const struct krb5ap_enctype *e = sh->k->enctype;
	size_t off, len;

	memcpy(sh->timer_buf, sh->timer_ct, sh->timer_ct_len);
	if (krb5ap_session_decrypt(e, sh->key, e->key_bytes,
				   KRB5AP_USAGE_AUTHENTICATOR, sh->timer_buf,
				   sh->timer_ct_len, &off, &len) ||
	    len != 64)
		atomic_inc(&sh->failures);
	atomic_inc(&sh->timer_runs);
	if (!READ_ONCE(sh->stop))
		mod_timer(&sh->timer, jiffies + 1);
}

static void concurrency_test(struct kunit *test)
{
	struct stress_thread *t;
	struct stress_shared *sh;
	struct task_struct *task;
	size_t doff;
	ssize_t ret;
	unsigned int i;

	sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	t = kunit_kcalloc(test, STRESS_THREADS, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh);
	KUNIT_ASSERT_NOT_NULL(test, t);
	fill(sh->key, sizeof(sh->key), 42);
	sh->k = prep_enc(test, get_enctype(test, 20), sh->key,
			 KRB5AP_USAGE_TICKET);
	sh->timer_ct = kunit_kzalloc(test, 256, GFP_KERNEL);
	sh->timer_buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh->timer_ct);
	KUNIT_ASSERT_NOT_NULL(test, sh->timer_buf);
	sh->timer_ct_len = krb5ap_how_much_buffer(sh->k->enctype, 64, &doff);
	ret = krb5ap_session_encrypt(sh->k->enctype, sh->key,
				     sh->k->enctype->key_bytes,
				     KRB5AP_USAGE_AUTHENTICATOR, sh->timer_ct,
				     256, doff, 64, false);
	KUNIT_ASSERT_EQ(test, ret, (ssize_t)sh->timer_ct_len);

	timer_setup(&sh->timer, stress_timer_fn, 0);
	mod_timer(&sh->timer, jiffies + 1);
	for (i = 0; i < STRESS_THREADS; i++) {
		t[i].sh = sh;
		t[i].e = get_enctype(test, supported[i % ARRAY_SIZE(supported)]);
		t[i].seed = 1000 * (i + 1);
		init_completion(&t[i].done);
		task = kthread_run(stress_fn, &t[i], "krb5ap-stress/%u", i);
		if (IS_ERR(task)) {
			KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(task));
			complete(&t[i].done);
		}
	}
	for (i = 0; i < STRESS_THREADS; i++)
		wait_for_completion(&t[i].done);
	WRITE_ONCE(sh->stop, true);
	del_timer_sync(&sh->timer);

	KUNIT_EXPECT_EQ(test, atomic_read(&sh->failures), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&sh->timer_runs), 0);
	kunit_info(test, "%d softirq decryptions ran alongside %u threads\n",
		   atomic_read(&sh->timer_runs), STRESS_THREADS);
}

static void drivers_test(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < KRB5AP_CIPHER_NR; i++) {
		KUNIT_EXPECT_STRNEQ(test, krb5ap_cipher_driver(i), "");
		kunit_info(test, "cipher %u: %s\n", i, krb5ap_cipher_driver(i));
	}
	for (i = 0; i < KRB5AP_MAC_NR; i++) {
		KUNIT_EXPECT_STRNEQ(test, krb5ap_mac_driver(i), "");
		kunit_info(test, "mac %u: %s\n", i, krb5ap_mac_driver(i));
	}
}

static struct kunit_case krb5ap_crypto_ops_cases[] = {
	KUNIT_CASE(table_test),
	KUNIT_CASE(drivers_test),
	KUNIT_CASE_PARAM(refused_test, refused_gen_params),
	KUNIT_CASE_PARAM(decrypt_good_test, etype_gen_params),
	KUNIT_CASE_PARAM(decrypt_flip_test, etype_gen_params),
	KUNIT_CASE_PARAM(decrypt_short_test, etype_gen_params),
	KUNIT_CASE_PARAM(decrypt_wrong_usage_key_test, etype_gen_params),
	KUNIT_CASE_PARAM(decrypt_enctype_mismatch_test, etype_gen_params),
	KUNIT_CASE_PARAM(encrypt_layout_test, etype_gen_params),
	KUNIT_CASE_PARAM(mic_negative_test, etype_gen_params),
	KUNIT_CASE(no_alloc_probe_test),
	KUNIT_CASE_PARAM(no_alloc_test, etype_gen_params),
	KUNIT_CASE(prepare_counts_test),
	KUNIT_CASE(concurrency_test),
	KUNIT_CASE_PARAM(round_trip_test, rt_gen_params),
	{}
};

static struct kunit_suite krb5ap_crypto_ops_suite = {
	.name = "krb5ap_crypto_ops",
	.test_cases = krb5ap_crypto_ops_cases,
};

kunit_test_suites(&krb5ap_crypto_ops_suite);
