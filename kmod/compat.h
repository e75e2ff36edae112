/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernels krb5ap supports (Debian's 6.1 and
 * 6.12 LTS) is handled here and nowhere else.  The file is force-included
 * into every compilation unit by Kbuild.
 */
#ifndef _KRB5AP_COMPAT_H
#define _KRB5AP_COMPAT_H

#include <linux/version.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
#error "krb5ap needs Linux 6.1 or later"
#endif

#endif /* _KRB5AP_COMPAT_H */
