// SPDX-License-Identifier: GPL-2.0
/*
 * e2e-tool: host side of the end-to-end VM suites (tests/vm/suites/e2e*.host).
 *
 *   e2e-tool SPEC SHARE KEYTAB OFFSET
 *
 * SPEC has one token per line (fields separated by tabs):
 *   ID  CCACHE  SERVICE@REALM  raw|gss  MUTUAL(0|1)  SUBKEY(0|1)  EXTRA  DESC
 * EXTRA is "-", "u2u" (set the use-session-key ap-option, which krb5ap
 * refuses on purpose, Documentation/api.rst check 7), "flip" (flip the
 * token's last byte, in the authenticator's MAC), "clock=N" (a raw token
 * made by a client whose clock is N seconds ahead: MIT's krb5_mk_req_extended
 * refuses a ticket that is not yet valid by its own clock) or "group=NAME"
 * (the token belongs to a group the guest checks as a whole, not one case
 * each).
 *
 * For each line it makes an AP-REQ with MIT's libkrb5 from the ticket cached
 * in CCACHE (krb5_mk_req_extended, or gss_init_sec_context for gss), writes
 * SHARE/tok/ID.tok, then runs MIT's krb5_rd_req on it with KEYTAB at the
 * time the guest will see (now + OFFSET, krb5_set_debugging_time) and its own
 * replay cache, and appends MIT's verdict and fields to SHARE/expect in the
 * guest's canonical form:
 *   ID <tab> MUTUAL <tab> NOTE <tab> CANON <tab> DESC
 * With OFFSET, raw authenticators are made at now + OFFSET too (a client
 * whose clock agrees with the guest's).
 *
 * Then it forks: the child keeps the initiator context (auth context or GSS
 * context) of every mutual token MIT accepted alive, waits for the guest's
 * AP-REP in SHARE/rep/ID.rep, has MIT accept it (krb5_rd_rep, or
 * gss_init_sec_context's second step) and writes the answer to
 * SHARE/rep/ID.mit ("accepted ..." or "rejected: ...").  It exits when every answer is written, after 600 s, or
 * when SHARE disappears.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <krb5/krb5.h>
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>

/* Exported by libkrb5.so.3 but declared only in MIT's private headers. */
krb5_error_code KRB5_CALLCONV krb5_set_debugging_time(krb5_context, krb5_timestamp,
						      krb5_int32);
krb5_error_code KRB5_CALLCONV krb5_use_natural_time(krb5_context);
krb5_error_code decode_krb5_ap_req(const krb5_data *, krb5_ap_req **);
krb5_error_code encode_krb5_ap_req(const krb5_ap_req *, krb5_data **);
void KRB5_CALLCONV krb5_free_ap_req(krb5_context, krb5_ap_req *);

#define MAXTOK 512

struct tok {
	char id[64], cc[512], svc[256], mode[8], extra[64], desc[256];
	int gss, mutual, subkey;
	/* kept alive for the AP-REP */
	krb5_auth_context ac;
	gss_ctx_id_t gctx;
	gss_name_t target;
	gss_cred_id_t cred;
	krb5_ccache ccache;
	int pending;
};

static struct tok toks[MAXTOK];
static int ntok;
static krb5_context kctx;	/* minting, AP-REP */
static krb5_context vctx;	/* MIT verification */
static const char *share, *ktname;
static long offset;
static char rcdir[] = "/tmp/krb5ap-e2e-rc.XXXXXX";

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "e2e-tool: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static void kchk(krb5_error_code ret, const char *what, const char *id)
{
	if (ret)
		die("%s: %s: %s (%ld)", id, what, krb5_get_error_message(kctx, ret), (long)ret);
}

static void write_file(const char *path, const void *p, size_t len)
{
	char tmp[1024];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (!f || fwrite(p, 1, len, f) != len || fclose(f))
		die("write %s: %s", tmp, strerror(errno));
	if (rename(tmp, path))
		die("rename %s: %s", path, strerror(errno));
}

