// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for krb5ap's replay cache (kmod/replay.c).
 *
 * Most cases use synthetic tags {a = i, b = i}: a tag's shard is
 * a & (shards - 1), so tags 0..N-1 spread exactly evenly and a cache of N
 * entries fills exactly.  The tag cases and the bulk and concurrency cases
 * use krb5ap_replay_make_tag().
 */
#include <kunit/test.h>
#include <kunit/resource.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "params.h"
#include "replay.h"

KUNIT_DEFINE_ACTION_WRAPPER(replay_destroy_action, krb5ap_replay_destroy,
			    struct krb5ap_replay *);
KUNIT_DEFINE_ACTION_WRAPPER(kvfree_action, kvfree, const void *);

static struct krb5ap_replay *new_cache(struct kunit *test, unsigned int max)
{
	struct krb5ap_replay *rc = krb5ap_replay_create(max);

	KUNIT_ASSERT_NOT_NULL(test, rc);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							replay_destroy_action,
							rc), 0);
	return rc;
}

static struct krb5ap_replay_tag syn(u64 i)
{
	return (struct krb5ap_replay_tag){ .a = i, .b = i };
}

static int check_syn(struct krb5ap_replay *rc, u64 i, time64_t now,
		     time64_t expires)
{
	struct krb5ap_replay_tag t = syn(i);

	return krb5ap_replay_check(rc, &t, now, expires);
}

static const u8 test_mac[16] = {
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

static void new_then_replay_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, KRB5AP_REPLAY_MAX_MIN);
	struct krb5ap_replay_tag t;

	krb5ap_replay_make_tag(rc, "alice@EXAMPLE.TEST",
			       "cifs/host.example.test@EXAMPLE.TEST",
			       1700000000, 123456, test_mac, sizeof(test_mac),
			       &t);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t, 1700000000,
						  1700000300), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t, 1700000000,
						  1700000300), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t, 1700000010,
						  1700000300), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 1U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_max(rc),
			(unsigned int)KRB5AP_REPLAY_MAX_MIN);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_full_count(rc), 0UL);
}

#define NR_VARIANTS (8 + sizeof(test_mac))

static void tags_independent_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, KRB5AP_REPLAY_MAX_MIN);
	struct krb5ap_replay *other = new_cache(test, KRB5AP_REPLAY_MAX_MIN);
	struct krb5ap_replay_tag base, again, t[NR_VARIANTS];
	const char *c = "alice@EXAMPLE.TEST", *s = "host/h@EXAMPLE.TEST";
	const time64_t ct = 1700000000;
	u8 mac[sizeof(test_mac)];
	unsigned int i, j, n = 0;

	krb5ap_replay_make_tag(rc, c, s, ct, 5, test_mac, sizeof(mac), &base);
	krb5ap_replay_make_tag(rc, c, s, ct, 5, test_mac, sizeof(mac), &again);
	KUNIT_EXPECT_TRUE(test, base.a == again.a && base.b == again.b);
	/* Keys are per cache. */
	krb5ap_replay_make_tag(other, c, s, ct, 5, test_mac, sizeof(mac),
			       &again);
	KUNIT_EXPECT_FALSE(test, base.a == again.a || base.b == again.b);

	krb5ap_replay_make_tag(rc, "bob@EXAMPLE.TEST", s, ct, 5, test_mac,
			       sizeof(mac), &t[n++]);
	krb5ap_replay_make_tag(rc, c, "host/g@EXAMPLE.TEST", ct, 5, test_mac,
			       sizeof(mac), &t[n++]);
	krb5ap_replay_make_tag(rc, c, s, ct + 1, 5, test_mac, sizeof(mac),
			       &t[n++]);
	krb5ap_replay_make_tag(rc, c, s, ct, 6, test_mac, sizeof(mac),
			       &t[n++]);
	krb5ap_replay_make_tag(rc, s, c, ct, 5, test_mac, sizeof(mac),
			       &t[n++]);
	krb5ap_replay_make_tag(rc, c, s, ct, 5, test_mac, sizeof(mac) - 1,
			       &t[n++]);
	/* A byte moved across a field boundary changes the tag. */
	krb5ap_replay_make_tag(rc, "ab", "c", ct, 5, test_mac, sizeof(mac),
			       &t[n++]);
	krb5ap_replay_make_tag(rc, "a", "bc", ct, 5, test_mac, sizeof(mac),
			       &t[n++]);
	for (i = 0; i < sizeof(mac); i++) {
		memcpy(mac, test_mac, sizeof(mac));
		mac[i] ^= 0x01;
		krb5ap_replay_make_tag(rc, c, s, ct, 5, mac, sizeof(mac),
				       &t[n++]);
	}
	KUNIT_ASSERT_EQ(test, n, (unsigned int)NR_VARIANTS);

	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_FALSE_MSG(test, t[i].a == base.a, "variant %u", i);
		KUNIT_EXPECT_FALSE_MSG(test, t[i].b == base.b, "variant %u", i);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_FALSE_MSG(test, t[i].a == t[j].a &&
					       t[i].b == t[j].b,
					       "variants %u and %u", i, j);
	}

	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &base, ct, ct + 300), 0);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, krb5ap_replay_check(rc, &t[i], ct,
							      ct + 300),
				    0, "variant %u", i);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &base, ct, ct + 300),
			-EEXIST);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, krb5ap_replay_check(rc, &t[i], ct,
							      ct + 300),
				    -EEXIST, "variant %u", i);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), n + 1);
}

