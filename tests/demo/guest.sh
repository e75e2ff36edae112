#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of `make demo` (tests/demo/run): runs in the stock kernel's
# QEMU guest from the shared folder, with krb5ap already loaded by the
# runner.  Writes its transcript to /share/guest.log (the host prints it
# as it grows) and exits non-zero when a step did not do what it says.
#
#   sh /share/guest.sh REALM SERVICE FIRST_STEP
#
# The share holds say.sh, server.keytab, good.tok and good.exp
# ("ENCTYPE KVNO" of the ticket), tamper.tok.
cd /share || exit 2
exec >/share/guest.log 2>&1
REALM=$1
SERVICE=$2
# shellcheck disable=SC2034  # read by say.sh
DEMO_WHERE=guest
DEMO_STEP=$3
# shellcheck source=say.sh
. /share/say.sh
read -r ET KVNO <good.exp

step "The runner booted Debian's stock kernel and loaded krb5ap with modprobe. Ask the module how it is set up (over its generic netlink family)."
show krb5apctl status || fail "krb5apctl status"

step "Load the service's keys from the keytab the KDC wrote. krb5apctl reads it with libkrb5 and hands the keys to the kernel in one netlink transaction."
if show krb5apctl keytab load -k server.keytab; then
	expect "keytab loaded"
else
	fail "keytab load"
fi

step "List the keys the kernel now holds (principal, kvno, enctype; key bytes never leave the kernel)."
show krb5apctl key list >/tmp/keys 2>&1
cat /tmp/keys
if grep -q "$SERVICE@$REALM" /tmp/keys; then
	expect "$SERVICE@$REALM is loaded"
else
	fail "no key of $SERVICE@$REALM listed"
fi

step "Verify alice's AP-REQ in the kernel, exactly as an in-kernel server would: decrypt the ticket with the service key, check the authenticator, the clock and the replay cache, and build the AP-REP alice asked for (mutual authentication)."
rm -f ap-rep.der
show krb5apctl verify --reply-out ap-rep.der good.tok >/tmp/good 2>&1
rc=$?
cat /tmp/good
if [ $rc -eq 0 ] && grep -q '^accepted' /tmp/good; then
	expect "accepted (exit status 0)"
else
	fail "the good token was not accepted (exit status $rc)"
fi
if grep -Eq "^ +client +alice@$REALM\$" /tmp/good; then
	expect "client principal alice@$REALM"
else
	fail "client principal is not alice@$REALM"
fi
if grep -Eq "^ +kvno +$KVNO\$" /tmp/good && grep -Eq "^ +enctype +.*\($ET\)\$" /tmp/good; then
	expect "ticket enctype $ET and kvno $KVNO, as the KDC issued it"
else
	fail "enctype/kvno differ from the ticket's ($ET, kvno $KVNO)"
fi
if grep -Eq '^ +mutual +yes$' /tmp/good; then
	expect "mutual authentication requested"
else
	fail "mutual authentication not reported"
fi

step "The kernel returned an AP-REP for alice, so that she can check the server too. Its first byte is 0x6f, the DER tag of an AP-REP ([APPLICATION 15])."
show od -An -tx1 -N 16 ap-rep.der
size=$(wc -c <ap-rep.der 2>/dev/null || echo 0)
tag=$(od -An -tx1 -N 1 ap-rep.der 2>/dev/null | tr -d ' ')
if [ "$size" -gt 0 ] && [ "$tag" = 6f ]; then
	expect "AP-REP of $size bytes"
else
	fail "no AP-REP came back"
fi

step "Replay the very same AP-REQ, as an attacker who captured it would. The replay cache remembers the authenticator: rejected."
show krb5apctl verify good.tok >/tmp/replay 2>&1
rc=$?
cat /tmp/replay
if [ $rc -eq 1 ] && grep -q KRB_AP_ERR_REPEAT /tmp/replay; then
	expect "rejected as KRB_AP_ERR_REPEAT (exit status 1)"
else
	fail "the replay was not rejected as KRB_AP_ERR_REPEAT (exit status $rc)"
fi

step "Verify a second AP-REQ with one bit flipped in its authenticator. The checksum no longer matches: rejected."
show krb5apctl verify tamper.tok >/tmp/tamper 2>&1
rc=$?
cat /tmp/tamper
if [ $rc -eq 1 ] && grep -q KRB_AP_ERR_BAD_INTEGRITY /tmp/tamper; then
	expect "rejected as KRB_AP_ERR_BAD_INTEGRITY (exit status 1)"
else
	fail "the tampered token was not rejected as KRB_AP_ERR_BAD_INTEGRITY (exit status $rc)"
fi

step "The module's counters for this network namespace: one accepted, two rejected, and why."
show krb5apctl stats >/tmp/stats 2>&1
cat /tmp/stats
if krb5apctl stats --json | grep -q '"accepted":1,"rejected":2'; then
	expect "1 accepted, 2 rejected"
else
	fail "the counters are not 1 accepted, 2 rejected"
fi

echo "$DEMO_STEP" >/share/guest.steps
[ "$demo_failed" -eq 0 ]
