// SPDX-License-Identifier: GPL-2.0
/*
 * A strict DER reader and writer, just big enough for RFC 4120 messages.
 *
 * Reading: every element is a tag octet (low-tag-number form), a definite
 * length in its shortest form (at most 4 length octets) and contents that
 * lie inside the enclosing element.  Every length is compared with the
 * bytes left before any pointer arithmetic uses it.  Nothing recurses on
 * the input: the message decoders follow the fixed RFC 4120 grammar, and
 * the one generic walk (skipping unknown fields) keeps an explicit stack
 * bounded by KRB5AP_DER_MAX_DEPTH.
 *
 * Writing: backwards from the end of the caller's buffer, so each header is
 * written after its contents and their length is known; no allocation.
 */
#include "shim.h"
#include "der.h"

/* One parsed TLV header. */
struct der_tlv {
	u8 tag;
	size_t hdr;	/* identifier and length octets */
	size_t len;	/* contents */
};

/*
 * Parse the header of the element at @p, which must lie within @end.
 * On success the whole element (header and contents) fits before @end.
 */
static int der_parse(const u8 *p, const u8 *end, struct der_tlv *t)
{
	size_t avail = end - p;
	size_t n, i, len;

	if (avail < 1)
		return -ENODATA;
	if ((p[0] & KRB5AP_DER_NUMBER_MASK) == KRB5AP_DER_NUMBER_MASK)
		return -EBADMSG;	/* high-tag-number form */
	if (avail < 2)
		return -ENODATA;
	n = 0;
	len = p[1];
	if (p[1] == 0x80)
		return -EBADMSG;	/* indefinite length: BER only */
	if (p[1] == 0xff)
		return -EBADMSG;	/* reserved (X.690 8.1.3.5 c) */
	if (p[1] > 0x80) {
		n = p[1] & 0x7f;
		if (n > 4)
			return -EMSGSIZE;
		if (avail - 2 < n)
			return -ENODATA;
		if (p[2] == 0)
			return -EBADMSG;	/* leading zero octet */
		len = 0;
		for (i = 0; i < n; i++)
			len = (len << 8) | p[2 + i];
		if (len < 0x80)
			return -EBADMSG;	/* short form was required */
	}
	if (len > avail - 2 - n)
		return -ENODATA;
	t->tag = p[0];
	t->hdr = 2 + n;
	t->len = len;
	return 0;
}

/*
 * Rules on the form of universal types: SEQUENCE and SET are constructed,
 * everything else primitive (DER forbids constructed strings); tag 0 is
 * the BER end-of-contents marker.
 */
static int der_check_universal(u8 tag)
{
	u8 num = tag & KRB5AP_DER_NUMBER_MASK;
	bool cons = tag & KRB5AP_DER_CONSTRUCTED;

	if ((tag & KRB5AP_DER_CLASS_MASK) != KRB5AP_DER_UNIVERSAL)
		return 0;
	if (num == 0)
		return -EBADMSG;
	if (num == 0x10 || num == 0x11)
		return cons ? 0 : -EBADMSG;
	return cons ? -EBADMSG : 0;
}

/* Contents rules of the primitive types the walk knows. */
static int der_check_primitive(u8 tag, const u8 *c, size_t len)
{
	switch (tag) {
	case KRB5AP_DER_BOOLEAN:
		if (len != 1 || (c[0] != 0 && c[0] != 0xff))
			return -EBADMSG;
		return 0;
	case KRB5AP_DER_INTEGER:
		if (len == 0)
			return -EBADMSG;
		if (len > 1 && ((c[0] == 0 && !(c[1] & 0x80)) ||
				(c[0] == 0xff && (c[1] & 0x80))))
			return -EBADMSG;
		return 0;
	case KRB5AP_DER_NULL:
		return len ? -EBADMSG : 0;
	default:
		return 0;
	}
}

/**
 * krb5ap_der_init() - start reading a buffer
 * @d: reader to set up
 * @buf: the encoding
 * @len: its length
 *
 * Elements read directly from @d are at depth 1.
 */
