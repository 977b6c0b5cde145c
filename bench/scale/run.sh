#!/usr/bin/env bash
# Scale benchmark (issue 7). Generates BATCHES batches of ~PAGES_PER_BATCH recognised pages (.txt, see
# make_batch.py), ingests them one after the other into one data folder and measures after each batch:
#   ingest pages/s (end to end: CSV, page files, SQLite commit per page, Xapian), index bytes per page,
#   peak RSS; then at the final size: a full `hoso reindex` (catalogue → Xapian: pure indexing pages/s),
#   and search latency under concurrent load (`hoso serve` + load.py on loopback) for 1 database and for
#   3 shards (`hoso ingest --part i/3` into three folders, each served by `xapian-tcpsrv`, searched with
#   `hoso serve --shard` ×3).
#
#   bench/scale/run.sh [PAGES_PER_BATCH=50000] [BATCHES=2] [WORK=/tmp/hoso-scale]
# Environment: HOSO (default .build/release/hoso), THREADS (load threads, 4), SECONDS_LOAD (20),
# SHARDS=0 to skip the 3-shard part. Results: WORK/results.jsonl (one JSON object per measurement).
set -uo pipefail
cd "$(dirname "$0")/../.."
PER=${1:-50000}
BATCHES=${2:-2}
WORK=${3:-/tmp/hoso-scale}
HOSO=${HOSO:-$PWD/.build/release/hoso}
THREADS=${THREADS:-4}
SECONDS_LOAD=${SECONDS_LOAD:-20}
export OMP_THREAD_LIMIT=1
mkdir -p "$WORK"
RES=$WORK/results.jsonl
DATA=$WORK/data1
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
rss_of() { sed -n 's/Maximum resident set size (kbytes): //p' "$1" | tr -d ' \t'; }
index_bytes() { local g; g=$(sed -n 's/^auto //p' "$1/index.stub"); du -sb "$1/$g" | cut -f1; }
pages_in() { sqlite3 "$1/catalogue.sqlite" "SELECT count(*) FROM page"; }

FILES=$((PER / 10)) # 5 văn bản per hồ sơ, 2 pages per văn bản on average
for b in $(seq 1 "$BATCHES"); do
  [ -f "$WORK/batch$b/tai_lieu.csv" ] || python3 bench/scale/make_batch.py "$WORK/batch$b" --files "$FILES" --docs 5 --pages 2 \
      --seed "$b" --start $(((b - 1) * FILES)) >&2
done

echo "== 1 database: ingest batch by batch" >&2
for b in $(seq 1 "$BATCHES"); do
  t0=$(now)
  /usr/bin/time -v "$HOSO" ingest "$WORK/batch$b" --data "$DATA" --workers 2 2> "$WORK/ingest$b.log" >/dev/null
  t1=$(now)
  p=$(pages_in "$DATA"); added=$(grep -o 'Đã nhập [0-9]* tài liệu, [0-9]* trang' "$WORK/ingest$b.log" | grep -o '[0-9]* trang' | grep -o '[0-9]*')
  python3 -c "import json;print(json.dumps({'step':'ingest','batch':$b,'pages_total':$p,'pages_added':${added:-0},'seconds':round($t1-$t0,2),'pages_per_s':round(${added:-0}/($t1-$t0),1),'index_bytes':$(index_bytes "$DATA"),'index_bytes_per_page':round($(index_bytes "$DATA")/$p,1),'catalogue_bytes':$(stat -c %s "$DATA/catalogue.sqlite"),'peak_rss_kb':$(rss_of "$WORK/ingest$b.log")}))" | tee -a "$RES"
done

echo "== 1 database: full reindex (catalogue → Xapian)" >&2
t0=$(now)
/usr/bin/time -v "$HOSO" reindex --data "$DATA" 2> "$WORK/reindex.log" >/dev/null
t1=$(now)
p=$(pages_in "$DATA")
python3 -c "import json;print(json.dumps({'step':'reindex','pages_total':$p,'seconds':round($t1-$t0,2),'pages_per_s':round($p/($t1-$t0),1),'index_bytes':$(index_bytes "$DATA"),'index_bytes_per_page':round($(index_bytes "$DATA")/$p,1),'peak_rss_kb':$(rss_of "$WORK/reindex.log")}))" | tee -a "$RES"

load() { # name port pid
  for i in $(seq 100); do curl -fs "127.0.0.1:$2/healthz" >/dev/null && break; sleep 0.2; done
  python3 bench/scale/load.py --port "$2" --threads 1 --seconds 3 >/dev/null # warm-up
  local out; out=$(python3 bench/scale/load.py --port "$2" --threads "$THREADS" --seconds "$SECONDS_LOAD")
  local hwm; hwm=$(sed -n 's/VmHWM:\s*//p' "/proc/$3/status" | tr -dc 0-9)
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); r.update(step='query', setup='$1', pages_total=$p, server_peak_rss_kb=int('${hwm:-0}')); print(json.dumps(r))" "$out" | tee -a "$RES"
}

echo "== 1 database: search under load" >&2
PORT=$(free_port)
"$HOSO" serve --data "$DATA" --port "$PORT" --rate-limit 0 2>/dev/null & SPID=$!; PIDS+=($SPID)
load "1 database" "$PORT" "$SPID"
kill -KILL "$SPID"; wait "$SPID" 2>/dev/null

[ "${SHARDS:-1}" = 0 ] && exit 0
echo "== 3 shards: ingest --part i/3" >&2
SHARD_ARGS=()
for i in 1 2 3; do
  S=$WORK/shard$i
  t0=$(now)
  for b in $(seq 1 "$BATCHES"); do
    /usr/bin/time -v "$HOSO" ingest "$WORK/batch$b" --data "$S" --part "$i/3" --workers 2 2> "$WORK/shard$i-$b.log" >/dev/null
  done
  t1=$(now)
  sp=$(pages_in "$S")
  python3 -c "import json;print(json.dumps({'step':'ingest-part','part':'$i/3','pages':$sp,'seconds':round($t1-$t0,2),'pages_per_s':round($sp/($t1-$t0),1),'index_bytes':$(index_bytes "$S"),'peak_rss_kb':$(rss_of "$WORK/shard$i-$BATCHES.log")}))" | tee -a "$RES"
  SP=$(free_port)
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$SP" "$S/$(sed -n 's/^auto //p' "$S/index.stub")" >/dev/null 2>&1 & PIDS+=($!)
  SHARD_ARGS+=(--shard "127.0.0.1:$SP")
done
sleep 1
echo "== 3 shards: search under load" >&2
PORT=$(free_port)
"$HOSO" serve --data "$DATA" --port "$PORT" --rate-limit 0 "${SHARD_ARGS[@]}" 2>/dev/null & SPID=$!; PIDS+=($SPID)
load "3 shards (xapian-tcpsrv)" "$PORT" "$SPID"
