// SPDX-License-Identifier: GPL-2.0
/*
 * krb5apctl: the subcommand table and dispatch.  Each subcommand lives in a
 * file of its own.
 */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "krb5apctl.h"

const char *prog = "krb5apctl";

static const struct subcommand subcommands[] = {
	{ "status", cmd_status, "Show whether the module is loaded, and its defaults" },
	{ "keytab", cmd_keytab, "Load service keys from a keytab (keytab load)" },
	{ "key", cmd_key, "List, delete or flush the loaded keys" },
	{ "config", cmd_config, "Show or change this namespace's settings" },
	{ "stats", cmd_stats, "Show this namespace's counters" },
	{ "monitor", cmd_monitor, "Follow verification results as they happen" },
	{ "verify", cmd_verify, "Verify a token in the kernel and print the result" },
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "Usage: %s <command> [arguments]\n\n", prog);
	fprintf(f, "Commands:\n");
	for (i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		fprintf(f, "  %-10s %s\n", subcommands[i].name,
			subcommands[i].summary);
	fprintf(f, "\n'%s <command> --help' tells more; see krb5apctl(8).\n",
		prog);
}

int main(int argc, char *argv[])
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (is_help(argv[1])) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("krb5apctl %s\n", KRB5APCTL_VERSION);
		return EXIT_OK;
	}
	for (i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "%s: unknown command '%s'\n", prog, argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
