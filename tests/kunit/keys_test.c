// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for krb5ap's per-namespace service key table (kmod/keys.c)
 * and per-namespace state (kmod/pernet.c).  Each case works on a table of
 * its own, never on a namespace's.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/net_namespace.h>

#include "enctype.h"
#include "keys.h"
#include "msg.h"
#include "params.h"
#include "pernet.h"

#define REALM "EXAMPLE.TEST"
#define SVC "cifs/host.example.test"

static const u32 all_etypes[] = { 17, 18, 19, 20, 25, 26 };

/* Key bytes for (kvno, etype): any bytes of the right length. */
static void make_key(u8 *key, unsigned int len, u32 kvno, u32 etype, u8 salt)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		key[i] = (u8)(i * 7 + kvno * 31 + etype * 13 + salt);
}

static unsigned int key_len(u32 etype)
{
	const struct krb5ap_enctype *e = krb5ap_find_enctype(etype);

	return e ? e->key_bytes : 32;
}

static int add_key(struct krb5ap_keys_txn *txn, const char *principal,
		   const char *realm, u32 kvno, u32 etype)
{
	u8 key[32];

	make_key(key, sizeof(key), kvno, etype, 0);
	return krb5ap_keys_txn_add(txn, principal, realm, kvno, etype, key,
				   key_len(etype));
}

/* One transaction adding one key, committed. */
static void add_one(struct kunit *test, struct krb5ap_keys *ks,
		    const char *principal, u32 kvno, u32 etype)
{
	struct krb5ap_keys_txn *txn = krb5ap_keys_begin(ks);

	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, principal, REALM, kvno, etype), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
}

static int find(struct krb5ap_keys *ks, const char *principal,
		const char *realm, u32 kvno, u32 etype,
		const struct krb5ap_key **key)
{
	struct krb5ap_key_ref ref;
	int ret;

	rcu_read_lock();
	ret = krb5ap_keys_find(ks, principal, realm, kvno, etype, &ref);
	if (!ret && key)
		*key = ref.key;
	rcu_read_unlock();
	return ret;
}

static int keys_test_init(struct kunit *test)
{
	struct krb5ap_keys *ks = kunit_kzalloc(test, sizeof(*ks), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ks);
	KUNIT_ASSERT_EQ(test, krb5ap_keys_init(ks), 0);
	test->priv = ks;
	return 0;
}

static void keys_test_exit(struct kunit *test)
{
	krb5ap_keys_destroy(test->priv);
}

static void etype_desc(const u32 *etype, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "enctype %u", *etype);
}

KUNIT_ARRAY_PARAM(etype, all_etypes, etype_desc);

/*
 * Add, find, and use the prepared key: what it encrypts with usage 2
 * decrypts with the raw key bytes.
 */
static void add_find_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	u32 etype = *(const u32 *)test->param_value;
	const struct krb5ap_enctype *e = krb5ap_find_enctype(etype);
	struct krb5ap_key_ref ref;
	size_t off, len, plain_off, plain_len;
	ssize_t clen;
	u8 raw[32], *buf;
	u32 other = etype == 18 ? 17 : 18;

	KUNIT_ASSERT_NOT_NULL(test, e);
	add_one(test, ks, SVC, 3, etype);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 1U);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_principals(ks), 1U);

	len = krb5ap_how_much_buffer(e, 20, &off);
	buf = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf + off, 'x', 20);

	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, krb5ap_keys_find(ks, SVC, REALM, 3, etype, &ref),
			0);
	KUNIT_EXPECT_STREQ(test, ref.principal, SVC);
	KUNIT_EXPECT_STREQ(test, ref.realm, REALM);
	KUNIT_EXPECT_EQ(test, ref.key->kvno, 3U);
	KUNIT_EXPECT_PTR_EQ(test, ref.key->enctype, e);
	KUNIT_EXPECT_EQ(test, ref.key->ticket->usage, (u32)KRB5AP_USAGE_TICKET);
	clen = krb5ap_encrypt(ref.key->ticket, buf, len, off, 20, false);
	rcu_read_unlock();
	KUNIT_ASSERT_GT(test, clen, 0);

	make_key(raw, sizeof(raw), 3, etype, 0);
	KUNIT_EXPECT_EQ(test, krb5ap_session_decrypt(e, raw, e->key_bytes,
						     KRB5AP_USAGE_TICKET, buf,
						     clen, &plain_off,
						     &plain_len), 0);
	KUNIT_EXPECT_EQ(test, plain_len, (size_t)20);
	KUNIT_EXPECT_EQ(test, buf[plain_off], (u8)'x');

	/* Wrong kvno: BADKEYVER; wrong enctype, name or realm: NOKEY. */
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 4, etype, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, other, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, find(ks, "cifs/other", REALM, 3, etype, NULL),
			-ENOKEY);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, "OTHER.TEST", 3, etype, NULL),
			-ENOKEY);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, "example.test", 3, etype, NULL),
			-ENOKEY);
}

