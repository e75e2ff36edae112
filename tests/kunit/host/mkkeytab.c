// SPDX-License-Identifier: GPL-2.0
/*
 * mkkeytab KEYTAB DIR: write the KUnit fixtures' service keys
 * (tests/kunit/verify_fixtures.h) to a keytab with libkrb5, and the first
 * good raw token to DIR/token.bin, so that the KUnit guest can load keys
 * over netlink with krb5apctl and verify a real token under the debug
 * kernel.  Prints the number of keys written.
 */
#include <stdio.h>
#include <string.h>
#include <krb5.h>

#include "../verify_fixtures.h"

int main(int argc, char *argv[])
{
	krb5_context ctx;
	krb5_keytab kt;
	unsigned int i, n = 0;
	char path[4096];
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: mkkeytab KEYTAB DIR\n");
		return 2;
	}
	if (krb5_init_context(&ctx))
		return 1;
	snprintf(path, sizeof(path), "WRFILE:%s", argv[1]);
	if (krb5_kt_resolve(ctx, path, &kt))
		return 1;
	for (i = 0; i < sizeof(krb5ap_fixture_keys) / sizeof(krb5ap_fixture_keys[0]); i++) {
		const struct krb5ap_fixture_key *k = &krb5ap_fixture_keys[i];
		krb5_keytab_entry e;
		char name[512];

		memset(&e, 0, sizeof(e));
		snprintf(name, sizeof(name), "%s@%s", k->principal, k->realm);
		if (krb5_parse_name(ctx, name, &e.principal))
			return 1;
		e.vno = k->kvno;
		e.key.magic = KV5M_KEYBLOCK;
		e.key.enctype = k->enctype;
		e.key.length = k->key_len;
		e.key.contents = (krb5_octet *)k->key;
		if (krb5_kt_add_entry(ctx, kt, &e))
			return 1;
		krb5_free_principal(ctx, e.principal);
		n++;
	}
	krb5_kt_close(ctx, kt);
	krb5_free_context(ctx);

	for (i = 0; i < sizeof(krb5ap_fixture_tokens) / sizeof(krb5ap_fixture_tokens[0]); i++) {
		const struct krb5ap_fixture_token *t = &krb5ap_fixture_tokens[i];

		if (t->expect_error || t->gss || t->forged)
			continue;
		snprintf(path, sizeof(path), "%s/token.bin", argv[2]);
		f = fopen(path, "w");
		if (!f || fwrite(t->token, 1, t->token_len, f) != t->token_len)
			return 1;
		fclose(f);
		break;
	}
	printf("%u\n", n);
	return 0;
}
