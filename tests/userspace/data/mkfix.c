// SPDX-License-Identifier: GPL-2.0
/*
 * Make one decoder-test fixture with MIT krb5 (run by ./gen, which sets up
 * a throwaway KDC, ccache and keytab through the environment).
 *
 *   mkfix raw OUT SERVICE [mutual] [subkey] [seq] [cksum]
 *   mkfix gss OUT SERVICE krb5|ms [cb] [deleg]
 *
 * Writes OUT.req (the AP-REQ or GSS token), OUT.etp (decrypted
 * EncTicketPart), OUT.auth (decrypted Authenticator), with mutual
 * authentication OUT.rep (the AP-REP or GSS reply token) and OUT.erep
 * (decrypted EncAPRepPart), and OUT.txt: the fields as MIT decoded them,
 * "key value" per line, for the tests to compare with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <krb5.h>
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>

/* Exported by libkrb5 but not declared in its public headers. */
krb5_error_code decode_krb5_ap_req(const krb5_data *, krb5_ap_req **);
krb5_error_code decode_krb5_ap_rep(const krb5_data *, krb5_ap_rep **);
krb5_error_code decode_krb5_enc_tkt_part(const krb5_data *,
					 krb5_enc_tkt_part **);
krb5_error_code decode_krb5_authenticator(const krb5_data *,
					  krb5_authenticator **);
krb5_error_code decode_krb5_ap_rep_enc_part(const krb5_data *,
					    krb5_ap_rep_enc_part **);
void krb5_free_ap_req(krb5_context, krb5_ap_req *);
void krb5_free_ap_rep(krb5_context, krb5_ap_rep *);
void krb5_free_enc_tkt_part(krb5_context, krb5_enc_tkt_part *);

static krb5_context ctx;
static FILE *txt;
static const char *out;

#define CB_APP_DATA "tls-server-end-point:krb5ap-fixture"
#define CB_INIT_ADDR "\x7f\x00\x00\x01"
#define CB_ACC_ADDR "\x7f\x00\x00\x02"

static void die(const char *what, krb5_error_code code)
{
	fprintf(stderr, "mkfix: %s: %s\n", what,
		code ? krb5_get_error_message(ctx, code) : "failed");
	exit(1);
}

static void check(krb5_error_code code, const char *what)
{
	if (code)
		die(what, code);
}

static void gss_check(OM_uint32 maj, OM_uint32 min, const char *what)
{
	OM_uint32 m, ctx_msg = 0;
	gss_buffer_desc buf;

	if (!GSS_ERROR(maj))
		return;
	gss_display_status(&m, maj, GSS_C_GSS_CODE, GSS_C_NO_OID, &ctx_msg,
			   &buf);
	fprintf(stderr, "mkfix: %s: %.*s", what, (int)buf.length,
		(char *)buf.value);
	gss_release_buffer(&m, &buf);
	gss_display_status(&m, min, GSS_C_MECH_CODE, GSS_C_NO_OID, &ctx_msg,
			   &buf);
	fprintf(stderr, " (%.*s)\n", (int)buf.length, (char *)buf.value);
	exit(1);
}

static void write_file(const char *ext, const void *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s.%s", out, ext);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f))
		die(path, 0);
}

static void put_principal(const char *key, krb5_principal p)
{
	int i;

	fprintf(txt, "%s_realm %.*s\n", key, (int)p->realm.length,
		p->realm.data);
	fprintf(txt, "%s_type %d\n", key, (int)p->type);
	fprintf(txt, "%s_ncomp %d\n", key, (int)p->length);
	fprintf(txt, "%s ", key);
	for (i = 0; i < p->length; i++)
		fprintf(txt, "%s%.*s", i ? "/" : "", (int)p->data[i].length,
			p->data[i].data);
	fprintf(txt, "\n");
}

static int count_authdata(krb5_authdata **ad)
{
	int n = 0;

	while (ad && ad[n])
		n++;
	return n;
}

/* Skip RFC 2743 framing: 0x60 len 0x06 len OID TOK_ID. */
static krb5_data unframe(const unsigned char *p, size_t len)
{
	size_t off = 1, n;
	krb5_data d;

	if (p[off] & 0x80)
		off += 1 + (p[off] & 0x7f);
	else
		off++;
	n = p[off + 1];
	off += 2 + n + 2;
	d.magic = 0;
	d.data = (char *)p + off;
	d.length = len - off;
	return d;
}

