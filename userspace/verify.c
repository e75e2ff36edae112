// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl verify [--service P] [--json] [--base64] [--reply-out FILE]
 * [FILE|-]: have the kernel verify one token and print the result.
 * Exit status: 0 accepted, 1 rejected, 2 usage or system error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>

#include "args.h"
#include "base64.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"
#include "output.h"

/* Largest input read: the largest token, base64-encoded with line breaks. */
#define VERIFY_INPUT_MAX	(2 * 1024 * 1024)
/* Over netlink a token must fit one attribute. */
#define VERIFY_TOKEN_MAX	(65535 - 4)

static void verify_usage(FILE *f)
{
	fprintf(f,
		"Usage: %s verify [--service PRINCIPAL] [--json] [--base64]\n"
		"                 [--reply-out FILE] [FILE|-]\n\n"
		"Have the kernel verify an AP-REQ token (raw or GSS-API framed) read from\n"
		"FILE or standard input, exactly as an in-kernel service would (the\n"
		"replay cache and the counters included), and print the result.\n\n"
		"  --service P      accept only for principal P (name@REALM); default:\n"
		"                   any principal with keys loaded\n"
		"  --base64         the input is base64 (and so is --reply-out's output)\n"
		"  --reply-out F    write the AP-REP to F when the client asked for mutual\n"
		"                   authentication (in the token's framing)\n"
		"  --json           print one JSON object\n\n"
		"Exit status: 0 accepted, 1 rejected, 2 usage or system error.\n",
		prog);
}

static void copy_str(char *dst, size_t size, const struct nlattr *attr)
{
	if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		snprintf(dst, size, "%s", mnl_attr_get_str(attr));
}

static bool get_u32(const struct nlattr *attr, uint32_t *out)
{
	if (mnl_attr_validate(attr, MNL_TYPE_U32))
		return false;
	*out = mnl_attr_get_u32(attr);
	return true;
}

static bool get_s64(const struct nlattr *attr, int64_t *out)
{
	if (mnl_attr_validate(attr, MNL_TYPE_U64))
		return false;
	*out = (int64_t)mnl_attr_get_u64(attr);
	return true;
}

/* Fill @v from a KRB5AP_CMD_VERIFY reply or a KRB5AP_CMD_RESULT event. */
int verify_parse(const struct nlmsghdr *nlh, struct krb5ap_verify_info *v)
{
	const struct nlattr *a;

	memset(v, 0, sizeof(*v));
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case KRB5AP_A_VERIFY_OUTCOME:
			get_u32(a, &v->outcome);
			break;
		case KRB5AP_A_VERIFY_KRB_ERROR:
			get_u32(a, &v->krb_error);
			break;
		case KRB5AP_A_VERIFY_ERRNO:
			get_u32(a, &v->err);
			break;
		case KRB5AP_A_VERIFY_CLIENT:
			copy_str(v->client, sizeof(v->client), a);
			break;
		case KRB5AP_A_VERIFY_CLIENT_REALM:
			copy_str(v->client_realm, sizeof(v->client_realm), a);
			break;
		case KRB5AP_A_VERIFY_SERVER:
			copy_str(v->server, sizeof(v->server), a);
			break;
		case KRB5AP_A_VERIFY_SERVER_REALM:
			copy_str(v->server_realm, sizeof(v->server_realm), a);
			break;
		case KRB5AP_A_VERIFY_TAG:
			copy_str(v->tag, sizeof(v->tag), a);
			break;
		case KRB5AP_A_VERIFY_KVNO:
			v->has_kvno = get_u32(a, &v->kvno);
			break;
		case KRB5AP_A_VERIFY_ENCTYPE:
			v->has_enctype = get_u32(a, &v->enctype);
			break;
		case KRB5AP_A_VERIFY_SESSION_ENCTYPE:
			v->has_session_enctype = get_u32(a, &v->session_enctype);
			break;
		case KRB5AP_A_VERIFY_SUBKEY_ENCTYPE:
			v->has_subkey_enctype = get_u32(a, &v->subkey_enctype);
			break;
		case KRB5AP_A_VERIFY_AUTHTIME:
			v->has_authtime = get_s64(a, &v->authtime);
			break;
		case KRB5AP_A_VERIFY_STARTTIME:
			v->has_starttime = get_s64(a, &v->starttime);
			break;
		case KRB5AP_A_VERIFY_ENDTIME:
			v->has_endtime = get_s64(a, &v->endtime);
			break;
		case KRB5AP_A_VERIFY_RENEW_TILL:
			v->has_renew_till = get_s64(a, &v->renew_till);
			break;
		case KRB5AP_A_VERIFY_TICKET_FLAGS:
			v->has_ticket_flags = get_u32(a, &v->ticket_flags);
			break;
		case KRB5AP_A_VERIFY_GSS_FLAGS:
			v->has_gss_flags = get_u32(a, &v->gss_flags);
			break;
		case KRB5AP_A_VERIFY_SEQ:
			v->has_seq = get_u32(a, &v->seq);
			break;
		case KRB5AP_A_VERIFY_FRAMING:
			get_u32(a, &v->framing);
			break;
		case KRB5AP_A_VERIFY_MUTUAL:
			v->mutual = true;
			break;
		case KRB5AP_A_VERIFY_AP_REP:
			v->ap_rep = mnl_attr_get_payload(a);
			v->ap_rep_len = mnl_attr_get_payload_len(a);
			break;
		}
	}
	return v->outcome ? 0 : -EBADMSG;
}

