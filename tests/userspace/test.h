/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal TAP producer for krb5ap's userspace unit tests.
 *
 *	TEST(name) { ... CHECK(cond); CHECK_EQ(a, b); CHECK_STR(a, b); ... }
 *	int main(void) { RUN(name); ...; return test_done(); }
 *
 * Each RUN prints "ok N - name" or "not ok N - name" (after the failed
 * checks as "# " comments); tests/userspace/run counts those lines.
 */
#ifndef KRB5AP_TEST_H
#define KRB5AP_TEST_H

#include <stdio.h>
#include <string.h>

static int test_num, test_failed_total, test_failed_now;

#define TEST(name) static void test_##name(void)

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("# %s:%d: CHECK(%s) failed\n", __FILE__,	\
		       __LINE__, #cond);				\
		test_failed_now++;					\
	}								\
} while (0)

#define CHECK_EQ(a, b) do {						\
	long long _a = (long long)(a), _b = (long long)(b);		\
	if (_a != _b) {							\
		printf("# %s:%d: %s == %s failed: %lld != %lld\n",	\
		       __FILE__, __LINE__, #a, #b, _a, _b);		\
		test_failed_now++;					\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *_a = (a), *_b = (b);				\
	if (!_a || !_b || strcmp(_a, _b)) {				\
		printf("# %s:%d: %s == %s failed: \"%s\" != \"%s\"\n",	\
		       __FILE__, __LINE__, #a, #b, _a ? _a : "(null)",	\
		       _b ? _b : "(null)");				\
		test_failed_now++;					\
	}								\
} while (0)

#define RUN(name) do {							\
	test_failed_now = 0;						\
	test_##name();							\
	test_num++;							\
	if (test_failed_now)						\
		test_failed_total++;					\
	printf("%sok %d - %s\n", test_failed_now ? "not " : "",	\
	       test_num, #name);					\
	fflush(stdout);							\
} while (0)

static inline int test_done(void)
{
	printf("1..%d\n", test_num);
	return test_failed_total ? 1 : 0;
}

#endif /* KRB5AP_TEST_H */
