// SPDX-License-Identifier: GPL-2.0
/*
 * krb5ap_test.ko: the KUnit suites for krb5ap.  Each *_test.c file in this
 * directory registers its suites; they run when this module is loaded into a
 * kernel built with CONFIG_KUNIT, after krb5ap.ko.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for krb5ap");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
