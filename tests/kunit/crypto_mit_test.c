// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: ciphertexts and checksums made by MIT krb5 decrypt and verify in
 * krb5ap, on both the per-message (pool) and the prepared-key paths.
 *
 *   crypto_mit_vectors.h        made with MIT's krb5_c_encrypt and
 *                               krb5_c_make_checksum (tests/fixtures/crypto)
 *   crypto_t_decrypt_vectors.h  MIT's published decryption vectors
 *                               (src/lib/crypto/crypto_tests/t_decrypt.c)
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cryptopool.h"
#include "enctype.h"
#include "crypto_mit_vectors.h"
#include "crypto_t_decrypt_vectors.h"

/* KTAP reads '#' after a test name as a directive: spell it out. */
static void copy_desc(const char *s, char *desc)
{
	size_t n = 0;

	for (; *s && n + 6 < KUNIT_PARAM_DESC_SIZE; s++) {
		if (*s == '#') {
			memcpy(desc + n, "case ", 5);
			n += 5;
		} else {
			desc[n++] = *s;
		}
	}
	desc[n] = '\0';
}

static void enc_desc(const struct krb5ap_crypto_vector *v, char *desc)
{
	copy_desc(v->desc, desc);
}

static void cksum_desc(const struct krb5ap_cksum_vector *v, char *desc)
{
	copy_desc(v->desc, desc);
}

static void free_enc_action(void *k)
{
	krb5ap_free_encryption(k);
}

static void free_mic_action(void *k)
{
	krb5ap_free_checksum(k);
}

KUNIT_ARRAY_PARAM(mit_enc, krb5ap_mit_enc_vectors, enc_desc);
KUNIT_ARRAY_PARAM(t_decrypt, krb5ap_t_decrypt_vectors, enc_desc);
KUNIT_ARRAY_PARAM(mit_cksum, krb5ap_mit_cksum_vectors, cksum_desc);

static void decrypt_vector(struct kunit *test,
			   const struct krb5ap_crypto_vector *v)
{
	const struct krb5ap_enctype *e = krb5ap_find_enctype(v->enctype);
	struct krb5ap_enc_key *k;
	size_t off, len;
	u8 *buf;

	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_EQ(test, v->key_len, e->key_bytes);
	KUNIT_ASSERT_EQ(test, v->cipher_len,
			e->conf_len + v->plain_len + e->cksum_len);
	buf = kunit_kmalloc(test, v->cipher_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	memcpy(buf, v->cipher, v->cipher_len);
	KUNIT_ASSERT_EQ(test, krb5ap_session_decrypt(e, v->key, v->key_len,
						     v->usage, buf,
						     v->cipher_len, &off, &len),
			0);
	KUNIT_EXPECT_EQ(test, off, (size_t)e->conf_len);
	KUNIT_ASSERT_EQ(test, len, (size_t)v->plain_len);
	KUNIT_EXPECT_MEMEQ(test, buf + off, v->plain, v->plain_len);

	k = krb5ap_prepare_encryption(e, v->key, v->key_len, v->usage);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, free_enc_action,
							k), 0);
	memcpy(buf, v->cipher, v->cipher_len);
	KUNIT_EXPECT_EQ(test, krb5ap_decrypt(k, buf, v->cipher_len, &off,
					     &len), 0);
	KUNIT_EXPECT_EQ(test, len, (size_t)v->plain_len);
	KUNIT_EXPECT_MEMEQ(test, buf + off, v->plain, v->plain_len);

	/* Re-encrypting with MIT's confounder gives MIT's ciphertext back. */
	memcpy(buf, v->cipher, v->cipher_len);
	KUNIT_ASSERT_EQ(test, krb5ap_decrypt(k, buf, v->cipher_len, &off,
					     &len), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_encrypt(k, buf, v->cipher_len, off, len,
					     true), (ssize_t)v->cipher_len);
	KUNIT_EXPECT_MEMEQ(test, buf, v->cipher, v->cipher_len);
}

static void mit_enc_test(struct kunit *test)
{
	decrypt_vector(test, test->param_value);
}

static void t_decrypt_test(struct kunit *test)
{
	decrypt_vector(test, test->param_value);
}

static void mit_cksum_test(struct kunit *test)
{
	const struct krb5ap_cksum_vector *v = test->param_value;
	const struct krb5ap_enctype *e = krb5ap_find_enctype(v->enctype);
	u8 mic[KRB5AP_MAX_MAC_LEN];
	struct krb5ap_mic_key *k;

	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, v->cksumtype, e->ctype);
	KUNIT_ASSERT_EQ(test, v->cksum_len, e->cksum_len);

	memset(mic, 0, sizeof(mic));
	KUNIT_ASSERT_EQ(test, krb5ap_session_get_mic(e, v->key, v->key_len,
						     v->usage, v->data,
						     v->data_len, mic,
						     sizeof(mic)), 0);
	KUNIT_EXPECT_MEMEQ(test, mic, v->cksum, v->cksum_len);
	KUNIT_EXPECT_EQ(test, krb5ap_session_verify_mic(e, v->key, v->key_len,
							v->usage, v->data,
							v->data_len, v->cksum,
							v->cksum_len), 0);

	k = krb5ap_prepare_checksum(e, v->key, v->key_len, v->usage);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, k);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, free_mic_action,
							k), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_verify_mic(k, v->data, v->data_len,
						v->cksum, v->cksum_len), 0);
	memset(mic, 0, sizeof(mic));
	KUNIT_EXPECT_EQ(test, krb5ap_get_mic(k, v->data, v->data_len, mic,
					     sizeof(mic)), 0);
	KUNIT_EXPECT_MEMEQ(test, mic, v->cksum, v->cksum_len);
}

static struct kunit_case krb5ap_crypto_mit_cases[] = {
	KUNIT_CASE_PARAM(t_decrypt_test, t_decrypt_gen_params),
	KUNIT_CASE_PARAM(mit_enc_test, mit_enc_gen_params),
	KUNIT_CASE_PARAM(mit_cksum_test, mit_cksum_gen_params),
	{}
};

static struct kunit_suite krb5ap_crypto_mit_suite = {
	.name = "krb5ap_crypto_mit",
	.test_cases = krb5ap_crypto_mit_cases,
};

kunit_test_suites(&krb5ap_crypto_mit_suite);
