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

_apt_updated=${KRB5AP_APT_UPDATED:-}
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
		(cd "$tmp" && apt-get download -q -o APT::Sandbox::User=root "$pkg=$ver" >/dev/null) ||
			{ rm -rf "$tmp"; die "apt-get download $pkg failed"; }
		rm -rf "$dir"
		mkdir -p "$dir"
		dpkg-deb -x "$tmp"/*.deb "$dir" || die "dpkg-deb -x $pkg failed"
		rm -rf "$tmp"
		# A kernel image package gets its modules.dep at install time.
		local m
		for m in "$dir"/lib/modules/*; do
			[ -d "$m/kernel" ] && depmod -b "$dir" "${m##*/}"
		done
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

# Record one test result.  Tier scripts call this for every case; the
# results file (if KRB5AP_RESULTS names one) is what tests/check counts.
result() {
	local verdict=$1
	shift
	printf '%s: %s\n' "$verdict" "$*"
	[ -n "${KRB5AP_RESULTS:-}" ] && printf '%s %s\n' "$verdict" "$*" >>"$KRB5AP_RESULTS"
	return 0
}

# Print "N passed, N failed" for a results file; exit status 1 on failures.
summarize() {
	local file=$1 p f
	p=$(grep -c '^PASS ' "$file" 2>/dev/null)
	f=$(grep -c '^FAIL ' "$file" 2>/dev/null)
	echo "${p:-0} passed, ${f:-0} failed"
	[ "${f:-0}" -eq 0 ] && [ "${p:-0}" -gt 0 ]
}

# Build krb5ap.ko (and krb5ap_test.ko when the kernel has KUnit) against
# KDIR with W=1, in a copy of the sources under the cache so that builds for
# several kernels do not trample each other; rsync keeps timestamps, so
# nothing is rebuilt when nothing changed.  Fails on any compiler warning.
# Prints the build directory.
build_module() {
	local kdir=$1 tag=$2 dir
	# One build directory per kernel and per checkout; concurrent runs
	# from the same checkout take turns (the lock lives in a subshell, so
	# no long-lived process can inherit it).
	dir=$KRB5AP_CACHE/mod/$tag-$(echo "$KRB5AP_TOP" | sha256sum | cut -c1-8)
	mkdir -p "$dir"
	(
		flock 9 || exit 1
		_build_module_locked "$kdir" "$dir"
	) 9>"$dir.lock" || return 1
	echo "$dir"
}

_build_module_locked() {
	local kdir=$1 dir=$2 p srcs=()
	for p in Kbuild kmod uapi; do
		[ -e "$KRB5AP_TOP/$p" ] && srcs+=("$KRB5AP_TOP/$p")
	done
	rsync -a --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
		--exclude '*.mod*' --exclude 'modules.order' --exclude 'Module.symvers' \
		--exclude '.tmp*' --exclude '*.a' --exclude build.log \
		--exclude tests "${srcs[@]}" "$dir/" || { log "rsync failed"; return 1; }
	mkdir -p "$dir/tests"
	rsync -a --delete --exclude '*.o' --exclude '.*.cmd' \
		"$KRB5AP_TOP/tests/kunit" "$dir/tests/" || { log "rsync failed"; return 1; }
	if ! make -C "$kdir" M="$dir" W=1 KRB5AP_EXAMPLE=y -j"$KRB5AP_JOBS" modules \
		>"$dir/build.log" 2>&1; then
		cat "$dir/build.log" >&2
		log "module build failed against $kdir"
		return 1
	fi
	if grep -E 'warning:|error:' "$dir/build.log" >&2; then
		log "module build against $kdir has warnings"
		return 1
	fi
}

