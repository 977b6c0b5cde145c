#!/usr/bin/env python3
"""The catalogue on SQLite and on PostgreSQL, measured in one run on the same batch (issue 21).

Makes a metadata-only batch with text (bench/scale/make_batch.py: .txt transcriptions, so the ingest is bound by
the catalogue and the index, not by OCR), then for each backend:
  * ingest: `hoso ingest BATCH --data DIR [--catalogue URL] --json`, documents/s and pages/s;
  * search: `hoso serve` on loopback and THREADS clients sending the queries of bench/scale/load.py for SECONDS,
    queries/s and latency p50/p95 (ms);
and on PostgreSQL also two ingests side by side into one database (`--part 1/2`, `2/2`, two data folders): the
write rate of several workers sharing the catalogue. PostgreSQL is a private server made by
scripts/postgres-for-tests.sh (its fsync and synchronous_commit are off: recorded in the results). Prints one
table, writes WORK/results.json.

    bench/catalogue/run.py [--hoso .build/release/hoso] [--files 300] [--docs 5] [--pages 2] [--seconds 15]
                           [--threads 2] [--work /tmp/hoso-catalogue-bench]
"""
import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "scale"))
from load import QUERIES  # noqa: E402  the same query mix as the scale bench


def run(cmd, env=None, **kw):
    return subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def ingest(hoso, batch, data, catalogue, part=None):
    cmd = [hoso, "ingest", batch, "--data", data, "--json", "--workers", "2"]
    if catalogue:
        cmd += ["--catalogue", catalogue]
    if part:
        cmd += ["--part", part]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, OMP_THREAD_LIMIT="1"))


def finish(p):
    out, err = p.communicate()
    if p.returncode not in (0, 1):
        sys.exit(f"hoso ingest thất bại ({p.returncode}): {err[-2000:]}")
    return json.loads(out.strip().splitlines()[-1])


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def load(port, threads, seconds):
    lat, errors, lock = [], [], threading.Lock()
    deadline = time.time() + seconds

    def worker(seed):
        r = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.time() < deadline:
            path = "/api/search?limit=10&q=" + urllib.parse.quote(r.choice(QUERIES))
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
                if resp.status != 200:
                    errors.append(resp.status)
                else:
                    json.loads(body)
            except Exception as e:  # noqa: BLE001 - every failure counted
                errors.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append((time.perf_counter() - t) * 1000)
        with lock:
            lat.extend(mine)

    start = time.time()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.time() - start
    lat.sort()

    def pct(p):
        return round(lat[min(len(lat) - 1, int(len(lat) * p))], 1) if lat else None

    return {"queries": len(lat), "errors": len(errors), "qps": round(len(lat) / elapsed, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95)}


def serve_and_load(hoso, data, catalogue, threads, seconds):
    port = free_port()
    cmd = [hoso, "serve", "--data", data, "--port", str(port), "--rate-limit", "0"]
    if catalogue:
        cmd += ["--catalogue", catalogue]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        load(port, 1, 2)  # warm-up: caches, connections
        return load(port, threads, seconds)
    finally:
        server.kill()
        server.wait()


def server_cpu_seconds(server):
    """CPU time of the PostgreSQL server: the postmaster with the children it has reaped, and its live backends."""
    folder = urllib.parse.parse_qs(urllib.parse.urlparse(server).query)["host"][0].rsplit("/socket", 1)[0]
    with open(os.path.join(folder, "data", "postmaster.pid")) as f:
        master = int(f.readline())
    tick = os.sysconf("SC_CLK_TCK")

    def stat(pid):
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()

    fields = stat(master)
    total = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    for pid in os.listdir("/proc"):
        if pid.isdigit() and int(pid) != master:
            try:
                st = stat(pid)
            except OSError:
                continue
            if int(st[1]) == master:
                total += int(st[11]) + int(st[12])
    return total / tick


def psql(url, sql):
    r = run(["/usr/lib/postgresql/15/bin/psql", "-At", "-d", url, "-c", sql])
    if r.returncode != 0:
        sys.exit(f"psql: {r.stderr}")
    return r.stdout.strip()


