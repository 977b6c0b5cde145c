#!/usr/bin/env bash
# Crash-safety test (issue 7): kills `hoso ingest` and `hoso reindex` with SIGKILL at random moments,
# restarts them, and checks that the end state equals a clean run:
#   - the same documents and the same page texts (SHA-256 of every page text, in order),
#   - the Xapian document count equals the catalogue's documents with pages (no duplicates, nothing lost),
#   - the same search results (ids, ordered by score then id) for a set of queries, as every role,
#   - no leftover half-built index generation after the final reindex.
#
#   scripts/crash_test.sh [TRIALS=20] [DOCS_FILES=75]
#
# The batch: DOCS_FILES hồ sơ × 4 văn bản of generated `.txt` transcriptions (bench/scale/make_batch.py)
# plus two real scans of samples/batch, so the Tesseract path is also killed mid-way.
# Environment: HOSO (the binary, default .build/debug/hoso), WORK (scratch folder), SEED (random seed),
# REAL_SCANS (2: the PDF and the TIFF, default; 1: the TIFF only; 0: none), QUICK=1 (4 queries, 2 roles:
# for the XCTest that runs 5 trials).
# Prints "N passed, M failed" last; exits 1 when a trial failed.
set -uo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-20}
FILES=${2:-75}
HOSO=${HOSO:-$PWD/.build/debug/hoso}
WORK=${WORK:-$(mktemp -d /tmp/hoso-crash.XXXXXX)}
SEED=${SEED:-$$}
REAL_SCANS=${REAL_SCANS:-2}
RANDOM=$SEED
export OMP_THREAD_LIMIT=1
[ -x "$HOSO" ] || { echo "Không thấy $HOSO; hãy chạy swift build --product hoso" >&2; exit 2; }
mkdir -p "$WORK"
echo "crash_test: $TRIALS lần thử, thư mục $WORK, seed $SEED" >&2

# --- the batch -------------------------------------------------------------------------------------
BATCH=$WORK/batch
rm -rf "$BATCH"
python3 bench/scale/make_batch.py "$BATCH" --files "$FILES" --docs 4 --pages 2 --seed 7 >&2
# Two real scans (a 2-page PDF and a 1-page TIFF): their hồ sơ row and their documents' rows.
[ "$REAL_SCANS" -gt 0 ] && python3 - "$BATCH" "$REAL_SCANS" <<'EOF'
import csv, shutil, sys, os
batch = sys.argv[1]
files = list(csv.DictReader(open("samples/batch/ho_so.csv", encoding="utf-8-sig")))
out = csv.writer(open(os.path.join(batch, "ho_so.csv"), "a", newline="", encoding="utf-8"))
for f in files:
    if f["Mã hồ sơ"] == "H49.64.33.2012.015":
        out.writerow([f["Mã hồ sơ"], f["Tên phông"], f["Tiêu đề hồ sơ"], f["Thời hạn lưu trữ"], f["Chế độ sử dụng"], f["Thời gian bắt đầu"]])
rows = list(csv.DictReader(open("samples/batch/tai_lieu.csv", encoding="utf-8-sig")))
want = {("H49.64.33.2012.015", "3")} | ({("H49.64.33.2012.015", "2")} if sys.argv[2] == "2" else set())
out = csv.writer(open(os.path.join(batch, "tai_lieu.csv"), "a", newline="", encoding="utf-8"))
for r in rows:
    if (r["Mã hồ sơ"], r["Số thứ tự"]) in want:
        dst = os.path.join(batch, r["Tệp"])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(os.path.join("samples/batch", r["Tệp"]), dst)
        out.writerow([r["Mã hồ sơ"], r["Số thứ tự"], r["Tệp"], r["Tên loại văn bản"], r["Số"], r["Ký hiệu"],
                      r["Ngày văn bản"], r["Cơ quan ban hành"], r["Trích yếu nội dung"], r["Người ký"],
                      r["Chế độ sử dụng"] or "Công khai"])
EOF

QUERIES=("thu hồi đất" "bồi thường hỗ trợ" "\"tờ bản đồ\"" "Ea Kly" "quyết định bổ nhiệm" "khen thưởng 2015"
         "Nguyễn Văn Hùng" "ngân sách" "thửa đất số 305" "cơn bão")

[ "${QUICK:-0}" = 1 ] && QUERIES=("thu hồi đất" "\"tờ bản đồ\"" "Ea Kly" "ngân sách")

# The observable state of a data folder, one line per fact.
state() {
  local d=$1
  echo "pages $(sqlite3 "$d/catalogue.sqlite" "SELECT documentID || '|' || number || '|' || text FROM page ORDER BY documentID, number" | sha256sum | cut -c1-16)"
  echo "documents $(sqlite3 "$d/catalogue.sqlite" "SELECT count(*) FROM document WHERE id IN (SELECT documentID FROM page)")"
  echo "xapian $(xapian-delve "$d/index.stub" 2>/dev/null | sed -n 's/^number of documents = //p')"
  echo "generations $(ls -d "$d"/index-* 2>/dev/null | wc -l)"
  for role in public secret; do
    for q in "${QUERIES[@]}"; do
      "$HOSO" search --data "$d" --role $role --limit 20 --json "$q" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
hits = sorted(r["hits"], key=lambda h: (-round(h["score"], 2), h["id"]))
print(r["total"], " ".join(h["id"] for h in hits))' | sed "s|^|search $role $q: |"
    done
  done
}

