#!/usr/bin/env bash
# Installs the system libraries hoso needs on a fresh Debian machine. Does nothing slow when all is present.
set -euo pipefail
packages=(
  pkg-config
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-osd tesseract-ocr-vie zlib1g-dev
  libxapian-dev xapian-tools
  poppler-utils libpoppler-cpp-dev libpoppler-glib-dev
  libsqlite3-dev
  libpq-dev postgresql
  libjemalloc-dev
  fonts-liberation2
)
# Extra packages a caller asks for (e.g. the test suite's browser): HOSO_EXTRA_PACKAGES="chromium".
read -r -a extra <<< "${HOSO_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "hoso setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