static const char *framing_name(uint32_t framing)
{
	switch (framing) {
	case KRB5AP_TOKEN_FRAMING_RAW:
		return "raw";
	case KRB5AP_TOKEN_FRAMING_GSS:
		return "gss";
	case KRB5AP_TOKEN_FRAMING_GSS_MS:
		return "gss-ms";
	}
	return NULL;
}

/* "2026-11-25T17:00:00Z" */
static void format_time(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "%" PRId64, t);
}

static void print_time(FILE *f, const char *label, bool has, int64_t t)
{
	char buf[64];

	if (!has)
		return;
	format_time(t, buf, sizeof(buf));
	fprintf(f, "  %-12s %s\n", label, buf);
}

static void print_enctype(FILE *f, const char *label, bool has, uint32_t e)
{
	char buf[64];

	if (!has)
		return;
	enctype_describe(e, buf, sizeof(buf));
	fprintf(f, "  %-12s %s\n", label, buf);
}

static void verify_print_json(FILE *f, const struct krb5ap_verify_info *v)
{
	char name[520], buf[256];
	struct json j;

	json_begin(&j, f);
	json_str(&j, "status", v->outcome == KRB5AP_OUTCOME_ACCEPTED ?
		 "accepted" : "rejected");
	if (v->outcome != KRB5AP_OUTCOME_ACCEPTED) {
		if (krb_error_name(v->krb_error))
			json_str(&j, "error", krb_error_name(v->krb_error));
		json_uint(&j, "krb_error", v->krb_error);
		if (krb_error_text(v->krb_error))
			json_str(&j, "message", krb_error_text(v->krb_error));
		if (v->err) {
			json_uint(&j, "errno", v->err);
			json_str(&j, "errno_name", errno_name((int)v->err, buf, sizeof(buf)));
		}
	}
	if (v->client[0]) {
		principal_join(v->client, v->client_realm, name, sizeof(name));
		json_str(&j, "client", name);
	}
	if (v->server[0]) {
		principal_join(v->server, v->server_realm, name, sizeof(name));
		json_str(&j, "server", name);
	}
	if (v->has_enctype)
		json_uint(&j, "enctype", v->enctype);
	if (v->has_kvno)
		json_uint(&j, "kvno", v->kvno);
	if (v->has_session_enctype)
		json_uint(&j, "session_enctype", v->session_enctype);
	if (v->has_subkey_enctype)
		json_uint(&j, "subkey_enctype", v->subkey_enctype);
	if (v->has_authtime)
		json_int(&j, "authtime", v->authtime);
	if (v->has_starttime)
		json_int(&j, "starttime", v->starttime);
	if (v->has_endtime)
		json_int(&j, "endtime", v->endtime);
	if (v->has_renew_till)
		json_int(&j, "renew_till", v->renew_till);
	if (v->has_ticket_flags) {
		json_uint(&j, "ticket_flags", v->ticket_flags);
		ticket_flags_format(v->ticket_flags, buf, sizeof(buf));
		json_str(&j, "ticket_flags_names", buf);
	}
	if (v->has_gss_flags) {
		json_uint(&j, "gss_flags", v->gss_flags);
		gss_flags_format(v->gss_flags, buf, sizeof(buf));
		json_str(&j, "gss_flags_names", buf);
	}
	if (v->has_seq)
		json_uint(&j, "seq", v->seq);
	if (framing_name(v->framing))
		json_str(&j, "framing", framing_name(v->framing));
	if (v->outcome == KRB5AP_OUTCOME_ACCEPTED)
		json_bool(&j, "mutual", v->mutual);
	if (v->tag[0])
		json_str(&j, "tag", v->tag);
	json_end(&j);
}

