// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl config [show [--json] | set NAME VALUE]: the network
 * namespace's settings.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/krb5ap.h>

#include "args.h"
#include "krb5apctl.h"
#include "names.h"
#include "nl.h"
#include "output.h"

static void config_usage(FILE *f)
{
	fprintf(f,
		"Usage: %s config [show] [--json]\n"
		"       %s config set NAME VALUE\n\n"
		"Show or change the settings of this network namespace.  NAME is one of\n"
		"  clock_skew         allowed clock skew in seconds (0 to 86400)\n"
		"  replay_cache_size  replay cache capacity in entries (1024 to 16777216)\n"
		"  max_token_size     largest token in bytes (1024 to 1048576)\n"
		"  enctypes           allowed enctypes, names or numbers separated by\n"
		"                     commas (e.g. aes256-cts-hmac-sha1-96,19)\n"
		"New namespaces start with the module parameters of the same names.\n",
		prog, prog);
}

static int config_attr_cb(const struct nlattr *attr, void *data)
{
	struct krb5ap_config_info *c = data;
	uint32_t *dst = NULL;

	switch (mnl_attr_get_type(attr)) {
	case KRB5AP_A_CONFIG_CLOCK_SKEW:
		dst = &c->clock_skew;
		break;
	case KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE:
		dst = &c->replay_cache_size;
		break;
	case KRB5AP_A_CONFIG_MAX_TOKEN_SIZE:
		dst = &c->max_token_size;
		break;
	case KRB5AP_A_CONFIG_ENCTYPES:
		dst = &c->enctypes;
		break;
	case KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES:
		dst = &c->supported_enctypes;
		break;
	}
	if (dst && mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
		*dst = mnl_attr_get_u32(attr);
	return MNL_CB_OK;
}

/* Fill @c from a KRB5AP_CMD_CONFIG_GET reply. */
int config_parse(const struct nlmsghdr *nlh, struct krb5ap_config_info *c)
{
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), config_attr_cb, c);
	return MNL_CB_OK;
}

static int config_cb(const struct nlmsghdr *nlh, void *data)
{
	return config_parse(nlh, data);
}

/* Ask the kernel for the settings; returns 0 or a negative errno. */
int config_fetch(struct nl *nl, struct krb5ap_config_info *c)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	memset(c, 0, sizeof(*c));
	nlh = nl_request(nl, buf, KRB5AP_CMD_CONFIG_GET, NLM_F_ACK);
	return nl_talk(nl, nlh, config_cb, c);
}

void config_print(FILE *f, const struct krb5ap_config_info *c, bool json)
{
	char allowed[256], supported[256];
	struct json j;

	enctype_list_format(c->enctypes, allowed, sizeof(allowed));
	enctype_list_format(c->supported_enctypes, supported, sizeof(supported));
	if (json) {
		json_begin(&j, f);
		json_uint(&j, "clock_skew", c->clock_skew);
		json_uint(&j, "replay_cache_size", c->replay_cache_size);
		json_uint(&j, "max_token_size", c->max_token_size);
		json_str(&j, "enctypes", allowed);
		json_uint(&j, "enctypes_mask", c->enctypes);
		json_str(&j, "supported_enctypes", supported);
		json_uint(&j, "supported_enctypes_mask", c->supported_enctypes);
		json_end(&j);
		return;
	}
	fprintf(f, "clock_skew:         %u s\n", c->clock_skew);
	fprintf(f, "replay_cache_size:  %u entries\n", c->replay_cache_size);
	fprintf(f, "max_token_size:     %u bytes\n", c->max_token_size);
	fprintf(f, "enctypes:           %s\n", allowed);
	fprintf(f, "supported enctypes: %s\n", supported);
}

/*
 * Map "NAME VALUE" to an attribute and its value, checking the value as
 * the kernel will.  Returns 0, or -EINVAL with a reason in @why.
 */
int config_setting(const char *name, const char *value, uint16_t *attr,
		   uint32_t *out, char *why, size_t why_size)
{
	static const struct {
		const char *name;
		uint16_t attr;
		uint32_t min, max;
	} settings[] = {
		{ "clock_skew", KRB5AP_A_CONFIG_CLOCK_SKEW, 0, 86400 },
		{ "replay_cache_size", KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE, 1024, 16777216 },
		{ "max_token_size", KRB5AP_A_CONFIG_MAX_TOKEN_SIZE, 1024, 1048576 },
	};
	char norm[32];
	size_t i;

	snprintf(norm, sizeof(norm), "%s", name);
	for (i = 0; norm[i]; i++)
		if (norm[i] == '-')
			norm[i] = '_';
	if (!strcmp(norm, "enctypes")) {
		if (enctype_list_parse(value, out)) {
			snprintf(why, why_size,
				 "'%s' is not a list of supported enctypes", value);
			return -EINVAL;
		}
		*attr = KRB5AP_A_CONFIG_ENCTYPES;
		return 0;
	}
	for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		unsigned int v;

		if (strcmp(norm, settings[i].name))
			continue;
		if (parse_u32(value, &v) || v < settings[i].min ||
		    v > settings[i].max) {
			snprintf(why, why_size, "%s must be a number from %u to %u",
				 settings[i].name, settings[i].min, settings[i].max);
			return -EINVAL;
		}
		*attr = settings[i].attr;
		*out = v;
		return 0;
	}
	snprintf(why, why_size,
		 "unknown setting '%s' (clock_skew, replay_cache_size, max_token_size, enctypes)",
		 name);
	return -EINVAL;
}

int cmd_config(int argc, char *argv[])
{
	struct krb5ap_config_info c;
	char buf[MNL_SOCKET_BUFFER_SIZE], why[256];
	bool json = false, set = false;
	struct nlmsghdr *nlh;
	uint16_t attr = 0;
	uint32_t value = 0;
	struct nl nl;
	int i = 1, ret;

	if (i < argc && !strcmp(argv[i], "show")) {
		i++;
	} else if (i < argc && !strcmp(argv[i], "set")) {
		set = true;
		i++;
	}
	for (; i < argc; i++) {
		if (is_help(argv[i])) {
			config_usage(stdout);
			return EXIT_OK;
		}
		if (!set && !strcmp(argv[i], "--json")) {
			json = true;
			continue;
		}
		if (set && i + 2 == argc) {
			if (config_setting(argv[i], argv[i + 1], &attr, &value,
					   why, sizeof(why))) {
				fprintf(stderr, "%s config set: %s\n", prog, why);
				return EXIT_USAGE;
			}
			i++;
			continue;
		}
		fprintf(stderr, "%s config: unexpected argument '%s'\n", prog,
			argv[i]);
		config_usage(stderr);
		return EXIT_USAGE;
	}
	if (set && !attr) {
		config_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_open(&nl, "krb5apctl config"))
		return EXIT_USAGE;
	if (set) {
		nlh = nl_request(&nl, buf, KRB5AP_CMD_CONFIG_SET, NLM_F_ACK);
		mnl_attr_put_u32(nlh, attr, value);
		ret = nl_talk(&nl, nlh, NULL, NULL);
		if (ret)
			nl_perror(&nl, "krb5apctl config", "set", -ret);
	} else {
		ret = config_fetch(&nl, &c);
		if (ret)
			nl_perror(&nl, "krb5apctl config", "show", -ret);
		else
			config_print(stdout, &c, json);
	}
	nl_close(&nl);
	return ret ? EXIT_USAGE : EXIT_OK;
}
