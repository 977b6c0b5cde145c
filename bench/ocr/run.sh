#!/usr/bin/env bash
# Bare Tesseract baseline: one `tesseract -l vie` process per core (OMP_THREAD_LIMIT=1) over a folder
# of page images with true texts (NNN.png|jpg|tif + NNN.txt), then scores the output.
#
#   bench/ocr/run.sh PAGES_DIR [OUT_DIR] [JOBS]
#
# Prints pages/s, then score.py's word miss rate (order-free) and CER against the truth files.
# Make a test set with: python3 bench/ocr/make_pages.py /tmp/ocrbench 20
set -euo pipefail
pages=${1:?usage: run.sh PAGES_DIR [OUT_DIR] [JOBS]}
out=${2:-$(mktemp -d)}
jobs=${3:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
export OMP_THREAD_LIMIT=1
mapfile -t images < <(find "$pages" -maxdepth 1 -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.tif' -o -iname '*.tiff' \) | sort)
n=${#images[@]}
[ "$n" -gt 0 ] || { echo "no page images in $pages" >&2; exit 2; }
start=$(date +%s.%N)
printf '%s\n' "${images[@]}" | xargs -P "$jobs" -I{} sh -c \
  'b=$(basename "{}"); tesseract "{}" "'"$out"'/${b%.*}" -l vie >/dev/null 2>&1 || echo "failed: {}" >&2'
end=$(date +%s.%N)
python3 - "$n" "$start" "$end" "$jobs" <<'PY'
import sys
n, s, e, j = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
print(f"pages: {n}  jobs: {j}  wall: {e - s:.2f} s  pages/s: {n / (e - s):.2f}")
PY
python3 "$here/score.py" "$pages" "$out"
