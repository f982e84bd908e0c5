#!/usr/bin/env bash
# A throwaway OpenStack cloud on 127.0.0.1 from Debian's packages, with sqlite and
# no systemd, for the contract tests in tests/cloud/: Keystone, Placement, Glance
# v2, Nova (api, conductor, scheduler, compute with fake.FakeDriver, cells v2,
# RabbitMQ), Neutron (ML2 with a driver that binds every port, no agents) and
# Cinder (fake volume driver).
#
#   scripts/openstack.sh start   install what is missing, set up in a temp dir, start
#                                everything in the background, wait until a server
#                                could boot, create the fixtures, write the
#                                NIMBUS_REAL_CLOUD JSON and print NIMBUS_REAL_CLOUD=<path>
#   scripts/openstack.sh env     print that line again from the state file
#   scripts/openstack.sh stop    kill every process it started and every descendant,
#                                remove the temp dir
#   scripts/openstack.sh run CMD...   start, run CMD with NIMBUS_REAL_CLOUD exported, stop;
#                                exits with CMD's status
#
# Environment: OPENSTACK_STATE (default <repo>/.tmp/openstack.state), OPENSTACK_WAIT_S
# (default 240, per wait), OPENSTACK_JSON (also copy the JSON there, mode 600),
# OPENSTACK_KEEP=1 (stop leaves the temp dir with its logs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/scripts/openstack"
STATE="${OPENSTACK_STATE:-$ROOT/.tmp/openstack.state}"
# Debian's python, not a pyenv one from PATH: the services live in its dist-packages.
PY=/usr/bin/python3
PACKAGES=(python3-keystone python3-placement placement-api python3-glance glance-api
  python3-nova nova-api nova-conductor nova-scheduler python3-neutron neutron-common
  python3-cinder cinder-common rabbitmq-server)

log() { echo "openstack.sh: $*" >&2; }

install_if_missing() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != "0" ]; then
    log "missing packages and not root: apt-get install ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Package scripts must not start system-wide daemons: a policy-rc.d that says no.
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local rc=0
  apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2 ||
    { apt-get update -q >&2 && apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2; } ||
    rc=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" -eq 0 ] || exit "$rc"
}

free_ports() {
  "$PY" -c 'import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}

# GET <url> answers below 500 within 2 s.
http_up() {
  "$PY" -c 'import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1], timeout=2); sys.exit(0)
except urllib.error.HTTPError as e:
    sys.exit(0 if e.code < 500 else 1)
except Exception:
    sys.exit(1)' "$1"
}

# The first of the given files that exists (package layouts differ).
first_file() {
  local f
  for f in "$@"; do
    [ -f "$f" ] && { echo "$f"; return 0; }
  done
  log "none of $* exists"
  return 1
}

print_env() {
  # shellcheck disable=SC1090
  . "$STATE"
  echo "NIMBUS_REAL_CLOUD=$OPENSTACK_JSON_FILE"
}

is_running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  [ -n "${OPENSTACK_PIDS:-}" ] || return 1
  local p
  for p in $OPENSTACK_PIDS; do kill -0 "$p" 2>/dev/null || return 1; done
}

# Launches one daemon in its own session (so stop can find all it forks) and
# records its pid in the state file.
PIDS=""
launch() {
  local name="$1"
  shift
  setsid "$@" >>"$DIR/log/$name.out" 2>&1 </dev/null &
  PIDS="$PIDS $!"
  sed -i "s/^OPENSTACK_PIDS=.*/OPENSTACK_PIDS=\"$PIDS\"/" "$STATE"
  echo "$name $!" >>"$DIR/pids"
}

