/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Module parameters: the defaults that each new network namespace copies
 * into its own configuration.
 */
#ifndef _KRB5AP_PARAMS_H
#define _KRB5AP_PARAMS_H

#include <linux/types.h>

/* Allowed clock skew in seconds (MIT's clockskew, default 5 minutes). */
#define KRB5AP_CLOCK_SKEW_DEFAULT	300
#define KRB5AP_CLOCK_SKEW_MAX		86400
/* Replay cache capacity in entries, per network namespace. */
#define KRB5AP_REPLAY_MAX_DEFAULT	1048576
#define KRB5AP_REPLAY_MAX_MIN		1024
#define KRB5AP_REPLAY_MAX_MAX		16777216
/* Largest token accepted, in bytes. */
#define KRB5AP_TOKEN_MAX_DEFAULT	65536
#define KRB5AP_TOKEN_MAX_MIN		1024
#define KRB5AP_TOKEN_MAX_MAX		1048576
/* Longest string accepted by the enctypes parameter. */
#define KRB5AP_ENCTYPES_STR_MAX		256

unsigned int krb5ap_param_clock_skew(void);
unsigned int krb5ap_param_replay_max(void);
unsigned int krb5ap_param_max_token(void);
u32 krb5ap_param_enctypes(void);

#if IS_ENABLED(CONFIG_KUNIT)
int krb5ap_parse_uint_param(const char *val, unsigned int min,
			    unsigned int max, unsigned int *out);
int krb5ap_parse_enctype_list(const char *val, u32 *mask);
int krb5ap_format_enctype_list(u32 mask, char *buf, size_t size);
#endif

#endif /* _KRB5AP_PARAMS_H */
