// SPDX-License-Identifier: GPL-2.0
/*
 * Names for the numbers krb5ap reports.  Kerberos error codes are RFC 4120
 * section 7.5.9's, or MIT krb5's code minus ERROR_TABLE_BASE_krb5 where
 * RFC 4120 has none (the kernel's kmod/krb5ap.h uses the same numbers).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "names.h"

struct krb_error {
	unsigned int code;
	const char *name;
	const char *text;
};

static const struct krb_error krb_errors[] = {
	{ 0, "KDC_ERR_NONE", "No error" },
	{ 1, "KDC_ERR_NAME_EXP", "Client's entry in database has expired" },
	{ 2, "KDC_ERR_SERVICE_EXP", "Server's entry in database has expired" },
	{ 3, "KDC_ERR_BAD_PVNO", "Requested protocol version number not supported" },
	{ 6, "KDC_ERR_C_PRINCIPAL_UNKNOWN", "Client not found in Kerberos database" },
	{ 7, "KDC_ERR_S_PRINCIPAL_UNKNOWN", "Server not found in Kerberos database" },
	{ 9, "KDC_ERR_NULL_KEY", "The client or server has a null key" },
	{ 12, "KDC_ERR_POLICY", "KDC policy rejects request" },
	{ 13, "KDC_ERR_BADOPTION", "KDC cannot accommodate requested option" },
	{ 14, "KDC_ERR_ETYPE_NOSUPP", "The encryption type is not supported or not allowed" },
	{ 15, "KDC_ERR_SUMTYPE_NOSUPP", "The checksum type is not supported" },
	{ 31, "KRB_AP_ERR_BAD_INTEGRITY", "Integrity check on decrypted field failed (wrong key, or a modified token)" },
	{ 32, "KRB_AP_ERR_TKT_EXPIRED", "The ticket has expired" },
	{ 33, "KRB_AP_ERR_TKT_NYV", "The ticket is not yet valid" },
	{ 34, "KRB_AP_ERR_REPEAT", "The request is a replay" },
	{ 35, "KRB_AP_ERR_NOT_US", "The ticket is not for us" },
	{ 36, "KRB_AP_ERR_BADMATCH", "The ticket and the authenticator do not match" },
	{ 37, "KRB_AP_ERR_SKEW", "The clock skew is too great" },
	{ 38, "KRB_AP_ERR_BADADDR", "Incorrect network address" },
	{ 39, "KRB_AP_ERR_BADVERSION", "Protocol version mismatch" },
	{ 40, "KRB_AP_ERR_MSG_TYPE", "Invalid message type" },
	{ 41, "KRB_AP_ERR_MODIFIED", "The message stream was modified" },
	{ 42, "KRB_AP_ERR_BADORDER", "Message out of order" },
	{ 43, "KRB_AP_ERR_ILL_CR_TKT", "Illegal cross-realm ticket" },
	{ 44, "KRB_AP_ERR_BADKEYVER", "The key version of the ticket is not available" },
	{ 45, "KRB_AP_ERR_NOKEY", "No service key is available for the ticket" },
	{ 46, "KRB_AP_ERR_MUT_FAIL", "Mutual authentication failed" },
	{ 47, "KRB_AP_ERR_BADDIRECTION", "Incorrect message direction" },
	{ 48, "KRB_AP_ERR_METHOD", "Alternative authentication method required" },
	{ 49, "KRB_AP_ERR_BADSEQ", "Incorrect sequence number in message" },
	{ 50, "KRB_AP_ERR_INAPP_CKSUM", "Inappropriate type of checksum in message" },
	{ 51, "KRB_AP_PATH_NOT_ACCEPTED", "Policy rejects the transited path" },
	{ 52, "KRB_ERR_RESPONSE_TOO_BIG", "Response too big for UDP, retry with TCP" },
	{ 60, "KRB_ERR_GENERIC", "Generic error" },
	{ 61, "KRB_ERR_FIELD_TOOLONG", "A field is too long for this implementation" },
	{ 69, "KRB_AP_ERR_USER_TO_USER_REQUIRED", "User-to-user authentication is required" },
	{ 145, "KRB_AP_ERR_TKT_INVALID", "The ticket has the invalid flag set" },
	{ 188, "KRB5_BAD_ENCTYPE", "Bad encryption type" },
	{ 189, "KRB5_BAD_KEYSIZE", "The key size is incompatible with the encryption type" },
};

static const struct krb_error *krb_error_find(unsigned int code)
{
	size_t i;

	for (i = 0; i < sizeof(krb_errors) / sizeof(krb_errors[0]); i++)
		if (krb_errors[i].code == code)
			return &krb_errors[i];
	return NULL;
}

/* "KRB_AP_ERR_BAD_INTEGRITY" for 31; NULL for a code without a name. */
const char *krb_error_name(unsigned int code)
{
	const struct krb_error *e = krb_error_find(code);

	return e ? e->name : NULL;
}