wait_http() {
  local what="$1" url="$2" wait_s="${OPENSTACK_WAIT_S:-240}" i=0
  while [ "$i" -lt "$((wait_s * 4))" ]; do
    http_up "$url" && return 0
    local name pid
    while read -r name pid; do
      if ! kill -0 "$pid" 2>/dev/null; then
        log "$name exited early; last lines of its output and log:"
        tail -n 30 "$DIR/log/$name.out" "$DIR/log/$name"*.log >&2 2>/dev/null || true
        return 1
      fi
    done <"$DIR/pids"
    sleep 0.25
    i=$((i + 1))
  done
  log "$what did not answer at $url after ${wait_s}s"
  return 1
}

write_configs() {
  local d="$DIR" k="http://127.0.0.1:$P_KEYSTONE/v3"
  local rabbit="rabbit://guest:guest@127.0.0.1:$P_AMQP/"
  local common="[DEFAULT]
log_dir = $d/log
use_stderr = false
debug = false
transport_url = $rabbit
graceful_shutdown_timeout = 5"
  # Sections every service shares, appended after its own [DEFAULT] lines.
  local tail="[oslo_concurrency]
lock_path = $d/lock
[oslo_messaging_notifications]
driver = noop"
  authtoken() {
    cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $k
auth_url = $k
auth_type = password
username = $1
password = $SERVICE_PASSWORD
project_name = service
user_domain_id = default
project_domain_id = default
memcached_servers =
service_token_roles_required = true
EOF
  }
  creds() {
    cat <<EOF
[$1]
auth_url = $k
auth_type = password
username = $2
password = $SERVICE_PASSWORD
project_name = service
user_domain_id = default
project_domain_id = default
region_name = RegionOne
EOF
  }

  cat >"$d/keystone.conf" <<EOF
[DEFAULT]
log_dir = $d/log
use_stderr = false
[database]
connection = sqlite:///$d/keystone.db
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $d/fernet-keys
[credential]
key_repository = $d/credential-keys
[identity]
password_hash_rounds = 4
[cache]
enabled = true
backend = dogpile.cache.memory
EOF

  mkdir -p "$d/placement"
  {
    echo "$common"
    cat <<EOF
[api]
auth_strategy = keystone
[placement_database]
connection = sqlite:///$d/placement.db
EOF
    authtoken placement
    echo "$tail"
  } >"$d/placement/placement.conf"

  {
    echo "$common"
    cat <<EOF
bind_host = 127.0.0.1
bind_port = $P_GLANCE
workers = 0
enabled_backends = fs:file
enabled_import_methods = [glance-direct]
[database]
connection = sqlite:///$d/glance.db
[paste_deploy]
flavor = keystone
config_file = $PASTE_GLANCE
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $d/images
[os_glance_staging_store]
filesystem_store_datadir = $d/glance-staging
[os_glance_tasks_store]
filesystem_store_datadir = $d/glance-tasks
EOF
    authtoken glance
    echo "$tail"
  } >"$d/glance-api.conf"

  {
    echo "$common"
    cat <<EOF
host = nimbus-compute-0
my_ip = 127.0.0.1
state_path = $d/nova
instances_path = $d/nova/instances
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $P_NOVA
osapi_compute_workers = 1
compute_driver = fake.FakeDriver
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
[wsgi]
api_paste_config = $PASTE_NOVA
[api]
auth_strategy = keystone
[api_database]
connection = sqlite:///$d/nova_api.db
[database]
connection = sqlite:///$d/nova.db
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 2
[filter_scheduler]
enabled_filters = ComputeFilter,ImagePropertiesFilter
[vnc]
enabled = false
[glance]
region_name = RegionOne
[cinder]
os_region_name = RegionOne
catalog_info = volumev3:cinderv3:publicURL
EOF
    authtoken nova
    creds placement placement
    creds neutron neutron
    echo "url = http://127.0.0.1:$P_NEUTRON"
    creds service_user nova
    echo "send_service_user_token = true"
    echo "$tail"
  } >"$d/nova.conf"

  {
    echo "$common"
    cat <<EOF
bind_host = 127.0.0.1
bind_port = $P_NEUTRON
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
api_workers = 0
rpc_workers = 1
rpc_state_report_workers = 0
dhcp_agent_notification = false
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
state_path = $d/neutron
api_paste_config = $PASTE_NEUTRON
[database]
connection = sqlite:///$d/neutron.db
[ml2]
type_drivers = flat,vlan,vxlan,local
tenant_network_types = vxlan
mechanism_drivers = nimbus_bind
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
EOF
    authtoken neutron
    creds nova nova
    creds placement placement
    echo "$tail"
  } >"$d/neutron.conf"

  {
    echo "$common"
    cat <<EOF
host = nimbus-volume-0
my_ip = 127.0.0.1
state_path = $d/cinder
auth_strategy = keystone
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = $P_CINDER
osapi_volume_workers = 1
api_paste_config = $PASTE_CINDER
enabled_backends = fake
default_volume_type = __DEFAULT__
periodic_interval = 5
periodic_fuzzy_delay = 0
[database]
connection = sqlite:///$d/cinder.db
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
EOF
    authtoken cinder
    creds nova nova
    creds service_user cinder
    echo "send_service_user_token = true"
    echo "$tail"
  } >"$d/cinder.conf"

  cat >"$d/rabbit/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$P_AMQP
loopback_users.guest = true
EOF
}

