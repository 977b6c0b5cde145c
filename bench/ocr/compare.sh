#!/usr/bin/env bash
# hoso ingest against bare Tesseract on the sample batch, in one run.
#
#   bench/ocr/compare.sh [ROUNDS] [JOBS]        (HOSO=path/to/hoso to skip the build; KEEP=dir keeps per-page scores)
#
# 1. Builds hoso in release mode (swift build -c release --product hoso).
# 2. Extracts every sample page image (samples/batch) with its true text (samples/truth) into a temp
#    folder (extract_samples.py: pdfimages for the PDFs, Pillow for TIFF pages, copies for folders).
# 3. ROUNDS times (default 2), alternating so that both see the same machine load:
#    bare `tesseract -l vie` with OMP_THREAD_LIMIT=1, one process per core (JOBS, default nproc), over
#    the extracted pages; then `hoso ingest` of the whole batch into an empty data folder
#    (metadata, scan reading, OCR, catalogue and index: everything a user waits for).
# 4. hoso's text per page from `hoso text --role secret`, then score.py on both (CER, order-free word
#    miss rate), and pages/s of each with the ratio. Load average before and after is printed: the
#    machine may be shared.
set -euo pipefail
python3=${PYTHON:-/usr/bin/python3}   # Pillow (python3-pil) for extract_samples.py
rounds=${1:-2}
cores=$(nproc)
jobs=${2:-$cores}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1

# HOSO=/path/to/hoso skips the build (use a release build).
if [ -n "${HOSO:-}" ]; then
  hoso=$HOSO
else
  (cd "$root" && swift build -c release --product hoso >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 2; }
  hoso="$(cd "$root" && swift build -c release --show-bin-path)/hoso"
fi

pages="$work/pages"
n=$("$python3" "$here/extract_samples.py" "$root/samples/batch" "$root/samples/truth" "$pages")
mapfile -t images < <(find "$pages" -maxdepth 1 -type f ! -name '*.txt' | sort)
echo "machine: $cores cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pages: $n  jobs: $jobs  rounds: $rounds"

now() { date +%s.%N; }
tess_times=() hoso_times=()
for r in $(seq 1 "$rounds"); do
  rm -rf "$work/tess"; mkdir -p "$work/tess"
  s=$(now)
  printf '%s\n' "${images[@]}" | xargs -P "$jobs" -I{} sh -c \
    'b=$(basename "{}"); tesseract "{}" "'"$work/tess"'/${b%.*}" -l vie >/dev/null 2>&1 || echo "failed: {}" >&2'
  e=$(now); tess_times+=("$(echo "$e - $s" | bc)")

  rm -rf "$work/data"
  s=$(now)
  "$hoso" ingest "$root/samples/batch" --data "$work/data" --workers "$jobs" >/dev/null 2>"$work/ingest.log" || true
  e=$(now); hoso_times+=("$(echo "$e - $s" | bc)")
  echo "round $r: tesseract ${tess_times[-1]} s, hoso ingest ${hoso_times[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
done
tail -1 "$work/ingest.log"

# hoso's text, one file per page, named like the truth files.
mkdir -p "$work/hoso"
for doc in $(ls "$root/samples/truth"); do
  "$hoso" text --data "$work/data" --role secret "$doc" >"$work/$doc.all" 2>/dev/null || continue
  "$python3" - "$work/$doc.all" "$work/hoso" "$doc" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
if text.endswith("\n"):
    text = text[:-1]
for i, page in enumerate(text.split("\f"), 1):
    open(f"{sys.argv[2]}/{sys.argv[3]}__{i}.txt", "w", encoding="utf-8").write(page)
PY
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$python3" - "$n" "${tess_times[*]}" "${hoso_times[*]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
t = [float(x) for x in sys.argv[2].split()]
h = [float(x) for x in sys.argv[3].split()]
tm, hm = statistics.median(t), statistics.median(h)
print(f"bare tesseract: median {tm:.2f} s  {n / tm:.3f} pages/s")
print(f"hoso ingest:    median {hm:.2f} s  {n / hm:.3f} pages/s")
print(f"throughput ratio hoso/tesseract: {tm / hm:.3f} (goal >= 0.95); per round: "
      + ", ".join(f"{a / b:.3f}" for a, b in zip(t, h)))
PY
echo "== bare tesseract =="
"$python3" "$here/score.py" "$pages" "$work/tess" | tail -1
echo "== hoso =="
"$python3" "$here/score.py" "$pages" "$work/hoso" | tail -1
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP" && "$python3" "$here/score.py" "$pages" "$work/tess" >"$KEEP/tesseract.txt" \
    && "$python3" "$here/score.py" "$pages" "$work/hoso" >"$KEEP/hoso.txt"
fi
