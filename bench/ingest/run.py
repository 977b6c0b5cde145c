#!/usr/bin/env python3
"""hoso beside the reference tools on real-shaped two-layer PDFs, in one run.

    /usr/bin/python3 bench/ingest/run.py [--hoso PATH] [--set DIR] [--docs 8] [--seed 2027] [--rounds 2]
                                         [--jobs N] [--keep DIR] [--skip-layer]

The set (make_set.py; made in DIR when missing): mixed-raster PDFs, 150 ppi colour background and 300 ppi
1-bit foreground, two pages a document, with and without a text layer.

- Text layers: `pdftotext` one process per core (xargs -P JOBS) over the layer PDFs, against
  `hoso ingest layer/ --workers JOBS` (catalogue, words with boxes, index: everything a user waits for).
- OCR: `hoso ingest ocr/ --workers JOBS` (no layer: every page recognised), against bare
  `tesseract IMAGE OUT -l vie` (OMP_THREAD_LIMIT=1) one process per core on the same pages rendered as hoso
  chose (the `render:`/`crop:` steps hoso records for each page, reproduced with `pdftoppm -gray`; the
  rendering is not counted for tesseract). Rounds alternate hoso, tesseract, hoso, tesseract.

Prints pages/s of each, the ratio, and CER / word miss rate (order-free) against the true text, overall and
per kind of page; the machine's load before and after.
"""
import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "ocr"))
sys.dont_write_bytecode = True
from score import flat, levenshtein, word_miss  # noqa: E402

ENV = dict(os.environ, OMP_THREAD_LIMIT="1")


def load():
    return open("/proc/loadavg").read().split()[0]


def timed(cmd, **kw):
    s = time.monotonic()
    subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.monotonic() - s


def parallel(commands, jobs):
    """Runs shell commands JOBS at a time (xargs -P), returns the wall time."""
    listing = "\0".join(commands)
    return timed(["xargs", "-0", "-P", str(jobs), "-I{}", "sh", "-c", "{}"], input=listing.encode())


def hoso_texts(hoso, data, pages):
    out = {}
    for doc in sorted({p[0] for p in pages}):
        r = subprocess.run([hoso, "text", "--data", data, "--role", "secret", doc], capture_output=True, env=ENV)
        text = r.stdout.decode("utf-8")
        for i, t in enumerate(text.rstrip("\n").split("\f"), 1):
            out[(doc, i)] = t
    return out


def score(name, texts, truth, kinds):
    rows = {}
    for key, t in truth.items():
        got, want = flat(texts.get(key, "")), flat(t)
        e, (m, n) = levenshtein(got, want), word_miss(got, want)
        for k in ("all", kinds[key]):
            a = rows.setdefault(k, [0, 0, 0, 0])
            a[0] += e; a[1] += len(want); a[2] += m; a[3] += n
    return rows


def report(results):
    kinds = list(next(iter(results.values())).keys())
    print(f"{'':24}" + "".join(f"{k:>20}" for k in kinds))
    for name, rows in results.items():
        print(f"{name:24}" + "".join(f"{rows[k][0] / rows[k][1]:8.2%} {rows[k][2] / rows[k][3]:8.2%}   " for k in kinds))
    print("(each cell: CER, word miss)")


