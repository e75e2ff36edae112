// SPDX-License-Identifier: GPL-2.0
/*
 * The verify pipeline: one AP-REQ in, a struct krb5ap_result or a Kerberos
 * error out.  Only the pipeline lives here; decoding is msg.c and gss.c,
 * cryptography enctype.c, the key table keys.c, the replay cache replay.c.
 *
 * The checks run in the order of MIT's krb5_rd_req() and
 * gss_accept_sec_context() (Documentation/api.rst lists them with their
 * codes).  Time is an input.  No lock is taken but the replay cache's
 * per-shard spinlock; keys are looked up under RCU.  One buffer is
 * allocated per message for decryption (the work area below, which holds
 * copies of the two ciphertexts, decrypted in place) and one for the
 * result; both are wiped when freed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/visibility.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <net/ipv6.h>
#include <net/net_namespace.h>

#include "der.h"
#include "enctype.h"
#include "gss.h"
#include "keys.h"
#include "krb5ap.h"
#include "msg.h"
#include "netlink.h"
#include "pernet.h"
#include "replay.h"

/*
 * In any-principal mode, at most this many keys are tried on one ticket
 * (the exact (sname, realm, kvno, enctype) match first, then every key of
 * the ticket's enctype in table order): each try is a full decryption.
 */
#define KRB5AP_VERIFY_MAX_TRIALS	8

/* HostAddress types (RFC 4120 section 7.5.3). */
#define KRB5AP_ADDRTYPE_INET		2
#define KRB5AP_ADDRTYPE_INET6		24

/* Room for "name@REALM" and its NUL. */
#define KRB5AP_FULLNAME_MAX	(KRB5AP_PRINCIPAL_MAX + KRB5AP_REALM_MAX)

/*
 * The work area: decoded messages, names, and the ciphertext copies.  One
 * kmalloc (linear, so the crypto layer may map it; 16-byte aligned, as
 * kmalloc caches of this size are naturally aligned) wiped on free.
 */
struct krb5ap_vctx {
	struct krb5ap_net *kn;
	const u8 *token;
	time64_t now;
	u32 skew;
	u32 enctypes;
	bool named;
	unsigned int krb_error;

	struct krb5ap_gss_frame frame;
	struct krb5ap_ap_req req;
	const struct krb5ap_enctype *tkt_e;
	const struct krb5ap_enctype *ses_e;
	const struct krb5ap_enctype *sub_e;
	u32 kvno;
	struct krb5ap_enc_ticket_part tkt;
	struct krb5ap_authenticator auth;
	bool has_ck;
	struct krb5ap_gss_cksum ck;
	bool cb_bound;
	bool mutual;

	char want[KRB5AP_PRINCIPAL_MAX];	/* named acceptor */
	char want_realm[KRB5AP_REALM_MAX];
	char sname[KRB5AP_PRINCIPAL_MAX];	/* ticket sname (unauthenticated) */
	char srealm[KRB5AP_REALM_MAX];
	bool sname_ok;
	char server[KRB5AP_PRINCIPAL_MAX];	/* key that decrypted the ticket */
	char server_realm[KRB5AP_REALM_MAX];
	char cname[KRB5AP_PRINCIPAL_MAX];
	char crealm[KRB5AP_REALM_MAX];
	char client_full[KRB5AP_FULLNAME_MAX];
	char server_full[KRB5AP_FULLNAME_MAX];

	size_t tbuf_off;
	size_t abuf_off;
	u8 buf[] __aligned(16);
};

static int vfail(struct krb5ap_vctx *v, unsigned int krb_error, int err)
{
	v->krb_error = krb_error;
	return err;
}

/* A decoder's errno: BADVERSION, MSG_TYPE, or undecodable (GENERIC). */
static int vdecode(struct krb5ap_vctx *v, int err)
{
	if (err == -EPROTO)
		return vfail(v, KRB5AP_AP_ERR_BADVERSION, err);
	if (err == -ENOMSG)
		return vfail(v, KRB5AP_AP_ERR_MSG_TYPE, err);
	return vfail(v, KRB5AP_ERR_GENERIC, err);
}

/* A supported enctype that this namespace allows, or NULL. */
static const struct krb5ap_enctype *venctype(struct krb5ap_vctx *v, s32 etype)
{
	if (etype < 0 || etype > KRB5AP_ENCTYPE_MAX ||
	    !(v->enctypes & BIT(etype)))
		return NULL;
	return krb5ap_find_enctype(etype);
}

/* Copy a KerberosString into a C string; false when it does not fit. */
static bool vstr(char *dst, size_t size, const struct krb5ap_buf *src)
{
	if (src->len >= size)
		return false;
	memcpy(dst, src->data, src->len);
	dst[src->len] = '\0';
	return true;
}

/*
 * Split "name@REALM" at the last unescaped '@' and check both halves as
 * the key table would (so a name that can never be found is refused).
 */
