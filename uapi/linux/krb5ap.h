/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/krb5ap.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_KRB5AP_H
#define _UAPI_LINUX_KRB5AP_H

/*
 * krb5ap verifies Kerberos 5 AP-REQ messages in the kernel for in-kernel
 * services. This generic netlink family (name "krb5ap", version 1) is its
 * administration interface: it loads service keys, reads and changes the
 * settings, reads the counters, verifies tokens for userspace and testing, and
 * reports every verification to the "results" multicast group.
 *
 * Everything is per network namespace: the key table, the replay cache, the
 * settings and the counters belong to the namespace of the netlink socket.
 * Every command needs CAP_NET_ADMIN over that namespace's user namespace
 * (GENL_UNS_ADMIN_PERM), and so does joining "results"
 * (GENL_MCAST_CAP_NET_ADMIN).
 *
 * Requests are validated strictly against a policy per command: an attribute
 * the command does not take, a string longer than its limit or without its NUL,
 * or an integer out of range is refused (-EINVAL or -ERANGE) with an extended
 * ack message pointing at the attribute; nothing is changed. Checks the policy
 * cannot express (key length per enctype, supported enctypes, token size) are
 * done by the handlers, with extack messages too.
 *
 * Keys go in and never come out: key bytes are write-only, no reply or event
 * carries them, and the kernel wipes the request's copy after use. A principal
 * is named by its unparsed name without the realm, in MIT's syntax
 * ("cifs/host.example.test", with '/', '@' and '\' escaped inside components),
 * and by its realm, in two attributes.
 *
 * Key changes are transactions: KRB5AP_CMD_KEY_ADD and
 * KRB5AP_CMD_KEY_REPLACE_SET take any number of key entries
 * (KRB5AP_A_KEYTAB_ENTRY nests) and apply all of them or none of them, so a
 * whole keytab loads as one step and verifications running meanwhile see either
 * the old table or the new one. The request must fit one netlink message (raise
 * SO_SNDBUF for very large keytabs).
 *
 * Commands
 * --------
 *
 * KRB5AP_CMD_KEY_ADD (do)
 *   Add keys. All entries are added in one transaction; if any entry is invalid
 *   or already present (same principal, realm, kvno and enctype) nothing is
 *   added and the extack points at the entry.
 *   request:
 *     KRB5AP_A_KEYTAB_ENTRY
 *
 * KRB5AP_CMD_KEY_DEL (do)
 *   Delete one principal's keys (KRB5AP_A_KEY_PRINCIPAL and KRB5AP_A_KEY_REALM
 *   required): those of one kvno with KRB5AP_A_KEY_KVNO, else all of them.
 *   -ENOENT when nothing matched.
 *   request:
 *     KRB5AP_A_KEY_PRINCIPAL
 *     KRB5AP_A_KEY_REALM
 *     KRB5AP_A_KEY_KVNO
 *
 * KRB5AP_CMD_KEY_FLUSH (do)
 *   Delete every key of the namespace. Takes no attributes.
 *   request: no attributes
 *
 * KRB5AP_CMD_KEY_REPLACE_SET (do)
 *   Replace the key sets of the principals named by the entries: in one
 *   transaction, every key of each (principal, realm) that appears in some
 *   entry is removed and the entries are added. Other principals are untouched.
 *   This is how a keytab is reloaded after a key rotation.
 *   request:
 *     KRB5AP_A_KEYTAB_ENTRY
 *
 * KRB5AP_CMD_KEY_GET (do and dump)
 *   Key metadata, never key bytes. The do form looks one key up by principal,
 *   realm, kvno and enctype (all required; -ENOENT when absent). The dump sends
 *   one message per key: every key, or only those matching the attributes given
 *   (principal and realm together, kvno, enctype). Both forms share one policy.
 *   request:
 *     KRB5AP_A_KEY_PRINCIPAL
 *     KRB5AP_A_KEY_REALM
 *     KRB5AP_A_KEY_KVNO
 *     KRB5AP_A_KEY_ENCTYPE
 *   reply:
 *     KRB5AP_A_KEY_PRINCIPAL
 *     KRB5AP_A_KEY_REALM
 *     KRB5AP_A_KEY_KVNO
 *     KRB5AP_A_KEY_ENCTYPE
 *   dump request: as the do request, all optional
 *   dump reply:
 *     KRB5AP_A_KEY_PRINCIPAL
 *     KRB5AP_A_KEY_REALM
 *     KRB5AP_A_KEY_KVNO
 *     KRB5AP_A_KEY_ENCTYPE
 *
 * KRB5AP_CMD_CONFIG_GET (do)
 *   The namespace's settings. Takes no attributes.
 *   request: no attributes
 *   reply:
 *     KRB5AP_A_CONFIG_CLOCK_SKEW
 *     KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE
 *     KRB5AP_A_CONFIG_MAX_TOKEN_SIZE
 *     KRB5AP_A_CONFIG_ENCTYPES
 *     KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES
 *
 * KRB5AP_CMD_CONFIG_SET (do)
 *   Change some of the namespace's settings; absent attributes keep their
 *   values. All given values are checked before any is applied.
 *   request:
 *     KRB5AP_A_CONFIG_CLOCK_SKEW
 *     KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE
 *     KRB5AP_A_CONFIG_MAX_TOKEN_SIZE
 *     KRB5AP_A_CONFIG_ENCTYPES
 *
 * KRB5AP_CMD_STATS_GET (do)
 *   The namespace's counters. Takes no attributes.
 *   request: no attributes
 *   reply:
 *     KRB5AP_A_STATS_ACCEPTED
 *     KRB5AP_A_STATS_REJECTED
 *     KRB5AP_A_STATS_ERROR
 *     KRB5AP_A_STATS_KEYS
 *     KRB5AP_A_STATS_PRINCIPALS
 *     KRB5AP_A_STATS_REPLAY_ENTRIES
 *
 * KRB5AP_CMD_VERIFY (do)
 *   Verify a token exactly as an in-kernel consumer would (replay cache and
 *   counters included) and reply with the result. A rejection is a reply with
 *   KRB5AP_A_VERIFY_OUTCOME rejected, not a netlink error; netlink errors mean
 *   the request itself failed (-EINVAL, -ENOMEM...).
 *   request:
 *     KRB5AP_A_VERIFY_TOKEN
 *     KRB5AP_A_VERIFY_SERVICE
 *     KRB5AP_A_VERIFY_CHANNEL_BINDINGS
 *   reply:
 *     KRB5AP_A_VERIFY_OUTCOME
 *     KRB5AP_A_VERIFY_KRB_ERROR
 *     KRB5AP_A_VERIFY_ERRNO
 *     KRB5AP_A_VERIFY_CLIENT
 *     KRB5AP_A_VERIFY_CLIENT_REALM
 *     KRB5AP_A_VERIFY_SERVER
 *     KRB5AP_A_VERIFY_SERVER_REALM
 *     KRB5AP_A_VERIFY_KVNO
 *     KRB5AP_A_VERIFY_ENCTYPE
 *     KRB5AP_A_VERIFY_SESSION_ENCTYPE
 *     KRB5AP_A_VERIFY_SUBKEY_ENCTYPE
 *     KRB5AP_A_VERIFY_AUTHTIME
 *     KRB5AP_A_VERIFY_STARTTIME
 *     KRB5AP_A_VERIFY_ENDTIME
 *     KRB5AP_A_VERIFY_RENEW_TILL
 *     KRB5AP_A_VERIFY_TICKET_FLAGS
 *     KRB5AP_A_VERIFY_GSS_FLAGS
 *     KRB5AP_A_VERIFY_SEQ
 *     KRB5AP_A_VERIFY_FRAMING
 *     KRB5AP_A_VERIFY_MUTUAL
 *     KRB5AP_A_VERIFY_AP_REP
 *
 * KRB5AP_CMD_RESULT (event to the "results" group)
 *   Event sent to the "results" group after each verification, from any
 *   consumer; rate-limited, so a listener may miss some under load (the
 *   counters do not).
 *   attributes:
 *     KRB5AP_A_VERIFY_OUTCOME
 *     KRB5AP_A_VERIFY_KRB_ERROR
 *     KRB5AP_A_VERIFY_ERRNO
 *     KRB5AP_A_VERIFY_CLIENT
 *     KRB5AP_A_VERIFY_CLIENT_REALM
 *     KRB5AP_A_VERIFY_SERVER
 *     KRB5AP_A_VERIFY_SERVER_REALM
 *     KRB5AP_A_VERIFY_ENCTYPE
 *     KRB5AP_A_VERIFY_KVNO
 *     KRB5AP_A_VERIFY_TAG
 *
 * Attributes
 * ----------
 *
 * KRB5AP_A_KEY_* (attribute set "key"): One service key, or a key selector. At
 * the top level of the key commands; nested in KRB5AP_A_KEYTAB_ENTRY through
 * key-entry.
 *   KRB5AP_A_KEY_PRINCIPAL: NUL-terminated string, at most
 *       KRB5AP_PRINCIPAL_LEN_MAX bytes
 *     Service principal name without the realm, unparsed in MIT's syntax, e.g.
 *     "cifs/fs1.example.test".
 *   KRB5AP_A_KEY_REALM: NUL-terminated string, at most KRB5AP_REALM_LEN_MAX
 *       bytes
 *     Realm of the principal, e.g. "EXAMPLE.TEST".
 *   KRB5AP_A_KEY_KVNO: u32, at least 1
 *     Key version number; never 0.
 *   KRB5AP_A_KEY_ENCTYPE: u32, 1 to KRB5AP_ENCTYPE_NUM_MAX
 *     Kerberos enctype number (17, 18, 19, 20, 25 or 26). Enctypes the module
 *     does not support are refused with -ENOPKG.
 *   KRB5AP_A_KEY_DATA: binary
 *     The key bytes; write-only. The handler requires the enctype's exact key
 *     length (16 or 32 bytes) and wipes its copy after use.
 *
 * KRB5AP_A_KEYTAB_* (attribute set "keytab"): A batch of keys applied as one
 * transaction.
 *   KRB5AP_A_KEYTAB_ENTRY: nest, repeated
 *     One key, with KRB5AP_A_KEY_PRINCIPAL, KRB5AP_A_KEY_REALM,
 *     KRB5AP_A_KEY_KVNO, KRB5AP_A_KEY_ENCTYPE and KRB5AP_A_KEY_DATA (all
 *     required). Repeated, at least once.
 *
 * KRB5AP_A_CONFIG_* (attribute set "config"): The namespace's settings. A new
 * namespace starts with the module parameters of the same names.
 *   KRB5AP_A_CONFIG_CLOCK_SKEW: u32
 *     Allowed clock skew in seconds, 0 to 86400 (default 300). The range of
 *     this and the next two attributes is checked by the handler: the 6.1
 *     kernel cannot take a u32 range beyond 32767 in a policy.
 *   KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE: u32
 *     Capacity of the replay cache in entries, 1024 to 16777216 (default
 *     1048576). When it is full, verification fails closed.
 *   KRB5AP_A_CONFIG_MAX_TOKEN_SIZE: u32
 *     Largest token accepted, in bytes, 1024 to 1048576 (default 65536). Over
 *     netlink a token also has to fit one attribute (65531 bytes).
 *   KRB5AP_A_CONFIG_ENCTYPES: u32
 *     Mask of the enctypes allowed (bit n for enctype n). Must be a non-empty
 *     subset of KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES.
 *   KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES: u32
 *     Mask of the enctypes the module supports; read-only.
 *
 * KRB5AP_A_STATS_* (attribute set "stats"): Counters of the namespace since it
 * was created.
 *   KRB5AP_A_STATS_ACCEPTED: u64
 *     Tokens accepted.
 *   KRB5AP_A_STATS_REJECTED: u64
 *     Tokens rejected, whatever the reason.
 *   KRB5AP_A_STATS_ERROR: nest, repeated
 *     One per Kerberos error code seen at least once, in increasing code order.
 *   KRB5AP_A_STATS_KEYS: u32
 *     Keys in the key table.
 *   KRB5AP_A_STATS_PRINCIPALS: u32
 *     Principals in the key table.
 *   KRB5AP_A_STATS_REPLAY_ENTRIES: u32
 *     Live entries in the replay cache.
 *
 * KRB5AP_A_STATS_ERROR_* (attribute set "stats-error"): The counter of one
 * Kerberos error code.
 *   KRB5AP_A_STATS_ERROR_CODE: u32
 *     Kerberos error code (RFC 4120 section 7.5.9, or MIT's number where RFC
 *     4120 has none). Code 255 also counts every code above it.
 *   KRB5AP_A_STATS_ERROR_COUNT: u64
 *     Rejections with that code.
 *
 * KRB5AP_A_VERIFY_* (attribute set "verify"): A verification: the request
 * (token, acceptor name, channel bindings) and its result. The result never
 * holds keys.
 *   KRB5AP_A_VERIFY_TOKEN: binary
 *     The AP-REQ, raw or GSS-API framed; required. At most the namespace's
 *     max-token-size bytes.
 *   KRB5AP_A_VERIFY_SERVICE: NUL-terminated string, at most
 *       KRB5AP_SERVICE_LEN_MAX bytes
 *     The acceptor: a service principal with its realm, unparsed
 *     ("cifs/fs1.example.test@EXAMPLE.TEST"); only its keys are tried. Absent:
 *     any principal in the key table may accept (like GSS_C_NO_NAME).
 *   KRB5AP_A_VERIFY_CHANNEL_BINDINGS: binary
 *     Channel bindings application data (e.g. "tls-server-end-point:" and a
 *     certificate hash). When present, a GSS token's checksum must bind exactly
 *     these channel bindings.
 *   KRB5AP_A_VERIFY_OUTCOME: u32, enum krb5ap_outcome
 *     Accepted or rejected; always present in a result.
 *   KRB5AP_A_VERIFY_KRB_ERROR: u32
 *     Kerberos error code of a rejection (e.g. 31, KRB_AP_ERR_BAD_INTEGRITY); 0
 *     when accepted.
 *   KRB5AP_A_VERIFY_ERRNO: u32
 *     The positive errno of a rejection (e.g. EBADMSG); 0 when accepted.
 *   KRB5AP_A_VERIFY_CLIENT: NUL-terminated string
 *     Client principal name without the realm.
 *   KRB5AP_A_VERIFY_CLIENT_REALM: NUL-terminated string
 *     Client realm.
 *   KRB5AP_A_VERIFY_SERVER: NUL-terminated string
 *     The service principal whose key decrypted the ticket (never the ticket's
 *     unencrypted sname), without the realm.
 *   KRB5AP_A_VERIFY_SERVER_REALM: NUL-terminated string
 *     Realm of that service principal.
 *   KRB5AP_A_VERIFY_KVNO: u32
 *     Version number of that service key.
 *   KRB5AP_A_VERIFY_ENCTYPE: u32
 *     Enctype of the ticket (and of the service key).
 *   KRB5AP_A_VERIFY_SESSION_ENCTYPE: u32
 *     Enctype of the session key.
 *   KRB5AP_A_VERIFY_SUBKEY_ENCTYPE: u32
 *     Enctype of the authenticator's subkey; absent without one.
 *   KRB5AP_A_VERIFY_AUTHTIME: s64
 *     Ticket authtime, seconds since the epoch.
 *   KRB5AP_A_VERIFY_STARTTIME: s64
 *     Ticket starttime; absent when the ticket has none.
 *   KRB5AP_A_VERIFY_ENDTIME: s64
 *     Ticket endtime.
 *   KRB5AP_A_VERIFY_RENEW_TILL: s64
 *     Ticket renew-till; absent when the ticket has none.
 *   KRB5AP_A_VERIFY_TICKET_FLAGS: u32
 *     Ticket flags in MIT's layout: RFC 4120 flag bit n is 1 << (31 - n)
 *     (forwardable 0x40000000, initial 0x00400000, ...).
 *   KRB5AP_A_VERIFY_GSS_FLAGS: u32
 *     GSS flags of the RFC 4121 authenticator checksum (GSS_C_MUTUAL_FLAG 2,
 *     ...); absent for raw tokens.
 *   KRB5AP_A_VERIFY_SEQ: u32
 *     The authenticator's sequence number; absent without one.
 *   KRB5AP_A_VERIFY_FRAMING: u32, enum krb5ap_token_framing
 *     Framing of the token, and of the AP-REP.
 *   KRB5AP_A_VERIFY_MUTUAL: flag
 *     The client asked for mutual authentication.
 *   KRB5AP_A_VERIFY_AP_REP: binary
 *     The AP-REP to send back to the client, in the token's framing; present
 *     when mutual authentication was asked for.
 *   KRB5AP_A_VERIFY_TAG: NUL-terminated string
 *     Who asked for the verification: the consumer module's name, or "netlink"
 *     for KRB5AP_CMD_VERIFY.
 */

