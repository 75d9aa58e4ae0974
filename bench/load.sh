#!/usr/bin/env bash
# Load benchmark of dossier submission, on three set-ups in one run: the real server
# (release `server` profile) on a fresh SQLite file (one instance); on a private
# PostgreSQL 15 cluster (scripts/postgres) with one instance; and with two instances on
# that PostgreSQL behind nginx rendered from deploy/ (the deployment's load balancer).
# One signed-in sandbox citizen, and wrk POSTing /api/v1/dossiers with a new
# Idempotency-Key on every request, so every request files a dossier. Prints dossiers per
# second and p50/p99 latency per set-up and connection count, then checks in the database
# that the dossiers filed are exactly the 2xx responses (none lost, none twice), and a
# replay run per set-up: one key sent from many connections at once files exactly one
# dossier.
#
#   bench/load.sh                      # 20 s per run at 1, 8 and 32 connections
#   LOAD_DURATION=5 LOAD_CONNECTIONS="8" LOAD_SETUPS="postgres:1" bench/load.sh
#   LOAD_SERVER=/path/to/portal-server bench/load.sh   # that build instead of building one
#                                                      # (two builds compared back to back)
#
# The submission (bench/load-submission.json) is a complete "notification of stay" whose
# answers go through the real form engine. It is filed to `bench-stay-notification`, a
# copy of that service added to a copy of catalog/ in which the document upload is
# optional, so that each request is one submission and not an upload plus a submission.
# wrk, nginx, PostgreSQL and the server instances share the machine's cores: the figures
# are for that, on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

DURATION=${LOAD_DURATION:-20}
CONNECTIONS=${LOAD_CONNECTIONS:-"1 8 32"}
REPLAY_DURATION=${LOAD_REPLAY_DURATION:-5}
REPLAY_CONNECTIONS=${LOAD_REPLAY_CONNECTIONS:-32}
SETUPS=${LOAD_SETUPS:-"sqlite:1 postgres:1 postgres:2"}

log() { printf '\033[1m[load]\033[0m %s\n' "$*" >&2; }

