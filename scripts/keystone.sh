#!/usr/bin/env bash
# A throwaway Keystone (Debian's python3-keystone, sqlite, fernet tokens) on
# 127.0.0.1 for the integration tests in tests/keystone/.
#
#   scripts/keystone.sh start   install if missing, set up in a temp dir, start in the
#                               background, wait for GET /v3, print KEYSTONE_URL=... and
#                               KEYSTONE_ADMIN_PASSWORD=... (eval-able lines)
#   scripts/keystone.sh env     print those lines again from the state file
#   scripts/keystone.sh stop    kill the server by its PID and remove the temp dir
#   scripts/keystone.sh run CMD...   start, run CMD with KEYSTONE_URL and
#                               KEYSTONE_ADMIN_PASSWORD exported, stop; exits with CMD's status
#
# Environment: KEYSTONE_PORT (default: a free port), KEYSTONE_ADMIN_PASSWORD (default:
# random), KEYSTONE_STATE (default: <repo>/.tmp/keystone.state), KEYSTONE_WAIT_S (default 120).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KEYSTONE_STATE:-$ROOT/.tmp/keystone.state}"
# Debian's python, not a pyenv one from PATH: keystone lives in its dist-packages.
PY=/usr/bin/python3

log() { echo "keystone.sh: $*" >&2; }

install_if_missing() {
  if command -v keystone-manage >/dev/null 2>&1 && command -v keystone-wsgi-public >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" != "0" ]; then
    log "keystone-manage is missing and this is not root: install python3-keystone first"
    exit 1
  fi
  log "installing python3-keystone (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q python3-keystone >&2
}

# GET <url> answers 200 within 2 s (python: it comes with keystone, curl may not).
http_ok() {
  "$PY" -c 'import sys, urllib.request
try:
    sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)
except Exception:
    sys.exit(1)' "$1"
}

print_env() {
  # shellcheck disable=SC1090
  . "$STATE"
  echo "KEYSTONE_URL=$KEYSTONE_URL"
  echo "KEYSTONE_ADMIN_PASSWORD=$KEYSTONE_ADMIN_PASSWORD"
}

is_running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  [ -n "${KEYSTONE_PID:-}" ] && kill -0 "$KEYSTONE_PID" 2>/dev/null
}

start() {
  if is_running; then
    log "already running (pid $KEYSTONE_PID)"
    print_env
    return 0
  fi
  install_if_missing
  local port dir conf password url
  port="${KEYSTONE_PORT:-$(free_port)}"
  password="${KEYSTONE_ADMIN_PASSWORD:-$("$PY" -c 'import secrets; print(secrets.token_hex(12))')}"
  dir="$(mktemp -d /tmp/nimbus-keystone.XXXXXX)"
  conf="$dir/keystone.conf"
  url="http://127.0.0.1:$port/v3"
  mkdir -p "$dir/fernet-keys" "$dir/credential-keys" "$dir/log"
  cat >"$conf" <<EOF
[DEFAULT]
log_dir = $dir/log
use_stderr = false

[database]
connection = sqlite:///$dir/keystone.db

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = $dir/fernet-keys

[credential]
key_repository = $dir/credential-keys

[identity]
password_hash_rounds = 4
EOF
  log "setting up in $dir"
  keystone-manage --config-file "$conf" db_sync >>"$dir/setup.log" 2>&1
  # WAL lets the server read while keystone-manage or a test writes.
  "$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA journal_mode=WAL"); c.close()' "$dir/keystone.db"
  keystone-manage --config-file "$conf" fernet_setup \
    --keystone-user root --keystone-group root >>"$dir/setup.log" 2>&1
  keystone-manage --config-file "$conf" credential_setup \
    --keystone-user root --keystone-group root >>"$dir/setup.log" 2>&1
  keystone-manage --config-file "$conf" bootstrap \
    --bootstrap-password "$password" \
    --bootstrap-admin-url "$url" \
    --bootstrap-internal-url "$url" \
    --bootstrap-public-url "$url" \
    --bootstrap-region-id RegionOne >>"$dir/setup.log" 2>&1

  OS_KEYSTONE_CONFIG_FILES="$conf" setsid keystone-wsgi-public --host 127.0.0.1 --port "$port" \
    >>"$dir/server.log" 2>&1 </dev/null &
  local pid=$!
  mkdir -p "$(dirname "$STATE")"
  (
    umask 077
    cat >"$STATE" <<EOF
KEYSTONE_PID=$pid
KEYSTONE_DIR=$dir
KEYSTONE_URL=$url
KEYSTONE_ADMIN_PASSWORD=$password
EOF
  )

  local wait_s="${KEYSTONE_WAIT_S:-120}" i=0
  while [ "$i" -lt "$((wait_s * 2))" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "server exited early; last lines of $dir/server.log:"
      tail -n 30 "$dir/server.log" >&2 || true
      exit 1
    fi
    if http_ok "$url"; then
      log "up at $url (pid $pid)"
      print_env
      return 0
    fi
    sleep 0.5
    i=$((i + 1))
  done
  log "no 200 from GET $url after ${wait_s}s; stopping"
  stop
  exit 1
}

DAEMON_PID_VAR=KEYSTONE_PID
DAEMON_DIR_VAR=KEYSTONE_DIR
DAEMON_DIR_GLOB='/tmp/nimbus-keystone.*'
# shellcheck source=scripts/_daemon.sh
. "$ROOT/scripts/_daemon.sh"
daemon_main "$@"