static void empty_table_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_key_ref ref;
	unsigned long cursor = 0;

	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 0U);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), -ENOKEY);
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, krb5ap_keys_next(ks, 18, &cursor, &ref));
	rcu_read_unlock();
}

static void invalid_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	char *long_name;
	u8 key[33] = {};

	long_name = kunit_kzalloc(test, KRB5AP_PRINCIPAL_MAX + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, long_name);
	memset(long_name, 'a', KRB5AP_PRINCIPAL_MAX);

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	/* kvno 0, wrong key lengths, no key. */
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 0, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, SVC, REALM, 1, 18, key,
						  31), -EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, SVC, REALM, 1, 18, key,
						  33), -EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, SVC, REALM, 1, 17, key,
						  32), -EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, SVC, REALM, 1, 18, key,
						  0), -EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_add(txn, SVC, REALM, 1, 18, NULL,
						  32), -EINVAL);
	/* DES, 3DES, RC4, unassigned. */
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 1), -ENOPKG);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 16), -ENOPKG);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 23), -ENOPKG);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 0), -ENOPKG);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 1000), -ENOPKG);
	/* Names. */
	KUNIT_EXPECT_EQ(test, add_key(txn, "", REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, "", 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, NULL, REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a\nb", REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a\x7f", REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, "A\tB", 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC "@" REALM, REALM, 1, 18),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a\\", REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a\\x", REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, long_name, REALM, 1, 18), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, long_name, 1, 18), -EINVAL);
	long_name[KRB5AP_PRINCIPAL_MAX - 1] = '\0';
	KUNIT_EXPECT_EQ(test, add_key(txn, long_name, REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, long_name, 1, 18), 0);
	/* Escaped forms are fine. */
	KUNIT_EXPECT_EQ(test, add_key(txn, "a\\@b\\/c\\\\\\0\\n\\t\\b", REALM,
				      1, 18), 0);
	/* Duplicates, in the transaction and against the table. */
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 18), -EEXIST);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 17), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 2, 18), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 6U);

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 2, 18), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, "", REALM, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, "nope", REALM, 0),
			-ENOENT);
	krb5ap_keys_txn_clear(txn, "a\n", REALM);
	krb5ap_keys_abort(txn);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 6U);
}

static void too_many_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	unsigned int i;

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	for (i = 1; i <= KRB5AP_KEYS_PER_PRINCIPAL_MAX; i++)
		KUNIT_ASSERT_EQ(test, add_key(txn, SVC, REALM, i, 17), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, i, 17), -E2BIG);
	KUNIT_EXPECT_EQ(test, add_key(txn, "other", REALM, 1, 17), 0);
	krb5ap_keys_abort(txn);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 0U);
}

/* Several kvnos of one principal at once, and removing them. */
static void rotation_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;

	add_one(test, ks, SVC, 2, 18);
	add_one(test, ks, SVC, 3, 18);
	add_one(test, ks, SVC, 3, 17);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, 17, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 17, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 3U);

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 2), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 2), -ENOENT);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 9), -ENOENT);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, "OTHER", 3),
			-ENOENT);
	/* Not visible before the commit. */
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 2U);

	/* Deleting the last kvno removes the principal. */
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 3), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, 18, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 0U);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_principals(ks), 0U);

	/* kvno 0 removes every kvno. */
	add_one(test, ks, SVC, 5, 18);
	add_one(test, ks, SVC, 6, 18);
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 0), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 6, 18, NULL), -ENOKEY);
}

