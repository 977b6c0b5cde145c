#!/usr/bin/python3
"""The very Xapian queries hoso's searches ran, run again by Xapian alone in one process.

    hoso search --data DIR --xapian-query WORDS…  > queries.jsonl   (one line per query)
    /usr/bin/python3 bench/server/xapian_exact.py queries.jsonl [ROUNDS] [PROCESSES]

Each line (RecordedQuery, Sources/SearchIndex/Searcher.swift) holds Xapian's own serialisation of the query
(access filter included), the databases, BM25 parameters, sort, window and check_at_least. Here each is
unserialised and matched with the same settings, and each hit's data and the value slots hoso reads are
read, as hoso does: the bare Xapian time of exactly what the server asks of Xapian, without start-up,
query building, catalogue, snippets, JSON or HTTP. PROCESSES (default 1) run the rounds side by side, as
many as the load tool's connections, so both compete for the cores alike. Prints per-query p50/p99 in ms
as one JSON line.
Needs Debian's python3-xapian (the system Python: /usr/bin/python3).
"""
import base64
import json
import multiprocessing
import statistics
import sys
import time

import xapian


def prepare(path):
    prepared = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        db = xapian.Database()
        for p in r["databases"]:
            db.add_database(xapian.Database(p))
        prepared.append((db, xapian.Query.unserialise(base64.b64decode(r["query"])), r))
    return prepared


def run(db, query, r):
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    k1, k2, k3, b, min_normlen = r["bm25"]
    enquire.set_weighting_scheme(xapian.BM25Weight(k1, k2, k3, b, min_normlen))
    if r["sort"] != "relevance":
        enquire.set_sort_by_value_then_relevance(1, r["sort"] == "date-desc")
    spies = []
    for slot in r.get("facetSlots", []):
        spy = xapian.ValueCountMatchSpy(slot)
        enquire.add_matchspy(spy)
        spies.append(spy)
    mset = enquire.get_mset(r["offset"], r["limit"], r["checkAtLeast"])
    for m in mset:
        doc = m.document
        doc.get_data()
        for slot in r["valueSlots"]:
            doc.get_value(slot)
    for spy in spies:
        list(spy.values())
    return mset.get_matches_estimated()


def rounds(args):
    path, count, start = args
    prepared = prepare(path)
    for db, query, r in prepared:  # warm, as the server was warmed
        run(db, query, r)
    times = []
    for k in range(count):
        for j in range(len(prepared)):
            db, query, r = prepared[(j + start) % len(prepared)]   # each process its own order
            t = time.perf_counter()
            run(db, query, r)
            times.append((time.perf_counter() - t) * 1000)
    return times


def main():
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    queries = len(prepare(path))
    if not queries:
        sys.exit("no recorded queries")
    with multiprocessing.Pool(processes) as pool:
        times = sorted(t for part in pool.map(rounds, [(path, count, k * 7) for k in range(processes)]) for t in part)
    p99 = times[max(0, int(len(times) * 0.99) - 1)]
    print(json.dumps({"queries": queries, "processes": processes, "runs": len(times),
                      "p50_ms": round(statistics.median(times), 3), "p99_ms": round(p99, 3),
                      "mean_ms": round(statistics.fmean(times), 3)}))


if __name__ == "__main__":
    main()
