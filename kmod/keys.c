// SPDX-License-Identifier: GPL-2.0
/*
 * Per-network-namespace service key table.
 *
 * The published table is an immutable snapshot: a dense array of principal
 * entries in creation order plus an open-addressing hash index over it.
 * Principal entries and keys are shared between snapshots by reference
 * count.  A transaction clones the published snapshot's array (taking a
 * reference on every principal), copies a principal entry before its first
 * change ("unshare"), and at commit builds a compact snapshot from the draft
 * and publishes it with one rcu_assign_pointer().  The previous snapshot is
 * released after synchronize_rcu(): whatever only it referenced (removed or
 * replaced keys) is freed and wiped then, in process context.
 *
 * Documentation/keys.rst has the rules; the short form:
 *   - readers: rcu_read_lock(), krb5ap_keys_find()/krb5ap_keys_next(), use
 *     the key, rcu_read_unlock(); never block, never a lock;
 *   - writers: krb5ap_keys_begin() takes keys->lock until commit or abort;
 *   - nothing reachable from a published snapshot is ever modified.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/jhash.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/log2.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "enctype.h"
#include "keys.h"
#include "msg.h"

/* Cursor and dump positions: (principal serial << 6) | key index. */
#define KRB5AP_POS_KEY_BITS	6
#define KRB5AP_SERIAL_MAX	((u32)min_t(unsigned long, U32_MAX, \
					    ULONG_MAX >> (KRB5AP_POS_KEY_BITS + 1)))

static_assert(KRB5AP_KEYS_PER_PRINCIPAL_MAX == 1 << KRB5AP_POS_KEY_BITS);

/**
 * struct krb5ap_kprinc - one principal's key set
 * @ref: snapshots and drafts holding the entry
 * @hash: hash of (principal, realm) under the table's seed
 * @serial: order of creation in the table; kept when the set is replaced
 * @nkeys: used entries of @keys
 * @owner: the transaction that may still modify the entry; NULL once it
 *	is (or may be) published, after which the entry is immutable
 * @principal: unparsed principal name, in @names
 * @realm: realm, in @names
 * @keys: the keys, in the order they were added
 * @names: storage for @principal and @realm
 */
struct krb5ap_kprinc {
	refcount_t ref;
	u32 hash;
	u32 serial;
	unsigned int nkeys;
	const struct krb5ap_keys_txn *owner;
	const char *principal;
	const char *realm;
	struct krb5ap_key *keys[KRB5AP_KEYS_PER_PRINCIPAL_MAX];
	char names[];
};

/**
 * struct krb5ap_ktable - a snapshot (published) or a draft (in a transaction)
 * @nprinc: used entries of @princ, NULL holes included (drafts only)
 * @live: non-NULL entries of @princ (a draft's may have no key)
 * @nkeys: keys in all principals
 * @cap: capacity of @princ
 * @mask: number of @slots minus one (a power of two minus one)
 * @princ: principal entries, in increasing serial order; in a draft,
 *	a principal whose keys were all removed keeps an empty entry (NULL
 *	when there was no memory for one)
 * @slots: hash index: an index into @princ plus one, 0 for an empty slot;
 *	linear probing, at most half full
 */
struct krb5ap_ktable {
	unsigned int nprinc;
	unsigned int live;
	unsigned int nkeys;
	unsigned int cap;
	unsigned int mask;
	struct krb5ap_kprinc **princ;
	u32 *slots;
};

/**
 * struct krb5ap_keys_txn - a transaction on a key table
 * @ks: the table; its lock is held for the transaction's whole life
 * @draft: the table as the transaction has changed it so far
 * @changed: whether anything was changed
 */
struct krb5ap_keys_txn {
	struct krb5ap_keys *ks;
	struct krb5ap_ktable *draft;
	bool changed;
};

/* Keys and principal entries. */

static void krb5ap_key_put(struct krb5ap_key *k)
{
	if (!refcount_dec_and_test(&k->ref))
		return;
	/* Frees the transforms, whose contexts (key schedules) are wiped. */
	krb5ap_free_encryption(k->ticket);
	kfree_sensitive(k);
}

static struct krb5ap_key *krb5ap_key_create(const struct krb5ap_enctype *e,
					    u32 kvno, const u8 *key,
					    unsigned int key_len)
{
	struct krb5ap_key *k;

	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	k->ticket = krb5ap_prepare_encryption(e, key, key_len,
					      KRB5AP_USAGE_TICKET);
	if (IS_ERR(k->ticket)) {
		int ret = PTR_ERR(k->ticket);

		kfree(k);
		return ERR_PTR(ret);
	}
	k->enctype = e;
	k->kvno = kvno;
	refcount_set(&k->ref, 1);
	return k;
}

