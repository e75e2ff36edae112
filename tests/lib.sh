# SPDX-License-Identifier: GPL-2.0
# Shared helpers for krb5ap's test scripts: sourced, never run.
#
# Everything that is downloaded or built lives in a cache outside the
# repository, keyed by what it was made from:
#   $KRB5AP_CACHE/src/linux-source-<debver>/        unpacked linux-source-6.12
#   $KRB5AP_CACHE/debs/<pkg>_<ver>/                  unpacked Debian packages
#   $KRB5AP_CACHE/kunit/<hash>/                      KUnit debug kernel build
#   $KRB5AP_CACHE/mod/<kernel>/                      out-of-tree module builds
#   $KRB5AP_CACHE/initramfs/<hash>.cpio.gz           guest base images

KRB5AP_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KRB5AP_CACHE=${KRB5AP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/krb5ap}
KRB5AP_JOBS=${KRB5AP_JOBS:-$(($(nproc) + 1))}
export DEBIAN_FRONTEND=noninteractive

log() { printf '[krb5ap] %s\n' "$*" >&2; }
die() { printf '[krb5ap] error: %s\n' "$*" >&2; exit 2; }

# Packages the test tiers need on a Debian 12 host.
KRB5AP_DEPS=(
	build-essential gcc-12 make bc bison flex cpio kmod xz-utils zstd rsync
	libelf-dev libssl-dev dwarves python3 python3-yaml python3-jsonschema
	qemu-system-x86 busybox-static libkrb5-dev libmnl-dev pkg-config
	krb5-kdc krb5-user krb5-admin-server linux-source-6.12 perl
)

_apt_updated=
apt_update_once() {
	[ -n "$_apt_updated" ] && return 0
	log "apt-get update"
	apt-get update -qq >/dev/null || die "apt-get update failed"
	_apt_updated=1
}

# Install whatever of the arguments is not installed yet.
need_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || die "missing packages (run as root to install): ${missing[*]}"
	apt_update_once
	log "installing: ${missing[*]}"
	apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
		die "apt-get install failed: ${missing[*]}"
}

install_deps() { need_pkgs "${KRB5AP_DEPS[@]}"; }

# Newest version of a package in apt's lists.
pkg_candidate() {
	apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }'
}

# Resolve the newest stock kernel ABI of a series: prints e.g.
# "6.1.0-56-amd64" or "6.12.117+deb12-amd64".
resolve_kernel() {
	local series=$1 re
	case "$series" in
	6.1) re='^linux-image-6\.1\.0-[0-9]+-amd64-unsigned$' ;;
	6.12) re='^linux-image-6\.12\.[0-9]+\+deb12-amd64-unsigned$' ;;
	*) die "unknown kernel series '$series' (6.1 or 6.12)" ;;
	esac
	local v
	v=$(apt-cache pkgnames linux-image-"$series" 2>/dev/null | grep -E "$re" |
		sed -e 's/^linux-image-//' -e 's/-unsigned$//' | sort -V | tail -n 1)
	if [ -z "$v" ]; then
		apt_update_once
		v=$(apt-cache pkgnames linux-image-"$series" 2>/dev/null | grep -E "$re" |
			sed -e 's/^linux-image-//' -e 's/-unsigned$//' | sort -V | tail -n 1)
	fi
	[ -n "$v" ] || die "no Debian $series kernel found in apt's lists"
	echo "$v"
}

