// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl monitor [--json]: follow the verification results of this
 * network namespace as they happen (the "results" multicast group).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>

#include "args.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"
#include "output.h"

static volatile sig_atomic_t monitor_stop;

static void monitor_signal(int sig)
{
	(void)sig;
	monitor_stop = 1;
}

/*
 * One line per event: "WHEN accepted client -> server kvno N enctype [tag]"
 * or "WHEN rejected ERROR_NAME (code) client -> server [tag]"; with --json,
 * one object per line.
 */
void monitor_print(FILE *f, const struct krb5ap_verify_info *v, bool json,
		   const char *when)
{
	char client[520], server[520], desc[64], num[32];
	const char *ename;
	struct json j;

	principal_join(v->client, v->client_realm, client, sizeof(client));
	principal_join(v->server, v->server_realm, server, sizeof(server));
	if (json) {
		json_begin(&j, f);
		json_str(&j, "time", when);
		json_str(&j, "status", v->outcome == KRB5AP_OUTCOME_ACCEPTED ?
			 "accepted" : "rejected");
		if (v->outcome != KRB5AP_OUTCOME_ACCEPTED) {
			if (krb_error_name(v->krb_error))
				json_str(&j, "error", krb_error_name(v->krb_error));
			json_uint(&j, "krb_error", v->krb_error);
			if (v->err)
				json_str(&j, "errno_name",
					 errno_name((int)v->err, num, sizeof(num)));
		}
		if (v->client[0])
			json_str(&j, "client", client);
		if (v->server[0])
			json_str(&j, "server", server);
		if (v->has_enctype)
			json_uint(&j, "enctype", v->enctype);
		if (v->has_kvno)
			json_uint(&j, "kvno", v->kvno);
		if (v->tag[0])
			json_str(&j, "tag", v->tag);
		json_end(&j);
		return;
	}
	fprintf(f, "%s ", when);
	if (v->outcome == KRB5AP_OUTCOME_ACCEPTED) {
		fprintf(f, "accepted");
	} else {
		ename = krb_error_name(v->krb_error);
		if (!ename) {
			snprintf(num, sizeof(num), "error %u", v->krb_error);
			ename = num;
		}
		fprintf(f, "rejected %s", ename);
	}
	if (v->client[0] || v->server[0])
		fprintf(f, " %s -> %s", v->client[0] ? client : "?",
			v->server[0] ? server : "?");
	if (v->has_kvno)
		fprintf(f, " kvno %u", v->kvno);
	if (v->has_enctype) {
		enctype_describe(v->enctype, desc, sizeof(desc));
		fprintf(f, " %s", desc);
	}
	if (v->tag[0])
		fprintf(f, " [%s]", v->tag);
	fputc('\n', f);
}

struct monitor_ctx {
	uint16_t family;
	bool json;
};

static int monitor_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct monitor_ctx *ctx = data;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	struct krb5ap_verify_info v;
	char when[64];
	struct timespec ts;
	struct tm tm;

	if (nlh->nlmsg_type != ctx->family ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*genl) ||
	    genl->cmd != KRB5AP_CMD_RESULT)
		return MNL_CB_OK;
	if (verify_parse(nlh, &v))
		return MNL_CB_OK;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	monitor_print(stdout, &v, ctx->json, when);
	fflush(stdout);
	return MNL_CB_OK;
}

int cmd_monitor(int argc, char *argv[])
{
	struct monitor_ctx ctx = { 0 };
	struct sigaction sa;
	struct nl nl;
	int i, rc = EXIT_OK;

	for (i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			printf("Usage: %s monitor [--json]\n\n"
			       "Print one line (with --json, one JSON object) per token verified in\n"
			       "this network namespace, by any consumer, as it happens: outcome,\n"
			       "Kerberos error, client, server, kvno, enctype and the consumer's\n"
			       "tag.  Events are rate-limited by the kernel; under load some are\n"
			       "dropped (the counters of '%s stats' are not).  Stop with Ctrl-C.\n",
			       prog, prog);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--json")) {
			ctx.json = true;
		} else {
			fprintf(stderr, "%s monitor: unknown argument '%s'\n", prog,
				argv[i]);
			return EXIT_USAGE;
		}
	}
	if (nl_open(&nl, "krb5apctl monitor"))
		return EXIT_USAGE;
	if (nl_join_results(&nl, "krb5apctl monitor")) {
		nl_close(&nl);
		return EXIT_USAGE;
	}
	ctx.family = nl.family;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = monitor_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	while (!monitor_stop) {
		ssize_t n = mnl_socket_recvfrom(nl.sock, nl.buf, nl.buf_size);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				fprintf(stderr, "%s monitor: events were lost (receive buffer overrun)\n",
					prog);
				continue;
			}
			fprintf(stderr, "%s monitor: %s\n", prog, strerror(errno));
			rc = EXIT_USAGE;
			break;
		}
		/* Events carry sequence number 0 and port id 0. */
		if (mnl_cb_run(nl.buf, (size_t)n, 0, 0, monitor_cb, &ctx) < 0 &&
		    errno != ESRCH) {
			fprintf(stderr, "%s monitor: %s\n", prog, strerror(errno));
			rc = EXIT_USAGE;
			break;
		}
	}
	nl_close(&nl);
	return rc;
}