static int vparse_service(struct krb5ap_vctx *v, const char *service)
{
	size_t len = strnlen(service, KRB5AP_FULLNAME_MAX);
	size_t i, at = len;

	if (len == KRB5AP_FULLNAME_MAX)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (service[i] == '\\') {
			i++;
			continue;
		}
		if (service[i] == '@')
			at = i;
	}
	if (at == len || at >= KRB5AP_PRINCIPAL_MAX ||
	    len - at - 1 >= KRB5AP_REALM_MAX)
		return -EINVAL;
	memcpy(v->want, service, at);
	v->want[at] = '\0';
	memcpy(v->want_realm, service + at + 1, len - at - 1);
	v->want_realm[len - at - 1] = '\0';
	if (krb5ap_keys_check_principal(v->want) ||
	    krb5ap_keys_check_realm(v->want_realm))
		return -EINVAL;
	return 0;
}

static u8 *vtbuf(struct krb5ap_vctx *v)
{
	return v->buf + v->tbuf_off;
}

static u8 *vabuf(struct krb5ap_vctx *v)
{
	return v->buf + v->abuf_off;
}

/*
 * Try one key on the ticket: copy the ciphertext afresh (a failed try
 * leaves the copy wiped) and decrypt it in place.
 */
static int vtry(struct krb5ap_vctx *v, const struct krb5ap_key_ref *ref,
		size_t *off, size_t *len)
{
	const struct krb5ap_buf *c = &v->req.ticket.enc_part.cipher;

	memcpy(vtbuf(v), c->data, c->len);
	return krb5ap_decrypt(ref->key->ticket, vtbuf(v), c->len, off, len);
}

static void vmatched(struct krb5ap_vctx *v, const struct krb5ap_key_ref *ref)
{
	strscpy(v->server, ref->principal, sizeof(v->server));
	strscpy(v->server_realm, ref->realm, sizeof(v->server_realm));
	v->kvno = ref->key->kvno;
}

/*
 * The error MIT's iteration_error() gives when no key of the table
 * decrypted the ticket: an empty table -> NOKEY; then, from what the table
 * holds for the ticket's (unauthenticated) sname: no key -> NOT_US; keys,
 * but none with
 * the ticket's kvno (or that kvno, but not the enctype) -> BADKEYVER; a key
 * that matches all three but did not decrypt -> BAD_INTEGRITY.
 */
static int vany_error(struct krb5ap_vctx *v, int decrypt_err)
{
	const struct krb5ap_keys *ks = &v->kn->keys;
	struct krb5ap_key_ref ref;
	bool any = false, server = false, kvno = false;
	u32 mask = krb5ap_supported_enctypes();
	unsigned int e;
	int ret;

	for (e = 0; e <= KRB5AP_ENCTYPE_MAX; e++) {
		unsigned long cursor = 0;

		if (!(mask & BIT(e)))
			continue;
		if (krb5ap_keys_next(ks, e, &cursor, &ref))
			any = true;
		if (!v->sname_ok)
			continue;
		ret = krb5ap_keys_find(ks, v->sname, v->srealm,
				       v->req.ticket.enc_part.kvno, e, &ref);
		if (ret != -ENOKEY)
			server = true;
		if (!ret)
			kvno = true;
	}
	if (!any)
		return vfail(v, KRB5AP_AP_ERR_NOKEY, -ENOKEY);
	if (!server)
		return vfail(v, KRB5AP_AP_ERR_NOT_US, -ENOKEY);
	if (!kvno)
		return vfail(v, KRB5AP_AP_ERR_BADKEYVER, -EKEYREJECTED);
	ret = krb5ap_keys_find(ks, v->sname, v->srealm,
			       v->req.ticket.enc_part.kvno,
			       v->req.ticket.enc_part.etype, &ref);
	if (ret)
		return vfail(v, KRB5AP_AP_ERR_BADKEYVER, -EKEYREJECTED);
	return vfail(v, KRB5AP_AP_ERR_BAD_INTEGRITY,
		     decrypt_err ? decrypt_err : -EBADMSG);
}

/* Does the ticket's sname name @principal@@realm? */
static bool vsname_is(const struct krb5ap_vctx *v, const char *principal,
		      const char *realm)
{
	return v->sname_ok && !strcmp(v->sname, principal) &&
	       !strcmp(v->srealm, realm);
}

/*
 * Find the service key and decrypt the ticket with it.  Named acceptor:
 * that principal's key of the ticket's kvno and enctype, as MIT's
 * krb5_rd_req() with a server.  Any principal: the key the ticket names
 * first, then every key of its enctype, whatever its principal or kvno,
 * as MIT's krb5_rd_req() with no server, up to KRB5AP_VERIFY_MAX_TRIALS.
 */
