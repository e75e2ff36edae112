// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family "krb5ap": translation only.  Each handler
 * turns the request's attributes (validated strictly by the core against
 * the per-op policies of netlink-gen.c) into calls of the key table
 * (keys.h), the settings and counters (pernet.h) or krb5ap_verify(), and
 * the answers back into attributes.  No policy lives here beyond what the
 * netlink policies cannot express: the key length of each enctype, the
 * supported enctypes and the ranges of the settings.
 *
 * Everything acts on the namespace of the requesting socket.  Every
 * operation carries GENL_UNS_ADMIN_PERM and the "results" group
 * GENL_MCAST_CAP_NET_ADMIN (CAP_NET_ADMIN over the namespace's user
 * namespace).
 *
 * Key bytes go in and never come out.  The handler copies each key into a
 * buffer on its stack, hands it to the key table and wipes the copy; it
 * also wipes the key attributes inside the request, unless the request
 * skb is shared (a netlink tap holds a clone).  The skb itself belongs to
 * the netlink core, which frees it without wiping.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/ratelimit.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "enctype.h"
#include "keys.h"
#include "krb5ap.h"
#include "netlink-gen.h"
#include "netlink.h"
#include "pernet.h"
#include "replay.h"

/* Tag of the verifications requested over netlink (KRB5AP_A_VERIFY_TAG). */
#define KRB5AP_NL_TAG		"netlink"

/* At most this many "results" events per second, all namespaces together. */
#define KRB5AP_NL_EVENTS_PER_SEC	200

static DEFINE_RATELIMIT_STATE(krb5ap_nl_events, HZ, KRB5AP_NL_EVENTS_PER_SEC);

static const struct genl_multicast_group krb5ap_nl_mcgrps[] = {
	[KRB5AP_NLGRP_RESULTS] = {
		.name = KRB5AP_MCGRP_RESULTS,
		.flags = GENL_MCAST_CAP_NET_ADMIN,
	},
};

/*
 * Written by hand: the generator drops the flags of multicast groups.
 * parallel_ops: the handlers need no genl_mutex, the key table and the
 * settings have their own locks.  resv_start_op stays 0, so the core
 * refuses reserved header bits and attributes outside the policies on
 * every command.
 */
static struct genl_family krb5ap_nl_family __ro_after_init = {
	.name = KRB5AP_FAMILY_NAME,
	.version = KRB5AP_FAMILY_VERSION,
	.maxattr = KRB5AP_A_VERIFY_MAX,
	.netnsok = true,
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = krb5ap_nl_ops,
	.n_ops = ARRAY_SIZE(krb5ap_nl_ops),
	.mcgrps = krb5ap_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(krb5ap_nl_mcgrps),
};

/*
 * A required attribute is missing: report which (the extack's missing
 * type, and a sentence) and evaluate to true.
 */
#define krb5ap_nl_missing(extack, nest, tb, type, msg) ({		\
	struct netlink_ext_ack *__ext = (extack);			\
	bool __miss = NL_REQ_ATTR_CHECK(__ext, nest, tb, type);	\
									\
	if (__miss)							\
		NL_SET_ERR_MSG(__ext, msg);				\
	__miss;								\
})

static struct krb5ap_net *krb5ap_nl_net(struct genl_info *info)
{
	return krb5ap_pernet(genl_info_net(info));
}

/* Keys ----------------------------------------------------------------- */

/**
 * struct krb5ap_nl_entry - one key entry of a request, checked
 * @principal: unparsed principal name, NUL-terminated (policy)
 * @realm: realm, NUL-terminated (policy)
 * @kvno: key version number, not 0 (policy)
 * @etype: a supported enctype
 * @data: the key bytes' attribute, of @etype's length
 */
struct krb5ap_nl_entry {
	const char *principal;
	const char *realm;
	u32 kvno;
	u32 etype;
	struct nlattr *data;
};

/* Parse and check one KRB5AP_A_KEYTAB_ENTRY nest. */
static int krb5ap_nl_entry_parse(const struct nlattr *nest,
				 struct krb5ap_nl_entry *e,
				 struct netlink_ext_ack *extack)
{
	struct nlattr *tb[KRB5AP_A_KEY_DATA + 1];
	const struct krb5ap_enctype *et;
	int ret;