static void krb5ap_kprinc_put(struct krb5ap_kprinc *p)
{
	unsigned int i;

	if (!p || !refcount_dec_and_test(&p->ref))
		return;
	for (i = 0; i < p->nkeys; i++)
		krb5ap_key_put(p->keys[i]);
	kfree(p);
}

static struct krb5ap_kprinc *krb5ap_kprinc_alloc(const char *principal,
						 const char *realm)
{
	size_t plen = strlen(principal) + 1, rlen = strlen(realm) + 1;
	struct krb5ap_kprinc *p;
	char *names;

	p = kzalloc(struct_size(p, names, plen + rlen), GFP_KERNEL);
	if (!p)
		return NULL;
	names = p->names;
	memcpy(names, principal, plen);
	memcpy(names + plen, realm, rlen);
	p->principal = names;
	p->realm = names + plen;
	refcount_set(&p->ref, 1);
	return p;
}

/* A private, modifiable copy of @p for @txn, sharing @p's keys. */
static struct krb5ap_kprinc *krb5ap_kprinc_dup(const struct krb5ap_kprinc *p,
					       const struct krb5ap_keys_txn *txn)
{
	struct krb5ap_kprinc *q;
	unsigned int i;

	q = krb5ap_kprinc_alloc(p->principal, p->realm);
	if (!q)
		return NULL;
	q->hash = p->hash;
	q->serial = p->serial;
	q->owner = txn;
	q->nkeys = p->nkeys;
	for (i = 0; i < p->nkeys; i++) {
		refcount_inc(&p->keys[i]->ref);
		q->keys[i] = p->keys[i];
	}
	return q;
}

/* Tables. */

static u32 krb5ap_name_hash(u32 seed, const char *principal, size_t plen,
			    const char *realm, size_t rlen)
{
	return jhash(principal, plen, jhash(realm, rlen, seed));
}

static void krb5ap_ktable_free(struct krb5ap_ktable *t, bool put)
{
	unsigned int i;

	if (!t)
		return;
	if (put)
		for (i = 0; i < t->nprinc; i++)
			krb5ap_kprinc_put(t->princ[i]);
	kvfree(t->princ);
	kvfree(t->slots);
	kfree(t);
}

static struct krb5ap_ktable *krb5ap_ktable_alloc(unsigned int cap)
{
	struct krb5ap_ktable *t;
	unsigned int nslots;

	cap = max(cap, 8U);
	nslots = roundup_pow_of_two(2 * cap);
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return NULL;
	t->princ = kvcalloc(cap, sizeof(*t->princ), GFP_KERNEL);
	t->slots = kvcalloc(nslots, sizeof(*t->slots), GFP_KERNEL);
	if (!t->princ || !t->slots) {
		krb5ap_ktable_free(t, false);
		return NULL;
	}
	t->cap = cap;
	t->mask = nslots - 1;
	return t;
}

static void krb5ap_ktable_index(struct krb5ap_ktable *t, unsigned int idx)
{
	unsigned int i = t->princ[idx]->hash & t->mask;

	while (t->slots[i])
		i = (i + 1) & t->mask;
	t->slots[i] = idx + 1;
}

/*
 * The entry for (@principal, @realm) in @t, or NULL; *@idx is its index.
 * Readers call it on a published snapshot, writers on a draft, whose NULL
 * holes act as tombstones.
 */
static struct krb5ap_kprinc *krb5ap_ktable_lookup(const struct krb5ap_ktable *t,
						  u32 hash,
						  const char *principal,
						  const char *realm,
						  unsigned int *idx)
{
	struct krb5ap_kprinc *p;
	unsigned int i = hash & t->mask;
	u32 s;

	while ((s = t->slots[i])) {
		p = t->princ[s - 1];
		if (p && p->hash == hash && !strcmp(p->principal, principal) &&
		    !strcmp(p->realm, realm)) {
			*idx = s - 1;
			return p;
		}
		i = (i + 1) & t->mask;
	}
	return NULL;
}

/*
 * A copy of @src with room for @cap entries, compacted (no holes), taking
 * a reference on each entry when @get.
 */
static struct krb5ap_ktable *krb5ap_ktable_copy(const struct krb5ap_ktable *src,
						unsigned int cap, bool get)
{
	struct krb5ap_ktable *t;
	unsigned int i;

	t = krb5ap_ktable_alloc(cap);
	if (!t || !src)
		return t;
	for (i = 0; i < src->nprinc; i++) {
		if (!src->princ[i])
			continue;
		if (get)
			refcount_inc(&src->princ[i]->ref);
		t->princ[t->nprinc] = src->princ[i];
		krb5ap_ktable_index(t, t->nprinc++);
	}
	t->live = t->nprinc;
	t->nkeys = src->nkeys;
	return t;
}

