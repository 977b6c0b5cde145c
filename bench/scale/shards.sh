#!/usr/bin/env bash
# Search under load on one database and on N remote shards of the same documents, in the same run.
#   bench/scale/shards.sh DATA_DIR [SHARDS=3] [SECONDS=20] [CLIENTS=2]
# DATA_DIR: a hoso --data folder with an index (e.g. grown by bench/scale/grow.sh). Its current generation
# is copied into SHARDS shards by count (bench/scale/xapian_replay.cc, `split`: each level's documents cut
# into contiguous parts), each level database of each shard served by its own `xapian-tcpsrv` on loopback,
# and `hoso serve --shard L=127.0.0.1:PORT …` searches them as one; load.py (public role, 30 accented and
# unaccented queries, 10 hits with snippets) measures both. One JSON line per setup.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:?usage: bench/scale/shards.sh DATA_DIR [SHARDS] [SECONDS] [CLIENTS]}"
SHARDS="${2:-3}"
SECONDS_LOAD="${3:-20}"
CLIENTS="${4:-2}"
source bench/scale/common.sh
hoso_binary
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
replay_binary "$WORK"
GEN="$DATA/$(sed -n 's/^auto //p' "$DATA/index.stub")"
"$WORK/xapian_replay" "$GEN" "$WORK/shards" "$SHARDS" split
PAGES=$(sqlite3 "$DATA/catalogue.sqlite" 'select count(*) from page')

measure() { # name port pid
  for _ in $(seq 200); do curl -fs "127.0.0.1:$2/healthz" >/dev/null && break; sleep 0.2; done
  python3 bench/scale/load.py --port "$2" --threads "$CLIENTS" --seconds 3 >/dev/null # warm-up
  local out; out=$(python3 bench/scale/load.py --port "$2" --threads "$CLIENTS" --seconds "$SECONDS_LOAD")
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); d.update(setup='$1', pages=$PAGES); print(json.dumps(d))" "$out"
}

port=$(free_port)
"$HOSO" serve --data "$DATA" --port "$port" --rate-limit 0 >/dev/null 2>&1 &
PIDS+=($!)
measure "1 database" "$port" "$!"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

args=()
for k in $(seq "$SHARDS"); do
  for level in 1 2 3; do
    p=$(free_port)
    xapian-tcpsrv --interface 127.0.0.1 --port "$p" "$WORK/shards/part-$k/l$level" >/dev/null 2>&1 &
    PIDS+=($!)
    args+=(--shard "$level=127.0.0.1:$p")
  done
done
sleep 1
port=$(free_port)
"$HOSO" serve --data "$DATA" --port "$port" --rate-limit 0 "${args[@]}" >/dev/null 2>&1 &
PIDS+=($!)
measure "$SHARDS shards (xapian-tcpsrv)" "$port" "$!"
