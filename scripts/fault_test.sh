#!/usr/bin/env bash
# Faults beyond SIGKILL (issue 19): a full disk while `hoso ingest`, `hoso reindex` and `hoso backup` run.
# Each trial fills a small tmpfs of its own (mounted here, unmounted at the end) to a random level, either
# before the command starts or while it runs (`dd` started after a random delay writes until the disk is
# full), and counts as required when the command
#   - finished (exit 0) with the end state of a clean run, or
#   - stopped with exit 2 and the Vietnamese "Đĩa đầy" message naming the folder, the catalogue passing
#     `PRAGMA quick_check`, the index answering the queries as before (nothing found before is lost), and,
#     the filler removed, the same command run again finished (exit 0) with the end state of a clean run.
#
#   scripts/fault_test.sh [TRIALS_PER_KIND=7]        (three kinds: 21 trials by default)
#
# Environment: HOSO (the binary, default .build/debug/hoso), WORK (scratch folder), SEED (random seed).
# Needs root (mount). Prints per fault kind the trials run and the trials that ended as required, then
# "N passed, M failed"; exits 1 when a trial failed.
set -uo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-7}
HOSO=${HOSO:-$PWD/.build/debug/hoso}
WORK=${WORK:-$(mktemp -d /tmp/hoso-fault.XXXXXX)}
SEED=${SEED:-$$}
RANDOM=$SEED
export OMP_THREAD_LIMIT=1
[ -x "$HOSO" ] || { echo "Không thấy $HOSO; hãy chạy swift build --product hoso" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "fault_test cần quyền root (mount tmpfs)" >&2; exit 2; }
mkdir -p "$WORK"
echo "fault_test: $TRIALS lần thử mỗi loại, thư mục $WORK, seed $SEED" >&2

DISK=$WORK/disk
mkdir -p "$DISK"
mount -t tmpfs -o size=64m tmpfs "$DISK" || { echo "không gắn được tmpfs" >&2; exit 2; }
trap 'umount "$DISK" 2>/dev/null' EXIT

# --- batches and clean runs ------------------------------------------------------------------------
python3 bench/scale/make_batch.py "$WORK/batch-a" --files 15 --docs 3 --pages 2 --seed 11 >&2
python3 bench/scale/make_batch.py "$WORK/batch-b" --files 60 --docs 3 --pages 2 --seed 12 --start 15 >&2
QUERIES=("thu hồi đất" "\"tờ bản đồ\"" "Ea Kly" "ngân sách" "bồi thường hỗ trợ")

# The answers of the queries (public role), one line each: the ids found, sorted.
answers() {
  for q in "${QUERIES[@]}"; do
    "$HOSO" search --data "$1" --limit 100 --json "$q" 2>/dev/null \
      | python3 -c 'import json,sys; r = json.load(sys.stdin); print(r["total"], " ".join(sorted(h["id"] for h in r["hits"])))' \
      || echo "LỖI"
  done
}
# The end state of a data folder: documents, Xapian documents, one generation, the answers.
state() {
  echo "documents $(sqlite3 -readonly "$1/catalogue.sqlite" "SELECT count(*) FROM document WHERE id IN (SELECT documentID FROM page)")"
  echo "xapian $(xapian-delve "$1/index.stub" 2>/dev/null | sed -n 's/^number of documents = //p')"
  echo "generations $(ls -d "$1"/index-*/ 2>/dev/null | wc -l)"
  answers "$1"
}
# Every query of answers $2 (a file) finds at least as many documents as in $1, and none failed.
subset() {
  python3 - "$1" "$2" <<'EOF'
import sys
a, b = (open(p).read().splitlines() for p in sys.argv[1:3])
sys.exit(0 if len(a) == len(b) and all("LỖI" not in y and int(y.split()[0]) >= int(x.split()[0]) for x, y in zip(a, b)) else 1)
EOF
}
quick_check() { [ "$(sqlite3 -readonly "$1/catalogue.sqlite" 'PRAGMA quick_check' 2>&1)" = ok ]; }

