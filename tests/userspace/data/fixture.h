/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading the decoder-test fixtures made by tests/userspace/data/gen.
 * Tests run from the repository root; KRB5AP_TEST_DATA overrides the
 * folder.  Files are read into buffers of exactly their size, so that
 * AddressSanitizer catches any read past the end.
 */
#ifndef KRB5AP_FIXTURE_H
#define KRB5AP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fx_dir(void)
{
	const char *d = getenv("KRB5AP_TEST_DATA");

	return d ? d : "tests/userspace/data";
}

/* NAME.EXT as a malloc'd buffer of exactly its size, or NULL. */
static unsigned char *fx_read(const char *name, const char *ext, size_t *len)
{
	char path[1024];
	unsigned char *buf;
	long n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.%s", fx_dir(), name, ext);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	buf = malloc(n);
	if (buf && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* The value of KEY in NAME.txt, copied into VAL; 0 when found. */
static int fx_str(const char *name, const char *key, char *val, size_t size)
{
	char path[1024], line[1024];
	size_t klen = strlen(key);
	FILE *f;
	int ret = -1;

	snprintf(path, sizeof(path), "%s/%s.txt", fx_dir(), name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, klen) || line[klen] != ' ')
			continue;
		line[strcspn(line, "\n")] = '\0';
		snprintf(val, size, "%s", line + klen + 1);
		ret = 0;
		break;
	}
	fclose(f);
	return ret;
}

/* The number KEY in NAME.txt, or -1 when absent. */
static long long fx_num(const char *name, const char *key)
{
	char val[256];

	if (fx_str(name, key, val, sizeof(val)))
		return -1;
	return strtoll(val, NULL, 0);
}

#endif /* KRB5AP_FIXTURE_H */