	ret = nla_parse_nested(tb, KRB5AP_A_KEY_DATA, nest,
			       krb5ap_key_entry_nl_policy, extack);
	if (ret)
		return ret;
	if (krb5ap_nl_missing(extack, nest, tb, KRB5AP_A_KEY_PRINCIPAL,
			      "key entry without a principal") ||
	    krb5ap_nl_missing(extack, nest, tb, KRB5AP_A_KEY_REALM,
			      "key entry without a realm") ||
	    krb5ap_nl_missing(extack, nest, tb, KRB5AP_A_KEY_KVNO,
			      "key entry without a kvno") ||
	    krb5ap_nl_missing(extack, nest, tb, KRB5AP_A_KEY_ENCTYPE,
			      "key entry without an enctype") ||
	    krb5ap_nl_missing(extack, nest, tb, KRB5AP_A_KEY_DATA,
			      "key entry without key data"))
		return -EINVAL;

	e->principal = nla_data(tb[KRB5AP_A_KEY_PRINCIPAL]);
	e->realm = nla_data(tb[KRB5AP_A_KEY_REALM]);
	e->kvno = nla_get_u32(tb[KRB5AP_A_KEY_KVNO]);
	e->etype = nla_get_u32(tb[KRB5AP_A_KEY_ENCTYPE]);
	e->data = tb[KRB5AP_A_KEY_DATA];

	if (krb5ap_keys_check_principal(e->principal)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[KRB5AP_A_KEY_PRINCIPAL],
				    "invalid principal name (unparsed, without the realm)");
		return -EINVAL;
	}
	if (krb5ap_keys_check_realm(e->realm)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[KRB5AP_A_KEY_REALM],
				    "invalid realm");
		return -EINVAL;
	}
	et = krb5ap_find_enctype(e->etype);
	if (!et || !(krb5ap_supported_enctypes() & BIT(e->etype))) {
		NL_SET_ERR_MSG_ATTR(extack, tb[KRB5AP_A_KEY_ENCTYPE],
				    "unsupported enctype (17, 18, 19, 20, 25 and 26 are)");
		return -ENOPKG;
	}
	if (nla_len(e->data) != et->key_bytes) {
		NL_SET_ERR_MSG_ATTR(extack, e->data,
				    "wrong key length for the enctype (16 bytes for 17, 19 and 25; 32 for 18, 20 and 26)");
		return -EINVAL;
	}
	return 0;
}

/* Add one checked entry to @txn through a wiped copy of its key. */
static int krb5ap_nl_entry_add(struct krb5ap_keys_txn *txn,
			       const struct krb5ap_nl_entry *e,
			       struct netlink_ext_ack *extack)
{
	u8 key[KRB5AP_KEY_LEN_MAX];
	unsigned int len = nla_len(e->data);
	int ret;

	if (WARN_ON_ONCE(len > sizeof(key)))
		return -EINVAL;
	memcpy(key, nla_data(e->data), len);
	ret = krb5ap_keys_txn_add(txn, e->principal, e->realm, e->kvno,
				  e->etype, key, len);
	memzero_explicit(key, sizeof(key));
	switch (ret) {
	case 0:
		break;
	case -EEXIST:
		NL_SET_ERR_MSG_ATTR(extack, e->data,
				    "this key (principal, realm, kvno, enctype) is already loaded or given twice");
		break;
	case -E2BIG:
	case -EOVERFLOW:
		NL_SET_ERR_MSG_ATTR(extack, e->data,
				    "too many keys for the principal or the namespace");
		break;
	case -ENOMEM:
		break;
	default:
		NL_SET_ERR_MSG_ATTR(extack, e->data, "the key was refused");
		break;
	}
	return ret;
}

/* Wipe every key attribute of a key-add/replace-set request in place. */
static void krb5ap_nl_wipe_request(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *nest, *attr;
	int rem, rem2;

	if (skb_cloned(skb))
		return;
	nla_for_each_attr(nest, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		if (nla_type(nest) != KRB5AP_A_KEYTAB_ENTRY)
			continue;
		nla_for_each_nested(attr, nest, rem2)
			if (nla_type(attr) == KRB5AP_A_KEY_DATA)
				memzero_explicit(nla_data(attr), nla_len(attr));
	}
}

