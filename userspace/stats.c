// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl stats [--json]: the network namespace's counters.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>

#include "args.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"
#include "output.h"

static void stats_error_parse(const struct nlattr *nest,
			      struct krb5ap_stats_info *s)
{
	const struct nlattr *a;
	uint32_t code = UINT32_MAX;
	uint64_t count = 0;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) == KRB5AP_A_STATS_ERROR_CODE &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
			code = mnl_attr_get_u32(a);
		if (mnl_attr_get_type(a) == KRB5AP_A_STATS_ERROR_COUNT &&
		    mnl_attr_validate(a, MNL_TYPE_U64) == 0)
			count = mnl_attr_get_u64(a);
	}
	if (code < KRB5APCTL_STATS_CODES)
		s->errors[code] += count;
	else if (code != UINT32_MAX)
		s->errors[KRB5APCTL_STATS_CODES - 1] += count;
}

static int stats_attr_cb(const struct nlattr *attr, void *data)
{
	struct krb5ap_stats_info *s = data;

	switch (mnl_attr_get_type(attr)) {
	case KRB5AP_A_STATS_ACCEPTED:
		if (mnl_attr_validate(attr, MNL_TYPE_U64) == 0)
			s->accepted = mnl_attr_get_u64(attr);
		break;
	case KRB5AP_A_STATS_REJECTED:
		if (mnl_attr_validate(attr, MNL_TYPE_U64) == 0)
			s->rejected = mnl_attr_get_u64(attr);
		break;
	case KRB5AP_A_STATS_ERROR:
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) == 0)
			stats_error_parse(attr, s);
		break;
	case KRB5AP_A_STATS_KEYS:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			s->keys = mnl_attr_get_u32(attr);
		break;
	case KRB5AP_A_STATS_PRINCIPALS:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			s->principals = mnl_attr_get_u32(attr);
		break;
	case KRB5AP_A_STATS_REPLAY_ENTRIES:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			s->replay_entries = mnl_attr_get_u32(attr);
		break;
	}
	return MNL_CB_OK;
}

/* Fill @s from a KRB5AP_CMD_STATS_GET reply. */
int stats_parse(const struct nlmsghdr *nlh, struct krb5ap_stats_info *s)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), stats_attr_cb, s);
	return MNL_CB_OK;
}

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	return stats_parse(nlh, data);
}

void stats_print(FILE *f, const struct krb5ap_stats_info *s, bool json)
{
	char desc[160], name[32];
	struct json j;
	unsigned int c;

	if (json) {
		json_begin(&j, f);
		json_uint(&j, "accepted", s->accepted);
		json_uint(&j, "rejected", s->rejected);
		json_arr(&j, "errors");
		for (c = 1; c < KRB5APCTL_STATS_CODES; c++) {
			if (!s->errors[c])
				continue;
			json_obj(&j, NULL);
			json_uint(&j, "code", c);
			if (krb_error_name(c))
				json_str(&j, "error", krb_error_name(c));
			json_uint(&j, "count", s->errors[c]);
			json_close(&j);
		}
		json_close(&j);
		json_uint(&j, "keys", s->keys);
		json_uint(&j, "principals", s->principals);
		json_uint(&j, "replay_entries", s->replay_entries);
		json_end(&j);
		return;
	}
	fprintf(f, "accepted:        %" PRIu64 "\n", s->accepted);
	fprintf(f, "rejected:        %" PRIu64 "\n", s->rejected);
	for (c = 1; c < KRB5APCTL_STATS_CODES; c++) {
		if (!s->errors[c])
			continue;
		if (krb_error_name(c))
			snprintf(name, sizeof(name), "%s", krb_error_name(c));
		else
			snprintf(name, sizeof(name), "error %u", c);
		snprintf(desc, sizeof(desc), "%s (%u)", name, c);
		fprintf(f, "  %-40s %" PRIu64 "\n", desc, s->errors[c]);
	}
	fprintf(f, "keys:            %u\n", s->keys);
	fprintf(f, "principals:      %u\n", s->principals);
	fprintf(f, "replay entries:  %u\n", s->replay_entries);
}

int cmd_stats(int argc, char *argv[])
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct krb5ap_stats_info s;
	struct nlmsghdr *nlh;
	bool json = false;
	struct nl nl;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			printf("Usage: %s stats [--json]\n\n"
			       "Show this network namespace's counters: tokens accepted and\n"
			       "rejected, rejections per Kerberos error, keys loaded, and the\n"
			       "replay cache's fill.\n", prog);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else {
			fprintf(stderr, "%s stats: unknown argument '%s'\n", prog,
				argv[i]);
			return EXIT_USAGE;
		}
	}
	if (nl_open(&nl, "krb5apctl stats"))
		return EXIT_USAGE;
	memset(&s, 0, sizeof(s));
	nlh = nl_request(&nl, buf, KRB5AP_CMD_STATS_GET, NLM_F_ACK);
	ret = nl_talk(&nl, nlh, stats_cb, &s);
	if (ret)
		nl_perror(&nl, "krb5apctl stats", "reading the counters", -ret);
	else
		stats_print(stdout, &s, json);
	nl_close(&nl);
	return ret ? EXIT_USAGE : EXIT_OK;
}
