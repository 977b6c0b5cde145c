#!/usr/bin/env python3
"""Two-layer PDFs with the contractor's text layer: is the text hoso keeps better than the layer?

    python3 bench/delivery/run.py [--hoso PATH] [--delivery samples/delivery/xlsx] ...

Ingests each delivery into a fresh data folder, then for every page of samples/delivery/truth scores, against
the true text, (a) the PDF's own text layer (samples/delivery/layer, as written into the PDF; `pdftotext` where
that is missing) and (b) the
text hoso kept (`hoso text`). CER: Levenshtein distance over characters (whitespace collapsed, NFC) over the
truth's length; word miss: share of true words missing from the text. Grouped by the layer's quality as
samples/delivery/layers.tsv records it, with the number of pages hoso recognised again in each group.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "ocr"))
sys.dont_write_bytecode = True
from score import flat, levenshtein, word_miss  # noqa: E402


def hoso_id(name):
    """A scan's file name `….01.01.001` as hoso names the document: `….01.01.1` (Số thứ tự as a number)."""
    head, _, last = name.rpartition(".")
    return f"{head}.{int(last)}" if head and last.isdigit() else name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hoso", default=os.path.join(ROOT, ".build", "release", "hoso"))
    ap.add_argument("--delivery", action="append")
    ap.add_argument("--samples", default=os.path.join(ROOT, "samples", "delivery"))
    args = ap.parse_args()
    deliveries = args.delivery or [os.path.join(args.samples, "xlsx"), os.path.join(args.samples, "sip")]
    truth_dir = os.path.join(args.samples, "truth")
    quality = {}
    with open(os.path.join(args.samples, "layers.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            quality[(hoso_id(row["document_id"]), int(row["page"]))] = row["layer"]

    groups = {}
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    for delivery in deliveries:
        data = tempfile.mkdtemp(prefix="hoso-bench-delivery-")
        started = time.time()
        run = subprocess.run([args.hoso, "ingest", delivery, "--data", data, "--json"], env=env,
                             capture_output=True, text=True)
        seconds = time.time() - started
        summary = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"{os.path.relpath(delivery, ROOT)}: {summary['documents']} documents, {summary['pages']} pages, "
              f"{summary['recognised']} read in {seconds:.1f} s, skipped {len(summary['skipped'])}")
        db = sqlite3.connect(os.path.join(data, "catalogue.sqlite"))
        paths = dict(db.execute("SELECT id, path FROM document"))
        sources = {(d, n): (s, "pdf-text-layer-poor" in p) for d, n, s, p in db.execute(
            "SELECT documentID, number, textSource, preprocessing FROM page")}
        folders = {hoso_id(name): os.path.join(truth_dir, name) for name in os.listdir(truth_dir)}
        for doc, path in sorted(paths.items()):
            folder = folders.get(doc)
            if not folder or not os.path.isdir(folder):
                continue
            kept = subprocess.run([args.hoso, "text", "--data", data, "--role", "secret", doc],
                                  capture_output=True, text=True).stdout.split("\f")
            for name in sorted(os.listdir(folder)):
                n = int(name.split(".")[0])
                truth = flat(open(os.path.join(folder, name), encoding="utf-8").read())
                # The layer as the generator wrote it, in reading order; pdftotext's reading where there is none.
                written = os.path.join(args.samples, "layer", os.path.basename(folder), name)
                if os.path.exists(written):
                    layer = open(written, encoding="utf-8").read()
                else:
                    layer = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), path, "-"],
                                           capture_output=True, text=True).stdout
                ours = kept[n - 1] if n - 1 < len(kept) else ""
                g = groups.setdefault(quality.get((doc, n), "?"), dict(pages=0, chars=0, words=0, again=0, kept_ocr=0,
                                                                       layer_e=0, layer_m=0, ours_e=0, ours_m=0))
                g["pages"] += 1
                g["chars"] += len(truth)
                for key, text in (("layer", flat(layer)), ("ours", flat(ours))):
                    g[key + "_e"] += levenshtein(text, truth)
                    m, w = word_miss(text, truth)
                    g[key + "_m"] += m
                g["words"] += len(truth.split())
                source, again = sources.get((doc, n), ("?", False))
                g["again"] += again
                g["kept_ocr"] += again and source == "ocr"
        db.close()
        subprocess.run(["rm", "-rf", data])

    print()
    print(f"{'layer':>6} {'pages':>5} {'read again':>10} {'OCR kept':>8}  {'layer CER':>9} {'hoso CER':>9}  "
          f"{'layer miss':>10} {'hoso miss':>9}")
    for name in ("good", "poor", "none", "?"):
        g = groups.get(name)
        if not g:
            continue
        c, w = max(1, g["chars"]), max(1, g["words"])
        print(f"{name:>6} {g['pages']:>5} {g['again']:>10} {g['kept_ocr']:>8}  {g['layer_e'] / c:9.2%} {g['ours_e'] / c:9.2%}  "
              f"{g['layer_m'] / w:10.2%} {g['ours_m'] / w:9.2%}")


if __name__ == "__main__":
    main()