static krb5_keyblock *decode_req(const krb5_data *req, krb5_keytab kt)
{
	krb5_ap_req *ap;
	krb5_enc_tkt_part *etp;
	krb5_authenticator *auth;
	krb5_keytab_entry ent;
	krb5_keyblock *session;
	krb5_data plain;

	check(decode_krb5_ap_req(req, &ap), "decode_krb5_ap_req");
	fprintf(txt, "ap_options %u\n", (unsigned int)ap->ap_options);
	put_principal("sname", ap->ticket->server);
	fprintf(txt, "tkt_etype %d\n", (int)ap->ticket->enc_part.enctype);
	fprintf(txt, "tkt_kvno %u\n", (unsigned int)ap->ticket->enc_part.kvno);
	fprintf(txt, "tkt_cipher_len %u\n",
		(unsigned int)ap->ticket->enc_part.ciphertext.length);
	fprintf(txt, "auth_etype %d\n", (int)ap->authenticator.enctype);
	fprintf(txt, "auth_kvno %u\n", (unsigned int)ap->authenticator.kvno);
	fprintf(txt, "auth_cipher_len %u\n",
		(unsigned int)ap->authenticator.ciphertext.length);

	check(krb5_kt_get_entry(ctx, kt, ap->ticket->server,
				ap->ticket->enc_part.kvno,
				ap->ticket->enc_part.enctype, &ent),
	      "krb5_kt_get_entry");
	plain.length = ap->ticket->enc_part.ciphertext.length;
	plain.data = malloc(plain.length);
	check(krb5_c_decrypt(ctx, &ent.key, KRB5_KEYUSAGE_KDC_REP_TICKET, NULL,
			     &ap->ticket->enc_part, &plain), "decrypt ticket");
	write_file("etp", plain.data, plain.length);
	check(decode_krb5_enc_tkt_part(&plain, &etp), "decode enc_tkt_part");
	fprintf(txt, "etp_flags %u\n", (unsigned int)etp->flags);
	fprintf(txt, "etp_key_type %d\n", (int)etp->session->enctype);
	fprintf(txt, "etp_key_len %u\n", (unsigned int)etp->session->length);
	put_principal("etp_cname", etp->client);
	fprintf(txt, "etp_tr_type %d\n", (int)etp->transited.tr_type);
	fprintf(txt, "etp_tr_len %u\n",
		(unsigned int)etp->transited.tr_contents.length);
	fprintf(txt, "etp_authtime %u\n", (unsigned int)etp->times.authtime);
	fprintf(txt, "etp_starttime %u\n", (unsigned int)etp->times.starttime);
	fprintf(txt, "etp_endtime %u\n", (unsigned int)etp->times.endtime);
	fprintf(txt, "etp_renew_till %u\n",
		(unsigned int)etp->times.renew_till);
	fprintf(txt, "etp_caddr %d\n", etp->caddrs != NULL);
	fprintf(txt, "etp_authdata_count %d\n",
		count_authdata(etp->authorization_data));
	if (etp->authorization_data && etp->authorization_data[0])
		fprintf(txt, "etp_authdata0_type %d\n",
			(int)etp->authorization_data[0]->ad_type);
	free(plain.data);

	plain.length = ap->authenticator.ciphertext.length;
	plain.data = malloc(plain.length);
	check(krb5_c_decrypt(ctx, etp->session, KRB5_KEYUSAGE_AP_REQ_AUTH, NULL,
			     &ap->authenticator, &plain), "decrypt authenticator");
	write_file("auth", plain.data, plain.length);
	check(decode_krb5_authenticator(&plain, &auth), "decode authenticator");
	put_principal("auth_cname", auth->client);
	fprintf(txt, "auth_cksum %d\n", auth->checksum != NULL);
	if (auth->checksum) {
		fprintf(txt, "auth_cksum_type %d\n",
			(int)auth->checksum->checksum_type);
		fprintf(txt, "auth_cksum_len %u\n",
			(unsigned int)auth->checksum->length);
	}
	fprintf(txt, "auth_cusec %d\n", (int)auth->cusec);
	fprintf(txt, "auth_ctime %u\n", (unsigned int)auth->ctime);
	fprintf(txt, "auth_subkey %d\n", auth->subkey != NULL);
	if (auth->subkey) {
		fprintf(txt, "auth_subkey_type %d\n", (int)auth->subkey->enctype);
		fprintf(txt, "auth_subkey_len %u\n",
			(unsigned int)auth->subkey->length);
	}
	fprintf(txt, "auth_seq %u\n", (unsigned int)auth->seq_number);
	fprintf(txt, "auth_authdata_count %d\n",
		count_authdata(auth->authorization_data));
	free(plain.data);

	check(krb5_copy_keyblock(ctx, etp->session, &session), "copy key");
	krb5_free_authenticator(ctx, auth);
	krb5_free_enc_tkt_part(ctx, etp);
	krb5_free_keytab_entry_contents(ctx, &ent);
	krb5_free_ap_req(ctx, ap);
	return session;
}