static int vdecrypt_ticket(struct krb5ap_vctx *v, size_t *off, size_t *len)
{
	const struct krb5ap_encrypted_data *ed = &v->req.ticket.enc_part;
	const struct krb5ap_keys *ks = &v->kn->keys;
	const struct krb5ap_key *first = NULL;
	struct krb5ap_key_ref ref;
	unsigned long cursor = 0;
	unsigned int trials = 0;
	int ret, derr = 0;

	rcu_read_lock();
	if (v->named) {
		ret = krb5ap_keys_find(ks, v->want, v->want_realm, ed->kvno,
				       ed->etype, &ref);
		if (ret == -EKEYREJECTED) {
			ret = vfail(v, KRB5AP_AP_ERR_BADKEYVER, ret);
		} else if (ret) {
			ret = vfail(v, KRB5AP_AP_ERR_NOKEY, -ENOKEY);
		} else {
			ret = vtry(v, &ref, off, len);
			if (!ret)
				vmatched(v, &ref);
			else if (vsname_is(v, v->want, v->want_realm))
				ret = vfail(v, KRB5AP_AP_ERR_BAD_INTEGRITY,
					    ret);
			else	/* MIT's integrity_error() */
				ret = vfail(v, KRB5AP_AP_ERR_NOT_US, -ENOKEY);
		}
		rcu_read_unlock();
		return ret;
	}

	if (v->sname_ok &&
	    !krb5ap_keys_find(ks, v->sname, v->srealm, ed->kvno, ed->etype,
			      &ref)) {
		first = ref.key;
		trials++;
		derr = vtry(v, &ref, off, len);
		if (!derr) {
			vmatched(v, &ref);
			rcu_read_unlock();
			return 0;
		}
	}
	while (trials < KRB5AP_VERIFY_MAX_TRIALS &&
	       krb5ap_keys_next(ks, ed->etype, &cursor, &ref)) {
		if (ref.key == first)
			continue;
		trials++;
		ret = vtry(v, &ref, off, len);
		if (!ret) {
			vmatched(v, &ref);
			rcu_read_unlock();
			return 0;
		}
		derr = derr ?: ret;
	}
	ret = vany_error(v, derr);
	rcu_read_unlock();
	return ret;
}

/* Is @addr (the consumer's peer) one of the ticket's addresses? */
static bool vaddr_listed(const struct krb5ap_seq_of *caddr,
			 const struct sockaddr *sa)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)sa;
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
	struct krb5ap_host_address a;
	struct krb5ap_der it;
	const u8 *bytes, *v4 = NULL;
	size_t len;

	if (sa->sa_family == AF_INET) {
		bytes = (const u8 *)&sin->sin_addr;
		len = 4;
		v4 = bytes;
	} else {
		bytes = sin6->sin6_addr.s6_addr;
		len = 16;
		if (ipv6_addr_v4mapped(&sin6->sin6_addr))
			v4 = bytes + 12;
	}
	krb5ap_seq_of_iter(caddr, &it);
	while (krb5ap_addr_next(&it, &a) == 1) {
		if (a.addr_type == KRB5AP_ADDRTYPE_INET6 && len == 16 &&
		    a.address.len == 16 && !memcmp(a.address.data, bytes, 16))
			return true;
		if (a.addr_type == KRB5AP_ADDRTYPE_INET && v4 &&
		    a.address.len == 4 && !memcmp(a.address.data, v4, 4))
			return true;
	}
	return false;
}