#define KRB5AP_FAMILY_NAME	"krb5ap"
#define KRB5AP_FAMILY_VERSION	1

#define KRB5AP_PRINCIPAL_LEN_MAX	255
#define KRB5AP_REALM_LEN_MAX		255
#define KRB5AP_SERVICE_LEN_MAX		511
#define KRB5AP_KEY_LEN_MAX		32
#define KRB5AP_ENCTYPE_NUM_MAX		31

/**
 * enum krb5ap_outcome - Outcome of one verification.
 * @KRB5AP_OUTCOME_ACCEPTED: the token was verified; the identity fields are
 *   valid.
 * @KRB5AP_OUTCOME_REJECTED: the token was refused; the Kerberos error code and
 *   the errno say why.
 */
enum krb5ap_outcome {
	KRB5AP_OUTCOME_ACCEPTED = 1,
	KRB5AP_OUTCOME_REJECTED,
};

/**
 * enum krb5ap_token_framing - How the AP-REQ was framed (the AP-REP is framed
 *   the same way).
 * @KRB5AP_TOKEN_FRAMING_RAW: a bare RFC 4120 KRB_AP_REQ.
 * @KRB5AP_TOKEN_FRAMING_GSS: an RFC 4121 GSS-API InitialContextToken (TOK_ID
 *   01 00) with the Kerberos 5 mechanism OID 1.2.840.113554.1.2.2.
 * @KRB5AP_TOKEN_FRAMING_GSS_MS: the same with Microsoft's OID
 *   1.2.840.48018.1.2.2.
 */
