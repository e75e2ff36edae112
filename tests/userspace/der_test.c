// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for the strict DER reader and writer (kmod/der.c), built in
 * userspace through kmod/shim.h.  Every input is copied into a buffer of
 * exactly its size so that AddressSanitizer sees any read past the end.
 */
#include <stdlib.h>

#include "test.h"
#include "der.h"

#define B(...)	((const u8[]){ __VA_ARGS__ }), sizeof((const u8[]){ __VA_ARGS__ })

static u8 *dup_exact(const u8 *b, size_t n)
{
	u8 *p = malloc(n ? n : 1);

	memcpy(p, b, n);
	return p;
}

static int validate(const u8 *b, size_t n)
{
	u8 *p = dup_exact(b, n);
	int ret = krb5ap_der_validate(p, n);

	free(p);
	return ret;
}

enum getter { G_INT, G_INT32, G_UINT32, G_OCTETS, G_STRING, G_TIME, G_FLAGS };

/* Run one typed getter over the whole buffer; it must consume all of it. */
static int get(enum getter g, const u8 *b, size_t n, s64 *out)
{
	u8 *p = dup_exact(b, n);
	struct krb5ap_der d;
	struct krb5ap_buf v;
	time64_t t;
	s64 i64 = 0;
	s32 i32;
	u32 u;
	int ret;

	krb5ap_der_init(&d, p, n);
	switch (g) {
	case G_INT:
		ret = krb5ap_der_get_int(&d, &i64);
		break;
	case G_INT32:
		ret = krb5ap_der_get_int32(&d, &i32);
		i64 = i32;
		break;
	case G_UINT32:
		ret = krb5ap_der_get_uint32(&d, &u);
		i64 = u;
		break;
	case G_OCTETS:
		ret = krb5ap_der_get_octets(&d, &v);
		i64 = v.len;
		break;
	case G_STRING:
		ret = krb5ap_der_get_string(&d, &v);
		i64 = v.len;
		break;
	case G_TIME:
		ret = krb5ap_der_get_time(&d, &t);
		i64 = t;
		break;
	default:
		ret = krb5ap_der_get_flags(&d, &u);
		i64 = u;
		break;
	}
	if (!ret)
		ret = krb5ap_der_end(&d);
	else
		CHECK(d.p == p);	/* a failed read does not advance */
	if (out)
		*out = i64;
	free(p);
	return ret;
}

TEST(lengths_accepted)
{
	u8 buf[300];

	CHECK_EQ(validate(B(0x30, 0x00)), 0);
	CHECK_EQ(validate(B(0x04, 0x01, 0xaa)), 0);
	CHECK_EQ(validate(B(0x30, 0x03, 0x02, 0x01, 0x05)), 0);
	/* 0x81 long form for 128..255, 0x82 for 256.. */
	memset(buf, 0, sizeof(buf));
	buf[0] = 0x04;
	buf[1] = 0x81;
	buf[2] = 0x80;
	CHECK_EQ(validate(buf, 3 + 0x80), 0);
	buf[1] = 0x82;
	buf[2] = 0x01;
	buf[3] = 0x00;
	CHECK_EQ(validate(buf, 4 + 0x100), 0);
}