/* Everything after the ticket is decrypted, up to the replay cache. */
static int vcheck(struct krb5ap_vctx *v,
		  const struct krb5ap_verify_args *args)
{
	const struct krb5ap_enc_ticket_part *t = &v->tkt;
	const struct krb5ap_authenticator *a = &v->auth;
	const struct krb5ap_buf *ac = &v->req.authenticator.cipher;
	time64_t start;
	size_t off, len;
	int ret;

	/* The session key: usable, of the enctype it encrypts, full length. */
	v->ses_e = venctype(v, t->key.keytype);
	if (!v->ses_e)
		return vfail(v, KRB5AP_KDC_ERR_ETYPE_NOSUPP, -ENOPKG);
	if (v->req.authenticator.etype != t->key.keytype)
		return vfail(v, KRB5AP_ERR_BAD_ENCTYPE, -EPROTO);
	if (t->key.keyvalue.len != v->ses_e->key_bytes)
		return vfail(v, KRB5AP_ERR_BAD_KEYSIZE, -EKEYREJECTED);

	/* The authenticator, under the session key (per-CPU transforms). */
	memcpy(vabuf(v), ac->data, ac->len);
	ret = krb5ap_session_decrypt(v->ses_e, t->key.keyvalue.data,
				     t->key.keyvalue.len,
				     KRB5AP_USAGE_AUTHENTICATOR, vabuf(v),
				     ac->len, &off, &len);
	if (ret)
		return vfail(v, KRB5AP_AP_ERR_BAD_INTEGRITY, ret);
	ret = krb5ap_decode_authenticator(vabuf(v) + off, len, &v->auth);
	if (ret)
		return vdecode(v, ret);

	if (!krb5ap_buf_eq(&a->crealm, &t->crealm) ||
	    !krb5ap_principal_name_eq(&a->cname, &t->cname))
		return vfail(v, KRB5AP_AP_ERR_BADMATCH, -EPERM);

	/* Stricter than MIT, which takes a subkey of any length. */
	if (a->has_subkey) {
		v->sub_e = venctype(v, a->subkey.keytype);
		if (!v->sub_e)
			return vfail(v, KRB5AP_KDC_ERR_ETYPE_NOSUPP, -ENOPKG);
		if (a->subkey.keyvalue.len != v->sub_e->key_bytes)
			return vfail(v, KRB5AP_ERR_BAD_KEYSIZE, -EKEYREJECTED);
	}

	/* Times, as MIT's krb5int_validate_times() and clock skew check. */
	start = t->has_starttime ? t->starttime : t->authtime;
	if (start - v->now > (time64_t)v->skew)
		return vfail(v, KRB5AP_AP_ERR_TKT_NYV, -EKEYEXPIRED);
	if (v->now - t->endtime > (time64_t)v->skew)
		return vfail(v, KRB5AP_AP_ERR_TKT_EXPIRED, -EKEYEXPIRED);
	if (abs(a->ctime - v->now) > (time64_t)v->skew)
		return vfail(v, KRB5AP_AP_ERR_SKEW, -ETIME);

	/*
	 * An invalid (postdated, not yet validated) ticket, after the times
	 * as in MIT's krb5_rd_req: a postdated ticket whose start is still
	 * ahead is reported as not yet valid.
	 */
	if (t->flags & KRB5AP_TKT_FLG_INVALID)
		return vfail(v, KRB5AP_AP_ERR_TKT_INVALID, -EACCES);

	/* Addresses: only when the consumer knows its peer. */
	if (args && args->client_addr && t->has_caddr && t->caddr.count &&
	    !vaddr_listed(&t->caddr, args->client_addr))
		return vfail(v, KRB5AP_AP_ERR_BADADDR, -EADDRNOTAVAIL);

	/*
	 * Transited: MIT checks the path unless the KDC did.  krb5ap accepts
	 * a path the KDC checked or an empty one (no bytes, or a NUL first,
	 * as MIT reads it), and refuses the rest.
	 */
	if (!(t->flags & KRB5AP_TKT_FLG_TRANSIT_POLICY_CHECKED) &&
	    t->transited.contents.len && t->transited.contents.data[0])
		return vfail(v, KRB5AP_AP_ERR_ILL_CR_TKT, -EACCES);

	/*
	 * GSS-API: the 0x8003 checksum.  A missing one is accepted with no
	 * flags and no channel-binding check, as MIT does for MS-KILE.
	 */
	if (v->frame.mech != KRB5AP_GSS_RAW && a->has_cksum) {
		if (a->cksum.cksumtype != KRB5AP_GSS_CKSUMTYPE)
			return vfail(v, KRB5AP_AP_ERR_INAPP_CKSUM, -EBADMSG);
		ret = krb5ap_gss_parse_cksum(a->cksum.checksum.data,
					     a->cksum.checksum.len, &v->ck);
		if (ret)
			return vfail(v, KRB5AP_ERR_GENERIC, ret);
		v->has_ck = true;
		if (args && args->channel_bindings) {
			struct krb5ap_gss_channel_bindings cb = {
				.application_data = {
					.data = args->channel_bindings,
					.len = args->channel_bindings_len,
				},
			};

			ret = krb5ap_gss_check_bindings(&v->ck, &cb,
							&v->cb_bound);
			if (ret == -EACCES)
				return vfail(v, KRB5AP_AP_ERR_MODIFIED, ret);
			if (ret)
				return vfail(v, KRB5AP_ERR_GENERIC, ret);
		}
	}
	v->mutual = (v->req.ap_options & KRB5AP_AP_OPT_MUTUAL_REQUIRED) ||
		    (v->has_ck && (v->ck.flags & KRB5AP_GSS_C_MUTUAL_FLAG));
	return 0;
}

static void vkeyblock(struct krb5ap_keyblock *kb,
		      const struct krb5ap_encryption_key *k)
{
	kb->enctype = k->keytype;
	kb->len = k->keyvalue.len;
	memcpy(kb->contents, k->keyvalue.data, k->keyvalue.len);
}

static char *vputs(char **p, const char *s)
{
	char *d = *p;
	size_t n = strlen(s) + 1;

	memcpy(d, s, n);
	*p += n;
	return d;
}