enum krb5ap_token_framing {
	KRB5AP_TOKEN_FRAMING_RAW = 1,
	KRB5AP_TOKEN_FRAMING_GSS,
	KRB5AP_TOKEN_FRAMING_GSS_MS,
};

enum {
	KRB5AP_A_KEY_PAD = 1,
	KRB5AP_A_KEY_PRINCIPAL,
	KRB5AP_A_KEY_REALM,
	KRB5AP_A_KEY_KVNO,
	KRB5AP_A_KEY_ENCTYPE,
	KRB5AP_A_KEY_DATA,

	__KRB5AP_A_KEY_MAX,
	KRB5AP_A_KEY_MAX = (__KRB5AP_A_KEY_MAX - 1)
};

enum {
	KRB5AP_A_KEYTAB_ENTRY = 1,

	__KRB5AP_A_KEYTAB_MAX,
	KRB5AP_A_KEYTAB_MAX = (__KRB5AP_A_KEYTAB_MAX - 1)
};

enum {
	KRB5AP_A_CONFIG_PAD = 1,
	KRB5AP_A_CONFIG_CLOCK_SKEW,
	KRB5AP_A_CONFIG_REPLAY_CACHE_SIZE,
	KRB5AP_A_CONFIG_MAX_TOKEN_SIZE,
	KRB5AP_A_CONFIG_ENCTYPES,
	KRB5AP_A_CONFIG_SUPPORTED_ENCTYPES,