/* Skip 60 len 06 09 OID 01 00 (the caller knows it is well formed). */
static krb5_data unframe(const void *tok, size_t len)
{
	const unsigned char *p = tok;
	krb5_data d;

	p++;
	if (*p & 0x80)
		p += 1 + (*p & 0x7f);
	else
		p++;
	p += 2 + 9 + 2;
	d.magic = 0;
	d.data = (char *)p;
	d.length = len - (p - (const unsigned char *)tok);
	return d;
}

static long errnum(krb5_error_code code)
{
	if (!code)
		return 0;
	if (code > ERROR_TABLE_BASE_krb5 && code < ERROR_TABLE_BASE_krb5 + 256)
		return code - ERROR_TABLE_BASE_krb5;
	return 1000000 + (long)code;	/* outside the table: cannot match krb5ap */
}

/*
 * MIT's verdict and fields, in the canonical form e2e.sh builds from
 * `krb5apctl verify --json`.
 */
static void mit_canon(struct tok *t, const krb5_data *apreq, char *out, size_t size)
{
	krb5_auth_context ac = NULL;
	krb5_flags opts = 0;
	krb5_ticket *tk = NULL;
	krb5_authenticator *a = NULL;
	krb5_keytab kt;
	krb5_error_code ret;
	char *client, *server, rcname[1200];
	unsigned int gflags = 0;
	int has_gflags = 0;

	/* A replay cache of its own for every check. */
	snprintf(rcname, sizeof(rcname), "file2:%s/%s", rcdir, t->id);
	setenv("KRB5RCACHENAME", rcname, 1);
	kchk(krb5_kt_resolve(vctx, ktname, &kt), "kt_resolve", t->id);
	kchk(krb5_set_debugging_time(vctx, time(NULL) + offset, 0), "debugging_time", t->id);
	kchk(krb5_auth_con_init(vctx, &ac), "auth_con_init", t->id);
	ret = krb5_rd_req(vctx, &ac, apreq, NULL, kt, &opts, &tk);
	if (ret) {
		snprintf(out, size, "rejected krb_error=%ld", errnum(ret));
		fprintf(stderr, "e2e-tool: %s: MIT: %s\n", t->id, krb5_get_error_message(vctx, ret));
		goto done;
	}
	kchk(krb5_auth_con_getauthenticator(vctx, ac, &a), "getauthenticator", t->id);
	kchk(krb5_unparse_name(vctx, tk->enc_part2->client, &client), "unparse", t->id);
	kchk(krb5_unparse_name(vctx, tk->server, &server), "unparse", t->id);
	if (t->gss && a->checksum && a->checksum->checksum_type == 0x8003 &&
	    a->checksum->length >= 24) {
		const unsigned char *c = a->checksum->contents;

		gflags = c[20] | c[21] << 8 | c[22] << 16 | (unsigned int)c[23] << 24;
		has_gflags = 1;
	}
	{
		krb5_ticket_times *tm = &tk->enc_part2->times;
		char sub[32], gf[32];

		if (a->subkey)
			snprintf(sub, sizeof(sub), "%d", a->subkey->enctype);
		else
			snprintf(sub, sizeof(sub), "none");
		if (has_gflags)
			snprintf(gf, sizeof(gf), "%u", gflags);
		else
			snprintf(gf, sizeof(gf), "none");
		snprintf(out, size,
			 "accepted client=%s server=%s enctype=%d kvno=%u session_enctype=%d"
			 " subkey_enctype=%s authtime=%ld starttime=%ld endtime=%ld"
			 " renew_till=%ld ticket_flags=%u gss_flags=%s seq=%u mutual=%s",
			 client, server, tk->enc_part.enctype, tk->enc_part.kvno,
			 tk->enc_part2->session->enctype, sub, (long)tm->authtime,
			 (long)(tm->starttime ? tm->starttime : tm->authtime),
			 (long)tm->endtime, (long)tm->renew_till,
			 (unsigned int)tk->enc_part2->flags, gf, (unsigned int)a->seq_number,
			 ((opts & AP_OPTS_MUTUAL_REQUIRED) || (gflags & GSS_C_MUTUAL_FLAG)) ?
			 "true" : "false");
	}
	krb5_free_unparsed_name(vctx, client);
	krb5_free_unparsed_name(vctx, server);
	krb5_free_authenticator(vctx, a);
	krb5_free_ticket(vctx, tk);
done:
	krb5_auth_con_free(vctx, ac);
	krb5_kt_close(vctx, kt);
	krb5_use_natural_time(vctx);
}