TEST(non_minimal_rejected)
{
	/* Long form for a length under 128. */
	CHECK_EQ(validate(B(0x04, 0x81, 0x01, 0xaa)), -EBADMSG);
	CHECK_EQ(validate(B(0x30, 0x81, 0x00)), -EBADMSG);
	/* Leading zero length octet. */
	CHECK_EQ(validate(B(0x04, 0x82, 0x00, 0x01, 0xaa)), -EBADMSG);
	/* Non-minimal INTEGERs. */
	CHECK_EQ(validate(B(0x02, 0x02, 0x00, 0x7f)), -EBADMSG);
	CHECK_EQ(validate(B(0x02, 0x02, 0xff, 0x80)), -EBADMSG);
	CHECK_EQ(validate(B(0x02, 0x00)), -EBADMSG);
	/* High-tag-number form. */
	CHECK_EQ(validate(B(0x1f, 0x81, 0x00, 0x00)), -EBADMSG);
	CHECK_EQ(validate(B(0xbf, 0x20, 0x00)), -EBADMSG);
	/* Constructed string, primitive SEQUENCE, end-of-contents. */
	CHECK_EQ(validate(B(0x24, 0x00)), -EBADMSG);
	CHECK_EQ(validate(B(0x10, 0x00)), -EBADMSG);
	CHECK_EQ(validate(B(0x00, 0x00)), -EBADMSG);
	/* BOOLEAN other than 00/ff, NULL with contents. */
	CHECK_EQ(validate(B(0x01, 0x01, 0x01)), -EBADMSG);
	CHECK_EQ(validate(B(0x05, 0x01, 0x00)), -EBADMSG);
}

TEST(indefinite_rejected)
{
	CHECK_EQ(validate(B(0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00)),
		 -EBADMSG);
	CHECK_EQ(validate(B(0x30, 0x80)), -EBADMSG);
	/* Reserved length octet. */
	CHECK_EQ(validate(B(0x04, 0xff, 0x00)), -EBADMSG);
}

TEST(overlong_rejected)
{
	/* More than 4 length octets. */
	CHECK_EQ(validate(B(0x04, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00)),
		 -EMSGSIZE);
	CHECK_EQ(validate(B(0x04, 0xfe)), -EMSGSIZE);
	/* A length longer than the buffer. */
	CHECK_EQ(validate(B(0x04, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x00)),
		 -ENODATA);
	CHECK_EQ(validate(B(0x04, 0x84, 0xff, 0xff, 0xff, 0xff)), -ENODATA);
	/* A child longer than its parent, though within the buffer. */
	CHECK_EQ(validate(B(0x30, 0x02, 0x04, 0x02, 0xaa, 0xbb)), -ENODATA);
}

TEST(truncated_rejected)
{
	static const u8 good[] = {
		0x30, 0x0b, 0xa0, 0x03, 0x02, 0x01, 0x05,
		0xa1, 0x04, 0x04, 0x02, 0xaa, 0xbb
	};
	size_t i;

	CHECK_EQ(validate(good, sizeof(good)), 0);
	CHECK_EQ(validate(good, 0), -ENODATA);
	for (i = 1; i < sizeof(good); i++)
		CHECK_EQ(validate(good, i), -ENODATA);
	CHECK_EQ(validate(B(0x04, 0x82, 0x01)), -ENODATA);
}

TEST(trailing_rejected)
{
	CHECK_EQ(validate(B(0x30, 0x00, 0x00)), -ENOTEMPTY);
	CHECK_EQ(validate(B(0x02, 0x01, 0x05, 0x02, 0x01, 0x05)), -ENOTEMPTY);
	/* Contents of a primitive INTEGER field with bytes after it. */
	CHECK_EQ(get(G_INT, B(0x02, 0x01, 0x05, 0xff), NULL), -ENOTEMPTY);
}

static int nested(unsigned int depth)
{
	u8 buf[2 * 64];
	unsigned int i;

	for (i = 0; i < depth; i++) {
		buf[2 * i] = 0x30;
		buf[2 * i + 1] = 2 * (depth - 1 - i);
	}
	return validate(buf, 2 * depth);
}

TEST(depth_bounded)
{
	CHECK_EQ(nested(1), 0);
	CHECK_EQ(nested(KRB5AP_DER_MAX_DEPTH - 1), 0);
	CHECK_EQ(nested(KRB5AP_DER_MAX_DEPTH), -ELOOP);
	CHECK_EQ(nested(60), -ELOOP);
}

