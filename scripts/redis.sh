#!/usr/bin/env bash
# A throwaway redis-server (Debian's) on 127.0.0.1 for the RedisTokenStore tests in
# tests/redis/ and the fleet load test in bench/.
#
#   scripts/redis.sh start   install if missing, start in the background on a free port with
#                            a password and no persistence, wait for PING, print eval-able
#                            lines: NIMBUS_REDIS_URL=redis://:<password>@127.0.0.1:<port>
#   scripts/redis.sh env     print that line again from the state file
#   scripts/redis.sh stop    kill the server by its PID and remove the temp dir
#   scripts/redis.sh run CMD...   start, run CMD with NIMBUS_REDIS_URL exported, stop
#
# Environment: REDIS_PORT (default: a free port), REDIS_STATE (default:
# <repo>/.tmp/redis.state), REDIS_WAIT_S (default 20).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${REDIS_STATE:-$ROOT/.tmp/redis.state}"
PY=/usr/bin/python3

log() { echo "redis.sh: $*" >&2; }

install_if_missing() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != "0" ]; then
    log "redis-server is missing and this is not root: install redis-server first"
    exit 1
  fi
  log "installing redis-server (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Package scripts must not start a system-wide daemon.
  local rc_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    rc_added=1
  fi
  apt-get install -y -q redis-server >&2 || { apt-get update -q >&2 && apt-get install -y -q redis-server >&2; }
  [ -n "$rc_added" ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

is_running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  kill -0 "${REDIS_PID:-0}" 2>/dev/null
}

print_env() {
  # shellcheck disable=SC1090
  . "$STATE"
  echo "NIMBUS_REDIS_URL=$NIMBUS_REDIS_URL"
}

start() {
  if is_running; then
    log "already running (pid $REDIS_PID)"
    print_env
    return 0
  fi
  install_if_missing
  local port dir password
  port="${REDIS_PORT:-$(free_port)}"
  password="$("$PY" -c 'import secrets; print(secrets.token_hex(12))')"
  dir="$(mktemp -d /tmp/nimbus-redis.XXXXXX)"
  cat >"$dir/redis.conf" <<CONF
bind 127.0.0.1
port $port
requirepass $password
save ""
appendonly no
dir $dir
daemonize no
CONF
  chmod 600 "$dir/redis.conf"
  setsid redis-server "$dir/redis.conf" >>"$dir/server.log" 2>&1 </dev/null &
  local pid=$!
  mkdir -p "$(dirname "$STATE")"
  (
    umask 077
    cat >"$STATE" <<STATE_EOF
REDIS_PID=$pid
REDIS_DIR=$dir
NIMBUS_REDIS_URL=redis://:$password@127.0.0.1:$port
STATE_EOF
  )
  local wait_s="${REDIS_WAIT_S:-20}" i=0
  while [ "$i" -lt "$((wait_s * 4))" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "server exited early; last lines of $dir/server.log:"
      tail -n 20 "$dir/server.log" >&2 || true
      exit 1
    fi
    if REDISCLI_AUTH="$password" redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      log "up on 127.0.0.1:$port (pid $pid)"
      print_env
      return 0
    fi
    sleep 0.25
    i=$((i + 1))
  done
  log "no PONG after ${wait_s}s; stopping"
  stop
  exit 1
}

DAEMON_PID_VAR=REDIS_PID
DAEMON_DIR_VAR=REDIS_DIR
DAEMON_DIR_GLOB='/tmp/nimbus-redis.*'
# shellcheck source=scripts/_daemon.sh
. "$ROOT/scripts/_daemon.sh"
daemon_main "$@"