/*
 * key-add and key-replace-set: every entry in one transaction.  For a
 * replacement, the principals' keys are cleared first, then all entries
 * added, so entries of one principal may come in any order.
 */
static int krb5ap_nl_load(struct sk_buff *skb, struct genl_info *info,
			  bool replace)
{
	struct netlink_ext_ack *extack = info->extack;
	struct krb5ap_net *kn = krb5ap_nl_net(info);
	struct krb5ap_keys_txn *txn;
	struct krb5ap_nl_entry e;
	struct nlattr *nest;
	int rem, ret, pass;

	if (krb5ap_nl_missing(extack, NULL, info->attrs,
			      KRB5AP_A_KEYTAB_ENTRY, "no key entry given")) {
		ret = -EINVAL;
		goto out;
	}
	/* Check everything before the table is locked. */
	nla_for_each_attr(nest, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		ret = krb5ap_nl_entry_parse(nest, &e, extack);
		if (ret)
			goto out;
	}
	txn = krb5ap_keys_begin(&kn->keys);
	if (IS_ERR(txn)) {
		ret = PTR_ERR(txn);
		goto out;
	}
	for (pass = replace ? 0 : 1; pass < 2; pass++) {
		nla_for_each_attr(nest, genlmsg_data(info->genlhdr),
				  genlmsg_len(info->genlhdr), rem) {
			ret = krb5ap_nl_entry_parse(nest, &e, extack);
			if (!ret && pass == 0)
				krb5ap_keys_txn_clear(txn, e.principal,
						      e.realm);
			else if (!ret)
				ret = krb5ap_nl_entry_add(txn, &e, extack);
			if (ret) {
				krb5ap_keys_abort(txn);
				goto out;
			}
		}
	}
	ret = krb5ap_keys_commit(txn);
out:
	krb5ap_nl_wipe_request(skb, info);
	return ret;
}

int krb5ap_nl_key_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	return krb5ap_nl_load(skb, info, false);
}

int krb5ap_nl_key_replace_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	return krb5ap_nl_load(skb, info, true);
}

int krb5ap_nl_key_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct krb5ap_net *kn = krb5ap_nl_net(info);
	struct krb5ap_keys_txn *txn;
	struct nlattr **tb = info->attrs;
	u32 kvno = 0;
	int ret;

	if (krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_KEY_PRINCIPAL,
			      "no principal given") ||
	    krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_KEY_REALM,
			      "no realm given"))
		return -EINVAL;
	if (tb[KRB5AP_A_KEY_KVNO])
		kvno = nla_get_u32(tb[KRB5AP_A_KEY_KVNO]);

	txn = krb5ap_keys_begin(&kn->keys);
	if (IS_ERR(txn))
		return PTR_ERR(txn);
	ret = krb5ap_keys_txn_del(txn, nla_data(tb[KRB5AP_A_KEY_PRINCIPAL]),
				  nla_data(tb[KRB5AP_A_KEY_REALM]), kvno);
	if (ret) {
		krb5ap_keys_abort(txn);
		if (ret == -ENOENT)
			NL_SET_ERR_MSG(extack, "no such key loaded");
		else if (ret == -EINVAL)
			NL_SET_ERR_MSG(extack, "invalid principal name or realm");
		return ret;
	}
	return krb5ap_keys_commit(txn);
}

int krb5ap_nl_key_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct krb5ap_net *kn = krb5ap_nl_net(info);
	struct krb5ap_keys_txn *txn;

	txn = krb5ap_keys_begin(&kn->keys);
	if (IS_ERR(txn))
		return PTR_ERR(txn);
	krb5ap_keys_txn_flush(txn);
	return krb5ap_keys_commit(txn);
}

