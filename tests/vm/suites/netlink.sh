#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VM suite: the krb5ap generic netlink family through krb5apctl, with a
# keytab and tokens minted by a real MIT KDC just before the boot
# (netlink.host), and malformed requests through netlink-bad.  Runs in the
# guest (tests/vm/run); writes TAP to $RESULTS.
. /share/lib.sh

S=/share
REALM=KRB5AP.TEST
FS1=cifs/fs1.krb5ap.test@$REALM

# ok NAME SERVER: NAME.tok is accepted with alice, SERVER and NAME.exp's
# enctype and kvno.
ok() {
	read -r et kv <"$S/$1.exp"
	out=$(krb5apctl verify --json "$S/$1.tok")
	rc=$?
	echo "$out"
	[ $rc -eq 0 ] &&
		echo "$out" | grep -q '"status":"accepted"' &&
		echo "$out" | grep -q "\"client\":\"alice@$REALM\"" &&
		echo "$out" | grep -q "\"server\":\"$2\"" &&
		echo "$out" | grep -q "\"enctype\":${et}[,}]" &&
		echo "$out" | grep -q "\"kvno\":${kv}[,}]"
}

# rejected NAME ERROR: exit status 1 and the Kerberos error's name.
rejected() {
	out=$(krb5apctl verify --json "$S/$1.tok")
	rc=$?
	echo "$out"
	[ $rc -eq 1 ] && echo "$out" | grep -q "\"error\":\"$2\""
}

# count_keys: keys listed (JSON objects with a kvno).
count_keys() {
	krb5apctl key list --json | grep -o '"kvno"' | wc -l
}

# no_key_bytes CMD...: none of the keys' hex or base64 forms in the output.
no_key_bytes() {
	"$@" >/tmp/out 2>&1 || return 1
	cat /tmp/out
	! grep -qiF -f "$S/keystrings" /tmp/out
}

# as_nobody CMD: fails, saying that CAP_NET_ADMIN is needed.
as_nobody() {
	out=$(su nobody -s /bin/sh -c "$1" 2>&1)
	rc=$?
	echo "$out"
	[ $rc -ne 0 ] && echo "$out" | grep -q "CAP_NET_ADMIN"
}

# --- the family and an empty table -----------------------------------------
check "key list works on an empty table" sh -c 'krb5apctl key list | grep -q "no keys loaded"'
check "key list --json on an empty table" sh -c 'krb5apctl key list --json | grep -q "\"keys\":\[\]"'

# --- load, list --------------------------------------------------------------
check "keytab load (5 keys, 3 principals, 5 enctypes)" krb5apctl keytab load -k $S/service.keytab
check "key list shows the 5 keys" test "$(count_keys)" = 5
check "key list shows cifs/fs1 kvno 2 aes256" \
	sh -c "krb5apctl key list --json | grep -q '\"principal\":\"$FS1\",\"kvno\":2,\"enctype\":18'"
check "key list: no key bytes" no_key_bytes krb5apctl key list
check "key list --json: no key bytes" no_key_bytes krb5apctl key list --json
check "the kernel's key-get dump carries no key bytes" \
	sh -c "$S/netlink-bad raw-dump >/tmp/dump.hex && test \$(wc -l </tmp/dump.hex) = 5 && ! grep -qiF -f $S/keystrings /tmp/dump.hex"
check "key-get do finds cifs/fs1 kvno 2 aes256, without key bytes" \
	sh -c "$S/netlink-bad raw-get cifs/fs1.krb5ap.test $REALM 2 18 >/tmp/get.hex && ! grep -qiF -f $S/keystrings /tmp/get.hex"
check_fails "key-get do: kvno 9 is not loaded" $S/netlink-bad raw-get cifs/fs1.krb5ap.test $REALM 9 18
check_fails "keytab load again (no --replace) is refused" krb5apctl keytab load -k $S/service.keytab
check "a refused load changes nothing" test "$(count_keys)" = 5
check "keytab load --replace reloads the same keys" krb5apctl keytab load --replace -k $S/service.keytab
check "the reload left 5 keys" test "$(count_keys)" = 5

# --- the results group -------------------------------------------------------
krb5apctl monitor --json >/tmp/monitor.out 2>&1 &
monitor_pid=$!
sleep 1

