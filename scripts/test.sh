#!/usr/bin/env bash
# The test command: set up the system libraries (and Chromium for the browser test), build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
HOSO_EXTRA_PACKAGES="chromium fonts-noto-core python3-yaml" scripts/setup.sh
export OMP_THREAD_LIMIT=1
swift build --build-tests
log="$(mktemp)"
status=0
swift test --skip-build "$@" 2>&1 | tee "$log" || status=$?
# XCTest's own totals, as one plain closing line (Swift Testing prints its own empty summary after it).
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with" "$log" | tail -1 || true)
rm -f "$log"
if [[ $summary =~ Executed\ ([0-9]+)\ tests?,\ with\ (([0-9]+)\ tests?\ skipped\ and\ )?([0-9]+)\ failures? ]]; then
  total=${BASH_REMATCH[1]}; skipped=${BASH_REMATCH[3]:-0}; failed=${BASH_REMATCH[4]}
  echo "$((total - skipped - failed)) passed, $failed failed, $skipped skipped"
fi
exit "$status"