#define MANY 100

/* Many principals: the draft grows and rehashes, lookups find each one. */
static void many_principals_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	struct krb5ap_key_ref ref;
	unsigned long cursor = 0;
	unsigned int i, n = 0;
	char name[32];

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), "host/h%u.example.test", i);
		KUNIT_ASSERT_EQ(test, add_key(txn, name, REALM, 1, 17), 0);
	}
	/* Holes (tombstones) in the draft, then more growth. */
	for (i = 0; i < MANY; i += 3) {
		snprintf(name, sizeof(name), "host/h%u.example.test", i);
		KUNIT_ASSERT_EQ(test, krb5ap_keys_txn_del(txn, name, REALM, 0),
				0);
	}
	for (i = 0; i < MANY; i += 3) {
		snprintf(name, sizeof(name), "host/h%u.example.test", i);
		KUNIT_ASSERT_EQ(test, add_key(txn, name, REALM, 2, 17), 0);
	}
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), (unsigned int)MANY);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_principals(ks), (unsigned int)MANY);

	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), "host/h%u.example.test", i);
		KUNIT_EXPECT_EQ(test, find(ks, name, REALM, i % 3 ? 1 : 2, 17,
					   NULL), 0);
		KUNIT_EXPECT_EQ(test, find(ks, name, REALM, i % 3 ? 2 : 1, 17,
					   NULL), -EKEYREJECTED);
	}
	rcu_read_lock();
	while (krb5ap_keys_next(ks, 17, &cursor, &ref))
		n++;
	KUNIT_EXPECT_FALSE(test, krb5ap_keys_next(ks, 17, &cursor, &ref));
	cursor = 0;
	KUNIT_EXPECT_FALSE(test, krb5ap_keys_next(ks, 18, &cursor, &ref));
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, n, (unsigned int)MANY);
}

/* clear + add in one transaction replaces a principal's key set. */
static void replace_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	const struct krb5ap_key *other_before, *other_after;
	struct krb5ap_keys_txn *txn;

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 17), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 2, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "nfs/other", REALM, 7, 20), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_ASSERT_EQ(test, find(ks, "nfs/other", REALM, 7, 20,
				   &other_before), 0);

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	krb5ap_keys_txn_clear(txn, SVC, REALM);
	krb5ap_keys_txn_clear(txn, "absent", REALM);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 3, 17), 0);
	/* The same (kvno, etype) as a cleared key is not a duplicate. */
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 18), 0);
	/* Until the commit, readers see the old set. */
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, 17, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);

	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 3, 17, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 17, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 3U);
	/* The untouched principal's key is shared, not copied. */
	KUNIT_ASSERT_EQ(test, find(ks, "nfs/other", REALM, 7, 20,
				   &other_after), 0);
	KUNIT_EXPECT_PTR_EQ(test, other_before, other_after);
}

/* An aborted transaction changes nothing; a committed one all at once. */
static void abort_commit_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	u64 gen;

	add_one(test, ks, SVC, 1, 18);
	gen = krb5ap_keys_generation(ks);

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", REALM, 1, 19), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 2, 18), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 1), 0);
	krb5ap_keys_txn_flush(txn);
	KUNIT_EXPECT_EQ(test, add_key(txn, "b", REALM, 1, 25), 0);
	krb5ap_keys_abort(txn);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_generation(ks), gen);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, find(ks, "a", REALM, 1, 19, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, find(ks, "b", REALM, 1, 25, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 1U);

	/* A transaction that changes nothing publishes nothing. */
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 18), -EEXIST);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_generation(ks), gen);

	/* Several changes, visible together after the commit. */
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", REALM, 1, 19), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "b", REALM, 1, 25), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, SVC, REALM, 0), 0);
	KUNIT_EXPECT_EQ(test, find(ks, "a", REALM, 1, 19, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_NE(test, krb5ap_keys_generation(ks), gen);
	KUNIT_EXPECT_EQ(test, find(ks, "a", REALM, 1, 19, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, "b", REALM, 1, 25, NULL), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 2U);
}

static void flush_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	struct krb5ap_key_ref ref;
	unsigned long cursor = 0;
	unsigned int i;

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	for (i = 0; i < ARRAY_SIZE(all_etypes); i++)
		KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1,
					      all_etypes[i]), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "x", REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 7U);

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	krb5ap_keys_txn_flush(txn);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 7U);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 0U);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), -ENOKEY);
	rcu_read_lock();
	KUNIT_EXPECT_FALSE(test, krb5ap_keys_next(ks, 18, &cursor, &ref));
	rcu_read_unlock();

	/* Flush and refill in one transaction: a replace of everything. */
	add_one(test, ks, SVC, 1, 18);
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	krb5ap_keys_txn_flush(txn);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 2, 18), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 2, 18, NULL), 0);
}

