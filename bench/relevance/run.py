#!/usr/bin/env python3
"""Relevance benchmark: hoso against SQLite FTS5 on the generated corpus.

    python3 bench/relevance/run.py --hoso PATH/TO/hoso [--corpus DIR] [--data DIR] [--seed N]
                                   [--results FILE] [--fts-only]

Builds the corpus when it is missing (make_corpus.py), ingests it into DATA with `hoso ingest`
(skipped when DATA already holds this corpus), then runs every query of queries.tsv through
`hoso search --data DATA --role secret --limit 10 --json` and through an SQLite FTS5 index of the same
text (tokenize='unicode61 remove_diacritics 2', bm25, the query's words OR-ed, each quoted). Prints
MRR@10 and recall@10 per query kind and writes a Markdown report (default bench/relevance/results.md).
Exit status: 0 done, 1 the hoso binary failed, 2 bad usage. Stdlib only.
"""
import argparse
import csv
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
K = 10


class HosoFailed(Exception):
    pass


# ---- corpus ------------------------------------------------------------------------------------

def ensure_corpus(corpus, seed):
    if os.path.exists(os.path.join(corpus, "queries.tsv")) and os.path.exists(os.path.join(corpus, "tai_lieu.csv")):
        return
    print("run: tạo kho thử nghiệm %s (seed %d)" % (corpus, seed), file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--seed", str(seed), "--out", corpus],
                   check=True)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def load_docs(corpus):
    files = {r["Mã hồ sơ"]: r for r in read_csv(os.path.join(corpus, "ho_so.csv"))}
    docs = []
    for r in read_csv(os.path.join(corpus, "tai_lieu.csv")):
        did = "%s.%s" % (r["Mã hồ sơ"], r["Số thứ tự"])
        with open(os.path.join(corpus, r["Tệp"]), encoding="utf-8") as fh:
            body = fh.read()
        so = "%s/%s" % (r["Số"], r["Ký hiệu"]) if r["Số"] else r["Ký hiệu"]
        f = files.get(r["Mã hồ sơ"], {})
        meta = " \n ".join(x for x in [f.get("Tiêu đề hồ sơ", ""), r["Tên loại văn bản"], so,
                                       r["Ngày văn bản"], r["Trích yếu nội dung"], r["Người ký"],
                                       r["Cơ quan ban hành"]] if x)
        docs.append(dict(id=did, title=r["Trích yếu nội dung"], meta=meta, body=body.replace("\f", "\n")))
    return docs