static void decode_rep(const krb5_data *rep, krb5_keyblock *session)
{
	krb5_ap_rep *ap;
	krb5_ap_rep_enc_part *enc;
	krb5_data plain;

	check(decode_krb5_ap_rep(rep, &ap), "decode_krb5_ap_rep");
	fprintf(txt, "rep_etype %d\n", (int)ap->enc_part.enctype);
	fprintf(txt, "rep_kvno %u\n", (unsigned int)ap->enc_part.kvno);
	fprintf(txt, "rep_cipher_len %u\n",
		(unsigned int)ap->enc_part.ciphertext.length);
	plain.length = ap->enc_part.ciphertext.length;
	plain.data = malloc(plain.length);
	check(krb5_c_decrypt(ctx, session, KRB5_KEYUSAGE_AP_REP_ENCPART, NULL,
			     &ap->enc_part, &plain), "decrypt ap-rep");
	write_file("erep", plain.data, plain.length);
	check(decode_krb5_ap_rep_enc_part(&plain, &enc), "decode enc_ap_rep");
	fprintf(txt, "erep_ctime %u\n", (unsigned int)enc->ctime);
	fprintf(txt, "erep_cusec %d\n", (int)enc->cusec);
	fprintf(txt, "erep_subkey %d\n", enc->subkey != NULL);
	if (enc->subkey)
		fprintf(txt, "erep_subkey_type %d\n", (int)enc->subkey->enctype);
	fprintf(txt, "erep_seq %u\n", (unsigned int)enc->seq_number);
	free(plain.data);
	krb5_free_ap_rep_enc_part(ctx, enc);
	krb5_free_ap_rep(ctx, ap);
}

static int has_opt(int argc, char **argv, const char *opt)
{
	int i;

	for (i = 0; i < argc; i++)
		if (!strcmp(argv[i], opt))
			return 1;
	return 0;
}

static void do_raw(const char *service, int argc, char **argv)
{
	krb5_auth_context ac = NULL, sac = NULL;
	krb5_creds in, *creds;
	krb5_ccache cc;
	krb5_keytab kt;
	krb5_data req, rep, data = { 0, 5, "hello" };
	krb5_flags opts = 0;
	krb5_principal server;
	krb5_keyblock *session;

	if (has_opt(argc, argv, "mutual"))
		opts |= AP_OPTS_MUTUAL_REQUIRED;
	if (has_opt(argc, argv, "subkey"))
		opts |= AP_OPTS_USE_SUBKEY;
	check(krb5_cc_default(ctx, &cc), "cc_default");
	check(krb5_kt_default(ctx, &kt), "kt_default");
	check(krb5_parse_name(ctx, service, &server), "parse service");
	memset(&in, 0, sizeof(in));
	check(krb5_cc_get_principal(ctx, cc, &in.client), "cc principal");
	in.server = server;
	check(krb5_get_credentials(ctx, 0, cc, &in, &creds), "get_credentials");
	check(krb5_auth_con_init(ctx, &ac), "auth_con_init");
	if (has_opt(argc, argv, "seq"))
		krb5_auth_con_setflags(ctx, ac, KRB5_AUTH_CONTEXT_DO_SEQUENCE);
	check(krb5_mk_req_extended(ctx, &ac, opts,
				   has_opt(argc, argv, "cksum") ? &data : NULL,
				   creds, &req), "mk_req_extended");
	write_file("req", req.data, req.length);
	fprintf(txt, "framing raw\n");
	session = decode_req(&req, kt);

	/* The acceptor side, for a real AP-REP. */
	check(krb5_rd_req(ctx, &sac, &req, server, kt, NULL, NULL), "rd_req");
	if (opts & AP_OPTS_MUTUAL_REQUIRED) {
		check(krb5_mk_rep(ctx, sac, &rep), "mk_rep");
		write_file("rep", rep.data, rep.length);
		decode_rep(&rep, session);
		krb5_free_data_contents(ctx, &rep);
	}
	krb5_free_keyblock(ctx, session);
	krb5_free_data_contents(ctx, &req);
	krb5_auth_con_free(ctx, sac);
	krb5_auth_con_free(ctx, ac);
	krb5_free_creds(ctx, creds);
	krb5_free_principal(ctx, in.client);
	krb5_free_principal(ctx, server);
	krb5_kt_close(ctx, kt);
	krb5_cc_close(ctx, cc);
}

