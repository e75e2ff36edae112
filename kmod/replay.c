// SPDX-License-Identifier: GPL-2.0
/*
 * Replay cache (Documentation/replay.rst).
 *
 * One cache per network namespace.  An authenticator is reduced to a
 * 128-bit keyed hash (its tag) and recorded until the expiry time the
 * caller gives; a second check of the same tag before then is a replay.
 * Time is an input: nothing here reads the clock.
 *
 * Sharding: the cache is split into a power-of-two number of shards, picked
 * at creation from nr_cpu_ids (2 per possible CPU, 4 to 64, and no more
 * than one per 256 entries of the bound).  A tag's first half picks its
 * shard.  Each shard has its own spinlock, its own share of the bound
 * (max_entries / shards, the remainder spread over the first shards, so
 * the shares add up to exactly the bound and no global counter is needed),
 * a hash table, a free list and a singly linked list of its entries in
 * insertion order for lazy purging.  No lock is ever held across shards.
 *
 * Memory: entries live in chunks of 128 (4 KiB, one kmalloc each) that a
 * shard allocates as it first needs them, so there is no allocation per
 * insert; a chunk is allocated once per 128 new slots and kept (freed
 * slots go on the shard's free list) until the cache is destroyed.  Hash
 * buckets are 32-bit entry indices in pages of 1024, also allocated on
 * first use; a shard has roundup_pow_of_two(share) buckets.  One entry is
 * 32 bytes and one bucket 4 bytes, so the cache costs 36 bytes per entry
 * of a power-of-two bound (up to 40 otherwise) plus 8 bytes per 128
 * entries and per 1024 buckets for the pointer tables: about 36.1 MiB at
 * the default bound of 1M entries, reached only once that many entries
 * were live at once.  A namespace that never verifies anything costs the
 * pointer tables only (72 KiB at 1M).
 *
 * Purging: an entry is live while now <= expires.  Each check first
 * frees up to KRB5AP_REPLAY_PURGE (8) expired entries from the head of its
 * shard's insertion-ordered list, so purging keeps up with inserting.
 * Expiry times are not monotonic in insertion order (they follow the
 * authenticator's ctime), so an expired entry can sit behind a live one;
 * when the shard is full, up to KRB5AP_REPLAY_PURGE_FULL (64) more entries
 * are looked at, live heads moved to the tail, to reach those.  Entries
 * are never dropped before they expire: when the shard is still full, the
 * insert fails with -ENOSPC.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/bits.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/log2.h>
#include <linux/random.h>
#include <linux/siphash.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/string.h>
#include <linux/cpumask.h>
#include <kunit/visibility.h>

#include "replay.h"

/* Entries per chunk: 128 * 32 bytes = one 4 KiB allocation. */
#define KRB5AP_REPLAY_CHUNK_SHIFT	7
#define KRB5AP_REPLAY_CHUNK		BIT(KRB5AP_REPLAY_CHUNK_SHIFT)
/* Buckets per bucket page: 1024 * 4 bytes = 4 KiB. */
#define KRB5AP_REPLAY_BPAGE_SHIFT	10
#define KRB5AP_REPLAY_BPAGE		BIT(KRB5AP_REPLAY_BPAGE_SHIFT)
#define KRB5AP_REPLAY_MIN_BUCKETS	16U
/*
 * Most entries looked at per insert by the purge: at the head of the
 * insertion order, and again (moving live ones to the tail) when the shard
 * is full.
 */
#define KRB5AP_REPLAY_PURGE		8
#define KRB5AP_REPLAY_PURGE_FULL	64
#define KRB5AP_REPLAY_MIN_SHARDS	4U
#define KRB5AP_REPLAY_MAX_SHARDS	64U
/* Smallest share of the bound a shard is created with. */
#define KRB5AP_REPLAY_MIN_SHARE		256U

/* Index 0 means "none"; entry i lives at position i - 1. */
#define KRB5AP_REPLAY_NIL		0U

/*
 * One recorded authenticator: 32 bytes.  @hnext links the hash chain while
 * the entry is live and the free list while it is free; @fnext links the
 * shard's list in insertion order.
 */
