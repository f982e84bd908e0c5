#!/usr/bin/env bash
# A throwaway MIT Kerberos realm (Debian's krb5-kdc) on 127.0.0.1 for the
# integration tests in tests/kerberos/.
#
#   scripts/kdc.sh start   install if missing, create the realm in a temp dir (own krb5.conf,
#                          kdc.conf, database, service keytab), start krb5kdc in the background
#                          on a free high port, kinit the test user into a temp ccache and print
#                          eval-able lines: KRB5_CONFIG=... KRB5CCNAME=... KRB5_KTNAME=...
#                          KRB5RCACHEDIR=... NIMBUS_KRB_REALM=... NIMBUS_KRB_USER=...
#                          NIMBUS_KRB_HOST=... NIMBUS_KRB_USER_KEYTAB=... NIMBUS_KRB_USER2=...
#   scripts/kdc.sh env     print those lines again from the state file
#   scripts/kdc.sh stop    kill the KDC by its PID and remove the temp dir
#   scripts/kdc.sh run CMD...   start, run CMD with those variables exported, stop; exits
#                          with CMD's status
#
# The realm has a user principal (NIMBUS_KRB_USER, with a random password; its keys are also
# in NIMBUS_KRB_USER_KEYTAB for `kinit -k -t`), a second user NIMBUS_KRB_USER2 (keys in the
# same keytab) and the service principals HTTP/127.0.0.1 and
# HTTP/localhost, whose keys are in the keytab KRB5_KTNAME.
#
# Environment: KDC_PORT (default: a free port), NIMBUS_KRB_REALM (default NIMBUS.TEST),
# KDC_STATE (default: <repo>/.tmp/kdc.state), KDC_WAIT_S (default 30).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KDC_STATE:-$ROOT/.tmp/kdc.state}"
REALM="${NIMBUS_KRB_REALM:-NIMBUS.TEST}"
USER_NAME=alice
# A second user, so tests can check that two principals never share a cached token.
USER2_NAME=bob
HOST=127.0.0.1
# Debian's python (always there on Debian, unlike curl or nc), for free ports and port probes.
PY=/usr/bin/python3

log() { echo "kdc.sh: $*" >&2; }

install_if_missing() {
  local missing=()
  command -v krb5kdc >/dev/null 2>&1 || [ -x /usr/sbin/krb5kdc ] || missing+=(krb5-kdc)
  command -v kinit >/dev/null 2>&1 || missing+=(krb5-user)
  command -v kadmin.local >/dev/null 2>&1 || [ -x /usr/sbin/kadmin.local ] ||
    missing+=(krb5-admin-server)
  [ -e /usr/lib/x86_64-linux-gnu/libgssapi_krb5.so.2 ] || ldconfig -p 2>/dev/null |
    grep -q 'libgssapi_krb5\.so\.2 ' || missing+=(libgssapi-krb5-2)
  # The tests' acceptor: an independent GSSAPI implementation path (python-gssapi).
  "$PY" -c 'import gssapi' >/dev/null 2>&1 || missing+=(python3-gssapi)
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != "0" ]; then
    log "missing ${missing[*]} and this is not root: install them first"
    exit 1
  fi
  log "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # krb5-config asks for a default realm; ours is in our own krb5.conf.
  echo "krb5-config krb5-config/default_realm string $REALM" | debconf-set-selections 2>/dev/null || true
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# 127.0.0.1:<port> accepts a TCP connection within 1 s.
tcp_open() {
  "$PY" -c 'import socket, sys
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
except OSError:
    sys.exit(1)' "$1"
}

print_env() {
  # shellcheck disable=SC1090
  . "$STATE"
  echo "KRB5_CONFIG=$KDC_DIR/krb5.conf"
  echo "KRB5CCNAME=FILE:$KDC_DIR/ccache"
  echo "KRB5_KTNAME=FILE:$KDC_DIR/http.keytab"
  echo "KRB5RCACHEDIR=$KDC_DIR/rcache"
  echo "NIMBUS_KRB_REALM=$KDC_REALM"
  echo "NIMBUS_KRB_USER=$KDC_USER"
  echo "NIMBUS_KRB_HOST=$KDC_HOST"
  echo "NIMBUS_KRB_USER_KEYTAB=$KDC_DIR/user.keytab"
  echo "NIMBUS_KRB_USER2=$USER2_NAME@$KDC_REALM"
}

is_running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  [ -n "${KDC_PID:-}" ] && kill -0 "$KDC_PID" 2>/dev/null
}