void krb5ap_der_init(struct krb5ap_der *d, const u8 *buf, size_t len)
{
	d->p = buf;
	d->end = buf + len;
	d->depth = 1;
}

/**
 * krb5ap_der_at_end() - whether a reader has no bytes left
 * @d: reader
 *
 * Return: true when every byte of the reader's range was consumed.
 */
bool krb5ap_der_at_end(const struct krb5ap_der *d)
{
	return d->p == d->end;
}

/**
 * krb5ap_der_peek() - identifier octet of the next element
 * @d: reader
 *
 * Only the identifier octet is looked at; the element is checked when it
 * is read.
 *
 * Return: the identifier octet (0-255), or -ENODATA at the end.
 */
int krb5ap_der_peek(const struct krb5ap_der *d)
{
	if (d->p == d->end)
		return -ENODATA;
	return d->p[0];
}

/**
 * krb5ap_der_read() - read the next element, whatever its tag
 * @d: reader; advanced past the element on success
 * @tag: its identifier octet
 * @val: its contents
 *
 * Return: 0 or a negative errno (see der.h).
 */
int krb5ap_der_read(struct krb5ap_der *d, u8 *tag, struct krb5ap_buf *val)
{
	struct der_tlv t;
	int ret;

	ret = der_parse(d->p, d->end, &t);
	if (ret)
		return ret;
	ret = der_check_universal(t.tag);
	if (ret)
		return ret;
	*tag = t.tag;
	val->data = d->p + t.hdr;
	val->len = t.len;
	d->p += t.hdr + t.len;
	return 0;
}

/* Read the next element, which must carry @tag. */
static int der_expect(struct krb5ap_der *d, u8 tag, struct krb5ap_buf *val)
{
	struct krb5ap_buf v;
	u8 got;
	int ret;

	if (d->p == d->end)
		return -EBADMSG;	/* a required element is missing */
	if (d->p[0] != tag)
		return -EBADMSG;
	ret = krb5ap_der_read(d, &got, &v);
	if (ret)
		return ret;
	*val = v;
	return 0;
}

/**
 * krb5ap_der_enter() - read a constructed element and read inside it
 * @d: reader; advanced past the element on success
 * @tag: identifier octet required (e.g. KRB5AP_DER_SEQUENCE)
 * @inner: reader over the element's contents, one level deeper
 *
 * Return: 0, -EBADMSG when the next element is missing or has another
 * tag, -ELOOP when @inner would be deeper than KRB5AP_DER_MAX_DEPTH, or
 * another negative errno for a malformed header.
 */
int krb5ap_der_enter(struct krb5ap_der *d, u8 tag, struct krb5ap_der *inner)
{
	struct krb5ap_buf v;
	int ret;

	if (!(tag & KRB5AP_DER_CONSTRUCTED))
		return -EINVAL;
	if (d->depth >= KRB5AP_DER_MAX_DEPTH)
		return -ELOOP;
	ret = der_expect(d, tag, &v);
	if (ret)
		return ret;
	inner->p = v.data;
	inner->end = v.data + v.len;
	inner->depth = d->depth + 1;
	return 0;
}

/**
 * krb5ap_der_enter_opt() - krb5ap_der_enter() for an OPTIONAL element
 * @d: reader
 * @tag: identifier octet of the optional element
 * @inner: reader over its contents when present
 *
 * Return: 1 when the element was present and entered, 0 when the next
 * element has another tag or there is none, or a negative errno.
 */
int krb5ap_der_enter_opt(struct krb5ap_der *d, u8 tag,
			 struct krb5ap_der *inner)
{
	int ret;

	if (krb5ap_der_peek(d) != tag)
		return 0;
	ret = krb5ap_der_enter(d, tag, inner);
	return ret ? ret : 1;
}

/**
 * krb5ap_der_end() - check that a reader was consumed entirely
 * @d: reader
 *
 * Return: 0, or -ENOTEMPTY when bytes are left.
 */