/* Position helpers: index of the first entry of serial >= @serial. */
static unsigned int krb5ap_ktable_seek(const struct krb5ap_ktable *t,
				       u32 serial)
{
	unsigned int lo = 0, hi = t->nprinc, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t->princ[mid]->serial < serial)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static unsigned long krb5ap_pos(u32 serial, unsigned int k)
{
	return ((unsigned long)serial << KRB5AP_POS_KEY_BITS) | k;
}

/**
 * krb5ap_keys_init() - initialise an empty key table
 * @ks: the table
 *
 * Return: 0.
 */
int krb5ap_keys_init(struct krb5ap_keys *ks)
{
	RCU_INIT_POINTER(ks->table, NULL);
	mutex_init(&ks->lock);
	ks->seed = get_random_u32();
	ks->next_serial = 0;
	ks->gen = 0;
	ks->dead = false;
	ks->retired = NULL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_init);

/**
 * krb5ap_keys_shutdown() - unpublish every key, keeping them for later
 *	freeing
 * @ks: the table
 *
 * Readers that start afterwards find an empty table; no transaction may
 * begin any more.  The keys are freed by krb5ap_keys_destroy(), which
 * need not wait for readers when the caller guarantees an RCU grace period
 * in between (a pernet pre_exit/exit pair does).
 *
 * Context: process context; takes @ks->lock.
 */
void krb5ap_keys_shutdown(struct krb5ap_keys *ks)
{
	struct krb5ap_ktable *old;

	mutex_lock(&ks->lock);
	ks->dead = true;
	old = rcu_replace_pointer(ks->table, NULL, lockdep_is_held(&ks->lock));
	if (old) {
		WARN_ON(ks->retired);
		ks->retired = old;
	}
	mutex_unlock(&ks->lock);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_shutdown);

/**
 * krb5ap_keys_destroy() - free and wipe every key of a table
 * @ks: the table; nothing may use it afterwards
 *
 * Waits for an RCU grace period when keys were still published, so
 * concurrent readers finish with them first.  Every prepared key is freed
 * with krb5ap_free_encryption(), which wipes its key schedules.
 *
 * Context: process context; may sleep.
 */
void krb5ap_keys_destroy(struct krb5ap_keys *ks)
{
	struct krb5ap_ktable *old, *retired;

	mutex_lock(&ks->lock);
	ks->dead = true;
	old = rcu_replace_pointer(ks->table, NULL, lockdep_is_held(&ks->lock));
	retired = ks->retired;
	ks->retired = NULL;
	mutex_unlock(&ks->lock);
	if (old)
		synchronize_rcu();
	krb5ap_ktable_free(old, true);
	krb5ap_ktable_free(retired, true);
	mutex_destroy(&ks->lock);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_destroy);

/* Names. */

static int krb5ap_check_chars(const char *s, size_t max, size_t *len)
{
	size_t n, i;

	if (!s)
		return -EINVAL;
	n = strnlen(s, max);
	if (!n || n == max)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if ((u8)s[i] < 0x20 || s[i] == 0x7f)
			return -EINVAL;
	*len = n;
	return 0;
}

/**
 * krb5ap_keys_check_principal() - validate an unparsed principal name
 * @principal: the name, without the realm
 *
 * The name must be non-empty, NUL-terminated within KRB5AP_PRINCIPAL_MAX
 * bytes, free of control characters, and in krb5ap_unparse_name()'s form:
 * '@' and '\\' only escaped, and only the escapes that function writes
 * ("\\/", "\\@", "\\\\", "\\0", "\\n", "\\t", "\\b").  A name that
 * krb5ap_unparse_name() cannot produce could never be found, so it is
 * refused (for example "host/h@REALM", with the realm left in).
 *
 * Return: 0 or -EINVAL.
 */
