#!/bin/sh
# Analysis alone, µs per page: bench/analysis/run.sh [PAGES_DIR]
# Without PAGES_DIR, pages come from bench/scale/make_batch.py (500 hồ sơ × 4 văn bản × ~3 pages).
set -e
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
out=${TMPDIR:-/tmp}/hoso-analysis-bench
mkdir -p "$out"
swiftc -O -wmo -module-name VietText -parse-as-library "$root"/Sources/VietText/*.swift "$here/main.swift" -o "$out/analysis-bench"
dir=$1
if [ -z "$dir" ]; then
  dir=$out/pages
  [ -d "$dir" ] || python3 "$root/bench/scale/make_batch.py" "$dir" --files 500 --docs 4 --pages 3 --seed 3 >/dev/null
fi
"$out/analysis-bench" "$dir" 3
