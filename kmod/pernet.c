// SPDX-License-Identifier: GPL-2.0
/*
 * Per-network-namespace state.  Every namespace gets a struct krb5ap_net
 * (pernet_operations .id/.size): an empty key table, a replay cache sized
 * by the module parameter, a copy of the module parameters as its
 * settings, and per-CPU counters.
 *
 * Teardown runs in two steps: .pre_exit unpublishes the keys, the core
 * then waits for an RCU grace period, and .exit frees (and wipes) them
 * without a grace period of its own, so a batch of dying namespaces costs
 * one synchronize_rcu(), not one each.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <kunit/visibility.h>

#include "enctype.h"
#include "params.h"
#include "pernet.h"
#include "replay.h"

static unsigned int krb5ap_net_id __read_mostly;

/**
 * krb5ap_pernet() - krb5ap's state in a network namespace
 * @net: the namespace, alive (the caller holds a reference or is in one
 *	of its pernet init/exit calls)
 *
 * Return: the state; never NULL while the module is loaded.
 */
struct krb5ap_net *krb5ap_pernet(const struct net *net)
{
	return net_generic(net, krb5ap_net_id);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_pernet);

/* Set up @kn (zeroed): everything a new namespace needs. */
static int krb5ap_net_setup(struct krb5ap_net *kn)
{
	int ret;

	mutex_init(&kn->lock);
	kn->config.clock_skew = krb5ap_param_clock_skew();
	kn->config.replay_max = krb5ap_param_replay_max();
	kn->config.max_token = krb5ap_param_max_token();
	kn->config.enctypes = krb5ap_param_enctypes();
	kn->stats = __alloc_percpu(sizeof(u64) * KRB5AP_STATS_ERRORS,
				   __alignof__(u64));
	if (!kn->stats) {
		ret = -ENOMEM;
		goto err_stats;
	}
	kn->replay = krb5ap_replay_create(kn->config.replay_max);
	if (!kn->replay) {
		ret = -ENOMEM;
		goto err_replay;
	}
	ret = krb5ap_keys_init(&kn->keys);
	if (ret)
		goto err_keys;
	return 0;

err_keys:
	krb5ap_replay_destroy(kn->replay);
	kn->replay = NULL;
err_replay:
	free_percpu(kn->stats);
	kn->stats = NULL;
err_stats:
	mutex_destroy(&kn->lock);
	return ret;
}

/* Undo krb5ap_net_setup(); readers must be gone (see the file comment). */
static void krb5ap_net_teardown(struct krb5ap_net *kn)
{
	krb5ap_keys_destroy(&kn->keys);
	krb5ap_replay_destroy(kn->replay);
	kn->replay = NULL;
	free_percpu(kn->stats);
	kn->stats = NULL;
	mutex_destroy(&kn->lock);
}

static int __net_init krb5ap_net_init(struct net *net)
{
	return krb5ap_net_setup(krb5ap_pernet(net));
}

static void __net_exit krb5ap_net_pre_exit(struct net *net)
{
	krb5ap_keys_shutdown(&krb5ap_pernet(net)->keys);
}

static void __net_exit krb5ap_net_exit(struct net *net)
{
	krb5ap_net_teardown(krb5ap_pernet(net));
}

static struct pernet_operations krb5ap_net_ops = {
	.init = krb5ap_net_init,
	.pre_exit = krb5ap_net_pre_exit,
	.exit = krb5ap_net_exit,
	.id = &krb5ap_net_id,
	.size = sizeof(struct krb5ap_net),
};

/**
 * krb5ap_pernet_init() - register the per-namespace state
 *
 * Runs krb5ap_net_init() for every existing namespace, and for each new
 * one from now on.
 *
 * Context: module init.
 * Return: 0 or a negative errno.
 */
int krb5ap_pernet_init(void)
{
	return register_pernet_subsys(&krb5ap_net_ops);
}

/**
 * krb5ap_pernet_exit() - unregister the per-namespace state
 *
 * Frees every namespace's state, wiping every key.
 *
 * Context: module exit.
 */
