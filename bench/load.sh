#!/usr/bin/env bash
# Load benchmark of dossier submission: the real server (release `server` profile) on a
# fresh SQLite file and a free loopback port, one signed-in sandbox citizen, and wrk
# POSTing /api/v1/dossiers with a new Idempotency-Key on every request, so every request
# files a dossier. Prints dossiers per second and p50/p99 latency per connection count,
# then checks in the database that the dossiers filed are exactly the 2xx responses (none
# lost, none twice), and a replay run: one key sent from many connections at once files
# exactly one dossier.
#
#   bench/load.sh                      # 20 s per run at 1, 8 and 32 connections
#   LOAD_DURATION=5 LOAD_CONNECTIONS="8" bench/load.sh
#
# The submission (bench/load-submission.json) is a complete "notification of stay" whose
# answers go through the real form engine. It is filed to `bench-stay-notification`, a
# copy of that service added to a copy of catalog/ in which the document upload is
# optional, so that each request is one submission and not an upload plus a submission.
# wrk and the server share the machine's cores: the figures are for that, on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

DURATION=${LOAD_DURATION:-20}
CONNECTIONS=${LOAD_CONNECTIONS:-"1 8 32"}
REPLAY_DURATION=${LOAD_REPLAY_DURATION:-5}
REPLAY_CONNECTIONS=${LOAD_REPLAY_CONNECTIONS:-32}

log() { printf '\033[1m[load]\033[0m %s\n' "$*" >&2; }

# --- tools: wrk and the sqlite3 shell (Debian packages), installed if missing ---------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
if ((${#need_apt[@]})); then
  log "installing ${need_apt[*]} (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

log "building the server (cargo build --profile server -p portal-server)"
cargo build --profile server -p portal-server --locked >&2

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# --- the catalogue: the repository's plus the benchmark's copy of one free service ----
cp -r catalog "$work/catalog"
sed -e 's/^id = "stay-notification"/id = "bench-stay-notification"/' \
    -e '/^directive24_item/d' \
    -e '/^\[\[documents\]\]/a required = false' \
    catalog/services/stay-notification.toml > "$work/catalog/services/bench-stay-notification.toml"
cp catalog/forms/stay-notification.toml "$work/catalog/forms/bench-stay-notification.toml"

# --- the server on a free port (port 0: the server prints the one it got) -------------
db="$work/portal.sqlite3"
RUST_LOG=warn target/server/portal-server --sandbox-sign-in --sandbox-payments --host 127.0.0.1 --port 0 --db "$db" \
  --catalog "$work/catalog" --dist "$work/no-dist" > "$work/server.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's|^Portal running at \(http://[0-9.:]*\)/.*|\1|p' "$work/server.log")
  [ -n "$base" ] && curl -sf "$base/healthz" >/dev/null && break
  base=""; sleep 0.1
done
[ -n "$base" ] || { cat "$work/server.log" >&2; exit 1; }

# --- sign in as a sandbox citizen, the way a browser does -------------------------------
state=$(curl -sf "$base/auth/sign-in?return_to=/dossiers" | sed -n 's/.*name="state" value="\([^"]*\)".*/\1/p' | head -1)
cookie=$(curl -s -o /dev/null -D - -X POST "$base/auth/sign-in" \
  --data-urlencode "state=$state" --data-urlencode "identity=sandbox-citizen-an" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \(portal_session=[^;]*\).*/\1/p' | tr -d '\r')
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
export PORTAL_COOKIE="$cookie"

body=bench/load-submission.json
status=$(curl -s -o "$work/first.json" -w '%{http_code}' -X POST "$base/api/v1/dossiers" \
  -H "cookie: $cookie" -H 'x-portal-request: 1' -H 'idempotency-key: warm-up' \
  -H 'content-type: application/json' --data-binary @"$body")
[ "$status" = 201 ] || { echo "the warm-up submission got $status:" >&2; cat "$work/first.json" >&2; exit 1; }

sql() { sqlite3 -batch -noheader "$db" "$1"; }
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f ms", us / 1000 }'; }

echo "# Dossier submission under load $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), ${DURATION} s per run"
echo
echo "POST /api/v1/dossiers, a new Idempotency-Key per request (each 2xx is a new dossier); server \`--profile server\`, SQLite file, loopback; wrk on the same machine."
echo
echo "| connections | wrk threads | dossiers/s | p50 | p99 | max | non-2xx | socket errors |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
checks=()
for c in $CONNECTIONS; do
  t=$(( c < 2 ? c : 2 ))
  prefix="c$c"
  before=$(sql "SELECT count(*) FROM dossiers")
  out=$(wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 10s -s bench/load.lua "$base" -- unique "$prefix" "$work" "$body" | grep '^RESULT')
  ok=$(field ok "$out"); sent=$(field sent "$out")
  us=$(field duration_us "$out")
  sock=$(( $(field connect "$out") + $(field read "$out") + $(field write "$out") + $(field timeout "$out") ))
  rate=$(awk -v n="$ok" -v us="$us" 'BEGIN { printf "%.0f", n / (us / 1e6) }')
  echo "| $c | $t | $rate | $(ms "$(field p50_us "$out")") | $(ms "$(field p99_us "$out")") | $(ms "$(field max_us "$out")") | $(field non2xx "$out") | $sock |"

  # Exactly once: every dossier filed in this run has one key of this run; the codes of
  # the 2xx responses are distinct and all filed; the only dossiers without a response
  # seen by wrk are those still in flight when wrk stopped (it drops them unread).
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
  checks+=("| $c | $ok | $filed | $keys | $missing | $unseen of $inflight unread | $verdict |")
done
echo
echo "Exactly once, checked in the database after each run: dossiers filed during the run, idempotency keys of the run (one dossier each), 2xx codes not in the database, and dossiers filed for requests wrk had sent but not read when it stopped."
echo
echo "| connections | 2xx responses | dossiers filed | keys stored | 2xx not filed | filed, response unread by wrk | check |"
echo "|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${checks[@]}"

# --- replay: one key from many connections at once --------------------------------------
before=$(sql "SELECT count(*) FROM dossiers")
out=$(wrk -t2 -c"$REPLAY_CONNECTIONS" -d"${REPLAY_DURATION}s" --timeout 10s -s bench/load.lua "$base" -- replay same-key-replay "$work" "$body" | grep '^RESULT')
after=$(sql "SELECT count(*) FROM dossiers")
for_key=$(sql "SELECT count(*) FROM idempotency_keys WHERE key = 'same-key-replay'")
created=$(field created "$out"); replayed=$(field replayed "$out")
verdict=FAILED
[ $(( after - before )) -eq 1 ] && [ "$for_key" -eq 1 ] && [ "$created" -eq 1 ] && [ "$(field non2xx "$out")" -eq 0 ] && verdict=ok
echo
echo "Replay: the same Idempotency-Key and body from $REPLAY_CONNECTIONS connections for ${REPLAY_DURATION} s."
echo
echo "| requests answered 2xx | answered as created | answered as replayed | non-2xx | p50 | p99 | dossiers filed | check |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
echo "| $(field ok "$out") | $created | $replayed | $(field non2xx "$out") | $(ms "$(field p50_us "$out")") | $(ms "$(field p99_us "$out")") | $(( after - before )) | $verdict |"

status=0
printf '%s\n' "${checks[@]}" | grep -q FAILED && status=1
[ "$verdict" = ok ] || status=1
exit $status
