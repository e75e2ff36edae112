/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text and JSON output for krb5apctl's read commands.
 */
#ifndef KRB5APCTL_OUTPUT_H
#define KRB5APCTL_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

/*
 * A JSON object writer: one flat or nested object, written as it goes.
 *	struct json j; json_begin(&j, stdout);
 *	json_str(&j, "client", "alice@REALM"); json_uint(&j, "kvno", 3);
 *	json_end(&j);
 * json_obj() and json_arr() open a member that json_close() closes; inside
 * an array the key arguments are ignored (pass NULL).
 */
struct json {
	FILE *f;
	int depth;
	bool first[8];
	char closer[8];
};

void json_escape(FILE *f, const char *s);
void json_begin(struct json *j, FILE *f);
void json_obj(struct json *j, const char *key);
void json_arr(struct json *j, const char *key);
void json_close(struct json *j);
void json_str(struct json *j, const char *key, const char *val);
void json_uint(struct json *j, const char *key, unsigned long long val);
void json_int(struct json *j, const char *key, long long val);
void json_bool(struct json *j, const char *key, bool val);
void json_end(struct json *j);

#endif /* KRB5APCTL_OUTPUT_H */
