#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Generate the netlink ABI files from the YNL spec, with ynl-gen-c.py from
# Debian's linux-source-6.12 (never copied into this repository):
#
#   tests/regen.sh            rewrite the committed files (`make regen`)
#   tests/regen.sh --check    regenerate into a temporary directory and fail
#                             (status 1, with a diff) when a committed file
#                             is stale
#
# Spec:      Documentation/netlink/specs/krb5ap.yaml
# Generated: uapi/linux/krb5ap.h      (--mode uapi)
#            kmod/netlink-gen.c        (--mode kernel --source: policies, ops)
#            kmod/netlink-gen.h        (--mode kernel --header)
#
# The 6.12 generator wants an absolute spec path and -o, finds the schema
# at dirname(dirname(spec))/genetlink-legacy.yaml and loops forever without
# a MAINTAINERS file in a directory above the spec, so it runs in a
# temporary tree laid out like the kernel's.  It writes no prose into the
# uapi header except enum kernel-doc, so a second step renders the spec's
# doc: fields (family, commands, attributes) into one comment at the top of
# the header, wireguard-style.  A third step drops the unusable mcgrps
# array from netlink-gen.c (see below).
set -u
. "$(dirname "$0")/lib.sh"

check=0
case "${1:-}" in
--check) check=1 ;;
"") ;;
-h | --help)
	sed -n '3,23p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
*) die "usage: tests/regen.sh [--check]" ;;
esac

src=$(kernel_source) || exit 2
gen=$src/tools/net/ynl/ynl-gen-c.py
schema=$src/Documentation/netlink/genetlink-legacy.yaml
[ -f "$gen" ] || die "$gen is missing"
[ -f "$schema" ] || die "$schema is missing"
python3 -c 'import yaml, jsonschema' 2>/dev/null ||
	die "python3 needs yaml and jsonschema (python3-yaml python3-jsonschema)"