/* Same tag, same halves except one: the cache compares all 128 bits. */
static void tag_halves_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, KRB5AP_REPLAY_MAX_MIN);
	struct krb5ap_replay_tag t1 = { .a = 7, .b = 9 };
	struct krb5ap_replay_tag t2 = { .a = 7, .b = 9 + (1ULL << 40) };
	struct krb5ap_replay_tag t3 = { .a = 7 + (1ULL << 40), .b = 9 };

	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t1, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t2, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t3, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t1, 0, 10), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t2, 0, 10), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_check(rc, &t3, 0, 10), -EEXIST);
}

static void expiry_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, KRB5AP_REPLAY_MAX_MIN);

	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 100, 400), 0);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 101, 400), -EEXIST);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 399, 400), -EEXIST);
	/* Exactly at @expires the record still holds. */
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 400, 700), -EEXIST);
	/* One second later the tag is new again, recorded anew... */
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 401, 700), 0);
	/* ...until the new expiry. */
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 402, 700), -EEXIST);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 700, 700), -EEXIST);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 701, 900), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 1U);
	/* Negative times are times too. */
	KUNIT_EXPECT_EQ(test, check_syn(rc, 2, -50, -10), 0);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 2, -10, -10), -EEXIST);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 2, -9, 0), 0);
}

/* Entries expiring exactly at now are not purged; one second later they are. */
static void purge_boundary_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, KRB5AP_REPLAY_MAX_MIN);
	unsigned int i;

	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 100, 400), 0);
	for (i = 100; i < 200; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 400, 700), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 200U);
	for (i = 0; i < 200; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 400, 700), -EEXIST);
	/* At 401 the first 100 are gone: purged or new again. */
	for (i = 200; i < 300; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 401, 700), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 200U);
	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 401, 700), 0);
	for (i = 0; i < 300; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 700, 900), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 300U);
}

static void fill(struct kunit *test, struct krb5ap_replay *rc,
		 unsigned int from, unsigned int to, time64_t now,
		 time64_t expires)
{
	unsigned int i, bad = 0;

	for (i = from; i < to; i++)
		if (check_syn(rc, i, now, expires))
			bad++;
	KUNIT_EXPECT_EQ_MSG(test, bad, 0U, "tags %u..%u", from, to - 1);
}

static void full_test(struct kunit *test)
{
	const unsigned int max = KRB5AP_REPLAY_MAX_MIN;
	struct krb5ap_replay *rc = new_cache(test, max);
	unsigned int i, bad = 0;

	/* 1024 entries, 256 per shard: synthetic tags fill it exactly. */
	KUNIT_EXPECT_EQ(test, krb5ap_replay_nr_shards(rc), 4U);
	fill(test, rc, 0, max, 100, 200);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), max);
	for (i = max; i < max + 8; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 150, 250), -ENOSPC);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_full_count(rc), 8UL);
	/* Full still detects replays, up to and at their expiry. */
	for (i = 0; i < max; i++)
		if (check_syn(rc, i, 200, 300) != -EEXIST)
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, check_syn(rc, max, 200, 300), -ENOSPC);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), max);

	/* Once they expire there is room again. */
	fill(test, rc, max, 2 * max, 201, 500);
	KUNIT_EXPECT_LE(test, krb5ap_replay_count(rc), max);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 2 * max, 201, 500), -ENOSPC);
	for (i = max; i < 2 * max; i++)
		if (check_syn(rc, i, 500, 600) != -EEXIST)
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_full_count(rc), 10UL);
}

/* A live entry at the head of a full shard does not hide expired ones. */
static void full_rotate_test(struct kunit *test)
{
	const unsigned int max = KRB5AP_REPLAY_MAX_MIN;
	struct krb5ap_replay *rc = new_cache(test, max);
	unsigned int n = krb5ap_replay_nr_shards(rc), i;

	fill(test, rc, 0, n, 100, 1000);	/* one long-lived head per shard */
	fill(test, rc, n, max, 100, 200);
	KUNIT_EXPECT_EQ(test, check_syn(rc, max, 150, 250), -ENOSPC);
	fill(test, rc, max, 2 * max - n, 201, 300);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), max);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, check_syn(rc, i, 300, 400), -EEXIST);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 2 * max, 300, 400), -ENOSPC);
}