# The database set-up of one service (they run in parallel).
db_keystone() {
  local c="$DIR/keystone.conf"
  keystone-manage --config-file "$c" db_sync
  wal "$DIR/keystone.db"
  # What fernet_setup and credential_setup write (a staged key 0 and a primary key 1 in
  # each repository), in one python call instead of two slow keystone-manage runs.
  "$PY" -c 'import base64, os, sys
for repo in sys.argv[1:]:
    for name in ("0", "1"):
        path = os.path.join(repo, name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, base64.urlsafe_b64encode(os.urandom(32)))
        os.close(fd)' "$DIR/fernet-keys" "$DIR/credential-keys"
  chmod 700 "$DIR/fernet-keys" "$DIR/credential-keys"
  keystone-manage --config-file "$c" bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-admin-url "$KEYSTONE_URL" --bootstrap-internal-url "$KEYSTONE_URL" \
    --bootstrap-public-url "$KEYSTONE_URL" --bootstrap-region-id RegionOne
}
db_placement() {
  placement-manage --config-file "$DIR/placement/placement.conf" db sync
  wal "$DIR/placement.db"
}
db_glance() {
  glance-manage --config-file "$DIR/glance-api.conf" db_sync
  wal "$DIR/glance.db"
}
db_nova() {
  local c=(--config-file "$DIR/nova.conf")
  # The API database and the cell database migrate in parallel. Then the rows
  # `cell_v2 map_cell0` and `create_cell --name cell1` would write go in with one
  # sqlite call, and cell0 is a copy of the migrated cell1 schema (both empty):
  # three nova-manage runs fewer, the slowest part of the set-up.
  nova-manage "${c[@]}" api_db sync &
  local api=$!
  nova-manage "${c[@]}" db sync --local_cell
  wait "$api"
  cp "$DIR/nova.db" "$DIR/nova_cell0.db"
  "$PY" -c 'import sqlite3, sys, uuid
api, cell0, cell1, transport = sys.argv[1:]
c = sqlite3.connect(api)
c.execute("INSERT INTO cell_mappings (created_at, uuid, name, transport_url, database_connection, disabled)"
          " VALUES (datetime(), ?, ?, ?, ?, 0)",
          ("00000000-0000-0000-0000-000000000000", "cell0", "none:///", cell0))
c.execute("INSERT INTO cell_mappings (created_at, uuid, name, transport_url, database_connection, disabled)"
          " VALUES (datetime(), ?, ?, ?, ?, 0)", (str(uuid.uuid4()), "cell1", transport, cell1))
c.commit()
c.close()' "$DIR/nova_api.db" "sqlite:///$DIR/nova_cell0.db" "sqlite:///$DIR/nova.db" \
    "rabbit://guest:guest@127.0.0.1:$P_AMQP/"
  wal "$DIR/nova_api.db" "$DIR/nova.db" "$DIR/nova_cell0.db"
}
db_neutron() {
  # neutron-db-manage cannot ALTER constraints on sqlite: build the head schema
  # from the models, then record it as migrated (`neutron-db-manage stamp heads`),
  # in one process so that neutron is imported once.
  "$PY" -c 'import sys, sqlalchemy
from neutron.db.migration.models import head
head.get_metadata().create_all(sqlalchemy.create_engine(sys.argv[1]))
sys.argv = ["neutron-db-manage", "--config-file", sys.argv[2], "stamp", "heads"]
from neutron.db.migration.cli import main
sys.exit(main())' "sqlite:///$DIR/neutron.db" "$DIR/neutron.conf"
  wal "$DIR/neutron.db"
}
db_cinder() {
  cinder-manage --config-file "$DIR/cinder.conf" db sync
  wal "$DIR/cinder.db"
}
wal() {
  "$PY" -c 'import sqlite3, sys
for f in sys.argv[1:]:
    c = sqlite3.connect(f); c.execute("PRAGMA journal_mode=WAL"); c.close()' "$@"
}

