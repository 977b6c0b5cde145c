#!/usr/bin/env bash
# Query latency of hoso's /api/search under load, beside the same queries through Xapian's own `quest`.
#   bench/server/run.sh DATA_DIR [SECONDS] [CONNECTIONS]
# DATA_DIR: a hoso --data folder (e.g. built by bench/scale at ≥ 100,000 pages).
# Prints p50/p99 and requests/s of hoso under wrk on loopback, the per-query time of quest on the same
# index (folded terms, AND, BM25; includes quest's process start), and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:?usage: bench/server/run.sh DATA_DIR [SECONDS] [CONNECTIONS]}"
SECONDS_RUN="${2:-20}"
CONNS="${3:-8}"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
if [ -z "${HOSO:-}" ]; then
  swift build -c release --product hoso >/dev/null
  HOSO="$(swift build -c release --show-bin-path)/hoso"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$HOSO" serve --data "$DATA" --port "$PORT" --rate-limit 0 >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
INDEX="$(sed -n 's/^auto //p' "$DATA/index.stub")"
case "$INDEX" in /*) ;; *) INDEX="$DATA/$INDEX";; esac
DOCS=$(xapian-delve "$INDEX" | sed -n 's/^number of documents = //p')
PAGES=$(sqlite3 "$DATA/catalogue.sqlite" 'select count(*) from page')
echo "index: $INDEX ($DOCS documents, $PAGES pages), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm both.
while read -r q; do curl -fs "http://127.0.0.1:$PORT/api/search?q=${q// /+}" >/dev/null; done < bench/server/queries.txt

metric() { curl -fs "http://127.0.0.1:$PORT/metrics" | awk -v k="$1" '$1 == k { print $2 }'; }
snapshot() { echo "$(metric 'hoso_http_request_duration_seconds_sum{route="api_search"}') $(metric 'hoso_http_request_duration_seconds_count{route="api_search"}') $(metric hoso_search_index_duration_seconds_sum) $(metric hoso_search_index_duration_seconds_count) $(metric hoso_search_result_page_duration_seconds_sum) $(metric hoso_search_duration_seconds_sum)"; }
before=$(snapshot)
hoso_line=$(wrk -t"$(( CONNS < 2 ? 1 : 2 ))" -c"$CONNS" -d"${SECONDS_RUN}s" -s bench/server/search.lua "http://127.0.0.1:$PORT" | grep '^RESULT')
after=$(snapshot)
echo "hoso /api/search (wrk, $CONNS connections, ${SECONDS_RUN}s): ${hoso_line#RESULT }"
# The server's own account (/metrics) of the same requests: time to answer vs time inside Xapian.
python3 - "$before" "$after" <<'PY'
import sys
b = [float(x) for x in sys.argv[1].split()]; a = [float(x) for x in sys.argv[2].split()]
n = max(a[3] - b[3], 1)
req = (a[0] - b[0]) / max(a[1] - b[1], 1); idx = (a[2] - b[2]) / n
page = (a[4] - b[4]) / n; search = (a[5] - b[5]) / n
print(f"server, per search: answer {req * 1000:.2f} ms, of which in Xapian {idx * 1000:.2f} ms: "
      f"the server adds {req / idx:.2f}x the Xapian time (goal: at most 2x)")
print(f"  the rest, per search: result page (rows, texts, ranking, snippets) {page * 1000:.2f} ms, "
      f"parsing and suggestions {(search - idx - page) * 1000:.2f} ms, HTTP and JSON {(req - search) * 1000:.2f} ms")
PY

# The very Xapian queries the server runs (hoso search --xapian-query: Xapian's serialisation, access filter
# and match settings included), run again by Xapian alone in one process: the bare Xapian time of the same work.
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import xapian' 2>/dev/null || { apt-get update -q && apt-get install -y -q python3-xapian; }
RECORDED=$(mktemp)
while read -r q; do "$HOSO" search --data "$DATA" --xapian-query $q >> "$RECORDED"; done < bench/server/queries.txt
exact=$(/usr/bin/python3 bench/server/xapian_exact.py "$RECORDED" 20 "$CONNS")
rm -f "$RECORDED"
echo "xapian alone, the same queries (xapian_exact.py, $CONNS process(es) side by side): $exact"
python3 - "$hoso_line" "$exact" <<'PY'
import json, re, sys
p50 = float(re.search(r"p50_ms=([\d.]+)", sys.argv[1]).group(1)); p99 = float(re.search(r"p99_ms=([\d.]+)", sys.argv[1]).group(1))
x = json.loads(sys.argv[2])
print(f"hoso over Xapian alone on the same queries: p50 {p50 / x['p50_ms']:.2f}x, p99 {p99 / x['p99_ms']:.2f}x "
      f"(hoso's include HTTP on loopback, the catalogue, snippets, JSON)")
PY

# quest: the same words as folded terms, all required — the core of what hoso runs per query.
python3 - "$INDEX" <<'PY'
import subprocess, sys, time, statistics, unicodedata
index = sys.argv[1]
def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")
def run(expr):
    t = time.perf_counter()
    subprocess.run(["quest", "-d", index, "-s", "none", "-o", "and", "-p", "f:F", "-m", "10", expr],
                   stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000
# What every quest run pays before its query: process start and opening the database.
start = statistics.median(run("f:zzzzqqqq") for _ in range(20))
times = []
for _ in range(5):
    for q in open("bench/server/queries.txt"):
        words = [w for w in fold(q).split() if w]
        expr = " ".join("f:" + w.replace("'", "") for w in words)
        times.append(run(expr))
times.sort()
p50 = statistics.median(times); p99 = times[int(len(times) * 0.99) - 1]
print(f"quest (one process per query, same index): p50_ms={p50:.2f} p99_ms={p99:.2f}; "
      f"start-up alone {start:.2f} ms, so the query itself p50_ms={max(p50 - start, 0.01):.2f} p99_ms={max(p99 - start, 0.01):.2f}")
open("/tmp/hoso-quest-p50", "w").write(f"{p50} {max(p50 - start, 0.01)}")
PY
python3 - "$hoso_line" <<'PY'
import sys, re
line = sys.argv[1]
p50 = float(re.search(r"p50_ms=([\d.]+)", line).group(1))
q50, net = map(float, open("/tmp/hoso-quest-p50").read().split())
print(f"ratio hoso p50 / quest p50: {p50 / q50:.2f}; / quest's query alone: {p50 / net:.2f}  (goal: p99 < 50 ms, at most 2x bare Xapian)")
PY