TEST(enter_depth_bounded)
{
	u8 buf[2 * 64];
	struct krb5ap_der d[64];
	unsigned int i;
	int ret = 0;

	for (i = 0; i < 40; i++) {
		buf[2 * i] = 0x30;
		buf[2 * i + 1] = 2 * (40 - 1 - i);
	}
	krb5ap_der_init(&d[0], buf, 80);
	for (i = 0; i < 40; i++) {
		ret = krb5ap_der_enter(&d[i], KRB5AP_DER_SEQUENCE, &d[i + 1]);
		if (ret)
			break;
	}
	CHECK_EQ(ret, -ELOOP);
	CHECK_EQ(i, KRB5AP_DER_MAX_DEPTH - 1);
}

TEST(integers)
{
	s64 v;

	CHECK_EQ(get(G_INT, B(0x02, 0x01, 0x00), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(get(G_INT, B(0x02, 0x01, 0x7f), &v), 0);
	CHECK_EQ(v, 127);
	CHECK_EQ(get(G_INT, B(0x02, 0x02, 0x00, 0x80), &v), 0);
	CHECK_EQ(v, 128);
	CHECK_EQ(get(G_INT, B(0x02, 0x01, 0x80), &v), 0);
	CHECK_EQ(v, -128);
	CHECK_EQ(get(G_INT, B(0x02, 0x01, 0xff), &v), 0);
	CHECK_EQ(v, -1);
	CHECK_EQ(get(G_INT, B(0x02, 0x02, 0xff, 0x7f), &v), 0);
	CHECK_EQ(v, -129);
	CHECK_EQ(get(G_INT, B(0x02, 0x08, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff,
			      0xff, 0xff), &v), 0);
	CHECK(v == S64_MAX);
	CHECK_EQ(get(G_INT, B(0x02, 0x08, 0x80, 0, 0, 0, 0, 0, 0, 0), &v), 0);
	CHECK(v == S64_MIN);
	CHECK_EQ(get(G_INT, B(0x02, 0x09, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0),
		     &v), -ERANGE);
	CHECK_EQ(get(G_INT, B(0x02, 0x02, 0x00, 0x05), &v), -EBADMSG);
	CHECK_EQ(get(G_INT, B(0x02, 0x00), &v), -EBADMSG);
	CHECK_EQ(get(G_INT, B(0x22, 0x00), &v), -EBADMSG);
	CHECK_EQ(get(G_INT, B(0x04, 0x01, 0x05), &v), -EBADMSG);
	CHECK_EQ(get(G_INT, B(0x02, 0x02, 0x05), &v), -ENODATA);

	CHECK_EQ(get(G_INT32, B(0x02, 0x04, 0x7f, 0xff, 0xff, 0xff), &v), 0);
	CHECK_EQ(v, S32_MAX);
	CHECK_EQ(get(G_INT32, B(0x02, 0x04, 0x80, 0, 0, 0), &v), 0);
	CHECK_EQ(v, S32_MIN);
	CHECK_EQ(get(G_INT32, B(0x02, 0x05, 0x00, 0x80, 0, 0, 0), &v),
		 -ERANGE);
	CHECK_EQ(get(G_INT32, B(0x02, 0x05, 0xff, 0x7f, 0xff, 0xff, 0xff), &v),
		 -ERANGE);

	CHECK_EQ(get(G_UINT32, B(0x02, 0x05, 0x00, 0xff, 0xff, 0xff, 0xff),
		     &v), 0);
	CHECK_EQ(v, 0xffffffffLL);
	CHECK_EQ(get(G_UINT32, B(0x02, 0x05, 0x01, 0, 0, 0, 0), &v), -ERANGE);
	CHECK_EQ(get(G_UINT32, B(0x02, 0x01, 0xff), &v), -ERANGE);
}

TEST(strings)
{
	u8 big[4 + KRB5AP_DER_STRING_MAX + 1];
	s64 v;

	CHECK_EQ(get(G_STRING, B(0x1b, 0x00), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(get(G_STRING, B(0x1b, 0x03, 'a', 'b', 'c'), &v), 0);
	CHECK_EQ(v, 3);
	/* UTF-8 is taken as bytes. */
	CHECK_EQ(get(G_STRING, B(0x1b, 0x02, 0xc3, 0xa9), &v), 0);
	CHECK_EQ(get(G_STRING, B(0x1b, 0x03, 'a', 0x00, 'c'), &v), -EBADMSG);
	CHECK_EQ(get(G_STRING, B(0x1b, 0x01, 0x00), &v), -EBADMSG);
	/* Another string type, or a constructed GeneralString. */
	CHECK_EQ(get(G_STRING, B(0x16, 0x01, 'a'), &v), -EBADMSG);
	CHECK_EQ(get(G_STRING, B(0x3b, 0x00), &v), -EBADMSG);

	memset(big, 'x', sizeof(big));
	big[0] = 0x1b;
	big[1] = 0x82;
	big[2] = KRB5AP_DER_STRING_MAX >> 8;
	big[3] = KRB5AP_DER_STRING_MAX & 0xff;
	CHECK_EQ(get(G_STRING, big, 4 + KRB5AP_DER_STRING_MAX, &v), 0);
	big[3]++;
	CHECK_EQ(get(G_STRING, big, sizeof(big), &v), -EMSGSIZE);

	CHECK_EQ(get(G_OCTETS, B(0x04, 0x02, 0x00, 0x00), &v), 0);
	CHECK_EQ(v, 2);
	CHECK_EQ(get(G_OCTETS, B(0x24, 0x04, 0x04, 0x02, 0x00, 0x00), &v),
		 -EBADMSG);
}

#define T(s) B(0x18, 15, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], \
	       s[8], s[9], s[10], s[11], s[12], s[13], s[14])

TEST(times)
{
	s64 v;

	CHECK_EQ(get(G_TIME, T("19700101000000Z"), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(get(G_TIME, T("20261125165226Z"), &v), 0);
	CHECK_EQ(v, 1795625546LL);
	CHECK_EQ(get(G_TIME, T("20000229000000Z"), &v), 0);
	CHECK_EQ(v, 951782400LL);
	CHECK_EQ(get(G_TIME, T("20380119031408Z"), &v), 0);
	CHECK_EQ(v, 2147483648LL);
	CHECK_EQ(get(G_TIME, T("21060207062816Z"), &v), 0);
	CHECK_EQ(v, 4294967296LL);
	CHECK_EQ(get(G_TIME, T("19691231235959Z"), &v), 0);
	CHECK_EQ(v, -1);
	CHECK_EQ(get(G_TIME, T("00000101000000Z"), &v), 0);
	CHECK_EQ(v, KRB5AP_DER_TIME_MIN);
	CHECK_EQ(get(G_TIME, T("99991231235959Z"), &v), 0);
	CHECK_EQ(v, KRB5AP_DER_TIME_MAX);

	CHECK_EQ(get(G_TIME, T("20240229120000Z"), &v), 0);
	CHECK_EQ(get(G_TIME, T("20230229120000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("21000229120000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20231301000000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230001000000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230100000000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230431000000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230101240000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230101006000Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230101000060Z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("20230101000000z"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T("2023010100000+0"), &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, T(" 0230101000000Z"), &v), -EBADMSG);
	/* Fractions and offsets are not KerberosTime. */
	CHECK_EQ(get(G_TIME, B(0x18, 17, '2', '0', '2', '3', '0', '1', '0',
			       '1', '0', '0', '0', '0', '0', '0', '.', '5', 'Z'),
		     &v), -EBADMSG);
	CHECK_EQ(get(G_TIME, B(0x18, 13, '2', '3', '0', '1', '0', '1', '0',
			       '0', '0', '0', '0', '0', 'Z'), &v), -EBADMSG);
	/* UTCTime is another type. */
	CHECK_EQ(get(G_TIME, B(0x17, 13, '2', '3', '0', '1', '0', '1', '0',
			       '0', '0', '0', '0', '0', 'Z'), &v), -EBADMSG);
}

TEST(time_round_trip)
{
	static const s64 fixed[] = {
		0, 1, -1, 59, 60, 86399, 86400, 951782400, 951868799,
		2147483647, 2147483648LL, 4294967295LL, 4294967296LL,
		KRB5AP_DER_TIME_MIN, KRB5AP_DER_TIME_MAX, -62135596800LL,
		-62135596801LL, 1795625546LL,
	};
	u8 s[KRB5AP_DER_TIME_LEN];
	time64_t t;
	unsigned int i;
	u64 x = 88172645463325252ULL;
	int bad = 0;

	for (i = 0; i < ARRAY_SIZE(fixed); i++) {
		CHECK_EQ(krb5ap_der_format_time(fixed[i], s), 0);
		CHECK_EQ(krb5ap_der_parse_time(s, sizeof(s), &t), 0);
		CHECK_EQ(t, fixed[i]);
	}
	/* Pseudo-random times across the whole range, and day boundaries. */
	for (i = 0; i < 200000; i++) {
		s64 span = KRB5AP_DER_TIME_MAX - KRB5AP_DER_TIME_MIN + 1;
		s64 v;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		v = KRB5AP_DER_TIME_MIN + (s64)(x % (u64)span);
		if (i & 1)
			v -= v % 86400;
		if (v < KRB5AP_DER_TIME_MIN)
			v += 86400;
		if (krb5ap_der_format_time(v, s) ||
		    krb5ap_der_parse_time(s, sizeof(s), &t) || t != v)
			bad++;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(krb5ap_der_format_time(KRB5AP_DER_TIME_MAX + 1, s), -ERANGE);
	CHECK_EQ(krb5ap_der_format_time(KRB5AP_DER_TIME_MIN - 1, s), -ERANGE);
	CHECK_EQ(krb5ap_der_format_time(1795625546LL, s), 0);
	CHECK(!memcmp(s, "20261125165226Z", 15));
}

TEST(flags)
{
	s64 v;

	CHECK_EQ(get(G_FLAGS, B(0x03, 0x05, 0x00, 0x40, 0x00, 0x00, 0x00), &v),
		 0);
	CHECK_EQ(v, 0x40000000);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x05, 0x00, 0x12, 0x34, 0x56, 0x78), &v),
		 0);
	CHECK_EQ(v, 0x12345678);
	/* Shorter (MIT accepts it) and longer (extra bits ignored). */
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x01, 0x00), &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x02, 0x07, 0x80), &v), 0);
	CHECK_EQ(v, 0x80000000LL);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x03, 0x00, 0x60, 0x01), &v), 0);
	CHECK_EQ(v, 0x60010000);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x06, 0x00, 0x11, 0x22, 0x33, 0x44,
				0x55), &v), 0);
	CHECK_EQ(v, 0x11223344);
	/* Malformed: no unused-bits octet, > 7, bits in an empty string,
	 * non-zero padding, constructed. */
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x00), &v), -EBADMSG);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x02, 0x08, 0x00), &v), -EBADMSG);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x01, 0x01), &v), -EBADMSG);
	CHECK_EQ(get(G_FLAGS, B(0x03, 0x02, 0x01, 0x01), &v), -EBADMSG);
	CHECK_EQ(get(G_FLAGS, B(0x23, 0x00), &v), -EBADMSG);
}