# Build userspace/krb5apctl out of tree; prints the binary's path.
build_krb5apctl() {
	local dir
	dir=$KRB5AP_CACHE/krb5apctl-$(echo "$KRB5AP_TOP" | sha256sum | cut -c1-8)
	mkdir -p "$dir"
	(
		flock 9 || exit 1
		rsync -a --delete --exclude '*.o' --exclude krb5apctl \
			"$KRB5AP_TOP/userspace/" "$dir/src/" || exit 1
		make -s -C "$dir/src" UAPI="$KRB5AP_TOP/uapi" krb5apctl \
			>"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
	) 9>"$dir.lock" || { log "building krb5apctl failed"; return 1; }
	echo "$dir/src/krb5apctl"
}

# Guest root file systems -------------------------------------------------

# A minimal root in DIR: busybox with every applet, /etc/passwd with root
# and nobody, and the directories init expects.
guest_base() {
	local root=$1 a
	mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root,share,lib,lib64,usr/lib}
	cp /bin/busybox "$root/bin/busybox" || die "busybox-static is missing"
	for a in $(/bin/busybox --list); do
		[ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
	done
	for a in modprobe insmod rmmod lsmod depmod poweroff reboot init; do
		ln -sf ../bin/busybox "$root/sbin/$a"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n' >"$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
	echo krb5ap-vm >"$root/etc/hostname"
}

# Copy an ELF program and the shared libraries ldd says it needs.
guest_add_program() {
	local root=$1 prog=$2 dest=${3:-/usr/bin/$(basename "$2")} lib
	mkdir -p "$root$(dirname "$dest")"
	cp "$prog" "$root$dest"
	for lib in $(ldd "$prog" 2>/dev/null | grep -oE '/[^ ]+'); do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# Copy modules (names as modprobe knows them) and their dependencies from
# an unpacked kernel's /lib/modules, decompressed for busybox's modprobe.
guest_add_stock_modules() {
	local root=$1 modroot=$2 kver=$3
	shift 3
	local src=$modroot/lib/modules/$kver dst=$root/lib/modules/$kver
	local want=("$@") seen=" " m path dep
	mkdir -p "$dst"
	cp "$src"/modules.builtin* "$src"/modules.order "$dst"/ 2>/dev/null
	while [ ${#want[@]} -gt 0 ]; do
		m=${want[0]}
		want=("${want[@]:1}")
		case "$seen" in *" $m "*) continue ;; esac
		seen+="$m "
		path=$(awk -F: -v m="$m" '
			{ n = $1; sub(/.*\//, "", n); sub(/\.ko(\.xz|\.zst|\.gz)?$/, "", n);
			  gsub(/-/, "_", n); mm = m; gsub(/-/, "_", mm);
			  if (n == mm) { print $1; exit } }' "$src/modules.dep")
		[ -n "$path" ] || continue	# built in, or not in this kernel
		mkdir -p "$dst/$(dirname "$path")"
		case "$path" in
		*.xz) xz -dc "$src/$path" >"$dst/${path%.xz}" ;;
		*.zst) zstd -qdc "$src/$path" >"$dst/${path%.zst}" ;;
		*) cp "$src/$path" "$dst/$path" ;;
		esac
		for dep in $(awk -F: -v p="$path" '$1 == p { print $2 }' "$src/modules.dep"); do
			dep=${dep##*/}
			dep=${dep%%.ko*}
			want+=("$dep")
		done
	done
}

# Pack a root into a gzip'ed newc cpio (an initramfs).
guest_pack() {
	(cd "$1" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1) >"$2"
}

# Kernel splats in a log: prints the offending lines, status 0 when found.
find_splats() {
	grep -nE 'BUG:|WARNING:|Oops|general protection fault|Kernel panic|KASAN|UBSAN|kernel BUG at|possible recursive locking|possible circular locking|inconsistent lock state|suspicious RCU usage|unreferenced object|INFO: task .* blocked|stack-protector|refcount_t:|list_add corruption|list_del corruption|Call Trace:' "$@"
}

# QEMU acceleration.  TCG by default: /dev/kvm exists on these machines but
# nested KVM fails on MSR writes; KRB5AP_QEMU_ACCEL="-accel kvm -cpu host"
# overrides where KVM works.
qemu_accel() {
	echo "${KRB5AP_QEMU_ACCEL:--accel tcg -cpu max}"
}
