# SPDX-License-Identifier: GPL-2.0
# Sourced by VM suites in the guest: TAP into $RESULTS (on the share).
RESULTS=${RESULTS:-/share/results.tap}
: >"$RESULTS"
_n=0

check() {
	local what=$1
	shift
	_n=$((_n + 1))
	if "$@" >/tmp/check.out 2>&1; then
		echo "ok $_n - $what" >>"$RESULTS"
	else
		echo "not ok $_n - $what" >>"$RESULTS"
		sed 's/^/# /' /tmp/check.out | head -n 20 >>"$RESULTS"
	fi
}

check_fails() {
	local what=$1
	shift
	_n=$((_n + 1))
	if "$@" >/tmp/check.out 2>&1; then
		echo "not ok $_n - $what (succeeded, should have failed)" >>"$RESULTS"
	else
		echo "ok $_n - $what" >>"$RESULTS"
	fi
}

done_testing() {
	echo "1..$_n" >>"$RESULTS"
}
