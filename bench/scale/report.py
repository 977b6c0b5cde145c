#!/usr/bin/env python3
"""Markdown tables from the JSON lines of bench/scale/grow.sh (WORK/grow.jsonl).

    bench/scale/report.py /tmp/hoso-grow/grow.jsonl
"""
import json
import sys


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    print("| pages | ingest pages/s | index KB/page (in place) | catalogue KB/page | ingest peak RSS | "
          "search p50 | p90 | p99 | req/s | errors | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    ingest = None
    for r in rows:
        if r["step"] == "ingest":
            ingest = r
        elif r["step"] == "query" and ingest is not None and r.get("after", "").startswith("batch"):
            print(f"| {ingest['pages_total']:,} | {ingest['pages_per_s']} | {ingest['index_bytes_per_page'] / 1000:.2f} | "
                  f"{ingest['catalogue_bytes_per_page'] / 1000:.2f} | {ingest['peak_rss_kb'] // 1024} MB | "
                  f"{r['p50_ms']} ms | {r['p90_ms']} ms | {r['p99_ms']} ms | {r['rps']} | {r['errors']} | {ingest['load']} |")
            ingest = None
    for r in rows:
        if r["step"] == "reindex":
            print(f"\n`hoso reindex` at {r['pages_total']:,} pages: {r['seconds']} s, **{r['pages_per_s']} pages/s**, "
                  f"compacted index **{r['index_bytes_per_page'] / 1000:.2f} KB/page**, peak RSS {r['peak_rss_kb'] // 1024} MB "
                  f"(load {r['load']}).")
        if r["step"] == "query" and r.get("after") == "reindex":
            print(f"Search after the reindex: p50 {r['p50_ms']} ms, p90 {r['p90_ms']} ms, p99 **{r['p99_ms']} ms**, "
                  f"{r['rps']} req/s, {r['errors']} errors, server peak RSS {r['server_peak_rss_kb'] // 1024} MB.")


if __name__ == "__main__":
    main()
