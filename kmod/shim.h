/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The small set of kernel definitions that der.c, msg.c and gss.c use.
 *
 * In the kernel this only includes the real headers.  Outside it (userspace
 * unit tests and the libFuzzer harness) it supplies the same names from the
 * C library, so that the very same decoder source is compiled and tested in
 * both worlds.  Nothing here may depend on kmod/compat.h, which only the
 * kernel build force-includes.
 */
#ifndef _KRB5AP_SHIM_H
#define _KRB5AP_SHIM_H

#ifdef __KERNEL__

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <linux/time64.h>

#else /* !__KERNEL__ */

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef __UINT8_TYPE__ u8;
typedef __UINT16_TYPE__ u16;
typedef __UINT32_TYPE__ u32;
typedef __UINT64_TYPE__ u64;
typedef __INT32_TYPE__ s32;
typedef __INT64_TYPE__ s64;
typedef s64 time64_t;

#define U16_MAX		((u16)~0U)
#define U32_MAX		((u32)~0U)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define S32_MIN		((s32)(-S32_MAX - 1))
#define S64_MAX		((s64)(~0ULL >> 1))
#define S64_MIN		((s64)(-S64_MAX - 1))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define BIT(n)		(1UL << (n))

/* Nothing is exported outside the kernel: a harmless declaration. */
#define KRB5AP_SHIM_NO_EXPORT(sym)	struct krb5ap_shim_no_export_##sym
#define EXPORT_SYMBOL			KRB5AP_SHIM_NO_EXPORT
#define EXPORT_SYMBOL_GPL		KRB5AP_SHIM_NO_EXPORT
#define EXPORT_SYMBOL_IF_KUNIT		KRB5AP_SHIM_NO_EXPORT
#define VISIBLE_IF_KUNIT

#endif /* __KERNEL__ */

#endif /* _KRB5AP_SHIM_H */