/* One key's metadata: never its bytes. */
static int krb5ap_nl_put_key(struct sk_buff *skb, const char *principal,
			     const char *realm, u32 kvno, u32 etype)
{
	if (nla_put_string(skb, KRB5AP_A_KEY_PRINCIPAL, principal) ||
	    nla_put_string(skb, KRB5AP_A_KEY_REALM, realm) ||
	    nla_put_u32(skb, KRB5AP_A_KEY_KVNO, kvno) ||
	    nla_put_u32(skb, KRB5AP_A_KEY_ENCTYPE, etype))
		return -EMSGSIZE;
	return 0;
}

int krb5ap_nl_key_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct krb5ap_net *kn = krb5ap_nl_net(info);
	struct nlattr **tb = info->attrs;
	struct krb5ap_key_ref ref;
	const char *principal, *realm;
	struct sk_buff *msg;
	u32 kvno, etype;
	void *hdr;
	int ret;

	if (krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_KEY_PRINCIPAL,
			      "no principal given") ||
	    krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_KEY_REALM,
			      "no realm given") ||
	    krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_KEY_KVNO,
			      "no kvno given") ||
	    krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_KEY_ENCTYPE,
			      "no enctype given"))
		return -EINVAL;
	principal = nla_data(tb[KRB5AP_A_KEY_PRINCIPAL]);
	realm = nla_data(tb[KRB5AP_A_KEY_REALM]);
	kvno = nla_get_u32(tb[KRB5AP_A_KEY_KVNO]);
	etype = nla_get_u32(tb[KRB5AP_A_KEY_ENCTYPE]);

	rcu_read_lock();
	ret = krb5ap_keys_find(&kn->keys, principal, realm, kvno, etype, &ref);
	rcu_read_unlock();
	if (ret) {
		NL_SET_ERR_MSG(extack, "no such key loaded");
		return -ENOENT;
	}

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &krb5ap_nl_family, 0,
				KRB5AP_CMD_KEY_GET);
	if (!hdr || krb5ap_nl_put_key(msg, principal, realm, kvno, etype)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/**
 * struct krb5ap_nl_dump - state of one key-get dump pass
 * @skb: the message being filled
 * @cb: the dump
 * @principal: filter, or NULL
 * @realm: filter (with @principal), or NULL
 * @kvno: filter, or 0
 * @etype: filter, or 0
 */
struct krb5ap_nl_dump {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	const char *principal;
	const char *realm;
	u32 kvno;
	u32 etype;
};

static int krb5ap_nl_dump_key(void *arg, const char *principal,
			      const char *realm, u32 kvno, u32 etype)
{
	struct krb5ap_nl_dump *d = arg;
	void *hdr;

	if ((d->principal && (strcmp(d->principal, principal) ||
			      strcmp(d->realm, realm))) ||
	    (d->kvno && d->kvno != kvno) || (d->etype && d->etype != etype))
		return 0;
	hdr = genlmsg_put(d->skb, NETLINK_CB(d->cb->skb).portid,
			  d->cb->nlh->nlmsg_seq, &krb5ap_nl_family,
			  NLM_F_MULTI, KRB5AP_CMD_KEY_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(d->cb, hdr);
	if (krb5ap_nl_put_key(d->skb, principal, realm, kvno, etype)) {
		genlmsg_cancel(d->skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(d->skb, hdr);
	return 0;
}

int krb5ap_nl_key_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct krb5ap_net *kn = krb5ap_pernet(sock_net(cb->skb->sk));
	struct krb5ap_nl_dump d = { .skb = skb, .cb = cb };
	struct nlattr *tb[KRB5AP_A_KEY_ENCTYPE + 1];
	unsigned long pos = cb->args[0];
	int ret;

	/*
	 * The core validated the request already; parsing it again here
	 * spares the difference between 6.1 and 6.12 in where a dump's
	 * parsed attributes are kept.
	 */
	ret = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, KRB5AP_A_KEY_ENCTYPE,
			  krb5ap_key_get_nl_policy, cb->extack);
	if (ret)
		return ret;
	if (!tb[KRB5AP_A_KEY_PRINCIPAL] != !tb[KRB5AP_A_KEY_REALM]) {
		NL_SET_ERR_MSG(cb->extack,
			       "filter by principal and realm together");
		return -EINVAL;
	}
	if (tb[KRB5AP_A_KEY_PRINCIPAL]) {
		d.principal = nla_data(tb[KRB5AP_A_KEY_PRINCIPAL]);
		d.realm = nla_data(tb[KRB5AP_A_KEY_REALM]);
	}
	if (tb[KRB5AP_A_KEY_KVNO])
		d.kvno = nla_get_u32(tb[KRB5AP_A_KEY_KVNO]);
	if (tb[KRB5AP_A_KEY_ENCTYPE])
		d.etype = nla_get_u32(tb[KRB5AP_A_KEY_ENCTYPE]);

	/* Interrupted by a commit: NLM_F_DUMP_INTR on the next message. */
	cb->seq = (unsigned int)krb5ap_keys_generation(&kn->keys) + 1;
	ret = krb5ap_keys_dump(&kn->keys, &pos, krb5ap_nl_dump_key, &d);
	cb->args[0] = pos;
	if (ret == -EMSGSIZE && skb->len)
		return skb->len;
	if (ret)
		return ret;
	return skb->len;
}

/* Settings --------------------------------------------------------------- */

int krb5ap_nl_config_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct krb5ap_config c;
	struct sk_buff *msg;
	void *hdr;

	krb5ap_config_get(krb5ap_nl_net(info), &c);
	msg = genlmsg_new(5 * nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &krb5ap_nl_family, 0,
				KRB5AP_CMD_CONFIG_GET);
	if (!hdr ||
	    nla_put_u32(msg, KRB5AP_A_CONFIG_CLOCK_SKEW, c.clock_skew) ||
	    nla_put_u32(msg, KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE, c.replay_max) ||
	    nla_put_u32(msg, KRB5AP_A_CONFIG_MAX_TOKEN_SIZE, c.max_token) ||
	    nla_put_u32(msg, KRB5AP_A_CONFIG_ENCTYPES, c.enctypes) ||
	    nla_put_u32(msg, KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES,
			krb5ap_supported_enctypes())) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* A u32 setting in [@min, @max]; the policy cannot say it on 6.1. */
static int krb5ap_nl_config_u32(const struct nlattr *attr, u32 min, u32 max,
				u32 *out)
{
	u32 v;

	if (!attr)
		return 0;
	v = nla_get_u32(attr);
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}

int krb5ap_nl_config_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct krb5ap_net *kn = krb5ap_nl_net(info);
	struct nlattr **tb = info->attrs;
	struct krb5ap_config c;
	int ret;

	/* Read, change, write back; concurrent sets: the last one wins. */
	krb5ap_config_get(kn, &c);
	if (krb5ap_nl_config_u32(tb[KRB5AP_A_CONFIG_CLOCK_SKEW], 0,
				 KRB5AP_CLOCK_SKEW_MAX, &c.clock_skew)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[KRB5AP_A_CONFIG_CLOCK_SKEW],
				    "clock skew must be 0 to 86400 seconds");
		return -ERANGE;
	}
	if (krb5ap_nl_config_u32(tb[KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE],
				 KRB5AP_REPLAY_MAX_MIN, KRB5AP_REPLAY_MAX_MAX,
				 &c.replay_max)) {
		NL_SET_ERR_MSG_ATTR(extack,
				    tb[KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE],
				    "replay cache size must be 1024 to 16777216 entries");
		return -ERANGE;
	}
	if (krb5ap_nl_config_u32(tb[KRB5AP_A_CONFIG_MAX_TOKEN_SIZE],
				 KRB5AP_TOKEN_MAX_MIN, KRB5AP_TOKEN_MAX_MAX,
				 &c.max_token)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[KRB5AP_A_CONFIG_MAX_TOKEN_SIZE],
				    "max token size must be 1024 to 1048576 bytes");
		return -ERANGE;
	}
	if (tb[KRB5AP_A_CONFIG_ENCTYPES]) {
		c.enctypes = nla_get_u32(tb[KRB5AP_A_CONFIG_ENCTYPES]);
		if (!c.enctypes || c.enctypes & ~krb5ap_supported_enctypes()) {
			NL_SET_ERR_MSG_ATTR(extack, tb[KRB5AP_A_CONFIG_ENCTYPES],
					    "enctypes must be a non-empty subset of the supported enctypes");
			return -EINVAL;
		}
	}
	ret = krb5ap_config_set(kn, &c);
	if (ret)
		NL_SET_ERR_MSG(extack, "the settings could not be applied");
	return ret;
}

