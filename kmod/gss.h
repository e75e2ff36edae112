/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GSS-API krb5 mechanism framing (RFC 1964 section 1.1, RFC 4121 section
 * 4.1, RFC 2743 section 3.1) and the 0x8003 authenticator checksum (RFC
 * 4121 section 4.1.1).
 *
 * Errors: -EBADMSG for bad framing or a malformed checksum, -ENODATA for a
 * truncated token, -ENOTEMPTY for bytes after the framing,
 * -EPROTONOSUPPORT for a mechanism OID other than krb5's,
 * -ENOMSG for an unexpected TOK_ID, -EACCES for channel bindings that do
 * not match, -ENOSPC when an output buffer is too small.
 */
#ifndef _KRB5AP_GSS_H
#define _KRB5AP_GSS_H

#include "shim.h"
#include "der.h"

/* TOK_ID values, as a big-endian 16-bit number ("01 00" is 0x0100). */
#define KRB5AP_GSS_TOK_AP_REQ		0x0100
#define KRB5AP_GSS_TOK_AP_REP		0x0200
#define KRB5AP_GSS_TOK_ERROR		0x0300

/* The authenticator checksum type carrying GSS-API data. */
#define KRB5AP_GSS_CKSUMTYPE		0x8003
#define KRB5AP_GSS_BND_LEN		16
#define KRB5AP_GSS_CKSUM_MIN		(4 + KRB5AP_GSS_BND_LEN + 4)
/* DlgOpt value for a KRB-CRED (RFC 4121 section 4.1.1). */
#define KRB5AP_GSS_DLGOPT_KRB_CRED	1

/* GSS-API context flags (RFC 2744 values, RFC 4121 section 4.1.1.1). */
#define KRB5AP_GSS_C_DELEG_FLAG		0x0001
#define KRB5AP_GSS_C_MUTUAL_FLAG	0x0002
#define KRB5AP_GSS_C_REPLAY_FLAG	0x0004
#define KRB5AP_GSS_C_SEQUENCE_FLAG	0x0008
#define KRB5AP_GSS_C_CONF_FLAG		0x0010
#define KRB5AP_GSS_C_INTEG_FLAG		0x0020
#define KRB5AP_GSS_C_ANON_FLAG		0x0040
#define KRB5AP_GSS_C_DCE_STYLE		0x1000
#define KRB5AP_GSS_C_IDENTIFY_FLAG	0x2000
#define KRB5AP_GSS_C_EXTENDED_ERROR_FLAG 0x4000

/**
 * enum krb5ap_gss_mech - how a token was framed
 * @KRB5AP_GSS_RAW: no GSS-API framing (a bare AP-REQ)
 * @KRB5AP_GSS_KRB5: mech OID 1.2.840.113554.1.2.2
 * @KRB5AP_GSS_MS_KRB5: Microsoft's mech OID 1.2.840.48018.1.2.2
 */
enum krb5ap_gss_mech {
	KRB5AP_GSS_RAW,
	KRB5AP_GSS_KRB5,
	KRB5AP_GSS_MS_KRB5,
};

/**
 * struct krb5ap_gss_frame - an unwrapped token
 * @mech: the framing found (the reply must use the same)
 * @tok_id: TOK_ID, KRB5AP_GSS_TOK_*; 0 for a raw token
 * @inner: the Kerberos message, inside the input
 */
struct krb5ap_gss_frame {
	enum krb5ap_gss_mech mech;
	u16 tok_id;
	struct krb5ap_buf inner;
};

/**
 * struct krb5ap_gss_cksum - the 0x8003 authenticator checksum
 * @bnd: Bnd, the MD5 of the initiator's channel bindings (zeros for none)
 * @flags: the token's flags, KRB5AP_GSS_C_*, as sent
 * @has_deleg: whether a delegated credential (DlgOpt 1) was present
 * @deleg: the KRB-CRED, inside the input
 * @exts: the extensions (4-byte big-endian type and length each), already
 *        checked to be well-formed; krb5ap_gss_ext_next() walks them
 */
struct krb5ap_gss_cksum {
	u8 bnd[KRB5AP_GSS_BND_LEN];
	u32 flags;
	bool has_deleg;
	struct krb5ap_buf deleg;
	struct krb5ap_buf exts;
};

/**
 * struct krb5ap_gss_channel_bindings - gss_channel_bindings_struct
 * @initiator_addrtype: initiator address type
 * @initiator_address: initiator address
 * @acceptor_addrtype: acceptor address type
 * @acceptor_address: acceptor address
 * @application_data: application data (e.g. "tls-server-end-point:...")
 */
struct krb5ap_gss_channel_bindings {
	u32 initiator_addrtype;
	struct krb5ap_buf initiator_address;
	u32 acceptor_addrtype;
	struct krb5ap_buf acceptor_address;
	struct krb5ap_buf application_data;
};

int krb5ap_gss_unwrap(const u8 *tok, size_t len, struct krb5ap_gss_frame *f);
int krb5ap_gss_unwrap_ap_req(const u8 *tok, size_t len,
			     struct krb5ap_gss_frame *f);
int krb5ap_gss_wrap(enum krb5ap_gss_mech mech, u16 tok_id, const u8 *inner,
		    size_t inner_len, u8 *buf, size_t size, size_t *len);

int krb5ap_gss_parse_cksum(const u8 *data, size_t len,
			   struct krb5ap_gss_cksum *ck);
int krb5ap_gss_ext_next(struct krb5ap_buf *it, u32 *type,
			struct krb5ap_buf *val);

int krb5ap_gss_cb_hash(const struct krb5ap_gss_channel_bindings *cb,
		       u8 hash[KRB5AP_GSS_BND_LEN]);
int krb5ap_gss_check_bindings(const struct krb5ap_gss_cksum *ck,
			      const struct krb5ap_gss_channel_bindings *cb,
			      bool *bound);

/*
 * MD5 over the concatenation of @nparts byte ranges.  The kernel build
 * defines it in gss.c with the crypto API; userspace builds supply their
 * own (the tests use OpenSSL).
 */
int krb5ap_gss_md5(const struct krb5ap_buf *parts, unsigned int nparts,
		   u8 hash[KRB5AP_GSS_BND_LEN]);

#ifdef __KERNEL__
/* The kernel's MD5 transform, allocated once at module load. */
int krb5ap_gss_init(void);
void krb5ap_gss_exit(void);
#endif

#endif /* _KRB5AP_GSS_H */
