#!/usr/bin/env bash
# The public figures' benchmark (issue #19): with STATS_DOSSIERS generated dossiers
# (default 1,000,000, over 24 months, every province and service, filed, paid, decided
# and rated through the server's own store functions: `portal-server generate`), how long
# the report of the whole country and of a province takes, cold (the first request after
# the server starts, nothing cached) and warm (served from the one-minute cache), on
# SQLite and on PostgreSQL (a private cluster, scripts/postgres), in one run.
#
#   bench/statistics.sh                                  # 1,000,000 dossiers, both engines
#   STATS_DOSSIERS=100000 STATS_ENGINES=sqlite bench/statistics.sh
#
# Cold figures are each the first request for its query after a fresh start of the
# server (the operating system's file cache stays warm: the machine has no way to drop
# it without root; on PostgreSQL the generated rows are vacuumed first, as autovacuum
# does on a live database); warm ones are the median of 20 requests. Times are curl's
# total.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

DOSSIERS=${STATS_DOSSIERS:-1000000}
ENGINES=${STATS_ENGINES:-sqlite postgres}
MONTHS=${STATS_MONTHS:-24}
log() { printf '\033[1m[statistics]\033[0m %s\n' "$*" >&2; }

log "building the server (--profile server)"
cargo build --profile server -p portal-server --locked >&2

work=$(mktemp -d)
server_pid="" pg_dir=""
cleanup() {
  [ -n "$server_pid" ] && { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  [ -n "$pg_dir" ] && scripts/postgres stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/no-dist"
echo '<!doctype html><title>bench</title>' > "$work/no-dist/index.html"

start_server() { # <db>
  RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/server/portal-server" --sandbox-sign-in --sandbox-payments \
    --host 127.0.0.1 --port 0 --db "$1" --catalog catalog --dist "$work/no-dist" \
    > "$work/portal.log" 2>&1 &
  server_pid=$!
  base=""
  for _ in $(seq 1 200); do
    base=$(sed -n 's|^Portal running at \(http://[0-9.:]*\)/.*|\1|p' "$work/portal.log")
    [ -n "$base" ] && curl -sf "$base/healthz" >/dev/null && return
    base=""; sleep 0.1
  done
  cat "$work/portal.log" >&2; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
ms() { curl -sf -o /dev/null -w '%{time_total}' "$base$1" | awk '{ printf "%.1f", $1 * 1000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
max() { sort -n | tail -1; }

year=$(TZ=Asia/Ho_Chi_Minh date +%Y)
month=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
country="/api/v1/statistics?period=$year"
provinces=(01 79 31 48 92 04 22 38 46 66)
rows=()
for engine in $ENGINES; do
  if [ "$engine" = postgres ]; then
    eval "$(scripts/postgres start)"
    pg_dir=$PG_DIR
    psql "$PG_URL" -qc "CREATE DATABASE bench_statistics" >/dev/null
    db="${PG_URL%/*}/bench_statistics"
  else
    db="$work/statistics.sqlite3"
  fi
  log "$engine: generating $DOSSIERS dossiers over $MONTHS months"
  generated=$("${CARGO_TARGET_DIR:-target}/server/portal-server" generate --db "$db" --dossiers "$DOSSIERS" --months "$MONTHS" 2>/dev/null | tail -1)
  log "$generated"
  rate=$(sed -n 's/.*: \([0-9]*\) dossiers\/s$/\1/p' <<<"$generated")
  # A live database is written a little at a time and vacuumed by autovacuum as it goes;
  # a million rows written in ten minutes are not yet, and the first read after them
  # pays for setting their hint bits. Vacuum once, as autovacuum would have.
  if [ "$engine" = postgres ]; then psql "$db" -qc "VACUUM ANALYZE" >/dev/null; fi

  # Cold: each query the first after a fresh start.
  start_server "$db"
  cold_country=$(ms "$country")
  cold_month=$(ms "/api/v1/statistics?period=$month")
  cold_provinces=$(for p in "${provinces[@]}"; do ms "$country&province=$p"; echo; done)
  cold_service=$(ms "$country&service=birth-registration")
  warm_country=$(for _ in $(seq 20); do ms "$country"; echo; done | median)
  warm_province=$(for _ in $(seq 20); do ms "$country&province=01"; echo; done | median)
  csv=$(ms "/api/v1/statistics/provinces.csv?period=$year")
  check=$(curl -sf "$base$country" | python3 -c 'import json,sys; r=json.load(sys.stdin); t=r["totals"]; print(t["received"], r["generated_data"])')
  stop_server
  rows+=("| $engine | $rate | $cold_country | $(median <<<"$cold_provinces") / $(max <<<"$cold_provinces") | $cold_month | $cold_service | $warm_country | $warm_province | $csv | $check |")
  if [ "$engine" = postgres ]; then scripts/postgres stop "$pg_dir"; pg_dir=""; fi
done

echo "# Public figures $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $DOSSIERS generated dossiers over $MONTHS months, one server instance (--profile server)"
echo
echo "Milliseconds per report (curl's total time, on this machine); target: country and province pages under 200 ms, cold and warm."
echo
echo "| engine | generated /s | country $year, cold | 10 provinces $year, cold, median / max | country $month, cold | one service, cold | country, warm (median of 20) | province, warm | provinces.csv | received this year, generated? |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