/*
 * Build the AP-REP in @area (@size bytes, at least twice the ciphertext
 * plus headers): EncAPRepPart {ctime, cusec, seq-number} under the session
 * key with usage 12, wrapped in an AP-REP, framed as the request was.
 */
static int vap_rep(struct krb5ap_vctx *v, struct krb5ap_result *r, u8 *area,
		   size_t size, size_t plen)
{
	struct krb5ap_enc_ap_rep_part part = {
		.ctime = v->auth.ctime,
		.cusec = v->auth.cusec,
		.has_seq_number = true,
		.seq_number = r->ap_rep_seq_number,
	};
	struct krb5ap_encrypted_data ed = { .etype = v->ses_e->etype };
	size_t off, clen, len;
	ssize_t n;
	int ret;

	clen = krb5ap_how_much_buffer(v->ses_e, plen, &off);
	ret = krb5ap_encode_enc_ap_rep_part(&part, area + off, size - off,
					    &len);
	if (ret)
		return ret;
	n = krb5ap_session_encrypt(v->ses_e, r->session_key.contents,
				   r->session_key.len,
				   KRB5AP_USAGE_AP_REP_ENCPART, area, clen, off,
				   len, false);
	if (n < 0)
		return n;
	ed.cipher.data = area;
	ed.cipher.len = n;
	/* Written backwards from the end of @area: never over the cipher. */
	ret = krb5ap_encode_ap_rep(&ed, area, size, &len);
	if (ret)
		return ret;
	if (v->frame.mech != KRB5AP_GSS_RAW) {
		ret = krb5ap_gss_wrap(v->frame.mech, KRB5AP_GSS_TOK_AP_REP,
				      area, len, area, size, &len);
		if (ret)
			return ret;
	}
	r->ap_rep = area;
	r->ap_rep_len = len;
	return 0;
}

/* Allocate and fill the result (before the replay cache records it). */
static int vresult(struct krb5ap_vctx *v, struct krb5ap_result **out)
{
	const struct krb5ap_enc_ticket_part *t = &v->tkt;
	const struct krb5ap_authenticator *a = &v->auth;
	struct krb5ap_der_writer w;
	struct krb5ap_enc_ap_rep_part probe = {
		.ctime = a->ctime, .cusec = a->cusec,
		.has_seq_number = true, .seq_number = U32_MAX,
	};
	size_t strs, ad_len = 0, plen = 0, rep_size = 0, off;
	struct krb5ap_result *r;
	char *p;
	int ret;

	strs = 2 * strlen(v->client_full) + 2 + 2 * strlen(v->server_full) + 2;
	if (t->has_authdata) {
		krb5ap_der_writer_init(&w, NULL, 0);
		krb5ap_der_put_header(&w, KRB5AP_DER_SEQUENCE,
				      t->authdata.raw.len);
		ad_len = w.len + t->authdata.raw.len;
	}
	if (v->mutual) {
		ret = krb5ap_encode_enc_ap_rep_part(&probe, NULL, 0, &plen);
		if (ret != -ENOSPC)
			return vfail(v, KRB5AP_ERR_GENERIC, ret ?: -EINVAL);
		rep_size = 2 * krb5ap_how_much_buffer(v->ses_e, plen, &off) +
			   64 + 16;
	}
	r = kzalloc(sizeof(*r) + strs + ad_len + rep_size, GFP_KERNEL);
	if (!r)
		return vfail(v, KRB5AP_ERR_GENERIC, -ENOMEM);

	p = (char *)(r + 1);
	r->client = vputs(&p, v->client_full);
	r->client_name = vputs(&p, v->cname);
	r->client_realm = vputs(&p, v->crealm);
	r->server = vputs(&p, v->server_full);
	r->server_name = vputs(&p, v->server);
	r->server_realm = vputs(&p, v->server_realm);
	r->kvno = v->kvno;
	r->ticket_enctype = v->tkt_e->etype;
	r->authtime = t->authtime;
	r->starttime = t->has_starttime ? t->starttime : 0;
	r->endtime = t->endtime;
	r->renew_till = t->has_renew_till ? t->renew_till : 0;
	r->ticket_flags = t->flags;
	r->ap_options = v->req.ap_options;
	r->framing = v->frame.mech == KRB5AP_GSS_KRB5 ? KRB5AP_FRAMING_GSS :
		     v->frame.mech == KRB5AP_GSS_MS_KRB5 ?
		     KRB5AP_FRAMING_GSS_MS : KRB5AP_FRAMING_RAW;
	r->gss_cksum = v->has_ck;
	r->gss_flags = v->has_ck ? v->ck.flags : 0;
	r->cb_bound = v->cb_bound;
	r->delegated = v->has_ck && v->ck.has_deleg;
	r->ctime = a->ctime;
	r->cusec = a->cusec;
	vkeyblock(&r->session_key, &t->key);
	r->has_subkey = a->has_subkey;
	if (a->has_subkey)
		vkeyblock(&r->subkey, &a->subkey);
	r->has_seq_number = a->has_seq_number;
	r->seq_number = a->seq_number;
	if (t->has_authdata) {
		u8 *ad = (u8 *)p;

		krb5ap_der_writer_init(&w, ad, ad_len);
		krb5ap_der_put_bytes(&w, t->authdata.raw.data,
				     t->authdata.raw.len);
		krb5ap_der_put_header(&w, KRB5AP_DER_SEQUENCE,
				      t->authdata.raw.len);
		r->authdata = ad;
		r->authdata_len = ad_len;
		p += ad_len;
	}
	r->mutual = v->mutual;
	if (v->mutual) {
		/* MIT's krb5_generate_seq_number() range; never 0. */
		u8 *area = PTR_ALIGN((u8 *)p, 16);

		r->ap_rep_seq_number = (get_random_u32() & 0x3fffffff) ?: 1;
		ret = vap_rep(v, r, area, rep_size - (area - (u8 *)p), plen);
		if (ret) {
			krb5ap_result_free(r);
			return vfail(v, KRB5AP_ERR_GENERIC, ret);
		}
	}
	*out = r;
	return 0;
}

