#!/usr/bin/env bash
# Load during change (issue 19): `hoso serve` under a steady load (2 clients, bench/server/queries.txt, in
# turn) while `hoso ingest` adds documents and `hoso reindex` switches generations. Required: zero errors
# (every answer 200 and well-formed JSON), no answer that mixes generations (a query's total never goes
# down while documents are only added — its strict and relaxed forms apart —, and every hit is a document the catalogue holds), p99 printed
# before, during and after the change.
#
#   scripts/load_change_test.sh [SECONDS_BEFORE_AND_AFTER=10]
#
# Environment: HOSO (the binary, default .build/debug/hoso), WORK (scratch folder).
# Prints "load_change_test: N requests, E errors, M mixed" last; exits 1 on any error or mixed answer.
set -uo pipefail
cd "$(dirname "$0")/.."
PHASE=${1:-10}
HOSO=${HOSO:-$PWD/.build/debug/hoso}
WORK=${WORK:-$(mktemp -d /tmp/hoso-load.XXXXXX)}
export OMP_THREAD_LIMIT=1
[ -x "$HOSO" ] || { echo "Không thấy $HOSO; hãy chạy swift build --product hoso" >&2; exit 2; }
mkdir -p "$WORK"
python3 bench/scale/make_batch.py "$WORK/batch-a" --files 60 --docs 3 --pages 2 --seed 21 >&2
python3 bench/scale/make_batch.py "$WORK/batch-b" --files 150 --docs 3 --pages 2 --seed 22 --start 60 >&2
D=$WORK/data
rm -rf "$D"
"$HOSO" ingest "$WORK/batch-a" --data "$D" > "$WORK/setup.log" 2>&1 || { echo "ingest failed" >&2; exit 2; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$HOSO" serve --data "$D" --port "$PORT" --rate-limit 0 > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

# The load: two clients, each request's phase, latency, status and answer recorded.
python3 - "$PORT" "$WORK/phase" "$WORK/requests.tsv" bench/server/queries.txt <<'EOF' &
import json, sys, threading, time, urllib.parse, urllib.request
port, phase_file, out, queries = sys.argv[1], sys.argv[2], sys.argv[3], [l.strip() for l in open(sys.argv[4]) if l.strip()]
lock, rows = threading.Lock(), []
def phase():
    try: return open(phase_file).read().strip()
    except OSError: return "before"
def client(k):
    i = k
    while True:
        p = phase()
        if p == "stop": return
        q = queries[i % len(queries)]; i += 1
        url = f"http://127.0.0.1:{port}/api/search?limit=10&q=" + urllib.parse.quote(q)
        t0 = time.monotonic()
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                body, status = r.read(), r.status
            j = json.loads(body)
            # A query whose strict form finds too little answers its relaxed form: totals compared per form.
            key = q + (" (relaxed)" if j.get("relaxed") else "")
            row = (p, time.monotonic() - t0, status, key, j["total"], " ".join(h["id"] for h in j["hits"]))
        except Exception as e:
            row = (p, time.monotonic() - t0, -1, q, -1, repr(e)[:200])
        with lock: rows.append(row)
ts = [threading.Thread(target=client, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
with open(out, "w") as f:
    for r in rows: f.write("\t".join(map(str, r)) + "\n")
EOF
LOAD=$!
echo before > "$WORK/phase"; sleep "$PHASE"
echo during > "$WORK/phase"
"$HOSO" ingest "$WORK/batch-b" --data "$D" >> "$WORK/setup.log" 2>&1; ingest=$?
"$HOSO" reindex --data "$D" >> "$WORK/setup.log" 2>&1; reindex=$?
echo after > "$WORK/phase"; sleep "$PHASE"
echo stop > "$WORK/phase"; wait $LOAD
sqlite3 "$D/catalogue.sqlite" "SELECT id FROM document" > "$WORK/ids.txt"
python3 - "$WORK/requests.tsv" "$WORK/ids.txt" "$ingest" "$reindex" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
ids = set(open(sys.argv[2]).read().split())
errors = mixed = 0
last = {}
for p, secs, status, q, total, hits in rows:
    if status != "200":
        errors += 1; print(f"lỗi ({p}) {q}: {hits}", file=sys.stderr); continue
    if int(total) < last.get(q, 0) or any(h not in ids for h in hits.split()):
        mixed += 1; print(f"trộn thế hệ ({p}) {q}: {total} < {last.get(q)}", file=sys.stderr)
    last[q] = max(last.get(q, 0), int(total))
for p in ("before", "during", "after"):
    t = sorted(float(r[1]) * 1000 for r in rows if r[0] == p)
    if t:
        print(f"load_change_test: {p}: {len(t)} requests, p50 {t[len(t)//2]:.1f} ms, p99 {t[min(len(t)-1, int(len(t)*0.99))]:.1f} ms")
print(f"load_change_test: ingest exit {sys.argv[3]}, reindex exit {sys.argv[4]}")
print(f"load_change_test: {len(rows)} requests, {errors} errors, {mixed} mixed")
sys.exit(0 if errors == 0 and mixed == 0 and sys.argv[3] == "0" and sys.argv[4] == "0" else 1)
EOF
