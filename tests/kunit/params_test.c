// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for krb5ap's module parameter parsing.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "enctype.h"
#include "params.h"

/* Every enctype krb5ap supports: 17, 18, 19, 20, 25, 26. */
#define ALL_ENCTYPES (BIT(17) | BIT(18) | BIT(19) | BIT(20) | BIT(25) | BIT(26))

struct uint_case {
	const char *desc;
	const char *val;
	unsigned int min, max;
	int ret;
	unsigned int out;
};

static const struct uint_case uint_cases[] = {
	{ "plain", "300", 0, 86400, 0, 300 },
	{ "newline", "300\n", 0, 86400, 0, 300 },
	{ "lower bound", "1024", 1024, 2048, 0, 1024 },
	{ "upper bound", "2048", 1024, 2048, 0, 2048 },
	{ "below", "1023", 1024, 2048, -ERANGE, 7 },
	{ "above", "2049", 1024, 2048, -ERANGE, 7 },
	{ "zero allowed", "0", 0, 86400, 0, 0 },
	{ "overflow", "4294967296", 0, 86400, -ERANGE, 7 },
	{ "negative", "-1", 0, 86400, -EINVAL, 7 },
	{ "empty", "", 0, 86400, -EINVAL, 7 },
	{ "garbage", "12ab", 0, 86400, -EINVAL, 7 },
	{ "space inside", "1 2", 0, 86400, -EINVAL, 7 },
	{ "hex refused", "0x10", 0, 86400, -EINVAL, 7 },
};

