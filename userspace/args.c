// SPDX-License-Identifier: GPL-2.0
/*
 * Argument parsing helpers for krb5apctl.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

/*
 * Parse a decimal unsigned 32-bit number: no sign, no white space, no
 * trailing characters.  Returns 0 or -EINVAL / -ERANGE.
 */
int parse_u32(const char *s, unsigned int *out)
{
	unsigned long long v;
	char *end;

	if (!s || !isdigit((unsigned char)s[0]))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end)
		return -EINVAL;
	if (errno == ERANGE || v > 0xffffffffULL)
		return -ERANGE;
	*out = (unsigned int)v;
	return 0;
}

bool is_help(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help") ||
	       !strcmp(arg, "help");
}
