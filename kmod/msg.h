/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RFC 4120 section 5 messages: decoders for AP-REQ, Ticket, EncTicketPart,
 * Authenticator, AP-REP and EncAPRepPart, and encoders for AP-REP and
 * EncAPRepPart.  Decoded structures point into the input buffer: the
 * buffer must outlive them.  Nothing is allocated.
 *
 * Errors are those of der.h, plus:
 *   -EPROTO     pvno, tkt-vno or authenticator-vno is not 5
 *               (KRB_AP_ERR_BADVERSION)
 *   -ENOMSG     another message type: another APPLICATION tag at the top,
 *               or a msg-type field that does not match (KRB_AP_ERR_MSG_TYPE)
 *   -EMSGSIZE   more name components, addresses or authorization-data
 *               entries than the limits below
 */
#ifndef _KRB5AP_MSG_H
#define _KRB5AP_MSG_H

#include "shim.h"
#include "der.h"

#define KRB5AP_PVNO			5
#define KRB5AP_MSG_AP_REQ		14
#define KRB5AP_MSG_AP_REP		15

/* APPLICATION tag numbers (RFC 4120 section 5.10). */
#define KRB5AP_APP_TICKET		1
#define KRB5AP_APP_AUTHENTICATOR	2
#define KRB5AP_APP_ENC_TICKET_PART	3
#define KRB5AP_APP_AP_REQ		14
#define KRB5AP_APP_AP_REP		15
#define KRB5AP_APP_ENC_AP_REP_PART	27

/* Limits on SEQUENCE OF counts. */
#define KRB5AP_NAME_MAX_COMPONENTS	10
#define KRB5AP_ADDR_MAX			16
#define KRB5AP_AUTHDATA_MAX		64

/* APOptions (RFC 4120 section 5.5.1), as MIT's krb5_flags. */
#define KRB5AP_AP_OPT_USE_SESSION_KEY	0x40000000
#define KRB5AP_AP_OPT_MUTUAL_REQUIRED	0x20000000

/* TicketFlags (RFC 4120 section 5.3), as MIT's krb5_flags. */
#define KRB5AP_TKT_FLG_FORWARDABLE	0x40000000
#define KRB5AP_TKT_FLG_FORWARDED	0x20000000
#define KRB5AP_TKT_FLG_PROXIABLE	0x10000000
#define KRB5AP_TKT_FLG_PROXY		0x08000000
#define KRB5AP_TKT_FLG_MAY_POSTDATE	0x04000000
#define KRB5AP_TKT_FLG_POSTDATED	0x02000000
#define KRB5AP_TKT_FLG_INVALID		0x01000000
#define KRB5AP_TKT_FLG_RENEWABLE	0x00800000
#define KRB5AP_TKT_FLG_INITIAL		0x00400000
#define KRB5AP_TKT_FLG_PRE_AUTH		0x00200000
#define KRB5AP_TKT_FLG_HW_AUTH		0x00100000
#define KRB5AP_TKT_FLG_TRANSIT_POLICY_CHECKED	0x00080000
#define KRB5AP_TKT_FLG_OK_AS_DELEGATE	0x00040000

/**
 * struct krb5ap_principal_name - PrincipalName
 * @name_type: name-type
 * @ncomp: number of components, 1 to KRB5AP_NAME_MAX_COMPONENTS
 * @comp: name-string components, inside the input, not NUL-terminated
 */
struct krb5ap_principal_name {
	s32 name_type;
	unsigned int ncomp;
	struct krb5ap_buf comp[KRB5AP_NAME_MAX_COMPONENTS];
};

/**
 * struct krb5ap_encrypted_data - EncryptedData
 * @etype: etype
 * @has_kvno: whether kvno was present
 * @kvno: kvno, 0 when absent
 * @cipher: the ciphertext, inside the input
 */
struct krb5ap_encrypted_data {
	s32 etype;
	bool has_kvno;
	u32 kvno;
	struct krb5ap_buf cipher;
};