void krb5ap_pernet_exit(void)
{
	unregister_pernet_subsys(&krb5ap_net_ops);
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * krb5ap_net_alloc() - a free-standing namespace state, for tests
 *
 * Return: the state, set up as a new namespace's would be, or NULL.
 */
struct krb5ap_net *krb5ap_net_alloc(void)
{
	struct krb5ap_net *kn = kzalloc(sizeof(*kn), GFP_KERNEL);

	if (kn && krb5ap_net_setup(kn)) {
		kfree(kn);
		kn = NULL;
	}
	return kn;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_net_alloc);

/**
 * krb5ap_net_free() - free a state from krb5ap_net_alloc()
 * @kn: the state, or NULL
 */
void krb5ap_net_free(struct krb5ap_net *kn)
{
	if (!kn)
		return;
	krb5ap_net_teardown(kn);
	kfree(kn);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_net_free);
#endif

/**
 * krb5ap_config_get() - read a namespace's settings
 * @kn: the namespace's state
 * @c: filled with a consistent copy
 *
 * Context: process context; takes @kn->lock.
 */
void krb5ap_config_get(struct krb5ap_net *kn, struct krb5ap_config *c)
{
	mutex_lock(&kn->lock);
	*c = kn->config;
	mutex_unlock(&kn->lock);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_config_get);

/**
 * krb5ap_config_check() - validate settings
 * @c: the settings
 *
 * The bounds are the module parameters' (params.h).
 *
 * Return: 0; -ERANGE when a number is out of its bounds; -EINVAL when the
 * enctype mask is empty or names an enctype krb5ap does not support.
 */
int krb5ap_config_check(const struct krb5ap_config *c)
{
	if (c->clock_skew > KRB5AP_CLOCK_SKEW_MAX ||
	    c->replay_max < KRB5AP_REPLAY_MAX_MIN ||
	    c->replay_max > KRB5AP_REPLAY_MAX_MAX ||
	    c->max_token < KRB5AP_TOKEN_MAX_MIN ||
	    c->max_token > KRB5AP_TOKEN_MAX_MAX)
		return -ERANGE;
	if (!c->enctypes || c->enctypes & ~krb5ap_supported_enctypes())
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_config_check);

/**
 * krb5ap_config_set() - change a namespace's settings
 * @kn: the namespace's state
 * @c: the new settings, all fields (read, change, write back)
 *
 * All or nothing: invalid settings change nothing.  A new replay cache
 * capacity applies to the existing cache, keeping its entries.  When the
 * cache cannot grow to it (-ENOMEM), the settings stay as they were.
 *
 * Context: process context; takes @kn->lock.
 * Return: 0, an error of krb5ap_config_check(), or -ENOMEM.
 */
int krb5ap_config_set(struct krb5ap_net *kn, const struct krb5ap_config *c)
{
	int ret;

	ret = krb5ap_config_check(c);
	if (ret)
		return ret;
	mutex_lock(&kn->lock);
	if (c->replay_max != kn->config.replay_max) {
		ret = krb5ap_replay_set_max(kn->replay, c->replay_max);
		if (ret) {
			/* Best effort back to the old bound; never fewer. */
			krb5ap_replay_set_max(kn->replay,
					      kn->config.replay_max);
			mutex_unlock(&kn->lock);
			return ret;
		}
	}
	WRITE_ONCE(kn->config.clock_skew, c->clock_skew);
	WRITE_ONCE(kn->config.replay_max, c->replay_max);
	WRITE_ONCE(kn->config.max_token, c->max_token);
	WRITE_ONCE(kn->config.enctypes, c->enctypes);
	mutex_unlock(&kn->lock);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_config_set);

/**
 * krb5ap_stats_count() - count one verification outcome
 * @kn: the namespace's state
 * @krb_error: 0 for an acceptance, else the Kerberos error code; codes
 *	of 255 and above are counted together in 255
 *
 * Context: any; lockless (a per-CPU counter).
 */
void krb5ap_stats_count(struct krb5ap_net *kn, unsigned int krb_error)
{
	this_cpu_inc(kn->stats[min(krb_error, KRB5AP_STATS_ERRORS - 1U)]);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_stats_count);

/**
 * krb5ap_stats_sum() - add up the counters of every CPU
 * @kn: the namespace's state
 * @out: KRB5AP_STATS_ERRORS totals, indexed by Kerberos error code
 *
 * Context: any.
 */
void krb5ap_stats_sum(struct krb5ap_net *kn, u64 *out)
{
	unsigned int cpu, i;
	const u64 *s;

	memset(out, 0, KRB5AP_STATS_ERRORS * sizeof(*out));
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(kn->stats, cpu);
		for (i = 0; i < KRB5AP_STATS_ERRORS; i++)
			out[i] += READ_ONCE(s[i]);
	}
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_stats_sum);
