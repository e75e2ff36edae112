// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness for the AP-REQ path's decoders: GSS-API unwrapping,
 * AP-REQ/Ticket, and (on the same bytes, as if decrypted) EncTicketPart,
 * Authenticator with its 0x8003 checksum, AP-REP and EncAPRepPart, plus
 * re-encoding of what decodes.  Built from the kernel sources through
 * kmod/shim.h; see tests/fuzz/run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "der.h"
#include "msg.h"
#include "gss.h"

/* No MD5 needed to find memory errors: a cheap stand-in. */
int krb5ap_gss_md5(const struct krb5ap_buf *parts, unsigned int nparts,
		   u8 hash[KRB5AP_GSS_BND_LEN])
{
	unsigned int i;
	size_t j;

	memset(hash, 0, KRB5AP_GSS_BND_LEN);
	for (i = 0; i < nparts; i++)
		for (j = 0; j < parts[i].len; j++)
			hash[j % KRB5AP_GSS_BND_LEN] ^= parts[i].data[j];
	return 0;
}

static volatile size_t sink;

static void touch(const struct krb5ap_buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		sink += b->data[i];
}

static void walk(const struct krb5ap_seq_of *s)
{
	struct krb5ap_authdata_entry ad;
	struct krb5ap_der it;
	unsigned int n = 0;

	krb5ap_seq_of_iter(s, &it);
	while (krb5ap_authdata_next(&it, &ad) > 0) {
		touch(&ad.ad_data);
		n++;
	}
	if (n != s->count)
		abort();
}

static void ap_req(const u8 *data, size_t size)
{
	struct krb5ap_gss_frame f;
	struct krb5ap_ap_req req;
	struct krb5ap_ticket t;
	unsigned int i;

	if (krb5ap_gss_unwrap_ap_req(data, size, &f))
		return;
	if (krb5ap_decode_ap_req(f.inner.data, f.inner.len, &req))
		return;
	touch(&req.ticket.realm);
	for (i = 0; i < req.ticket.sname.ncomp; i++)
		touch(&req.ticket.sname.comp[i]);
	touch(&req.ticket.enc_part.cipher);
	touch(&req.authenticator.cipher);
	if (krb5ap_decode_ticket(req.ticket.raw.data, req.ticket.raw.len, &t))
		abort();
	if (!krb5ap_principal_name_eq(&t.sname, &req.ticket.sname))
		abort();
}

static void enc_parts(const u8 *data, size_t size)
{
	struct krb5ap_gss_channel_bindings cb = { 0 };
	struct krb5ap_enc_ticket_part p;
	struct krb5ap_authenticator a;
	struct krb5ap_host_address addr;
	struct krb5ap_gss_cksum ck;
	struct krb5ap_der it;
	bool bound;

	if (!krb5ap_decode_enc_ticket_part(data, size, &p)) {
		touch(&p.key.keyvalue);
		touch(&p.transited.contents);
		if (p.has_caddr) {
			krb5ap_seq_of_iter(&p.caddr, &it);
			while (krb5ap_addr_next(&it, &addr) > 0)
				touch(&addr.address);
		}
		if (p.has_authdata)
			walk(&p.authdata);
	}
	if (!krb5ap_decode_authenticator(data, size, &a)) {
		if (a.has_authdata)
			walk(&a.authdata);
		if (a.has_cksum &&
		    !krb5ap_gss_parse_cksum(a.cksum.checksum.data,
					    a.cksum.checksum.len, &ck)) {
			touch(&ck.deleg);
			touch(&ck.exts);
			krb5ap_gss_check_bindings(&ck, &cb, &bound);
		}
	}
	/* The raw bytes as a checksum too. */
	if (!krb5ap_gss_parse_cksum(data, size, &ck))
		touch(&ck.exts);
}

static void replies(const u8 *data, size_t size)
{
	struct krb5ap_enc_ap_rep_part e, e2;
	struct krb5ap_ap_rep r, r2;
	struct krb5ap_gss_frame f;
	static u8 out[1 << 17];
	size_t len;

	if (!krb5ap_decode_enc_ap_rep_part(data, size, &e)) {
		if (krb5ap_encode_enc_ap_rep_part(&e, out, sizeof(out), &len) ||
		    krb5ap_decode_enc_ap_rep_part(out, len, &e2) ||
		    e2.ctime != e.ctime || e2.cusec != e.cusec ||
		    e2.has_subkey != e.has_subkey ||
		    e2.has_seq_number != e.has_seq_number ||
		    e2.seq_number != e.seq_number)
			abort();
	}
	if (!krb5ap_gss_unwrap(data, size, &f) &&
	    f.tok_id == KRB5AP_GSS_TOK_AP_REP) {
		data = f.inner.data;
		size = f.inner.len;
	}
	if (!krb5ap_decode_ap_rep(data, size, &r)) {
		if (krb5ap_encode_ap_rep(&r.enc_part, out, sizeof(out), &len) ||
		    krb5ap_decode_ap_rep(out, len, &r2) ||
		    !krb5ap_buf_eq(&r.enc_part.cipher, &r2.enc_part.cipher))
			abort();
		/* Canonical DER: what decodes re-encodes identically unless
		 * extension fields were skipped. */
		if (len == size && memcmp(out, data, size))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ap_req(data, size);
	enc_parts(data, size);
	replies(data, size);
	krb5ap_der_validate(data, size);
	return 0;
}
