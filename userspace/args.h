/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Argument parsing helpers shared by krb5apctl's subcommands.
 */
#ifndef KRB5APCTL_ARGS_H
#define KRB5APCTL_ARGS_H

#include <stdbool.h>

int parse_u32(const char *s, unsigned int *out);
bool is_help(const char *arg);

#endif /* KRB5APCTL_ARGS_H */