/* SEQUENCE { [0] INTEGER 5, rest... } read with end_seq(d, 1). */
static int seq_ext(const u8 *b, size_t n)
{
	u8 *p = dup_exact(b, n);
	struct krb5ap_der top, seq, f;
	s64 v;
	int ret;

	krb5ap_der_init(&top, p, n);
	ret = krb5ap_der_enter(&top, KRB5AP_DER_SEQUENCE, &seq);
	if (!ret)
		ret = krb5ap_der_enter(&seq, KRB5AP_DER_CTX(0), &f);
	if (!ret)
		ret = krb5ap_der_get_int(&f, &v);
	if (!ret)
		ret = krb5ap_der_end(&f);
	if (!ret)
		ret = krb5ap_der_end_seq(&seq, 1);
	if (!ret)
		ret = krb5ap_der_end(&top);
	free(p);
	return ret;
}

TEST(extension_fields)
{
	CHECK_EQ(seq_ext(B(0x30, 0x05, 0xa0, 0x03, 0x02, 0x01, 0x05)), 0);
	/* Unknown [1] and [7] after the known fields are skipped. */
	CHECK_EQ(seq_ext(B(0x30, 0x10, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0xa1, 0x02, 0x05, 0x00,
			   0xa7, 0x05, 0x30, 0x03, 0x01, 0x01, 0xff)), 0);
	/* A duplicate known field, fields out of order. */
	CHECK_EQ(seq_ext(B(0x30, 0x0a, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0xa0, 0x03, 0x02, 0x01, 0x05)), -EBADMSG);
	CHECK_EQ(seq_ext(B(0x30, 0x0b, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0xa2, 0x00, 0xa1, 0x02, 0x05, 0x00)), -EBADMSG);
	/* Not a field: a universal element or a primitive context tag. */
	CHECK_EQ(seq_ext(B(0x30, 0x08, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0x02, 0x01, 0x00)), -ENOTEMPTY);
	CHECK_EQ(seq_ext(B(0x30, 0x08, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0x81, 0x01, 0x00)), -ENOTEMPTY);
	/* An extension field that is not DER inside. */
	CHECK_EQ(seq_ext(B(0x30, 0x0b, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0xa1, 0x04, 0x02, 0x02, 0x00, 0x01)), -EBADMSG);
	CHECK_EQ(seq_ext(B(0x30, 0x09, 0xa0, 0x03, 0x02, 0x01, 0x05,
			   0xa1, 0x80, 0x00, 0x00)), -EBADMSG);
	/* Known field holding two elements. */
	CHECK_EQ(seq_ext(B(0x30, 0x08, 0xa0, 0x06, 0x02, 0x01, 0x05,
			   0x02, 0x01, 0x05)), -ENOTEMPTY);
	/* Missing required field. */
	CHECK_EQ(seq_ext(B(0x30, 0x00)), -EBADMSG);
	CHECK_EQ(seq_ext(B(0x30, 0x02, 0xa1, 0x00)), -EBADMSG);
}

