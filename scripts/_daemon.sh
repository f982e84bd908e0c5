# Shared by the scripts/*.sh service helpers: stop the daemon recorded in
# the state file, run a command while it is up, and the subcommand dispatch.
# The caller defines STATE, log(), start(), print_env(), and
# DAEMON_PID_VAR / DAEMON_DIR_VAR (names of the state file's variables) and
# DAEMON_DIR_GLOB (the only temp dirs stop() may remove), and PY (Debian's python3).

# A free TCP port on 127.0.0.1 (python: on Debian always there, unlike nc or ss).
free_port() {
  "$PY" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

stop() {
  if [ ! -f "$STATE" ]; then
    log "not running (no $STATE)"
    return 0
  fi
  # shellcheck disable=SC1090
  . "$STATE"
  local pid="${!DAEMON_PID_VAR:-}" dir="${!DAEMON_DIR_VAR:-}"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    local i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 20 ]; do
      sleep 0.25
      i=$((i + 1))
    done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped pid $pid"
  fi
  # shellcheck disable=SC2254
  case "$dir" in
    $DAEMON_DIR_GLOB) rm -rf "$dir" ;;
  esac
  rm -f "$STATE"
}

run() {
  if [ "$#" -eq 0 ]; then
    echo "usage: $0 run COMMAND [ARGS...]" >&2
    exit 2
  fi
  trap stop EXIT
  local lines
  lines="$(start)"
  set -a
  eval "$lines"
  set +a
  local rc=0
  "$@" || rc=$?
  return "$rc"
}

daemon_main() {
  case "${1:-}" in
    start) start ;;
    run)
      shift
      run "$@"
      ;;
    stop) stop ;;
    env) print_env ;;
    *)
      echo "usage: $0 start|stop|env|run COMMAND..." >&2
      exit 2
      ;;
  esac
}
