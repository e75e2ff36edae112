/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types of the known-answer vectors used by krb5ap's KUnit crypto suites.
 *
 * The data live in generated or re-typed headers that include this one:
 *   crypto_mit_vectors.h       - made by MIT krb5 (tests/fixtures/crypto/gen)
 *   crypto_t_decrypt_vectors.h - MIT's published t_decrypt.c figures
 *
 * Every pointer is non-NULL, even when its length is zero.
 */
#ifndef KRB5AP_TESTS_CRYPTO_VECTORS_H
#define KRB5AP_TESTS_CRYPTO_VECTORS_H

#include <linux/types.h>

/* One encryption made by MIT krb5_c_encrypt, or one t_decrypt.c case. */
struct krb5ap_crypto_vector {
	const char *desc;
	u32 enctype;
	u32 usage;
	const u8 *key;
	unsigned int key_len;
	const u8 *plain;
	unsigned int plain_len;
	const u8 *cipher;
	unsigned int cipher_len;
};

/*
 * One checksum made by MIT krb5_c_make_checksum with the enctype's
 * mandatory checksum type.
 */
struct krb5ap_cksum_vector {
	const char *desc;
	u32 enctype;
	u32 cksumtype;
	u32 usage;
	const u8 *key;
	unsigned int key_len;
	const u8 *data;
	unsigned int data_len;
	const u8 *cksum;
	unsigned int cksum_len;
};

#endif /* KRB5AP_TESTS_CRYPTO_VECTORS_H */