TEST(extension_depth)
{
	u8 buf[7 + 2 + 2 * 40];
	unsigned int i, depth, n;
	int ret;

	/* SEQUENCE { [0] 5, [1] { SEQUENCE { ... depth ... } } } */
	for (depth = 1; depth < 40; depth++) {
		n = 9 + 2 * depth;
		buf[0] = 0x30;
		buf[1] = n - 2;
		memcpy(buf + 2, (const u8[]){ 0xa0, 0x03, 0x02, 0x01, 0x05 }, 5);
		buf[7] = 0xa1;
		buf[8] = 2 * depth;
		for (i = 0; i < depth; i++) {
			buf[9 + 2 * i] = 0x30;
			buf[10 + 2 * i] = 2 * (depth - 1 - i);
		}
		ret = seq_ext(buf, n);
		/* [1] is at depth 2, its innermost SEQUENCE at 2 + depth. */
		if (2 + depth < KRB5AP_DER_MAX_DEPTH)
			CHECK_EQ(ret, 0);
		else
			CHECK_EQ(ret, -ELOOP);
	}
}

TEST(optional_and_peek)
{
	static const u8 b[] = { 0xa1, 0x03, 0x02, 0x01, 0x07 };
	struct krb5ap_der d, f;
	s64 v;

	krb5ap_der_init(&d, b, sizeof(b));
	CHECK_EQ(krb5ap_der_peek(&d), 0xa1);
	CHECK_EQ(krb5ap_der_enter_opt(&d, KRB5AP_DER_CTX(0), &f), 0);
	CHECK_EQ(krb5ap_der_enter_opt(&d, KRB5AP_DER_CTX(1), &f), 1);
	CHECK_EQ(krb5ap_der_get_int(&f, &v), 0);
	CHECK_EQ(v, 7);
	CHECK(krb5ap_der_at_end(&d));
	CHECK_EQ(krb5ap_der_peek(&d), -ENODATA);
	CHECK_EQ(krb5ap_der_enter_opt(&d, KRB5AP_DER_CTX(2), &f), 0);
	CHECK_EQ(krb5ap_der_enter(&d, KRB5AP_DER_CTX(2), &f), -EBADMSG);
}