/* From the decoded AP-REQ to a result; @v->krb_error set on failure. */
static int vpipeline(struct krb5ap_vctx *v,
		     const struct krb5ap_verify_args *args,
		     struct krb5ap_result **out)
{
	const struct krb5ap_buf *ac = &v->req.authenticator.cipher;
	struct krb5ap_replay_tag tag;
	struct krb5ap_result *r;
	size_t off, len;
	int ret;

	/* Names we need as strings (the sname only to look a key up). */
	v->sname_ok = !krb5ap_unparse_name(&v->req.ticket.sname, v->sname,
					   sizeof(v->sname)) &&
		      vstr(v->srealm, sizeof(v->srealm),
			   &v->req.ticket.realm);

	ret = vdecrypt_ticket(v, &off, &len);
	if (ret)
		return ret;
	ret = krb5ap_decode_enc_ticket_part(vtbuf(v) + off, len, &v->tkt);
	if (ret)
		return vdecode(v, ret);
	if (krb5ap_unparse_name(&v->tkt.cname, v->cname, sizeof(v->cname)) ||
	    !vstr(v->crealm, sizeof(v->crealm), &v->tkt.crealm))
		return vfail(v, KRB5AP_ERR_GENERIC, -ENAMETOOLONG);
	snprintf(v->client_full, sizeof(v->client_full), "%s@%s", v->cname,
		 v->crealm);
	snprintf(v->server_full, sizeof(v->server_full), "%s@%s", v->server,
		 v->server_realm);

	ret = vcheck(v, args);
	if (ret)
		return ret;
	ret = vresult(v, &r);
	if (ret)
		return ret;

	/* Last: only an authenticator that passed everything is recorded. */
	krb5ap_replay_make_tag(v->kn->replay, v->client_full, v->server_full,
			       v->auth.ctime, v->auth.cusec,
			       ac->data + ac->len - v->ses_e->cksum_len,
			       v->ses_e->cksum_len, &tag);
	ret = krb5ap_replay_check(v->kn->replay, &tag, v->now,
				  v->auth.ctime + v->skew);
	if (ret) {
		krb5ap_result_free(r);
		if (ret == -EEXIST)
			return vfail(v, KRB5AP_AP_ERR_REPEAT, ret);
		return vfail(v, KRB5AP_ERR_GENERIC, ret);
	}
	*out = r;
	return 0;
}

static int vverify(struct krb5ap_net *kn, const void *token, size_t len,
		   const struct krb5ap_verify_args *args,
		   struct krb5ap_result **res, unsigned int *krb_error)
{
	struct krb5ap_vctx *v;
	size_t tlen, alen;
	u32 max_token;
	int ret;

	*krb_error = KRB5AP_ERR_GENERIC;
	if (!kn || !res || (!token && len) ||
	    (args && args->flags & ~KRB5AP_VERIFY_FLAGS_ALL) ||
	    (args && !args->channel_bindings && args->channel_bindings_len) ||
	    (args && (args->now < KRB5AP_DER_TIME_MIN ||
		      args->now > KRB5AP_DER_TIME_MAX)))
		return -EINVAL;
	if (args && args->client_addr &&
	    args->client_addr->sa_family != AF_INET &&
	    args->client_addr->sa_family != AF_INET6)
		return -EINVAL;

