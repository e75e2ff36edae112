// SPDX-License-Identifier: GPL-2.0
/*
 * Argument parsing helpers for krb5apctl.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
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

/*
 * Split an unparsed principal "name@REALM" at its last '@' that no
 * backslash escapes.  Without one, @realm is set to "".  Returns 0,
 * -EINVAL for an empty name or an empty realm after '@', or -ENAMETOOLONG
 * when a part does not fit its buffer.
 */
int principal_split(const char *s, char *name, size_t name_size, char *realm,
		    size_t realm_size)
{
	const char *at = NULL, *p;
	size_t nlen;

	for (p = s; *p; p++) {
		if (*p == '\\') {
			if (!p[1])
				break;
			p++;
			continue;
		}
		if (*p == '@')
			at = p;
	}
	nlen = at ? (size_t)(at - s) : strlen(s);
	if (!nlen || (at && !at[1]))
		return -EINVAL;
	if (nlen >= name_size || (at && strlen(at + 1) >= realm_size) ||
	    !realm_size)
		return -ENAMETOOLONG;
	memcpy(name, s, nlen);
	name[nlen] = '\0';
	strcpy(realm, at ? at + 1 : "");
	return 0;
}

/* "name@REALM" from its parts, escaping nothing (they come unparsed). */
void principal_join(const char *name, const char *realm, char *buf,
		    size_t size)
{
	if (realm && *realm)
		snprintf(buf, size, "%s@%s", name, realm);
	else
		snprintf(buf, size, "%s", name);
}
