#!/usr/bin/env bash
# The main job: set up the system libraries, build hoso, ingest the bundled samples, serve on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export OMP_THREAD_LIMIT=1
swift build -c release --product hoso
HOSO="$(swift build -c release --show-bin-path)/hoso"
DATA="${HOSO_DATA:-$PWD/data}"
HOST="${HOSO_HOST:-127.0.0.1}"
PORT="${HOSO_PORT:-8080}"
status=0
# The CSV batch, then deliveries in the shapes contractors hand over: a flat Excel sheet with two-layer PDFs,
# and a zipped TT 05 SIP_hoso package.
for batch in samples/batch samples/delivery/xlsx samples/delivery/sip; do
  status=0
  "$HOSO" ingest "$batch" --data "$DATA" || status=$?
  if [ "$status" -gt 1 ]; then echo "hoso ingest $batch thất bại (mã $status)" >&2; exit "$status"; fi
done
cat >&2 <<MSG

hoso đã nhập các tài liệu mẫu vào $DATA. Máy chủ: http://$HOST:$PORT/
  curl 'http://$HOST:$PORT/api/search?q=thu+hoi+dat'
  curl 'http://$HOST:$PORT/api/search?q=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh+thu+h%E1%BB%93i+%C4%91%E1%BA%A5t'
  $HOSO search --data "$DATA" --json "quyet dinh thu hoi dat"
Trang web: http://$HOST:$PORT/   Tra cứu nhanh: http://$HOST:$PORT/tra-cuu

MSG
exec "$HOSO" serve --data "$DATA" --host "$HOST" --port "$PORT"
