#!/usr/bin/env bash
# Growth benchmark (issue 7): one data folder grows batch by batch (BATCH_PAGES recognised pages each, see
# make_batch.py) up to MAX_PAGES, or until STOP_AT (a `date +%s` deadline) passes. After each batch: ingest
# pages/s, index and catalogue bytes per page, peak RSS, and search latency under load (load.py, 2 clients,
# SECONDS_LOAD s, limit 10 with snippets). At the end: a full `hoso reindex` (build, compact, switch) with
# its pages/s and the compacted index bytes per page. One JSON object per line in WORK/grow.jsonl.
#
#   bench/scale/grow.sh [BATCH_PAGES=100000] [MAX_PAGES=1000000] [WORK=/tmp/hoso-grow]
# Environment: HOSO (binary; default .build/release/hoso), STOP_AT, SECONDS_LOAD (10), THREADS (2).
set -uo pipefail
cd "$(dirname "$0")/../.."
BATCH=${1:-100000}
MAX=${2:-1000000}
WORK=${3:-/tmp/hoso-grow}
HOSO=${HOSO:-$PWD/.build/release/hoso}
STOP_AT=${STOP_AT:-0}
SECONDS_LOAD=${SECONDS_LOAD:-10}
THREADS=${THREADS:-2}
export OMP_THREAD_LIMIT=1
mkdir -p "$WORK"
RES=$WORK/grow.jsonl
DATA=$WORK/data
FILES=$((BATCH / 10)) # 5 văn bản per hồ sơ, 2 pages per văn bản on average
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null' EXIT
now() { date +%s.%N; }
index_bytes() { local g; g=$(sed -n 's/^auto //p' "$DATA/index.stub"); du -sb "$DATA/$g" | cut -f1; }
pages_in() { sqlite3 "$DATA/catalogue.sqlite" "SELECT count(*) FROM page"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

query_load() { # label
  local port; port=$(free_port)
  "$HOSO" serve --data "$DATA" --port "$port" --rate-limit 0 2>/dev/null & SERVER=$!
  for _ in $(seq 100); do curl -fs "127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  python3 bench/scale/load.py --port "$port" --threads 1 --seconds 2 >/dev/null # warm-up
  local out; out=$(python3 bench/scale/load.py --port "$port" --threads "$THREADS" --seconds "$SECONDS_LOAD")
  local hwm; hwm=$(sed -n 's/VmHWM:\s*//p' "/proc/$SERVER/status" | tr -dc 0-9)
  kill "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=""
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); r.update(step='query', after='$1', pages_total=$(pages_in), server_peak_rss_kb=int('${hwm:-0}'), load='$(cut -d' ' -f1-3 /proc/loadavg)'); print(json.dumps(r))" "$out" | tee -a "$RES"
}

b=0
while :; do
  b=$((b + 1))
  total=$( [ -f "$DATA/catalogue.sqlite" ] && pages_in || echo 0)
  [ "$total" -ge "$MAX" ] && break
  [ "$STOP_AT" != 0 ] && [ "$(date +%s)" -ge "$STOP_AT" ] && { echo "deadline reached at $total pages" >&2; break; }
  B=$WORK/batch$b
  [ -f "$B/tai_lieu.csv" ] || python3 bench/scale/make_batch.py "$B" --files "$FILES" --docs 5 --pages 2 --seed "$b" \
      --start $(((b - 1) * FILES)) >&2
  t0=$(now)
  /usr/bin/time -v "$HOSO" ingest "$B" --data "$DATA" 2> "$WORK/ingest$b.log" >/dev/null
  t1=$(now)
  p=$(pages_in)
  added=$((p - total))
  rss=$(sed -n 's/Maximum resident set size (kbytes): //p' "$WORK/ingest$b.log" | tr -d ' \t')
  python3 -c "import json;print(json.dumps({'step':'ingest','batch':$b,'pages_total':$p,'pages_added':$added,'seconds':round($t1-$t0,2),'pages_per_s':round($added/($t1-$t0),1),'index_bytes_per_page':round($(index_bytes)/$p,1),'catalogue_bytes_per_page':round($(stat -c %s "$DATA/catalogue.sqlite")/$p,1),'peak_rss_kb':int('${rss:-0}'),'load':'$(cut -d' ' -f1-3 /proc/loadavg)'}))" | tee -a "$RES"
  rm -rf "$B" # the pages are in the catalogue now
  query_load "batch $b"
done

p=$(pages_in)
t0=$(now)
/usr/bin/time -v "$HOSO" reindex --data "$DATA" 2> "$WORK/reindex.log" >/dev/null
t1=$(now)
rss=$(sed -n 's/Maximum resident set size (kbytes): //p' "$WORK/reindex.log" | tr -d ' \t')
python3 -c "import json;print(json.dumps({'step':'reindex','pages_total':$p,'seconds':round($t1-$t0,2),'pages_per_s':round($p/($t1-$t0),1),'index_bytes_per_page':round($(index_bytes)/$p,1),'peak_rss_kb':int('${rss:-0}'),'load':'$(cut -d' ' -f1-3 /proc/loadavg)'}))" | tee -a "$RES"
query_load "reindex"