	__KRB5AP_A_CONFIG_MAX,
	KRB5AP_A_CONFIG_MAX = (__KRB5AP_A_CONFIG_MAX - 1)
};

enum {
	KRB5AP_A_STATS_PAD = 1,
	KRB5AP_A_STATS_ACCEPTED,
	KRB5AP_A_STATS_REJECTED,
	KRB5AP_A_STATS_ERROR,
	KRB5AP_A_STATS_KEYS,
	KRB5AP_A_STATS_PRINCIPALS,
	KRB5AP_A_STATS_REPLAY_ENTRIES,

	__KRB5AP_A_STATS_MAX,
	KRB5AP_A_STATS_MAX = (__KRB5AP_A_STATS_MAX - 1)
};

enum {
	KRB5AP_A_STATS_ERROR_PAD = 1,
	KRB5AP_A_STATS_ERROR_CODE,
	KRB5AP_A_STATS_ERROR_COUNT,

	__KRB5AP_A_STATS_ERROR_MAX,
	KRB5AP_A_STATS_ERROR_MAX = (__KRB5AP_A_STATS_ERROR_MAX - 1)
};

enum {
	KRB5AP_A_VERIFY_PAD = 1,
	KRB5AP_A_VERIFY_TOKEN,
	KRB5AP_A_VERIFY_SERVICE,
	KRB5AP_A_VERIFY_CHANNEL_BINDINGS,
	KRB5AP_A_VERIFY_OUTCOME,
	KRB5AP_A_VERIFY_KRB_ERROR,
	KRB5AP_A_VERIFY_ERRNO,
	KRB5AP_A_VERIFY_CLIENT,
	KRB5AP_A_VERIFY_CLIENT_REALM,
	KRB5AP_A_VERIFY_SERVER,
	KRB5AP_A_VERIFY_SERVER_REALM,
	KRB5AP_A_VERIFY_KVNO,
	KRB5AP_A_VERIFY_ENCTYPE,
	KRB5AP_A_VERIFY_SESSION_ENCTYPE,
	KRB5AP_A_VERIFY_SUBKEY_ENCTYPE,
	KRB5AP_A_VERIFY_AUTHTIME,
	KRB5AP_A_VERIFY_STARTTIME,
	KRB5AP_A_VERIFY_ENDTIME,
	KRB5AP_A_VERIFY_RENEW_TILL,
	KRB5AP_A_VERIFY_TICKET_FLAGS,
	KRB5AP_A_VERIFY_GSS_FLAGS,
	KRB5AP_A_VERIFY_SEQ,
	KRB5AP_A_VERIFY_FRAMING,
	KRB5AP_A_VERIFY_MUTUAL,
	KRB5AP_A_VERIFY_AP_REP,
	KRB5AP_A_VERIFY_TAG,

	__KRB5AP_A_VERIFY_MAX,
	KRB5AP_A_VERIFY_MAX = (__KRB5AP_A_VERIFY_MAX - 1)
};

enum {
	KRB5AP_CMD_KEY_ADD = 1,
	KRB5AP_CMD_KEY_DEL,
	KRB5AP_CMD_KEY_FLUSH,
	KRB5AP_CMD_KEY_REPLACE_SET,
	KRB5AP_CMD_KEY_GET,
	KRB5AP_CMD_CONFIG_GET,
	KRB5AP_CMD_CONFIG_SET,
	KRB5AP_CMD_STATS_GET,
	KRB5AP_CMD_VERIFY,
	KRB5AP_CMD_RESULT,

	__KRB5AP_CMD_MAX,
	KRB5AP_CMD_MAX = (__KRB5AP_CMD_MAX - 1)
};

#define KRB5AP_MCGRP_RESULTS	"results"

#endif /* _UAPI_LINUX_KRB5AP_H */
