/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Base64 (RFC 4648 section 4) for tokens given with --base64.
 */
#ifndef KRB5APCTL_BASE64_H
#define KRB5APCTL_BASE64_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

ssize_t base64_decode(const char *in, size_t len, uint8_t *out, size_t size);
size_t base64_encode(const uint8_t *in, size_t len, char *out, size_t size);

#endif /* KRB5APCTL_BASE64_H */
