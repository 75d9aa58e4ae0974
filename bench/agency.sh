#!/usr/bin/env bash
# Hand-off benchmark: how long from a dossier's receipt to the agency's acknowledgement
# while dossiers are filed at full rate, and how fast a backlog drains once the agency
# comes back. The real server (`--profile server`, one instance on a fresh SQLite file)
# delivers to the real agency sandbox (crates/agency-sandbox, its own SQLite), which
# verifies each signature, stores each dossier and sends its "received" event back.
#
#   bench/agency.sh                          # 20 s at 32 connections, a 10,000 backlog
#   AGENCY_DURATION=5 AGENCY_BACKLOG=2000 bench/agency.sh
#   AGENCY_ENGINE=postgres bench/agency.sh   # the portal on a private PostgreSQL 15 cluster
#
# 1. Under load: wrk files dossiers for AGENCY_DURATION seconds; the latency of each
#    delivery is its outbox row's acknowledgement time minus its filing time (both
#    recorded by the server, in milliseconds), over the dossiers of the run.
# 2. Backlog: the agency is stopped, AGENCY_BACKLOG dossiers are filed (they wait in the
#    outbox, retried with backoff capped at 1 s), the agency is started again, and the
#    time until the last one is acknowledged is measured.
# Submissions are bench/load-submission.json ("notification of stay", commune-level,
# routed to the commune's centre), as in bench/load.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

DURATION=${AGENCY_DURATION:-20}
CONNECTIONS=${AGENCY_CONNECTIONS:-32}
BACKLOG=${AGENCY_BACKLOG:-10000}
ENGINE=${AGENCY_ENGINE:-sqlite}
SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

log() { printf '\033[1m[agency]\033[0m %s\n' "$*" >&2; }
for tool in wrk sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench/agency.sh needs $tool (bench/load.sh installs it)" >&2; exit 1; }
done

log "building the server and the agency sandbox (--profile server)"
cargo build --profile server -p portal-server -p agency-sandbox --locked >&2

work=$(mktemp -d)
server_pid="" agency_pid="" pg_dir=""
cleanup() {
  for p in $server_pid $agency_pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -n "$pg_dir" ] && scripts/postgres stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

source bench/catalogue.sh
bench_catalogue "$work"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
agency_port=$(free_port)
agency="http://127.0.0.1:$agency_port"
if [ "$ENGINE" = postgres ]; then
  eval "$(scripts/postgres start)"
  pg_dir=$PG_DIR
  psql "$PG_URL" -qc "CREATE DATABASE bench_agency" >/dev/null
  db="${PG_URL%/*}/bench_agency"
  sql() { psql "$db" -tAqc "$1"; }
else
  db="$work/portal.sqlite3"
  sql() { sqlite3 -batch -noheader -cmd ".timeout 5000" "$db" "$1"; }
fi

start_agency() {
  AGENCY_SANDBOX_SECRET=$SECRET RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/server/agency-sandbox" \
    --listen "127.0.0.1:$agency_port" --db "$work/agency.sqlite3" --portal "$base" \
    > "$work/agency.log" 2>&1 &
  agency_pid=$!
  for _ in $(seq 1 100); do grep -q 'listening on' "$work/agency.log" && return; sleep 0.05; done
  cat "$work/agency.log" >&2; exit 1
}
stop_agency() { kill "$agency_pid"; wait "$agency_pid" 2>/dev/null || true; agency_pid=""; }

PORTAL_AGENCY_SANDBOX_SECRET=$SECRET RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/server/portal-server" \
  --sandbox-sign-in --sandbox-payments --host 127.0.0.1 --port 0 --db "$db" \
  --catalog "$work/catalog" --dist "$work/no-dist" \
  --agency-sandbox "$agency" --delivery-max-backoff 1 > "$work/portal.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's|^Portal running at \(http://[0-9.:]*\)/.*|\1|p' "$work/portal.log")
  [ -n "$base" ] && curl -sf "$base/healthz" >/dev/null && break
  base=""; sleep 0.1
done
[ -n "$base" ] || { cat "$work/portal.log" >&2; exit 1; }
start_agency