struct krb5ap_replay_entry {
	struct krb5ap_replay_tag tag;
	time64_t expires;
	u32 hnext;
	u32 fnext;
};

struct krb5ap_replay_shard {
	spinlock_t lock;	/* protects everything below */
	unsigned int max;	/* this shard's share of the bound */
	unsigned int count;	/* entries recorded (live or awaiting purge) */
	unsigned int used;	/* slots handed out so far (high-water mark) */
	u32 free;		/* free list */
	u32 head, tail;		/* insertion order, oldest first */
	unsigned long full;	/* inserts refused with -ENOSPC */
	struct krb5ap_replay_entry **chunks;
	unsigned int nchunks;	/* size of @chunks */
	u32 **bpages;		/* bucket pages, allocated on first use */
	u32 bmask;		/* buckets - 1 */
};

struct krb5ap_replay {
	siphash_key_t field_key[2];	/* variable-length fields */
	siphash_key_t tag_key[2];	/* the fixed-size summary */
	struct mutex resize_lock;	/* serialises krb5ap_replay_set_max() */
	unsigned int max;
	unsigned int nshards;
	struct krb5ap_replay_shard *shards;
};

static unsigned int krb5ap_replay_share(unsigned int max, unsigned int nshards,
					unsigned int i)
{
	return max / nshards + (i < max % nshards);
}

static unsigned int krb5ap_replay_nbuckets(unsigned int share)
{
	return roundup_pow_of_two(max(share, KRB5AP_REPLAY_MIN_BUCKETS));
}

static unsigned int krb5ap_replay_nbpages(unsigned int nbuckets)
{
	return DIV_ROUND_UP(nbuckets, KRB5AP_REPLAY_BPAGE);
}

static size_t krb5ap_replay_bpage_size(unsigned int nbuckets)
{
	return min_t(unsigned int, nbuckets, KRB5AP_REPLAY_BPAGE) * sizeof(u32);
}

static void krb5ap_replay_free_bpages(u32 **bpages, unsigned int nbuckets)
{
	unsigned int i;

	if (!bpages)
		return;
	for (i = 0; i < krb5ap_replay_nbpages(nbuckets); i++)
		kfree(bpages[i]);
	kvfree(bpages);
}

static struct krb5ap_replay_entry *
krb5ap_replay_entry(struct krb5ap_replay_shard *s, u32 idx)
{
	u32 pos = idx - 1;

	return &s->chunks[pos >> KRB5AP_REPLAY_CHUNK_SHIFT]
			 [pos & (KRB5AP_REPLAY_CHUNK - 1)];
}

static struct krb5ap_replay_shard *
krb5ap_replay_shard(struct krb5ap_replay *rc,
		    const struct krb5ap_replay_tag *tag)
{
	return &rc->shards[tag->a & (rc->nshards - 1)];
}

static bool krb5ap_replay_tag_eq(const struct krb5ap_replay_tag *x,
				 const struct krb5ap_replay_tag *y)
{
	return x->a == y->a && x->b == y->b;
}

/*
 * The bucket of @tag in the table (@bpages, @bmask), or NULL when its page
 * does not exist: then the chain is empty, unless @gfp allows allocating
 * the page, in which case NULL means the allocation failed.
 */
static u32 *krb5ap_replay_bucket(u32 **bpages, u32 bmask,
				 const struct krb5ap_replay_tag *tag, gfp_t gfp)
{
	u32 b = (u32)tag->b & bmask;
	u32 **page = &bpages[b >> KRB5AP_REPLAY_BPAGE_SHIFT];

	if (!*page) {
		if (!gfp)
			return NULL;
		/* Zeroed: every chain starts as KRB5AP_REPLAY_NIL. */
		*page = kzalloc(krb5ap_replay_bpage_size(bmask + 1), gfp);
		if (!*page)
			return NULL;
	}
	return &(*page)[b & (KRB5AP_REPLAY_BPAGE - 1)];
}

/* Take @idx off its hash chain. */
static void krb5ap_replay_unhash(struct krb5ap_replay_shard *s, u32 idx)
{
	struct krb5ap_replay_entry *e = krb5ap_replay_entry(s, idx);
	u32 *pp;

	lockdep_assert_held(&s->lock);
	pp = krb5ap_replay_bucket(s->bpages, s->bmask, &e->tag, 0);
	/* A hashed entry's page exists and the chain holds it. */
	while (pp && *pp != idx)
		pp = &krb5ap_replay_entry(s, *pp)->hnext;
	if (pp)
		*pp = e->hnext;
}