/*
 * One krb5ap_keys_next() call in its own RCU read section; the result is
 * copied out before the section ends.
 */
static bool next_one(struct krb5ap_keys *ks, u32 etype, unsigned long *cursor,
		     char *principal, u32 *kvno)
{
	struct krb5ap_key_ref ref;
	bool found;

	rcu_read_lock();
	found = krb5ap_keys_next(ks, etype, cursor, &ref);
	if (found) {
		strscpy(principal, ref.principal, KRB5AP_PRINCIPAL_MAX);
		*kvno = ref.key->kvno;
	}
	rcu_read_unlock();
	return found;
}

/* Any-principal iteration by enctype; the cursor survives commits. */
static void next_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	unsigned long cursor = 0;
	char name[KRB5AP_PRINCIPAL_MAX];
	u32 kvno;

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", REALM, 1, 17), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", REALM, 2, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "b", REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "c", REALM, 1, 17), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "d", REALM, 4, 18), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);

	KUNIT_ASSERT_TRUE(test, next_one(ks, 18, &cursor, name, &kvno));
	KUNIT_EXPECT_STREQ(test, name, "a");
	KUNIT_EXPECT_EQ(test, kvno, 1U);
	KUNIT_ASSERT_TRUE(test, next_one(ks, 18, &cursor, name, &kvno));
	KUNIT_EXPECT_STREQ(test, name, "a");
	KUNIT_EXPECT_EQ(test, kvno, 2U);

	/* "a" goes and "b" is replaced between two calls: "b" still comes. */
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, "a", REALM, 0), 0);
	krb5ap_keys_txn_clear(txn, "b", REALM);
	KUNIT_EXPECT_EQ(test, add_key(txn, "b", REALM, 2, 18), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);

	KUNIT_ASSERT_TRUE(test, next_one(ks, 18, &cursor, name, &kvno));
	KUNIT_EXPECT_STREQ(test, name, "b");
	KUNIT_EXPECT_EQ(test, kvno, 2U);
	KUNIT_ASSERT_TRUE(test, next_one(ks, 18, &cursor, name, &kvno));
	KUNIT_EXPECT_STREQ(test, name, "d");
	KUNIT_EXPECT_EQ(test, kvno, 4U);
	KUNIT_EXPECT_FALSE(test, next_one(ks, 18, &cursor, name, &kvno));
	KUNIT_EXPECT_FALSE(test, next_one(ks, 18, &cursor, name, &kvno));
	cursor = 0;
	KUNIT_ASSERT_TRUE(test, next_one(ks, 17, &cursor, name, &kvno));
	KUNIT_EXPECT_STREQ(test, name, "c");
	KUNIT_EXPECT_FALSE(test, next_one(ks, 17, &cursor, name, &kvno));
}

struct dump_state {
	unsigned int seen, stop_at;
	char log[256];
};

static int dump_cb(void *arg, const char *principal, const char *realm,
		   u32 kvno, u32 etype)
{
	struct dump_state *st = arg;
	size_t len = strlen(st->log);

	if (st->seen == st->stop_at)
		return -EMSGSIZE;
	st->seen++;
	snprintf(st->log + len, sizeof(st->log) - len, "%s@%s:%u:%u ",
		 principal, realm, kvno, etype);
	return 0;
}