state=$(curl -sf "$base/auth/sign-in?return_to=/dossiers" | sed -n 's/.*name="state" value="\([^"]*\)".*/\1/p' | head -1)
cookie=$(curl -s -o /dev/null -D - -X POST "$base/auth/sign-in" \
  --data-urlencode "state=$state" --data-urlencode "identity=sandbox-citizen-an" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \(portal_session=[^;]*\).*/\1/p' | tr -d '\r')
export PORTAL_COOKIE="$cookie"
body=bench/load-submission.json
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
pct() { sort -n | awk -v p="$1" '{ a[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; print a[i] }'; }
wait_until() { # <sql giving 1 (or t) when done> <seconds>
  local until=$(( $(date +%s) + $2 ))
  while ! [[ "$(sql "$1")" =~ ^(1|t)$ ]]; do
    [ "$(date +%s)" -gt "$until" ] && return 1
    sleep 0.2
  done
}

# --- 1. under load ---------------------------------------------------------------------
log "filing at full rate for ${DURATION} s with $CONNECTIONS connections, the agency up"
out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/load.lua "$base" -- unique load "$work" "$body" | grep '^RESULT')
ok=$(field ok "$out"); us=$(field duration_us "$out")
rate=$(awk -v n="$ok" -v us="$us" 'BEGIN { printf "%.0f", n / (us / 1e6) }')
wait_until "SELECT COUNT(*) = 0 FROM outbox WHERE state = 'pending'" 120 || log "deliveries still pending after 120 s"
sql "SELECT delivered_ms - created_ms FROM outbox WHERE state = 'delivered'" > "$work/latency.txt"
delivered=$(wc -l < "$work/latency.txt")
p50=$(pct 50 < "$work/latency.txt"); p99=$(pct 99 < "$work/latency.txt"); max=$(pct 100 < "$work/latency.txt")
at_agency=$(curl -sf "$agency/api/dossiers" | python3 -c 'import json,sys; d=json.load(sys.stdin)["dossiers"]; print(len(d), sum(x["deliveries_received"] for x in d))')
filed=$(sql "SELECT COUNT(*) FROM dossiers")

# --- 2. a backlog ------------------------------------------------------------------------
log "the agency stops; filing $BACKLOG dossiers"
stop_agency
before=$(sql "SELECT COUNT(*) FROM outbox")
while [ $(( $(sql "SELECT COUNT(*) FROM outbox") - before )) -lt "$BACKLOG" ]; do
  wrk -t2 -c"$CONNECTIONS" -d2s --timeout 10s -s bench/load.lua "$base" -- unique "backlog-$RANDOM" "$work" "$body" >/dev/null
done
backlog=$(sql "SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
log "the agency is back; draining $backlog deliveries"
start=$(date +%s.%N)
start_agency
wait_until "SELECT COUNT(*) = 0 FROM outbox WHERE state = 'pending'" 900 || log "not drained in 900 s"
drain=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
drain_rate=$(awk -v n="$backlog" -v t="$drain" 'BEGIN { printf "%.0f", n / t }')
read -r agency_dossiers agency_deliveries <<<"$(curl -sf "$agency/api/dossiers" | python3 -c 'import json,sys; d=json.load(sys.stdin)["dossiers"]; print(len(d), sum(x["deliveries_received"] for x in d))')"
total=$(sql "SELECT COUNT(*) FROM outbox")
dead=$(sql "SELECT COUNT(*) FROM outbox WHERE state = 'dead'")

echo "# Hand-off to the agency $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, one portal instance ($ENGINE) and the agency sandbox on one machine"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| dossiers filed under load ($DURATION s, $CONNECTIONS connections) | $ok ($rate/s) |"
echo "| deliveries acknowledged from that run | $delivered of $filed dossiers |"
echo "| receipt → agency acknowledgement, p50 | $p50 ms |"
echo "| receipt → agency acknowledgement, p99 | $p99 ms |"
echo "| receipt → agency acknowledgement, max | $max ms |"
echo "| at the agency after the load run (dossiers, deliveries received) | $at_agency |"
echo "| backlog waiting when the agency came back | $backlog |"
echo "| time to drain it | $drain s ($drain_rate deliveries/s) |"
echo "| at the agency in all (dossiers, deliveries received) / outbox rows / given up | $agency_dossiers, $agency_deliveries / $total / $dead |"
status=0
[ "$agency_dossiers" = "$total" ] && [ "$agency_deliveries" = "$total" ] && [ "$dead" = 0 ] || { echo; echo "CHECK FAILED: every delivery should have reached the agency exactly once"; status=1; }
exit $status