/* Set the use-session-key ap-option (the authenticator is untouched). */
static void set_u2u(struct tok *t, krb5_data *apreq)
{
	krb5_ap_req *req;
	krb5_data *der;

	kchk(decode_krb5_ap_req(apreq, &req), "decode_ap_req", t->id);
	req->ap_options |= AP_OPTS_USE_SESSION_KEY;
	kchk(encode_krb5_ap_req(req, &der), "encode_ap_req", t->id);
	krb5_free_data_contents(kctx, apreq);
	*apreq = *der;
	free(der);
	krb5_free_ap_req(kctx, req);
}

static void mint(struct tok *t, FILE *expect)
{
	krb5_principal me, svc;
	krb5_creds in, *creds;
	krb5_data apreq;
	char path[1024], canon[2048], note[128];
	void *tokbuf;
	size_t toklen;

	kchk(krb5_cc_resolve(kctx, t->cc, &t->ccache), "cc_resolve", t->id);
	kchk(krb5_cc_get_principal(kctx, t->ccache, &me), "cc_get_principal", t->id);
	kchk(krb5_parse_name(kctx, t->svc, &svc), "parse_name", t->id);
	memset(&in, 0, sizeof(in));
	in.client = me;
	in.server = svc;
	kchk(krb5_get_credentials(kctx, KRB5_GC_CACHED, t->ccache, &in, &creds),
	     "cached service ticket", t->id);

	if (!t->gss) {
		krb5_flags opts = (t->mutual ? AP_OPTS_MUTUAL_REQUIRED : 0) |
				  (t->subkey ? AP_OPTS_USE_SUBKEY : 0);

		kchk(krb5_auth_con_init(kctx, &t->ac), "auth_con_init", t->id);
		kchk(krb5_auth_con_setflags(kctx, t->ac, KRB5_AUTH_CONTEXT_DO_TIME |
					    KRB5_AUTH_CONTEXT_DO_SEQUENCE), "setflags", t->id);
		long ahead = offset;

		if (!strncmp(t->extra, "clock=", 6))
			ahead += atol(t->extra + 6);
		if (ahead)
			kchk(krb5_set_debugging_time(kctx, time(NULL) + ahead, 0),
			     "debugging_time", t->id);
		kchk(krb5_mk_req_extended(kctx, &t->ac, opts, NULL, creds, &apreq),
		     "mk_req_extended", t->id);
		krb5_use_natural_time(kctx);
		if (!strcmp(t->extra, "u2u"))
			set_u2u(t, &apreq);
		if (!strcmp(t->extra, "flip"))
			apreq.data[apreq.length - 1] ^= 0x01;
		tokbuf = apreq.data;
		toklen = apreq.length;
	} else {
		OM_uint32 maj, min;
		gss_buffer_desc nb = { strlen(t->svc), t->svc }, ot = GSS_C_EMPTY_BUFFER;
		OM_uint32 flags = GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG | GSS_C_INTEG_FLAG |
				  GSS_C_CONF_FLAG | (t->mutual ? GSS_C_MUTUAL_FLAG : 0);

		if (offset)
			die("%s: gss tokens cannot be made with a clock offset", t->id);
		maj = gss_krb5_import_cred(&min, t->ccache, me, NULL, &t->cred);
		if (GSS_ERROR(maj))
			die("%s: gss_krb5_import_cred 0x%x", t->id, maj);
		maj = gss_import_name(&min, &nb, (gss_OID)GSS_KRB5_NT_PRINCIPAL_NAME, &t->target);
		if (GSS_ERROR(maj))
			die("%s: gss_import_name 0x%x", t->id, maj);
		t->gctx = GSS_C_NO_CONTEXT;
		maj = gss_init_sec_context(&min, t->cred, &t->gctx, t->target,
					   (gss_OID)gss_mech_krb5, flags, 0,
					   GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, NULL,
					   &ot, NULL, NULL);
		if (GSS_ERROR(maj))
			die("%s: gss_init_sec_context 0x%x/%ld", t->id, maj, (long)min);
		if (t->mutual != (maj == GSS_S_CONTINUE_NEEDED))
			die("%s: gss_init_sec_context: unexpected 0x%x", t->id, maj);
		tokbuf = malloc(ot.length);
		memcpy(tokbuf, ot.value, ot.length);
		toklen = ot.length;
		gss_release_buffer(&min, &ot);
		if (!t->subkey)
			die("%s: MIT's GSS initiator always sends a subkey", t->id);
	}
	snprintf(path, sizeof(path), "%s/tok/%s.tok", share, t->id);
	write_file(path, tokbuf, toklen);

	if (t->gss) {
		krb5_data d = unframe(tokbuf, toklen);

		mit_canon(t, &d, canon, sizeof(canon));
		free(tokbuf);
	} else {
		mit_canon(t, &apreq, canon, sizeof(canon));
		krb5_free_data_contents(kctx, &apreq);
	}
	/* Only a token MIT accepts gets an AP-REP to wait for. */
	t->pending = t->mutual && !strncmp(canon, "accepted", 8);
	snprintf(note, sizeof(note), "mit");
	if (!strcmp(t->extra, "u2u")) {
		/* Documentation/api.rst, check 7: krb5ap refuses use-session-key. */
		if (strncmp(canon, "accepted", 8))
			die("%s: MIT did not accept the use-session-key token: %s", t->id, canon);
		snprintf(note, sizeof(note), "stricter than MIT on purpose (api.rst check 7; MIT accepts)");
		snprintf(canon, sizeof(canon), "rejected krb_error=45");
	} else if (!strncmp(t->extra, "group=", 6)) {
		snprintf(note, sizeof(note), "%s", t->extra);
	}
	fprintf(expect, "%s\t%d\t%s\t%s\t%s\n", t->id, t->mutual, note, canon, t->desc);
	krb5_free_creds(kctx, creds);
	krb5_free_principal(kctx, svc);
	krb5_free_principal(kctx, me);
}

