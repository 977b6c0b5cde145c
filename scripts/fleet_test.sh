#!/usr/bin/env bash
# Fleet test (issue 21): WORKERS `hoso ingest` processes, each with its own data folder (as on separate
# machines), ingest the whole sample batch (real scans, Tesseract) into one PostgreSQL catalogue; one of them,
# chosen at random, is killed with SIGKILL after a random number of its pages are logged. Per round it requires:
#   - the survivors end as one worker alone does (same exit code, documents and pages),
#   - every page recognised once: the recognition log holds one line per page recognised by one worker alone,
#     none twice, and every page saved is logged,
#   - no live claim left,
#   - the texts (SHA-256 of `hoso text` of every document) and the hits of the queries below, from every
#     survivor's own index, equal to those of one worker alone on SQLite.
#
#   scripts/fleet_test.sh [ROUNDS=5] [WORKERS=3]
#
# Environment: HOSO (the binary, default .build/debug/hoso), WORK (scratch folder), SEED (random seed),
# LEASE (claim lease in seconds, default 4), BATCH (default samples/batch), HOSO_TEST_POSTGRES (a server to use;
# default: a private one from scripts/postgres-for-tests.sh). Prints "N passed, M failed" last; exits 1 when a
# round failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
WORKERS=${2:-3}
HOSO=${HOSO:-$PWD/.build/debug/hoso}
WORK=${WORK:-$(mktemp -d /tmp/hoso-fleet.XXXXXX)}
SEED=${SEED:-$$}
LEASE=${LEASE:-4}
BATCH=${BATCH:-$PWD/samples/batch}
PSQL=/usr/lib/postgresql/15/bin/psql
RANDOM=$SEED
export OMP_THREAD_LIMIT=1
[ -x "$HOSO" ] || { echo "Không thấy $HOSO; hãy chạy swift build --product hoso" >&2; exit 2; }
[ "$WORKERS" -ge 2 ] || { echo "Cần ít nhất 2 máy nhận dạng (WORKERS)" >&2; exit 2; }
mkdir -p "$WORK"
echo "fleet_test: $ROUNDS vòng, $WORKERS máy, thư mục $WORK, seed $SEED" >&2

SERVER=${HOSO_TEST_POSTGRES:-}
if [ -z "$SERVER" ]; then
  SERVER=$(scripts/postgres-for-tests.sh start) || exit 2
  trap 'scripts/postgres-for-tests.sh stop "$SERVER" >/dev/null 2>&1' EXIT
fi
sql() { "$PSQL" "$1" -X -q -tA -v ON_ERROR_STOP=1 -c "$2"; }
database_url() { sed -E "s#^(postgresql://[^/]*)/[^?]*#\1/$1#" <<< "$SERVER"; }

QUERIES=("Quyết định thu hồi đất" "ủy ban nhân dân" "quyet dinh" "giải phóng mặt bằng" "tờ trình" "H49.64.33"
         "bồi thường hỗ trợ" "\"tờ bản đồ\"")

# What a data folder answers: every document's text digest, then each query's hits as every role.
answers() {
  local data=$1 catalogue=${2:-} args=(--data "$1")
  [ -n "$catalogue" ] && args+=(--catalogue "$catalogue")
  for id in $(cat "$WORK/ids"); do
    printf '%s %s\n' "$id" "$("$HOSO" text "${args[@]}" --role secret "$id" | sha256sum | cut -c1-16)"
  done
  for q in "${QUERIES[@]}"; do
    for role in public staff secret; do
      printf '%s|%s|' "$q" "$role"
      "$HOSO" search "${args[@]}" --role "$role" --limit 50 --json "$q" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], " ".join(h["id"] + str(h["pages"]) for h in d["hits"]))'
    done
  done
}

# --- one worker alone, on SQLite --------------------------------------------------------------------
ALONE=$WORK/alone
rm -rf "$ALONE"
"$HOSO" ingest "$BATCH" --data "$ALONE" --json > "$WORK/alone.json" 2> "$WORK/alone.err"
REF_CODE=$?
read -r REF_DOCS REF_PAGES REF_RECOGNISED < <(python3 -c '
import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); print(d["documents"], d["pages"], d["recognised"])
' "$WORK/alone.json")
sqlite3 "$ALONE/catalogue.sqlite" "SELECT id FROM document ORDER BY id" > "$WORK/ids"
answers "$ALONE" > "$WORK/alone.answers"
echo "fleet_test: một máy: mã $REF_CODE, $REF_DOCS tài liệu, $REF_PAGES trang, nhận dạng $REF_RECOGNISED" >&2

