#!/usr/bin/env bash
# Debian's libgovirt (gir1.2-govirt-1.0) and python3-gi for the real-client tests in
# tests/govirt/, driven from Debian's /usr/bin/python3 (the python3 first on PATH may not
# be Debian's and may lack the gi bindings).
#
#   scripts/govirt.sh install        install the packages if missing (apt-get update once
#                                    when the package lists do not know them)
#   scripts/govirt.sh check          exit 0 when /usr/bin/python3 can load GoVirt 1.0
#   scripts/govirt.sh run CMD...     install if missing, then run CMD; exits with CMD's status
set -euo pipefail

PY=/usr/bin/python3
PACKAGES=(gir1.2-govirt-1.0 python3-gi)

log() { echo "govirt.sh: $*" >&2; }

check() {
  [ -x "$PY" ] && "$PY" -c 'import gi; gi.require_version("GoVirt", "1.0"); from gi.repository import GoVirt' \
    >/dev/null 2>&1
}

install_if_missing() {
  check && return 0
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || { log "not root and no sudo: install ${PACKAGES[*]} first"; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "installing ${PACKAGES[*]} (apt-get)"
  if ! $sudo apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >&2; then
    log "not in the package lists: apt-get update, then install again"
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >&2
  fi
  check || { log "installed, but $PY still cannot load GoVirt 1.0"; exit 1; }
}

case "${1:-}" in
  install) install_if_missing ;;
  check) check ;;
  run)
    shift
    [ "$#" -gt 0 ] || { log "usage: $0 run CMD..."; exit 2; }
    install_if_missing
    "$@"
    ;;
  *)
    echo "usage: $0 install|check|run CMD..." >&2
    exit 2
    ;;
esac