/* MIT's answer to the guest's AP-REP for @t. */
static void answer(struct tok *t, const void *rep, size_t len)
{
	char msg[512], path[1024];

	if (!t->gss) {
		krb5_data d = { 0, len, (char *)rep };
		krb5_ap_rep_enc_part *repl = NULL;
		krb5_error_code ret = krb5_rd_rep(kctx, t->ac, &d, &repl);

		if (ret)
			snprintf(msg, sizeof(msg), "rejected: krb5_rd_rep: %s (%ld)\n",
				 krb5_get_error_message(kctx, ret), (long)ret);
		else
			snprintf(msg, sizeof(msg), "accepted by krb5_rd_rep (ctime %ld, seq %u)\n",
				 (long)repl->ctime, (unsigned int)repl->seq_number);
		if (repl)
			krb5_free_ap_rep_enc_part(kctx, repl);
	} else {
		OM_uint32 maj, min, rflags = 0;
		gss_buffer_desc in = { len, (void *)rep }, ot = GSS_C_EMPTY_BUFFER;

		maj = gss_init_sec_context(&min, t->cred, &t->gctx, t->target,
					   (gss_OID)gss_mech_krb5, 0, 0,
					   GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &ot,
					   &rflags, NULL);
		if (maj == GSS_S_COMPLETE && (rflags & GSS_C_MUTUAL_FLAG))
			snprintf(msg, sizeof(msg),
				 "accepted by gss_init_sec_context (GSS_S_COMPLETE, flags 0x%x)\n",
				 rflags);
		else
			snprintf(msg, sizeof(msg),
				 "rejected: gss_init_sec_context major 0x%x minor %ld (%s) flags 0x%x\n",
				 maj, (long)(krb5_error_code)min, error_message(min), rflags);
		gss_release_buffer(&min, &ot);
	}
	snprintf(path, sizeof(path), "%s/rep/%s.mit", share, t->id);
	write_file(path, msg, strlen(msg));
}

