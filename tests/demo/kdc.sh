# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# A throwaway MIT KDC on 127.0.0.1 for `make demo`: sourced (bash), never
# run.  Everything lives in one directory; nothing outside it is touched
# (no /etc/krb5.conf, no system KDC, no default ccache or keytab).
#
#   kdc_config DIR REALM DOMAIN   pick a free port, write DIR/krb5.conf and
#                                 DIR/kdc.conf, export KRB5_CONFIG,
#                                 KRB5_KDC_PROFILE, KRB5CCNAME, KRB5RCACHEDIR
#                                 (sets kdc_port)
#   kdc_start                     start krb5kdc in the background and wait
#                                 until it listens (sets kdc_pid)
#   kdc_stop                      stop it, if running
#
# The realm database itself is made by the caller (kdb5_util create), so
# that the demo's transcript shows it.

kdc_pid=
kdc_port=
kdc_dir=
kdc_realm=

kdc_port_free() {
	! ss -Hlnu "sport = :$1" 2>/dev/null | grep -q . &&
		! ss -Hlnt "sport = :$1" 2>/dev/null | grep -q .
}

kdc_config() {
	local dir=$1 realm=$2 dom=$3 p
	kdc_dir=$dir
	kdc_realm=$realm
	kdc_port=
	for _ in $(seq 200); do
		p=$((20000 + RANDOM % 40000))
		if kdc_port_free "$p"; then kdc_port=$p; break; fi
	done
	[ -n "$kdc_port" ] || return 1
	export KRB5_CONFIG=$dir/krb5.conf
	export KRB5_KDC_PROFILE=$dir/kdc.conf
	export KRB5CCNAME=FILE:$dir/ccache
	export KRB5RCACHEDIR=$dir/rcache
	unset KRB5_KTNAME KRB5_CLIENT_KTNAME KRB5_TRACE
	mkdir -p "$dir/rcache"
	cat >"$KRB5_CONFIG" <<EOC
[libdefaults]
	default_realm = $realm
	dns_lookup_kdc = false
	dns_lookup_realm = false
	dns_canonicalize_hostname = false
	rdns = false
	udp_preference_limit = 1
	forwardable = true
	ticket_lifetime = 10h
	clockskew = 300
[realms]
	$realm = {
		kdc = 127.0.0.1:$kdc_port
	}
[domain_realm]
	.$dom = $realm
	$dom = $realm
EOC
	cat >"$KRB5_KDC_PROFILE" <<EOC
[kdcdefaults]
	kdc_listen = 127.0.0.1:$kdc_port
	kdc_tcp_listen = 127.0.0.1:$kdc_port
[realms]
	$realm = {
		database_name = $dir/principal
		key_stash_file = $dir/stash
		acl_file = $dir/kadm5.acl
		kdc_listen = 127.0.0.1:$kdc_port
		kdc_tcp_listen = 127.0.0.1:$kdc_port
		max_life = 10h
		master_key_type = aes256-cts-hmac-sha1-96
		supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
	}
[logging]
	kdc = FILE:$dir/kdc.log
	default = FILE:$dir/kdc.log
EOC
	: >"$dir/kadm5.acl"
}

kdc_start() {
	krb5kdc -n -r "$kdc_realm" -P "$kdc_dir/kdc.pid" >>"$kdc_dir/kdc.log" 2>&1 &
	kdc_pid=$!
	for _ in $(seq 100); do
		kill -0 "$kdc_pid" 2>/dev/null || break
		kdc_port_free "$kdc_port" || return 0
		sleep 0.1
	done
	cat "$kdc_dir/kdc.log" >&2
	return 1
}

kdc_stop() {
	if [ -n "$kdc_pid" ] && kill -0 "$kdc_pid" 2>/dev/null; then
		kill "$kdc_pid" 2>/dev/null
		wait "$kdc_pid" 2>/dev/null
	fi
	kdc_pid=
	return 0
}