int krb5ap_der_end(const struct krb5ap_der *d)
{
	return d->p == d->end ? 0 : -ENOTEMPTY;
}

/*
 * Walk one complete element starting at *@pp within @end, checking the
 * header of every element nested in it, and return with *@pp past it.
 * @depth is the depth of that element.  The walk keeps its own stack of
 * container ends, so input can make it neither recurse nor go deeper than
 * KRB5AP_DER_MAX_DEPTH.
 */
static int der_walk(const u8 **pp, const u8 *end, unsigned int depth)
{
	const u8 *stack[KRB5AP_DER_MAX_DEPTH];
	const u8 *p = *pp, *lim = end;
	unsigned int sp = 0;
	struct der_tlv t;
	int ret;

	do {
		if (depth + sp > KRB5AP_DER_MAX_DEPTH)
			return -ELOOP;
		ret = der_parse(p, lim, &t);
		if (ret)
			return ret;
		ret = der_check_universal(t.tag);
		if (ret)
			return ret;
		if (t.tag & KRB5AP_DER_CONSTRUCTED) {
			/* Its contents would be one level deeper. */
			if (depth + sp + 1 > KRB5AP_DER_MAX_DEPTH ||
			    sp >= KRB5AP_DER_MAX_DEPTH)
				return -ELOOP;
			stack[sp++] = lim;
			lim = p + t.hdr + t.len;
			p += t.hdr;
		} else {
			ret = der_check_primitive(t.tag, p + t.hdr, t.len);
			if (ret)
				return ret;
			p += t.hdr + t.len;
		}
		while (sp > 0 && p == lim)
			lim = stack[--sp];
	} while (sp > 0);
	*pp = p;
	return 0;
}

/**
 * krb5ap_der_skip() - skip the next element after checking it is DER
 * @d: reader; advanced past the element on success
 *
 * The element and everything nested in it must be well-formed (definite
 * minimal lengths, nothing overrunning its container, primitive strings,
 * minimal INTEGERs, depth within KRB5AP_DER_MAX_DEPTH).
 *
 * Return: 0 or a negative errno (see der.h).
 */
int krb5ap_der_skip(struct krb5ap_der *d)
{
	return der_walk(&d->p, d->end, d->depth);
}

/**
 * krb5ap_der_end_seq() - finish a SEQUENCE, skipping extension fields
 * @d: reader over the SEQUENCE's contents, after its known fields
 * @nfields: number of fields the type defines, tagged [0] to [@nfields - 1]
 *
 * RFC 4120 types carry no extension marker, but MIT krb5 treats every
 * SEQUENCE as extensible and ignores fields it does not know.  krb5ap does
 * the same, strictly: what is left must be context-tagged constructed
 * fields numbered @nfields or higher, in increasing order, each of them
 * well-formed DER.  A known field number here means a duplicate or a field
 * out of order.
 *
 * Return: 0, -EBADMSG for a field out of order, -ENOTEMPTY for something
 * that is not a field, or another negative errno from the skipped field.
 */