static int int_round_trip(s64 val, size_t want_len)
{
	u8 buf[16];
	struct krb5ap_der_writer w;
	struct krb5ap_der d;
	size_t len;
	s64 v;

	krb5ap_der_writer_init(&w, buf, sizeof(buf));
	krb5ap_der_put_int(&w, val);
	if (krb5ap_der_writer_finish(&w, &len) || len != want_len + 2)
		return -1;
	if (validate(buf, len))
		return -2;
	krb5ap_der_init(&d, buf, len);
	if (krb5ap_der_get_int(&d, &v) || v != val)
		return -3;
	return 0;
}

TEST(writer_integers)
{
	CHECK_EQ(int_round_trip(0, 1), 0);
	CHECK_EQ(int_round_trip(1, 1), 0);
	CHECK_EQ(int_round_trip(127, 1), 0);
	CHECK_EQ(int_round_trip(128, 2), 0);
	CHECK_EQ(int_round_trip(255, 2), 0);
	CHECK_EQ(int_round_trip(256, 2), 0);
	CHECK_EQ(int_round_trip(32767, 2), 0);
	CHECK_EQ(int_round_trip(32768, 3), 0);
	CHECK_EQ(int_round_trip(-1, 1), 0);
	CHECK_EQ(int_round_trip(-128, 1), 0);
	CHECK_EQ(int_round_trip(-129, 2), 0);
	CHECK_EQ(int_round_trip(-32768, 2), 0);
	CHECK_EQ(int_round_trip(-32769, 3), 0);
	CHECK_EQ(int_round_trip(S32_MIN, 4), 0);
	CHECK_EQ(int_round_trip(S32_MAX, 4), 0);
	CHECK_EQ(int_round_trip(U32_MAX, 5), 0);
	CHECK_EQ(int_round_trip(S64_MAX, 8), 0);
	CHECK_EQ(int_round_trip(S64_MIN, 8), 0);
}