/* Counters --------------------------------------------------------------- */

int krb5ap_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct krb5ap_net *kn = krb5ap_nl_net(info);
	struct nlattr *nest;
	struct sk_buff *msg;
	u64 rejected = 0;
	unsigned int i, codes = 0;
	size_t size;
	void *hdr;
	u64 *sum;
	int ret = -EMSGSIZE;

	sum = kcalloc(KRB5AP_STATS_ERRORS, sizeof(*sum), GFP_KERNEL);
	if (!sum)
		return -ENOMEM;
	krb5ap_stats_sum(kn, sum);
	for (i = 1; i < KRB5AP_STATS_ERRORS; i++) {
		rejected += sum[i];
		codes += !!sum[i];
	}
	size = 2 * nla_total_size_64bit(sizeof(u64)) +
	       3 * nla_total_size(sizeof(u32)) +
	       codes * nla_total_size(nla_total_size(sizeof(u32)) +
				      nla_total_size_64bit(sizeof(u64)));
	msg = genlmsg_new(size, GFP_KERNEL);
	if (!msg) {
		ret = -ENOMEM;
		goto out;
	}
	hdr = genlmsg_put_reply(msg, info, &krb5ap_nl_family, 0,
				KRB5AP_CMD_STATS_GET);
	if (!hdr ||
	    nla_put_u64_64bit(msg, KRB5AP_A_STATS_ACCEPTED, sum[0],
			      KRB5AP_A_STATS_PAD) ||
	    nla_put_u64_64bit(msg, KRB5AP_A_STATS_REJECTED, rejected,
			      KRB5AP_A_STATS_PAD))
		goto err;
	for (i = 1; i < KRB5AP_STATS_ERRORS; i++) {
		if (!sum[i])
			continue;
		nest = nla_nest_start(msg, KRB5AP_A_STATS_ERROR);
		if (!nest ||
		    nla_put_u32(msg, KRB5AP_A_STATS_ERROR_CODE, i) ||
		    nla_put_u64_64bit(msg, KRB5AP_A_STATS_ERROR_COUNT, sum[i],
				      KRB5AP_A_STATS_ERROR_PAD))
			goto err;
		nla_nest_end(msg, nest);
	}
	if (nla_put_u32(msg, KRB5AP_A_STATS_KEYS, krb5ap_keys_count(&kn->keys)) ||
	    nla_put_u32(msg, KRB5AP_A_STATS_PRINCIPALS,
			krb5ap_keys_principals(&kn->keys)) ||
	    nla_put_u32(msg, KRB5AP_A_STATS_REPLAY_ENTRIES,
			krb5ap_replay_count(kn->replay)))
		goto err;
	genlmsg_end(msg, hdr);
	kfree(sum);
	return genlmsg_reply(msg, info);

