/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading service keys from a keytab with libkrb5.
 */
#ifndef KRB5APCTL_KEYTAB_H
#define KRB5APCTL_KEYTAB_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/krb5ap.h>

struct kt_entry {
	char principal[KRB5AP_PRINCIPAL_LEN_MAX + 1];	/* without the realm */
	char realm[KRB5AP_REALM_LEN_MAX + 1];
	uint32_t kvno;
	uint32_t enctype;
	unsigned int key_len;
	uint8_t key[KRB5AP_KEY_LEN_MAX];
};

struct kt_list {
	struct kt_entry *v;
	size_t n;
	size_t cap;
	size_t skipped;
};

int keytab_read(const char *keytab, const char *const *filters,
		size_t nfilters, uint32_t supported, struct kt_list *out,
		const char *who);
int kt_list_add(struct kt_list *l, const struct kt_entry *e, FILE *report,
		const char *who);
size_t kt_list_principals(const struct kt_list *l);
void kt_list_wipe(struct kt_list *l);
int kt_filter_match(const char *filter, const char *principal,
		    const char *realm);

#endif /* KRB5APCTL_KEYTAB_H */
