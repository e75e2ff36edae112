/* SPDX-License-Identifier: GPL-2.0 */
/*
 * krb5apctl: configure and inspect the krb5ap kernel module.
 */
#ifndef KRB5APCTL_H
#define KRB5APCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
int cmd_keytab(int argc, char *argv[]);
int cmd_key(int argc, char *argv[]);
int cmd_config(int argc, char *argv[]);
int cmd_stats(int argc, char *argv[]);
int cmd_monitor(int argc, char *argv[]);
int cmd_verify(int argc, char *argv[]);

struct nl;
struct nlmsghdr;

/* config.c: a namespace's settings (KRB5AP_CMD_CONFIG_GET). */
struct krb5ap_config_info {
	uint32_t clock_skew;
	uint32_t replay_cache_size;
	uint32_t max_token_size;
	uint32_t enctypes;
	uint32_t supported_enctypes;
};

int config_fetch(struct nl *nl, struct krb5ap_config_info *c);
int config_parse(const struct nlmsghdr *nlh, struct krb5ap_config_info *c);
void config_print(FILE *f, const struct krb5ap_config_info *c, bool json);
int config_setting(const char *name, const char *value, uint16_t *attr,
		   uint32_t *out, char *why, size_t why_size);

/* stats.c: a namespace's counters (KRB5AP_CMD_STATS_GET). */
#define KRB5APCTL_STATS_CODES 256
struct krb5ap_stats_info {
	uint64_t accepted;
	uint64_t rejected;
	uint64_t errors[KRB5APCTL_STATS_CODES];
	uint32_t keys;
	uint32_t principals;
	uint32_t replay_entries;
};

int stats_parse(const struct nlmsghdr *nlh, struct krb5ap_stats_info *s);
void stats_print(FILE *f, const struct krb5ap_stats_info *s, bool json);

/* key.c: key metadata (KRB5AP_CMD_KEY_GET dump). */
struct krb5ap_key_info {
	char principal[256];
	char realm[256];
	uint32_t kvno;
	uint32_t enctype;
};

int key_parse(const struct nlmsghdr *nlh, struct krb5ap_key_info *k);
void key_list_print(FILE *f, const struct krb5ap_key_info *keys, size_t n,
		    bool json);

/* verify.c and monitor.c: a verification result or event. */
struct krb5ap_verify_info {
	uint32_t outcome;		/* KRB5AP_OUTCOME_*, 0 if absent */
	uint32_t krb_error;
	uint32_t err;			/* positive errno */
	char client[256], client_realm[256];
	char server[256], server_realm[256];
	char tag[64];
	bool has_kvno, has_enctype, has_session_enctype, has_subkey_enctype;
	uint32_t kvno, enctype, session_enctype, subkey_enctype;
	bool has_authtime, has_starttime, has_endtime, has_renew_till;
	int64_t authtime, starttime, endtime, renew_till;
	bool has_ticket_flags, has_gss_flags, has_seq;
	uint32_t ticket_flags, gss_flags, seq;
	uint32_t framing;
	bool mutual;
	const uint8_t *ap_rep;		/* points into the message */
	size_t ap_rep_len;
};

int verify_parse(const struct nlmsghdr *nlh, struct krb5ap_verify_info *v);
void verify_print(FILE *f, const struct krb5ap_verify_info *v, bool json);
void monitor_print(FILE *f, const struct krb5ap_verify_info *v, bool json,
		   const char *when);
struct kt_list;
struct nlmsghdr *keytab_message(struct nl *nl, const struct kt_list *l,
				bool replace, void **buf, size_t *size);
int verify_read_token(FILE *in, bool base64, uint8_t **token, size_t *len,
		      char *why, size_t why_size);

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