def with_database(url, name):
    base, _, query = url.partition("?")
    return base.rsplit("/", 1)[0] + "/" + name + ("?" + query if query else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hoso", default=os.path.join(ROOT, ".build/release/hoso"))
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--docs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--work", default="/tmp/hoso-catalogue-bench")
    a = ap.parse_args()
    if not os.path.exists(a.hoso):
        sys.exit(f"không có {a.hoso}: swift build -c release")
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    batch = os.path.join(a.work, "batch")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/scale/make_batch.py"), batch, "--files", str(a.files),
                    "--docs", str(a.docs), "--pages", str(a.pages), "--seed", "21"], check=True, stdout=subprocess.DEVNULL)

    start = run([os.path.join(ROOT, "scripts/postgres-for-tests.sh"), "start"])
    if start.returncode != 0:
        sys.exit(start.stderr)
    server = start.stdout.strip().splitlines()[-1]
    results = {"files": a.files, "docs_per_file": a.docs, "pages_per_doc": a.pages, "threads": a.threads,
               "seconds": a.seconds, "hoso": a.hoso}
    try:
        # The test server runs with fsync and synchronous_commit off (as SQLite's WAL with synchronous=NORMAL does not
        # sync each commit either): recorded with the figures.
        results["postgresql_settings"] = {k: psql(server, f"SHOW {k}") for k in ("fsync", "synchronous_commit", "shared_buffers")}
        for name in ("bench_one", "bench_two"):
            psql(server, f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
        backends = [("sqlite", None), ("postgresql", with_database(server, "bench_one"))]
        for name, url in backends:
            data = os.path.join(a.work, name)
            cpu = server_cpu_seconds(server)
            t = time.time()
            summary = finish(ingest(a.hoso, batch, data, url))
            seconds = time.time() - t
            r = {"documents": summary["documents"], "pages": summary["pages"], "ingest_seconds": round(seconds, 2),
                 "docs_per_s": round(summary["documents"] / seconds, 1), "pages_per_s": round(summary["pages"] / seconds, 1)}
            if url:  # the server's own CPU per page written: what bounds one PostgreSQL's write rate
                r["server_cpu_ms_per_page"] = round(1000 * (server_cpu_seconds(server) - cpu) / summary["pages"], 2)
            r.update(serve_and_load(a.hoso, data, url, a.threads, a.seconds))
            results[name] = r
            print(f"{name}: {json.dumps(r)}", file=sys.stderr)
        # Two workers writing one PostgreSQL catalogue at once, each its part of the batch.
        url = with_database(server, "bench_two")
        t = time.time()
        cpu = server_cpu_seconds(server)
        procs = [ingest(a.hoso, batch, os.path.join(a.work, f"pg-part{i}"), url, f"{i}/2") for i in (1, 2)]
        parts = [finish(p) for p in procs]
        seconds = time.time() - t
        pages = sum(p["pages"] for p in parts)
        results["postgresql_two_workers"] = {"pages": pages, "seconds": round(seconds, 2), "pages_per_s": round(pages / seconds, 1),
                                             "server_cpu_ms_per_page": round(1000 * (server_cpu_seconds(server) - cpu) / pages, 2)}
        results["postgresql_database_bytes"] = int(psql(url, "SELECT pg_database_size(current_database())"))
        results["sqlite_file_bytes"] = os.path.getsize(os.path.join(a.work, "sqlite", "catalogue.sqlite"))
    finally:
        run([os.path.join(ROOT, "scripts/postgres-for-tests.sh"), "stop", server])

    s, p = results["sqlite"], results["postgresql"]
    ratio = {k: round(p[k] / s[k], 2) if s[k] else None for k in ("docs_per_s", "pages_per_s", "qps", "p50_ms", "p95_ms")}
    results["ratio_pg_over_sqlite"] = ratio
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    print(f"{'':14}{'docs/s':>10}{'pages/s':>10}{'queries/s':>11}{'p50 ms':>9}{'p95 ms':>9}")
    for name, r in (("SQLite", s), ("PostgreSQL", p), ("PG/SQLite", ratio)):
        print(f"{name:14}{r['docs_per_s']:>10}{r['pages_per_s']:>10}{r['qps']:>11}{r['p50_ms']:>9}{r['p95_ms']:>9}")
    w = results["postgresql_two_workers"]
    print(f"PostgreSQL, 2 ingests side by side (--part 1/2, 2/2): {w['pages']} pages in {w['seconds']} s = {w['pages_per_s']} pages/s")
    print(f"PostgreSQL server CPU per page written: {p['server_cpu_ms_per_page']} ms (one ingest), "
          f"{w['server_cpu_ms_per_page']} ms (two side by side)")
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