spec_rel=Documentation/netlink/specs/krb5ap.yaml
tmp=$(mktemp -d "${TMPDIR:-/tmp}/krb5ap-regen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tree=$tmp/tree
out=$tmp/out
mkdir -p "$tree/Documentation/netlink/specs" "$out/uapi/linux" "$out/kmod"
: >"$tree/MAINTAINERS"
cp "$schema" "$tree/Documentation/netlink/"
cp "$KRB5AP_TOP/$spec_rel" "$tree/$spec_rel"
spec=$tree/$spec_rel

ynl() {
	# The generator must never hang a build: bound it.
	timeout 120 python3 "$gen" --spec "$spec" "$@" >"$tmp/gen.log" 2>&1 ||
		{ cat "$tmp/gen.log" >&2; die "ynl-gen-c.py $* failed"; }
}
ynl --mode uapi --header -o "$out/uapi/linux/krb5ap.h"
ynl --mode kernel --source -o "$out/kmod/netlink-gen.c"
ynl --mode kernel --header -o "$out/kmod/netlink-gen.h"

# The protocol prose, from the spec's doc: fields, after the include guard.
python3 - "$spec" "$out/uapi/linux/krb5ap.h" <<'EOF' || die "rendering the uapi comment failed"
import sys
import textwrap

import yaml

spec_path, hdr_path = sys.argv[1], sys.argv[2]
with open(spec_path) as f:
    spec = yaml.safe_load(f)
fam = spec['name']


def cname(*parts):
    return '_'.join(p.replace('-', '_') for p in parts).upper()


def para(text, prefix, cont=None):
    """@text as comment lines starting with @prefix, at most 80 columns."""
    lines = []
    for block in text.strip().split('\n\n'):
        words = ' '.join(block.split())
        lines += textwrap.wrap(words, width=80, initial_indent=prefix,
                               subsequent_indent=cont or prefix,
                               break_long_words=False,
                               break_on_hyphens=False)
        lines.append(' *')
    return lines[:-1]


sets = {s['name']: s for s in spec['attribute-sets']}


def attr_spec(set_name, attr_name):
    s = sets[set_name]
    if 'subset-of' in s:
        s = sets[s['subset-of']]
    for a in s['attributes']:
        if a['name'] == attr_name:
            return a
    raise KeyError(attr_name)


def attr_cname(set_name, attr_name):
    s = sets[set_name]
    real = s.get('subset-of', set_name)
    return cname(fam, 'a', real, attr_name)


consts = {d['name']: d for d in spec.get('definitions', [])}


def describe(a):
    t = a['type']
    words = {'u32': 'u32', 'u64': 'u64', 's64': 's64', 'flag': 'flag',
             'string': 'NUL-terminated string', 'binary': 'binary',
             'nest': 'nest', 'pad': 'pad'}[t]
    c = a.get('checks', {})
    if 'max-len' in c:
        v = c['max-len']
        v = cname(fam, v) if isinstance(v, str) else str(v)
        words += ', at most %s bytes' % v
    if 'min' in c and 'max' in c:
        lo, hi = c['min'], c['max']
        hi = cname(fam, hi) if isinstance(hi, str) else hi
        words += ', %s to %s' % (lo, hi)
    elif 'min' in c:
        words += ', at least %s' % c['min']
    elif 'max' in c:
        words += ', at most %s' % c['max']
    if a.get('enum'):
        words += ', enum %s_%s' % (fam, a['enum'].replace('-', '_'))
    if a.get('multi-attr'):
        words += ', repeated'
    return words


out = ['/*']
out += para(spec['doc'], ' * ')
out += [' *', ' * Commands', ' * --------']
for op in spec['operations']['list']:
    out.append(' *')
    name = cname(fam, 'cmd', op['name'])
    if 'event' in op:
        kind = 'event to the "%s" group' % op['mcgrp']
    else:
        kind = ' and '.join(m for m in ('do', 'dump') if m in op)
    out.append(' * %s (%s)' % (name, kind))
    out += para(op['doc'], ' *   ')
    aset = op['attribute-set']
    for mode in ('do', 'dump', 'event'):
        if mode not in op:
            continue
        parts = [('request', op[mode].get('request')),
                 ('reply', op[mode].get('reply'))]
        if mode == 'event':
            parts = [('attributes', op['event'])]
        for what, part in parts:
            attrs = [a for a in (part or {}).get('attributes', [])
                     if attr_spec(aset, a)['type'] != 'pad']
            label = what if mode == 'do' or mode == 'event' else mode + ' ' + what
            if not attrs:
                if what == 'request' and mode == 'dump':
                    out.append(' *   %s: as the do request, all optional'
                               % label)
                elif what == 'request':
                    out.append(' *   %s: no attributes' % label)
                continue
            out.append(' *   %s:' % label)
            for a in attrs:
                out.append(' *     ' + attr_cname(aset, a))
out += [' *', ' * Attributes', ' * ----------']
for s in spec['attribute-sets']:
    if 'subset-of' in s:
        continue
    out.append(' *')
    out += para('%s (attribute set "%s"): %s' %
                (cname(fam, 'a', s['name'], '*'), s['name'], s['doc']), ' * ')
    for a in s['attributes']:
        if a['type'] == 'pad':
            continue
        out += para('%s: %s' % (cname(fam, 'a', s['name'], a['name']),
                                describe(a)), ' *   ', ' *       ')
        if a.get('doc'):
            out += para(a['doc'], ' *     ')
out.append(' */')
for l in out:
    if len(l) > 80:
        sys.exit('comment line too long: ' + l)

with open(hdr_path) as f:
    text = f.read()
guard = '#define _UAPI_LINUX_KRB5AP_H\n\n'
if guard not in text:
    sys.exit('include guard not found in the generated header')
text = text.replace(guard, guard + '\n'.join(out) + '\n\n', 1)
with open(hdr_path, 'w') as f:
    f.write(text)
EOF

# The generator drops the flags of multicast groups (GENL_MCAST_CAP_NET_ADMIN)
# and emits a static mcgrps array without them that nothing can use (the
# genl_family is written by hand, in kmod/netlink.c, with the flags): drop
# the array, which W=1 would report as unused.
python3 - "$out/kmod/netlink-gen.c" <<'EOF' || die "post-processing netlink-gen.c failed"
import re
import sys

path = sys.argv[1]
with open(path) as f:
    text = f.read()
pat = re.compile(r'\nstatic const struct genl_multicast_group \w+\[\] = \{\n'
                 r'(?:\t[^\n]*\n)*\};\n')
text, n = pat.subn('\n/* The multicast groups, with their flags, are in netlink.c. */\n',
                   text)
if n != 1:
    sys.exit('mcgrps array not found in netlink-gen.c')
with open(path, 'w') as f:
    f.write(text)
EOF

files=(uapi/linux/krb5ap.h kmod/netlink-gen.c kmod/netlink-gen.h)
if [ $check -eq 1 ]; then
	rc=0
	for f in "${files[@]}"; do
		if [ ! -f "$KRB5AP_TOP/$f" ]; then
			echo "missing: $f (run make regen)"
			rc=1
		elif ! diff -u "$KRB5AP_TOP/$f" "$out/$f"; then
			echo "stale: $f (run make regen)"
			rc=1
		fi
	done
	[ $rc -eq 0 ] && echo "generated files are up to date"
	exit $rc
fi
for f in "${files[@]}"; do
	if ! cmp -s "$out/$f" "$KRB5AP_TOP/$f"; then
		cp "$out/$f" "$KRB5AP_TOP/$f"
		log "wrote $f"
	fi
done