int krb5ap_der_end_seq(struct krb5ap_der *d, unsigned int nfields)
{
	unsigned int next = nfields;
	int tag, ret;

	while (!krb5ap_der_at_end(d)) {
		tag = krb5ap_der_peek(d);
		if ((tag & (KRB5AP_DER_CLASS_MASK | KRB5AP_DER_CONSTRUCTED)) !=
		    (KRB5AP_DER_CONTEXT | KRB5AP_DER_CONSTRUCTED))
			return -ENOTEMPTY;
		if ((tag & KRB5AP_DER_NUMBER_MASK) < next)
			return -EBADMSG;
		next = (tag & KRB5AP_DER_NUMBER_MASK) + 1;
		ret = krb5ap_der_skip(d);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * krb5ap_der_validate() - check that a buffer is exactly one DER element
 * @buf: the encoding
 * @len: its length
 *
 * Return: 0, -ENOTEMPTY when bytes follow the element, or another negative
 * errno (see der.h).
 */
int krb5ap_der_validate(const u8 *buf, size_t len)
{
	struct krb5ap_der d;
	int ret;

	krb5ap_der_init(&d, buf, len);
	ret = krb5ap_der_skip(&d);
	if (ret)
		return ret;
	return krb5ap_der_end(&d);
}

/**
 * krb5ap_der_get_int() - read an INTEGER
 * @d: reader; advanced on success
 * @val: the value
 *
 * Return: 0, -EBADMSG for an empty or non-minimal encoding, -ERANGE when
 * the value does not fit 64 bits, or another negative errno.
 */
int krb5ap_der_get_int(struct krb5ap_der *d, s64 *val)
{
	struct krb5ap_der save = *d;
	struct krb5ap_buf v;
	size_t i;
	u64 u;
	int ret;

	ret = der_expect(d, KRB5AP_DER_INTEGER, &v);
	if (ret)
		return ret;
	ret = der_check_primitive(KRB5AP_DER_INTEGER, v.data, v.len);
	if (!ret && v.len > sizeof(u64))
		ret = -ERANGE;
	if (ret) {
		*d = save;
		return ret;
	}
	u = (v.data[0] & 0x80) ? ~0ULL : 0;
	for (i = 0; i < v.len; i++)
		u = (u << 8) | v.data[i];
	*val = (s64)u;
	return 0;
}

/**
 * krb5ap_der_get_int32() - read an INTEGER in the range of Int32
 * @d: reader; advanced on success
 * @val: the value
 *
 * Return: 0, -ERANGE outside -2^31..2^31-1, or another negative errno.
 */
int krb5ap_der_get_int32(struct krb5ap_der *d, s32 *val)
{
	struct krb5ap_der save = *d;
	s64 v;
	int ret;

	ret = krb5ap_der_get_int(d, &v);
	if (ret)
		return ret;
	if (v < S32_MIN || v > S32_MAX) {
		*d = save;
		return -ERANGE;
	}
	*val = v;
	return 0;
}

/**
 * krb5ap_der_get_uint32() - read an INTEGER in the range of UInt32
 * @d: reader; advanced on success
 * @val: the value
 *
 * Return: 0, -ERANGE outside 0..2^32-1, or another negative errno.
 */
int krb5ap_der_get_uint32(struct krb5ap_der *d, u32 *val)
{
	struct krb5ap_der save = *d;
	s64 v;
	int ret;

	ret = krb5ap_der_get_int(d, &v);
	if (ret)
		return ret;
	if (v < 0 || v > U32_MAX) {
		*d = save;
		return -ERANGE;
	}
	*val = v;
	return 0;
}

/**
 * krb5ap_der_get_octets() - read an OCTET STRING
 * @d: reader; advanced on success
 * @val: its contents, inside the input
 *
 * Return: 0 or a negative errno.
 */
int krb5ap_der_get_octets(struct krb5ap_der *d, struct krb5ap_buf *val)
{
	return der_expect(d, KRB5AP_DER_OCTET_STRING, val);
}

/**
 * krb5ap_der_get_string() - read a KerberosString (GeneralString)
 * @d: reader; advanced on success
 * @val: its contents, inside the input; not NUL-terminated
 *
 * RFC 4120 section 5.2.1 restricts KerberosString to IA5 characters but
 * implementations (MIT included) carry UTF-8; krb5ap takes any byte except
 * NUL, which would let two different names compare equal as C strings.
 *
 * Return: 0, -EBADMSG for a NUL byte, -EMSGSIZE when longer than
 * KRB5AP_DER_STRING_MAX, or another negative errno.
 */
int krb5ap_der_get_string(struct krb5ap_der *d, struct krb5ap_buf *val)
{
	struct krb5ap_der save = *d;
	struct krb5ap_buf v;
	int ret;

	ret = der_expect(d, KRB5AP_DER_GENERAL_STRING, &v);
	if (ret)
		return ret;
	if (v.len > KRB5AP_DER_STRING_MAX)
		ret = -EMSGSIZE;
	else if (v.len && memchr(v.data, 0, v.len))
		ret = -EBADMSG;
	if (ret) {
		*d = save;
		return ret;
	}
	*val = v;
	return 0;
}

static bool der_leap(unsigned int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned int der_month_days(unsigned int y, unsigned int m)
{
	static const u8 days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return days[m - 1] + (m == 2 && der_leap(y));
}

/* Days since 0000-03-01 shifted by one 400-year era, all unsigned. */
static unsigned int der_days(unsigned int y, unsigned int m, unsigned int d)
{
	unsigned int yy = y + 400 - (m <= 2);
	unsigned int era = yy / 400;
	unsigned int yoe = yy - era * 400;
	unsigned int doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

/* der_days() of 1970-01-01: the epoch. */
#define DER_EPOCH_DAYS	(146097U + 719468U)

static unsigned int der_digits(const u8 *s, unsigned int n)
{
	unsigned int v = 0;

	while (n--)
		v = v * 10 + (*s++ - '0');
	return v;
}

/**
 * krb5ap_der_parse_time() - convert a KerberosTime string to epoch seconds
 * @s: the GeneralizedTime contents
 * @len: their length
 * @val: seconds since 1970-01-01T00:00:00Z
 *
 * RFC 4120 section 5.2.3: exactly "YYYYMMDDHHMMSSZ", UTC, no fractions.
 * The date must exist (proleptic Gregorian calendar); seconds go to 59.
 *
 * Return: 0 or -EBADMSG.
 */
int krb5ap_der_parse_time(const u8 *s, size_t len, time64_t *val)
{
	unsigned int y, mo, d, h, mi, sec, i;

	if (len != KRB5AP_DER_TIME_LEN || s[14] != 'Z')
		return -EBADMSG;
	for (i = 0; i < 14; i++)
		if (s[i] < '0' || s[i] > '9')
			return -EBADMSG;
	y = der_digits(s, 4);
	mo = der_digits(s + 4, 2);
	d = der_digits(s + 6, 2);
	h = der_digits(s + 8, 2);
	mi = der_digits(s + 10, 2);
	sec = der_digits(s + 12, 2);
	if (mo < 1 || mo > 12 || d < 1 || d > der_month_days(y, mo) ||
	    h > 23 || mi > 59 || sec > 59)
		return -EBADMSG;
	*val = ((s64)der_days(y, mo, d) - DER_EPOCH_DAYS) * 86400 +
	       h * 3600 + mi * 60 + sec;
	return 0;
}

/**
 * krb5ap_der_get_time() - read a KerberosTime
 * @d: reader; advanced on success
 * @val: seconds since the epoch
 *
 * Return: 0, -EBADMSG for anything but "YYYYMMDDHHMMSSZ" naming a valid
 * UTC time, or another negative errno.
 */
int krb5ap_der_get_time(struct krb5ap_der *d, time64_t *val)
{
	struct krb5ap_der save = *d;
	struct krb5ap_buf v;
	int ret;

	ret = der_expect(d, KRB5AP_DER_GENERALIZED_TIME, &v);
	if (ret)
		return ret;
	ret = krb5ap_der_parse_time(v.data, v.len, val);
	if (ret)
		*d = save;
	return ret;
}

/**
 * krb5ap_der_get_flags() - read KerberosFlags (a BIT STRING)
 * @d: reader; advanced on success
 * @val: bit n of the BIT STRING in bit (31 - n), as MIT's krb5_flags
 *
 * RFC 4120 section 5.2.8 asks for at least 32 bits; MIT accepts any length,
 * reads the first 32 bits and ignores the rest, and so does krb5ap.  DER
 * rules still apply: an unused-bits count of at most 7 (0 when there are
 * no bits) and unused bits that are zero.
 *
 * Return: 0, -EBADMSG for a malformed BIT STRING, or another negative
 * errno.
 */
int krb5ap_der_get_flags(struct krb5ap_der *d, u32 *val)
{
	struct krb5ap_der save = *d;
	struct krb5ap_buf v;
	size_t i;
	u32 f = 0;
	u8 unused;
	int ret;

	ret = der_expect(d, KRB5AP_DER_BIT_STRING, &v);
	if (ret)
		return ret;
	if (v.len == 0)
		goto bad;
	unused = v.data[0];
	if (unused > 7 || (v.len == 1 && unused))
		goto bad;
	if (v.len > 1 && (v.data[v.len - 1] & ((1U << unused) - 1)))
		goto bad;
	for (i = 1; i < v.len && i <= 4; i++)
		f |= (u32)v.data[i] << (8 * (4 - i));
	*val = f;
	return 0;
bad:
	*d = save;
	return -EBADMSG;
}

/**
 * krb5ap_der_writer_init() - start writing into a buffer
 * @w: writer
 * @buf: output buffer (NULL with @size 0 to measure only)
 * @size: its size
 */
void krb5ap_der_writer_init(struct krb5ap_der_writer *w, u8 *buf, size_t size)
{
	w->buf = buf;
	w->size = buf ? size : 0;
	w->len = 0;
	w->err = 0;
}

/**
 * krb5ap_der_put_bytes() - prepend raw bytes
 * @w: writer
 * @data: bytes
 * @len: their number
 */
void krb5ap_der_put_bytes(struct krb5ap_der_writer *w, const void *data,
			  size_t len)
{
	if (w->len > SIZE_MAX - len) {
		w->err = -ENOSPC;
		return;
	}
	if (!w->err && len > w->size - w->len)
		w->err = -ENOSPC;
	if (!w->err && len)
		memcpy(w->buf + w->size - w->len - len, data, len);
	w->len += len;
}

/**
 * krb5ap_der_put_header() - prepend an identifier and a length
 * @w: writer
 * @tag: identifier octet
 * @len: length of the contents already written
 */
void krb5ap_der_put_header(struct krb5ap_der_writer *w, u8 tag, size_t len)
{
	u8 hdr[6];
	size_t n = 0, i;

	if (len > U32_MAX) {
		w->err = -ENOSPC;
		return;
	}
	hdr[0] = tag;
	if (len < 0x80) {
		hdr[1] = len;
		krb5ap_der_put_bytes(w, hdr, 2);
		return;
	}
	for (i = len; i; i >>= 8)
		n++;
	hdr[1] = 0x80 | n;
	for (i = 0; i < n; i++)
		hdr[2 + i] = len >> (8 * (n - 1 - i));
	krb5ap_der_put_bytes(w, hdr, 2 + n);
}

/**
 * krb5ap_der_wrap() - make the bytes written since @mark an element
 * @w: writer
 * @tag: identifier octet of the element
 * @mark: krb5ap_der_mark() taken before its contents were written
 */
void krb5ap_der_wrap(struct krb5ap_der_writer *w, u8 tag, size_t mark)
{
	krb5ap_der_put_header(w, tag, w->len - mark);
}

/**
 * krb5ap_der_put_int() - prepend an INTEGER in its minimal encoding
 * @w: writer
 * @val: value (UInt32 values fit too)
 */
void krb5ap_der_put_int(struct krb5ap_der_writer *w, s64 val)
{
	u8 c[8];
	size_t n = 0;
	s64 v = val;
	u8 b;

	do {
		b = v & 0xff;
		c[sizeof(c) - 1 - n++] = b;
		v >>= 8;	/* arithmetic: the sign is kept */
	} while (n < sizeof(c) && !((v == 0 && !(b & 0x80)) ||
				    (v == -1 && (b & 0x80))));
	krb5ap_der_put_bytes(w, c + sizeof(c) - n, n);
	krb5ap_der_put_header(w, KRB5AP_DER_INTEGER, n);
}

/**
 * krb5ap_der_put_octets() - prepend an OCTET STRING
 * @w: writer
 * @data: contents
 * @len: their length
 */
void krb5ap_der_put_octets(struct krb5ap_der_writer *w, const void *data,
			   size_t len)
{
	krb5ap_der_put_bytes(w, data, len);
	krb5ap_der_put_header(w, KRB5AP_DER_OCTET_STRING, len);
}

/**
 * krb5ap_der_put_string() - prepend a KerberosString (GeneralString)
 * @w: writer
 * @data: contents
 * @len: their length
 */
void krb5ap_der_put_string(struct krb5ap_der_writer *w, const void *data,
			   size_t len)
{
	krb5ap_der_put_bytes(w, data, len);
	krb5ap_der_put_header(w, KRB5AP_DER_GENERAL_STRING, len);
}

static void der_put_digits(u8 *s, unsigned int v, unsigned int n)
{
	while (n--) {
		s[n] = '0' + v % 10;
		v /= 10;
	}
}

/**
 * krb5ap_der_format_time() - write a KerberosTime string
 * @t: seconds since the epoch, KRB5AP_DER_TIME_MIN to KRB5AP_DER_TIME_MAX
 * @s: KRB5AP_DER_TIME_LEN bytes of output ("YYYYMMDDHHMMSSZ", no NUL)
 *
 * Return: 0, or -ERANGE when the year is outside 0000-9999.
 */
int krb5ap_der_format_time(time64_t t, u8 *s)
{
	unsigned int days, secs, z, era, doe, yoe, y, doy, mp, d, m;
	u64 u;

	if (t < KRB5AP_DER_TIME_MIN || t > KRB5AP_DER_TIME_MAX)
		return -ERANGE;
	u = (u64)(t - KRB5AP_DER_TIME_MIN);	/* from 0000-01-01 */
	days = u / 86400;
	secs = u - (u64)days * 86400;
	/* 0000-01-01 is 60 days before 0000-03-01; shift by one era. */
	z = days + 146097 - 60;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 - 400 + (m <= 2);
	der_put_digits(s, y, 4);
	der_put_digits(s + 4, m, 2);
	der_put_digits(s + 6, d, 2);
	der_put_digits(s + 8, secs / 3600, 2);
	der_put_digits(s + 10, secs / 60 % 60, 2);
	der_put_digits(s + 12, secs % 60, 2);
	s[14] = 'Z';
	return 0;
}

/**
 * krb5ap_der_put_time() - prepend a KerberosTime
 * @w: writer; its error becomes -ERANGE for a time outside years 0-9999
 * @t: seconds since the epoch
 */
void krb5ap_der_put_time(struct krb5ap_der_writer *w, time64_t t)
{
	u8 s[KRB5AP_DER_TIME_LEN];

	if (krb5ap_der_format_time(t, s)) {
		if (!w->err)
			w->err = -ERANGE;
		memset(s, '0', sizeof(s));
	}
	krb5ap_der_put_bytes(w, s, sizeof(s));
	krb5ap_der_put_header(w, KRB5AP_DER_GENERALIZED_TIME, sizeof(s));
}

/**
 * krb5ap_der_put_flags() - prepend KerberosFlags as a 32-bit BIT STRING
 * @w: writer
 * @flags: bit n of the BIT STRING in bit (31 - n)
 */
void krb5ap_der_put_flags(struct krb5ap_der_writer *w, u32 flags)
{
	u8 c[5] = { 0, flags >> 24, flags >> 16, flags >> 8, flags };

	krb5ap_der_put_bytes(w, c, sizeof(c));
	krb5ap_der_put_header(w, KRB5AP_DER_BIT_STRING, sizeof(c));
}

/**
 * krb5ap_der_writer_finish() - move the encoding to the buffer's start
 * @w: writer
 * @len: the encoding's length; set even on -ENOSPC, as the size needed
 *
 * Return: 0, or the writer's first error (-ENOSPC, -ERANGE).
 */
int krb5ap_der_writer_finish(struct krb5ap_der_writer *w, size_t *len)
{
	*len = w->len;
	if (w->err)
		return w->err;
	if (w->len && w->len < w->size)
		memmove(w->buf, w->buf + w->size - w->len, w->len);
	return 0;
}