static void krb5ap_replay_append(struct krb5ap_replay_shard *s, u32 idx)
{
	lockdep_assert_held(&s->lock);
	krb5ap_replay_entry(s, idx)->fnext = KRB5AP_REPLAY_NIL;
	if (s->tail)
		krb5ap_replay_entry(s, s->tail)->fnext = idx;
	else
		s->head = idx;
	s->tail = idx;
}

static u32 krb5ap_replay_pop_head(struct krb5ap_replay_shard *s)
{
	u32 idx = s->head;

	lockdep_assert_held(&s->lock);
	s->head = krb5ap_replay_entry(s, idx)->fnext;
	if (!s->head)
		s->tail = KRB5AP_REPLAY_NIL;
	return idx;
}

/*
 * Free expired entries from the head of the insertion order, looking at
 * @budget entries at most.  With @rotate (the shard is full), a live head
 * is moved to the tail instead of stopping, so expired entries behind it
 * are reached.
 */
static void krb5ap_replay_purge(struct krb5ap_replay_shard *s, time64_t now,
				unsigned int budget, bool rotate)
{
	struct krb5ap_replay_entry *e;
	unsigned int n;
	u32 idx;

	lockdep_assert_held(&s->lock);
	for (n = 0; n < budget && s->head; n++) {
		e = krb5ap_replay_entry(s, s->head);
		if (e->expires >= now) {
			if (!rotate || s->head == s->tail)
				break;
			krb5ap_replay_append(s, krb5ap_replay_pop_head(s));
			continue;
		}
		idx = krb5ap_replay_pop_head(s);
		krb5ap_replay_unhash(s, idx);
		e->hnext = s->free;
		s->free = idx;
		WRITE_ONCE(s->count, s->count - 1);
	}
}

/* A free slot, or KRB5AP_REPLAY_NIL when a chunk cannot be allocated. */
static u32 krb5ap_replay_alloc(struct krb5ap_replay_shard *s)
{
	unsigned int c;
	u32 idx;

	lockdep_assert_held(&s->lock);
	if (s->free) {
		idx = s->free;
		s->free = krb5ap_replay_entry(s, idx)->hnext;
		return idx;
	}
	c = s->used >> KRB5AP_REPLAY_CHUNK_SHIFT;
	if (c >= s->nchunks)
		return KRB5AP_REPLAY_NIL;
	if (!s->chunks[c]) {
		s->chunks[c] = kmalloc_array(KRB5AP_REPLAY_CHUNK,
					     sizeof(**s->chunks),
					     GFP_ATOMIC | __GFP_NOWARN);
		if (!s->chunks[c])
			return KRB5AP_REPLAY_NIL;
	}
	return ++s->used;
}

static void krb5ap_replay_release(struct krb5ap_replay_shard *s, u32 idx)
{
	lockdep_assert_held(&s->lock);
	krb5ap_replay_entry(s, idx)->hnext = s->free;
	s->free = idx;
}

/**
 * krb5ap_replay_check() - record an authenticator, or detect its replay
 * @rc: the namespace's replay cache
 * @tag: the authenticator's tag (krb5ap_replay_make_tag())
 * @now: the verification time
 * @expires: until when (inclusive) the tag is to be remembered; the
 *	verifier passes the authenticator's ctime plus the clock skew
 *
 * A tag recorded with an expiry at or after @now is a replay.  A tag whose
 * record has expired is new again and is recorded with the new @expires
 * (an @expires before @now is recorded too, and is expired at once).
 * Never sleeps (GFP_ATOMIC when a chunk of entries is needed); takes only
 * the spinlock of the tag's shard, with bottom halves disabled.
 *
 * Return: 0 when the tag is new and was recorded until @expires; -EEXIST
 * for a replay; -ENOSPC when the tag's shard holds its share of the bound
 * in live entries (fail closed: the caller must refuse the authenticator);
 * -ENOMEM when memory for the entry could not be allocated (also refuse).
 */