static void uint_case_desc(const struct uint_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(uint, uint_cases, uint_case_desc);

static void parse_uint_test(struct kunit *test)
{
	const struct uint_case *c = test->param_value;
	unsigned int out = 7;

	KUNIT_EXPECT_EQ(test, krb5ap_parse_uint_param(c->val, c->min, c->max,
						      &out), c->ret);
	KUNIT_EXPECT_EQ(test, out, c->out);
}

static void parse_uint_null_test(struct kunit *test)
{
	unsigned int out = 7;

	KUNIT_EXPECT_EQ(test, krb5ap_parse_uint_param(NULL, 0, 10, &out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, out, 7U);
}

struct enctype_case {
	const char *val;
	int ret;
	u32 mask;
};

static const struct enctype_case enctype_cases[] = {
	{ "aes256-cts-hmac-sha1-96", 0, BIT(18) },
	{ "18", 0, BIT(18) },
	{ "17,18", 0, BIT(17) | BIT(18) },
	{ "AES128-CTS-HMAC-SHA256-128 aes256-cts-hmac-sha384-192\n", 0,
	  BIT(19) | BIT(20) },
	{ "camellia128-cts-cmac,,camellia256-cts-cmac,", 0, BIT(25) | BIT(26) },
	{ "18,18", 0, BIT(18) },
	{ "17,18,19,20,25,26", 0, ALL_ENCTYPES },
	/* Refused enctypes: DES, 3DES, RC4. */
	{ "1", -EINVAL, 0 },
	{ "16", -EINVAL, 0 },
	{ "23", -EINVAL, 0 },
	{ "rc4-hmac", -EINVAL, 0 },
	{ "des3-cbc-sha1", -EINVAL, 0 },
	{ "18,23", -EINVAL, 0 },
	{ "aes256-cts-hmac-sha1-96x", -EINVAL, 0 },
	{ "aes256", -EINVAL, 0 },
	{ "", -EINVAL, 0 },
	{ " , ", -EINVAL, 0 },
	{ "4294967313", -EINVAL, 0 },
	{ "0", -EINVAL, 0 },
	{ "31", -EINVAL, 0 },
	{ "99999999999999999999", -EINVAL, 0 },
};

static void enctype_case_desc(const struct enctype_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "'%s'", c->val);
}

KUNIT_ARRAY_PARAM(enctype_list, enctype_cases, enctype_case_desc);

static void parse_enctype_list_test(struct kunit *test)
{
	const struct enctype_case *c = test->param_value;
	u32 mask = 0xdead;

	KUNIT_EXPECT_EQ(test, krb5ap_parse_enctype_list(c->val, &mask), c->ret);
	KUNIT_EXPECT_EQ(test, mask, c->ret ? 0xdead : c->mask);
}

static void parse_enctype_list_too_long_test(struct kunit *test)
{
	char *val;
	u32 mask = 0xdead;
	size_t i;

	val = kunit_kzalloc(test, KRB5AP_ENCTYPES_STR_MAX + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, val);
	/* "18,18,18,..." longer than the limit: refused before parsing. */
	for (i = 0; i <= KRB5AP_ENCTYPES_STR_MAX; i++)
		val[i] = "18,"[i % 3];
	KUNIT_EXPECT_GT(test, strlen(val), (size_t)KRB5AP_ENCTYPES_STR_MAX);
	KUNIT_EXPECT_EQ(test, krb5ap_parse_enctype_list(val, &mask), -EINVAL);
	KUNIT_EXPECT_EQ(test, mask, 0xdeadU);
	KUNIT_EXPECT_EQ(test, krb5ap_parse_enctype_list(NULL, &mask), -EINVAL);
}

static void format_enctype_list_test(struct kunit *test)
{
	char buf[KRB5AP_ENCTYPES_STR_MAX];
	u32 mask;

	KUNIT_EXPECT_EQ(test, krb5ap_format_enctype_list(BIT(17) | BIT(26),
							 buf, sizeof(buf)),
			(int)strlen("aes128-cts-hmac-sha1-96,camellia256-cts-cmac"));
	KUNIT_EXPECT_STREQ(test, buf,
			   "aes128-cts-hmac-sha1-96,camellia256-cts-cmac");

	/* Unsupported bits are not printed. */
	KUNIT_EXPECT_EQ(test, krb5ap_format_enctype_list(BIT(23), buf,
							 sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");

	/* Too small a buffer is an error, not a truncated list. */
	KUNIT_EXPECT_EQ(test, krb5ap_format_enctype_list(BIT(17), buf, 10),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, krb5ap_format_enctype_list(BIT(17), buf, 0),
			-ENOSPC);

	/* Every supported enctype round-trips through its name. */
	KUNIT_ASSERT_GT(test, krb5ap_format_enctype_list(ALL_ENCTYPES, buf,
							 sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_parse_enctype_list(buf, &mask), 0);
	KUNIT_EXPECT_EQ(test, mask, (u32)ALL_ENCTYPES);
}

static void defaults_test(struct kunit *test)
{
	/* The running module's defaults: nothing set them at load time. */
	KUNIT_EXPECT_EQ(test, krb5ap_param_clock_skew(),
			(unsigned int)KRB5AP_CLOCK_SKEW_DEFAULT);
	KUNIT_EXPECT_EQ(test, krb5ap_param_replay_max(),
			(unsigned int)KRB5AP_REPLAY_MAX_DEFAULT);
	KUNIT_EXPECT_EQ(test, krb5ap_param_max_token(),
			(unsigned int)KRB5AP_TOKEN_MAX_DEFAULT);
	KUNIT_EXPECT_EQ(test, krb5ap_param_enctypes(), (u32)ALL_ENCTYPES);
}

static struct kunit_case krb5ap_params_cases[] = {
	KUNIT_CASE_PARAM(parse_uint_test, uint_gen_params),
	KUNIT_CASE(parse_uint_null_test),
	KUNIT_CASE_PARAM(parse_enctype_list_test, enctype_list_gen_params),
	KUNIT_CASE(parse_enctype_list_too_long_test),
	KUNIT_CASE(format_enctype_list_test),
	KUNIT_CASE(defaults_test),
	{}
};

static struct kunit_suite krb5ap_params_suite = {
	.name = "krb5ap_params",
	.test_cases = krb5ap_params_cases,
};

kunit_test_suites(&krb5ap_params_suite);