# `python3 -c` entry points for the services whose packages would pull in
# libvirt, uwsgi, lvm2 or iscsi.
entry() {
  local module="$1" name="$2"
  shift 2
  echo "import sys; sys.argv = ['$name'] + sys.argv[1:]; from $module import main; sys.exit(main())"
}

start() {
  if is_running; then
    log "already running (pids$OPENSTACK_PIDS)"
    print_env
    return 0
  fi
  install_if_missing
  local t0 t_setup
  t0=$(date +%s.%N)
  DIR="$(mktemp -d /tmp/nimbus-openstack.XXXXXX)"
  mkdir -p "$DIR"/{log,lock,fernet-keys,credential-keys,images,glance-staging,glance-tasks,nova/instances,neutron,cinder,rabbit/mnesia}
  read -r P_KEYSTONE P_PLACEMENT P_GLANCE P_NOVA P_NEUTRON P_CINDER P_AMQP P_EPMD P_DIST <<<"$(free_ports 9)"
  gen() { "$PY" -c 'import secrets; print(secrets.token_hex(12))'; }
  ADMIN_PASSWORD="$(gen)" DEMO_PASSWORD="$(gen)" SERVICE_PASSWORD="$(gen)"
  KEYSTONE_URL="http://127.0.0.1:$P_KEYSTONE/v3"
  PASTE_GLANCE=$(first_file /etc/glance/glance-api-paste.ini /usr/share/glance/glance-api-paste.ini)
  PASTE_NOVA=$(first_file /etc/nova/api-paste.ini /usr/share/nova/api-paste.ini)
  PASTE_NEUTRON=$(first_file /etc/neutron/api-paste.ini /usr/share/neutron/api-paste.ini)
  PASTE_CINDER=$(first_file /etc/cinder/api-paste.ini /usr/share/cinder/api-paste.ini)
  local json="$DIR/real-cloud.json"
  mkdir -p "$(dirname "$STATE")"
  (
    umask 077
    cat >"$STATE" <<EOF
OPENSTACK_PIDS=""
OPENSTACK_DIR=$DIR
OPENSTACK_JSON_FILE=$json
EOF
  )
  : >"$DIR/pids"
  write_configs
  log "setting up in $DIR"

  # RabbitMQ first (its boot takes seconds) with its own epmd, node name and HOME.
  local rmq
  rmq=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin | head -1)
  export ERL_EPMD_PORT="$P_EPMD"
  launch epmd epmd -port "$P_EPMD" -address 127.0.0.1
  HOME="$DIR/rabbit" RABBITMQ_NODENAME="nimbus-$P_AMQP@localhost" RABBITMQ_DIST_PORT="$P_DIST" \
    RABBITMQ_CONFIG_FILE="$DIR/rabbit/rabbitmq.conf" RABBITMQ_MNESIA_BASE="$DIR/rabbit/mnesia" \
    RABBITMQ_LOG_BASE="$DIR/log" RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/rabbit/enabled_plugins" \
    RABBITMQ_PID_FILE="$DIR/rabbit/pid" RABBITMQ_LOGS="$DIR/log/rabbit.log" \
    launch rabbitmq "$rmq/rabbitmq-server"

  local svc failed=""
  for svc in keystone placement glance nova neutron cinder; do
    ("db_$svc" >"$DIR/log/setup-$svc.log" 2>&1) &
    eval "SETUP_$svc=$!"
  done
  for svc in keystone placement glance nova neutron cinder; do
    local var="SETUP_$svc"
    if ! wait "${!var}"; then
      failed="$failed $svc"
      log "$svc database set-up failed; last lines of $DIR/log/setup-$svc.log:"
      tail -n 20 "$DIR/log/setup-$svc.log" >&2
    fi
  done
  [ -z "$failed" ] || { stop; exit 1; }
  t_setup=$(date +%s.%N)

  OS_KEYSTONE_CONFIG_FILES="$DIR/keystone.conf" \
    launch keystone keystone-wsgi-public --host 127.0.0.1 --port "$P_KEYSTONE"
  wait_http Keystone "$KEYSTONE_URL" || { stop; exit 1; }

  local endpoints
  endpoints=$(printf '{"placement":"http://127.0.0.1:%s","image":"http://127.0.0.1:%s","compute":"http://127.0.0.1:%s/v2.1","network":"http://127.0.0.1:%s","block-storage":"http://127.0.0.1:%s/v3/$(project_id)s","volumev3":"http://127.0.0.1:%s/v3/$(project_id)s"}' \
    "$P_PLACEMENT" "$P_GLANCE" "$P_NOVA" "$P_NEUTRON" "$P_CINDER" "$P_CINDER")
  (
    umask 077
    printf '{"keystone":"%s","region":"RegionOne","admin_password":"%s","demo_password":"%s","service_password":"%s","endpoints":%s,"wait_s":%s}\n' \
      "$KEYSTONE_URL" "$ADMIN_PASSWORD" "$DEMO_PASSWORD" "$SERVICE_PASSWORD" "$endpoints" \
      "${OPENSTACK_WAIT_S:-240}" >"$DIR/bootstrap.json"
  )
  "$PY" "$HERE/bootstrap.py" catalog "$DIR/bootstrap.json" || { stop; exit 1; }

  OS_PLACEMENT_CONFIG_DIR="$DIR/placement" \
    launch placement placement-api --host 127.0.0.1 --port "$P_PLACEMENT"
  launch glance glance-api --config-file "$DIR/glance-api.conf"
  PYTHONPATH="$HERE/ml2" launch neutron neutron-server \
    --config-file "$DIR/neutron.conf"
  wait_http Neutron "http://127.0.0.1:$P_NEUTRON/" || { stop; exit 1; }
  local nova_env=(env PYTHONPATH="$HERE/sqlite_immediate")
  local nc=(--config-file "$DIR/nova.conf")
  launch nova-api "${nova_env[@]}" nova-api "${nc[@]}"
  launch nova-conductor "${nova_env[@]}" nova-conductor "${nc[@]}"
  launch nova-scheduler "${nova_env[@]}" nova-scheduler "${nc[@]}"
  launch nova-compute "${nova_env[@]}" "$PY" -c "$(entry nova.cmd.compute nova-compute)" "${nc[@]}" \
    --log-file "$DIR/log/nova-compute.log"
  local cc=(--config-file "$DIR/cinder.conf")
  launch cinder-api "${nova_env[@]}" "$PY" -c "$(entry cinder.cmd.api cinder-api)" "${cc[@]}" \
    --log-file "$DIR/log/cinder-api.log"
  launch cinder-scheduler "${nova_env[@]}" "$PY" -c "$(entry cinder.cmd.scheduler cinder-scheduler)" "${cc[@]}" \
    --log-file "$DIR/log/cinder-scheduler.log"
  launch cinder-volume "${nova_env[@]}" "$PY" -c "$(entry cinder.cmd.volume cinder-volume)" "${cc[@]}" \
    --log-file "$DIR/log/cinder-volume.log"

  wait_http Placement "http://127.0.0.1:$P_PLACEMENT/" || { stop; exit 1; }
  wait_http Glance "http://127.0.0.1:$P_GLANCE/versions" || { stop; exit 1; }
  wait_http Nova "http://127.0.0.1:$P_NOVA/" || { stop; exit 1; }
  wait_http Cinder "http://127.0.0.1:$P_CINDER/" || { stop; exit 1; }
  "$PY" "$HERE/bootstrap.py" ready "$DIR/bootstrap.json" || { stop; exit 1; }
  (
    umask 077
    "$PY" "$HERE/bootstrap.py" fixtures "$DIR/bootstrap.json" >"$json"
  ) || { stop; exit 1; }
  if [ -n "${OPENSTACK_JSON:-}" ]; then
    (umask 077 && cp "$json" "$OPENSTACK_JSON")
  fi
  local t1
  t1=$(date +%s.%N)
  log "$(awk -v a="$t0" -v b="$t_setup" -v c="$t1" 'BEGIN { printf "up in %.1f s (database set-up %.1f s)", c - a, b - a }')"
  print_env
}