static void set_max_test(struct kunit *test)
{
	const unsigned int max = KRB5AP_REPLAY_MAX_MIN;
	struct krb5ap_replay *rc = new_cache(test, max);
	unsigned int i, tries, bad = 0, refused = 0;
	int ret = 0;

	fill(test, rc, 0, max, 100, 200);
	KUNIT_EXPECT_EQ(test, check_syn(rc, max, 100, 200), -ENOSPC);

	/* Up: room for more, nothing lost. */
	KUNIT_EXPECT_EQ(test, krb5ap_replay_set_max(rc, 4 * max), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_max(rc), 4 * max);
	fill(test, rc, max, 4 * max, 100, 200);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 4 * max, 100, 200), -ENOSPC);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 4 * max);

	/* Down: entries are kept and still caught; no room for new ones. */
	KUNIT_EXPECT_EQ(test, krb5ap_replay_set_max(rc, max), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_max(rc), max);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 4 * max);
	for (i = 0; i < 4 * max; i++)
		if (check_syn(rc, i, 150, 250) != -EEXIST)
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 4 * max, 150, 250), -ENOSPC);

	/*
	 * After expiry the smaller bound holds.  The purge does bounded work
	 * per check, so the first checks of each shard are refused until it
	 * has caught up with the 3 * 256 entries over its share.
	 */
	for (i = 4 * max; i < 5 * max; i++) {
		for (tries = 0; tries < 32; tries++) {
			ret = check_syn(rc, i, 201, 300);
			if (ret != -ENOSPC)
				break;
			refused++;
		}
		if (ret)
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_GT(test, refused, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), max);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 5 * max, 201, 300), -ENOSPC);
	for (i = 4 * max; i < 5 * max; i++)
		if (check_syn(rc, i, 300, 400) != -EEXIST)
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);

	/* Up again while full of live entries: the rehash keeps them all. */
	KUNIT_EXPECT_EQ(test, krb5ap_replay_set_max(rc, 64 * max), 0);
	for (i = 4 * max; i < 5 * max; i++)
		if (check_syn(rc, i, 300, 400) != -EEXIST)
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	fill(test, rc, 5 * max, 6 * max, 300, 400);
}

static void bounds_test(struct kunit *test)
{
	struct krb5ap_replay *rc;

	/* The largest bound costs pointer tables only until used. */
	rc = new_cache(test, KRB5AP_REPLAY_MAX_MAX);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_max(rc),
			(unsigned int)KRB5AP_REPLAY_MAX_MAX);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1, 0, 10), -EEXIST);
	KUNIT_EXPECT_EQ(test, is_power_of_2(krb5ap_replay_nr_shards(rc)), true);

	/* Odd bounds split exactly: shares add up to the bound. */
	rc = new_cache(test, 1027);
	fill(test, rc, 0, 1024, 0, 10);
	/* The remainder went to shards 0..2: one more each. */
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1024, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1025, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1026, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1027, 0, 10), -ENOSPC);
	KUNIT_EXPECT_EQ(test, check_syn(rc, 1028, 0, 10), -ENOSPC);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), 1027U);

	krb5ap_replay_destroy(NULL);
}

#define MANY 100000U

static void many_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, 2 * MANY);
	struct krb5ap_replay_tag *t;
	unsigned int i, bad = 0;

	t = kvmalloc_array(MANY, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, kvfree_action,
							t), 0);
	for (i = 0; i < MANY; i++)
		krb5ap_replay_make_tag(rc, "user@EXAMPLE.TEST",
				       "nfs/server@EXAMPLE.TEST", 1000 + i / 1000,
				       i, test_mac, sizeof(test_mac), &t[i]);
	for (i = 0; i < MANY; i++)
		if (krb5ap_replay_check(rc, &t[i], 1000, 1300))
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), MANY);
	for (i = 0; i < MANY; i++)
		if (krb5ap_replay_check(rc, &t[i], 1300, 1600) != -EEXIST)
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), MANY);

	/* After expiry: a new generation replaces the old one. */
	for (i = 0; i < MANY; i++)
		if (check_syn(rc, i, 1301, 1600))
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), MANY);
	for (i = 0; i < MANY; i += 97)
		if (krb5ap_replay_check(rc, &t[i], 1301, 1600))
			bad++;
	KUNIT_EXPECT_EQ(test, bad, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_full_count(rc), 0UL);
}