def load_queries(corpus):
    out = []
    with open(os.path.join(corpus, "queries.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            if not line.strip():
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            row["relevant"] = [x for x in row["relevant_ids"].split(",") if x]
            row.setdefault("mode", "any")
            out.append(row)
    return out


def corpus_digest(corpus):
    h = hashlib.sha256()
    for name in ("ho_so.csv", "tai_lieu.csv"):
        with open(os.path.join(corpus, name), "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


# ---- hoso ----------------------------------------------------------------------------------------

def hoso_ingest(hoso, corpus, data):
    marker = os.path.join(data, "bench-ingested")
    digest = corpus_digest(corpus)
    if os.path.exists(marker) and open(marker).read().strip() == digest:
        print("run: %s đã nhập kho này, bỏ qua bước nhập" % data, file=sys.stderr)
        return None
    os.makedirs(data, exist_ok=True)
    t0 = time.time()
    p = subprocess.run([hoso, "ingest", corpus, "--data", data, "--json"], capture_output=True, text=True)
    dt = time.time() - t0
    if p.returncode not in (0, 1):
        raise HosoFailed("hoso ingest thoát với mã %d:\n%s" % (p.returncode, p.stderr[-3000:]))
    summary = None
    lines = [x for x in p.stdout.strip().split("\n") if x.strip()]
    if lines:
        try:
            summary = json.loads(lines[-1])
        except ValueError:
            summary = None
    if p.returncode == 1:
        print("run: hoso ingest bỏ qua một số mục:\n%s" % p.stderr[-2000:], file=sys.stderr)
    with open(marker, "w") as fh:
        fh.write(digest + "\n")
    return dict(seconds=dt, summary=summary, code=p.returncode)


def hoso_search(hoso, data, query):
    p = subprocess.run([hoso, "search", "--data", data, "--role", "secret", "--limit", str(K), "--json", "--",
                        query], capture_output=True, text=True)
    if p.returncode != 0:
        raise HosoFailed("hoso search %r thoát với mã %d:\n%s" % (query, p.returncode, p.stderr[-2000:]))
    try:
        js = json.loads(p.stdout)
    except ValueError:
        raise HosoFailed("hoso search %r: đầu ra không phải JSON:\n%s" % (query, p.stdout[:500]))
    return [h["id"] for h in js.get("hits", [])], js.get("total")


# ---- FTS5 baseline ----------------------------------------------------------------------------------

class Fts:
    def __init__(self, docs):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("create virtual table d using fts5(id unindexed, meta, body, "
                        "tokenize='unicode61 remove_diacritics 2')")
        self.db.executemany("insert into d(id, meta, body) values (?, ?, ?)",
                            [(x["id"], x["meta"], x["body"]) for x in docs])

    @staticmethod
    def match_expr(query, op="OR"):
        toks = [t for t in query.split() if t.strip()]
        return (" %s " % op).join('"%s"' % t.replace('"', '""') for t in toks)

    def search(self, query, op="OR"):
        expr = self.match_expr(query, op)
        if not expr:
            return [], 0
        try:
            rows = self.db.execute("select id from d where d match ? order by bm25(d) limit ?", (expr, K)).fetchall()
            total = self.db.execute("select count(*) from d where d match ?", (expr,)).fetchone()[0]
        except sqlite3.OperationalError:
            return [], 0
        return [r[0] for r in rows], total


# ---- metrics --------------------------------------------------------------------------------------

def score(q, hits):
    rel = q["relevant"]
    top = hits[:K]
    if q["mode"] == "first":
        rr = 1.0 / (top.index(rel[0]) + 1) if rel[0] in top else 0.0
    else:
        rs = set(rel)
        rr = next((1.0 / (i + 1) for i, h in enumerate(top) if h in rs), 0.0)
    recall = len(set(top) & set(rel)) / min(len(rel), K)
    return rr, recall


KINDS = ["name_accented", "name_unaccented", "old_tone", "nfd", "one_letter_slip", "parcel", "docnum_accented",
         "docnum_unaccented", "id_number", "subject", "abbreviation", "mixed", "date", "raw_telex", "raw_vni",
         "spoken_accented", "spoken_unaccented", "unknown_word"]


def summarise(queries, res):
    table = []
    kinds = [k for k in KINDS if any(q["kind"] == k for q in queries)]
    kinds += sorted({q["kind"] for q in queries} - set(kinds))
    for k in kinds + ["overall"]:
        qs = [i for i, q in enumerate(queries) if k == "overall" or q["kind"] == k]
        row = dict(kind=k, n=len(qs))
        for eng in ("hoso", "fts5", "fts5and"):
            if eng not in res:
                continue
            row[eng + "_mrr"] = sum(res[eng][i]["rr"] for i in qs) / len(qs)
            row[eng + "_recall"] = sum(res[eng][i]["recall"] for i in qs) / len(qs)
        table.append(row)
    return table


def fmt_table(table, engines):
    head = ["kind", "n"] + sum([["%s MRR@10" % e, "%s R@10" % e] for e in engines], [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in table:
        cells = [("**%s**" % r["kind"]) if r["kind"] == "overall" else r["kind"], str(r["n"])]
        for e in engines:
            cells += ["%.3f" % r[e + "_mrr"], "%.3f" % r[e + "_recall"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description="hoso vs SQLite FTS5 relevance benchmark")
    ap.add_argument("--hoso", help="đường dẫn tới chương trình hoso")
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--results", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--fts-only", action="store_true", help="chỉ chạy FTS5 (khi chưa có hoso)")
    a = ap.parse_args()
    if not a.hoso and not a.fts_only:
        ap.error("cần --hoso PATH (hoặc --fts-only)")
    if a.hoso and not os.access(a.hoso, os.X_OK):
        print("run: không chạy được %s" % a.hoso, file=sys.stderr)
        return 1

    ensure_corpus(a.corpus, a.seed)
    docs = load_docs(a.corpus)
    titles = {d["id"]: d["title"] for d in docs}
    queries = load_queries(a.corpus)
    print("run: %d văn bản, %d truy vấn" % (len(docs), len(queries)), file=sys.stderr)

    res = {}
    hits = {}
    fts = Fts(docs)
    t0 = time.time()
    hits["fts5"] = [fts.search(q["query"])[0] for q in queries]
    hits["fts5and"] = [fts.search(q["query"], "AND")[0] for q in queries]
    fts_time = time.time() - t0
    ingest = None
    hoso_time = None
    if not a.fts_only:
        try:
            ingest = hoso_ingest(a.hoso, a.corpus, a.data)
            t0 = time.time()
            hits["hoso"] = [hoso_search(a.hoso, a.data, q["query"])[0] for q in queries]
            hoso_time = time.time() - t0
        except HosoFailed as e:
            print("run: %s" % e, file=sys.stderr)
            return 1
    engines = [e for e in ("hoso", "fts5", "fts5and") if e in hits]
    for e in engines:
        res[e] = []
        for q, h in zip(queries, hits[e]):
            rr, rc = score(q, h)
            res[e].append(dict(rr=rr, recall=rc, hits=h))
    table = summarise(queries, res)
    print(fmt_table(table, engines))

    # the report
    out = ["# Relevance benchmark: hoso vs SQLite FTS5", "",
           "Generated by `bench/relevance/run.py` on %s. Corpus: `make_corpus.py --seed %d`: %d văn bản, "
           "%d truy vấn (kinds and metrics: see README.md)." % (time.strftime("%Y-%m-%d %H:%M"), a.seed, len(docs),
                                                                len(queries)), ""]
    if a.hoso:
        out.append("hoso binary: `%s`." % a.hoso)
    if ingest:
        out.append("Ingest: %.1f s; summary: `%s`." % (ingest["seconds"], json.dumps(ingest["summary"],
                                                                                    ensure_ascii=False)[:300]))
    if hoso_time is not None:
        out.append("Search: hoso %.1f s for %d queries (one process per query); FTS5 %.2f s in process."
                   % (hoso_time, len(queries), fts_time))
    out += ["", fmt_table(table, engines), ""]
    if "hoso" in res:
        fails = sorted(range(len(queries)), key=lambda i: (res["hoso"][i]["rr"], res["hoso"][i]["recall"],
                                                           -res["fts5"][i]["rr"]))
        fails = [i for i in fails if res["hoso"][i]["rr"] < 1.0 or res["hoso"][i]["recall"] < 1.0]
        out += ["## Where hoso misses", "",
                "Queries with the lowest reciprocal rank (then recall) for hoso; %d of %d queries are not "
                "perfect. `want` is the first relevant id (the one that must rank first when mode is `first`), "
                "`got` hoso's top 3." % (len(fails), len(queries)), ""]
        for i in fails[:25]:
            q = queries[i]
            r = res["hoso"][i]
            out.append("- **%s** `%s` (mode %s, %d relevant) — hoso RR %.2f R %.2f, FTS5 RR %.2f R %.2f"
                       % (q["kind"], q["query"], q["mode"], len(q["relevant"]), r["rr"], r["recall"],
                          res["fts5"][i]["rr"], res["fts5"][i]["recall"]))
            out.append("  - want `%s` — %s" % (q["relevant"][0], titles.get(q["relevant"][0], "")[:120]))
            for h in r["hits"][:3]:
                mark = "✓" if h in q["relevant"] else "✗"
                out.append("  - got %s `%s` — %s" % (mark, h, titles.get(h, "")[:120]))
            if not r["hits"]:
                out.append("  - got nothing")
        out.append("")
    with open(a.results, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    print("run: đã ghi %s" % a.results, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
