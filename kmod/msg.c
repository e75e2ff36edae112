// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 4120 section 5 messages on top of the strict DER reader and writer.
 *
 * The decoders follow the ASN.1 module of RFC 4120 appendix A field by
 * field: every field is [n] EXPLICIT, so each one is entered, its single
 * element read, and the field checked to hold nothing more.  After the
 * known fields, krb5ap_der_end_seq() skips extension fields as MIT does.
 * Decoded structures point into the input; nothing is copied or allocated,
 * and the grammar, not the input, bounds the nesting.
 */
#include "shim.h"
#include "der.h"
#include "msg.h"

/* Enter field [@n] of a SEQUENCE. */
static int msg_field(struct krb5ap_der *seq, unsigned int n,
		     struct krb5ap_der *f)
{
	return krb5ap_der_enter(seq, KRB5AP_DER_CTX(n), f);
}

/* Whether the next field of a SEQUENCE is the optional field [@n]. */
static bool msg_has(const struct krb5ap_der *seq, unsigned int n)
{
	return krb5ap_der_peek(seq) == (int)KRB5AP_DER_CTX(n);
}

static int msg_int32(struct krb5ap_der *seq, unsigned int n, s32 *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_int32(&f, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

static int msg_uint32(struct krb5ap_der *seq, unsigned int n, u32 *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_uint32(&f, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

/*
 * A sequence number: UInt32, but negative 32-bit encodings are accepted
 * and read as their unsigned value, as MIT does for old implementations.
 */
static int msg_seqno(struct krb5ap_der *seq, unsigned int n, u32 *val)
{
	struct krb5ap_der f;
	s64 v;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_int(&f, &v);
	if (ret)
		return ret;
	if (v < S32_MIN || v > U32_MAX)
		return -ERANGE;
	*val = (u32)v;
	return krb5ap_der_end(&f);
}

static int msg_string(struct krb5ap_der *seq, unsigned int n,
		      struct krb5ap_buf *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_string(&f, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

static int msg_octets(struct krb5ap_der *seq, unsigned int n,
		      struct krb5ap_buf *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_octets(&f, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

static int msg_time(struct krb5ap_der *seq, unsigned int n, time64_t *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_time(&f, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

static int msg_flags(struct krb5ap_der *seq, unsigned int n, u32 *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_get_flags(&f, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

/* pvno, tkt-vno, authenticator-vno: INTEGER (5). */
static int msg_vno(struct krb5ap_der *seq, unsigned int n)
{
	s32 v;
	int ret;

	ret = msg_int32(seq, n, &v);
	if (ret == -ERANGE)
		return -EPROTO;
	if (ret)
		return ret;
	return v == KRB5AP_PVNO ? 0 : -EPROTO;
}

/* msg-type: INTEGER, which must name the message being decoded. */
static int msg_type(struct krb5ap_der *seq, unsigned int n, s32 want)
{
	s32 v;
	int ret;

	ret = msg_int32(seq, n, &v);
	if (ret == -ERANGE)
		return -ENOMSG;
	if (ret)
		return ret;
	return v == want ? 0 : -ENOMSG;
}

/*
 * Start a top-level message: the buffer must be exactly one
 * [APPLICATION @app] element holding exactly one SEQUENCE.  Another
 * APPLICATION tag is another message type.
 */
static int msg_begin(const u8 *buf, size_t len, unsigned int app,
		     struct krb5ap_der *seq)
{
	struct krb5ap_der top, a;
	int tag, ret;

	krb5ap_der_init(&top, buf, len);
	tag = krb5ap_der_peek(&top);
	if (tag < 0)
		return tag;
	if ((tag & ~KRB5AP_DER_NUMBER_MASK) ==
	    (KRB5AP_DER_APPLICATION | KRB5AP_DER_CONSTRUCTED) &&
	    (tag & KRB5AP_DER_NUMBER_MASK) != KRB5AP_DER_NUMBER_MASK &&
	    tag != (int)KRB5AP_DER_APP(app))
		return -ENOMSG;
	ret = krb5ap_der_enter(&top, KRB5AP_DER_APP(app), &a);
	if (ret)
		return ret;
	ret = krb5ap_der_end(&top);
	if (ret)
		return ret;
	ret = krb5ap_der_enter(&a, KRB5AP_DER_SEQUENCE, seq);
	if (ret)
		return ret;
	return krb5ap_der_end(&a);
}

/* PrincipalName ::= SEQUENCE { name-type [0], name-string [1] } */
static int msg_principal(struct krb5ap_der *d, struct krb5ap_principal_name *pn)
{
	struct krb5ap_der seq, f, l;
	int ret;

	ret = krb5ap_der_enter(d, KRB5AP_DER_SEQUENCE, &seq);
	if (ret)
		return ret;
	ret = msg_int32(&seq, 0, &pn->name_type);
	if (ret)
		return ret;
	ret = msg_field(&seq, 1, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_enter(&f, KRB5AP_DER_SEQUENCE, &l);
	if (ret)
		return ret;
	pn->ncomp = 0;
	while (!krb5ap_der_at_end(&l)) {
		if (pn->ncomp >= KRB5AP_NAME_MAX_COMPONENTS)
			return -EMSGSIZE;
		ret = krb5ap_der_get_string(&l, &pn->comp[pn->ncomp]);
		if (ret)
			return ret;
		pn->ncomp++;
	}
	if (!pn->ncomp)
		return -EBADMSG;
	ret = krb5ap_der_end(&f);
	if (ret)
		return ret;
	return krb5ap_der_end_seq(&seq, 2);
}

static int msg_principal_field(struct krb5ap_der *seq, unsigned int n,
			       struct krb5ap_principal_name *pn)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = msg_principal(&f, pn);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

/*
 * The SEQUENCE { [0] Int32, [1] OCTET STRING } shape shared by
 * EncryptionKey, Checksum, TransitedEncoding, HostAddress and the
 * AuthorizationData entries.
 */
static int msg_typed_octets(struct krb5ap_der *d, s32 *type,
			    struct krb5ap_buf *val)
{
	struct krb5ap_der seq;
	int ret;

	ret = krb5ap_der_enter(d, KRB5AP_DER_SEQUENCE, &seq);
	if (ret)
		return ret;
	ret = msg_int32(&seq, 0, type);
	if (ret)
		return ret;
	ret = msg_octets(&seq, 1, val);
	if (ret)
		return ret;
	return krb5ap_der_end_seq(&seq, 2);
}

static int msg_typed_octets_field(struct krb5ap_der *seq, unsigned int n,
				  s32 *type, struct krb5ap_buf *val)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = msg_typed_octets(&f, type, val);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

/* EncryptedData ::= SEQUENCE { etype [0], kvno [1] OPTIONAL, cipher [2] } */
static int msg_encrypted_data(struct krb5ap_der *d,
			      struct krb5ap_encrypted_data *ed)
{
	struct krb5ap_der seq;
	int ret;

	ret = krb5ap_der_enter(d, KRB5AP_DER_SEQUENCE, &seq);
	if (ret)
		return ret;
	ret = msg_int32(&seq, 0, &ed->etype);
	if (ret)
		return ret;
	ed->has_kvno = msg_has(&seq, 1);
	ed->kvno = 0;
	if (ed->has_kvno) {
		ret = msg_uint32(&seq, 1, &ed->kvno);
		if (ret)
			return ret;
	}
	ret = msg_octets(&seq, 2, &ed->cipher);
	if (ret)
		return ret;
	return krb5ap_der_end_seq(&seq, 3);
}

static int msg_encrypted_data_field(struct krb5ap_der *seq, unsigned int n,
				    struct krb5ap_encrypted_data *ed)
{
	struct krb5ap_der f;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = msg_encrypted_data(&f, ed);
	if (ret)
		return ret;
	return krb5ap_der_end(&f);
}

/* A SEQUENCE OF the typed-octets shape, at most @max entries. */
static int msg_seq_of_field(struct krb5ap_der *seq, unsigned int n,
			    unsigned int max, struct krb5ap_seq_of *s)
{
	struct krb5ap_der f, l;
	struct krb5ap_buf val;
	s32 type;
	int ret;

	ret = msg_field(seq, n, &f);
	if (ret)
		return ret;
	ret = krb5ap_der_enter(&f, KRB5AP_DER_SEQUENCE, &l);
	if (ret)
		return ret;
	s->raw.data = l.p;
	s->raw.len = l.end - l.p;
	s->count = 0;
	while (!krb5ap_der_at_end(&l)) {
		if (s->count >= max)
			return -EMSGSIZE;
		ret = msg_typed_octets(&l, &type, &val);
		if (ret)
			return ret;
		s->count++;
	}
	return krb5ap_der_end(&f);
}

/* Ticket ::= [APPLICATION 1] SEQUENCE { tkt-vno, realm, sname, enc-part } */
static int msg_ticket_body(struct krb5ap_der *seq, struct krb5ap_ticket *tkt)
{
	int ret;

	ret = msg_vno(seq, 0);
	if (ret)
		return ret;
	ret = msg_string(seq, 1, &tkt->realm);
	if (ret)
		return ret;
	ret = msg_principal_field(seq, 2, &tkt->sname);
	if (ret)
		return ret;
	ret = msg_encrypted_data_field(seq, 3, &tkt->enc_part);
	if (ret)
		return ret;
	return krb5ap_der_end_seq(seq, 4);
}

/**
 * krb5ap_decode_ticket() - decode a Ticket
 * @buf: exactly one [APPLICATION 1] element
 * @len: its length
 * @tkt: the result, pointing into @buf
 *
 * Return: 0 or a negative errno (see msg.h and der.h).
 */
int krb5ap_decode_ticket(const u8 *buf, size_t len, struct krb5ap_ticket *tkt)
{
	struct krb5ap_der seq;
	int ret;

	memset(tkt, 0, sizeof(*tkt));
	ret = msg_begin(buf, len, KRB5AP_APP_TICKET, &seq);
	if (ret)
		return ret;
	tkt->raw.data = buf;
	tkt->raw.len = len;
	return msg_ticket_body(&seq, tkt);
}

/**
 * krb5ap_decode_ap_req() - decode an AP-REQ
 * @buf: exactly one [APPLICATION 14] element (the raw AP-REQ, without
 *       GSS-API framing)
 * @len: its length
 * @req: the result, pointing into @buf
 *
 * Only the outer, unencrypted fields are decoded: the ticket's enc-part
 * and the authenticator stay ciphertext.
 *
 * Return: 0, -ENOMSG for another message type, -EPROTO for a pvno or
 * tkt-vno other than 5, or another negative errno (see msg.h and der.h).
 */
int krb5ap_decode_ap_req(const u8 *buf, size_t len, struct krb5ap_ap_req *req)
{
	struct krb5ap_der seq, f, t, tseq;
	int ret;

	memset(req, 0, sizeof(*req));
	ret = msg_begin(buf, len, KRB5AP_APP_AP_REQ, &seq);
	if (ret)
		return ret;
	ret = msg_vno(&seq, 0);
	if (ret)
		return ret;
	ret = msg_type(&seq, 1, KRB5AP_MSG_AP_REQ);
	if (ret)
		return ret;
	ret = msg_flags(&seq, 2, &req->ap_options);
	if (ret)
		return ret;

	ret = msg_field(&seq, 3, &f);
	if (ret)
		return ret;
	req->ticket.raw.data = f.p;
	ret = krb5ap_der_enter(&f, KRB5AP_DER_APP(KRB5AP_APP_TICKET), &t);
	if (ret)
		return ret;
	req->ticket.raw.len = f.p - req->ticket.raw.data;
	ret = krb5ap_der_end(&f);
	if (ret)
		return ret;
	ret = krb5ap_der_enter(&t, KRB5AP_DER_SEQUENCE, &tseq);
	if (ret)
		return ret;
	ret = krb5ap_der_end(&t);
	if (ret)
		return ret;
	ret = msg_ticket_body(&tseq, &req->ticket);
	if (ret)
		return ret;

	ret = msg_encrypted_data_field(&seq, 4, &req->authenticator);
	if (ret)
		return ret;
	return krb5ap_der_end_seq(&seq, 5);
}

/**
 * krb5ap_decode_enc_ticket_part() - decode a decrypted EncTicketPart
 * @buf: exactly one [APPLICATION 3] element
 * @len: its length
 * @part: the result, pointing into @buf
 *
 * An absent starttime is reported as authtime (RFC 4120 section 5.3), with
 * @part->has_starttime false.
 *
 * Return: 0 or a negative errno (see msg.h and der.h).
 */
int krb5ap_decode_enc_ticket_part(const u8 *buf, size_t len,
				  struct krb5ap_enc_ticket_part *part)
{
	struct krb5ap_der seq;
	int ret;

	memset(part, 0, sizeof(*part));
	ret = msg_begin(buf, len, KRB5AP_APP_ENC_TICKET_PART, &seq);
	if (ret)
		return ret;
	ret = msg_flags(&seq, 0, &part->flags);
	if (ret)
		return ret;
	ret = msg_typed_octets_field(&seq, 1, &part->key.keytype,
				     &part->key.keyvalue);
	if (ret)
		return ret;
	ret = msg_string(&seq, 2, &part->crealm);
	if (ret)
		return ret;
	ret = msg_principal_field(&seq, 3, &part->cname);
	if (ret)
		return ret;
	ret = msg_typed_octets_field(&seq, 4, &part->transited.tr_type,
				     &part->transited.contents);
	if (ret)
		return ret;
	ret = msg_time(&seq, 5, &part->authtime);
	if (ret)
		return ret;
	part->has_starttime = msg_has(&seq, 6);
	if (part->has_starttime) {
		ret = msg_time(&seq, 6, &part->starttime);
		if (ret)
			return ret;
	} else {
		part->starttime = part->authtime;
	}
	ret = msg_time(&seq, 7, &part->endtime);
	if (ret)
		return ret;
	part->has_renew_till = msg_has(&seq, 8);
	if (part->has_renew_till) {
		ret = msg_time(&seq, 8, &part->renew_till);
		if (ret)
			return ret;
	}
	part->has_caddr = msg_has(&seq, 9);
	if (part->has_caddr) {
		ret = msg_seq_of_field(&seq, 9, KRB5AP_ADDR_MAX, &part->caddr);
		if (ret)
			return ret;
	}
	part->has_authdata = msg_has(&seq, 10);
	if (part->has_authdata) {
		ret = msg_seq_of_field(&seq, 10, KRB5AP_AUTHDATA_MAX,
				       &part->authdata);
		if (ret)
			return ret;
	}
	return krb5ap_der_end_seq(&seq, 11);
}

/**
 * krb5ap_decode_authenticator() - decode a decrypted Authenticator
 * @buf: exactly one [APPLICATION 2] element
 * @len: its length
 * @auth: the result, pointing into @buf
 *
 * Return: 0, -EPROTO for an authenticator-vno other than 5, -ERANGE for
 * cusec outside 0..999999, or another negative errno (see msg.h, der.h).
 */
int krb5ap_decode_authenticator(const u8 *buf, size_t len,
				struct krb5ap_authenticator *auth)
{
	struct krb5ap_der seq;
	int ret;

	memset(auth, 0, sizeof(*auth));
	ret = msg_begin(buf, len, KRB5AP_APP_AUTHENTICATOR, &seq);
	if (ret)
		return ret;
	ret = msg_vno(&seq, 0);
	if (ret)
		return ret;
	ret = msg_string(&seq, 1, &auth->crealm);
	if (ret)
		return ret;
	ret = msg_principal_field(&seq, 2, &auth->cname);
	if (ret)
		return ret;
	auth->has_cksum = msg_has(&seq, 3);
	if (auth->has_cksum) {
		ret = msg_typed_octets_field(&seq, 3, &auth->cksum.cksumtype,
					     &auth->cksum.checksum);
		if (ret)
			return ret;
	}
	ret = msg_uint32(&seq, 4, &auth->cusec);
	if (ret)
		return ret;
	if (auth->cusec > 999999)
		return -ERANGE;
	ret = msg_time(&seq, 5, &auth->ctime);
	if (ret)
		return ret;
	auth->has_subkey = msg_has(&seq, 6);
	if (auth->has_subkey) {
		ret = msg_typed_octets_field(&seq, 6, &auth->subkey.keytype,
					     &auth->subkey.keyvalue);
		if (ret)
			return ret;
	}
	auth->has_seq_number = msg_has(&seq, 7);
	if (auth->has_seq_number) {
		ret = msg_seqno(&seq, 7, &auth->seq_number);
		if (ret)
			return ret;
	}
	auth->has_authdata = msg_has(&seq, 8);
	if (auth->has_authdata) {
		ret = msg_seq_of_field(&seq, 8, KRB5AP_AUTHDATA_MAX,
				       &auth->authdata);
		if (ret)
			return ret;
	}
	return krb5ap_der_end_seq(&seq, 9);
}

/**
 * krb5ap_decode_ap_rep() - decode an AP-REP
 * @buf: exactly one [APPLICATION 15] element
 * @len: its length
 * @rep: the result, pointing into @buf
 *
 * Return: 0, -ENOMSG for another message type, -EPROTO for a pvno other
 * than 5, or another negative errno (see msg.h and der.h).
 */
int krb5ap_decode_ap_rep(const u8 *buf, size_t len, struct krb5ap_ap_rep *rep)
{
	struct krb5ap_der seq;
	int ret;

	memset(rep, 0, sizeof(*rep));
	ret = msg_begin(buf, len, KRB5AP_APP_AP_REP, &seq);
	if (ret)
		return ret;
	ret = msg_vno(&seq, 0);
	if (ret)
		return ret;
	ret = msg_type(&seq, 1, KRB5AP_MSG_AP_REP);
	if (ret)
		return ret;
	ret = msg_encrypted_data_field(&seq, 2, &rep->enc_part);
	if (ret)
		return ret;
	return krb5ap_der_end_seq(&seq, 3);
}

/**
 * krb5ap_decode_enc_ap_rep_part() - decode a decrypted EncAPRepPart
 * @buf: exactly one [APPLICATION 27] element
 * @len: its length
 * @part: the result, pointing into @buf
 *
 * Return: 0 or a negative errno (see msg.h and der.h).
 */
int krb5ap_decode_enc_ap_rep_part(const u8 *buf, size_t len,
				  struct krb5ap_enc_ap_rep_part *part)
{
	struct krb5ap_der seq;
	int ret;

	memset(part, 0, sizeof(*part));
	ret = msg_begin(buf, len, KRB5AP_APP_ENC_AP_REP_PART, &seq);
	if (ret)
		return ret;
	ret = msg_time(&seq, 0, &part->ctime);
	if (ret)
		return ret;
	ret = msg_uint32(&seq, 1, &part->cusec);
	if (ret)
		return ret;
	if (part->cusec > 999999)
		return -ERANGE;
	part->has_subkey = msg_has(&seq, 2);
	if (part->has_subkey) {
		ret = msg_typed_octets_field(&seq, 2, &part->subkey.keytype,
					     &part->subkey.keyvalue);
		if (ret)
			return ret;
	}
	part->has_seq_number = msg_has(&seq, 3);
	if (part->has_seq_number) {
		ret = msg_seqno(&seq, 3, &part->seq_number);
		if (ret)
			return ret;
	}
	return krb5ap_der_end_seq(&seq, 4);
}

/**
 * krb5ap_addr_next() - next entry of a decoded HostAddresses
 * @it: iterator from krb5ap_seq_of_iter()
 * @addr: the entry
 *
 * Return: 1 with an entry, 0 at the end, or a negative errno (not expected:
 * the list was checked when decoded).
 */
int krb5ap_addr_next(struct krb5ap_der *it, struct krb5ap_host_address *addr)
{
	int ret;

	if (krb5ap_der_at_end(it))
		return 0;
	ret = msg_typed_octets(it, &addr->addr_type, &addr->address);
	return ret ? ret : 1;
}

/**
 * krb5ap_authdata_next() - next entry of a decoded AuthorizationData
 * @it: iterator from krb5ap_seq_of_iter()
 * @ad: the entry
 *
 * Return: 1 with an entry, 0 at the end, or a negative errno (not expected:
 * the list was checked when decoded).
 */
int krb5ap_authdata_next(struct krb5ap_der *it,
			 struct krb5ap_authdata_entry *ad)
{
	int ret;

	if (krb5ap_der_at_end(it))
		return 0;
	ret = msg_typed_octets(it, &ad->ad_type, &ad->ad_data);
	return ret ? ret : 1;
}

/**
 * krb5ap_buf_eq() - compare two byte ranges
 * @a: one
 * @b: the other
 *
 * Return: true when they hold the same bytes.
 */
bool krb5ap_buf_eq(const struct krb5ap_buf *a, const struct krb5ap_buf *b)
{
	return a->len == b->len && (!a->len || !memcmp(a->data, b->data, a->len));
}

/**
 * krb5ap_principal_name_eq() - compare two principal names
 * @a: one
 * @b: the other
 *
 * As MIT's krb5_principal_compare(), the name-type is not compared, only
 * the components, byte for byte.  Realms are compared separately.
 *
 * Return: true when the names are equal.
 */
bool krb5ap_principal_name_eq(const struct krb5ap_principal_name *a,
			      const struct krb5ap_principal_name *b)
{
	unsigned int i;

	if (a->ncomp != b->ncomp)
		return false;
	for (i = 0; i < a->ncomp; i++)
		if (!krb5ap_buf_eq(&a->comp[i], &b->comp[i]))
			return false;
	return true;
}

/* Prepend [@n] EXPLICIT INTEGER. */
static void msg_put_int(struct krb5ap_der_writer *w, unsigned int n, s64 val)
{
	size_t m = krb5ap_der_mark(w);

	krb5ap_der_put_int(w, val);
	krb5ap_der_wrap(w, KRB5AP_DER_CTX(n), m);
}

/* Prepend [@n] EXPLICIT SEQUENCE { [0] INTEGER, [1] OCTET STRING }. */
static void msg_put_key(struct krb5ap_der_writer *w, unsigned int n,
			const struct krb5ap_encryption_key *key)
{
	size_t m = krb5ap_der_mark(w), f;

	f = krb5ap_der_mark(w);
	krb5ap_der_put_octets(w, key->keyvalue.data, key->keyvalue.len);
	krb5ap_der_wrap(w, KRB5AP_DER_CTX(1), f);
	msg_put_int(w, 0, key->keytype);
	krb5ap_der_wrap(w, KRB5AP_DER_SEQUENCE, m);
	krb5ap_der_wrap(w, KRB5AP_DER_CTX(n), m);
}

/**
 * krb5ap_encode_enc_ap_rep_part() - encode an EncAPRepPart
 * @part: the fields
 * @buf: output buffer (may be NULL with @size 0 to learn the length)
 * @size: its size
 * @len: length of the encoding, also on -ENOSPC (the size needed)
 *
 * Return: 0, -ENOSPC when @buf is too small, or -ERANGE for a ctime
 * outside years 0-9999 or a cusec over 999999.
 */
int krb5ap_encode_enc_ap_rep_part(const struct krb5ap_enc_ap_rep_part *part,
				  u8 *buf, size_t size, size_t *len)
{
	struct krb5ap_der_writer w;
	size_t m, f;

	*len = 0;
	if (part->cusec > 999999)
		return -ERANGE;
	krb5ap_der_writer_init(&w, buf, size);
	m = krb5ap_der_mark(&w);
	if (part->has_seq_number)
		msg_put_int(&w, 3, part->seq_number);
	if (part->has_subkey)
		msg_put_key(&w, 2, &part->subkey);
	msg_put_int(&w, 1, part->cusec);
	f = krb5ap_der_mark(&w);
	krb5ap_der_put_time(&w, part->ctime);
	krb5ap_der_wrap(&w, KRB5AP_DER_CTX(0), f);
	krb5ap_der_wrap(&w, KRB5AP_DER_SEQUENCE, m);
	krb5ap_der_wrap(&w, KRB5AP_DER_APP(KRB5AP_APP_ENC_AP_REP_PART), m);
	return krb5ap_der_writer_finish(&w, len);
}

/**
 * krb5ap_encode_ap_rep() - encode an AP-REP around an encrypted part
 * @enc_part: the encrypted EncAPRepPart (etype, optional kvno, cipher)
 * @buf: output buffer (may be NULL with @size 0 to learn the length)
 * @size: its size
 * @len: length of the encoding, also on -ENOSPC (the size needed)
 *
 * Return: 0 or -ENOSPC.
 */
int krb5ap_encode_ap_rep(const struct krb5ap_encrypted_data *enc_part,
			 u8 *buf, size_t size, size_t *len)
{
	struct krb5ap_der_writer w;
	size_t m, e, f;

	krb5ap_der_writer_init(&w, buf, size);
	m = krb5ap_der_mark(&w);
	e = krb5ap_der_mark(&w);
	f = krb5ap_der_mark(&w);
	krb5ap_der_put_octets(&w, enc_part->cipher.data, enc_part->cipher.len);
	krb5ap_der_wrap(&w, KRB5AP_DER_CTX(2), f);
	if (enc_part->has_kvno)
		msg_put_int(&w, 1, enc_part->kvno);
	msg_put_int(&w, 0, enc_part->etype);
	krb5ap_der_wrap(&w, KRB5AP_DER_SEQUENCE, e);
	krb5ap_der_wrap(&w, KRB5AP_DER_CTX(2), e);
	msg_put_int(&w, 1, KRB5AP_MSG_AP_REP);
	msg_put_int(&w, 0, KRB5AP_PVNO);
	krb5ap_der_wrap(&w, KRB5AP_DER_SEQUENCE, m);
	krb5ap_der_wrap(&w, KRB5AP_DER_APP(KRB5AP_APP_AP_REP), m);
	return krb5ap_der_writer_finish(&w, len);
}
