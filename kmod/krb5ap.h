/* SPDX-License-Identifier: GPL-2.0 */
/*
 * krb5ap: the API for in-kernel consumers (SMB, NFS, ... servers) that
 * accept Kerberos 5 AP-REQ messages.  See Documentation/api.rst.
 *
 *	u32 krb_error;
 *	struct krb5ap_verify_args args = {
 *		.service = "cifs/srv.example.test@EXAMPLE.TEST",
 *		.krb_error = &krb_error,
 *	};
 *	struct krb5ap_result *res;
 *	int ret;
 *
 *	ret = krb5ap_verify(net, token, len, &args, &res);
 *	if (ret)
 *		return ret;		(res is NULL, krb_error says why)
 *	... res->client, res->session_key, res->ap_rep ...
 *	krb5ap_result_free(res);
 */
#ifndef _KRB5AP_H
#define _KRB5AP_H

#include <linux/time64.h>
#include <linux/types.h>

struct net;
struct sockaddr;

/*
 * Kerberos error codes reported by krb5ap_verify(): RFC 4120 section
 * 7.5.9's numbers, and MIT krb5's (its code minus ERROR_TABLE_BASE_krb5)
 * where RFC 4120 has none.
 */
#define KRB5AP_ERR_NONE			0
#define KRB5AP_KDC_ERR_ETYPE_NOSUPP	14
#define KRB5AP_AP_ERR_BAD_INTEGRITY	31
#define KRB5AP_AP_ERR_TKT_EXPIRED	32
#define KRB5AP_AP_ERR_TKT_NYV		33
#define KRB5AP_AP_ERR_REPEAT		34
#define KRB5AP_AP_ERR_NOT_US		35
#define KRB5AP_AP_ERR_BADMATCH		36
#define KRB5AP_AP_ERR_SKEW		37
#define KRB5AP_AP_ERR_BADADDR		38
#define KRB5AP_AP_ERR_BADVERSION	39
#define KRB5AP_AP_ERR_MSG_TYPE		40
#define KRB5AP_AP_ERR_MODIFIED		41
#define KRB5AP_AP_ERR_ILL_CR_TKT	43	/* MIT */
#define KRB5AP_AP_ERR_BADKEYVER		44
#define KRB5AP_AP_ERR_NOKEY		45
#define KRB5AP_AP_ERR_INAPP_CKSUM	50
#define KRB5AP_ERR_GENERIC		60
#define KRB5AP_ERR_FIELD_TOOLONG	61
#define KRB5AP_AP_ERR_TKT_INVALID	145	/* MIT */
#define KRB5AP_ERR_BAD_ENCTYPE		188	/* MIT KRB5_BAD_ENCTYPE */
#define KRB5AP_ERR_BAD_KEYSIZE		189	/* MIT KRB5_BAD_KEYSIZE */

/* Flags of struct krb5ap_verify_args: none defined yet, must be 0. */
#define KRB5AP_VERIFY_FLAGS_ALL		0U

/* Longest key any supported enctype has (AES-256, Camellia-256). */
#define KRB5AP_KEY_MAX			32

/**
 * struct krb5ap_verify_args - how to verify one token
 * @service: the acceptor's principal, MIT-unparsed with its realm
 *	("cifs/srv.example.test@EXAMPLE.TEST"); only that principal's keys
 *	are tried.  NULL: any principal in the namespace's key table
 *	(GSS_C_NO_NAME), see Documentation/api.rst.
 * @channel_bindings: the application data of the channel bindings
 *	(e.g. "tls-server-end-point:" and the hash), NULL for none; checked
 *	against a GSS token's 0x8003 checksum
 * @channel_bindings_len: its length
 * @client_addr: the peer's address (AF_INET or AF_INET6), NULL for none;
 *	when given, a ticket that lists addresses must list it
 * @now: verification time in seconds since the epoch; 0 for the current
 *	time (tests inject a time); outside years 0000-9999: -EINVAL
 * @flags: must be 0 (KRB5AP_VERIFY_FLAGS_ALL); -EINVAL otherwise
 * @krb_error: optional out: set to 0 on acceptance and to the Kerberos
 *	error code (KRB5AP_*ERR_*) on every failure
 * @tag: who is asking (e.g. the consumer module's name), reported in the
 *	"results" netlink events; NULL reports "kernel"
 *
 * A NULL args pointer means all of the above zero.
 */
struct krb5ap_verify_args {
	const char *service;
	const u8 *channel_bindings;
	size_t channel_bindings_len;
	const struct sockaddr *client_addr;
	time64_t now;
	u32 flags;
	u32 *krb_error;
	const char *tag;
};

/**
 * struct krb5ap_keyblock - a key for the consumer (kernel memory only)
 * @enctype: its enctype number
 * @len: its length in bytes
 * @contents: the key bytes
 */
struct krb5ap_keyblock {
	u32 enctype;
	u32 len;
	u8 contents[KRB5AP_KEY_MAX];
};