# --- the clean run ---------------------------------------------------------------------------------
CLEAN=$WORK/clean
rm -rf "$CLEAN"
t0=$(date +%s.%N)
"$HOSO" ingest "$BATCH" --data "$CLEAN" --workers 2 > "$WORK/clean.log" 2>&1 || { echo "clean ingest failed" >&2; tail "$WORK/clean.log" >&2; exit 2; }
t1=$(date +%s.%N)
"$HOSO" reindex --data "$CLEAN" --commit-every 25 >> "$WORK/clean.log" 2>&1 || { echo "clean reindex failed" >&2; exit 2; }
t2=$(date +%s.%N)
INGEST_MS=$(python3 -c "print(int(($t1-$t0)*1000))")
REINDEX_MS=$(python3 -c "print(int(($t2-$t1)*1000))")
state "$CLEAN" > "$WORK/clean.state"
echo "clean run: ingest ${INGEST_MS} ms, reindex ${REINDEX_MS} ms; $(head -3 "$WORK/clean.state" | tr '\n' ' ')" >&2
grep -q "^documents 0$" "$WORK/clean.state" && { echo "clean run has no documents" >&2; exit 2; }

# Starts a command, kills it with SIGKILL after a random delay in [0, max_ms); prints "killed@Nms" or
# "finished@Nms" (its run time: the caller then narrows the delay range to what a run really takes).
kill_at_random() {
  local max_ms=$1; shift
  local t0; t0=$(date +%s%N)
  "$@" >> "$WORK/trial.log" 2>&1 &
  local pid=$!
  local delay_ms=$(( (RANDOM * 32768 + RANDOM) % (max_ms > 0 ? max_ms : 1) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -0 $pid 2>/dev/null; then
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    echo "killed@${delay_ms}ms"
  else
    wait $pid 2>/dev/null
    echo "finished@$(( ($(date +%s%N) - t0) / 1000000 ))ms"
  fi
}

passed=0; failed=0; resumed=0; kills=0
# A run that finished before its kill shows how long runs really take now: aim the next kills inside it.
narrow() { local e=$1 var=$2; case "$e" in finished@*) local ms=${e#finished@}; ms=${ms%ms}; [ "$ms" -gt 100 ] && printf -v "$var" '%d' "$ms";; killed@*) kills=$((kills + 1));; esac; }
for trial in $(seq 1 "$TRIALS"); do
  D=$WORK/trial
  rm -rf "$D"; : > "$WORK/trial.log"
  events=""
  # 1-3 killed ingests, then one that finishes.
  for k in $(seq 1 $((1 + RANDOM % 3))); do
    e=$(kill_at_random "$INGEST_MS" "$HOSO" ingest "$BATCH" --data "$D" --workers 2)
    [ "$k" = 1 ] && narrow "$e" INGEST_MS || { [ "${e#killed}" != "$e" ] && kills=$((kills + 1)); }
    events+=" ingest:$e"
  done
  "$HOSO" ingest "$BATCH" --data "$D" --workers 2 >> "$WORK/trial.log" 2>&1
  code=$?
  # 1-2 killed reindexes, then one that finishes.
  for k in $(seq 1 $((1 + RANDOM % 2))); do
    e=$(kill_at_random "$((REINDEX_MS + 200))" "$HOSO" reindex --data "$D" --commit-every 25)
    [ "$k" = 1 ] && narrow "$e" REINDEX_MS || { [ "${e#killed}" != "$e" ] && kills=$((kills + 1)); }
    events+=" reindex:$e"
  done
  ls "$D"/index-*.progress >/dev/null 2>&1 && { resumed=$((resumed + 1)); events+=" (resume)"; }
  "$HOSO" reindex --data "$D" --commit-every 25 >> "$WORK/trial.log" 2>&1
  rcode=$?
  state "$D" > "$WORK/trial.state"
  if [ $code -eq 0 ] && [ $rcode -eq 0 ] && diff -q "$WORK/clean.state" "$WORK/trial.state" >/dev/null; then
    passed=$((passed + 1)); echo "trial $trial: ok —$events" >&2
  else
    failed=$((failed + 1)); echo "trial $trial: FAILED (ingest exit $code, reindex exit $rcode) —$events" >&2
    diff "$WORK/clean.state" "$WORK/trial.state" | head -20 >&2
    cp -r "$D" "$WORK/failed-$trial"; cp "$WORK/trial.log" "$WORK/failed-$trial.log"
  fi
done
echo "crash_test: $TRIALS trials, $kills processes killed with SIGKILL, $resumed reindexes resumed from a half-built generation" >&2
echo "crash_test: $passed passed, $failed failed"
[ $failed -eq 0 ]
