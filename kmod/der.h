/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small, strict DER reader and writer for the Kerberos messages
 * (X.690 DER as profiled by RFC 4120 section 5).  See Documentation/der.rst.
 *
 * Errors (negative errno values):
 *   -EBADMSG    not DER, or not the element expected: indefinite or
 *               non-minimal length, high-tag-number form, non-minimal
 *               INTEGER, wrong tag, class or form, missing field, fields out
 *               of order, invalid time, string or bit string contents
 *   -ENODATA    truncated: a header or contents run past the enclosing
 *               element or the buffer
 *   -ENOTEMPTY  bytes left over where the grammar allows none
 *   -ELOOP      nesting deeper than KRB5AP_DER_MAX_DEPTH
 *   -EMSGSIZE   a length needs more than 4 length octets, or a string is
 *               longer than KRB5AP_DER_STRING_MAX
 *   -ERANGE     an INTEGER or time outside the range of its field
 *   -ENOSPC     (writer) the output buffer is too small
 */
#ifndef _KRB5AP_DER_H
#define _KRB5AP_DER_H

#include "shim.h"

/* Identifier octets (low-tag-number form only: every tag we use is < 31). */
#define KRB5AP_DER_CLASS_MASK		0xc0
#define KRB5AP_DER_UNIVERSAL		0x00
#define KRB5AP_DER_APPLICATION		0x40
#define KRB5AP_DER_CONTEXT		0x80
#define KRB5AP_DER_CONSTRUCTED		0x20
#define KRB5AP_DER_NUMBER_MASK		0x1f

#define KRB5AP_DER_BOOLEAN		0x01
#define KRB5AP_DER_INTEGER		0x02
#define KRB5AP_DER_BIT_STRING		0x03
#define KRB5AP_DER_OCTET_STRING		0x04
#define KRB5AP_DER_NULL			0x05
#define KRB5AP_DER_OID			0x06
#define KRB5AP_DER_GENERALIZED_TIME	0x18
#define KRB5AP_DER_GENERAL_STRING	0x1b
#define KRB5AP_DER_SEQUENCE		0x30

/* [APPLICATION n] and [n] EXPLICIT: always constructed. */
#define KRB5AP_DER_APP(n)	(KRB5AP_DER_APPLICATION | KRB5AP_DER_CONSTRUCTED | (n))
#define KRB5AP_DER_CTX(n)	(KRB5AP_DER_CONTEXT | KRB5AP_DER_CONSTRUCTED | (n))

/*
 * Deepest element accepted, counting the outermost as 1.  A constructed
 * element is refused at this depth, even when empty: its contents would
 * be deeper.
 */
#define KRB5AP_DER_MAX_DEPTH		16
/* Longest KerberosString accepted (realms, name components). */
#define KRB5AP_DER_STRING_MAX		1024
/* Length of a KerberosTime: "YYYYMMDDHHMMSSZ". */
#define KRB5AP_DER_TIME_LEN		15
/* KerberosTime range: 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
#define KRB5AP_DER_TIME_MIN		(-62167219200LL)
#define KRB5AP_DER_TIME_MAX		253402300799LL

/**
 * struct krb5ap_buf - a byte range inside the input (never a copy)
 * @data: first byte
 * @len: number of bytes
 */
struct krb5ap_buf {
	const u8 *data;
	size_t len;
};

/**
 * struct krb5ap_der - a reader over the contents of one element
 * @p: next unread byte
 * @end: one past the last byte of the contents
 * @depth: nesting depth of the elements this reader returns (1 at the top)
 *
 * A reader never looks outside [@p, @end).  Entering a constructed element
 * gives a new reader, on the caller's stack, one level deeper.
 */
struct krb5ap_der {
	const u8 *p;
	const u8 *end;
	unsigned int depth;
};

/**
 * struct krb5ap_der_writer - writes DER backwards into a caller's buffer
 * @buf: start of the buffer (may be NULL when @size is 0)
 * @size: size of the buffer
 * @len: bytes of encoding so far; they end at @buf + @size
 * @err: first error (sticky): -ENOSPC or -ERANGE
 *
 * Contents are written before their header, so every length is known when
 * its header is written.  @len keeps counting when the buffer is too
 * small, so a first pass with @size 0 gives the size needed.
 */
struct krb5ap_der_writer {
	u8 *buf;
	size_t size;
	size_t len;
	int err;
};

void krb5ap_der_init(struct krb5ap_der *d, const u8 *buf, size_t len);
bool krb5ap_der_at_end(const struct krb5ap_der *d);
int krb5ap_der_peek(const struct krb5ap_der *d);
int krb5ap_der_read(struct krb5ap_der *d, u8 *tag, struct krb5ap_buf *val);
int krb5ap_der_enter(struct krb5ap_der *d, u8 tag, struct krb5ap_der *inner);
int krb5ap_der_enter_opt(struct krb5ap_der *d, u8 tag,
			 struct krb5ap_der *inner);
int krb5ap_der_end(const struct krb5ap_der *d);
int krb5ap_der_skip(struct krb5ap_der *d);
int krb5ap_der_end_seq(struct krb5ap_der *d, unsigned int nfields);
int krb5ap_der_validate(const u8 *buf, size_t len);

int krb5ap_der_get_int(struct krb5ap_der *d, s64 *val);
int krb5ap_der_get_int32(struct krb5ap_der *d, s32 *val);
int krb5ap_der_get_uint32(struct krb5ap_der *d, u32 *val);
int krb5ap_der_get_octets(struct krb5ap_der *d, struct krb5ap_buf *val);
int krb5ap_der_get_string(struct krb5ap_der *d, struct krb5ap_buf *val);
int krb5ap_der_get_time(struct krb5ap_der *d, time64_t *val);
int krb5ap_der_get_flags(struct krb5ap_der *d, u32 *val);

int krb5ap_der_parse_time(const u8 *s, size_t len, time64_t *val);
int krb5ap_der_format_time(time64_t t, u8 *s);

void krb5ap_der_writer_init(struct krb5ap_der_writer *w, u8 *buf,
			    size_t size);
void krb5ap_der_put_bytes(struct krb5ap_der_writer *w, const void *data,
			  size_t len);
void krb5ap_der_put_header(struct krb5ap_der_writer *w, u8 tag, size_t len);
void krb5ap_der_wrap(struct krb5ap_der_writer *w, u8 tag, size_t mark);
void krb5ap_der_put_int(struct krb5ap_der_writer *w, s64 val);
void krb5ap_der_put_octets(struct krb5ap_der_writer *w, const void *data,
			   size_t len);
void krb5ap_der_put_string(struct krb5ap_der_writer *w, const void *data,
			   size_t len);
void krb5ap_der_put_time(struct krb5ap_der_writer *w, time64_t t);
void krb5ap_der_put_flags(struct krb5ap_der_writer *w, u32 flags);
int krb5ap_der_writer_finish(struct krb5ap_der_writer *w, size_t *len);

/**
 * krb5ap_der_mark() - remember where an element's contents end
 * @w: writer
 *
 * Return: a mark for krb5ap_der_wrap(), taken before writing the contents.
 */
static inline size_t krb5ap_der_mark(const struct krb5ap_der_writer *w)
{
	return w->len;
}

#endif /* _KRB5AP_DER_H */