"$HOSO" ingest "$WORK/batch-a" --data "$WORK/base-a" > "$WORK/setup.log" 2>&1 || { echo "ingest a failed" >&2; exit 2; }
cp -a "$WORK/base-a" "$WORK/base-ab"
t0=$(date +%s%N)
"$HOSO" ingest "$WORK/batch-b" --data "$WORK/base-ab" >> "$WORK/setup.log" 2>&1 || { echo "ingest b failed" >&2; exit 2; }
INGEST_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
state "$WORK/base-ab" > "$WORK/clean-ab.state"
cp -a "$WORK/base-ab" "$WORK/reindexed"
t0=$(date +%s%N)
"$HOSO" reindex --data "$WORK/reindexed" --commit-every 20 >> "$WORK/setup.log" 2>&1 || { echo "reindex failed" >&2; exit 2; }
REINDEX_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
state "$WORK/reindexed" > "$WORK/clean-reindexed.state"
diff -q "$WORK/clean-ab.state" "$WORK/clean-reindexed.state" >/dev/null || { echo "reindex changed the answers" >&2; exit 2; }
answers "$WORK/base-a" > "$WORK/base-a.answers"
answers "$WORK/base-ab" > "$WORK/base-ab.answers"
DATA_KB=$(du -sk "$WORK/base-ab" | cut -f1)
echo "clean runs: ingest ${INGEST_MS} ms, reindex ${REINDEX_MS} ms, data folder ${DATA_KB} KB" >&2

