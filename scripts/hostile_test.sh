#!/usr/bin/env bash
# Hostile inputs at the C edges (issue 19): `hoso ingest` of scans made to break parsers (scripts/make_hostile.py:
# page-tree and object-stream loops, a 100000² image in a megabyte, garbled and truncated streams, JBIG2 and JPX
# garbage, /Count 5000000, a looping TIFF, PNG/JPEG claiming huge sizes, empty and random files), a Tesseract
# failure forced inside recognition, and a crash and a hang forced inside poppler. Each trial runs under
# `ulimit -v` and a time limit, on a batch of the hostile scan beside one good PDF, and counts as required when
#   - the run ended by itself within the limit, not killed by a signal, and
#   - it exited 1 with the hostile document skipped with a Vietnamese reason and the good one in
#     (for poppler-crash and poppler-hang: the first run may die, the second must end so and the third too).
#
#   scripts/hostile_test.sh [TRIALS_PER_KIND=3] [KIND...]
#
# Environment: HOSO (the binary, default .build/debug/hoso), WORK (scratch folder), MEMORY_KB (ulimit -v,
# default 4 GiB), SECONDS_LIMIT (per run, default 120). Prints per kind the trials run and the trials that ended
# as required, then "N passed, M failed"; exits 1 when a trial failed.
set -uo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-3}
shift || true
HOSO=${HOSO:-$PWD/.build/debug/hoso}
[ -n "${WORK:-}" ] || { WORK=$(mktemp -d /tmp/hoso-hostile.XXXXXX); trap 'rm -rf "$WORK"' EXIT; }
MEMORY_KB=${MEMORY_KB:-4194304}
LIMIT=${SECONDS_LIMIT:-120}
export OMP_THREAD_LIMIT=1 SWIFT_BACKTRACE=enable=no
[ -x "$HOSO" ] || { echo "Không thấy $HOSO; hãy chạy swift build --product hoso" >&2; exit 2; }
KINDS=("$@")
[ ${#KINDS[@]} -gt 0 ] || KINDS=($(python3 scripts/make_hostile.py --list) poppler-crash poppler-hang)
echo "hostile_test: $TRIALS lần thử mỗi loại, thư mục $WORK, ulimit -v $MEMORY_KB KiB, $LIMIT giây mỗi lần chạy" >&2

# One `hoso ingest --json` under the limits, with the environment given as NAME=VALUE arguments before the
# batch; prints "<exit code> <json summary or ->".
run() {
  local data=$1 batch=$2; shift 2
  local out
  out=$( (ulimit -v "$MEMORY_KB"; env "$@" timeout -s KILL "$LIMIT" "$HOSO" ingest "$batch" --data "$data" --json 2>>"$data.err") )
  local code=$?
  echo "$code $(printf '%s\n' "$out" | tail -n 1 | grep '^{' || echo -)"
}

# Whether a run's "<code> <json>" is the required end: exit 1, HOSTILE.1 skipped with a reason in Vietnamese
# (a letter with a diacritic), GOOD.1 in.
required() {
  python3 - "$1" <<'EOF'
import json, sys, unicodedata
code, _, text = sys.argv[1].partition(" ")
if code != "1" or not text.startswith("{"):
    sys.exit(1)
s = json.loads(text)
hostile = [x for x in s["skipped"] if x["place"].startswith("HOSTILE.1")]
good = [x for x in s["skipped"] if x["place"].startswith("GOOD")]
accented = lambda r: any(unicodedata.decomposition(c) for c in r if c.isalpha())
sys.exit(0 if len(hostile) == 1 and accented(hostile[0]["reason"]) and not good and s["documents"] == 1 else 1)
EOF
}

passed=0; failed=0
report=()
for kind in "${KINDS[@]}"; do
  ok=0
  for t in $(seq 1 "$TRIALS"); do
    dir=$WORK/$kind-$t
    rm -rf "$dir"; mkdir -p "$dir"
    case $kind in
      poppler-crash|poppler-hang)
        python3 scripts/make_hostile.py "$dir" jpx >/dev/null || exit 2
        batch=$dir/jpx
        fault=${kind#poppler-}
        envs=("HOSO_POPPLER_TEST_FAULT=$fault:hostile-jpx.pdf" HOSO_POPPLER_HANG_SECONDS=3 HOSO_PDF_PROBE_SECONDS=5)
        first=$(run "$dir/data" "$batch" "${envs[@]}")
        second=$(run "$dir/data" "$batch" "${envs[@]}")
        third=$(run "$dir/data" "$batch" "${envs[@]}")
        # The first run stops without a summary (poppler's abort, or the watchdog's exit 1), not by the time limit.
        code=${first%% *}
        if [ "${first#* }" = "-" ] && [ "$code" != 0 ] && [ "$code" != 137 ] && required "$second" && required "$third"; then
          ok=$((ok + 1))
        else
          echo "  $kind lần $t: $first | $second | $third" >&2
        fi
        ;;
      *)
        python3 scripts/make_hostile.py "$dir" "$kind" >/dev/null || exit 2
        envs=(HOSO_NONE=1)
        [ "$kind" = tess-throw ] && envs=(HOSO_TESS_TEST_THROW=1)
        r=$(run "$dir/data" "$dir/$kind" "${envs[@]}")
        if required "$r"; then ok=$((ok + 1)); else echo "  $kind lần $t: $r" >&2; fi
        ;;
    esac
  done
  report+=("$(printf '%-16s thử %d, đúng yêu cầu %d' "$kind" "$TRIALS" "$ok")")
  passed=$((passed + ok)); failed=$((failed + TRIALS - ok))
done
printf '%s\n' "${report[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