/* A sentence for @code; NULL for a code without a name. */
const char *krb_error_text(unsigned int code)
{
	const struct krb_error *e = krb_error_find(code);

	return e ? e->text : NULL;
}

/* "KRB_AP_ERR_REPEAT (34): The request is a replay" */
void krb_error_describe(unsigned int code, char *buf, size_t size)
{
	const struct krb_error *e = krb_error_find(code);

	if (e)
		snprintf(buf, size, "%s (%u): %s", e->name, code, e->text);
	else
		snprintf(buf, size, "Kerberos error %u", code);
}

struct enctype {
	uint32_t etype;
	const char *name;
	unsigned int key_len;
};

/* The enctypes krb5ap supports, with MIT's names. */
static const struct enctype enctypes[] = {
	{ 17, "aes128-cts-hmac-sha1-96", 16 },
	{ 18, "aes256-cts-hmac-sha1-96", 32 },
	{ 19, "aes128-cts-hmac-sha256-128", 16 },
	{ 20, "aes256-cts-hmac-sha384-192", 32 },
	{ 25, "camellia128-cts-cmac", 16 },
	{ 26, "camellia256-cts-cmac", 32 },
};

/* Names of enctypes krb5ap refuses, for messages about skipped keys. */
static const struct enctype other_enctypes[] = {
	{ 1, "des-cbc-crc", 0 },
	{ 3, "des-cbc-md5", 0 },
	{ 16, "des3-cbc-sha1", 0 },
	{ 23, "arcfour-hmac", 0 },
	{ 24, "arcfour-hmac-exp", 0 },
};

static const struct enctype *enctype_find(uint32_t etype)
{
	size_t i;

	for (i = 0; i < sizeof(enctypes) / sizeof(enctypes[0]); i++)
		if (enctypes[i].etype == etype)
			return &enctypes[i];
	return NULL;
}

/* MIT's name of a supported enctype; NULL otherwise. */
const char *enctype_name(uint32_t etype)
{
	const struct enctype *e = enctype_find(etype);

	return e ? e->name : NULL;
}

/* Key length of a supported enctype; 0 otherwise. */
unsigned int enctype_key_len(uint32_t etype)
{
	const struct enctype *e = enctype_find(etype);

	return e ? e->key_len : 0;
}

uint32_t enctypes_known_mask(void)
{
	uint32_t m = 0;
	size_t i;

	for (i = 0; i < sizeof(enctypes) / sizeof(enctypes[0]); i++)
		m |= 1U << enctypes[i].etype;
	return m;
}

/* "aes256-cts-hmac-sha1-96 (18)", "arcfour-hmac (23)" or "enctype 99" */
void enctype_describe(uint32_t etype, char *buf, size_t size)
{
	const struct enctype *e = enctype_find(etype);
	size_t i;

	for (i = 0; !e && i < sizeof(other_enctypes) / sizeof(other_enctypes[0]); i++)
		if (other_enctypes[i].etype == etype)
			e = &other_enctypes[i];
	if (e)
		snprintf(buf, size, "%s (%u)", e->name, etype);
	else
		snprintf(buf, size, "enctype %u", etype);
}

/*
 * One supported enctype by number ("18") or MIT name (any case), @len bytes
 * of @s.  Returns 0 or -EINVAL.
 */
int enctype_parse(const char *s, size_t len, uint32_t *etype)
{
	size_t i;

	if (len && isdigit((unsigned char)s[0])) {
		unsigned long v = 0;

		for (i = 0; i < len; i++) {
			if (!isdigit((unsigned char)s[i]) || v > 1000)
				return -EINVAL;
			v = v * 10 + (unsigned long)(s[i] - '0');
		}
		if (!enctype_find((uint32_t)v))
			return -EINVAL;
		*etype = (uint32_t)v;
		return 0;
	}
	for (i = 0; i < sizeof(enctypes) / sizeof(enctypes[0]); i++)
		if (strlen(enctypes[i].name) == len &&
		    !strncasecmp(enctypes[i].name, s, len)) {
			*etype = enctypes[i].etype;
			return 0;
		}
	return -EINVAL;
}

