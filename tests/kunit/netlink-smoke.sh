#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run in the KUnit debug kernel's guest (tests/kunit/init) after the
# suites: drive the krb5ap netlink family with krb5apctl, so that the
# netlink handlers run under KASAN, UBSAN, lockdep and kmemleak too (the VM
# suites exercise them fully, but on stock kernels).  Prints TAP lines.

export PATH=/usr/sbin:/usr/bin:/sbin:/bin
n=0
t() {
	what=$1
	shift
	n=$((n + 1))
	if "$@" >/tmp/out 2>&1; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what"
		sed 's/^/# /' /tmp/out | head -n 10
	fi
}
tf() {
	what=$1
	shift
	n=$((n + 1))
	if "$@" >/tmp/out 2>&1; then
		echo "not ok $n - $what (succeeded, should have failed)"
	else
		echo "ok $n - $what"
	fi
}

t "status" krb5apctl status
t "config show --json" sh -c 'krb5apctl config show --json | grep -q "\"clock_skew\":300"'
t "config set clock_skew 120" krb5apctl config set clock_skew 120
t "config show reads 120 back" sh -c 'krb5apctl config show --json | grep -q "\"clock_skew\":120"'
tf "config set clock_skew 100000 is refused" krb5apctl config set clock_skew 100000
t "key list on an empty table" krb5apctl key list --json
t "key flush" krb5apctl key flush
rejected() {
	krb5apctl stats --json | sed -n 's/.*"rejected":\([0-9]*\).*/\1/p'
}
# The KUnit suites verified tokens in this namespace before: count from here.
before=$(rejected)
printf 'not a token' >/tmp/bad.tok
krb5apctl monitor --json >/tmp/monitor.out 2>&1 &
mon=$!
sleep 1
n=$((n + 1))
krb5apctl verify --json /tmp/bad.tok >/tmp/out 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q '"status":"rejected"' /tmp/out; then
	echo "ok $n - verify rejects garbage (exit 1)"
else
	echo "not ok $n - verify rejects garbage (exit 1; got $rc)"
	sed 's/^/# /' /tmp/out | head -n 10
fi
sleep 1
kill $mon 2>/dev/null
wait $mon 2>/dev/null
t "monitor saw the rejection" grep -q '"status":"rejected"' /tmp/monitor.out
t "stats counted it" test "$(rejected)" = "$((before + 1))"
tf "nobody cannot list keys" su nobody -s /bin/sh -c 'krb5apctl key list'

# Keys over netlink: add (one transaction), list, verify, delete, flush.
F=/etc/fixtures
t "keytab load of the fixtures' keys" krb5apctl keytab load -k $F/service.keytab
t "key list shows every key" \
	sh -c "test \$(krb5apctl key list --json | grep -o '\"kvno\"' | wc -l) = $(cat $F/nkeys)"
tf "loading them again without --replace is refused" krb5apctl keytab load -k $F/service.keytab
t "keytab load --replace" krb5apctl keytab load --replace -k $F/service.keytab
# The fixture's authenticator is stale: the ticket and authenticator
# decrypt with the loaded key, then the time checks refuse it (SKEW, or
# TKT_EXPIRED once the fixture's ticket has ended) -- not BAD_INTEGRITY.
t "a fixture token decrypts with the loaded key (rejected on time only)" \
	sh -c "krb5apctl verify --json $F/token.bin | grep -Eq 'KRB_AP_ERR_(SKEW|TKT_EXPIRED)'"
t "key del of one principal" krb5apctl key del host/rot.krb5ap.test@KRB5AP.TEST
t "key flush" krb5apctl key flush
t "the table is empty again" sh -c "! krb5apctl key list --json | grep -q kvno"
echo "1..$n"
