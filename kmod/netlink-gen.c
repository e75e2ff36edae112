// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/krb5ap.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink-gen.h"

#include <uapi/linux/krb5ap.h>

/* Common nested types */
const struct nla_policy krb5ap_key_entry_nl_policy[KRB5AP_A_KEY_DATA + 1] = {
	[KRB5AP_A_KEY_PRINCIPAL] = { .type = NLA_NUL_STRING, .len = KRB5AP_PRINCIPAL_LEN_MAX, },
	[KRB5AP_A_KEY_REALM] = { .type = NLA_NUL_STRING, .len = KRB5AP_REALM_LEN_MAX, },
	[KRB5AP_A_KEY_KVNO] = NLA_POLICY_MIN(NLA_U32, 1),
	[KRB5AP_A_KEY_ENCTYPE] = NLA_POLICY_RANGE(NLA_U32, 1, KRB5AP_ENCTYPE_NUM_MAX),
	[KRB5AP_A_KEY_DATA] = { .type = NLA_BINARY, },
};

/* KRB5AP_CMD_KEY_ADD - do */
const struct nla_policy krb5ap_key_add_nl_policy[KRB5AP_A_KEYTAB_ENTRY + 1] = {
	[KRB5AP_A_KEYTAB_ENTRY] = NLA_POLICY_NESTED(krb5ap_key_entry_nl_policy),
};

/* KRB5AP_CMD_KEY_DEL - do */
const struct nla_policy krb5ap_key_del_nl_policy[KRB5AP_A_KEY_KVNO + 1] = {
	[KRB5AP_A_KEY_PRINCIPAL] = { .type = NLA_NUL_STRING, .len = KRB5AP_PRINCIPAL_LEN_MAX, },
	[KRB5AP_A_KEY_REALM] = { .type = NLA_NUL_STRING, .len = KRB5AP_REALM_LEN_MAX, },
	[KRB5AP_A_KEY_KVNO] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* KRB5AP_CMD_KEY_FLUSH - do */
const struct nla_policy krb5ap_key_flush_nl_policy[KRB5AP_A_KEY_PAD + 1] = {
};

/* KRB5AP_CMD_KEY_REPLACE_SET - do */
const struct nla_policy krb5ap_key_replace_set_nl_policy[KRB5AP_A_KEYTAB_ENTRY + 1] = {
	[KRB5AP_A_KEYTAB_ENTRY] = NLA_POLICY_NESTED(krb5ap_key_entry_nl_policy),
};

/* KRB5AP_CMD_KEY_GET - do */
const struct nla_policy krb5ap_key_get_nl_policy[KRB5AP_A_KEY_ENCTYPE + 1] = {
	[KRB5AP_A_KEY_PRINCIPAL] = { .type = NLA_NUL_STRING, .len = KRB5AP_PRINCIPAL_LEN_MAX, },
	[KRB5AP_A_KEY_REALM] = { .type = NLA_NUL_STRING, .len = KRB5AP_REALM_LEN_MAX, },
	[KRB5AP_A_KEY_KVNO] = NLA_POLICY_MIN(NLA_U32, 1),
	[KRB5AP_A_KEY_ENCTYPE] = NLA_POLICY_RANGE(NLA_U32, 1, KRB5AP_ENCTYPE_NUM_MAX),
};

/* KRB5AP_CMD_CONFIG_GET - do */
const struct nla_policy krb5ap_config_get_nl_policy[KRB5AP_A_CONFIG_PAD + 1] = {
};

/* KRB5AP_CMD_CONFIG_SET - do */
const struct nla_policy krb5ap_config_set_nl_policy[KRB5AP_A_CONFIG_ENCTYPES + 1] = {
	[KRB5AP_A_CONFIG_CLOCK_SKEW] = { .type = NLA_U32, },
	[KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE] = { .type = NLA_U32, },
	[KRB5AP_A_CONFIG_MAX_TOKEN_SIZE] = { .type = NLA_U32, },
	[KRB5AP_A_CONFIG_ENCTYPES] = { .type = NLA_U32, },
};

/* KRB5AP_CMD_STATS_GET - do */
const struct nla_policy krb5ap_stats_get_nl_policy[KRB5AP_A_STATS_PAD + 1] = {
};

/* KRB5AP_CMD_VERIFY - do */
const struct nla_policy krb5ap_verify_nl_policy[KRB5AP_A_VERIFY_CHANNEL_BINDINGS + 1] = {
	[KRB5AP_A_VERIFY_TOKEN] = { .type = NLA_BINARY, },
	[KRB5AP_A_VERIFY_SERVICE] = { .type = NLA_NUL_STRING, .len = KRB5AP_SERVICE_LEN_MAX, },
	[KRB5AP_A_VERIFY_CHANNEL_BINDINGS] = { .type = NLA_BINARY, },
};

/* Ops table for krb5ap */
const struct genl_ops krb5ap_nl_ops[9] = {
	{
		.cmd		= KRB5AP_CMD_KEY_ADD,
		.doit		= krb5ap_nl_key_add_doit,
		.policy		= krb5ap_key_add_nl_policy,
		.maxattr	= KRB5AP_A_KEYTAB_ENTRY,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_KEY_DEL,
		.doit		= krb5ap_nl_key_del_doit,
		.policy		= krb5ap_key_del_nl_policy,
		.maxattr	= KRB5AP_A_KEY_KVNO,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_KEY_FLUSH,
		.doit		= krb5ap_nl_key_flush_doit,
		.policy		= krb5ap_key_flush_nl_policy,
		.maxattr	= KRB5AP_A_KEY_PAD,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_KEY_REPLACE_SET,
		.doit		= krb5ap_nl_key_replace_set_doit,
		.policy		= krb5ap_key_replace_set_nl_policy,
		.maxattr	= KRB5AP_A_KEYTAB_ENTRY,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_KEY_GET,
		.doit		= krb5ap_nl_key_get_doit,
		.dumpit		= krb5ap_nl_key_get_dumpit,
		.policy		= krb5ap_key_get_nl_policy,
		.maxattr	= KRB5AP_A_KEY_ENCTYPE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_CONFIG_GET,
		.doit		= krb5ap_nl_config_get_doit,
		.policy		= krb5ap_config_get_nl_policy,
		.maxattr	= KRB5AP_A_CONFIG_PAD,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_CONFIG_SET,
		.doit		= krb5ap_nl_config_set_doit,
		.policy		= krb5ap_config_set_nl_policy,
		.maxattr	= KRB5AP_A_CONFIG_ENCTYPES,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_STATS_GET,
		.doit		= krb5ap_nl_stats_get_doit,
		.policy		= krb5ap_stats_get_nl_policy,
		.maxattr	= KRB5AP_A_STATS_PAD,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= KRB5AP_CMD_VERIFY,
		.doit		= krb5ap_nl_verify_doit,
		.policy		= krb5ap_verify_nl_policy,
		.maxattr	= KRB5AP_A_VERIFY_CHANNEL_BINDINGS,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
};

/* The multicast groups, with their flags, are in netlink.c. */
