#!/bin/sh
# Regenerate samples/ (batch, bad-batch, truth, golden searches, README; then samples/delivery) with a Python
# that has Pillow.
set -eu
cd "$(dirname "$0")/.."
for py in python3 /usr/bin/python3; do
    if "$py" -c 'import PIL' 2>/dev/null; then
        "$py" samples/make_samples.py "$@"
        exec "$py" samples/make_delivery.py
    fi
done
echo "make_samples.sh: no Python with Pillow found (apt-get install python3-pil, or pip install pillow)" >&2
exit 2
