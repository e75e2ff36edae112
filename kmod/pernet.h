/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-network-namespace state: the key table, the replay cache, the
 * settings and the counters.  Each namespace starts with the module
 * parameters' values (params.h) and changes them over netlink.
 */
#ifndef _KRB5AP_PERNET_H
#define _KRB5AP_PERNET_H

#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/types.h>

#include "keys.h"
#include "params.h"	/* the bounds of struct krb5ap_config */

struct net;
struct krb5ap_replay;

/**
 * struct krb5ap_config - per-namespace settings
 * @clock_skew: allowed clock skew, seconds
 * @replay_max: replay cache capacity, entries
 * @max_token: largest token accepted, bytes
 * @enctypes: allowed enctypes, bit n for enctype n
 */
struct krb5ap_config {
	u32 clock_skew;
	u32 replay_max;
	u32 max_token;
	u32 enctypes;
};

/* Counters for Kerberos error codes 0..255; 0 counts acceptances. */
#define KRB5AP_STATS_ERRORS	256

/**
 * struct krb5ap_net - krb5ap's state in one network namespace
 * @keys: service key table
 * @replay: replay cache
 * @config: settings; read each field with READ_ONCE(), written under @lock
 * @stats: KRB5AP_STATS_ERRORS counters per CPU
 * @lock: serialises configuration changes
 */
struct krb5ap_net {
	struct krb5ap_keys keys;
	struct krb5ap_replay *replay;
	struct krb5ap_config config;
	u64 __percpu *stats;
	struct mutex lock;	/* serialises config changes */
};

struct krb5ap_net *krb5ap_pernet(const struct net *net);
int krb5ap_pernet_init(void);
void krb5ap_pernet_exit(void);

void krb5ap_config_get(struct krb5ap_net *kn, struct krb5ap_config *c);
int krb5ap_config_check(const struct krb5ap_config *c);
int krb5ap_config_set(struct krb5ap_net *kn, const struct krb5ap_config *c);

void krb5ap_stats_count(struct krb5ap_net *kn, unsigned int krb_error);
void krb5ap_stats_sum(struct krb5ap_net *kn, u64 *out);

#if IS_ENABLED(CONFIG_KUNIT)
struct krb5ap_net *krb5ap_net_alloc(void);
void krb5ap_net_free(struct krb5ap_net *kn);
#endif

#endif /* _KRB5AP_PERNET_H */