/* The metadata walk resumes where a full buffer stopped it. */
static void dump_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;
	struct dump_state st = {};
	unsigned long pos = 0;

	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", "R", 1, 17), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "a", "R", 2, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "b", "R", 1, 19), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "c", "R", 5, 26), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "c", "S", 6, 25), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);

	/* Empty pages are fine too: stop at once, then two at a time. */
	st.stop_at = 0;
	KUNIT_EXPECT_EQ(test, krb5ap_keys_dump(ks, &pos, dump_cb, &st),
			-EMSGSIZE);
	st.stop_at = 2;
	KUNIT_EXPECT_EQ(test, krb5ap_keys_dump(ks, &pos, dump_cb, &st),
			-EMSGSIZE);
	KUNIT_EXPECT_STREQ(test, st.log, "a@R:1:17 a@R:2:18 ");

	/* A commit between two pages: "a" goes, "d" comes at the end. */
	txn = krb5ap_keys_begin(ks);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, krb5ap_keys_txn_del(txn, "a", "R", 0), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, "d", "R", 1, 20), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);

	st.stop_at = 4;
	KUNIT_EXPECT_EQ(test, krb5ap_keys_dump(ks, &pos, dump_cb, &st),
			-EMSGSIZE);
	st.stop_at = 100;
	KUNIT_EXPECT_EQ(test, krb5ap_keys_dump(ks, &pos, dump_cb, &st), 0);
	KUNIT_EXPECT_STREQ(test, st.log,
			   "a@R:1:17 a@R:2:18 b@R:1:19 c@R:5:26 c@S:6:25 d@R:1:20 ");
	/* At the end, a further call finds nothing. */
	KUNIT_EXPECT_EQ(test, krb5ap_keys_dump(ks, &pos, dump_cb, &st), 0);
	KUNIT_EXPECT_EQ(test, st.seen, 6U);
}

struct writer {
	struct krb5ap_keys *ks;
	struct completion ready, go, done;
	int ret;
};

/* Prepares a replacement of SVC's key set, then commits it on "go". */
static int writer_fn(void *arg)
{
	struct writer *w = arg;
	struct krb5ap_keys_txn *txn;

	txn = krb5ap_keys_begin(w->ks);
	if (IS_ERR(txn)) {
		w->ret = PTR_ERR(txn);
		complete(&w->ready);
		goto out;
	}
	krb5ap_keys_txn_clear(txn, SVC, REALM);
	w->ret = add_key(txn, SVC, REALM, 2, 18);
	complete(&w->ready);
	wait_for_completion(&w->go);
	if (w->ret)
		krb5ap_keys_abort(txn);
	else
		w->ret = krb5ap_keys_commit(txn);
out:
	complete(&w->done);
	return 0;
}

/*
 * A reader inside rcu_read_lock() keeps using the key it found while a
 * writer on another CPU replaces the principal's key set: the commit
 * publishes at once but frees the old key only after the reader leaves.
 */
