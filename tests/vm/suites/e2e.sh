#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VM suite: end to end against MIT krb5, differential.  e2e.host minted
# tokens from a real MIT KDC just before the boot and recorded MIT's
# krb5_rd_req verdict and fields for each (SHARE/expect); here krb5ap
# verifies every token through `krb5apctl verify --json`, and each verdict
# and field must match MIT's (or the documented stricter verdict, where the
# expectation says so).  AP-REPs go back to the host, where the initiator
# that made the AP-REQ must accept them.  Two processes verify in parallel
# while a third rotates keys.  e2e-late.sh (clock offset) and
# e2e-postdated.sh run the same with E2E_MODE set (no rotation).  Writes
# TAP to $RESULTS.
. /share/lib.sh

S=/share
ROT=cifs/rot.krb5ap.test@KRB5AP.TEST
mkdir -p /tmp/out

# jstr KEY FILE: a string from the one-line JSON object krb5apctl prints.
jstr() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$2"; }

# compare: for every /tmp/out/ID.json, krb5ap's verdict and fields in
# e2e-tool's canonical form beside MIT's (one awk for all: processes are
# slow under TCG), as lines ID MUTUAL NOTE WANT GOT DESC in /tmp/pairs.
cat >/tmp/canon.awk <<'AWK'
function j(s, k) {
	if (match(s, "\"" k "\":\"[^\"]*\""))
		return substr(s, RSTART + length(k) + 4, RLENGTH - length(k) - 5)
	if (match(s, "\"" k "\":[0-9a-z-]+"))
		return substr(s, RSTART + length(k) + 3, RLENGTH - length(k) - 3)
	return ""
}
function d(v, def) { return v == "" ? def : v }
FILENAME != EXPECT {
	id = FILENAME
	sub(/.*\//, "", id)
	sub(/\.json$/, "", id)
	if (j($0, "status") != "accepted") {
		got[id] = "rejected krb_error=" j($0, "krb_error")
		next
	}
	at = j($0, "authtime")
	got[id] = "accepted client=" j($0, "client") " server=" j($0, "server") \
		" enctype=" j($0, "enctype") " kvno=" j($0, "kvno") \
		" session_enctype=" j($0, "session_enctype") \
		" subkey_enctype=" d(j($0, "subkey_enctype"), "none") \
		" authtime=" at " starttime=" d(j($0, "starttime"), at) \
		" endtime=" j($0, "endtime") " renew_till=" d(j($0, "renew_till"), 0) \
		" ticket_flags=" j($0, "ticket_flags") \
		" gss_flags=" d(j($0, "gss_flags"), "none") " seq=" d(j($0, "seq"), 0) \
		" mutual=" j($0, "mutual")
	next
}
($1 in got) {
	print $1 "\t" $2 "\t" $3 "\t" $4 "\t" got[$1] "\t" $5
}
AWK
compare() {
	awk -F '\t' -v EXPECT=$S/expect -f /tmp/canon.awk /tmp/out/*.json $S/expect >/tmp/pairs
}

# show WANT GOT: both lines, and the differing fields; true when equal.
show() {
	echo "expect: $1"
	echo "krb5ap: $2"
	[ "$1" = "$2" ] && return 0
	for f in $1; do
		case " $2 " in *" $f "*) ;; *) echo "- $f" ;; esac
	done
	for f in $2; do
		case " $1 " in *" $f "*) ;; *) echo "+ $f" ;; esac
	done
	return 1
}

# verify ID MUTUAL: krb5apctl verify, once; AP-REPs of mutual tokens go to
# the share (renamed into place: the host polls for them).
verify() {
	if [ "$2" = 1 ]; then
		krb5apctl verify --json --reply-out "$S/rep/$1.tmp" "$S/tok/$1.tok" >"/tmp/out/$1.json"
		[ -s "$S/rep/$1.tmp" ] && mv "$S/rep/$1.tmp" "$S/rep/$1.rep"
	else
		krb5apctl verify --json "$S/tok/$1.tok" >"/tmp/out/$1.json"
	fi
}

check "keytab load (every service key)" krb5apctl keytab load -k $S/e2e.keytab

# --- every token, once, compared with MIT -----------------------------------
tab=$(printf '\t')
while IFS="$tab" read -r id mut note want desc; do
	case "$note" in group=*) continue ;; esac
	verify "$id" "$mut"
done <$S/expect
compare
tokens=0
agree=0
mismatch=0
: >/tmp/mutual
while IFS="$tab" read -r id mut note want got desc; do
	case "$note" in group=*) continue ;; esac
	tokens=$((tokens + 1))
	if [ "$want" = "$got" ]; then agree=$((agree + 1)); else mismatch=$((mismatch + 1)); fi
	if [ "$note" = mit ]; then
		check "token $id ($desc): verdict and fields match MIT" show "$want" "$got"
	else
		check "token $id ($desc): verdict and fields as documented, $note" show "$want" "$got"
	fi
	case "$want" in
	accepted*)
		[ "$mut" = 1 ] && echo "$id" >>/tmp/mutual ;;
	esac
done </tmp/pairs
# Every token in the expectations was compared.
expected=$(grep -vc "	group=" $S/expect)

# The comparator itself: a wrong expectation must differ (the first
# token's kvno, made 1 followed by itself).
IFS="$tab" read -r id mut note want got desc </tmp/pairs
check_fails "the comparator flags a wrong expectation (token $id, kvno changed)" \
	show "$(echo "$want" | sed 's/ kvno=\([0-9]*\)/ kvno=1\1/')" "$got"

echo "# tokens: $tokens, agreements: $agree, mismatches: $mismatch" >>"$RESULTS"
check "tokens: $tokens, agreements: $agree, mismatches: $mismatch (none allowed)" \
	test "$mismatch" = 0 -a "$tokens" -gt 0 -a "$agree" = "$tokens" -a "$tokens" = "$expected"

# --- concurrency: two verifiers, one rotator ----------------------------------
if [ -z "${E2E_MODE:-}" ]; then
	# verify_group GROUP: every token of GROUP, one after the other.
	verify_group() {
		grep "	group=$1	" $S/expect | cut -f1 | while read -r id; do
			krb5apctl verify --json "$S/tok/$id.tok" >"/tmp/out/$id.json"
		done
		touch "/tmp/$1.done"
	}
	check "cifs/rot: kvno 1 and 2 loaded before the rotation" \
		sh -c "krb5apctl key list --json | grep -q '\"principal\":\"$ROT\",\"kvno\":1' &&
			krb5apctl key list --json | grep -q '\"principal\":\"$ROT\",\"kvno\":2'"
	rm -f /tmp/conc-a.done /tmp/conc-b.done /tmp/rot.err
	start=$(date +%s)
	verify_group conc-a &
	pa=$!
	verify_group conc-b &
	pb=$!
	# Rotate (load kvno 3, delete kvno 1, load kvno 1, delete kvno 3) until
	# both are done, at most 20 s: kvno 2 is never touched.
	rounds=0
	while [ ! -f /tmp/conc-a.done ] || [ ! -f /tmp/conc-b.done ]; do
		[ $(($(date +%s) - start)) -lt 20 ] || break
		krb5apctl keytab load -k $S/rot3.keytab >>/tmp/rot.err 2>&1 || echo "FAILED load kvno 3" >>/tmp/rot.err
		krb5apctl key del $ROT --kvno 1 >>/tmp/rot.err 2>&1 || echo "FAILED del kvno 1" >>/tmp/rot.err
		krb5apctl keytab load -k $S/rot1.keytab >>/tmp/rot.err 2>&1 || echo "FAILED load kvno 1" >>/tmp/rot.err
		krb5apctl key del $ROT --kvno 3 >>/tmp/rot.err 2>&1 || echo "FAILED del kvno 3" >>/tmp/rot.err
		rounds=$((rounds + 1))
	done
	wait $pa $pb
	secs=$(($(date +%s) - start))
	compare
	n=0
	bad=0
	: >/tmp/conc.bad
	while IFS="$tab" read -r id mut note want got desc; do
		case "$note" in group=conc-*) ;; *) continue ;; esac
		n=$((n + 1))
		[ "$want" = "$got" ] && continue
		bad=$((bad + 1))
		show "$want" "$got" >>/tmp/conc.bad
	done </tmp/pairs
	echo "# concurrency: $n tokens in ${secs}s, $rounds rotation rounds, $bad rejected or different from MIT" >>"$RESULTS"
	check "concurrency: both verifiers finished within 20 s" \
		test -f /tmp/conc-a.done -a -f /tmp/conc-b.done
	check "concurrency: the key rotated while they ran ($rounds rounds)" test "$rounds" -gt 0
	check "concurrency: every rotation command succeeded" \
		sh -c "cat /tmp/rot.err; ! grep -q FAILED /tmp/rot.err"
	check "concurrency: $n kvno-2 tokens verified in parallel during rotation: all accepted, fields match MIT" \
		sh -c "test $n = 100 -a $bad = 0 || { cat /tmp/conc.bad; false; }"
	check "cifs/rot: kvno 1 and 2 left, no kvno 3" \
		sh -c "krb5apctl key list --json | grep -q '\"principal\":\"$ROT\",\"kvno\":1' &&
			krb5apctl key list --json | grep -q '\"principal\":\"$ROT\",\"kvno\":2' &&
			! krb5apctl key list --json | grep -q '\"principal\":\"$ROT\",\"kvno\":3'"
fi

# --- AP-REPs: accepted by the initiator on the host -------------------------------
# ap_rep ID: the host's answer (waits for it, 30 s for all of them together).
deadline=$(($(date +%s) + 30))
ap_rep() {
	while [ ! -f "$S/rep/$1.mit" ] && [ "$(date +%s)" -lt $deadline ]; do
		sleep 0.2
	done
	cat "$S/rep/$1.mit" 2>/dev/null || { echo "no answer from the host"; return 1; }
	grep -q '^accepted' "$S/rep/$1.mit"
}
while read -r id; do
	if [ "$(jstr framing "/tmp/out/$id.json")" = gss ]; then
		how="gss_init_sec_context"
	else
		how="krb5_rd_rep"
	fi
	check "AP_REP for token $id accepted by MIT $how" ap_rep "$id"
done </tmp/mutual
done_testing
