// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl key list [--json] | del PRINCIPAL [--kvno N] | flush: the
 * network namespace's key table.  Only metadata ever comes back from the
 * kernel: key bytes are write-only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>

#include "args.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"
#include "output.h"

static void key_usage(FILE *f)
{
	fprintf(f,
		"Usage: %s key list [--json]\n"
		"       %s key del PRINCIPAL [--kvno N]\n"
		"       %s key flush\n\n"
		"list   show the service keys loaded in this network namespace:\n"
		"       principal, kvno and enctype (never the key bytes)\n"
		"del    remove PRINCIPAL's keys (name@REALM), or only those of kvno N\n"
		"flush  remove every key\n",
		prog, prog, prog);
}

static void copy_str(char *dst, size_t size, const struct nlattr *attr)
{
	if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		snprintf(dst, size, "%s", mnl_attr_get_str(attr));
}

/* Fill @k from one KRB5AP_CMD_KEY_GET reply message. */
int key_parse(const struct nlmsghdr *nlh, struct krb5ap_key_info *k)
{
	const struct nlattr *attr;

	memset(k, 0, sizeof(*k));
	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(attr)) {
		case KRB5AP_A_KEY_PRINCIPAL:
			copy_str(k->principal, sizeof(k->principal), attr);
			break;
		case KRB5AP_A_KEY_REALM:
			copy_str(k->realm, sizeof(k->realm), attr);
			break;
		case KRB5AP_A_KEY_KVNO:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
				k->kvno = mnl_attr_get_u32(attr);
			break;
		case KRB5AP_A_KEY_ENCTYPE:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
				k->enctype = mnl_attr_get_u32(attr);
			break;
		}
	}
	return k->principal[0] ? 0 : -EBADMSG;
}

static int key_cmp(const void *a, const void *b)
{
	const struct krb5ap_key_info *x = a, *y = b;
	int c = strcmp(x->realm, y->realm);

	if (!c)
		c = strcmp(x->principal, y->principal);
	if (!c && x->kvno != y->kvno)
		c = x->kvno > y->kvno ? -1 : 1;	/* newest first */
	if (!c && x->enctype != y->enctype)
		c = x->enctype < y->enctype ? -1 : 1;
	return c;
}

/* Print @n keys, sorted by realm, principal, kvno (newest first), enctype. */
void key_list_print(FILE *f, const struct krb5ap_key_info *keys, size_t n,
		    bool json)
{
	struct krb5ap_key_info *sorted = NULL;
	char name[520], desc[64];
	struct json j;
	size_t i;

	if (n) {
		sorted = malloc(n * sizeof(*sorted));
		if (!sorted)
			return;
		memcpy(sorted, keys, n * sizeof(*sorted));
		qsort(sorted, n, sizeof(*sorted), key_cmp);
	}
	if (json) {
		json_begin(&j, f);
		json_arr(&j, "keys");
		for (i = 0; i < n; i++) {
			const char *ename = enctype_name(sorted[i].enctype);

			principal_join(sorted[i].principal, sorted[i].realm,
				       name, sizeof(name));
			json_obj(&j, NULL);
			json_str(&j, "principal", name);
			json_uint(&j, "kvno", sorted[i].kvno);
			json_uint(&j, "enctype", sorted[i].enctype);
			if (ename)
				json_str(&j, "enctype_name", ename);
			json_close(&j);
		}
		json_end(&j);
	} else if (!n) {
		fprintf(f, "no keys loaded\n");
	} else {
		fprintf(f, "%-44s %5s  %s\n", "PRINCIPAL", "KVNO", "ENCTYPE");
		for (i = 0; i < n; i++) {
			principal_join(sorted[i].principal, sorted[i].realm,
				       name, sizeof(name));
			enctype_describe(sorted[i].enctype, desc, sizeof(desc));
			fprintf(f, "%-44s %5u  %s\n", name, sorted[i].kvno, desc);
		}
	}
	free(sorted);
}

struct key_list {
	struct krb5ap_key_info *v;
	size_t n, cap;
};

static int key_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct key_list *l = data;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct krb5ap_key_info *v = realloc(l->v, cap * sizeof(*v));

		if (!v) {
			errno = ENOMEM;
			return MNL_CB_ERROR;
		}
		l->v = v;
		l->cap = cap;
	}
	if (key_parse(nlh, &l->v[l->n]) == 0)
		l->n++;
	return MNL_CB_OK;
}