PASSED=0
FAILED=0
for round in $(seq 1 "$ROUNDS"); do
  dir=$WORK/round-$round
  rm -rf "$dir"; mkdir -p "$dir"
  db=hoso_fleet_${SEED}_$round
  sql "$SERVER" "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; sql "$SERVER" "CREATE DATABASE $db" >/dev/null
  url=$(database_url "$db")
  victim=$((RANDOM % WORKERS))
  kill_after=$((1 + RANDOM % 10))
  pids=()
  for w in $(seq 0 $((WORKERS - 1))); do
    HOSO_CLAIM_LEASE_SECONDS=$LEASE "$HOSO" ingest "$BATCH" --data "$dir/w$w" --catalogue "$url" --worker "máy-$w" \
      --workers 1 --json > "$dir/w$w.json" 2> "$dir/w$w.err" &
    pids+=($!)
  done
  killed=0
  for _ in $(seq 1 2400); do
    kill -0 "${pids[$victim]}" 2>/dev/null || break
    n=$(sql "$url" "SELECT count(*) FROM recognition_log WHERE worker = 'máy-$victim'" 2>/dev/null || echo 0)
    if [ "${n:-0}" -ge "$kill_after" ]; then kill -9 "${pids[$victim]}" && killed=1; break; fi
    sleep 0.05
  done
  problems=()
  for w in $(seq 0 $((WORKERS - 1))); do
    wait "${pids[$w]}" 2>/dev/null; code=$?
    [ "$w" = "$victim" ] && [ "$killed" = 1 ] && continue
    [ "$code" = "$REF_CODE" ] || problems+=("máy-$w kết thúc với mã $code (một máy: $REF_CODE)")
    read -r docs pages < <(python3 -c '
import json,sys; d=json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); print(d["documents"], d["pages"])
' "$dir/w$w.json" 2>/dev/null || echo "? ?")
    [ "$docs $pages" = "$REF_DOCS $REF_PAGES" ] || problems+=("máy-$w: $docs tài liệu, $pages trang")
  done
  logged=$(sql "$url" "SELECT count(*) FROM recognition_log")
  twice=$(sql "$url" "SELECT count(*) FROM (SELECT 1 FROM recognition_log GROUP BY document_id, page HAVING count(*) > 1) t")
  unlogged=$(sql "$url" "SELECT count(*) FROM page p WHERE NOT EXISTS (SELECT 1 FROM recognition_log l WHERE l.document_id = p.document_id AND l.page = p.number)")
  stored=$(sql "$url" "SELECT count(*) FROM page")
  live=$(sql "$url" "SELECT count(*) FROM work_claim WHERE expires_at > extract(epoch FROM now())")
  [ "$logged" = "$REF_RECOGNISED" ] || problems+=("$logged dòng nhật ký nhận dạng (một máy nhận dạng $REF_RECOGNISED)")
  [ "$twice" = 0 ] || problems+=("$twice trang nhận dạng hai lần")
  [ "$unlogged" = "$(( REF_PAGES - REF_RECOGNISED ))" ] || problems+=("$unlogged trang không có trong nhật ký")
  [ "$stored" = "$REF_PAGES" ] || problems+=("$stored trang trong danh mục (một máy: $REF_PAGES)")
  [ "$live" = 0 ] || problems+=("$live tài liệu vẫn bị giữ")
  for w in $(seq 0 $((WORKERS - 1))); do
    [ "$w" = "$victim" ] && [ "$killed" = 1 ] && continue
    answers "$dir/w$w" "$url" > "$dir/w$w.answers"
    cmp -s "$WORK/alone.answers" "$dir/w$w.answers" || problems+=("câu trả lời của máy-$w khác một máy: diff $WORK/alone.answers $dir/w$w.answers")
  done
  per_worker=$(sql "$url" "SELECT string_agg(worker || '=' || n, ' ' ORDER BY worker) FROM (SELECT worker, count(*) n FROM recognition_log GROUP BY worker) t")
  if [ "${#problems[@]}" = 0 ]; then
    PASSED=$((PASSED + 1))
    echo "vòng $round: đạt (máy-$victim $( [ $killed = 1 ] && echo "bị ngắt sau $kill_after trang" || echo "xong trước khi kịp ngắt"); $per_worker)" >&2
  else
    FAILED=$((FAILED + 1))
    echo "vòng $round: KHÔNG ĐẠT ($per_worker):" >&2
    printf '  %s\n' "${problems[@]}" >&2
  fi
  sql "$SERVER" "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
done
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