/**
 * struct krb5ap_ticket - Ticket ([APPLICATION 1])
 * @realm: realm of the service (unauthenticated: never an identity)
 * @sname: service name (unauthenticated: never an identity)
 * @enc_part: the encrypted EncTicketPart
 * @raw: the whole Ticket element, inside the input
 */
struct krb5ap_ticket {
	struct krb5ap_buf realm;
	struct krb5ap_principal_name sname;
	struct krb5ap_encrypted_data enc_part;
	struct krb5ap_buf raw;
};

/**
 * struct krb5ap_ap_req - AP-REQ ([APPLICATION 14])
 * @ap_options: APOptions, KRB5AP_AP_OPT_*
 * @ticket: the ticket
 * @authenticator: the encrypted Authenticator
 */
struct krb5ap_ap_req {
	u32 ap_options;
	struct krb5ap_ticket ticket;
	struct krb5ap_encrypted_data authenticator;
};

/**
 * struct krb5ap_encryption_key - EncryptionKey
 * @keytype: keytype (an enctype number)
 * @keyvalue: the key bytes, inside the (decrypted) input
 */
struct krb5ap_encryption_key {
	s32 keytype;
	struct krb5ap_buf keyvalue;
};

/**
 * struct krb5ap_checksum - Checksum
 * @cksumtype: cksumtype (0x8003 for the GSS-API checksum)
 * @checksum: its bytes, inside the input
 */
struct krb5ap_checksum {
	s32 cksumtype;
	struct krb5ap_buf checksum;
};

/**
 * struct krb5ap_transited - TransitedEncoding
 * @tr_type: tr-type (1: DOMAIN-X500-COMPRESS)
 * @contents: contents, inside the input
 */
struct krb5ap_transited {
	s32 tr_type;
	struct krb5ap_buf contents;
};

/**
 * struct krb5ap_host_address - one HostAddress
 * @addr_type: addr-type
 * @address: address bytes, inside the input
 */
struct krb5ap_host_address {
	s32 addr_type;
	struct krb5ap_buf address;
};

/**
 * struct krb5ap_authdata_entry - one AuthorizationData entry
 * @ad_type: ad-type
 * @ad_data: ad-data, inside the input
 */
struct krb5ap_authdata_entry {
	s32 ad_type;
	struct krb5ap_buf ad_data;
};

/**
 * struct krb5ap_seq_of - a validated SEQUENCE OF, walked with an iterator
 * @raw: contents of the SEQUENCE OF, inside the input
 * @count: number of entries (already bounded and checked)
 *
 * HostAddresses and AuthorizationData are kept like this rather than as
 * arrays, so that the decoded structures stay small enough for the stack.
 * Every entry was fully checked when the message was decoded.
 */
struct krb5ap_seq_of {
	struct krb5ap_buf raw;
	unsigned int count;
};

/**
 * struct krb5ap_enc_ticket_part - EncTicketPart ([APPLICATION 3])
 * @flags: TicketFlags, KRB5AP_TKT_FLG_*
 * @key: the session key
 * @crealm: client realm
 * @cname: client name
 * @transited: transited realms
 * @authtime: authtime
 * @has_starttime: whether starttime was present
 * @starttime: starttime (authtime when absent, RFC 4120 section 5.3)
 * @endtime: endtime
 * @has_renew_till: whether renew-till was present
 * @renew_till: renew-till, 0 when absent
 * @has_caddr: whether caddr was present
 * @caddr: client addresses (krb5ap_addr_next())
 * @has_authdata: whether authorization-data was present
 * @authdata: authorization data (krb5ap_authdata_next())
 */
struct krb5ap_enc_ticket_part {
	u32 flags;
	struct krb5ap_encryption_key key;
	struct krb5ap_buf crealm;
	struct krb5ap_principal_name cname;
	struct krb5ap_transited transited;
	time64_t authtime;
	bool has_starttime;
	time64_t starttime;
	time64_t endtime;
	bool has_renew_till;
	time64_t renew_till;
	bool has_caddr;
	struct krb5ap_seq_of caddr;
	bool has_authdata;
	struct krb5ap_seq_of authdata;
};

