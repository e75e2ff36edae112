// SPDX-License-Identifier: GPL-2.0
/*
 * netlink-mint: make one fresh AP-REQ for the netlink VM suite (run on the
 * host by netlink.host, with KRB5_CONFIG and KRB5CCNAME set up for a
 * throwaway KDC).
 *
 *   netlink-mint raw|gss SERVICE@REALM OUT
 *
 * raw: krb5_mk_req_extended() with mutual authentication; gss:
 * gss_init_sec_context() with GSS_C_MUTUAL_FLAG.  Prints the ticket's
 * enctype and kvno ("ENCTYPE KVNO") on standard output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <krb5/krb5.h>
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>

static krb5_context ctx;

static void kchk(krb5_error_code ret, const char *what)
{
	if (ret) {
		fprintf(stderr, "netlink-mint: %s: %s\n", what,
			krb5_get_error_message(ctx, ret));
		exit(1);
	}
}

static void write_out(const char *path, const void *p, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(p, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* The service ticket's enctype and kvno, from the ccache. */
static void print_ticket(krb5_ccache cc, krb5_principal server)
{
	krb5_creds in, *out;
	krb5_ticket *t;

	memset(&in, 0, sizeof(in));
	kchk(krb5_cc_get_principal(ctx, cc, &in.client), "cc principal");
	in.server = server;
	kchk(krb5_get_credentials(ctx, KRB5_GC_CACHED, cc, &in, &out),
	     "cached ticket");
	kchk(krb5_decode_ticket(&out->ticket, &t), "decode ticket");
	printf("%d %u\n", t->enc_part.enctype, t->enc_part.kvno);
	krb5_free_ticket(ctx, t);
	krb5_free_creds(ctx, out);
	krb5_free_principal(ctx, in.client);
}

int main(int argc, char **argv)
{
	krb5_principal server;
	krb5_ccache cc;

	if (argc != 4 || (strcmp(argv[1], "raw") && strcmp(argv[1], "gss"))) {
		fprintf(stderr, "usage: netlink-mint raw|gss SERVICE@REALM OUT\n");
		return 2;
	}
	kchk(krb5_init_context(&ctx), "init");
	kchk(krb5_cc_default(ctx, &cc), "ccache");
	kchk(krb5_parse_name(ctx, argv[2], &server), "parse name");

	if (!strcmp(argv[1], "raw")) {
		krb5_auth_context ac = NULL;
		krb5_creds in, *creds;
		krb5_data req;

		memset(&in, 0, sizeof(in));
		kchk(krb5_cc_get_principal(ctx, cc, &in.client), "cc principal");
		in.server = server;
		kchk(krb5_get_credentials(ctx, 0, cc, &in, &creds), "ticket");
		kchk(krb5_mk_req_extended(ctx, &ac, AP_OPTS_MUTUAL_REQUIRED,
					  NULL, creds, &req), "mk_req");
		write_out(argv[3], req.data, req.length);
		krb5_free_data_contents(ctx, &req);
		krb5_free_creds(ctx, creds);
		krb5_auth_con_free(ctx, ac);
		krb5_free_principal(ctx, in.client);
	} else {
		gss_buffer_desc name = { strlen(argv[2]), argv[2] };
		gss_buffer_desc out = GSS_C_EMPTY_BUFFER;
		gss_ctx_id_t gctx = GSS_C_NO_CONTEXT;
		OM_uint32 maj, min;
		gss_name_t target;

		maj = gss_import_name(&min, &name,
				      (gss_OID)GSS_KRB5_NT_PRINCIPAL_NAME, &target);
		if (GSS_ERROR(maj)) {
			fprintf(stderr, "netlink-mint: gss_import_name failed\n");
			return 1;
		}
		maj = gss_init_sec_context(&min, GSS_C_NO_CREDENTIAL, &gctx,
					   target, (gss_OID)gss_mech_krb5,
					   GSS_C_MUTUAL_FLAG, 0,
					   GSS_C_NO_CHANNEL_BINDINGS, NULL,
					   NULL, &out, NULL, NULL);
		if (GSS_ERROR(maj)) {
			fprintf(stderr, "netlink-mint: gss_init_sec_context: 0x%x/%d\n",
				maj, (int)min);
			return 1;
		}
		write_out(argv[3], out.value, out.length);
		gss_release_buffer(&min, &out);
		gss_release_name(&min, &target);
	}
	print_ticket(cc, server);
	krb5_free_principal(ctx, server);
	krb5_cc_close(ctx, cc);
	krb5_free_context(ctx);
	return 0;
}
