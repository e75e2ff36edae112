/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Replay cache: one per network namespace, in memory, bounded, sharded.
 * See Documentation/replay.rst.  Time is always an input: nothing here
 * reads the clock.
 */
#ifndef _KRB5AP_REPLAY_H
#define _KRB5AP_REPLAY_H

#include <linux/types.h>
#include <linux/time64.h>

struct krb5ap_replay;

/**
 * struct krb5ap_replay_tag - 128-bit keyed hash of one authenticator
 * @a: first half (also picks the shard)
 * @b: second half (also picks the hash bucket)
 */
struct krb5ap_replay_tag {
	u64 a, b;
};

struct krb5ap_replay *krb5ap_replay_create(unsigned int max_entries);
void krb5ap_replay_destroy(struct krb5ap_replay *rc);
int krb5ap_replay_set_max(struct krb5ap_replay *rc, unsigned int max_entries);
void krb5ap_replay_make_tag(const struct krb5ap_replay *rc,
			    const char *client, const char *server,
			    time64_t ctime, u32 cusec,
			    const u8 *mac, unsigned int mac_len,
			    struct krb5ap_replay_tag *tag);
int krb5ap_replay_check(struct krb5ap_replay *rc,
			const struct krb5ap_replay_tag *tag,
			time64_t now, time64_t expires);
unsigned int krb5ap_replay_count(const struct krb5ap_replay *rc);
unsigned int krb5ap_replay_max(const struct krb5ap_replay *rc);
unsigned long krb5ap_replay_full_count(const struct krb5ap_replay *rc);
unsigned int krb5ap_replay_nr_shards(const struct krb5ap_replay *rc);

#endif /* _KRB5AP_REPLAY_H */