/**
 * struct krb5ap_authenticator - Authenticator ([APPLICATION 2])
 * @crealm: client realm
 * @cname: client name
 * @has_cksum: whether cksum was present
 * @cksum: the checksum (GSS-API: type 0x8003, see gss.h)
 * @cusec: microseconds, 0 to 999999
 * @ctime: client time
 * @has_subkey: whether subkey was present
 * @subkey: the initiator's subkey
 * @has_seq_number: whether seq-number was present
 * @seq_number: seq-number (negative encodings accepted, as MIT does)
 * @has_authdata: whether authorization-data was present
 * @authdata: authorization data (krb5ap_authdata_next())
 */
struct krb5ap_authenticator {
	struct krb5ap_buf crealm;
	struct krb5ap_principal_name cname;
	bool has_cksum;
	struct krb5ap_checksum cksum;
	u32 cusec;
	time64_t ctime;
	bool has_subkey;
	struct krb5ap_encryption_key subkey;
	bool has_seq_number;
	u32 seq_number;
	bool has_authdata;
	struct krb5ap_seq_of authdata;
};

/**
 * struct krb5ap_enc_ap_rep_part - EncAPRepPart ([APPLICATION 27])
 * @ctime: ctime of the authenticator being answered
 * @cusec: cusec of the authenticator being answered
 * @has_subkey: whether to send (or a decoded reply had) a subkey
 * @subkey: the acceptor's subkey
 * @has_seq_number: whether to send (or a decoded reply had) a seq-number
 * @seq_number: the acceptor's initial sequence number
 */
struct krb5ap_enc_ap_rep_part {
	time64_t ctime;
	u32 cusec;
	bool has_subkey;
	struct krb5ap_encryption_key subkey;
	bool has_seq_number;
	u32 seq_number;
};

/**
 * struct krb5ap_ap_rep - AP-REP ([APPLICATION 15])
 * @enc_part: the encrypted EncAPRepPart
 */
struct krb5ap_ap_rep {
	struct krb5ap_encrypted_data enc_part;
};

int krb5ap_decode_ap_req(const u8 *buf, size_t len, struct krb5ap_ap_req *req);
int krb5ap_decode_ticket(const u8 *buf, size_t len, struct krb5ap_ticket *tkt);
int krb5ap_decode_enc_ticket_part(const u8 *buf, size_t len,
				  struct krb5ap_enc_ticket_part *part);
int krb5ap_decode_authenticator(const u8 *buf, size_t len,
				struct krb5ap_authenticator *auth);
int krb5ap_decode_ap_rep(const u8 *buf, size_t len, struct krb5ap_ap_rep *rep);
int krb5ap_decode_enc_ap_rep_part(const u8 *buf, size_t len,
				  struct krb5ap_enc_ap_rep_part *part);

int krb5ap_addr_next(struct krb5ap_der *it, struct krb5ap_host_address *addr);
int krb5ap_authdata_next(struct krb5ap_der *it,
			 struct krb5ap_authdata_entry *ad);

bool krb5ap_principal_name_eq(const struct krb5ap_principal_name *a,
			      const struct krb5ap_principal_name *b);
bool krb5ap_buf_eq(const struct krb5ap_buf *a, const struct krb5ap_buf *b);

int krb5ap_encode_enc_ap_rep_part(const struct krb5ap_enc_ap_rep_part *part,
				  u8 *buf, size_t size, size_t *len);
int krb5ap_encode_ap_rep(const struct krb5ap_encrypted_data *enc_part,
			 u8 *buf, size_t size, size_t *len);

/**
 * krb5ap_seq_of_iter() - start walking a decoded SEQUENCE OF
 * @s: the SEQUENCE OF
 * @it: iterator for krb5ap_addr_next() or krb5ap_authdata_next()
 */
static inline void krb5ap_seq_of_iter(const struct krb5ap_seq_of *s,
				      struct krb5ap_der *it)
{
	krb5ap_der_init(it, s->raw.data, s->raw.len);
}

#endif /* _KRB5AP_MSG_H */