	max_token = READ_ONCE(kn->config.max_token);
	if (len > max_token) {
		*krb_error = KRB5AP_ERR_FIELD_TOOLONG;
		return -EMSGSIZE;
	}
	v = kmalloc(sizeof(*v) + ALIGN(len, 16) + 16, GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	memset(v, 0, sizeof(*v));
	v->kn = kn;
	v->token = token;
	v->now = args && args->now ? args->now : ktime_get_real_seconds();
	v->skew = READ_ONCE(kn->config.clock_skew);
	v->enctypes = READ_ONCE(kn->config.enctypes);
	v->krb_error = KRB5AP_ERR_GENERIC;

	if (args && args->service) {
		v->named = true;
		ret = vparse_service(v, args->service);
		if (ret)
			goto out;
	}

	ret = krb5ap_gss_unwrap_ap_req(token, len, &v->frame);
	if (ret) {
		ret = ret == -ENOMSG ? vfail(v, KRB5AP_AP_ERR_MSG_TYPE, ret) :
		      vfail(v, KRB5AP_ERR_GENERIC, ret);
		goto out;
	}
	ret = krb5ap_decode_ap_req(v->frame.inner.data, v->frame.inner.len,
				   &v->req);
	if (ret) {
		ret = vdecode(v, ret);
		goto out;
	}
	/*
	 * User-to-user: the ticket is under the session key of a TGT the
	 * acceptor would have to hold; krb5ap holds none.  MIT ignores the
	 * option (and then fails to decrypt or not); Heimdal answers NOKEY.
	 */
	if (v->req.ap_options & KRB5AP_AP_OPT_USE_SESSION_KEY) {
		ret = vfail(v, KRB5AP_AP_ERR_NOKEY, -EOPNOTSUPP);
		goto out;
	}
	v->tkt_e = venctype(v, v->req.ticket.enc_part.etype);
	if (!v->tkt_e) {
		ret = vfail(v, KRB5AP_KDC_ERR_ETYPE_NOSUPP, -ENOPKG);
		goto out;
	}
	/* Two 16-byte-aligned copies, both within the token's length. */
	tlen = v->req.ticket.enc_part.cipher.len;
	alen = v->req.authenticator.cipher.len;
	v->tbuf_off = 0;
	v->abuf_off = ALIGN(tlen, 16);
	if (WARN_ON_ONCE(v->abuf_off + alen > ALIGN(len, 16) + 16)) {
		ret = -EINVAL;
		goto out;
	}
	ret = vpipeline(v, args, res);
out:
	*krb_error = ret ? v->krb_error : KRB5AP_ERR_NONE;
	kfree_sensitive(v);
	return ret;
}

/**
 * krb5ap_verify_kn() - krb5ap_verify() on a namespace's state
 * @kn: the state (krb5ap_pernet(), or krb5ap_net_alloc() in tests)
 * @token: the token
 * @len: its length
 * @args: see krb5ap_verify()
 * @res: see krb5ap_verify()
 *
 * Context: process context; may sleep.
 * Return: see krb5ap_verify().
 */
VISIBLE_IF_KUNIT int krb5ap_verify_kn(struct krb5ap_net *kn, const void *token,
				      size_t len,
				      const struct krb5ap_verify_args *args,
				      struct krb5ap_result **res)
{
	unsigned int krb_error;
	int ret;

	if (res)
		*res = NULL;
	ret = vverify(kn, token, len, args, res, &krb_error);
	if (ret && !krb_error)
		krb_error = KRB5AP_ERR_GENERIC;
	if (kn && kn->stats)
		krb5ap_stats_count(kn, ret ? krb_error : 0);
	if (args && args->krb_error)
		*args->krb_error = ret ? krb_error : 0;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_verify_kn);

/**
 * krb5ap_verify() - verify a Kerberos 5 AP-REQ
 * @net: the network namespace whose keys, settings, replay cache and
 *	counters apply; the caller holds a reference
 * @token: the AP-REQ, raw or in GSS-API krb5 framing (0x60, TOK_ID 01 00)
 * @len: its length; over the namespace's max_token it is refused
 * @args: the acceptor's name, channel bindings, peer address, time and
 *	flags (struct krb5ap_verify_args), or NULL for none of them
 * @res: set to the result on success, to NULL on every failure
 *
 * Runs every check of Documentation/api.rst in order and records the
 * authenticator in the replay cache.  On failure the Kerberos error code
 * goes to @args->krb_error when given; the per-namespace counters count
 * every outcome by that code, and one event per verification goes to the
 * "results" netlink group (rate-limited; only when someone listens).
 *
 * Context: process context; may sleep (allocates with GFP_KERNEL).
 * Return: 0 and *@res set (free it with krb5ap_result_free()), or a
 * negative errno with *@res NULL: -EINVAL (bad arguments), -EMSGSIZE (token
 * too large), -ENOMEM, a decoder's errno (malformed token), -EPROTO,
 * -ENOMSG, -EOPNOTSUPP, -ENOPKG, -ENOKEY, -EKEYREJECTED, -EBADMSG,
 * -EACCES, -EPERM, -EKEYEXPIRED, -ETIME, -EADDRNOTAVAIL, -EEXIST (replay)
 * or -ENOSPC (replay cache full), as the table in Documentation/api.rst
 * maps them to Kerberos error codes.
 */
int krb5ap_verify(struct net *net, const void *token, size_t len,
		  const struct krb5ap_verify_args *args,
		  struct krb5ap_result **res)
{
	struct krb5ap_verify_args a = { };
	u32 krb_error = KRB5AP_ERR_GENERIC;
	int ret;

