// SPDX-License-Identifier: GPL-2.0
/*
 * The table of encryption types krb5ap accepts.  Everything not listed here
 * (single DES, 3DES, RC4-HMAC and its export variant) is refused: those
 * enctypes are deprecated (RFC 6649, RFC 8429) and their unkeyed or MD5-based
 * checksums have a history of forgeries.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>

#include "enctype.h"

static const struct krb5ap_enctype krb5ap_enctypes[] = {
	{
		.etype = KRB5AP_ENCTYPE_AES256_CTS_HMAC_SHA384_192,
		.ctype = 20,	/* hmac-sha384-192-aes256 */
		.name = "aes256-cts-hmac-sha384-192",
		.key_bytes = 32,
	}, {
		.etype = KRB5AP_ENCTYPE_AES128_CTS_HMAC_SHA256_128,
		.ctype = 19,	/* hmac-sha256-128-aes128 */
		.name = "aes128-cts-hmac-sha256-128",
		.key_bytes = 16,
	}, {
		.etype = KRB5AP_ENCTYPE_AES256_CTS_HMAC_SHA1_96,
		.ctype = 16,	/* hmac-sha1-96-aes256 */
		.name = "aes256-cts-hmac-sha1-96",
		.key_bytes = 32,
	}, {
		.etype = KRB5AP_ENCTYPE_AES128_CTS_HMAC_SHA1_96,
		.ctype = 15,	/* hmac-sha1-96-aes128 */
		.name = "aes128-cts-hmac-sha1-96",
		.key_bytes = 16,
	}, {
		.etype = KRB5AP_ENCTYPE_CAMELLIA256_CTS_CMAC,
		.ctype = 18,	/* cmac-camellia256 */
		.name = "camellia256-cts-cmac",
		.key_bytes = 32,
	}, {
		.etype = KRB5AP_ENCTYPE_CAMELLIA128_CTS_CMAC,
		.ctype = 17,	/* cmac-camellia128 */
		.name = "camellia128-cts-cmac",
		.key_bytes = 16,
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
