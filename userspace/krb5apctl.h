/* SPDX-License-Identifier: GPL-2.0 */
/*
 * krb5apctl: configure and inspect the krb5ap kernel module.
 */
#ifndef KRB5APCTL_H
#define KRB5APCTL_H

#include <stdbool.h>

#define KRB5APCTL_VERSION "0.1.0"

/* Exit codes shared by every subcommand. */
enum {
	EXIT_OK = 0,
	EXIT_REJECTED = 1,	/* verify: the token was rejected */
	EXIT_USAGE = 2,		/* usage or system error */
};

struct subcommand {
	const char *name;
	int (*run)(int argc, char *argv[]);
	const char *summary;
};

extern const char *prog;

int cmd_status(int argc, char *argv[]);

/* status.c: what /sys/module/krb5ap says about the loaded module. */
struct krb5ap_status {
	bool loaded;
	char version[32];
	unsigned int clock_skew;
	unsigned int replay_cache_size;
	unsigned int max_token_size;
	char enctypes[256];
};

int status_read(const char *sysfs_module_dir, struct krb5ap_status *st);
void status_print(const struct krb5ap_status *st, bool json);

#endif /* KRB5APCTL_H */