/*
 * A list of enctypes separated by commas or white space into a mask; like
 * the module parameter, every entry must be supported and the list must not
 * be empty.  Returns 0 or -EINVAL.
 */
int enctype_list_parse(const char *s, uint32_t *mask)
{
	const char *end;
	uint32_t m = 0, e;

	for (;;) {
		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		end = s;
		while (*end && *end != ',' && !isspace((unsigned char)*end))
			end++;
		if (enctype_parse(s, (size_t)(end - s), &e))
			return -EINVAL;
		m |= 1U << e;
		s = end;
	}
	if (!m)
		return -EINVAL;
	*mask = m;
	return 0;
}

/* Names of the enctypes in @mask, comma-separated, in number order. */
void enctype_list_format(uint32_t mask, char *buf, size_t size)
{
	size_t off = 0;
	uint32_t n;
	int len;

	if (!size)
		return;
	buf[0] = '\0';
	for (n = 0; n < 32; n++) {
		const char *name;
		char num[16];

		if (!(mask & (1U << n)))
			continue;
		name = enctype_name(n);
		if (!name) {
			snprintf(num, sizeof(num), "%u", n);
			name = num;
		}
		len = snprintf(buf + off, size - off, "%s%s", off ? "," : "", name);
		if (len < 0 || (size_t)len >= size - off)
			return;
		off += (size_t)len;
	}
}

/* Write the names of the bits set in @flags, bit n being 1 << (31 - n). */
static void flags_format(uint32_t flags, const char *const *names,
			 unsigned int count, char *buf, size_t size)
{
	size_t off = 0;
	unsigned int n;
	int len;

	if (!size)
		return;
	buf[0] = '\0';
	for (n = 0; n < 32; n++) {
		uint32_t bit = 0x80000000U >> n;
		char num[16];
		const char *name;

		if (!(flags & bit))
			continue;
		name = n < count ? names[n] : NULL;
		if (!name) {
			snprintf(num, sizeof(num), "bit%u", n);
			name = num;
		}
		len = snprintf(buf + off, size - off, "%s%s", off ? " " : "", name);
		if (len < 0 || (size_t)len >= size - off)
			return;
		off += (size_t)len;
	}
}

/* RFC 4120 TicketFlags, in MIT's krb5_flags layout. */
void ticket_flags_format(uint32_t flags, char *buf, size_t size)
{
	static const char *const names[] = {
		NULL, "forwardable", "forwarded", "proxiable", "proxy",
		"may-postdate", "postdated", "invalid", "renewable", "initial",
		"pre-authent", "hw-authent", "transited-policy-checked",
		"ok-as-delegate", NULL, "enc-pa-rep", "anonymous",
	};

	flags_format(flags, names, sizeof(names) / sizeof(names[0]), buf, size);
}

/* GSS flags of the RFC 4121 checksum (GSS_C_*_FLAG, bit 0 = 1). */
void gss_flags_format(uint32_t flags, char *buf, size_t size)
{
	static const char *const names[] = {
		"deleg", "mutual", "replay", "sequence", "conf", "integ",
		"anon", NULL, NULL, NULL, NULL, NULL, "dce-style", "identify",
		"extended-error",
	};
	size_t off = 0;
	unsigned int n;
	int len;

	if (!size)
		return;
	buf[0] = '\0';
	for (n = 0; n < 32; n++) {
		const char *name;
		char num[16];

		if (!(flags & (1U << n)))
			continue;
		name = n < sizeof(names) / sizeof(names[0]) ? names[n] : NULL;
		if (!name) {
			snprintf(num, sizeof(num), "0x%x", 1U << n);
			name = num;
		}
		len = snprintf(buf + off, size - off, "%s%s", off ? " " : "", name);
		if (len < 0 || (size_t)len >= size - off)
			return;
		off += (size_t)len;
	}
}

/* "EBADMSG" for EBADMSG; "E<n>" when the C library has no name. */
const char *errno_name(int err, char *buf, size_t size)
{
	const char *name = strerrorname_np(err);

	if (name)
		return name;
	snprintf(buf, size, "E%d", err);
	return buf;
}
