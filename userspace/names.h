/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Names for the numbers krb5ap reports: Kerberos error codes, enctypes,
 * ticket and GSS flags, errno values.
 */
#ifndef KRB5APCTL_NAMES_H
#define KRB5APCTL_NAMES_H

#include <stddef.h>
#include <stdint.h>

const char *krb_error_name(unsigned int code);
const char *krb_error_text(unsigned int code);
void krb_error_describe(unsigned int code, char *buf, size_t size);

const char *enctype_name(uint32_t etype);
unsigned int enctype_key_len(uint32_t etype);
uint32_t enctypes_known_mask(void);
int enctype_parse(const char *s, size_t len, uint32_t *etype);
int enctype_list_parse(const char *s, uint32_t *mask);
void enctype_list_format(uint32_t mask, char *buf, size_t size);
void enctype_describe(uint32_t etype, char *buf, size_t size);

void ticket_flags_format(uint32_t flags, char *buf, size_t size);
void gss_flags_format(uint32_t flags, char *buf, size_t size);

const char *errno_name(int err, char *buf, size_t size);

#endif /* KRB5APCTL_NAMES_H */