err:
	nlmsg_free(msg);
out:
	kfree(sum);
	return ret;
}

/* Verification ----------------------------------------------------------- */

static u32 krb5ap_nl_framing(enum krb5ap_framing framing)
{
	switch (framing) {
	case KRB5AP_FRAMING_GSS:
		return KRB5AP_TOKEN_FRAMING_GSS;
	case KRB5AP_FRAMING_GSS_MS:
		return KRB5AP_TOKEN_FRAMING_GSS_MS;
	case KRB5AP_FRAMING_RAW:
	default:
		return KRB5AP_TOKEN_FRAMING_RAW;
	}
}

/* Room for a result: fixed attributes, four names, the AP-REP. */
static size_t krb5ap_nl_result_size(const struct krb5ap_result *res)
{
	size_t size = 16 * nla_total_size(sizeof(u32)) +
		      4 * nla_total_size_64bit(sizeof(u64)) +
		      nla_total_size(sizeof(KRB5AP_NL_TAG));

	if (res) {
		size += nla_total_size(strlen(res->client_name) + 1) +
			nla_total_size(strlen(res->client_realm) + 1) +
			nla_total_size(strlen(res->server_name) + 1) +
			nla_total_size(strlen(res->server_realm) + 1);
		if (res->ap_rep)
			size += nla_total_size(res->ap_rep_len);
	}
	return size;
}

