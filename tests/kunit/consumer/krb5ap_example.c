// SPDX-License-Identifier: GPL-2.0
/*
 * krb5ap_example.ko: the smallest consumer of krb5ap's exported API, to
 * show (and to check at build time against every supported kernel) that
 * another module can call krb5ap_verify() and krb5ap_result_free().
 *
 *   modprobe krb5ap_example                      # a bad token: must be refused
 *   modprobe krb5ap_example token=6e82... service=host/h@REALM now=1795626132
 *
 * Without a token it verifies a few garbage bytes in the initial network
 * namespace and loads only when they are refused with KRB_ERR_GENERIC (60)
 * and an errno.  With a token (hex) it logs the outcome and loads either
 * way.  It is an example, not a service: it does nothing after loading.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/net_namespace.h>

#include "kmod/krb5ap.h"

static char *token;
module_param(token, charp, 0400);
MODULE_PARM_DESC(token, "an AP-REQ in hex to verify at load (default: a bad one)");

static char *service;
module_param(service, charp, 0400);
MODULE_PARM_DESC(service, "acceptor principal name@REALM (default: any in the table)");

static unsigned long long now;
module_param(now, ullong, 0400);
MODULE_PARM_DESC(now, "verification time, seconds since the epoch (default: now)");

static int krb5ap_example_verify(const u8 *tok, size_t len)
{
	u32 krb_error = ~0U;
	struct krb5ap_verify_args args = {
		.service = service,
		.now = (time64_t)now,
		.krb_error = &krb_error,
		.tag = KBUILD_MODNAME,
	};
	struct krb5ap_result *res;
	int ret;

	ret = krb5ap_verify(&init_net, tok, len, &args, &res);
	if (ret) {
		pr_info("refused: errno %d, Kerberos error %u\n", ret,
			krb_error);
		return ret;
	}
	pr_info("accepted %s for %s (kvno %u, enctype %u, AP-REP %zu bytes)\n",
		res->client, res->server, res->kvno, res->ticket_enctype,
		res->ap_rep_len);
	krb5ap_result_free(res);
	return 0;
}

static int __init krb5ap_example_init(void)
{
	static const u8 bad[] = { 0x6e, 0x03, 0x30, 0x01, 0x00 };
	size_t len;
	u8 *buf;
	int ret;

	if (!token) {
		u32 krb_error = ~0U;
		struct krb5ap_verify_args args = {
			.krb_error = &krb_error,
			.tag = KBUILD_MODNAME,
		};
		struct krb5ap_result *res;

		ret = krb5ap_verify(&init_net, bad, sizeof(bad), &args, &res);
		if (ret >= 0 || res || krb_error != KRB5AP_ERR_GENERIC) {
			pr_err("a bad token was not refused as expected: %d, %u\n",
			       ret, krb_error);
			krb5ap_result_free(res);
			return -EPROTO;
		}
		pr_info("bad token refused: errno %d, Kerberos error %u\n",
			ret, krb_error);
		return 0;
	}

	len = strlen(token);
	if (!len || len % 2)
		return -EINVAL;
	buf = kmalloc(len / 2, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = hex2bin(buf, token, len / 2);
	if (!ret)
		krb5ap_example_verify(buf, len / 2);
	kfree(buf);
	return ret;
}

static void __exit krb5ap_example_exit(void)
{
}

module_init(krb5ap_example_init);
module_exit(krb5ap_example_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example consumer of krb5ap_verify()");