start() {
  if is_running; then
    log "already running (pid $KDC_PID)"
    print_env
    return 0
  fi
  install_if_missing
  local t0 port dir password master
  t0=$(date +%s%N)
  port="${KDC_PORT:-$(free_port)}"
  dir="$(mktemp -d /tmp/nimbus-kdc.XXXXXX)"
  password="$("$PY" -c 'import secrets; print(secrets.token_hex(12))')"
  master="$("$PY" -c 'import secrets; print(secrets.token_hex(12))')"
  mkdir -p "$dir/rcache"
  cat >"$dir/krb5.conf" <<EOF
[libdefaults]
  default_realm = $REALM
  dns_lookup_kdc = false
  dns_lookup_realm = false
  dns_canonicalize_hostname = false
  rdns = false
  qualify_shortname = ""
  udp_preference_limit = 1
  default_ccache_name = FILE:$dir/ccache
  default_keytab_name = FILE:$dir/http.keytab

[realms]
  $REALM = {
    kdc = 127.0.0.1:$port
  }

[domain_realm]
  127.0.0.1 = $REALM
  localhost = $REALM
EOF
  cat >"$dir/kdc.conf" <<EOF
[kdcdefaults]
  kdc_listen = 127.0.0.1:$port
  kdc_tcp_listen = 127.0.0.1:$port

[realms]
  $REALM = {
    database_name = $dir/principal
    key_stash_file = $dir/stash
    acl_file = $dir/kadm5.acl
    kdc_listen = 127.0.0.1:$port
    kdc_tcp_listen = 127.0.0.1:$port
    max_life = 1h
    max_renewable_life = 1h
    supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
  }

[logging]
  kdc = FILE:$dir/kdc.log
  default = FILE:$dir/kdc.log
EOF
  : >"$dir/kadm5.acl"
  export KRB5_CONFIG="$dir/krb5.conf" KRB5_KDC_PROFILE="$dir/kdc.conf"
  log "setting up realm $REALM in $dir"
  kdb5_util create -s -r "$REALM" -P "$master" >>"$dir/setup.log" 2>&1
  kadmin.local -r "$REALM" -q "addprinc -pw $password $USER_NAME" >>"$dir/setup.log" 2>&1
  kadmin.local -r "$REALM" -q "addprinc -randkey HTTP/127.0.0.1" >>"$dir/setup.log" 2>&1
  kadmin.local -r "$REALM" -q "addprinc -randkey HTTP/localhost" >>"$dir/setup.log" 2>&1
  kadmin.local -r "$REALM" -q "ktadd -k $dir/http.keytab HTTP/127.0.0.1 HTTP/localhost" \
    >>"$dir/setup.log" 2>&1
  # The user's keys too (-norandkey keeps the password valid): tests kinit their own caches.
  kadmin.local -r "$REALM" -q "ktadd -norandkey -k $dir/user.keytab $USER_NAME" \
    >>"$dir/setup.log" 2>&1
  kadmin.local -r "$REALM" -q "addprinc -randkey $USER2_NAME" >>"$dir/setup.log" 2>&1
  kadmin.local -r "$REALM" -q "ktadd -k $dir/user.keytab $USER2_NAME" >>"$dir/setup.log" 2>&1

  # -n: stay in the foreground so $! is the KDC's PID; setsid: not in our process group.
  setsid krb5kdc -n -r "$REALM" -P "$dir/krb5kdc.pid" >>"$dir/kdc.out" 2>&1 </dev/null &
  local pid=$!
  mkdir -p "$(dirname "$STATE")"
  (
    umask 077
    cat >"$STATE" <<EOF
KDC_PID=$pid
KDC_DIR=$dir
KDC_REALM=$REALM
KDC_USER=$USER_NAME@$REALM
KDC_HOST=$HOST
KDC_PORT=$port
EOF
  )

  local wait_s="${KDC_WAIT_S:-30}" i=0
  while [ "$i" -lt "$((wait_s * 4))" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "krb5kdc exited early; last lines of its logs:"
      tail -n 30 "$dir/kdc.out" "$dir/kdc.log" >&2 || true
      exit 1
    fi
    if tcp_open "$port"; then break; fi
    sleep 0.25
    i=$((i + 1))
  done
  if ! tcp_open "$port"; then
    log "the KDC does not listen on 127.0.0.1:$port after ${wait_s}s; stopping"
    stop
    exit 1
  fi
  # kinit reads the password from stdin when it is not a terminal.
  if ! printf '%s\n' "$password" | KRB5CCNAME="FILE:$dir/ccache" \
    kinit "$USER_NAME@$REALM" >>"$dir/setup.log" 2>&1; then
    log "kinit $USER_NAME@$REALM failed; last lines of $dir/setup.log and $dir/kdc.log:"
    tail -n 20 "$dir/setup.log" "$dir/kdc.log" >&2 || true
    stop
    exit 1
  fi
  log "up on 127.0.0.1:$port (pid $pid), $USER_NAME@$REALM kinit'ed in" \
    "$(((($(date +%s%N) - t0)) / 1000000)) ms"
  print_env
}

DAEMON_PID_VAR=KDC_PID
DAEMON_DIR_VAR=KDC_DIR
DAEMON_DIR_GLOB='/tmp/nimbus-kdc.*'
# shellcheck source=scripts/_daemon.sh
. "$ROOT/scripts/_daemon.sh"
daemon_main "$@"
