/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kerberos encryption types (RFC 3961 profiles) known to krb5ap.
 */
#ifndef _KRB5AP_ENCTYPE_H
#define _KRB5AP_ENCTYPE_H

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

/**
 * struct krb5ap_enctype - one supported encryption type
 * @etype: enctype number
 * @ctype: number of the enctype's mandatory checksum type
 * @name: MIT's canonical name, as used in krb5.conf and by ktutil
 * @key_bytes: length of the protocol key
 */
struct krb5ap_enctype {
	u32 etype;
	u32 ctype;
	const char *name;
	unsigned int key_bytes;
};

const struct krb5ap_enctype *krb5ap_find_enctype(u32 etype);
const struct krb5ap_enctype *krb5ap_find_enctype_by_name(const char *name,
							 size_t len);
u32 krb5ap_supported_enctypes(void);

#endif /* _KRB5AP_ENCTYPE_H */