/* The result as text, or as one JSON object; never any key. */
void verify_print(FILE *f, const struct krb5ap_verify_info *v, bool json)
{
	char name[520], buf[256];

	if (json) {
		verify_print_json(f, v);
		return;
	}
	if (v->outcome != KRB5AP_OUTCOME_ACCEPTED) {
		krb_error_describe(v->krb_error, buf, sizeof(buf));
		fprintf(f, "rejected: %s", buf);
		if (v->err) {
			char en[32];

			fprintf(f, " [%s]", errno_name((int)v->err, en, sizeof(en)));
		}
		fputc('\n', f);
		if (v->client[0]) {
			principal_join(v->client, v->client_realm, name, sizeof(name));
			fprintf(f, "  %-12s %s\n", "client", name);
		}
		return;
	}
	fprintf(f, "accepted\n");
	principal_join(v->client, v->client_realm, name, sizeof(name));
	fprintf(f, "  %-12s %s\n", "client", name);
	principal_join(v->server, v->server_realm, name, sizeof(name));
	fprintf(f, "  %-12s %s\n", "server", name);
	if (v->has_kvno)
		fprintf(f, "  %-12s %u\n", "kvno", v->kvno);
	print_enctype(f, "enctype", v->has_enctype, v->enctype);
	print_enctype(f, "session key", v->has_session_enctype, v->session_enctype);
	print_enctype(f, "subkey", v->has_subkey_enctype, v->subkey_enctype);
	print_time(f, "authtime", v->has_authtime, v->authtime);
	print_time(f, "starttime", v->has_starttime, v->starttime);
	print_time(f, "endtime", v->has_endtime, v->endtime);
	print_time(f, "renew till", v->has_renew_till, v->renew_till);
	if (v->has_ticket_flags) {
		ticket_flags_format(v->ticket_flags, buf, sizeof(buf));
		fprintf(f, "  %-12s 0x%08x %s\n", "flags", v->ticket_flags, buf);
	}
	if (v->has_gss_flags) {
		gss_flags_format(v->gss_flags, buf, sizeof(buf));
		fprintf(f, "  %-12s 0x%x %s\n", "gss flags", v->gss_flags, buf);
	}
	if (v->has_seq)
		fprintf(f, "  %-12s %u\n", "seq", v->seq);
	if (framing_name(v->framing))
		fprintf(f, "  %-12s %s\n", "framing", framing_name(v->framing));
	fprintf(f, "  %-12s %s\n", "mutual", v->mutual ? "yes" : "no");
}

/*
 * Read a whole token from @in, base64-decoding it with @base64.  Returns 0
 * with a malloc'ed *@token, or -EINVAL/-EMSGSIZE/-EIO/-ENOMEM with a
 * reason in @why.
 */
int verify_read_token(FILE *in, bool base64, uint8_t **token, size_t *len,
		      char *why, size_t why_size)
{
	size_t n = 0, cap = 65536;
	uint8_t *buf = malloc(cap), *tmp;
	ssize_t dec;

	if (!buf) {
		snprintf(why, why_size, "out of memory");
		return -ENOMEM;
	}
	for (;;) {
		size_t r;

		if (n == cap) {
			if (cap >= VERIFY_INPUT_MAX) {
				free(buf);
				snprintf(why, why_size, "the input is larger than %d bytes",
					 VERIFY_INPUT_MAX);
				return -EMSGSIZE;
			}
			cap *= 2;
			tmp = realloc(buf, cap);
			if (!tmp) {
				free(buf);
				snprintf(why, why_size, "out of memory");
				return -ENOMEM;
			}
			buf = tmp;
		}
		r = fread(buf + n, 1, cap - n, in);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(in)) {
		free(buf);
		snprintf(why, why_size, "read error: %s", strerror(errno));
		return -EIO;
	}
	if (base64) {
		dec = base64_decode((const char *)buf, n, buf, n);
		if (dec < 0) {
			free(buf);
			snprintf(why, why_size, "the input is not valid base64");
			return -EINVAL;
		}
		n = (size_t)dec;
	}
	if (!n) {
		free(buf);
		snprintf(why, why_size, "the token is empty");
		return -EINVAL;
	}
	if (n > VERIFY_TOKEN_MAX) {
		free(buf);
		snprintf(why, why_size,
			 "the token is %zu bytes; over netlink at most %d fit",
			 n, VERIFY_TOKEN_MAX);
		return -EMSGSIZE;
	}
	*token = buf;
	*len = n;
	return 0;
}

struct verify_ctx {
	struct krb5ap_verify_info info;
	bool got;
	bool json;
	bool base64;
	const char *reply_out;
	int write_err;
};

static int write_reply(const char *path, const struct krb5ap_verify_info *v,
		       bool base64)
{
	FILE *f = fopen(path, "we");
	int ret = 0;

	if (!f)
		return -errno;
	if (base64) {
		size_t size = (v->ap_rep_len + 2) / 3 * 4 + 1;
		char *text = malloc(size);

		if (!text) {
			fclose(f);
			return -ENOMEM;
		}
		base64_encode(v->ap_rep, v->ap_rep_len, text, size);
		if (fprintf(f, "%s\n", text) < 0)
			ret = -EIO;
		free(text);
	} else if (fwrite(v->ap_rep, 1, v->ap_rep_len, f) != v->ap_rep_len) {
		ret = -EIO;
	}
	if (fclose(f) && !ret)
		ret = -errno;
	return ret;
}

