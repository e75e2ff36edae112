// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for krb5apctl's argument parsing and output formatting.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "krb5apctl.h"
#include "output.h"
#include "test.h"

const char *prog = "krb5apctl-test";

/* Run @fn writing to a memory stream; return what it wrote (static). */
static char *capture_json(void (*fn)(struct json *j))
{
	static char *buf;
	size_t len;
	struct json j;
	FILE *f;

	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	json_begin(&j, f);
	fn(&j);
	json_end(&j);
	fclose(f);
	return buf;
}

static char *capture_escape(const char *s)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	json_escape(f, s);
	fclose(f);
	return buf;
}

TEST(json_escape_plain)
{
	CHECK_STR(capture_escape("alice@EXAMPLE.TEST"), "\"alice@EXAMPLE.TEST\"");
	CHECK_STR(capture_escape(""), "\"\"");
}

TEST(json_escape_specials)
{
	CHECK_STR(capture_escape("a\"b\\c"), "\"a\\\"b\\\\c\"");
	CHECK_STR(capture_escape("l1\nl2\tx\r"), "\"l1\\nl2\\tx\\r\"");
	CHECK_STR(capture_escape("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
	/* UTF-8 passes through untouched. */
	CHECK_STR(capture_escape("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
}

static void fill_flat(struct json *j)
{
	json_str(j, "status", "accepted");
	json_uint(j, "kvno", 3);
	json_int(j, "error", -1);
	json_bool(j, "mutual", true);
}

static void fill_nested(struct json *j)
{
	json_bool(j, "loaded", true);
	json_obj(j, "defaults");
	json_uint(j, "clock_skew", 300);
	json_obj(j, "inner");
	json_bool(j, "x", false);
	json_close(j);
	json_str(j, "enctypes", "a,b");
	json_close(j);
	json_uint(j, "after", 0);
}

static void fill_unclosed(struct json *j)
{
	json_obj(j, "a");
	json_uint(j, "b", 1);
}

static void fill_empty(struct json *j)
{
	(void)j;
}

TEST(json_objects)
{
	CHECK_STR(capture_json(fill_flat),
		  "{\"status\":\"accepted\",\"kvno\":3,\"error\":-1,\"mutual\":true}\n");
	CHECK_STR(capture_json(fill_nested),
		  "{\"loaded\":true,\"defaults\":{\"clock_skew\":300,\"inner\":{\"x\":false},\"enctypes\":\"a,b\"},\"after\":0}\n");
	/* json_end closes what was left open. */
	CHECK_STR(capture_json(fill_unclosed), "{\"a\":{\"b\":1}}\n");
	CHECK_STR(capture_json(fill_empty), "{}\n");
}

TEST(parse_u32_values)
{
	unsigned int v = 7;

	CHECK_EQ(parse_u32("0", &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(parse_u32("4294967295", &v), 0);
	CHECK_EQ(v, 4294967295U);
	v = 7;
	CHECK_EQ(parse_u32("4294967296", &v), -ERANGE);
	CHECK_EQ(parse_u32("99999999999999999999999", &v), -ERANGE);
	CHECK_EQ(parse_u32("-1", &v), -EINVAL);
	CHECK_EQ(parse_u32("+1", &v), -EINVAL);
	CHECK_EQ(parse_u32(" 1", &v), -EINVAL);
	CHECK_EQ(parse_u32("1 ", &v), -EINVAL);
	CHECK_EQ(parse_u32("", &v), -EINVAL);
	CHECK_EQ(parse_u32("12x", &v), -EINVAL);
	CHECK_EQ(parse_u32(NULL, &v), -EINVAL);
	CHECK_EQ(v, 7);
}

TEST(help_words)
{
	CHECK(is_help("-h"));
	CHECK(is_help("--help"));
	CHECK(is_help("help"));
	CHECK(!is_help("--helpx"));
	CHECK(!is_help("-H"));
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

TEST(status_from_sysfs)
{
	char dir[] = "/tmp/krb5apctl-test-XXXXXX";
	char params[600];
	struct krb5ap_status st;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(params, sizeof(params), "%s/parameters", dir);
	CHECK_EQ(mkdir(params, 0755), 0);
	write_file(dir, "version", "0.1.0\n");
	write_file(dir, "parameters/clock_skew", "300\n");
	write_file(dir, "parameters/replay_cache_size", "1048576\n");
	write_file(dir, "parameters/max_token_size", "65536\n");
	write_file(dir, "parameters/enctypes", "aes256-cts-hmac-sha1-96\n");

	CHECK_EQ(status_read(dir, &st), 0);
	CHECK(st.loaded);
	CHECK_STR(st.version, "0.1.0");
	CHECK_EQ(st.clock_skew, 300);
	CHECK_EQ(st.replay_cache_size, 1048576);
	CHECK_EQ(st.max_token_size, 65536);
	CHECK_STR(st.enctypes, "aes256-cts-hmac-sha1-96");

	/* A garbled value is an error, not a zero. */
	write_file(dir, "parameters/clock_skew", "abc\n");
	CHECK_EQ(status_read(dir, &st), -EINVAL);

	/* A missing parameter file is reported. */
	snprintf(params, sizeof(params), "%s/parameters/clock_skew", dir);
	unlink(params);
	CHECK_EQ(status_read(dir, &st), -ENOENT);

	/* No module directory: not loaded, not an error. */
	CHECK_EQ(status_read("/nonexistent/krb5ap", &st), 0);
	CHECK(!st.loaded);

	snprintf(params, sizeof(params), "rm -rf '%s'", dir);
	CHECK_EQ(system(params), 0);
}

int main(void)
{
	RUN(json_escape_plain);
	RUN(json_escape_specials);
	RUN(json_objects);
	RUN(parse_u32_values);
	RUN(help_words);
	RUN(status_from_sysfs);
	return test_done();
}
