#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VM suite: the module loads, shows up where administrators look, validates
# its parameters, and unloads cleanly.  Runs in the guest (tests/vm/run);
# writes TAP to $RESULTS.
. /share/lib.sh

check "krb5ap is listed in /proc/modules" grep -q '^krb5ap ' /proc/modules
check "sysfs shows the module version" test "$(cat /sys/module/krb5ap/version)" = 0.1.0
check "krb5apctl status says loaded" krb5apctl status
check "krb5apctl status --json reports the defaults" \
	sh -c 'krb5apctl status --json | grep -q "\"clock_skew\":300,\"replay_cache_size\":1048576,\"max_token_size\":65536"'
check "clock_skew accepts 600" sh -c 'echo 600 >/sys/module/krb5ap/parameters/clock_skew'
check "clock_skew reads back 600" test "$(cat /sys/module/krb5ap/parameters/clock_skew)" = 600
check_fails "clock_skew refuses 86401" sh -c 'echo 86401 >/sys/module/krb5ap/parameters/clock_skew'
check_fails "clock_skew refuses text" sh -c 'echo five >/sys/module/krb5ap/parameters/clock_skew'
check "clock_skew kept 600 after refusals" test "$(cat /sys/module/krb5ap/parameters/clock_skew)" = 600
check_fails "enctypes refuses rc4-hmac" sh -c 'echo rc4-hmac >/sys/module/krb5ap/parameters/enctypes'
check "enctypes accepts a list" sh -c 'echo 18,aes256-cts-hmac-sha384-192 >/sys/module/krb5ap/parameters/enctypes'
check "enctypes reads back names" \
	test "$(cat /sys/module/krb5ap/parameters/enctypes)" = "aes256-cts-hmac-sha1-96,aes256-cts-hmac-sha384-192"
check_fails "an unprivileged user cannot change parameters" \
	su nobody -s /bin/sh -c 'echo 1 >/sys/module/krb5ap/parameters/clock_skew'
check "rmmod krb5ap" rmmod krb5ap
check_fails "krb5ap is gone from /proc/modules" grep -q '^krb5ap ' /proc/modules
check_fails "krb5apctl status says not loaded" krb5apctl status
check "krb5apctl explains how to load it" \
	sh -c 'krb5apctl status | grep -q "krb5ap module is not loaded (modprobe krb5ap)"'
check_fails "modprobe refuses clock_skew=100000" modprobe krb5ap clock_skew=100000
check_fails "modprobe refuses enctypes=des-cbc-crc" modprobe krb5ap enctypes=des-cbc-crc
check_fails "a refused load leaves nothing behind" grep -q '^krb5ap ' /proc/modules
check "modprobe with valid parameters" modprobe krb5ap clock_skew=120 enctypes=aes256-cts-hmac-sha1-96
check "parameters given at load are in effect" \
	test "$(cat /sys/module/krb5ap/parameters/clock_skew)" = 120
check "load/unload ten times" sh -c 'i=0; while [ $i -lt 10 ]; do rmmod krb5ap && modprobe krb5ap || exit 1; i=$((i+1)); done'
check "the example consumer module loads (it calls krb5ap_verify)" modprobe krb5ap_example
check "the example consumer saw its bad token refused" \
	sh -c 'dmesg | grep -q "krb5ap_example: bad token refused: errno -[0-9]*, Kerberos error 60"'
check_fails "krb5ap cannot be unloaded while its consumer is loaded" rmmod krb5ap
check "rmmod krb5ap_example" rmmod krb5ap_example
done_testing
