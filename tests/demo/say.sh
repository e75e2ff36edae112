# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Transcript helpers for `make demo`, sourced by the host side (bash) and
# by the guest side (busybox sh): POSIX sh only.
#
#   step TEXT          a numbered heading: what the next command does and why
#   show CMD ARG...    print "WHERE# CMD ARG..." and run it; its status
#   prompt CMD ARG...  only print "WHERE# CMD ARG..."
#   note TEXT          an indented remark under a step
#   expect TEXT        a check passed: "  ok: TEXT"
#   fail TEXT          a check failed: "  FAILED: TEXT", counted in $demo_failed
#
# DEMO_WHERE is "host" or "guest"; DEMO_STEP_BASE numbers the guest's steps
# after the host's.

: "${DEMO_WHERE:=host}"
: "${DEMO_STEP:=0}"
demo_failed=0

step() {
	DEMO_STEP=$((DEMO_STEP + 1))
	printf '\n%d. [%s] %s\n' "$DEMO_STEP" "$DEMO_WHERE" "$*"
}

note() {
	printf '   %s\n' "$*"
}

# Quote an argument only when it needs it, for display.
demo_quote() {
	case "$1" in
	'' | *[!A-Za-z0-9_./:@=,+-]*)
		printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")" ;;
	*) printf '%s' "$1" ;;
	esac
}

prompt() {
	printf '%s# ' "$DEMO_WHERE"
	demo_first=1
	for demo_a in "$@"; do
		[ -n "$demo_first" ] || printf ' '
		demo_first=
		demo_quote "$demo_a"
	done
	printf '\n'
}

show() {
	prompt "$@"
	"$@"
}

expect() {
	printf '   ok: %s\n' "$*"
}

fail() {
	printf '   FAILED: %s\n' "$*"
	demo_failed=$((demo_failed + 1))
}