def chosen_renderings(data):
    """(document, page) → (dpi, crop x, y, w, h or None) from the steps hoso recorded."""
    db = sqlite3.connect(os.path.join(data, "catalogue.sqlite"))
    out = {}
    for doc, n, steps in db.execute("SELECT documentID, number, preprocessing FROM page"):
        dpi, crop = 300, None
        m = re.search(r'"(?:render|scale):(\d+)"', steps)
        if m:
            dpi = int(m.group(1))
        m = re.search(r'"crop:(\d+),(\d+),(\d+),(\d+)"', steps)
        if m:
            crop = tuple(int(v) for v in m.groups())
        blank = '"blank"' in steps
        out[(doc, n)] = (dpi, crop, blank)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hoso", default=os.path.join(ROOT, ".build", "release", "hoso"))
    ap.add_argument("--set")
    ap.add_argument("--docs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--keep")
    ap.add_argument("--skip-layer", action="store_true")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="hoso-ingest-bench-")
    bset = args.set or os.path.join(work, "set")
    if not os.path.exists(os.path.join(bset, "pages.tsv")):
        subprocess.run([sys.executable, os.path.join(HERE, "make_set.py"), bset, str(args.docs), str(args.seed)],
                       check=True, stdout=subprocess.DEVNULL)
    truth, kinds = {}, {}
    with open(os.path.join(bset, "pages.tsv"), encoding="utf-8") as fh:
        fh.readline()
        for line in fh:
            doc, n, kind = line.split("\t")[:3]
            key = (doc, int(n))
            kinds[key] = kind
            truth[key] = open(os.path.join(bset, "truth", f"{doc}__{n}.txt"), encoding="utf-8").read()
    pdfs = sorted({doc for doc, _ in truth})
    n = len(truth)
    print(f"set: {bset}  pages: {n}  jobs: {args.jobs}  rounds: {args.rounds}  load before: {load()}")
    results, speeds = {}, {}

    if not args.skip_layer:
        layer = os.path.join(bset, "layer")
        tt, ht = [], []
        for r in range(args.rounds):
            out = os.path.join(work, "pdftotext")
            shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
            tt.append(parallel([f"pdftotext '{layer}/scans/{d}.pdf' '{out}/{d}.txt'" for d in pdfs], args.jobs))
            data = os.path.join(work, "data-layer")
            shutil.rmtree(data, ignore_errors=True)
            ht.append(timed([args.hoso, "ingest", layer, "--data", data, "--workers", str(args.jobs)]))
        texts = {}
        for d in pdfs:
            for i, t in enumerate(open(os.path.join(work, "pdftotext", f"{d}.txt"), encoding="utf-8").read()
                                  .rstrip("\f").split("\f"), 1):
                texts[(d, i)] = t
        results["pdftotext (layer)"] = score("pdftotext", texts, truth, kinds)
        results["hoso ingest (layer)"] = score("hoso", hoso_texts(args.hoso, data, truth), truth, kinds)
        speeds["layer"] = (statistics.median(tt), statistics.median(ht), tt, ht)

    ocr = os.path.join(bset, "ocr")
    images = os.path.join(work, "images")
    tess = os.path.join(work, "tesseract")
    data = os.path.join(work, "data-ocr")
    tt, ht = [], []
    commands = None
    for r in range(args.rounds):
        shutil.rmtree(data, ignore_errors=True)
        ht.append(timed([args.hoso, "ingest", ocr, "--data", data, "--workers", str(args.jobs)]))
        if commands is None:
            # the pages as hoso rendered them, for tesseract (not timed)
            os.makedirs(images, exist_ok=True)
            commands = []
            for (doc, page), (dpi, crop, blank) in sorted(chosen_renderings(data).items()):
                base = os.path.join(images, f"{doc}__{page}")
                cmd = ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
                if crop:
                    cmd += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
                subprocess.run(cmd + [f"{ocr}/scans/{doc}.pdf", base], check=True)
                if not blank:
                    commands.append(f"tesseract '{base}.pgm' '{tess}/{doc}__{page}' -l vie --dpi {dpi}")
        shutil.rmtree(tess, ignore_errors=True); os.makedirs(tess)
        tt.append(parallel(commands, args.jobs))
        print(f"round {r + 1}: hoso {ht[-1]:.1f} s, tesseract {tt[-1]:.1f} s (load {load()})")
    texts = {}
    for key in truth:
        p = os.path.join(tess, f"{key[0]}__{key[1]}.txt")
        texts[key] = open(p, encoding="utf-8").read() if os.path.exists(p) else ""
    results["tesseract -l vie"] = score("tesseract", texts, truth, kinds)
    hoso_ocr = hoso_texts(args.hoso, data, truth)
    results["hoso ingest (OCR)"] = score("hoso", hoso_ocr, truth, kinds)
    speeds["ocr"] = (statistics.median(tt), statistics.median(ht), tt, ht)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        for key, t in hoso_ocr.items():
            open(os.path.join(args.keep, f"hoso__{key[0]}__{key[1]}.txt"), "w", encoding="utf-8").write(t)
        for key, t in texts.items():
            open(os.path.join(args.keep, f"tess__{key[0]}__{key[1]}.txt"), "w", encoding="utf-8").write(t)

    print(f"load after: {load()}")
    for what, (t, h, ts, hs) in speeds.items():
        ref = "pdftotext" if what == "layer" else "tesseract"
        print(f"{what:6} {ref}: {n / t:6.2f} pages/s   hoso: {n / h:6.2f} pages/s   ratio hoso/{ref}: {t / h:.2f}"
              f"  (rounds: {', '.join(f'{a:.1f}/{b:.1f} s' for a, b in zip(ts, hs))})")
    report(results)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
