#!/usr/bin/env bash
# A damaged data folder (issue 19), at random places: each trial copies a data folder made once (the sample batch
# ingested, then reindexed so its generation has CHECKSUMS), damages one thing in it, and counts as required when
#   - xapian-flip (a byte of a random table of the current generation XORed at a random offset) and
#     xapian-cut (a random table cut at a random length): `hoso verify` exits 1 with HỎNG and the table's name,
#     `hoso reindex` exits 0, then `hoso verify` exits 0 and the queries find what they found before;
#   - stub (index.stub overwritten with garbage): `hoso verify` exits 1 naming index.stub, `hoso reindex` repairs it
#     as above;
#   - sqlite (4 SQLite pages at a random place of the catalogue XORed, its WAL checkpointed first): `hoso verify`
#     exits 1 with HỎNG and "Danh mục", and `hoso serve` refuses to start (exit 2, naming the backup);
#   - png (a byte of a cached page image flipped): `hoso verify` exits 0, removes that image and names it.
#
#   scripts/damage_test.sh [TRIALS_PER_KIND=4] [KIND...]
#
# Environment: HOSO (the binary, default .build/debug/hoso), WORK (scratch folder), SEED (random seed). Prints per
# kind the trials run and the trials that ended as required, then "N passed, M failed"; exits 1 when one failed.
set -uo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-4}
shift || true
HOSO=${HOSO:-$PWD/.build/debug/hoso}
[ -n "${WORK:-}" ] || { WORK=$(mktemp -d /tmp/hoso-damage.XXXXXX); trap 'rm -rf "$WORK"' EXIT; }
RANDOM=${SEED:-$$}
export OMP_THREAD_LIMIT=1
[ -x "$HOSO" ] || { echo "Không thấy $HOSO; hãy chạy swift build --product hoso" >&2; exit 2; }
KINDS=("$@")
[ ${#KINDS[@]} -gt 0 ] || KINDS=(xapian-flip xapian-cut stub sqlite png)
QUERIES=("thu hồi đất" "quyet dinh" "1605/QĐ-UBND" "Ea Kly")

found() { # the ids each query finds in DATA, one line per query
  for q in "${QUERIES[@]}"; do "$HOSO" search --data "$1" --role secret --json "$q" 2>/dev/null | python3 -c '
import json, sys
try: print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))
except Exception: print("-")'; done
}

echo "damage_test: chuẩn bị thư mục dữ liệu mẫu trong $WORK" >&2
mkdir -p "$WORK"; base=$WORK/base
"$HOSO" ingest samples/batch --data "$base" >/dev/null 2>"$WORK/ingest.err" || true
"$HOSO" reindex --data "$base" >/dev/null 2>>"$WORK/ingest.err" || { echo "reindex thất bại" >&2; exit 2; }
sqlite3 "$base/catalogue.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
mkdir -p "$base/cache/pages"
python3 - "$base/cache/pages/mau.png" <<'EOF'
import struct, sys, zlib
def chunk(t, b): return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
raw = b"".join(b"\0" + bytes([200] * 64) for _ in range(64))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
EOF
before=$(found "$base")

xor_at() { # FILE OFFSET COUNT: XOR COUNT bytes at OFFSET with 0xA5, keeping the file's times
  python3 - "$@" <<'EOF'
import os, sys
path, off, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
st = os.stat(path)
with open(path, "r+b") as f:
    f.seek(off); old = f.read(n); f.seek(off); f.write(bytes(b ^ 0xA5 for b in old))
os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
EOF
}

repaired() { # DATA: reindex, verify clean, same answers
  "$HOSO" reindex --data "$1" >/dev/null 2>&1 || return 1
  "$HOSO" verify --data "$1" >/dev/null 2>&1 || return 1
  [ "$(found "$1")" = "$before" ]
}

trial() { # KIND DATA -> 0 when the trial ended as required
  local kind=$1 data=$2 gen table size out code
  gen=$data/$(python3 -c 'import sys; d = open(sys.argv[1], "rb").read().decode("latin-1"); print(d.split()[-1])' "$data/index.stub")
  case $kind in
    xapian-flip|xapian-cut)
      mapfile -t tables < <(find "$gen" -name '*.glass' -size +0 | sort)
      table=${tables[$((RANDOM % ${#tables[@]}))]}
      size=$(stat -c %s "$table")
      if [ "$kind" = xapian-flip ]; then xor_at "$table" $(( (RANDOM * 32768 + RANDOM) % size )) 1
      else truncate -s $(( (RANDOM * 32768 + RANDOM) % size )) "$table"; fi
      out=$("$HOSO" verify --data "$data" 2>&1); code=$?
      [ $code -eq 1 ] && [[ $out == *HỎNG* ]] && [[ $out == *"${table#"$gen"/}"* || $out == *"$(basename "$(dirname "$table")")"* ]] \
        && repaired "$data" ;;
    stub)
      printf 'aut\0index rác' > "$data/index.stub"
      out=$("$HOSO" verify --data "$data" 2>&1); code=$?
      [ $code -eq 1 ] && [[ $out == *index.stub* ]] && repaired "$data" ;;
    sqlite)
      size=$(stat -c %s "$data/catalogue.sqlite")
      xor_at "$data/catalogue.sqlite" $(( (RANDOM % (size / 4096 - 4)) * 4096 )) 16384
      out=$("$HOSO" verify --data "$data" 2>&1); code=$?
      [ $code -eq 1 ] && [[ $out == *HỎNG* ]] && [[ $out == *"Danh mục"* ]] || return 1
      out=$(timeout 60 "$HOSO" serve --data "$data" --port $((20000 + RANDOM % 20000)) 2>&1); code=$?
      [ $code -eq 2 ] && [[ $out == *"bị hỏng"* ]] ;;
    png)
      xor_at "$data/cache/pages/mau.png" $((8 + RANDOM % 60)) 1
      out=$("$HOSO" verify --data "$data" 2>&1); code=$?
      [ $code -eq 0 ] && [[ $out == *mau.png* ]] && [ ! -e "$data/cache/pages/mau.png" ] ;;
    *) echo "loại không biết: $kind" >&2; return 1 ;;
  esac
}

passed=0; failed=0; report=()
for kind in "${KINDS[@]}"; do
  ok=0
  for t in $(seq 1 "$TRIALS"); do
    data=$WORK/t-$kind-$t
    rm -rf "$data"; cp -a "$base" "$data"
    if trial "$kind" "$data"; then ok=$((ok + 1)); passed=$((passed + 1)); rm -rf "$data"
    else failed=$((failed + 1)); echo "không đạt: $kind lần $t (giữ $data)" >&2; fi
  done
  report+=("$kind: $TRIALS lần thử, $ok đạt yêu cầu")
done
printf '%s\n' "${report[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
