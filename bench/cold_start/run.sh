#!/usr/bin/env bash
# Cold start of an OpenStack script (import, login, one list) against a bare
# fetch script doing the same two requests, both against one FakeCloud that
# runs in its own process. Paired whole-process runs, medians.
#   bash bench/cold_start/run.sh [runs]
# Then the same script bundled into one file, against the bare script.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
deno run -A bench/cold_start/server.ts "$tmp/cloud.env" >"$tmp/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do
  [ -f "$tmp/cloud.env" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log"; exit 1; }
  sleep 0.1
done
[ -f "$tmp/cloud.env" ] || { echo "FakeCloud did not start"; exit 1; }
# shellcheck disable=SC1091
. "$tmp/cloud.env"
# The flags a user gives such a script: just the variables and the host it needs.
host=${OS_AUTH_URL#http://}
host=${host%%/*}
flags=(--allow-net="$host" --allow-env)
deno run "${flags[@]}" bench/cold_start/openstack_script.ts -v
deno run "${flags[@]}" bench/cold_start/bare_fetch.ts -v
deno run -A bench/cold_start/measure.ts "${1:-21}" \
  -- deno run "${flags[@]}" bench/cold_start/openstack_script.ts \
  -- deno run "${flags[@]}" bench/cold_start/bare_fetch.ts
# The share of module loading: the same script bundled into one JavaScript
# file (`deno bundle`) loads one module instead of the package's seventy-odd
# TypeScript modules. A user who ships a script or a Deno Deploy function
# can bundle it the same way.
deno bundle --quiet --platform deno --format esm -o "$tmp/openstack_bundled.js" \
  bench/cold_start/openstack_script.ts
deno run "${flags[@]}" "$tmp/openstack_bundled.js" -v
deno run -A bench/cold_start/measure.ts "${1:-21}" \
  -- deno run "${flags[@]}" "$tmp/openstack_bundled.js" \
  -- deno run "${flags[@]}" bench/cold_start/bare_fetch.ts