TEST(writer_lengths)
{
	static u8 data[70000], buf[70010];
	static const size_t lens[] = {
		0, 1, 127, 128, 255, 256, 65535, 65536, 69999
	};
	static const size_t hdr[] = { 2, 2, 2, 3, 3, 4, 4, 5, 5 };
	struct krb5ap_der_writer w;
	struct krb5ap_der d;
	struct krb5ap_buf v;
	unsigned int i;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		memset(data, i, lens[i]);
		krb5ap_der_writer_init(&w, buf, sizeof(buf));
		krb5ap_der_put_octets(&w, data, lens[i]);
		CHECK_EQ(krb5ap_der_writer_finish(&w, &len), 0);
		CHECK_EQ(len, lens[i] + hdr[i]);
		CHECK_EQ(krb5ap_der_validate(buf, len), 0);
		krb5ap_der_init(&d, buf, len);
		CHECK_EQ(krb5ap_der_get_octets(&d, &v), 0);
		CHECK_EQ(v.len, lens[i]);
		CHECK(!lens[i] || !memcmp(v.data, data, lens[i]));
	}
}

TEST(writer_nospace)
{
	u8 buf[64];
	struct krb5ap_der_writer w;
	size_t len, need, m;

	/* Measure with no buffer, then write into exactly that size. */
	krb5ap_der_writer_init(&w, NULL, 0);
	m = krb5ap_der_mark(&w);
	krb5ap_der_put_string(&w, "EXAMPLE.COM", 11);
	krb5ap_der_put_flags(&w, 0x40810000);
	krb5ap_der_put_time(&w, 1795625546LL);
	krb5ap_der_put_int(&w, 12345);
	krb5ap_der_wrap(&w, KRB5AP_DER_SEQUENCE, m);
	CHECK_EQ(krb5ap_der_writer_finish(&w, &need), -ENOSPC);
	CHECK_EQ(need, 2 + 13 + 7 + 17 + 4);

	for (len = 0; len <= need; len++) {
		u8 *p = malloc(len ? len : 1);
		size_t got;
		int ret;

		krb5ap_der_writer_init(&w, p, len);
		m = krb5ap_der_mark(&w);
		krb5ap_der_put_string(&w, "EXAMPLE.COM", 11);
		krb5ap_der_put_flags(&w, 0x40810000);
		krb5ap_der_put_time(&w, 1795625546LL);
		krb5ap_der_put_int(&w, 12345);
		krb5ap_der_wrap(&w, KRB5AP_DER_SEQUENCE, m);
		ret = krb5ap_der_writer_finish(&w, &got);
		CHECK_EQ(got, need);
		CHECK_EQ(ret, len < need ? -ENOSPC : 0);
		if (!ret)
			memcpy(buf, p, got);
		free(p);
	}
	CHECK_EQ(krb5ap_der_validate(buf, need), 0);

	krb5ap_der_writer_init(&w, buf, sizeof(buf));
	krb5ap_der_put_time(&w, KRB5AP_DER_TIME_MAX + 1);
	CHECK_EQ(krb5ap_der_writer_finish(&w, &len), -ERANGE);
}