/**
 * enum krb5ap_framing - how the AP-REQ (and so the AP-REP) was framed
 * @KRB5AP_FRAMING_RAW: a bare AP-REQ
 * @KRB5AP_FRAMING_GSS: GSS-API, mech OID 1.2.840.113554.1.2.2
 * @KRB5AP_FRAMING_GSS_MS: GSS-API, Microsoft's OID 1.2.840.48018.1.2.2
 */
enum krb5ap_framing {
	KRB5AP_FRAMING_RAW,
	KRB5AP_FRAMING_GSS,
	KRB5AP_FRAMING_GSS_MS,
};

/**
 * struct krb5ap_result - an accepted AP-REQ
 * @client: the client principal with its realm ("alice@EXAMPLE.TEST")
 * @client_name: the client principal without the realm ("alice")
 * @client_realm: the client's realm
 * @server: the principal whose key decrypted the ticket, with its realm;
 *	never the ticket's unencrypted sname (CVE-2017-11103)
 * @server_name: that principal without the realm
 * @server_realm: its realm
 * @kvno: key version number of the key that decrypted the ticket
 * @ticket_enctype: enctype of the ticket (and of that key)
 * @authtime: ticket authtime
 * @starttime: ticket starttime, 0 when the ticket has none
 * @endtime: ticket endtime
 * @renew_till: ticket renew-till, 0 when the ticket has none
 * @ticket_flags: TicketFlags (bit n of the ASN.1 BIT STRING is
 *	0x80000000 >> n, as MIT's krb5_flags)
 * @ap_options: APOptions, same representation
 * @framing: raw or GSS-API (and which OID)
 * @gss_cksum: a GSS token carried the 0x8003 authenticator checksum
 * @gss_flags: its flags (GSS_C_*_FLAG values); 0 without it
 * @cb_bound: the initiator's channel bindings matched
 *	@krb5ap_verify_args.channel_bindings (false when either side had none)
 * @delegated: the 0x8003 checksum carried a delegated credential (not
 *	decrypted by krb5ap)
 * @ctime: authenticator ctime
 * @cusec: authenticator cusec
 * @session_key: the ticket's session key
 * @has_subkey: the authenticator carried a subkey
 * @subkey: the initiator's subkey, when @has_subkey
 * @has_seq_number: the authenticator carried a sequence number
 * @seq_number: the initiator's initial sequence number
 * @authdata: the ticket's AuthorizationData, DER (SEQUENCE OF), copied;
 *	NULL when the ticket has none
 * @authdata_len: its length
 * @mutual: the initiator asked for mutual authentication
 * @ap_rep: when @mutual, the AP-REP to send back, in the request's
 *	framing (GSS TOK_ID 02 00); NULL otherwise
 * @ap_rep_len: its length
 * @ap_rep_seq_number: the acceptor's initial sequence number, sent in
 *	the AP-REP
 *
 * Everything lives in one allocation owned by the result; it does not
 * point into the token.  Free it with krb5ap_result_free(), which wipes
 * the keys.  Keys never leave the kernel except through the consumer.
 */
struct krb5ap_result {
	const char *client;
	const char *client_name;
	const char *client_realm;
	const char *server;
	const char *server_name;
	const char *server_realm;
	u32 kvno;
	u32 ticket_enctype;
	time64_t authtime;
	time64_t starttime;
	time64_t endtime;
	time64_t renew_till;
	u32 ticket_flags;
	u32 ap_options;
	enum krb5ap_framing framing;
	bool gss_cksum;
	u32 gss_flags;
	bool cb_bound;
	bool delegated;
	time64_t ctime;
	u32 cusec;
	struct krb5ap_keyblock session_key;
	bool has_subkey;
	struct krb5ap_keyblock subkey;
	bool has_seq_number;
	u32 seq_number;
	const u8 *authdata;
	size_t authdata_len;
	bool mutual;
	const u8 *ap_rep;
	size_t ap_rep_len;
	u32 ap_rep_seq_number;
};

int krb5ap_verify(struct net *net, const void *token, size_t len,
		  const struct krb5ap_verify_args *args,
		  struct krb5ap_result **res);
void krb5ap_result_free(struct krb5ap_result *res);

#if IS_ENABLED(CONFIG_KUNIT)
/* Internal, for krb5ap's own KUnit tests only: not part of the API. */
struct krb5ap_net;
struct krb5ap_enc_ap_rep_part;
int krb5ap_verify_kn(struct krb5ap_net *kn, const void *token, size_t len,
		     const struct krb5ap_verify_args *args,
		     struct krb5ap_result **res);
int krb5ap_verify_test_locate(const u8 *tok, size_t len, size_t *tkt_off,
			      size_t *tkt_len, size_t *auth_off,
			      size_t *auth_len);
int krb5ap_verify_test_open_ap_rep(const u8 *tok, size_t len, u32 etype,
				   const u8 *key, unsigned int key_len,
				   u8 *buf, struct krb5ap_enc_ap_rep_part *part);
#endif

#endif /* _KRB5AP_H */
