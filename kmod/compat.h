/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernels krb5ap supports (Debian's 6.1 and
 * 6.12 LTS) is handled here and nowhere else.  The file is force-included
 * into every compilation unit by Kbuild.  Prefer testing for the feature
 * (a macro or a Kconfig symbol) over comparing version numbers.
 *
 * So far the module needs no glue: everything it uses has the same shape
 * on both kernels (GENL_MCAST_CAP_NET_ADMIN included: Debian's 6.1 has it
 * from stable).  Where 6.1 and 6.12 keep a netlink dump's parsed
 * attributes differently (genl_dumpit_info()->attrs, ->info.attrs),
 * kmod/netlink.c parses them itself with the op's policy instead.
 */
#ifndef _KRB5AP_COMPAT_H
#define _KRB5AP_COMPAT_H

#endif /* _KRB5AP_COMPAT_H */