/*
 * The outcome and, for an acceptance, the identity; with @full every
 * other field of a verify reply.  Never a key.
 */
static int krb5ap_nl_put_result(struct sk_buff *skb, int ret, u32 krb_error,
				const struct krb5ap_result *res, bool full)
{
	if (nla_put_u32(skb, KRB5AP_A_VERIFY_OUTCOME,
			ret ? KRB5AP_OUTCOME_REJECTED : KRB5AP_OUTCOME_ACCEPTED) ||
	    nla_put_u32(skb, KRB5AP_A_VERIFY_KRB_ERROR, ret ? krb_error : 0) ||
	    nla_put_u32(skb, KRB5AP_A_VERIFY_ERRNO, ret ? -ret : 0))
		return -EMSGSIZE;
	if (ret || !res)
		return 0;
	if (nla_put_string(skb, KRB5AP_A_VERIFY_CLIENT, res->client_name) ||
	    nla_put_string(skb, KRB5AP_A_VERIFY_CLIENT_REALM,
			   res->client_realm) ||
	    nla_put_string(skb, KRB5AP_A_VERIFY_SERVER, res->server_name) ||
	    nla_put_string(skb, KRB5AP_A_VERIFY_SERVER_REALM,
			   res->server_realm) ||
	    nla_put_u32(skb, KRB5AP_A_VERIFY_KVNO, res->kvno) ||
	    nla_put_u32(skb, KRB5AP_A_VERIFY_ENCTYPE, res->ticket_enctype))
		return -EMSGSIZE;
	if (!full)
		return 0;
	if (nla_put_u32(skb, KRB5AP_A_VERIFY_SESSION_ENCTYPE,
			res->session_key.enctype) ||
	    (res->has_subkey &&
	     nla_put_u32(skb, KRB5AP_A_VERIFY_SUBKEY_ENCTYPE,
			 res->subkey.enctype)) ||
	    nla_put_s64(skb, KRB5AP_A_VERIFY_AUTHTIME, res->authtime,
			KRB5AP_A_VERIFY_PAD) ||
	    (res->starttime &&
	     nla_put_s64(skb, KRB5AP_A_VERIFY_STARTTIME, res->starttime,
			 KRB5AP_A_VERIFY_PAD)) ||
	    nla_put_s64(skb, KRB5AP_A_VERIFY_ENDTIME, res->endtime,
			KRB5AP_A_VERIFY_PAD) ||
	    (res->renew_till &&
	     nla_put_s64(skb, KRB5AP_A_VERIFY_RENEW_TILL, res->renew_till,
			 KRB5AP_A_VERIFY_PAD)) ||
	    nla_put_u32(skb, KRB5AP_A_VERIFY_TICKET_FLAGS,
			res->ticket_flags) ||
	    (res->framing != KRB5AP_FRAMING_RAW && res->gss_cksum &&
	     nla_put_u32(skb, KRB5AP_A_VERIFY_GSS_FLAGS, res->gss_flags)) ||
	    (res->has_seq_number &&
	     nla_put_u32(skb, KRB5AP_A_VERIFY_SEQ, res->seq_number)) ||
	    nla_put_u32(skb, KRB5AP_A_VERIFY_FRAMING,
			krb5ap_nl_framing(res->framing)) ||
	    (res->mutual && nla_put_flag(skb, KRB5AP_A_VERIFY_MUTUAL)) ||
	    (res->mutual && res->ap_rep &&
	     nla_put(skb, KRB5AP_A_VERIFY_AP_REP, res->ap_rep_len,
		     res->ap_rep)))
		return -EMSGSIZE;
	return 0;
}

/**
 * krb5ap_netlink_notify() - report one verification to "results"
 * @net: the namespace the verification ran in
 * @tag: who asked (a consumer module's name, or "netlink")
 * @ret: krb5ap_verify()'s return value
 * @krb_error: the Kerberos error code of a rejection
 * @res: the result of an acceptance, or NULL
 *
 * Sends nothing when nobody listens in @net, or over the rate limit
 * (KRB5AP_NL_EVENTS_PER_SEC, all namespaces together).  Only the outcome,
 * the error, the identity, the enctype, the kvno and @tag: never a key.
 *
 * Context: process context, after krb5ap_netlink_init(); may sleep.
 */
