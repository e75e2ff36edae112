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

#include "cryptopool.h"
#include "enctype.h"
#include "gss.h"
#include "netlink.h"
#include "pernet.h"
#include "version.h"

static int __init krb5ap_init(void)
{
	int ret;

	ret = krb5ap_cryptopool_init();
	if (ret)
		goto err_cryptopool;
	ret = krb5ap_crypto_selftest();
	if (ret)
		goto err_selftest;
	ret = krb5ap_gss_init();
	if (ret)
		goto err_gss;
	ret = krb5ap_pernet_init();
	if (ret)
		goto err_pernet;
	ret = krb5ap_netlink_init();
	if (ret)
		goto err_netlink;
	pr_info("krb5ap " KRB5AP_VERSION " loaded\n");
	return 0;

err_netlink:
	krb5ap_pernet_exit();
err_pernet:
	krb5ap_gss_exit();
err_gss:
err_selftest:
	krb5ap_cryptopool_exit();
err_cryptopool:
	return ret;
}

static void __exit krb5ap_exit(void)
{
	krb5ap_netlink_exit();
	krb5ap_pernet_exit();
	krb5ap_gss_exit();
	krb5ap_cryptopool_exit();
}

module_init(krb5ap_init);
module_exit(krb5ap_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kerberos 5 AP-REQ verification for in-kernel services");
MODULE_VERSION(KRB5AP_VERSION);
