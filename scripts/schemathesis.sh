#!/usr/bin/env bash
# Property-based API testing of `hoso serve` against its own OpenAPI document with Schemathesis.
# Not part of scripts/test.sh (slow); see docs/SECURITY.md.
#
#   scripts/schemathesis.sh [MAX_EXAMPLES]      (default 50 per operation)
#
# Installs schemathesis from PyPI into .build-venv (ignored by git), builds hoso, ingests a small batch of
# `.txt` transcriptions (public, conditional and Mật documents; no OCR needed) into a temporary data folder,
# starts the server on a free loopback port, runs Schemathesis anonymously and with a staff token, stops
# the server. Exit status non-zero on any server error (5xx) or answer that does not match the schema.
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_EXAMPLES="${1:-50}"
export OMP_THREAD_LIMIT=1

VENV="$PWD/.build-venv"
if [ ! -x "$VENV/bin/schemathesis" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet schemathesis
fi

swift build --product hoso
HOSO="$(swift build --show-bin-path)/hoso"

WORK="$(mktemp -d -t hoso-schemathesis-XXXXXX)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A small batch: three files, six documents, two of them restricted.
BATCH="$WORK/batch"
mkdir -p "$BATCH/scans"
printf '\xef\xbb\xbfMã hồ sơ,Tiêu đề hồ sơ,Tên phông,Chế độ sử dụng\r\n' > "$BATCH/ho_so.csv"
cat >> "$BATCH/ho_so.csv" <<'CSV'
H49.64.33.2010.001,Hồ sơ thu hồi đất xã Hòa Thắng năm 2010,UBND huyện Krông Pắc,Công khai
H49.64.33.2011.002,Hồ sơ bổ nhiệm cán bộ năm 2011,UBND huyện Krông Pắc,Sử dụng có điều kiện
H49.64.33.1999.003,Hồ sơ chuyên án Hoa Sữa,Công an tỉnh Đắk Lắk,Mật
CSV
cat > "$BATCH/tai_lieu.csv" <<'CSV'
Mã hồ sơ,Số thứ tự,Tệp,Tên loại văn bản,Số,Ngày văn bản,Cơ quan ban hành,Trích yếu nội dung,Chế độ sử dụng
H49.64.33.2010.001,1,scans/1.txt,Tờ trình,325/TTr-TNMT,10/02/2010,Phòng Tài nguyên và Môi trường,Về việc đề nghị thu hồi đất tại xã Hòa Thắng,
H49.64.33.2010.001,2,scans/2.txt,Quyết định,1605/QĐ-UBND,15/02/2010,UBND huyện Krông Pắc,Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng,
H49.64.33.2010.001,3,scans/3.txt,Thông báo,45/TB-UBND,01/03/2010,UBND huyện Krông Pắc,Thông báo thu hồi đất,
H49.64.33.2011.002,1,scans/4.txt,Quyết định,215/QĐ-UBND,03/06/2011,UBND huyện Krông Pắc,Về việc bổ nhiệm bà Lò Thị Nguyệt,
H49.64.33.2011.002,2,scans/5.txt,Thông báo,30/TB-UBND,10/05/2011,UBND huyện Krông Pắc,Thông báo tuyển dụng công chức,Công khai
H49.64.33.1999.003,1,scans/6.txt,Công điện,77/CĐ-CA,12/08/1999,Công an tỉnh Đắk Lắk,Công điện về chuyên án Hoa Sữa,
CSV
printf 'Tờ trình đề nghị thu hồi đất tại xã Hòa Thắng.\fKính trình Ủy ban nhân dân huyện.' > "$BATCH/scans/1.txt"
printf 'Quyết định thu hồi đất của hộ ông Nguyễn Văn Hùng, thửa 305 tờ 80.\fĐiều 2. Tổ chức thực hiện.' > "$BATCH/scans/2.txt"
printf 'Thông báo thu hồi đất để mở rộng Tỉnh lộ 10.' > "$BATCH/scans/3.txt"
printf 'Quyết định bổ nhiệm bà Lò Thị Nguyệt.' > "$BATCH/scans/4.txt"
printf 'Thông báo tuyển dụng công chức cấp xã năm 2011.' > "$BATCH/scans/5.txt"
printf 'Công điện khẩn về chuyên án Hoa Sữa.' > "$BATCH/scans/6.txt"

DATA="$WORK/data"
"$HOSO" ingest "$BATCH" --data "$DATA" --workers 1
STAFF_TOKEN="$("$HOSO" token create --data "$DATA" --role staff --name schemathesis)"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
# The rate limit is off here: Schemathesis sends far more than a person would.
"$HOSO" serve --data "$DATA" --host 127.0.0.1 --port "$PORT" --rate-limit 0 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1; then break; fi
    sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" > /dev/null

status=0
run() {
    # Run from the temporary folder: Schemathesis keeps its example database in the working directory.
    (cd "$WORK" && "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.yaml" \
        --url "http://127.0.0.1:$PORT" \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$MAX_EXAMPLES" --seed 20251125 --workers 1 "$@") || status=1
}
echo "== anonymous (public) =="
run
echo "== staff token =="
run -H "Authorization: Bearer $STAFF_TOKEN"

if grep -q "$STAFF_TOKEN" "$WORK/server.log"; then
    echo "The server log holds a token" >&2
    status=1
fi
exit $status