	if (!net) {
		if (res)
			*res = NULL;
		if (args && args->krb_error)
			*args->krb_error = KRB5AP_ERR_GENERIC;
		return -EINVAL;
	}
	if (args)
		a = *args;
	a.krb_error = &krb_error;
	ret = krb5ap_verify_kn(krb5ap_pernet(net), token, len, &a, res);
	/* One "results" event per verification, whoever asked. */
	krb5ap_netlink_notify(net, a.tag ? a.tag : "kernel", ret, krb_error,
			      res ? *res : NULL);
	if (args && args->krb_error)
		*args->krb_error = krb_error;
	return ret;
}
EXPORT_SYMBOL_GPL(krb5ap_verify);

/**
 * krb5ap_result_free() - free a result, wiping its keys
 * @res: the result from krb5ap_verify(), or NULL
 *
 * Context: any context.
 */
void krb5ap_result_free(struct krb5ap_result *res)
{
	kfree_sensitive(res);
}
EXPORT_SYMBOL_GPL(krb5ap_result_free);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * krb5ap_verify_test_locate() - where a token's two ciphertexts are
 * @tok: a token, raw or GSS-framed
 * @len: its length
 * @tkt_off: offset of the ticket's ciphertext in @tok
 * @tkt_len: its length
 * @auth_off: offset of the authenticator's ciphertext in @tok
 * @auth_len: its length
 *
 * For the KUnit tests (MAC flips).
 *
 * Return: 0 or a decoder's negative errno.
 */
int krb5ap_verify_test_locate(const u8 *tok, size_t len, size_t *tkt_off,
			      size_t *tkt_len, size_t *auth_off,
			      size_t *auth_len)
{
	struct krb5ap_gss_frame f;
	struct krb5ap_ap_req *req;
	int ret;

	req = kmalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	ret = krb5ap_gss_unwrap_ap_req(tok, len, &f);
	if (!ret)
		ret = krb5ap_decode_ap_req(f.inner.data, f.inner.len, req);
	if (!ret) {
		*tkt_off = req->ticket.enc_part.cipher.data - tok;
		*tkt_len = req->ticket.enc_part.cipher.len;
		*auth_off = req->authenticator.cipher.data - tok;
		*auth_len = req->authenticator.cipher.len;
	}
	kfree(req);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_verify_test_locate);

/**
 * krb5ap_verify_test_open_ap_rep() - decrypt an AP-REP as an initiator
 * @tok: the AP-REP, raw or GSS-framed (TOK_ID 02 00)
 * @len: its length
 * @etype: the session key's enctype
 * @key: the session key
 * @key_len: its length
 * @buf: scratch of at least @len bytes, kmalloc'ed; @part points into it
 * @part: the decoded EncAPRepPart
 *
 * For the KUnit tests: the decoders and krb5ap_session_decrypt() with
 * usage 12, none of the verify pipeline.
 *
 * Return: 0 or a negative errno.
 */
int krb5ap_verify_test_open_ap_rep(const u8 *tok, size_t len, u32 etype,
				   const u8 *key, unsigned int key_len,
				   u8 *buf, struct krb5ap_enc_ap_rep_part *part)
{
	struct krb5ap_gss_frame f = { .inner = { .data = tok, .len = len } };
	struct krb5ap_ap_rep rep;
	size_t off, plen;
	int ret;

	if (len && tok[0] == 0x60) {
		ret = krb5ap_gss_unwrap(tok, len, &f);
		if (ret)
			return ret;
		if (f.tok_id != KRB5AP_GSS_TOK_AP_REP)
			return -ENOMSG;
	}
	ret = krb5ap_decode_ap_rep(f.inner.data, f.inner.len, &rep);
	if (ret)
		return ret;
	if (rep.enc_part.etype != etype)
		return -EPROTO;
	memcpy(buf, rep.enc_part.cipher.data, rep.enc_part.cipher.len);
	ret = krb5ap_session_decrypt(krb5ap_find_enctype(etype), key, key_len,
				     KRB5AP_USAGE_AP_REP_ENCPART, buf,
				     rep.enc_part.cipher.len, &off, &plen);
	if (ret)
		return ret;
	return krb5ap_decode_enc_ap_rep_part(buf + off, plen, part);
}
EXPORT_SYMBOL_IF_KUNIT(krb5ap_verify_test_open_ap_rep);
#endif