void krb5ap_netlink_notify(struct net *net, const char *tag, int ret,
			   u32 krb_error, const struct krb5ap_result *res)
{
	struct sk_buff *msg;
	void *hdr;

	if (!genl_has_listeners(&krb5ap_nl_family, net, KRB5AP_NLGRP_RESULTS))
		return;
	if (!__ratelimit(&krb5ap_nl_events))
		return;
	msg = genlmsg_new(krb5ap_nl_result_size(res) +
			  nla_total_size(strlen(tag) + 1), GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &krb5ap_nl_family, 0, KRB5AP_CMD_RESULT);
	if (!hdr || krb5ap_nl_put_result(msg, ret, krb_error, res, false) ||
	    nla_put_string(msg, KRB5AP_A_VERIFY_TAG, tag)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&krb5ap_nl_family, net, msg, 0,
				KRB5AP_NLGRP_RESULTS, GFP_KERNEL);
}

/*
 * verify: a rejection is a reply (outcome rejected, the Kerberos error and
 * the errno), not a netlink error; only a failure to run the verification
 * at all (-ENOMEM) is.
 */
int krb5ap_nl_verify_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct nlattr **tb = info->attrs;
	struct krb5ap_verify_args args = { };
	struct krb5ap_result *res = NULL;
	struct sk_buff *msg;
	u32 krb_error = 0;
	void *hdr;
	int ret;

	if (krb5ap_nl_missing(extack, NULL, tb, KRB5AP_A_VERIFY_TOKEN,
			      "no token given"))
		return -EINVAL;
	if (tb[KRB5AP_A_VERIFY_SERVICE])
		args.service = nla_data(tb[KRB5AP_A_VERIFY_SERVICE]);
	if (tb[KRB5AP_A_VERIFY_CHANNEL_BINDINGS]) {
		args.channel_bindings =
			nla_data(tb[KRB5AP_A_VERIFY_CHANNEL_BINDINGS]);
		args.channel_bindings_len =
			nla_len(tb[KRB5AP_A_VERIFY_CHANNEL_BINDINGS]);
	}
	args.krb_error = &krb_error;
	args.tag = KRB5AP_NL_TAG;

	/* krb5ap_verify() sends the "results" event itself. */
	ret = krb5ap_verify(net, nla_data(tb[KRB5AP_A_VERIFY_TOKEN]),
			    nla_len(tb[KRB5AP_A_VERIFY_TOKEN]), &args, &res);
	if (ret == -ENOMEM)
		return ret;

	msg = genlmsg_new(krb5ap_nl_result_size(res), GFP_KERNEL);
	if (!msg) {
		ret = -ENOMEM;
		goto out;
	}
	hdr = genlmsg_put_reply(msg, info, &krb5ap_nl_family, 0,
				KRB5AP_CMD_VERIFY);
	if (!hdr || krb5ap_nl_put_result(msg, ret, krb_error, res, true)) {
		nlmsg_free(msg);
		ret = -EMSGSIZE;
		goto out;
	}
	genlmsg_end(msg, hdr);
	ret = genlmsg_reply(msg, info);
out:
	krb5ap_result_free(res);
	return ret;
}

/* Module init/exit --------------------------------------------------------- */

/**
 * krb5ap_netlink_init() - register the generic netlink family
 *
 * Context: module init, after the per-namespace state exists.
 * Return: 0 or a negative errno.
 */
int krb5ap_netlink_init(void)
{
	/* Dropped events are the documented behaviour: no log line. */
	ratelimit_set_flags(&krb5ap_nl_events, RATELIMIT_MSG_ON_RELEASE);
	return genl_register_family(&krb5ap_nl_family);
}

/**
 * krb5ap_netlink_exit() - unregister the family
 *
 * Waits for the requests in flight; a dump in progress holds a reference
 * on the module.
 *
 * Context: module exit.
 */
void krb5ap_netlink_exit(void)
{
	genl_unregister_family(&krb5ap_nl_family);
}