# --- verification ------------------------------------------------------------
check "raw token (aes256, kvno 2) accepted, fields right" ok good "$FS1"
check "verify: no key bytes in the result" no_key_bytes krb5apctl verify --json $S/replay.tok
check "a replayed token is rejected KRB_AP_ERR_REPEAT (exit 1)" rejected replay KRB_AP_ERR_REPEAT
check "a tampered token is rejected KRB_AP_ERR_BAD_INTEGRITY (exit 1)" rejected tamper KRB_AP_ERR_BAD_INTEGRITY
check "GSS token accepted, mutual, AP-REP written" \
	sh -c "krb5apctl verify --json --reply-out /tmp/ap-rep $S/gss.tok | tee /dev/stderr | grep -q '\"framing\":\"gss\".*\"mutual\":true' && test -s /tmp/ap-rep"
check "aes128-sha256 (19) token accepted" ok e19 "host/e19.krb5ap.test@$REALM"
check "camellia256 (26) GSS token accepted" ok e26 "host/e26.krb5ap.test@$REALM"
check "verify text output names the error" \
	sh -c "krb5apctl verify $S/good.tok | grep -q 'KRB_AP_ERR_REPEAT'"
# A verification by an in-kernel consumer is reported too, with its tag.
check "the example consumer module verifies (a bad token) at load" modprobe krb5ap_example
rmmod krb5ap_example

sleep 1
kill $monitor_pid 2>/dev/null
wait $monitor_pid 2>/dev/null
check "monitor saw the in-kernel consumer's verification, tagged" \
	grep -q '"status":"rejected".*"tag":"krb5ap_example"' /tmp/monitor.out
check "monitor saw an accepted event tagged netlink" \
	sh -c 'cat /tmp/monitor.out; grep -q "\"status\":\"accepted\".*\"tag\":\"netlink\"" /tmp/monitor.out'
check "monitor saw KRB_AP_ERR_BAD_INTEGRITY" grep -q KRB_AP_ERR_BAD_INTEGRITY /tmp/monitor.out
check "monitor events carry no key bytes" sh -c "! grep -qiF -f $S/keystrings /tmp/monitor.out"

# --- stats --------------------------------------------------------------------
check "stats" sh -c 'krb5apctl stats'
# 3 rejected through krb5apctl, 1 (KRB_ERR_GENERIC) by the example module.
check "stats --json: 5 accepted, 4 rejected" \
	sh -c 'krb5apctl stats --json | tee /dev/stderr | grep -q "\"accepted\":5,\"rejected\":4"'
check "stats counts the example module's KRB_ERR_GENERIC" \
	sh -c 'krb5apctl stats --json | grep -q "\"code\":60,\"error\":\"KRB_ERR_GENERIC\",\"count\":1"'
check "stats counts KRB_AP_ERR_REPEAT twice" \
	sh -c 'krb5apctl stats --json | grep -q "\"code\":34,\"error\":\"KRB_AP_ERR_REPEAT\",\"count\":2"'
check "stats counts keys and principals" \
	sh -c 'krb5apctl stats --json | grep -q "\"keys\":5,\"principals\":3"'

# --- config -------------------------------------------------------------------
check "config show" krb5apctl config show
check "config set clock_skew 600" krb5apctl config set clock_skew 600
check "config show --json reads back 600" sh -c 'krb5apctl config show --json | grep -q "\"clock_skew\":600"'
check "config set clock_skew 300" krb5apctl config set clock_skew 300

# --- unprivileged user ---------------------------------------------------------
# Copies nobody can read (the share itself is the host user's, mode 0700).
cp $S/service.keytab /tmp/nobody.keytab
cp $S/nobody.tok /tmp/nobody.tok
chmod 0644 /tmp/nobody.keytab /tmp/nobody.tok
check "nobody cannot add keys" as_nobody "krb5apctl keytab load -k /tmp/nobody.keytab --replace"
check "nobody cannot list keys" as_nobody "krb5apctl key list"
check "nobody cannot delete keys" as_nobody "krb5apctl key del $FS1"
check "nobody cannot flush keys" as_nobody "krb5apctl key flush"
check "nobody cannot verify" as_nobody "krb5apctl verify /tmp/nobody.tok"
check "nobody cannot subscribe to results" as_nobody "timeout 5 krb5apctl monitor"
check "nobody cannot change the settings" as_nobody "krb5apctl config set clock_skew 10"
check "nobody cannot read the counters" as_nobody "krb5apctl stats"
check "nobody changed nothing" test "$(count_keys)" = 5
check "nobody's token is still fresh (nobody could not use it)" ok nobody "$FS1"

