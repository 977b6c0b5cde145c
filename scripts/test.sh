#!/usr/bin/env bash
# The test command: set up the system libraries, then build and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
HOSO_EXTRA_PACKAGES="chromium fonts-noto-core" scripts/setup.sh
export OMP_THREAD_LIMIT=1
swift build --build-tests
swift test --skip-build "$@"
