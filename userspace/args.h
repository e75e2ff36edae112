/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Argument parsing helpers shared by krb5apctl's subcommands.
 */
#ifndef KRB5APCTL_ARGS_H
#define KRB5APCTL_ARGS_H

#include <stdbool.h>
#include <stddef.h>

int parse_u32(const char *s, unsigned int *out);
bool is_help(const char *arg);
int principal_split(const char *s, char *name, size_t name_size, char *realm,
		    size_t realm_size);
void principal_join(const char *name, const char *realm, char *buf,
		    size_t size);

#endif /* KRB5APCTL_ARGS_H */