int krb5ap_keys_check_principal(const char *principal)
{
	size_t len, i;
	int ret;

	ret = krb5ap_check_chars(principal, KRB5AP_PRINCIPAL_MAX, &len);
	if (ret)
		return ret;
	for (i = 0; i < len; i++) {
		if (principal[i] == '@')
			return -EINVAL;
		if (principal[i] != '\\')
			continue;
		if (++i == len || !strchr("/@\\0ntb", principal[i]))
			return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_check_principal);

/**
 * krb5ap_keys_check_realm() - validate a realm
 * @realm: the realm, as the raw Realm string
 *
 * Return: 0, or -EINVAL when @realm is empty, not NUL-terminated within
 * KRB5AP_REALM_MAX bytes, or holds a control character.
 */
int krb5ap_keys_check_realm(const char *realm)
{
	size_t len;

	return krb5ap_check_chars(realm, KRB5AP_REALM_MAX, &len);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_check_realm);

/**
 * krb5ap_unparse_name() - unparse a PrincipalName's components, as MIT does
 * @name: the name (components are not NUL-terminated)
 * @buf: output, NUL-terminated on success
 * @size: size of @buf
 *
 * Components are joined with '/'.  Inside a component, '/', '@' and '\\'
 * are escaped with a backslash, and NUL, newline, tab and backspace are
 * written "\\0", "\\n", "\\t" and "\\b", as krb5_unparse_name() writes them
 * (without KRB5_PRINCIPAL_UNPARSE_NO_REALM, which leaves '@' unescaped).
 * Other bytes are copied.  The realm is not written.
 *
 * Return: 0, -EINVAL when @name has no component or too many, or
 * -ENAMETOOLONG when the result and its NUL do not fit in @size bytes.
 */
int krb5ap_unparse_name(const struct krb5ap_principal_name *name, char *buf,
			size_t size)
{
	size_t off = 0, i;
	unsigned int c;
	char esc;
	u8 ch;

	if (!name->ncomp || name->ncomp > KRB5AP_NAME_MAX_COMPONENTS)
		return -EINVAL;
	for (c = 0; c < name->ncomp; c++) {
		if (c) {
			if (size - off < 2)
				return -ENAMETOOLONG;
			buf[off++] = '/';
		}
		for (i = 0; i < name->comp[c].len; i++) {
			ch = name->comp[c].data[i];
			switch (ch) {
			case '/':
			case '@':
			case '\\':
				esc = ch;
				break;
			case '\0':
				esc = '0';
				break;
			case '\n':
				esc = 'n';
				break;
			case '\t':
				esc = 't';
				break;
			case '\b':
				esc = 'b';
				break;
			default:
				esc = 0;
				break;
			}
			if (size - off < (esc ? 3 : 2))
				return -ENAMETOOLONG;
			if (esc) {
				buf[off++] = '\\';
				buf[off++] = esc;
			} else {
				buf[off++] = ch;
			}
		}
	}
	if (size - off < 1)
		return -ENAMETOOLONG;
	buf[off] = '\0';
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_unparse_name);

/* Verify path. */

/**
 * krb5ap_keys_find() - look a key up by principal, realm, kvno and enctype
 * @ks: the table
 * @principal: unparsed principal name (krb5ap_unparse_name())
 * @realm: realm
 * @kvno: key version number
 * @etype: enctype number
 * @ref: filled on success
 *
 * Context: the caller holds rcu_read_lock(); @ref is valid until it drops
 * it.  Takes no lock and never sleeps.
 * Return: 0; -ENOKEY when (@principal, @realm) has no key of @etype (or is
 * not in the table: KRB_AP_ERR_NOKEY); -EKEYREJECTED when it has keys of
 * @etype but none with @kvno (KRB_AP_ERR_BADKEYVER).
 */
int krb5ap_keys_find(const struct krb5ap_keys *ks, const char *principal,
		     const char *realm, u32 kvno, u32 etype,
		     struct krb5ap_key_ref *ref)
{
	const struct krb5ap_ktable *t = rcu_dereference(ks->table);
	const struct krb5ap_kprinc *p;
	size_t plen, rlen;
	bool etype_seen = false;
	unsigned int idx, i;

	if (!t)
		return -ENOKEY;
	plen = strnlen(principal, KRB5AP_PRINCIPAL_MAX);
	rlen = strnlen(realm, KRB5AP_REALM_MAX);
	if (plen == KRB5AP_PRINCIPAL_MAX || rlen == KRB5AP_REALM_MAX)
		return -ENOKEY;
	p = krb5ap_ktable_lookup(t, krb5ap_name_hash(ks->seed, principal, plen,
						     realm, rlen),
				 principal, realm, &idx);
	if (!p)
		return -ENOKEY;
	for (i = 0; i < p->nkeys; i++) {
		if (p->keys[i]->enctype->etype != etype)
			continue;
		etype_seen = true;
		if (p->keys[i]->kvno == kvno) {
			ref->key = p->keys[i];
			ref->principal = p->principal;
			ref->realm = p->realm;
			return 0;
		}
	}
	return etype_seen ? -EKEYREJECTED : -ENOKEY;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_find);

/**
 * krb5ap_keys_next() - iterate over every key of one enctype
 * @ks: the table
 * @etype: enctype number
 * @cursor: position; 0 to start
 * @ref: filled when a key is returned
 *
 * For "any principal" acceptors (MIT's krb5_rd_req() with no server).  Keys
 * come in the order their principals were first added, and in the order
 * they were added within a principal.  The cursor names a position, not an
 * index, so a commit between two calls neither repeats nor skips a
 * principal that was in the table throughout (its keys are those of the
 * snapshot each call sees).
 *
 * Context: the caller holds rcu_read_lock(); @ref is valid until it drops
 * it.  Takes no lock and never sleeps.
 * Return: true with @ref filled, or false when there is no further key.
 */
bool krb5ap_keys_next(const struct krb5ap_keys *ks, u32 etype,
		      unsigned long *cursor, struct krb5ap_key_ref *ref)
{
	const struct krb5ap_ktable *t = rcu_dereference(ks->table);
	const struct krb5ap_kprinc *p;
	unsigned int i, k;
	unsigned long serial;

	if (!t)
		return false;
	serial = *cursor >> KRB5AP_POS_KEY_BITS;
	if (serial > U32_MAX)
		return false;
	i = krb5ap_ktable_seek(t, serial);
	for (; i < t->nprinc; i++) {
		p = t->princ[i];
		k = p->serial == serial ?
			*cursor & (KRB5AP_KEYS_PER_PRINCIPAL_MAX - 1) : 0;
		for (; k < p->nkeys; k++) {
			if (p->keys[k]->enctype->etype != etype)
				continue;
			ref->key = p->keys[k];
			ref->principal = p->principal;
			ref->realm = p->realm;
			*cursor = krb5ap_pos(p->serial, k) + 1;
			return true;
		}
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_next);

/* Transactions. */

/**
 * krb5ap_keys_begin() - start a transaction
 * @ks: the table
 *
 * Takes @ks->lock, held until krb5ap_keys_commit() or krb5ap_keys_abort():
 * one transaction at a time per table.  Readers are never blocked.
 *
 * Context: process context; may sleep.
 * Return: the transaction, or ERR_PTR(-ENOMEM), or ERR_PTR(-ESHUTDOWN)
 * when the table is being destroyed.
 */
struct krb5ap_keys_txn *krb5ap_keys_begin(struct krb5ap_keys *ks)
{
	const struct krb5ap_ktable *cur;
	struct krb5ap_keys_txn *txn;

	txn = kzalloc(sizeof(*txn), GFP_KERNEL);
	if (!txn)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&ks->lock);
	if (ks->dead) {
		mutex_unlock(&ks->lock);
		kfree(txn);
		return ERR_PTR(-ESHUTDOWN);
	}
	cur = rcu_dereference_protected(ks->table, lockdep_is_held(&ks->lock));
	txn->draft = krb5ap_ktable_copy(cur, cur ? cur->live + 8 : 8, true);
	if (!txn->draft) {
		mutex_unlock(&ks->lock);
		kfree(txn);
		return ERR_PTR(-ENOMEM);
	}
	txn->ks = ks;
	return txn;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_begin);

/* Room for one more entry in the draft: grow the array and the index. */
static int krb5ap_txn_reserve(struct krb5ap_keys_txn *txn)
{
	struct krb5ap_ktable *d = txn->draft, *n;

	if (d->nprinc < d->cap)
		return 0;
	/* Compacts: the holes go, and the index is rebuilt. */
	n = krb5ap_ktable_copy(d, 2 * d->live + 8, false);
	if (!n)
		return -ENOMEM;
	krb5ap_ktable_free(d, false);
	txn->draft = n;
	return 0;
}

/* Make the draft's entry @idx modifiable by @txn. */
static struct krb5ap_kprinc *krb5ap_txn_unshare(struct krb5ap_keys_txn *txn,
						unsigned int idx)
{
	struct krb5ap_kprinc *p = txn->draft->princ[idx], *q;

	if (p->owner == txn)
		return p;
	q = krb5ap_kprinc_dup(p, txn);
	if (!q)
		return NULL;
	txn->draft->princ[idx] = q;
	krb5ap_kprinc_put(p);
	return q;
}

/*
 * Empty the draft's entry @idx.  The entry stays, with no key, so a key
 * added back in the same transaction keeps the principal's serial (its
 * place in iterations and dumps); empty entries are dropped at commit.
 */
static void krb5ap_txn_remove(struct krb5ap_keys_txn *txn, unsigned int idx)
{
	struct krb5ap_ktable *d = txn->draft;
	struct krb5ap_kprinc *p = d->princ[idx], *q;
	unsigned int i;

	d->nkeys -= p->nkeys;
	txn->changed = true;
	if (p->owner == txn) {
		for (i = 0; i < p->nkeys; i++) {
			krb5ap_key_put(p->keys[i]);
			p->keys[i] = NULL;
		}
		p->nkeys = 0;
		return;
	}
	q = krb5ap_kprinc_alloc(p->principal, p->realm);
	if (q) {
		q->hash = p->hash;
		q->serial = p->serial;
		q->owner = txn;
	} else {
		/* No memory: a hole, which the index skips as a tombstone. */
		d->live--;
	}
	d->princ[idx] = q;
	krb5ap_kprinc_put(p);
}

static struct krb5ap_kprinc *krb5ap_txn_lookup(struct krb5ap_keys_txn *txn,
					       const char *principal,
					       const char *realm,
					       unsigned int *idx, u32 *hash)
{
	*hash = krb5ap_name_hash(txn->ks->seed, principal, strlen(principal),
				 realm, strlen(realm));
	return krb5ap_ktable_lookup(txn->draft, *hash, principal, realm, idx);
}

/**
 * krb5ap_keys_txn_add() - add one key in a transaction
 * @txn: the transaction
 * @principal: unparsed principal name (see krb5ap_keys_check_principal())
 * @realm: realm
 * @kvno: key version number, not 0
 * @etype: enctype number
 * @key: the protocol key
 * @key_len: its length, exactly the enctype's key_bytes
 *
 * The key is prepared (Ke and Ki derived for usage 2, transforms
 * allocated and keyed) here, so the verify path never allocates.  A
 * failed call leaves the transaction as it was.
 *
 * Context: process context; may sleep.
 * Return: 0; -EINVAL for a bad name, kvno 0 or a key of the wrong length;
 * -ENOPKG for an unsupported enctype; -EEXIST when (principal, realm,
 * kvno, etype) is already in the transaction's table; -E2BIG when the
 * principal or the table is full; -EOVERFLOW when the table ran out of
 * principal serial numbers; -ENOMEM; or an error of
 * krb5ap_prepare_encryption().
 */
int krb5ap_keys_txn_add(struct krb5ap_keys_txn *txn, const char *principal,
			const char *realm, u32 kvno, u32 etype, const u8 *key,
			unsigned int key_len)
{
	const struct krb5ap_enctype *e;
	struct krb5ap_kprinc *p;
	struct krb5ap_key *k;
	unsigned int idx, i;
	u32 hash;
	int ret;

	if (krb5ap_keys_check_principal(principal) ||
	    krb5ap_keys_check_realm(realm) || !kvno)
		return -EINVAL;
	e = krb5ap_find_enctype(etype);
	if (!e)
		return -ENOPKG;
	if (!key || key_len != e->key_bytes)
		return -EINVAL;
	p = krb5ap_txn_lookup(txn, principal, realm, &idx, &hash);
	if (p) {
		for (i = 0; i < p->nkeys; i++)
			if (p->keys[i]->kvno == kvno &&
			    p->keys[i]->enctype == e)
				return -EEXIST;
		if (p->nkeys >= KRB5AP_KEYS_PER_PRINCIPAL_MAX)
			return -E2BIG;
	} else if (txn->ks->next_serial >= KRB5AP_SERIAL_MAX) {
		return -EOVERFLOW;
	}
	if (txn->draft->nkeys >= KRB5AP_KEYS_MAX)
		return -E2BIG;

	k = krb5ap_key_create(e, kvno, key, key_len);
	if (IS_ERR(k))
		return PTR_ERR(k);
	if (p) {
		p = krb5ap_txn_unshare(txn, idx);
		if (!p) {
			ret = -ENOMEM;
			goto err;
		}
	} else {
		ret = krb5ap_txn_reserve(txn);
		if (ret)
			goto err;
		p = krb5ap_kprinc_alloc(principal, realm);
		if (!p) {
			ret = -ENOMEM;
			goto err;
		}
		p->hash = hash;
		p->serial = txn->ks->next_serial++;
		p->owner = txn;
		txn->draft->princ[txn->draft->nprinc] = p;
		krb5ap_ktable_index(txn->draft, txn->draft->nprinc++);
		txn->draft->live++;
	}
	p->keys[p->nkeys++] = k;
	txn->draft->nkeys++;
	txn->changed = true;
	return 0;
err:
	krb5ap_key_put(k);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_txn_add);

/**
 * krb5ap_keys_txn_del() - remove keys of one principal in a transaction
 * @txn: the transaction
 * @principal: unparsed principal name
 * @realm: realm
 * @kvno: the kvno whose keys (every enctype) go, or 0 for every kvno
 *
 * A principal left with no key leaves the table.  A failed call leaves
 * the transaction as it was.
 *
 * Context: process context; may sleep.
 * Return: 0, -ENOENT when nothing matched, -EINVAL for a bad name, or
 * -ENOMEM.
 */
int krb5ap_keys_txn_del(struct krb5ap_keys_txn *txn, const char *principal,
			const char *realm, u32 kvno)
{
	struct krb5ap_kprinc *p;
	unsigned int idx, i, n;
	u32 hash;

	if (krb5ap_keys_check_principal(principal) ||
	    krb5ap_keys_check_realm(realm))
		return -EINVAL;
	p = krb5ap_txn_lookup(txn, principal, realm, &idx, &hash);
	if (!p || !p->nkeys)
		return -ENOENT;
	if (!kvno) {
		krb5ap_txn_remove(txn, idx);
		return 0;
	}
	for (i = 0, n = 0; i < p->nkeys; i++)
		n += p->keys[i]->kvno == kvno;
	if (!n)
		return -ENOENT;
	if (n == p->nkeys) {
		krb5ap_txn_remove(txn, idx);
		return 0;
	}
	p = krb5ap_txn_unshare(txn, idx);
	if (!p)
		return -ENOMEM;
	for (i = 0, n = 0; i < p->nkeys; i++) {
		if (p->keys[i]->kvno == kvno)
			krb5ap_key_put(p->keys[i]);
		else
			p->keys[n++] = p->keys[i];
	}
	txn->draft->nkeys -= p->nkeys - n;
	memset(&p->keys[n], 0, (p->nkeys - n) * sizeof(p->keys[0]));
	p->nkeys = n;
	txn->changed = true;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_txn_del);

/**
 * krb5ap_keys_txn_clear() - remove every key of one principal in a
 *	transaction
 * @txn: the transaction
 * @principal: unparsed principal name
 * @realm: realm
 *
 * Followed by krb5ap_keys_txn_add() calls in the same transaction, this
 * replaces the principal's key set atomically.  Nothing happens when the
 * principal has no key or the name is invalid.
 *
 * Context: process context; may sleep.
 */
void krb5ap_keys_txn_clear(struct krb5ap_keys_txn *txn, const char *principal,
			   const char *realm)
{
	const struct krb5ap_kprinc *p;
	unsigned int idx;
	u32 hash;

	if (krb5ap_keys_check_principal(principal) ||
	    krb5ap_keys_check_realm(realm))
		return;
	p = krb5ap_txn_lookup(txn, principal, realm, &idx, &hash);
	if (p && p->nkeys)
		krb5ap_txn_remove(txn, idx);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_txn_clear);

/**
 * krb5ap_keys_txn_flush() - remove every key in a transaction
 * @txn: the transaction
 *
 * Context: process context; may sleep.
 */
void krb5ap_keys_txn_flush(struct krb5ap_keys_txn *txn)
{
	struct krb5ap_ktable *d = txn->draft;
	unsigned int i;

	for (i = 0; i < d->nprinc; i++) {
		krb5ap_kprinc_put(d->princ[i]);
		d->princ[i] = NULL;
	}
	memset(d->slots, 0, (d->mask + 1) * sizeof(*d->slots));
	d->nprinc = 0;
	d->live = 0;
	d->nkeys = 0;
	txn->changed = true;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_txn_flush);

static void krb5ap_txn_end(struct krb5ap_keys_txn *txn)
{
	struct krb5ap_keys *ks = txn->ks;

	krb5ap_ktable_free(txn->draft, true);
	kfree(txn);
	mutex_unlock(&ks->lock);
}

/**
 * krb5ap_keys_commit() - publish a transaction's changes and end it
 * @txn: the transaction; freed
 *
 * Builds a compact snapshot from the transaction's table and publishes it
 * with one rcu_assign_pointer(): readers see all of the changes or none.
 * Then, after an RCU grace period, the keys that only the previous
 * snapshot held are freed and wiped.  A transaction that changed nothing
 * publishes nothing.  On error nothing is published and the transaction
 * is aborted.
 *
 * Context: process context; sleeps (synchronize_rcu()).  Releases the
 * table's lock before waiting, so the next writer need not wait.
 * Return: 0 or -ENOMEM.
 */
int krb5ap_keys_commit(struct krb5ap_keys_txn *txn)
{
	struct krb5ap_keys *ks = txn->ks;
	struct krb5ap_ktable *d = txn->draft, *n = NULL, *old;
	unsigned int i;

	if (!txn->changed) {
		krb5ap_txn_end(txn);
		return 0;
	}
	for (i = 0; i < d->nprinc; i++) {
		if (d->princ[i] && !d->princ[i]->nkeys) {
			krb5ap_kprinc_put(d->princ[i]);
			d->princ[i] = NULL;
			d->live--;
		}
	}
	if (d->live) {
		n = krb5ap_ktable_copy(d, d->live, false);
		if (!n) {
			krb5ap_keys_abort(txn);
			return -ENOMEM;
		}
		/* Immutable from now on, for this and every later txn. */
		for (i = 0; i < n->nprinc; i++)
			n->princ[i]->owner = NULL;
	}
	/* The new snapshot took over the draft's references. */
	krb5ap_ktable_free(d, false);
	kfree(txn);
	old = rcu_replace_pointer(ks->table, n, lockdep_is_held(&ks->lock));
	ks->gen++;
	mutex_unlock(&ks->lock);
	if (old) {
		synchronize_rcu();
		krb5ap_ktable_free(old, true);
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_commit);

/**
 * krb5ap_keys_abort() - end a transaction, publishing nothing
 * @txn: the transaction; freed
 *
 * Keys the transaction added are freed and wiped at once: readers never
 * saw them.
 *
 * Context: process context; may sleep.
 */
void krb5ap_keys_abort(struct krb5ap_keys_txn *txn)
{
	krb5ap_txn_end(txn);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_abort);

/* Admin path: metadata. */

/**
 * krb5ap_keys_dump() - walk the keys' metadata, never their bytes
 * @ks: the table
 * @pos: position; 0 to start, updated to resume
 * @cb: called for each key with its principal, realm, kvno and enctype;
 *	may sleep; a non-zero return stops the walk
 * @arg: passed to @cb
 *
 * When @cb stops the walk, *@pos names the key it refused, so the next
 * call starts with it (a netlink dump whose skb was full).  Positions
 * survive commits between calls as krb5ap_keys_next()'s cursor does; use
 * krb5ap_keys_generation() to notice them.
 *
 * Context: process context; takes @ks->lock (so not inside a transaction).
 * Return: 0 when the walk reached the end, else @cb's return value.
 */
int krb5ap_keys_dump(struct krb5ap_keys *ks, unsigned long *pos,
		     int (*cb)(void *arg, const char *principal,
			       const char *realm, u32 kvno, u32 etype),
		     void *arg)
{
	const struct krb5ap_ktable *t;
	const struct krb5ap_kprinc *p;
	unsigned long serial = *pos >> KRB5AP_POS_KEY_BITS;
	unsigned int i, k;
	int ret = 0;

	if (serial > U32_MAX)
		return 0;
	mutex_lock(&ks->lock);
	t = rcu_dereference_protected(ks->table, lockdep_is_held(&ks->lock));
	for (i = t ? krb5ap_ktable_seek(t, serial) : 0; t && i < t->nprinc;
	     i++) {
		p = t->princ[i];
		k = p->serial == serial ?
			*pos & (KRB5AP_KEYS_PER_PRINCIPAL_MAX - 1) : 0;
		for (; k < p->nkeys; k++) {
			ret = cb(arg, p->principal, p->realm, p->keys[k]->kvno,
				 p->keys[k]->enctype->etype);
			*pos = krb5ap_pos(p->serial, k) + !ret;
			if (ret)
				goto out;
		}
	}
out:
	mutex_unlock(&ks->lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_dump);

/**
 * krb5ap_keys_count() - number of keys in the table
 * @ks: the table
 *
 * Context: any; takes no lock.
 * Return: keys in the published snapshot.
 */
unsigned int krb5ap_keys_count(struct krb5ap_keys *ks)
{
	const struct krb5ap_ktable *t;
	unsigned int n;

	rcu_read_lock();
	t = rcu_dereference(ks->table);
	n = t ? t->nkeys : 0;
	rcu_read_unlock();
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_count);

/**
 * krb5ap_keys_principals() - number of principals in the table
 * @ks: the table
 *
 * Context: any; takes no lock.
 * Return: principals in the published snapshot.
 */
unsigned int krb5ap_keys_principals(struct krb5ap_keys *ks)
{
	const struct krb5ap_ktable *t;
	unsigned int n;

	rcu_read_lock();
	t = rcu_dereference(ks->table);
	n = t ? t->live : 0;
	rcu_read_unlock();
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_principals);

/**
 * krb5ap_keys_generation() - commit counter of the table
 * @ks: the table
 *
 * Changes whenever a commit publishes a snapshot; a netlink dump stores it
 * to flag an interrupted dump (NLM_F_DUMP_INTR).
 *
 * Context: process context; takes @ks->lock.
 * Return: the counter.
 */
u64 krb5ap_keys_generation(struct krb5ap_keys *ks)
{
	u64 gen;

	mutex_lock(&ks->lock);
	gen = ks->gen;
	mutex_unlock(&ks->lock);
	return gen;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_keys_generation);
