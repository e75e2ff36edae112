// SPDX-License-Identifier: GPL-2.0
/*
 * Service keys from any keytab libkrb5 can resolve.  Key material is
 * copied once, into a kt_list, and wiped (with libkrb5's copy) as soon as
 * it is no longer needed.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <krb5.h>

#include "args.h"
#include "keytab.h"
#include "names.h"

/*
 * Does "name@REALM" or "name" (any realm) @filter name this principal?
 * Returns 1 or 0.
 */
int kt_filter_match(const char *filter, const char *principal,
		    const char *realm)
{
	char name[KRB5AP_PRINCIPAL_LEN_MAX + 1], frealm[KRB5AP_REALM_LEN_MAX + 1];

	if (principal_split(filter, name, sizeof(name), frealm, sizeof(frealm)))
		return 0;
	if (strcmp(name, principal))
		return 0;
	return !*frealm || !strcmp(frealm, realm);
}

/*
 * Append a copy of @e, unless the list holds the same (principal, realm,
 * kvno, enctype) already: keytabs may repeat an entry, and the kernel
 * refuses duplicates.  Returns 0 or -ENOMEM.
 */
int kt_list_add(struct kt_list *l, const struct kt_entry *e, FILE *report,
		const char *who)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct kt_entry *o = &l->v[i];

		if (o->kvno == e->kvno && o->enctype == e->enctype &&
		    !strcmp(o->principal, e->principal) &&
		    !strcmp(o->realm, e->realm)) {
			if (report)
				fprintf(report, "%s: skipping a second %s@%s kvno %u enctype %u\n",
					who, e->principal, e->realm, e->kvno,
					e->enctype);
			l->skipped++;
			return 0;
		}
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct kt_entry *v = calloc(cap, sizeof(*v));

		if (!v)
			return -ENOMEM;
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		if (l->v) {
			explicit_bzero(l->v, l->cap * sizeof(*l->v));
			free(l->v);
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *e;
	return 0;
}

/* Distinct (principal, realm) pairs in the list. */
size_t kt_list_principals(const struct kt_list *l)
{
	size_t i, j, count = 0;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < i; j++)
			if (!strcmp(l->v[i].principal, l->v[j].principal) &&
			    !strcmp(l->v[i].realm, l->v[j].realm))
				break;
		if (j == i)
			count++;
	}
	return count;
}

void kt_list_wipe(struct kt_list *l)
{
	if (l->v) {
		explicit_bzero(l->v, l->cap * sizeof(*l->v));
		free(l->v);
	}
	memset(l, 0, sizeof(*l));
}

static void kt_error(krb5_context ctx, krb5_error_code code, const char *who,
		     const char *what, const char *name)
{
	const char *msg = krb5_get_error_message(ctx, code);

	fprintf(stderr, "%s: %s %s: %s\n", who, what, name, msg);
	krb5_free_error_message(ctx, msg);
}

/*
 * Read the entries of @keytab (NULL: the default keytab) whose principal
 * one of @filters names (all entries without filters).  Entries the module
 * would refuse (an enctype not in @supported, kvno 0, a name too long) are
 * skipped and reported on stderr.  Every filter must match an entry.
 * Returns 0, or a negative errno after printing why.
 */
