#!/usr/bin/env bash
# `hoso reindex` beside Xapian alone writing the very same documents (bench/scale/xapian_replay.cc), in the
# same run: pages per second of each and their ratio, so a change in hoso's analysis shows against the
# floor that Xapian's own writing sets on this machine.
#   bench/scale/reindex_vs_xapian.sh DATA_DIR [THREADS=cores] [COMMIT=200]
# DATA_DIR: a hoso --data folder (e.g. built by bench/scale/run.sh). Its index is rebuilt (a normal
# reindex: searches keep answering). The replay holds every document of the index in memory: use it up to
# a few hundred thousand pages on a 24 GB machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:?usage: bench/scale/reindex_vs_xapian.sh DATA_DIR [THREADS] [COMMIT]}"
THREADS="${2:-$(nproc)}"
COMMIT="${3:-200}"
source bench/scale/common.sh
hoso_binary
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
replay_binary "$WORK"
PAGES=$(sqlite3 "$DATA/catalogue.sqlite" 'select count(*) from page')
t0=$(date +%s.%N)
"$HOSO" reindex --data "$DATA" --commit-every "$COMMIT" 2>/dev/null
t1=$(date +%s.%N)
GEN="$DATA/$(sed -n 's/^auto //p' "$DATA/index.stub")"
mkdir -p "$WORK/replay"
replay=$("$WORK/xapian_replay" "$GEN" "$WORK/replay" "$THREADS" "$COMMIT")
python3 - "$PAGES" "$t0" "$t1" "$replay" "$THREADS" <<'PY'
import json, sys
pages, t0, t1, replay, threads = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
hoso = pages / (t1 - t0)
xapian = pages / replay["seconds"]
print(json.dumps({"pages": pages, "threads": int(threads), "hoso_reindex_seconds": round(t1 - t0, 2),
                  "hoso_pages_per_s": round(hoso, 1), "xapian_alone_seconds": replay["seconds"],
                  "xapian_alone_pages_per_s": round(xapian, 1), "hoso_time_over_xapian": round(xapian / hoso, 2)}))
PY
