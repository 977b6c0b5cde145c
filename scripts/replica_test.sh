#!/usr/bin/env bash
# Read replica test (issue 7), on loopback only:
#   1. a primary data folder is built (`hoso ingest` with XAPIAN_MAX_CHANGESETS so later commits ship as
#      changesets);
#   2. `xapian-replicate-server` serves the primary's data folder; `xapian-replicate` pulls each database of
#      the current index generation (named by index.stub: `index-N/l1`, `l2`, `l3`, one per access level)
#      into `REPLICA/replica/l1`, `l2`, `l3`;
#   3. the replica's catalogue comes from `hoso backup` + `hoso restore` (the catalogue is SQLite, not Xapian);
#   4. `hoso serve --data REPLICA --index REPLICA/replica` (a split generation: each role searches its own
#      levels) answers the same as the primary — hits and scores — compared over HTTP for several queries,
#      anonymously and with a staff token;
#   5. a second batch is ingested on the primary, replicated again (incremental), and the replica's index
#      then holds the new documents.
#
#   scripts/replica_test.sh
# Environment: HOSO (binary, default .build/debug/hoso), WORK (scratch folder). Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
HOSO=${HOSO:-$PWD/.build/debug/hoso}
WORK=${WORK:-$(mktemp -d /tmp/hoso-replica.XXXXXX)}
export OMP_THREAD_LIMIT=1 XAPIAN_MAX_CHANGESETS=10
[ -x "$HOSO" ] || { echo "Không thấy $HOSO" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
# xapian-replicate-server answers SIGTERM by signalling its whole process group: run it in its own
# session (setsid) and stop everything with SIGKILL, by pid.
cleanup() { for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; }
trap cleanup EXIT
passed=0; failed=0
check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok: $1" >&2; else failed=$((failed + 1)); echo "FAILED: $1: '$2' != '$3'" >&2; fi; }

PRIMARY=$WORK/primary; REPLICA=$WORK/replica
rm -rf "$PRIMARY" "$REPLICA" "$WORK/b1" "$WORK/b2" "$WORK/snap"
python3 bench/scale/make_batch.py "$WORK/b1" --files 40 --docs 3 --pages 2 --seed 11 >&2
python3 bench/scale/make_batch.py "$WORK/b2" --files 10 --docs 3 --pages 2 --seed 12 --start 40 >&2
"$HOSO" ingest "$WORK/b1" --data "$PRIMARY" 2>/dev/null

generation() { sed -n 's/^auto //p' "$1/index.stub"; }
RPORT=$(free_port)
setsid xapian-replicate-server --interface 127.0.0.1 --port "$RPORT" "$PRIMARY" >"$WORK/repl-server.log" 2>&1 &
PIDS+=($!)
sleep 0.5
# One database per access level: each is replicated on its own (the master name is its path under the
# served folder).
replicate() {
  local level status=0
  for level in 1 2 3; do
    xapian-replicate --host 127.0.0.1 --port "$RPORT" --master "$(generation "$PRIMARY")/l$level" --one-shot \
      --reader-time 1 -v "$REPLICA/replica/l$level" >>"$WORK/repl-client.log" 2>&1 || status=$?
  done
  return $status
}
"$HOSO" backup "$WORK/snap" --data "$PRIMARY" 2>/dev/null
"$HOSO" restore "$WORK/snap" --data "$REPLICA" 2>/dev/null
mkdir -p "$REPLICA/replica"
replicate; check "first replication" "$?" "0"
# The stub that opens the three as one, for xapian-delve (hoso itself finds l1, l2, l3).
printf 'auto l1\nauto l2\nauto l3\n' > "$REPLICA/replica/XAPIANDB"
count() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }
check "replica document count" "$(count "$REPLICA/replica")" "$(count "$PRIMARY/index.stub")"
for level in 1 2 3; do
  check "replica level $level count" "$(count "$REPLICA/replica/l$level")" "$(count "$PRIMARY/$(generation "$PRIMARY")/l$level")"
done

TOKEN=$("$HOSO" token create --data "$REPLICA" --role staff --name "kiểm tra bản sao" 2>/dev/null)
P1=$(free_port); P2=$(free_port)
"$HOSO" serve --data "$PRIMARY" --port "$P1" --rate-limit 0 2>/dev/null & PIDS+=($!)
"$HOSO" serve --data "$REPLICA" --index "$REPLICA/replica" --port "$P2" --rate-limit 0 2>/dev/null & PIDS+=($!)
for i in $(seq 50); do curl -fs "127.0.0.1:$P1/api/search?q=a" >/dev/null && curl -fs "127.0.0.1:$P2/api/search?q=a" >/dev/null && break; sleep 0.2; done
# total, then (score, id) of every hit, ordered by score then id (ties follow each database's docids).
ids() { curl -fs "${@:3}" "127.0.0.1:$1/api/search?q=$2&limit=20" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["total"], *sorted((-h["score"], h["id"]) for h in r["hits"]))'; }
# The staff token exists in the replica's catalogue only: the primary is asked with its own.
PTOKEN=$("$HOSO" token create --data "$PRIMARY" --role staff --name "kiểm tra bản sao" 2>/dev/null)
for q in "thu+h%E1%BB%93i+%C4%91%E1%BA%A5t" "b%E1%BB%93i+th%C6%B0%E1%BB%9Dng" "Ea+Kly" "ng%C3%A2n+s%C3%A1ch"; do
  check "same hits and scores for q=$q" "$(ids "$P2" "$q")" "$(ids "$P1" "$q")"
  check "same hits and scores for q=$q (staff)" "$(ids "$P2" "$q" -H "Authorization: Bearer $TOKEN")" "$(ids "$P1" "$q" -H "Authorization: Bearer $PTOKEN")"
done

# Incremental: more documents on the primary, shipped as changesets.
"$HOSO" ingest "$WORK/b2" --data "$PRIMARY" 2>/dev/null
replicate; check "second replication" "$?" "0"
check "replica caught up" "$(count "$REPLICA/replica")" "$(count "$PRIMARY/index.stub")"
grep -q "changeset" "$WORK/repl-client.log" && echo "(the second pull applied changesets)" >&2
echo "replica_test: $passed passed, $failed failed"
[ $failed -eq 0 ]