free_bytes() { df --output=avail -B1 "$DISK" | tail -1 | tr -d ' '; }
rand() { echo $(( (RANDOM * 32768 + RANDOM) % ($1 > 0 ? $1 : 1) )); }
# Fills the disk: before the command (leaving a random amount free, up to $1 bytes) or while it runs.
MODE=""; FILLER_PID=""
fill() {
  local span=$1 max_ms=$2
  if [ $((RANDOM % 2)) = 0 ]; then
    local leave; leave=$(rand "$span")
    local size=$(( $(free_bytes) - leave ))
    [ $size -gt 0 ] && fallocate -l "$size" "$DISK/filler"
    MODE="before:$((leave / 1024))KB"
  else
    local delay; delay=$(rand "$max_ms")
    ( sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"; dd if=/dev/zero of="$DISK/filler" bs=64k 2>/dev/null ) &
    FILLER_PID=$!
    MODE="while:${delay}ms"
  fi
}
release() {
  [ -n "$FILLER_PID" ] && { wait "$FILLER_PID" 2>/dev/null; FILLER_PID=""; }
  rm -f "$DISK/filler"
}

declare -A RUN PASS
passed=0; failed=0
record() { # kind ok detail
  RUN[$1]=$(( ${RUN[$1]:-0} + 1 ))
  if [ "$2" = 1 ]; then PASS[$1]=$(( ${PASS[$1]:-0} + 1 )); passed=$((passed + 1)); echo "$1 #${RUN[$1]}: ok — $3" >&2
  else failed=$((failed + 1)); echo "$1 #${RUN[$1]}: FAILED — $3" >&2; cp "$WORK/trial.log" "$WORK/failed-$1-${RUN[$1]}.log"; fi
}

for trial in $(seq 1 "$TRIALS"); do
  # --- ingest: batch b into a data folder holding batch a, on the small disk ---------------------------
  rm -rf "$DISK"/*; cp -a "$WORK/base-a" "$DISK/data"; : > "$WORK/trial.log"
  fill $(( DATA_KB * 1024 )) "$INGEST_MS"
  "$HOSO" ingest "$WORK/batch-b" --data "$DISK/data" >> "$WORK/trial.log" 2>&1; code=$?
  ok=0; detail="$MODE exit $code"
  if [ $code = 0 ]; then
    release; state "$DISK/data" > "$WORK/trial.state"; diff -q "$WORK/clean-ab.state" "$WORK/trial.state" >/dev/null && ok=1
  elif [ $code = 2 ] && grep -q "Đĩa đầy.*$DISK/data" "$WORK/trial.log"; then
    answers "$DISK/data" > "$WORK/trial.answers"
    if quick_check "$DISK/data" && subset "$WORK/base-a.answers" "$WORK/trial.answers"; then
      release
      "$HOSO" ingest "$WORK/batch-b" --data "$DISK/data" >> "$WORK/trial.log" 2>&1; again=$?
      state "$DISK/data" > "$WORK/trial.state"
      [ $again = 0 ] && diff -q "$WORK/clean-ab.state" "$WORK/trial.state" >/dev/null && ok=1
      detail+=", lần sau exit $again"
    fi
  fi
  release; record ingest $ok "$detail"

  # --- reindex: the whole index rebuilt on the small disk ----------------------------------------------
  rm -rf "$DISK"/*; cp -a "$WORK/base-ab" "$DISK/data"; : > "$WORK/trial.log"
  fill $(( DATA_KB * 1024 * 2 )) "$REINDEX_MS"
  "$HOSO" reindex --data "$DISK/data" --commit-every 20 >> "$WORK/trial.log" 2>&1; code=$?
  ok=0; detail="$MODE exit $code"
  if [ $code = 0 ]; then
    release; state "$DISK/data" > "$WORK/trial.state"; diff -q "$WORK/clean-ab.state" "$WORK/trial.state" >/dev/null && ok=1
  elif [ $code = 2 ] && grep -q "Đĩa đầy.*$DISK/data" "$WORK/trial.log"; then
    answers "$DISK/data" > "$WORK/trial.answers"
    if quick_check "$DISK/data" && diff -q "$WORK/base-ab.answers" "$WORK/trial.answers" >/dev/null; then
      release
      "$HOSO" reindex --data "$DISK/data" --commit-every 20 >> "$WORK/trial.log" 2>&1; again=$?
      state "$DISK/data" > "$WORK/trial.state"
      [ $again = 0 ] && diff -q "$WORK/clean-ab.state" "$WORK/trial.state" >/dev/null && ok=1
      detail+=", lần sau exit $again"
    fi
  fi
  release; record reindex $ok "$detail"

  # --- backup: the data folder (on the ordinary disk) into a destination on the small disk -------------
  rm -rf "$DISK"/*; : > "$WORK/trial.log"
  DEST=$DISK/hoso-backup
  fill $(( DATA_KB * 1024 * 3 / 2 )) 400
  "$HOSO" backup "$DEST" --data "$WORK/base-ab" >> "$WORK/trial.log" 2>&1; code=$?
  ok=0; detail="$MODE exit $code"
  if [ $code = 0 ]; then
    "$HOSO" verify "$DEST" >> "$WORK/trial.log" 2>&1 && ok=1
  elif [ $code = 2 ] && grep -q "Đĩa đầy.*$DEST" "$WORK/trial.log" && [ -z "$(ls -A "$DEST" 2>/dev/null)" ]; then
    answers "$WORK/base-ab" > "$WORK/trial.answers"
    if quick_check "$WORK/base-ab" && diff -q "$WORK/base-ab.answers" "$WORK/trial.answers" >/dev/null; then
      release
      "$HOSO" backup "$DEST" --data "$WORK/base-ab" >> "$WORK/trial.log" 2>&1; again=$?
      [ $again = 0 ] && "$HOSO" verify "$DEST" >> "$WORK/trial.log" 2>&1 && ok=1
      detail+=", lần sau exit $again"
    fi
  fi
  release; record backup $ok "$detail"
done

for kind in ingest reindex backup; do
  echo "fault_test: disk full during $kind: ${RUN[$kind]:-0} trials, ${PASS[$kind]:-0} ended as required"
done
echo "fault_test: $passed passed, $failed failed"
[ $failed -eq 0 ]