# --- tools: wrk, the sqlite3 shell, nginx with brotli (Debian packages), if missing -----
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
command -v nginx >/dev/null || need_apt+=(nginx libnginx-mod-http-brotli-static)
if ((${#need_apt[@]})); then
  log "installing ${need_apt[*]} (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

server=${LOAD_SERVER:-}
if [ -z "$server" ]; then
  log "building the server (cargo build --profile server -p portal-server)"
  cargo build --profile server -p portal-server --locked >&2
  server="${CARGO_TARGET_DIR:-target}/server/portal-server"
fi

work=$(mktemp -d)
pids=()
pg_dir=""
pg_url=""
nginx_on=""
stop_setup() {
  if [ -n "$nginx_on" ]; then
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
    nginx_on=""
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_setup
  [ -n "$pg_dir" ] && scripts/postgres stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

# --- the catalogue: the repository's plus the benchmark's copy of one free service ----
source bench/catalogue.sh
bench_catalogue "$work"

# --- one server instance on a free port (port 0: the server prints the one it got) ----
start_instance() { # <database> <log name>; sets `url`
  RUST_LOG=warn "$server" --sandbox-sign-in --sandbox-payments --host 127.0.0.1 \
    --port 0 --db "$1" --catalog "$work/catalog" --dist "$work/no-dist" > "$work/$2.log" 2>&1 &
  pids+=($!)
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's|^Portal running at \(http://[0-9.:]*\)/.*|\1|p' "$work/$2.log")
    [ -n "$url" ] && curl -sf "$url/healthz" >/dev/null && break
    url=""; sleep 0.1
  done
  [ -n "$url" ] || { cat "$work/$2.log" >&2; exit 1; }
}

# --- nginx, as deploy/render-nginx writes it, in front of instances; sets `url` --------
start_balancer() { # <instance URL>...
  local args=() port
  for u in "$@"; do args+=(--upstream "${u#http://}"); done
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  rm -rf "$work/nginx" && mkdir -p "$work/nginx/logs" "$work/nginx/temp"
  # Debian's module snippets name their modules relative to nginx's prefix.
  ln -s /usr/lib/nginx/modules "$work/nginx/modules"
  deploy/render-nginx --dist "$work/no-dist" "${args[@]}" --listen "127.0.0.1:$port" \
    --server-name localhost --log-dir "$work/nginx/logs" > "$work/nginx/portal.conf"
  {
    [ "$(id -u)" = 0 ] && echo "user root root;"
    echo "worker_processes auto;"
    echo "pid $work/nginx/nginx.pid;"
    echo "error_log $work/nginx/logs/error.log warn;"
    echo "include /etc/nginx/modules-enabled/*.conf;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  include /etc/nginx/mime.types;"
    for t in body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $work/nginx/temp/$t;" | sed 's/^  body_/  client_body_/'; done
    echo "  include $work/nginx/portal.conf;"
    echo "}"
  } > "$work/nginx/nginx.conf"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
  nginx_on=1
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 50); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.1; done
}

# --- a set-up: <engine> <instances>; sets base, label and sql() ------------------------
start_setup() {
  local engine=$1 n=$2 urls=()
  if [ "$engine" = sqlite ]; then
    db="$work/portal-$n.sqlite3"
    sql() { sqlite3 -batch -noheader -cmd ".timeout 5000" "$db" "$1"; }
  else
    if [ -z "$pg_dir" ]; then
      eval "$(scripts/postgres start)"
      pg_dir=$PG_DIR pg_url=$PG_URL
    fi
    psql "$pg_url" -qc "DROP DATABASE IF EXISTS bench_$n" -qc "CREATE DATABASE bench_$n" >/dev/null
    db="${pg_url%/*}/bench_$n"
    sql() { psql "$db" -tAqc "$1"; }
  fi
  for i in $(seq 1 "$n"); do
    start_instance "$db" "$engine-$n-$i"
    urls+=("$url")
  done
  if [ "$n" -gt 1 ]; then
    start_balancer "${urls[@]}"
    base=$url label="$engine, $n instances behind nginx"
  else
    base=${urls[0]} label="$engine, 1 instance"
  fi
}

field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f ms", us / 1000 }'; }
body=bench/load-submission.json

# --- signs in as a sandbox citizen, the way a browser does, and files a first dossier ---
sign_in() {
  local state status
  state=$(curl -sf "$base/auth/sign-in?return_to=/dossiers" | sed -n 's/.*name="state" value="\([^"]*\)".*/\1/p' | head -1)
  cookie=$(curl -s -o /dev/null -D - -X POST "$base/auth/sign-in" \
    --data-urlencode "state=$state" --data-urlencode "identity=sandbox-citizen-an" \
    | sed -n 's/^[Ss]et-[Cc]ookie: \(portal_session=[^;]*\).*/\1/p' | tr -d '\r')
  [ -n "$cookie" ] || { echo "sign-in failed ($label)" >&2; exit 1; }
  export PORTAL_COOKIE="$cookie"
  status=$(curl -s -o "$work/first.json" -w '%{http_code}' -X POST "$base/api/v1/dossiers" \
    -H "cookie: $cookie" -H 'x-portal-request: 1' -H "idempotency-key: warm-up-$RANDOM" \
    -H 'content-type: application/json' --data-binary @"$body")
  [ "$status" = 201 ] || { echo "the warm-up submission got $status:" >&2; cat "$work/first.json" >&2; exit 1; }
}

rates=() checks=() replays=()
measure() {
  local c t prefix before out ok sent us sock rate after keys distinct seen_distinct missing unseen inflight filed verdict
  for c in $CONNECTIONS; do
    t=$(( c < 2 ? c : 2 ))
    prefix="$(tr -c 'a-z0-9' '-' <<<"${label%%,*}-$2")c$c"
    rm -f "$work"/codes-"$prefix"-*.txt
    before=$(sql "SELECT count(*) FROM dossiers")
    out=$(wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 10s -s bench/load.lua "$base" -- unique "$prefix" "$work" "$body" | grep '^RESULT')
    ok=$(field ok "$out"); sent=$(field sent "$out")
    us=$(field duration_us "$out")
    sock=$(( $(field connect "$out") + $(field read "$out") + $(field write "$out") + $(field timeout "$out") ))
    rate=$(awk -v n="$ok" -v us="$us" 'BEGIN { printf "%.0f", n / (us / 1e6) }')
    rates+=("| $label | $c | $t | $rate | $(ms "$(field p50_us "$out")") | $(ms "$(field p99_us "$out")") | $(ms "$(field max_us "$out")") | $(field non2xx "$out") | $sock |")

    # Exactly once: every dossier filed in this run has one key of this run; the codes
    # of the 2xx responses are distinct and all filed; the only dossiers without a
    # response seen by wrk are those still in flight when wrk stopped (it drops them).
    sleep 0.5
    after=$(sql "SELECT count(*) FROM dossiers")
    keys=$(sql "SELECT count(*) FROM idempotency_keys WHERE key LIKE '$prefix-%'")
    distinct=$(sql "SELECT count(DISTINCT dossier_id) FROM idempotency_keys WHERE key LIKE '$prefix-%'")
    cat "$work"/codes-"$prefix"-*.txt | sort > "$work/codes-$prefix.seen"
    seen_distinct=$(sort -u "$work/codes-$prefix.seen" | wc -l)
    sql "SELECT d.code FROM dossiers d JOIN idempotency_keys k ON k.dossier_id = d.id WHERE k.key LIKE '$prefix-%'" | sort > "$work/codes-$prefix.db"
    missing=$(comm -23 "$work/codes-$prefix.seen" "$work/codes-$prefix.db" | wc -l)
    unseen=$(comm -13 "$work/codes-$prefix.seen" "$work/codes-$prefix.db" | wc -l)
    inflight=$(( sent - ok - $(field non2xx "$out") ))
    filed=$(( after - before ))
    verdict=ok
    if [ "$filed" -ne "$keys" ] || [ "$distinct" -ne "$keys" ] || [ "$seen_distinct" -ne "$ok" ] \
       || [ "$missing" -ne 0 ] || [ "$filed" -ne $(( ok + unseen )) ] || [ "$unseen" -gt "$inflight" ]; then
      verdict=FAILED
    fi
    checks+=("| $label | $c | $ok | $filed | $keys | $missing | $unseen of $inflight unread | $verdict |")
  done

  # Replay: one key from many connections at once.
  local key="same-key-$prefix" created replayed
  before=$(sql "SELECT count(*) FROM dossiers")
  out=$(wrk -t2 -c"$REPLAY_CONNECTIONS" -d"${REPLAY_DURATION}s" --timeout 10s -s bench/load.lua "$base" -- replay "$key" "$work" "$body" | grep '^RESULT')
  after=$(sql "SELECT count(*) FROM dossiers")
  local for_key
  for_key=$(sql "SELECT count(*) FROM idempotency_keys WHERE key = '$key'")
  created=$(field created "$out"); replayed=$(field replayed "$out")
  verdict=FAILED
  [ $(( after - before )) -eq 1 ] && [ "$for_key" -eq 1 ] && [ "$created" -eq 1 ] && [ "$(field non2xx "$out")" -eq 0 ] && verdict=ok
  replays+=("| $label | $(field ok "$out") | $created | $replayed | $(field non2xx "$out") | $(ms "$(field p50_us "$out")") | $(ms "$(field p99_us "$out")") | $(( after - before )) | $verdict |")
}

for setup in $SETUPS; do
  engine=${setup%%:*} n=${setup##*:}
  log "set-up: $engine with $n instance(s)"
  start_setup "$engine" "$n"
  sign_in
  measure "$engine" "$n"
  stop_setup
done

echo "# Dossier submission under load $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), ${DURATION} s per run"
echo
echo "POST /api/v1/dossiers, a new Idempotency-Key per request (each 2xx is a new dossier); server \`--profile server\`; loopback; wrk, nginx, PostgreSQL and the instances on the same machine. PostgreSQL 15 with its default durability (fsync, synchronous commit)."
echo
echo "| set-up | connections | wrk threads | dossiers/s | p50 | p99 | max | non-2xx | socket errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rates[@]}"
echo
echo "Exactly once, checked in the database after each run: dossiers filed during the run, idempotency keys of the run (one dossier each), 2xx codes not in the database, and dossiers filed for requests wrk had sent but not read when it stopped."
echo
echo "| set-up | connections | 2xx responses | dossiers filed | keys stored | 2xx not filed | filed, response unread by wrk | check |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${checks[@]}"
echo
echo "Replay: the same Idempotency-Key and body from $REPLAY_CONNECTIONS connections for ${REPLAY_DURATION} s."
echo
echo "| set-up | requests answered 2xx | answered as created | answered as replayed | non-2xx | p50 | p99 | dossiers filed | check |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${replays[@]}"

status=0
printf '%s\n' "${checks[@]}" "${replays[@]}" | grep -q FAILED && status=1
exit $status