static void serve(void)
{
	time_t end = time(NULL) + 600;
	int left, i;

	for (;;) {
		struct stat st;

		if (stat(share, &st) || time(NULL) > end)
			exit(0);
		left = 0;
		for (i = 0; i < ntok; i++) {
			struct tok *t = &toks[i];
			char path[1024], buf[65536];
			size_t n;
			FILE *f;

			if (!t->pending)
				continue;
			snprintf(path, sizeof(path), "%s/rep/%s.rep", share, t->id);
			f = fopen(path, "rb");
			if (!f) {
				left++;
				continue;
			}
			n = fread(buf, 1, sizeof(buf), f);
			fclose(f);
			answer(t, buf, n);
			t->pending = 0;
		}
		if (!left)
			exit(0);
		usleep(100000);
	}
}

static void parse_spec(const char *spec)
{
	FILE *f = fopen(spec, "r");
	char line[2048];

	if (!f)
		die("%s: %s", spec, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		struct tok *t;
		char *fld[8], *p = line, *s;
		int n = 0;

		line[strcspn(line, "\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		while (n < 8 && (s = strsep(&p, "\t")))
			fld[n++] = s;
		if (n != 8)
			die("%s: bad line: %s", spec, line);
		if (ntok == MAXTOK)
			die("too many tokens");
		t = &toks[ntok++];
		snprintf(t->id, sizeof(t->id), "%s", fld[0]);
		snprintf(t->cc, sizeof(t->cc), "%s", fld[1]);
		snprintf(t->svc, sizeof(t->svc), "%s", fld[2]);
		snprintf(t->mode, sizeof(t->mode), "%s", fld[3]);
		t->gss = !strcmp(fld[3], "gss");
		if (!t->gss && strcmp(fld[3], "raw"))
			die("%s: mode %s", t->id, fld[3]);
		t->mutual = atoi(fld[4]);
		t->subkey = atoi(fld[5]);
		snprintf(t->extra, sizeof(t->extra), "%s", fld[6]);
		snprintf(t->desc, sizeof(t->desc), "%s", fld[7]);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	char path[1024];
	FILE *expect;
	int i, nmut = 0, fd;

	if (argc != 5) {
		fprintf(stderr, "usage: e2e-tool SPEC SHARE KEYTAB OFFSET\n");
		return 2;
	}
	share = argv[2];
	ktname = argv[3];
	offset = atol(argv[4]);
	if (!mkdtemp(rcdir))
		die("mkdtemp: %s", strerror(errno));
	parse_spec(argv[1]);
	if (krb5_init_context(&kctx) || krb5_init_context(&vctx))
		die("krb5_init_context");
	snprintf(path, sizeof(path), "%s/tok", share);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/rep", share);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/expect", share);
	expect = fopen(path, "w");
	if (!expect)
		die("%s: %s", path, strerror(errno));
	for (i = 0; i < ntok; i++) {
		mint(&toks[i], expect);
		nmut += toks[i].pending;
	}
	if (fclose(expect))
		die("write %s", path);
	/* The replay caches are done with. */
	for (i = 0; i < ntok; i++) {
		snprintf(path, sizeof(path), "%s/%s", rcdir, toks[i].id);
		unlink(path);
	}
	rmdir(rcdir);
	fprintf(stderr, "e2e-tool: %d tokens, %d waiting for an AP-REP\n", ntok, nmut);
	if (!nmut)
		return 0;
	fflush(NULL);
	switch (fork()) {
	case -1:
		die("fork: %s", strerror(errno));
	case 0:
		break;
	default:
		return 0;
	}
	setsid();
	/* Hold nothing of the caller's open (pipes, lock files). */
	for (fd = 3; fd < 1024; fd++)
		close(fd);
	snprintf(path, sizeof(path), "%s/rep/initiator.log", share);
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
	fd = open("/dev/null", O_RDWR);
	dup2(fd, 0);
	dup2(fd, 1);
	close(fd);
	serve();
	return 0;
}
