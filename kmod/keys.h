/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-network-namespace table of service keys.  See Documentation/keys.rst.
 *
 * Readers (the verify path) look keys up under rcu_read_lock() and take no
 * lock.  Writers (the admin path: netlink) change the table only through
 * transactions, serialised by one mutex per table; a commit publishes a new
 * immutable snapshot with a single rcu_assign_pointer(), so readers see all
 * of a transaction's changes or none of them.
 */
#ifndef _KRB5AP_KEYS_H
#define _KRB5AP_KEYS_H

#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/types.h>

#include "enctype.h"

struct krb5ap_principal_name;

/* Unparsed principal without the realm ("cifs/host.example.test"), NUL included. */
#define KRB5AP_PRINCIPAL_MAX		256
/* Realm, NUL included. */
#define KRB5AP_REALM_MAX		256
/* Keys (kvno x enctype) one principal may hold at once. */
#define KRB5AP_KEYS_PER_PRINCIPAL_MAX	64
/* Keys one table (one network namespace) may hold. */
#define KRB5AP_KEYS_MAX			65536

/**
 * struct krb5ap_key - one service key, immutable once published
 * @enctype: the key's enctype
 * @kvno: key version number, never 0
 * @ticket: the key prepared for usage 2 (KRB5AP_USAGE_TICKET)
 * @ref: principal entries (snapshots' and transactions') holding the key
 */
struct krb5ap_key {
	const struct krb5ap_enctype *enctype;
	u32 kvno;
	struct krb5ap_enc_key *ticket;
	refcount_t ref;
};

/**
 * struct krb5ap_key_ref - what a lookup returns
 * @key: the key
 * @principal: unparsed principal name, NUL-terminated
 * @realm: realm, NUL-terminated
 *
 * Valid only inside the rcu_read_lock() section the lookup ran in.
 */
struct krb5ap_key_ref {
	const struct krb5ap_key *key;
	const char *principal;
	const char *realm;
};

struct krb5ap_ktable;

/**
 * struct krb5ap_keys - one network namespace's key table
 * @table: the published snapshot; NULL when the table is empty
 * @lock: serialises writers (transactions, dumps, destruction)
 * @seed: hash seed, random per table
 * @next_serial: serial number for the next new principal (under @lock)
 * @gen: bumped by every commit (under @lock); for dump consistency checks
 * @dead: krb5ap_keys_shutdown() ran; no transaction may begin
 * @retired: snapshot unpublished by krb5ap_keys_shutdown(), freed by
 *	krb5ap_keys_destroy()
 */
struct krb5ap_keys {
	struct krb5ap_ktable __rcu *table;
	struct mutex lock;	/* serialises writers */
	u32 seed;
	u32 next_serial;
	u64 gen;
	bool dead;
	struct krb5ap_ktable *retired;
};

struct krb5ap_keys_txn;

int krb5ap_keys_init(struct krb5ap_keys *ks);
void krb5ap_keys_shutdown(struct krb5ap_keys *ks);
void krb5ap_keys_destroy(struct krb5ap_keys *ks);

int krb5ap_unparse_name(const struct krb5ap_principal_name *name, char *buf,
			size_t size);
int krb5ap_keys_check_principal(const char *principal);
int krb5ap_keys_check_realm(const char *realm);

/* Verify path: the caller holds rcu_read_lock(). */
int krb5ap_keys_find(const struct krb5ap_keys *ks, const char *principal,
		     const char *realm, u32 kvno, u32 etype,
		     struct krb5ap_key_ref *ref);
bool krb5ap_keys_next(const struct krb5ap_keys *ks, u32 etype,
		      unsigned long *cursor, struct krb5ap_key_ref *ref);

/* Admin path: process context, may sleep. */
struct krb5ap_keys_txn *krb5ap_keys_begin(struct krb5ap_keys *ks);
int krb5ap_keys_txn_add(struct krb5ap_keys_txn *txn, const char *principal,
			const char *realm, u32 kvno, u32 etype, const u8 *key,
			unsigned int key_len);
int krb5ap_keys_txn_del(struct krb5ap_keys_txn *txn, const char *principal,
			const char *realm, u32 kvno);
void krb5ap_keys_txn_clear(struct krb5ap_keys_txn *txn, const char *principal,
			   const char *realm);
void krb5ap_keys_txn_flush(struct krb5ap_keys_txn *txn);
int krb5ap_keys_commit(struct krb5ap_keys_txn *txn);
void krb5ap_keys_abort(struct krb5ap_keys_txn *txn);

int krb5ap_keys_dump(struct krb5ap_keys *ks, unsigned long *pos,
		     int (*cb)(void *arg, const char *principal,
			       const char *realm, u32 kvno, u32 etype),
		     void *arg);
unsigned int krb5ap_keys_count(struct krb5ap_keys *ks);
unsigned int krb5ap_keys_principals(struct krb5ap_keys *ks);
u64 krb5ap_keys_generation(struct krb5ap_keys *ks);

#endif /* _KRB5AP_KEYS_H */