TEST(writer_round_trip)
{
	u8 buf[128];
	struct krb5ap_der_writer w;
	struct krb5ap_der d, seq;
	struct krb5ap_buf s;
	time64_t t;
	size_t len, m;
	u32 f;
	s64 v;

	krb5ap_der_writer_init(&w, buf, sizeof(buf));
	m = krb5ap_der_mark(&w);
	krb5ap_der_put_string(&w, "EXAMPLE.COM", 11);
	krb5ap_der_put_flags(&w, 0x40810000);
	krb5ap_der_put_time(&w, 1795625546LL);
	krb5ap_der_put_int(&w, -12345);
	krb5ap_der_wrap(&w, KRB5AP_DER_SEQUENCE, m);
	krb5ap_der_wrap(&w, KRB5AP_DER_APP(14), m);
	CHECK_EQ(krb5ap_der_writer_finish(&w, &len), 0);
	CHECK_EQ(buf[0], 0x6e);
	CHECK_EQ(krb5ap_der_validate(buf, len), 0);

	krb5ap_der_init(&d, buf, len);
	CHECK_EQ(krb5ap_der_enter(&d, KRB5AP_DER_APP(14), &seq), 0);
	CHECK_EQ(krb5ap_der_enter(&seq, KRB5AP_DER_SEQUENCE, &d), 0);
	CHECK_EQ(krb5ap_der_get_int(&d, &v), 0);
	CHECK_EQ(v, -12345);
	CHECK_EQ(krb5ap_der_get_time(&d, &t), 0);
	CHECK_EQ(t, 1795625546LL);
	CHECK_EQ(krb5ap_der_get_flags(&d, &f), 0);
	CHECK_EQ(f, 0x40810000);
	CHECK_EQ(krb5ap_der_get_string(&d, &s), 0);
	CHECK(s.len == 11 && !memcmp(s.data, "EXAMPLE.COM", 11));
	CHECK_EQ(krb5ap_der_end(&d), 0);
}

int main(void)
{
	RUN(lengths_accepted);
	RUN(non_minimal_rejected);
	RUN(indefinite_rejected);
	RUN(overlong_rejected);
	RUN(truncated_rejected);
	RUN(trailing_rejected);
	RUN(depth_bounded);
	RUN(enter_depth_bounded);
	RUN(integers);
	RUN(strings);
	RUN(times);
	RUN(time_round_trip);
	RUN(flags);
	RUN(extension_fields);
	RUN(extension_depth);
	RUN(optional_and_peek);
	RUN(writer_integers);
	RUN(writer_lengths);
	RUN(writer_nospace);
	RUN(writer_round_trip);
	return test_done();
}
