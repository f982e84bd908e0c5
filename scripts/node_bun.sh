#!/usr/bin/env bash
# The Node 20 and Bun smoke suite (tests/node_bun): bundles the package's
# entry points into one JavaScript file with `deno bundle`, then runs the
# suite with node:test on Node 20 and as a plain script on Bun, against the
# suite's own node:http servers. Node 20 is the system `node` when that is a
# 20.x, else `node-linux-<arch>` from npm; Bun is `@oven/bun-linux-<arch>`
# from npm (the binary ships inside the package: no download script). Both
# go into .tmp/node_bun/tools, once.
#   bash scripts/node_bun.sh          # both runtimes
#   bash scripts/node_bun.sh node     # or just one: node | bun
# Prints "node: N passed, N failed" and "bun: N passed, N failed"; exits
# non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
NODE_VERSION=20.20.2
BUN_VERSION=1.4.5
OUT=.tmp/node_bun
TOOLS=$OUT/tools
only=${1:-all}

log() { echo "node_bun.sh: $*" >&2; }

case "$(uname -m)" in
  x86_64 | amd64) node_arch=x64 bun_arch=x64 ;;
  aarch64 | arm64) node_arch=arm64 bun_arch=aarch64 ;;
  *) log "unsupported machine $(uname -m)"; exit 1 ;;
esac

# Prints the path of a Node 20.
node20() {
  if command -v node >/dev/null 2>&1 && [[ "$(node --version 2>/dev/null)" == v20.* ]]; then
    command -v node
    return
  fi
  local bin=$TOOLS/node/node_modules/node-linux-$node_arch/bin/node
  if [ ! -x "$bin" ]; then
    log "installing node-linux-$node_arch@$NODE_VERSION from npm"
    npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$TOOLS/node" \
      "node-linux-$node_arch@$NODE_VERSION" >&2 || return 1
  fi
  echo "$bin"
}

# Prints the path of Bun.
bun_bin() {
  local bin=$TOOLS/bun/node_modules/@oven/bun-linux-$bun_arch/bin/bun
  if [ ! -x "$bin" ]; then
    log "installing @oven/bun-linux-$bun_arch@$BUN_VERSION from npm"
    npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$TOOLS/bun" \
      "@oven/bun-linux-$bun_arch@$BUN_VERSION" >&2 || return 1
  fi
  echo "$bin"
}

mkdir -p "$OUT"
log "bundling tests/node_bun/entry.ts"
if ! deno bundle --quiet --platform deno --format esm -o "$OUT/apiclient.mjs" tests/node_bun/entry.ts; then
  log "deno bundle failed"
  exit 1
fi
export NIMBUS_SMOKE_BUNDLE="$PWD/$OUT/apiclient.mjs"

status=0
if [ "$only" = all ] || [ "$only" = node ]; then
  if node=$(node20); then
    log "node $("$node" --version)"
    # Each case is bounded by node:test's own timeout; the whole run by this one.
    timeout 300 "$node" --test --test-force-exit --test-reporter=tap tests/node_bun/node_smoke.mjs >"$OUT/node.tap" 2>&1
    rc=$?
    pass=$(grep -E '^# pass [0-9]+' "$OUT/node.tap" | awk '{print $3}')
    fail=$(grep -E '^# fail [0-9]+' "$OUT/node.tap" | awk '{print $3}')
    if [ -z "$pass" ]; then
      tail -30 "$OUT/node.tap"
      pass=0 fail=${fail:-1}
    fi
    [ "$rc" -eq 0 ] || { [ "$fail" != 0 ] || fail=1; grep -A15 '^not ok' "$OUT/node.tap" | head -80; }
    echo "node: $pass passed, $fail failed"
    [ "$fail" = 0 ] || status=1
  else
    echo "node: 0 passed, 1 failed"
    status=1
  fi
fi
if [ "$only" = all ] || [ "$only" = bun ]; then
  if bun=$(bun_bin); then
    log "bun $("$bun" --version)"
    timeout 300 "$bun" tests/node_bun/bun_smoke.mjs >"$OUT/bun.log" 2>&1
    rc=$?
    grep -A15 '^not ok' "$OUT/bun.log" | grep -v '^bun: ' | head -80
    line=$(grep -E '^bun: [0-9]+ passed, [0-9]+ failed' "$OUT/bun.log" | tail -1)
    if [ -z "$line" ]; then
      tail -30 "$OUT/bun.log"
      line="bun: 0 passed, 1 failed"
    fi
    echo "$line"
    [ "$rc" -eq 0 ] || status=1
  else
    echo "bun: 0 passed, 1 failed"
    status=1
  fi
fi
exit "$status"
