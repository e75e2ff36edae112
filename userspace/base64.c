// SPDX-License-Identifier: GPL-2.0
/*
 * Base64 (RFC 4648 section 4): standard alphabet, '=' padding.
 */
#include <errno.h>

#include "base64.h"

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Decode @len characters of @in into @out (@size bytes).  White space is
 * skipped anywhere; padding is optional but, when present, must be right
 * (one or two '=' completing the last group, nothing after them); unused
 * bits of the last character must be zero.  Returns the decoded length,
 * -EINVAL for malformed input or -EMSGSIZE when @out is too small.
 */
ssize_t base64_decode(const char *in, size_t len, uint8_t *out, size_t size)
{
	unsigned int acc = 0, n = 0, pad = 0;
	size_t i, o = 0;
	int v;

	for (i = 0; i < len; i++) {
		char c = in[i];

		if (is_space(c))
			continue;
		if (c == '=') {
			pad++;
			continue;
		}
		if (pad)
			return -EINVAL;
		v = b64_value(c);
		if (v < 0)
			return -EINVAL;
		acc = (acc << 6) | (unsigned int)v;
		n++;
		if (n == 4) {
			if (o + 3 > size)
				return -EMSGSIZE;
			out[o++] = (uint8_t)(acc >> 16);
			out[o++] = (uint8_t)(acc >> 8);
			out[o++] = (uint8_t)acc;
			acc = 0;
			n = 0;
		}
	}
	switch (n) {
	case 0:
		if (pad)
			return -EINVAL;
		break;
	case 1:
		return -EINVAL;
	case 2:
		if ((pad && pad != 2) || (acc & 0xf))
			return -EINVAL;
		if (o + 1 > size)
			return -EMSGSIZE;
		out[o++] = (uint8_t)(acc >> 4);
		break;
	case 3:
		if ((pad && pad != 1) || (acc & 0x3))
			return -EINVAL;
		if (o + 2 > size)
			return -EMSGSIZE;
		out[o++] = (uint8_t)(acc >> 10);
		out[o++] = (uint8_t)(acc >> 2);
		break;
	}
	return (ssize_t)o;
}

/*
 * Encode @len bytes into @out (NUL-terminated, padded, one line).  Returns
 * the length without the NUL, or 0 when @size is too small.
 */
size_t base64_encode(const uint8_t *in, size_t len, char *out, size_t size)
{
	size_t i, o = 0, need = (len + 2) / 3 * 4 + 1;

	if (size < need)
		return 0;
	for (i = 0; i + 2 < len; i += 3) {
		unsigned int v = (unsigned int)in[i] << 16 |
				 (unsigned int)in[i + 1] << 8 | in[i + 2];

		out[o++] = b64[v >> 18];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = b64[(v >> 6) & 63];
		out[o++] = b64[v & 63];
	}
	if (len - i == 1) {
		unsigned int v = (unsigned int)in[i] << 16;

		out[o++] = b64[v >> 18];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = '=';
		out[o++] = '=';
	} else if (len - i == 2) {
		unsigned int v = (unsigned int)in[i] << 16 |
				 (unsigned int)in[i + 1] << 8;

		out[o++] = b64[v >> 18];
		out[o++] = b64[(v >> 12) & 63];
		out[o++] = b64[(v >> 6) & 63];
		out[o++] = '=';
	}
	out[o] = '\0';
	return o;
}