# Download a Debian package and unpack it (never install it) into the cache;
# prints the directory it was unpacked into.
unpack_pkg() {
	local pkg=$1 ver dir tmp
	ver=$(pkg_candidate "$pkg")
	if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
		apt_update_once
		ver=$(pkg_candidate "$pkg")
	fi
	[ -n "$ver" ] && [ "$ver" != "(none)" ] || die "package $pkg not found in apt's lists"
	dir=$KRB5AP_CACHE/debs/${pkg}_${ver//[~:]/_}
	if [ ! -e "$dir/.done" ]; then
		log "downloading $pkg $ver"
		tmp=$(mktemp -d)
		(cd "$tmp" && apt-get download -q "$pkg=$ver" >/dev/null) ||
			{ rm -rf "$tmp"; die "apt-get download $pkg failed"; }
		rm -rf "$dir"
		mkdir -p "$dir"
		dpkg-deb -x "$tmp"/*.deb "$dir" || die "dpkg-deb -x $pkg failed"
		rm -rf "$tmp"
		touch "$dir/.done"
	fi
	echo "$dir"
}

# A root holding a stock kernel's headers, as kbuild wants them: prints KDIR.
stock_kdir() {
	local abi=$1 series common kbuild root
	case "$abi" in
	6.1.*) series=6.1 ;;
	6.12.*) series=6.12.${abi#6.12.}; series=${series%-amd64} ;;
	esac
	common=${abi%-amd64}-common
	root=$KRB5AP_CACHE/headers/$abi
	if [ ! -e "$root/.done" ]; then
		local d
		rm -rf "$root"
		mkdir -p "$root"
		for p in "linux-headers-$abi" "linux-headers-$common" "linux-kbuild-$series"; do
			d=$(unpack_pkg "$p") || exit 2
			cp -a "$d"/. "$root"/
		done
		rm -f "$root/.done"
		touch "$root/.done"
	fi
	echo "$root/usr/src/linux-headers-$abi"
}

# The stock kernel image and its modules: prints the unpacked root.
stock_image() {
	unpack_pkg "linux-image-$1-unsigned"
}

# linux-source-6.12, unpacked once per Debian version: prints the tree.
kernel_source() {
	need_pkgs linux-source-6.12
	local ver dir
	ver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
	dir=$KRB5AP_CACHE/src/linux-source-${ver//[~:]/_}
	if [ ! -e "$dir/Makefile" ]; then
		log "unpacking linux-source-6.12 $ver"
		mkdir -p "$KRB5AP_CACHE/src"
		rm -rf "$dir.tmp"
		mkdir -p "$dir.tmp"
		tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$dir.tmp" --strip-components=1 ||
			die "unpacking linux-source-6.12 failed"
		mv "$dir.tmp" "$dir"
	fi
	echo "$dir"
}

# The KUnit debug kernel, built once per (config fragment, source version):
# prints the build directory (O=) holding arch/x86/boot/bzImage.
kunit_kernel() {
	local src frag key out
	src=$(kernel_source) || exit 2
	frag=$KRB5AP_TOP/tests/kunit/kunit.config
	key=$( { cat "$frag"; basename "$src"; } | sha256sum | cut -c1-16)
	out=$KRB5AP_CACHE/kunit/$key
	if [ -e "$out/.done" ]; then
		echo "$out"
		return 0
	fi
	log "building the KUnit debug kernel in $out (about 10 minutes on 2 cores)"
	mkdir -p "$out"
	{
		make -C "$src" O="$out" tinyconfig &&
		"$src"/scripts/kconfig/merge_config.sh -m -O "$out" "$out/.config" "$frag" &&
		make -C "$src" O="$out" olddefconfig
	} >"$out/config.log" 2>&1 || { tail -n 30 "$out/config.log" >&2; die "configuring the KUnit kernel failed"; }
	# merge_config.sh only warns: check that every option we asked for stuck.
	local line opt val bad=0
	while IFS= read -r line; do
		case "$line" in CONFIG_*=*) ;; *) continue ;; esac
		opt=${line%%=*}
		val=${line#*=}
		if [ "$val" = n ]; then
			grep -q "^$opt=" "$out/.config" && { log "$opt is set, wanted n"; bad=1; }
		else
			grep -qx "$line" "$out/.config" || { log "$opt did not take ($val wanted)"; bad=1; }
		fi
	done <"$frag"
	[ $bad -eq 0 ] || die "the KUnit kernel configuration is missing options (see above)"
	make -C "$src" O="$out" -j"$KRB5AP_JOBS" bzImage modules_prepare >"$out/build.log" 2>&1 &&
		make -C "$src" O="$out" -j"$KRB5AP_JOBS" modules >>"$out/build.log" 2>&1 ||
		{ tail -n 40 "$out/build.log" >&2; die "building the KUnit kernel failed (log: $out/build.log)"; }
	touch "$out/.done"
	echo "$out"
}