int keytab_read(const char *keytab, const char *const *filters,
		size_t nfilters, uint32_t supported, struct kt_list *out,
		const char *who)
{
	krb5_keytab_entry entry;
	krb5_kt_cursor cursor;
	krb5_context ctx;
	krb5_error_code code;
	krb5_keytab kt;
	char ktname[1024];
	bool *matched = NULL;
	int ret = 0;
	size_t i;

	memset(out, 0, sizeof(*out));
	code = krb5_init_context(&ctx);
	if (code) {
		fprintf(stderr, "%s: cannot initialise libkrb5 (error %ld)\n",
			who, (long)code);
		return -EIO;
	}
	code = keytab ? krb5_kt_resolve(ctx, keytab, &kt) :
			krb5_kt_default(ctx, &kt);
	if (code) {
		kt_error(ctx, code, who, "cannot resolve keytab",
			 keytab ? keytab : "(default)");
		krb5_free_context(ctx);
		return -ENOENT;
	}
	if (krb5_kt_get_name(ctx, kt, ktname, sizeof(ktname)))
		snprintf(ktname, sizeof(ktname), "%s", keytab ? keytab : "(default)");
	if (nfilters) {
		matched = calloc(nfilters, sizeof(*matched));
		if (!matched) {
			ret = -ENOMEM;
			goto out_kt;
		}
	}
	code = krb5_kt_start_seq_get(ctx, kt, &cursor);
	if (code) {
		kt_error(ctx, code, who, "cannot read keytab", ktname);
		ret = code == ENOENT ? -ENOENT : code == EACCES ? -EACCES : -EIO;
		goto out_kt;
	}
	while (!(code = krb5_kt_next_entry(ctx, kt, &entry, &cursor))) {
		struct kt_entry e = { 0 };
		char *name = NULL, desc[64];
		const krb5_data *realm = &entry.principal->realm;
		bool want = !nfilters;

		if (krb5_unparse_name_flags(ctx, entry.principal,
					    KRB5_PRINCIPAL_UNPARSE_NO_REALM, &name)) {
			krb5_free_keytab_entry_contents(ctx, &entry);
			ret = -ENOMEM;
			break;
		}
		if (strlen(name) >= sizeof(e.principal) ||
		    realm->length >= sizeof(e.realm)) {
			fprintf(stderr, "%s: skipping %s: name too long\n", who, name);
			out->skipped++;
			goto next;
		}
		strcpy(e.principal, name);
		memcpy(e.realm, realm->data, realm->length);
		e.realm[realm->length] = '\0';
		for (i = 0; i < nfilters; i++)
			if (kt_filter_match(filters[i], e.principal, e.realm)) {
				matched[i] = true;
				want = true;
			}
		if (!want)
			goto next;
		e.kvno = entry.vno;
		e.enctype = (uint32_t)entry.key.enctype;
		enctype_describe(e.enctype, desc, sizeof(desc));
		if (e.enctype >= 32 || !(supported & (1U << e.enctype)) ||
		    !enctype_key_len(e.enctype)) {
			fprintf(stderr, "%s: skipping %s@%s kvno %u: %s is not supported by krb5ap\n",
				who, e.principal, e.realm, e.kvno, desc);
			out->skipped++;
			goto next;
		}
		if (!e.kvno) {
			fprintf(stderr, "%s: skipping %s@%s: kvno 0\n", who,
				e.principal, e.realm);
			out->skipped++;
			goto next;
		}
		if (entry.key.length != enctype_key_len(e.enctype)) {
			fprintf(stderr, "%s: skipping %s@%s kvno %u: a %s key of %u bytes\n",
				who, e.principal, e.realm, e.kvno, desc,
				entry.key.length);
			out->skipped++;
			goto next;
		}
		e.key_len = entry.key.length;
		memcpy(e.key, entry.key.contents, e.key_len);
		ret = kt_list_add(out, &e, stderr, who);
next:
		explicit_bzero(&e, sizeof(e));
		krb5_free_unparsed_name(ctx, name);
		krb5_free_keytab_entry_contents(ctx, &entry);
		if (ret)
			break;
	}
	krb5_kt_end_seq_get(ctx, kt, &cursor);
	if (!ret && code != KRB5_KT_END) {
		kt_error(ctx, code, who, "cannot read keytab", ktname);
		ret = -EIO;
	}
	for (i = 0; !ret && i < nfilters; i++)
		if (!matched[i]) {
			fprintf(stderr, "%s: principal %s is not in keytab %s\n",
				who, filters[i], ktname);
			ret = -ENOENT;
		}
out_kt:
	free(matched);
	krb5_kt_close(ctx, kt);
	krb5_free_context(ctx);
	if (ret)
		kt_list_wipe(out);
	return ret;
}