static int key_list(struct nl *nl, bool json)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct key_list l = { 0 };
	struct nlmsghdr *nlh;
	int ret;

	nlh = nl_request(nl, buf, KRB5AP_CMD_KEY_GET, NLM_F_DUMP);
	ret = nl_talk(nl, nlh, key_list_cb, &l);
	if (ret)
		nl_perror(nl, "krb5apctl key list", "listing keys", -ret);
	else
		key_list_print(stdout, l.v, l.n, json);
	free(l.v);
	return ret;
}

static int key_del(struct nl *nl, const char *principal, bool has_kvno,
		   unsigned int kvno)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	char name[KRB5AP_PRINCIPAL_LEN_MAX + 1], realm[KRB5AP_REALM_LEN_MAX + 1];
	struct nlmsghdr *nlh;
	int ret;

	if (principal_split(principal, name, sizeof(name), realm, sizeof(realm)) ||
	    !realm[0]) {
		fprintf(stderr, "%s key del: '%s' is not a principal with its realm (name@REALM)\n",
			prog, principal);
		return -EINVAL;
	}
	nlh = nl_request(nl, buf, KRB5AP_CMD_KEY_DEL, NLM_F_ACK);
	mnl_attr_put_strz(nlh, KRB5AP_A_KEY_PRINCIPAL, name);
	mnl_attr_put_strz(nlh, KRB5AP_A_KEY_REALM, realm);
	if (has_kvno)
		mnl_attr_put_u32(nlh, KRB5AP_A_KEY_KVNO, kvno);
	ret = nl_talk(nl, nlh, NULL, NULL);
	if (ret == -ENOENT)
		fprintf(stderr, "%s key del: no key of %s%s loaded\n", prog,
			principal, has_kvno ? " with that kvno" : "");
	else if (ret)
		nl_perror(nl, "krb5apctl key del", principal, -ret);
	return ret;
}

static int key_flush(struct nl *nl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int ret;

	nlh = nl_request(nl, buf, KRB5AP_CMD_KEY_FLUSH, NLM_F_ACK);
	ret = nl_talk(nl, nlh, NULL, NULL);
	if (ret)
		nl_perror(nl, "krb5apctl key flush", "flushing keys", -ret);
	return ret;
}

int cmd_key(int argc, char *argv[])
{
	const char *verb, *principal = NULL;
	bool json = false, has_kvno = false;
	unsigned int kvno = 0;
	struct nl nl;
	int i, ret;

	if (argc < 2) {
		key_usage(stderr);
		return EXIT_USAGE;
	}
	verb = argv[1];
	if (is_help(verb)) {
		key_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(verb, "list") && strcmp(verb, "del") && strcmp(verb, "flush")) {
		fprintf(stderr, "%s key: unknown command '%s'\n", prog, verb);
		key_usage(stderr);
		return EXIT_USAGE;
	}
	for (i = 2; i < argc; i++) {
		if (is_help(argv[i])) {
			key_usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(verb, "list") && !strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(verb, "del") && !strcmp(argv[i], "--kvno") &&
			   i + 1 < argc) {
			if (parse_u32(argv[++i], &kvno) || !kvno) {
				fprintf(stderr, "%s key del: --kvno takes a number from 1 to 4294967295\n",
					prog);
				return EXIT_USAGE;
			}
			has_kvno = true;
		} else if (!strcmp(verb, "del") && !principal && argv[i][0] != '-') {
			principal = argv[i];
		} else {
			fprintf(stderr, "%s key %s: unexpected argument '%s'\n",
				prog, verb, argv[i]);
			return EXIT_USAGE;
		}
	}
	if (!strcmp(verb, "del") && !principal) {
		fprintf(stderr, "%s key del: which principal?\n", prog);
		key_usage(stderr);
		return EXIT_USAGE;
	}
	if (principal) {
		char n[KRB5AP_PRINCIPAL_LEN_MAX + 1], r[KRB5AP_REALM_LEN_MAX + 1];

		if (principal_split(principal, n, sizeof(n), r, sizeof(r)) || !r[0]) {
			fprintf(stderr, "%s key del: '%s' is not a principal with its realm (name@REALM)\n",
				prog, principal);
			return EXIT_USAGE;
		}
	}
	if (nl_open(&nl, "krb5apctl key"))
		return EXIT_USAGE;
	if (!strcmp(verb, "list"))
		ret = key_list(&nl, json);
	else if (!strcmp(verb, "del"))
		ret = key_del(&nl, principal, has_kvno, kvno);
	else
		ret = key_flush(&nl);
	nl_close(&nl);
	return ret ? EXIT_USAGE : EXIT_OK;
}