# Every pid in the sessions of the given pids, and every descendant of them.
tree_pids() {
  "$PY" - "$@" <<'EOF'
import os, sys
roots = {int(p) for p in sys.argv[1:]}
procs = {}
for entry in os.listdir("/proc"):
    if not entry.isdigit():
        continue
    try:
        with open(f"/proc/{entry}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        procs[int(entry)] = (int(fields[1]), int(fields[3]))  # ppid, session
    except OSError:
        pass
found = {p for p, (_, sid) in procs.items() if sid in roots} | (roots & procs.keys())
for _ in range(64):
    more = {p for p, (ppid, _) in procs.items() if ppid in found} - found
    if not more:
        break
    found |= more
found.discard(os.getpid())
print(" ".join(str(p) for p in sorted(found)))
EOF
}

stop_cloud() {
  if [ ! -f "$STATE" ]; then
    log "not running (no $STATE)"
    return 0
  fi
  # shellcheck disable=SC1090
  . "$STATE"
  local pids i=0
  pids=$(tree_pids ${OPENSTACK_PIDS:-})
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    while [ "$i" -lt 60 ]; do
      pids=$(tree_pids ${OPENSTACK_PIDS:-})
      [ -z "$pids" ] && break
      sleep 0.25
      i=$((i + 1))
    done
    # shellcheck disable=SC2086
    [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    log "stopped every process it started"
  fi
  # OPENSTACK_KEEP=1 keeps the logs and configs for a post-mortem.
  case "${OPENSTACK_KEEP:-}:${OPENSTACK_DIR:-}" in
    :/tmp/nimbus-openstack.*) rm -rf "$OPENSTACK_DIR" ;;
    *) [ -z "${OPENSTACK_DIR:-}" ] || log "kept $OPENSTACK_DIR" ;;
  esac
  rm -f "$STATE"
}

DAEMON_PID_VAR=OPENSTACK_PIDS
DAEMON_DIR_VAR=OPENSTACK_DIR
DAEMON_DIR_GLOB='/tmp/nimbus-openstack.*'
# shellcheck source=scripts/_daemon.sh
. "$ROOT/scripts/_daemon.sh"
# This cloud is many processes: stop_cloud (above) replaces the one-pid stop of
# _daemon.sh, which run() and daemon_main() call.
stop() { stop_cloud; }
daemon_main "$@"