static void reader_vs_writer_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	const struct krb5ap_enctype *e = krb5ap_find_enctype(18);
	unsigned int reader_cpu, writer_cpu;
	struct task_struct *task;
	struct krb5ap_key_ref ref, ref2;
	struct writer *w;
	unsigned long deadline;
	bool published = false, done_early, same_name = false;
	int found, refound = 0;
	u32 old_kvno = 0;
	size_t off, len;
	ssize_t clen = 0;
	u8 *buf;

	reader_cpu = cpumask_first(cpu_online_mask);
	writer_cpu = cpumask_next(reader_cpu, cpu_online_mask);
	if (writer_cpu >= nr_cpu_ids)
		kunit_skip(test, "needs two CPUs");

	add_one(test, ks, SVC, 1, 18);
	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w);
	w->ks = ks;
	init_completion(&w->ready);
	init_completion(&w->go);
	init_completion(&w->done);
	len = krb5ap_how_much_buffer(e, 16, &off);
	buf = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	/* Reader and writer on two CPUs, so neither waits for the other. */
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current,
						   cpumask_of(reader_cpu)), 0);
	task = kthread_create(writer_fn, w, "krb5ap-keys-writer");
	if (IS_ERR(task)) {
		set_cpus_allowed_ptr(current, cpu_possible_mask);
		KUNIT_FAIL(test, "kthread_create: %ld", PTR_ERR(task));
		return;
	}
	kthread_bind(task, writer_cpu);
	wake_up_process(task);
	wait_for_completion(&w->ready);

	rcu_read_lock();
	found = krb5ap_keys_find(ks, SVC, REALM, 1, 18, &ref);
	complete(&w->go);
	deadline = jiffies + 10 * HZ;
	while (time_before(jiffies, deadline)) {
		if (!krb5ap_keys_find(ks, SVC, REALM, 2, 18, &ref2)) {
			published = true;
			break;
		}
		cpu_relax();
	}
	/* The writer waits for this reader before freeing the old key. */
	done_early = completion_done(&w->done);
	if (published && !found) {
		refound = krb5ap_keys_find(ks, SVC, REALM, 1, 18, &ref2);
		old_kvno = ref.key->kvno;
		same_name = !strcmp(ref.principal, SVC);
		/* Use the old key's transforms: KASAN would catch a free. */
		clen = krb5ap_encrypt(ref.key->ticket, buf, len, off, 16,
				      false);
	}
	rcu_read_unlock();
	set_cpus_allowed_ptr(current, cpu_possible_mask);

	KUNIT_EXPECT_EQ(test, found, 0);
	KUNIT_EXPECT_TRUE(test, published);
	KUNIT_EXPECT_EQ(test, refound, -EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, old_kvno, 1U);
	KUNIT_EXPECT_TRUE(test, same_name);
	KUNIT_EXPECT_FALSE(test, done_early);
	KUNIT_EXPECT_GT(test, clen, 0);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&w->done, 30 * HZ),
			0UL);
	KUNIT_EXPECT_EQ(test, w->ret, 0);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 1U);
}

/* After shutdown no transaction begins and readers find nothing. */
static void shutdown_test(struct kunit *test)
{
	struct krb5ap_keys *ks = test->priv;
	struct krb5ap_keys_txn *txn;

	add_one(test, ks, SVC, 1, 18);
	krb5ap_keys_shutdown(ks);
	KUNIT_EXPECT_EQ(test, find(ks, SVC, REALM, 1, 18, NULL), -ENOKEY);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(ks), 0U);
	txn = krb5ap_keys_begin(ks);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(txn), -ESHUTDOWN);
	/* keys_test_exit() frees the retired snapshot. */
}

struct unparse_case {
	const char *desc;
	unsigned int ncomp;
	const char *comp[3];
	size_t len[3];
	size_t size;
	int ret;
	const char *out;
};

static const struct unparse_case unparse_cases[] = {
	{ "one", 1, { "host" }, { 4 }, 64, 0, "host" },
	{ "two", 2, { "cifs", "h.example.test" }, { 4, 14 }, 64, 0,
	  "cifs/h.example.test" },
	{ "slash", 2, { "a/b", "c" }, { 3, 1 }, 64, 0, "a\\/b/c" },
	{ "at", 1, { "a@B" }, { 3 }, 64, 0, "a\\@B" },
	{ "backslash", 1, { "a\\b" }, { 3 }, 64, 0, "a\\\\b" },
	{ "nul", 1, { "a\0b" }, { 3 }, 64, 0, "a\\0b" },
	{ "newline tab backspace", 1, { "\n\t\b" }, { 3 }, 64, 0,
	  "\\n\\t\\b" },
	{ "other control", 1, { "a\x01" }, { 2 }, 64, 0, "a\x01" },
	{ "empty component", 3, { "a", "", "b" }, { 1, 0, 1 }, 64, 0,
	  "a//b" },
	{ "exact fit", 2, { "ab", "c" }, { 2, 1 }, 5, 0, "ab/c" },
	{ "one short", 2, { "ab", "c" }, { 2, 1 }, 4, -ENAMETOOLONG, NULL },
	{ "escape fits", 1, { "/" }, { 1 }, 3, 0, "\\/" },
	{ "escape one short", 1, { "/" }, { 1 }, 2, -ENAMETOOLONG, NULL },
	{ "separator one short", 2, { "a", "b" }, { 1, 1 }, 2,
	  -ENAMETOOLONG, NULL },
	{ "no room for NUL", 1, { "a" }, { 1 }, 1, -ENAMETOOLONG, NULL },
	{ "no components", 0, {}, {}, 64, -EINVAL, NULL },
};