static int verify_cb(const struct nlmsghdr *nlh, void *data)
{
	struct verify_ctx *ctx = data;

	if (verify_parse(nlh, &ctx->info))
		return MNL_CB_OK;
	ctx->got = true;
	/* The AP-REP points into the receive buffer: write it now. */
	if (ctx->reply_out && ctx->info.outcome == KRB5AP_OUTCOME_ACCEPTED &&
	    ctx->info.ap_rep_len)
		ctx->write_err = write_reply(ctx->reply_out, &ctx->info,
					     ctx->base64) ?: 1;
	ctx->info.ap_rep = NULL;
	return MNL_CB_OK;
}

int cmd_verify(int argc, char *argv[])
{
	const char *service = NULL, *input = NULL;
	struct verify_ctx ctx = { 0 };
	char why[256];
	struct nlmsghdr *nlh;
	uint8_t *token = NULL;
	size_t len = 0, need;
	void *buf = NULL;
	struct nl nl;
	FILE *in;
	int i, ret, rc = EXIT_USAGE;

	for (i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			verify_usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--service") && i + 1 < argc) {
			service = argv[++i];
		} else if (!strcmp(argv[i], "--reply-out") && i + 1 < argc) {
			ctx.reply_out = argv[++i];
		} else if (!strcmp(argv[i], "--json")) {
			ctx.json = true;
		} else if (!strcmp(argv[i], "--base64")) {
			ctx.base64 = true;
		} else if (!input && (argv[i][0] != '-' || !strcmp(argv[i], "-"))) {
			input = argv[i];
		} else {
			fprintf(stderr, "%s verify: unexpected argument '%s'\n",
				prog, argv[i]);
			verify_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (service) {
		char n[KRB5AP_PRINCIPAL_LEN_MAX + 1], r[KRB5AP_REALM_LEN_MAX + 1];

		if (principal_split(service, n, sizeof(n), r, sizeof(r)) || !r[0]) {
			fprintf(stderr, "%s verify: --service takes a principal with its realm (name@REALM)\n",
				prog);
			return EXIT_USAGE;
		}
	}
	if (!input || !strcmp(input, "-")) {
		in = stdin;
	} else {
		in = fopen(input, "re");
		if (!in) {
			fprintf(stderr, "%s verify: cannot open %s: %s\n", prog,
				input, strerror(errno));
			return EXIT_USAGE;
		}
	}
	ret = verify_read_token(in, ctx.base64, &token, &len, why, sizeof(why));
	if (in != stdin)
		fclose(in);
	if (ret) {
		fprintf(stderr, "%s verify: %s\n", prog, why);
		return EXIT_USAGE;
	}
	if (nl_open(&nl, "krb5apctl verify")) {
		free(token);
		return EXIT_USAGE;
	}
	need = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct genlmsghdr)) +
	       MNL_ATTR_HDRLEN + MNL_ALIGN(len) +
	       MNL_ATTR_HDRLEN + MNL_ALIGN((service ? strlen(service) : 0) + 1);
	buf = calloc(1, need);
	if (!buf) {
		fprintf(stderr, "%s verify: out of memory\n", prog);
		goto out;
	}
	nlh = nl_request(&nl, buf, KRB5AP_CMD_VERIFY, NLM_F_ACK);
	mnl_attr_put(nlh, KRB5AP_A_VERIFY_TOKEN, len, token);
	if (service)
		mnl_attr_put_strz(nlh, KRB5AP_A_VERIFY_SERVICE, service);
	ret = nl_talk(&nl, nlh, verify_cb, &ctx);
	if (ret) {
		nl_perror(&nl, "krb5apctl verify", "verifying", -ret);
		goto out;
	}
	if (!ctx.got) {
		fprintf(stderr, "%s verify: the kernel sent no result\n", prog);
		goto out;
	}
	verify_print(stdout, &ctx.info, ctx.json);
	if (ctx.write_err < 0) {
		fprintf(stderr, "%s verify: cannot write %s: %s\n", prog,
			ctx.reply_out, strerror(-ctx.write_err));
		goto out;
	}
	if (ctx.reply_out && ctx.info.outcome == KRB5AP_OUTCOME_ACCEPTED &&
	    !ctx.write_err)
		fprintf(stderr, "%s verify: no mutual authentication asked for; %s not written\n",
			prog, ctx.reply_out);
	rc = ctx.info.outcome == KRB5AP_OUTCOME_ACCEPTED ? EXIT_OK : EXIT_REJECTED;
out:
	free(buf);
	free(token);
	nl_close(&nl);
	return rc;
}
