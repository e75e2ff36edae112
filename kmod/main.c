// SPDX-License-Identifier: GPL-2.0
/*
 * krb5ap: Kerberos 5 AP-REQ verification in the kernel.
 *
 * This file is only the module's init/exit ladder: each step is set up in
 * order and, when a later one fails, the earlier ones are undone in reverse.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

#include "version.h"

static int __init krb5ap_init(void)
{
	pr_info("krb5ap " KRB5AP_VERSION " loaded\n");
	return 0;
}

static void __exit krb5ap_exit(void)
{
}

module_init(krb5ap_init);
module_exit(krb5ap_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kerberos 5 AP-REQ verification for in-kernel services");
MODULE_VERSION(KRB5AP_VERSION);