static void unparse_case_desc(const struct unparse_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(unparse, unparse_cases, unparse_case_desc);

static void unparse_test(struct kunit *test)
{
	const struct unparse_case *c = test->param_value;
	struct krb5ap_principal_name name = { .name_type = 1 };
	char buf[65];
	unsigned int i;

	name.ncomp = c->ncomp;
	for (i = 0; i < c->ncomp; i++) {
		name.comp[i].data = (const u8 *)c->comp[i];
		name.comp[i].len = c->len[i];
	}
	memset(buf, 'Z', sizeof(buf));
	KUNIT_EXPECT_EQ(test, krb5ap_unparse_name(&name, buf, c->size), c->ret);
	if (!c->ret)
		KUNIT_EXPECT_STREQ(test, buf, c->out);
	/* Nothing written past @size. */
	KUNIT_EXPECT_EQ(test, buf[c->size], 'Z');
}

static void unparse_limits_test(struct kunit *test)
{
	struct krb5ap_principal_name name = {};
	char buf[KRB5AP_PRINCIPAL_MAX];
	unsigned int i;

	name.ncomp = KRB5AP_NAME_MAX_COMPONENTS + 1;
	for (i = 0; i < KRB5AP_NAME_MAX_COMPONENTS; i++) {
		name.comp[i].data = (const u8 *)"x";
		name.comp[i].len = 1;
	}
	KUNIT_EXPECT_EQ(test, krb5ap_unparse_name(&name, buf, sizeof(buf)),
			-EINVAL);
	name.ncomp = KRB5AP_NAME_MAX_COMPONENTS;
	KUNIT_EXPECT_EQ(test, krb5ap_unparse_name(&name, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "x/x/x/x/x/x/x/x/x/x");
	/* What unparse writes, the table accepts. */
	name.comp[0].data = (const u8 *)"a/@\\\0\n\t\b";
	name.comp[0].len = 8;
	KUNIT_EXPECT_EQ(test, krb5ap_unparse_name(&name, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_check_principal(buf), 0);
}

static struct kunit_case krb5ap_keys_cases[] = {
	KUNIT_CASE_PARAM(add_find_test, etype_gen_params),
	KUNIT_CASE(empty_table_test),
	KUNIT_CASE(invalid_test),
	KUNIT_CASE(too_many_test),
	KUNIT_CASE(rotation_test),
	KUNIT_CASE(many_principals_test),
	KUNIT_CASE(replace_test),
	KUNIT_CASE(abort_commit_test),
	KUNIT_CASE(flush_test),
	KUNIT_CASE(next_test),
	KUNIT_CASE(dump_test),
	KUNIT_CASE(reader_vs_writer_test),
	KUNIT_CASE(shutdown_test),
	KUNIT_CASE_PARAM(unparse_test, unparse_gen_params),
	KUNIT_CASE(unparse_limits_test),
	{}
};

static struct kunit_suite krb5ap_keys_suite = {
	.name = "krb5ap_keys",
	.init = keys_test_init,
	.exit = keys_test_exit,
	.test_cases = krb5ap_keys_cases,
};

/* Per-namespace state. */

static void pernet_defaults_test(struct kunit *test)
{
	struct krb5ap_net *kn = krb5ap_pernet(&init_net);
	struct krb5ap_config c;

	KUNIT_ASSERT_NOT_NULL(test, kn);
	KUNIT_EXPECT_NOT_NULL(test, kn->replay);
	krb5ap_config_get(kn, &c);
	KUNIT_EXPECT_EQ(test, c.clock_skew, krb5ap_param_clock_skew());
	KUNIT_EXPECT_EQ(test, c.replay_max, krb5ap_param_replay_max());
	KUNIT_EXPECT_EQ(test, c.max_token, krb5ap_param_max_token());
	KUNIT_EXPECT_EQ(test, c.enctypes, krb5ap_param_enctypes());
}

static void pernet_config_test(struct kunit *test)
{
	struct krb5ap_net *kn = krb5ap_net_alloc();
	struct krb5ap_config c, d, orig;

	KUNIT_ASSERT_NOT_NULL(test, kn);
	krb5ap_config_get(kn, &orig);

	c = orig;
	c.clock_skew = KRB5AP_CLOCK_SKEW_MAX + 1;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -ERANGE);
	c = orig;
	c.replay_max = KRB5AP_REPLAY_MAX_MIN - 1;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -ERANGE);
	c.replay_max = KRB5AP_REPLAY_MAX_MAX + 1;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -ERANGE);
	c = orig;
	c.max_token = KRB5AP_TOKEN_MAX_MIN - 1;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -ERANGE);
	c.max_token = KRB5AP_TOKEN_MAX_MAX + 1;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -ERANGE);
	c = orig;
	c.enctypes = 0;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -EINVAL);
	c.enctypes = BIT(18) | BIT(23);
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), -EINVAL);
	krb5ap_config_get(kn, &d);
	KUNIT_EXPECT_EQ(test, memcmp(&d, &orig, sizeof(d)), 0);

	c.clock_skew = 0;
	c.replay_max = KRB5AP_REPLAY_MAX_MIN;
	c.max_token = KRB5AP_TOKEN_MAX_MAX;
	c.enctypes = BIT(18) | BIT(20);
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), 0);
	krb5ap_config_get(kn, &d);
	KUNIT_EXPECT_EQ(test, memcmp(&d, &c, sizeof(d)), 0);
	c.clock_skew = KRB5AP_CLOCK_SKEW_MAX;
	c.replay_max = KRB5AP_REPLAY_MAX_MAX;
	KUNIT_EXPECT_EQ(test, krb5ap_config_set(kn, &c), 0);
	krb5ap_net_free(kn);
}