int krb5ap_replay_check(struct krb5ap_replay *rc,
			const struct krb5ap_replay_tag *tag,
			time64_t now, time64_t expires)
{
	struct krb5ap_replay_shard *s = krb5ap_replay_shard(rc, tag);
	struct krb5ap_replay_entry *e;
	u32 *bucket, idx;
	int ret = 0;

	spin_lock_bh(&s->lock);
	krb5ap_replay_purge(s, now, KRB5AP_REPLAY_PURGE, false);

	bucket = krb5ap_replay_bucket(s->bpages, s->bmask, tag, 0);
	for (idx = bucket ? *bucket : KRB5AP_REPLAY_NIL; idx; idx = e->hnext) {
		e = krb5ap_replay_entry(s, idx);
		if (!krb5ap_replay_tag_eq(&e->tag, tag))
			continue;
		if (e->expires >= now) {
			ret = -EEXIST;
		} else {
			/* Expired but not yet purged: record it afresh. */
			e->expires = expires;
		}
		goto out;
	}

	if (s->count >= s->max) {
		krb5ap_replay_purge(s, now, KRB5AP_REPLAY_PURGE_FULL, true);
		if (s->count >= s->max) {
			WRITE_ONCE(s->full, s->full + 1);
			ret = -ENOSPC;
			goto out;
		}
	}
	idx = krb5ap_replay_alloc(s);
	if (!idx) {
		ret = -ENOMEM;
		goto out;
	}
	bucket = krb5ap_replay_bucket(s->bpages, s->bmask, tag,
				      GFP_ATOMIC | __GFP_NOWARN);
	if (!bucket) {
		krb5ap_replay_release(s, idx);
		ret = -ENOMEM;
		goto out;
	}
	e = krb5ap_replay_entry(s, idx);
	e->tag = *tag;
	e->expires = expires;
	e->hnext = *bucket;
	*bucket = idx;
	krb5ap_replay_append(s, idx);
	WRITE_ONCE(s->count, s->count + 1);
out:
	spin_unlock_bh(&s->lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_check);

/**
 * krb5ap_replay_make_tag() - the tag of one authenticator
 * @rc: the replay cache whose keys are used
 * @client: client principal, "name@REALM"
 * @server: server principal whose key decrypted the ticket, "name@REALM"
 * @ctime: the authenticator's ctime
 * @cusec: the authenticator's cusec
 * @mac: the authenticator ciphertext's MAC (its last checksum-length bytes)
 * @mac_len: length of @mac
 * @tag: where the tag goes
 *
 * Like MIT's rcache2, the tag covers the client, the server, ctime, cusec
 * and the MAC.  Each half is SipHash-2-4 with its own random key over a
 * fixed-size record: the SipHash of each variable-length field (with a
 * third and fourth random key, so each field is hashed on its own and no
 * byte can move from one field to the next), the field lengths, ctime and
 * cusec.  The keys are random per cache, so tags cannot be predicted or
 * made to collide from outside.
 */
void krb5ap_replay_make_tag(const struct krb5ap_replay *rc,
			    const char *client, const char *server,
			    time64_t ctime, u32 cusec,
			    const u8 *mac, unsigned int mac_len,
			    struct krb5ap_replay_tag *tag)
{
	size_t clen = strlen(client), slen = strlen(server);
	u64 rec[8];
	u64 out[2];
	int k;

	for (k = 0; k < 2; k++) {
		rec[0] = siphash(client, clen, &rc->field_key[k]);
		rec[1] = siphash(server, slen, &rc->field_key[k]);
		rec[2] = siphash(mac, mac_len, &rc->field_key[k]);
		rec[3] = clen;
		rec[4] = slen;
		rec[5] = mac_len;
		rec[6] = (u64)ctime;
		rec[7] = cusec;
		out[k] = siphash(rec, sizeof(rec), &rc->tag_key[k]);
	}
	tag->a = out[0];
	tag->b = out[1];
	memzero_explicit(rec, sizeof(rec));
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_make_tag);

/*
 * Give shard @s room for @share entries: a larger chunk table when the
 * share grows past it, and a hash table for the new share with the entries
 * rehashed into it.  Process context.  Returns -ENOMEM, changing nothing,
 * when the chunk table cannot grow (the shard keeps its smaller share).
 * A hash table that cannot be allocated is not an error: the old one is
 * kept, with longer chains, and the new share applies.
 */
static int krb5ap_replay_resize_shard(struct krb5ap_replay_shard *s,
				      unsigned int share)
{
	unsigned int nchunks = DIV_ROUND_UP(share, KRB5AP_REPLAY_CHUNK);
	unsigned int nb = krb5ap_replay_nbuckets(share);
	struct krb5ap_replay_entry **chunks = NULL, **old_chunks = NULL;
	u32 **bpages = NULL, **old_bpages = NULL;
	struct krb5ap_replay_entry *e;
	unsigned int old_nb = 0, i;
	u32 idx, *bucket;

	might_sleep();
	if (nchunks > READ_ONCE(s->nchunks)) {
		chunks = kvcalloc(nchunks, sizeof(*chunks), GFP_KERNEL);
		if (!chunks)
			return -ENOMEM;
	}
	if (nb != READ_ONCE(s->bmask) + 1)
		bpages = kvcalloc(krb5ap_replay_nbpages(nb), sizeof(*bpages),
				  GFP_KERNEL);
	/*
	 * A shard with entries fills most pages while rehashing: allocate
	 * them here, where we may sleep.
	 */
	for (i = 0; bpages && READ_ONCE(s->count) &&
	     i < krb5ap_replay_nbpages(nb); i++) {
		bpages[i] = kzalloc(krb5ap_replay_bpage_size(nb), GFP_KERNEL);
		if (!bpages[i]) {
			krb5ap_replay_free_bpages(bpages, nb);
			bpages = NULL;
		}
	}

	if (!bpages && !s->bpages) {
		/* A new shard needs its first hash table. */
		kvfree(chunks);
		return -ENOMEM;
	}

	spin_lock_bh(&s->lock);
	if (chunks) {
		/* The table only grows: slots up to @used stay addressable. */
		if (s->nchunks)
			memcpy(chunks, s->chunks,
			       s->nchunks * sizeof(*chunks));
		old_chunks = s->chunks;
		s->chunks = chunks;
		s->nchunks = nchunks;
	}
	if (bpages) {
		/* First make sure every page the entries need exists. */
		for (idx = s->head; idx; idx = e->fnext) {
			e = krb5ap_replay_entry(s, idx);
			if (!krb5ap_replay_bucket(bpages, nb - 1, &e->tag,
						  GFP_ATOMIC | __GFP_NOWARN))
				break;
		}
		if (idx) {
			/* Keep the old buckets: slower chains, still right. */
			old_bpages = bpages;
			old_nb = nb;
		} else {
			for (idx = s->head; idx; idx = e->fnext) {
				e = krb5ap_replay_entry(s, idx);
				bucket = krb5ap_replay_bucket(bpages, nb - 1,
							      &e->tag, 0);
				e->hnext = *bucket;
				*bucket = idx;
			}
			old_bpages = s->bpages;
			old_nb = s->bmask + 1;
			s->bpages = bpages;
			s->bmask = nb - 1;
		}
	}
	s->max = share;
	spin_unlock_bh(&s->lock);

	kvfree(old_chunks);
	krb5ap_replay_free_bpages(old_bpages, old_nb);
	return 0;
}

/**
 * krb5ap_replay_set_max() - change a cache's bound
 * @rc: the replay cache
 * @max_entries: the new bound, in entries
 *
 * Process context; may sleep.  No entry is dropped: when the cache holds
 * more than the new bound, inserts fail with -ENOSPC until enough entries
 * have expired.
 *
 * Return: 0, or -ENOMEM when some shard could not grow; that shard keeps
 * its old, smaller share of the bound (the cache refuses more, never
 * less) and krb5ap_replay_max() still reports the old bound.
 */
int krb5ap_replay_set_max(struct krb5ap_replay *rc, unsigned int max_entries)
{
	unsigned int i;
	int ret = 0, err;

	mutex_lock(&rc->resize_lock);
	for (i = 0; i < rc->nshards; i++) {
		err = krb5ap_replay_resize_shard(&rc->shards[i],
						 krb5ap_replay_share(max_entries,
								     rc->nshards,
								     i));
		if (err)
			ret = err;
	}
	if (!ret)
		WRITE_ONCE(rc->max, max_entries);
	mutex_unlock(&rc->resize_lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_set_max);

/**
 * krb5ap_replay_create() - a new, empty replay cache
 * @max_entries: the bound, in entries (the caller validates its range)
 *
 * Process context; may sleep.  Allocates the shards and their pointer
 * tables (8 bytes per 128 entries and per 1024 buckets); entries and
 * buckets are allocated as they are first used.
 *
 * Return: the cache, or NULL when out of memory.
 */
struct krb5ap_replay *krb5ap_replay_create(unsigned int max_entries)
{
	struct krb5ap_replay *rc;
	unsigned int n, i;

	rc = kzalloc(sizeof(*rc), GFP_KERNEL);
	if (!rc)
		return NULL;
	get_random_bytes(rc->field_key, sizeof(rc->field_key));
	get_random_bytes(rc->tag_key, sizeof(rc->tag_key));
	mutex_init(&rc->resize_lock);

	n = clamp(roundup_pow_of_two(2 * nr_cpu_ids),
		  KRB5AP_REPLAY_MIN_SHARDS, KRB5AP_REPLAY_MAX_SHARDS);
	while (n > 1 && max_entries / n < KRB5AP_REPLAY_MIN_SHARE)
		n /= 2;
	rc->nshards = n;
	rc->shards = kcalloc(n, sizeof(*rc->shards), GFP_KERNEL);
	if (!rc->shards)
		goto fail;
	for (i = 0; i < n; i++)
		spin_lock_init(&rc->shards[i].lock);
	if (krb5ap_replay_set_max(rc, max_entries))
		goto fail;
	return rc;

fail:
	krb5ap_replay_destroy(rc);
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_create);

/**
 * krb5ap_replay_destroy() - free a replay cache and every entry
 * @rc: the replay cache, or NULL
 *
 * The caller makes sure nothing else uses @rc any more.
 */
void krb5ap_replay_destroy(struct krb5ap_replay *rc)
{
	struct krb5ap_replay_shard *s;
	unsigned int i, c;

	if (!rc)
		return;
	for (i = 0; rc->shards && i < rc->nshards; i++) {
		s = &rc->shards[i];
		for (c = 0; c < s->nchunks; c++)
			kfree(s->chunks[c]);
		kvfree(s->chunks);
		krb5ap_replay_free_bpages(s->bpages, s->bmask + 1);
	}
	kfree(rc->shards);
	mutex_destroy(&rc->resize_lock);
	kfree_sensitive(rc);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_destroy);

/**
 * krb5ap_replay_count() - entries recorded
 * @rc: the replay cache
 *
 * Lock-free, so approximate while inserts run.  Counts expired entries
 * that have not been purged yet.
 *
 * Return: the number of entries.
 */
unsigned int krb5ap_replay_count(const struct krb5ap_replay *rc)
{
	unsigned int i, n = 0;

	for (i = 0; i < rc->nshards; i++)
		n += READ_ONCE(rc->shards[i].count);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_count);

/**
 * krb5ap_replay_max() - a cache's bound
 * @rc: the replay cache
 *
 * Return: the bound last set successfully, in entries.
 */
unsigned int krb5ap_replay_max(const struct krb5ap_replay *rc)
{
	return READ_ONCE(rc->max);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_max);

/**
 * krb5ap_replay_full_count() - inserts refused because the cache was full
 * @rc: the replay cache
 *
 * Lock-free, so approximate while inserts run.
 *
 * Return: how many times krb5ap_replay_check() returned -ENOSPC.
 */
unsigned long krb5ap_replay_full_count(const struct krb5ap_replay *rc)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = 0; i < rc->nshards; i++)
		n += READ_ONCE(rc->shards[i].full);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_full_count);

/**
 * krb5ap_replay_nr_shards() - how many shards a cache has
 * @rc: the replay cache
 *
 * Return: the number of shards, a power of two.
 */
unsigned int krb5ap_replay_nr_shards(const struct krb5ap_replay *rc)
{
	return rc->nshards;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_replay_nr_shards);
