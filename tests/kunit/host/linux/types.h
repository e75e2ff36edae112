/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/types.h>, for mkkeytab.c only. */
#ifndef KRB5AP_HOST_LINUX_TYPES_H
#define KRB5AP_HOST_LINUX_TYPES_H

#include <stdbool.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef int64_t s64;
#define __maybe_unused __attribute__((unused))

#endif