static void pernet_stats_test(struct kunit *test)
{
	struct krb5ap_net *kn = krb5ap_net_alloc();
	u64 *sum;

	KUNIT_ASSERT_NOT_NULL(test, kn);
	sum = kunit_kcalloc(test, KRB5AP_STATS_ERRORS, sizeof(*sum),
			    GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sum);
	krb5ap_stats_count(kn, 0);
	krb5ap_stats_count(kn, 0);
	krb5ap_stats_count(kn, 31);
	krb5ap_stats_count(kn, 255);
	krb5ap_stats_count(kn, 256);
	krb5ap_stats_count(kn, UINT_MAX);
	krb5ap_stats_sum(kn, sum);
	KUNIT_EXPECT_EQ(test, sum[0], 2ULL);
	KUNIT_EXPECT_EQ(test, sum[31], 1ULL);
	KUNIT_EXPECT_EQ(test, sum[41], 0ULL);
	KUNIT_EXPECT_EQ(test, sum[255], 3ULL);
	krb5ap_net_free(kn);
}

/* A namespace state freed with keys in it frees (and wipes) them. */
static void pernet_keys_test(struct kunit *test)
{
	struct krb5ap_net *kn = krb5ap_net_alloc();
	struct krb5ap_keys_txn *txn;

	KUNIT_ASSERT_NOT_NULL(test, kn);
	txn = krb5ap_keys_begin(&kn->keys);
	KUNIT_ASSERT_FALSE(test, IS_ERR(txn));
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 18), 0);
	KUNIT_EXPECT_EQ(test, add_key(txn, SVC, REALM, 1, 26), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_commit(txn), 0);
	KUNIT_EXPECT_EQ(test, krb5ap_keys_count(&kn->keys), 2U);
	/* As a dying namespace: pre_exit, then exit. */
	krb5ap_keys_shutdown(&kn->keys);
	synchronize_rcu();
	krb5ap_net_free(kn);
}

static struct kunit_case krb5ap_pernet_cases[] = {
	KUNIT_CASE(pernet_defaults_test),
	KUNIT_CASE(pernet_config_test),
	KUNIT_CASE(pernet_stats_test),
	KUNIT_CASE(pernet_keys_test),
	{}
};

static struct kunit_suite krb5ap_pernet_suite = {
	.name = "krb5ap_pernet",
	.test_cases = krb5ap_pernet_cases,
};

kunit_test_suites(&krb5ap_keys_suite, &krb5ap_pernet_suite);
