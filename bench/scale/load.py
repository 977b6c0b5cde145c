#!/usr/bin/env python3
"""Concurrent search load against `hoso serve` on loopback: N client threads with keep-alive connections,
each sending queries from a fixed mix for a bounded time (and a bounded count). Prints JSON:
requests, errors, throughput and latency percentiles in milliseconds.

    load.py --port 8080 --threads 8 --seconds 20 [--max-requests 200000]
"""
import argparse
import http.client
import json
import random
import threading
import time
import urllib.parse

QUERIES = [
    "thu hồi đất", "bồi thường hỗ trợ", '"tờ bản đồ số"', "Ea Kly", "quyết định bổ nhiệm", "khen thưởng 2015",
    "Nguyễn Văn Hùng", "ngân sách", "thửa đất số 305", "cơn bão", "giấy chứng nhận quyền sử dụng đất",
    "khiếu nại", "Krông Pắc", "trường tiểu học", "kênh mương nội đồng", "phòng Tài nguyên và Môi trường",
    "thu hoi dat", "boi thuong", "Trần Thị Hoa", "nâng bậc lương", "Tỉnh lộ 10", "khu tái định cư",
    "Ủy ban nhân dân tỉnh Phú Yên", "QĐ-UBND", "tờ trình", "trạm y tế xã", "dự toán", "Hòa An",
    "hộ gia đình cá nhân", "báo cáo kinh tế kỹ thuật",
]


def worker(port, deadline, max_requests, counter, lock, out, errors, seed, limit):
    r = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    lat = []
    while time.time() < deadline:
        with lock:
            if counter[0] >= max_requests:
                break
            counter[0] += 1
        q = r.choice(QUERIES)
        role_year = "" if r.random() < 0.8 else "&from=2000&to=2015"
        path = f"/api/search?limit={limit}&q=" + urllib.parse.quote(q) + role_year
        t = time.perf_counter()
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200:
                errors.append(f"{resp.status} {q}")
            else:
                json.loads(body)
        except Exception as e:  # noqa: BLE001 - every failure is counted
            errors.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        lat.append((time.perf_counter() - t) * 1000)
    with lock:
        out.extend(lat)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--max-requests", type=int, default=200000)
    ap.add_argument("--limit", type=int, default=10, help="hits per search (0: counts only, no snippets)")
    a = ap.parse_args()
    lock = threading.Lock()
    out, errors, counter = [], [], [0]
    start = time.time()
    deadline = start + a.seconds
    threads = [threading.Thread(target=worker, args=(a.port, deadline, a.max_requests, counter, lock, out, errors, i, a.limit))
               for i in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    out.sort()

    def pct(p):
        return round(out[min(len(out) - 1, int(len(out) * p))], 2) if out else None

    print(json.dumps({"threads": a.threads, "limit": a.limit, "requests": len(out), "errors": len(errors), "first_errors": errors[:3],
                      "rps": round(len(out) / elapsed, 1), "p50_ms": pct(0.50), "p90_ms": pct(0.90),
                      "p99_ms": pct(0.99), "max_ms": round(out[-1], 2) if out else None}))


if __name__ == "__main__":
    main()