# --- a second network namespace -------------------------------------------------
check "a new netns sees no keys" sh -c 'unshare -n krb5apctl key list | grep -q "no keys loaded"'
check "a new netns cannot verify with our keys (KRB_AP_ERR_NOKEY)" \
	sh -c "unshare -n krb5apctl verify --json $S/ns.tok | tee /dev/stderr | grep -q '\"error\":\"KRB_AP_ERR_NOKEY\"'"
check "a new netns has its own table (load + flush there)" \
	sh -c "unshare -n sh -c 'krb5apctl keytab load -k $S/rot.keytab && krb5apctl key list && krb5apctl key flush'"
check "ours kept its 5 keys" test "$(count_keys)" = 5
check "ours still verifies the token (its replay cache is ours too)" ok ns "$FS1"

# --- malformed requests ------------------------------------------------------
krb5apctl key list --json >/tmp/keys.before
krb5apctl config show --json >/tmp/config.before
krb5apctl stats --json | sed 's/"replay_entries":[0-9]*//' >/tmp/stats.before
$S/netlink-bad list >/tmp/cases
while IFS="	" read -r name what; do
	check "malformed: $what: refused with an extack message" $S/netlink-bad "$name"
done </tmp/cases
check "malformed requests changed no key" sh -c 'krb5apctl key list --json >/tmp/keys.after && cmp /tmp/keys.after /tmp/keys.before'
check "malformed requests changed no setting" sh -c 'krb5apctl config show --json >/tmp/config.after && cmp /tmp/config.after /tmp/config.before'
check "malformed requests counted no verification" \
	sh -c 'krb5apctl stats --json | sed "s/\"replay_entries\":[0-9]*//" >/tmp/stats.after && cmp /tmp/stats.after /tmp/stats.before'
check "krb5apctl shows the kernel's message (wrong key length)" \
	sh -c "$S/netlink-bad key-short | grep -q 'wrong key length for the enctype'"

# --- rotation -------------------------------------------------------------------
check "load kvno 3 beside kvno 2" krb5apctl keytab load -k $S/rot.keytab
check "8 keys now" test "$(count_keys)" = 8
check "kvno 2 token still accepted" ok after-rot "$FS1"
check "kvno 3 token accepted" ok kvno3 "$FS1"

# --- key del, key flush ------------------------------------------------------------
check "key del --kvno 2" krb5apctl key del $FS1 --kvno 2
check "5 keys left" test "$(count_keys)" = 5
check "no kvno 2 of cifs/fs1 left" sh -c "! krb5apctl key list --json | grep -q '\"principal\":\"$FS1\",\"kvno\":2'"
check "kvno 2 token now rejected KRB_AP_ERR_BADKEYVER" rejected after-del KRB_AP_ERR_BADKEYVER
check "kvno 3 still accepted" ok kvno3-b "$FS1"
check_fails "key del of an absent key fails" krb5apctl key del $FS1 --kvno 2
check "key del of a whole principal" krb5apctl key del host/e19.krb5ap.test@$REALM
check "4 keys left" test "$(count_keys)" = 4
check "key flush" krb5apctl key flush
check "key list empty after flush" sh -c 'krb5apctl key list | grep -q "no keys loaded"'
check "stats shows 0 keys" sh -c 'krb5apctl stats --json | grep -q "\"keys\":0,\"principals\":0"'
check "verify after flush: KRB_AP_ERR_NOKEY" rejected good KRB_AP_ERR_NOKEY

# --- reload, unload with keys loaded ------------------------------------------------
check "load again after flush" krb5apctl keytab load -k $S/service.keytab
check "rmmod with keys loaded" rmmod krb5ap
check "modprobe again: an empty table" sh -c 'modprobe krb5ap && krb5apctl key list | grep -q "no keys loaded"'
done_testing