#define NR_THREADS 4
#define PER_THREAD 5000U

struct worker {
	struct krb5ap_replay *rc;
	struct completion done;
	unsigned int id;
	bool same;		/* every worker inserts the same tags */
	unsigned int accepted, replays, errors;
};

static void worker_tag(const struct krb5ap_replay *rc, unsigned int id,
		       unsigned int i, struct krb5ap_replay_tag *t)
{
	char client[32];

	snprintf(client, sizeof(client), "worker%u@EXAMPLE.TEST", id);
	krb5ap_replay_make_tag(rc, client, "host/h@EXAMPLE.TEST", 1000, i,
			       test_mac, sizeof(test_mac), t);
}

static int worker_fn(void *arg)
{
	struct worker *w = arg;
	struct krb5ap_replay_tag t;
	unsigned int i;
	int ret;

	for (i = 0; i < PER_THREAD; i++) {
		worker_tag(w->rc, w->same ? 0 : w->id, i, &t);
		ret = krb5ap_replay_check(w->rc, &t, 1000, 1300);
		if (!ret)
			w->accepted++;
		else if (ret == -EEXIST)
			w->replays++;
		else
			w->errors++;
		if (!(i & 255))
			cond_resched();
	}
	complete(&w->done);
	return 0;
}

static void run_workers(struct kunit *test, struct krb5ap_replay *rc,
			bool same, struct worker *w)
{
	struct task_struct *task[NR_THREADS];
	unsigned int i;

	for (i = 0; i < NR_THREADS; i++) {
		w[i].rc = rc;
		w[i].id = i;
		w[i].same = same;
		init_completion(&w[i].done);
		task[i] = kthread_create(worker_fn, &w[i], "krb5ap_rc%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(task[i]));
		get_task_struct(task[i]);
	}
	for (i = 0; i < NR_THREADS; i++)
		wake_up_process(task[i]);
	for (i = 0; i < NR_THREADS; i++) {
		wait_for_completion(&w[i].done);
		kthread_stop(task[i]);
		put_task_struct(task[i]);
	}
}

static void concurrent_disjoint_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, 65536);
	struct krb5ap_replay_tag t;
	struct worker *w;
	unsigned int i, j, bad = 0;

	w = kunit_kcalloc(test, NR_THREADS, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	run_workers(test, rc, false, w);
	for (i = 0; i < NR_THREADS; i++) {
		KUNIT_EXPECT_EQ(test, w[i].accepted, PER_THREAD);
		KUNIT_EXPECT_EQ(test, w[i].replays, 0U);
		KUNIT_EXPECT_EQ(test, w[i].errors, 0U);
	}
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), NR_THREADS * PER_THREAD);
	for (i = 0; i < NR_THREADS; i++)
		for (j = 0; j < PER_THREAD; j++) {
			worker_tag(rc, i, j, &t);
			if (krb5ap_replay_check(rc, &t, 1100, 1300) != -EEXIST)
				bad++;
		}
	KUNIT_EXPECT_EQ(test, bad, 0U);
}

/* Racing inserts of one tag: exactly one wins. */
static void concurrent_same_test(struct kunit *test)
{
	struct krb5ap_replay *rc = new_cache(test, 65536);
	unsigned int i, accepted = 0, replays = 0, errors = 0;
	struct worker *w;

	w = kunit_kcalloc(test, NR_THREADS, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	run_workers(test, rc, true, w);
	for (i = 0; i < NR_THREADS; i++) {
		accepted += w[i].accepted;
		replays += w[i].replays;
		errors += w[i].errors;
	}
	KUNIT_EXPECT_EQ(test, accepted, PER_THREAD);
	KUNIT_EXPECT_EQ(test, replays, (NR_THREADS - 1) * PER_THREAD);
	KUNIT_EXPECT_EQ(test, errors, 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_replay_count(rc), PER_THREAD);
}

static struct kunit_case krb5ap_replay_cases[] = {
	KUNIT_CASE(new_then_replay_test),
	KUNIT_CASE(tags_independent_test),
	KUNIT_CASE(tag_halves_test),
	KUNIT_CASE(expiry_test),
	KUNIT_CASE(purge_boundary_test),
	KUNIT_CASE(full_test),
	KUNIT_CASE(full_rotate_test),
	KUNIT_CASE(set_max_test),
	KUNIT_CASE(bounds_test),
	KUNIT_CASE_SLOW(many_test),
	KUNIT_CASE(concurrent_disjoint_test),
	KUNIT_CASE(concurrent_same_test),
	{}
};

static struct kunit_suite krb5ap_replay_suite = {
	.name = "krb5ap_replay",
	.test_cases = krb5ap_replay_cases,
};

kunit_test_suites(&krb5ap_replay_suite);