static void do_gss(const char *service, int argc, char **argv)
{
	OM_uint32 maj, min, flags, ret_flags;
	gss_ctx_id_t ictx = GSS_C_NO_CONTEXT, actx = GSS_C_NO_CONTEXT;
	gss_buffer_desc name = { strlen(service), (void *)service };
	gss_buffer_desc itok = GSS_C_EMPTY_BUFFER, atok = GSS_C_EMPTY_BUFFER;
	struct gss_channel_bindings_struct cbs;
	gss_channel_bindings_t cb = GSS_C_NO_CHANNEL_BINDINGS;
	gss_cred_id_t acred = GSS_C_NO_CREDENTIAL;
	gss_OID_set_desc mechs;
	gss_name_t target;
	gss_OID mech;
	krb5_keytab kt;
	krb5_keyblock *session;
	krb5_data d;
	int ms = has_opt(argc, argv, "ms");

	mech = ms ? (gss_OID)gss_mech_krb5_wrong : (gss_OID)gss_mech_krb5;
	flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG |
		GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;
	if (has_opt(argc, argv, "deleg"))
		flags |= GSS_C_DELEG_FLAG;
	if (has_opt(argc, argv, "cb")) {
		memset(&cbs, 0, sizeof(cbs));
		cbs.initiator_addrtype = GSS_C_AF_INET;
		cbs.initiator_address.length = 4;
		cbs.initiator_address.value = CB_INIT_ADDR;
		cbs.acceptor_addrtype = GSS_C_AF_INET;
		cbs.acceptor_address.length = 4;
		cbs.acceptor_address.value = CB_ACC_ADDR;
		cbs.application_data.length = strlen(CB_APP_DATA);
		cbs.application_data.value = CB_APP_DATA;
		cb = &cbs;
	}
	maj = gss_import_name(&min, &name, GSS_KRB5_NT_PRINCIPAL_NAME, &target);
	gss_check(maj, min, "import_name");
	maj = gss_init_sec_context(&min, GSS_C_NO_CREDENTIAL, &ictx, target,
				   mech, flags, 0, cb, GSS_C_NO_BUFFER, NULL,
				   &itok, &ret_flags, NULL);
	gss_check(maj, min, "init_sec_context");
	write_file("req", itok.value, itok.length);
	fprintf(txt, "framing %s\n", ms ? "ms" : "krb5");
	fprintf(txt, "gss_flags %u\n", (unsigned int)flags);
	fprintf(txt, "gss_cb %d\n", cb != GSS_C_NO_CHANNEL_BINDINGS);
	fprintf(txt, "gss_deleg %d\n", !!(ret_flags & GSS_C_DELEG_FLAG));

	check(krb5_kt_default(ctx, &kt), "kt_default");
	d = unframe(itok.value, itok.length);
	session = decode_req(&d, kt);

	/* The Microsoft OID is only accepted with a credential for it. */
	mechs.count = 1;
	mechs.elements = mech;
	maj = gss_acquire_cred(&min, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs,
			       GSS_C_ACCEPT, &acred, NULL, NULL);
	gss_check(maj, min, "acquire_cred");
	maj = gss_accept_sec_context(&min, &actx, acred, &itok,
				     cb, NULL, NULL, &atok, NULL, NULL, NULL);
	gss_check(maj, min, "accept_sec_context");
	write_file("rep", atok.value, atok.length);
	d = unframe(atok.value, atok.length);
	decode_rep(&d, session);

	krb5_free_keyblock(ctx, session);
	krb5_kt_close(ctx, kt);
	gss_release_buffer(&min, &itok);
	gss_release_buffer(&min, &atok);
	gss_delete_sec_context(&min, &ictx, GSS_C_NO_BUFFER);
	gss_delete_sec_context(&min, &actx, GSS_C_NO_BUFFER);
	gss_release_name(&min, &target);
	gss_release_cred(&min, &acred);
}

int main(int argc, char **argv)
{
	char path[4096];

	if (argc < 4) {
		fprintf(stderr, "usage: mkfix raw|gss OUT SERVICE [options]\n");
		return 2;
	}
	out = argv[2];
	check(krb5_init_context(&ctx), "init_context");
	snprintf(path, sizeof(path), "%s.txt", out);
	txt = fopen(path, "w");
	if (!txt)
		die(path, 0);
	if (!strcmp(argv[1], "raw"))
		do_raw(argv[3], argc - 4, argv + 4);
	else
		do_gss(argv[3], argc - 4, argv + 4);
	fclose(txt);
	krb5_free_context(ctx);
	return 0;
}
