// SPDX-License-Identifier: GPL-2.0
/*
 * Text and JSON output for krb5apctl.
 */
#include <stdio.h>

#include "output.h"

/* Write @s as a JSON string literal, escaping per RFC 8259. */
void json_escape(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	for (; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* A comma unless this is the first member or element at this depth. */
static void json_sep(struct json *j)
{
	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = false;
}

static void json_key(struct json *j, const char *key)
{
	json_sep(j);
	if (j->closer[j->depth] == ']')
		return;		/* array elements have no key */
	json_escape(j->f, key);
	fputc(':', j->f);
}

/* Open a nested object or array, closed by @closer. */
static void json_push(struct json *j, char opener, char closer)
{
	fputc(opener, j->f);
	if (j->depth + 1 < (int)(sizeof(j->first) / sizeof(j->first[0])))
		j->depth++;
	j->first[j->depth] = true;
	j->closer[j->depth] = closer;
}

void json_begin(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->first[0] = true;
	j->closer[0] = '}';
	fputc('{', f);
}

void json_obj(struct json *j, const char *key)
{
	json_key(j, key);
	json_push(j, '{', '}');
}

/*
 * An array member; its elements are written with the same functions, whose
 * key is then ignored (json_obj(j, NULL) opens an object element).
 */
void json_arr(struct json *j, const char *key)
{
	json_key(j, key);
	json_push(j, '[', ']');
}

void json_close(struct json *j)
{
	if (j->depth > 0) {
		fputc(j->closer[j->depth], j->f);
		j->depth--;
	}
}

void json_str(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	json_escape(j->f, val);
}

void json_uint(struct json *j, const char *key, unsigned long long val)
{
	json_key(j, key);
	fprintf(j->f, "%llu", val);
}

void json_int(struct json *j, const char *key, long long val)
{
	json_key(j, key);
	fprintf(j->f, "%lld", val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	json_key(j, key);
	fputs(val ? "true" : "false", j->f);
}

void json_end(struct json *j)
{
	while (j->depth > 0)
		json_close(j);
	fputs("}\n", j->f);
}
