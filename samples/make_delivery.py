#!/usr/bin/env python3
"""Build samples/delivery: the shapes real contractors hand over, with the same records as CSV twins.

    python3 samples/make_delivery.py          (or scripts/make_samples.sh, which runs it after make_samples.py)

Writes, under samples/delivery/:
  xlsx/metadata.xlsx + xlsx/PDF_Files/<Phông>/hopso01/hoso0N/*.pdf   an Excel delivery, every quirk of real sheets
  sip/SIP_hoso_<Mã hồ sơ>.zip                                        a TT 05/2025 package (E-ARK CSIP 2.0.4)
  twins/{xlsx,sip}/ho_so.csv + tai_lieu.csv                          the same records in the CSV layout
  truth/<document id>/<page>.txt, layers.tsv                         true page text; each page's layer quality
  README.md                                                          what is where and why (delivery_readme.py)
  check/sach/, check/loi/                                            a clean and a faulty delivery for `hoso check`
                                                                     (delivery_check.py; check/loi/EXPECTED.md)

Every PDF is two-layer PDF/A-2b (identified in its XMP metadata) and mixed-raster as a contractor's scanning software makes it: a 150 ppi colour JPEG
background (paper, seal, signature; the text only as a faint ghost), 300 ppi 1-bit foreground masks (black
print; blue handwriting), and an invisible text layer (Tr 3, a GlyphLessFont Type0 font with a ToUnicode
CMap, as Tesseract writes it) from "the contractor's OCR", good on most pages, poor on some, absent on one.

Python 3.9+ with Pillow (Debian python3-pil) and fonts-noto-core. Deterministic: a fixed seed drives every
random choice; no dates of the run go into any output (the PDFs, the xlsx and the zip carry fixed ones).

This script runs the jobs of samples/delivery_*.py: content (the records and page texts), scan (a page as
raster layers, handwriting), ocr (the contractor's text layer), pdf (the two-layer PDF writer), xlsx, package
(the SIP), twins (the CSVs), readme; zip (fixed time stamps).
"""
import hashlib
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

try:
    import PIL  # noqa: F401
except ImportError:
    sys.exit("make_delivery.py: Pillow is missing (apt-get install python3-pil, or pip install pillow)")

import delivery_check  # noqa: E402
import render  # noqa: E402
from delivery_content import DOCS, FILE, FILES, SF, plain  # noqa: E402
from delivery_ocr import ocr_words  # noqa: E402
from delivery_package import build_sip  # noqa: E402
from delivery_pdf import write_mrc_pdf  # noqa: E402
from delivery_readme import write_readme  # noqa: E402
from delivery_scan import DPI, page_tokens, scan_page  # noqa: E402
from delivery_twins import (TWIN_SIP_HO_SO, TWIN_SIP_TAI_LIEU, TWIN_XLSX_HO_SO,  # noqa: E402
                            TWIN_XLSX_TAI_LIEU, write_twin)
from delivery_xlsx import build_xlsx  # noqa: E402
from render import nfc  # noqa: E402

SEED = 20250702
OUT = os.path.join(HERE, "delivery")


def page_rng(doc_id, n, what="page"):
    return random.Random("%d:%s:%s:%d" % (SEED, what, doc_id, n))


def render_document(d, path):
    """Lays out, scans and writes document d as a two-layer mixed-raster PDF; fills d's pages."""
    L, pages = render.layout_document(d, DPI)
    out, d["pages"] = [], []
    for n, page in enumerate(pages, 1):
        rng = page_rng(d["id"], n)
        bg, ink, hand, angle = scan_page(L, page, rng, d["ghost"])
        quality = d["layers"].get(n, "good")
        tokens = page_tokens(page)
        words, damaged, layer = None, len(tokens), ""
        if quality != "none":
            words, damaged, layer = ocr_words(tokens, quality, page_rng(d["id"], n, "ocr"))
        truth = nfc(plain(page.truth()))
        assert len(truth.split()) == len(tokens), d["id"]
        out.append(dict(L=L, bg=bg, ink=ink, hand=hand, angle=angle, words=words))
        d["pages"].append(dict(n=n, truth=truth, quality=quality, words=len(tokens), damaged=damaged,
                               layer=layer, hand=sum(1 for t in tokens if t.hand)))
    data = write_mrc_pdf(path, out, d["trich_yeu"], ccitt=d["delivery"] == "sip")
    d["size"] = len(data)
    d["sha256"] = hashlib.sha256(data).hexdigest()
    return data


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    xdir, sdir = os.path.join(OUT, "xlsx"), os.path.join(OUT, "sip")
    os.makedirs(sdir)
    pdfs = {}
    for d in DOCS:
        f = FILE[d["file"]]
        path = None
        if d["delivery"] == "xlsx":
            folder = os.path.join(xdir, "PDF_Files", nfc(f["phong"]), "hopso01", f["folder"])
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, d["id"] + ".pdf")
        print("  %-36s %s" % (d["id"], d["delivery"]), file=sys.stderr)
        pdfs[d["id"]] = render_document(d, path)
        for p in d["pages"]:
            for sub, text in (("truth", p["truth"]), ("layer", p["layer"])):
                if sub == "layer" and p["quality"] == "none":
                    continue
                tdir = os.path.join(OUT, sub, d["id"])
                os.makedirs(tdir, exist_ok=True)
                with open(os.path.join(tdir, "%d.txt" % p["n"]), "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(nfc(text))
    for f in FILES:
        fd = [d for d in DOCS if d["file"] == f["id"]]
        f["ndocs"], f["npages"] = len(fd), sum(len(d["pages"]) for d in fd)

    xdocs = [d for d in DOCS if d["delivery"] == "xlsx"]
    sdocs = [d for d in DOCS if d["delivery"] == "sip"]
    build_xlsx(xdocs, os.path.join(xdir, "metadata.xlsx"))
    build_sip(FILE[SF], sdocs, pdfs, os.path.join(sdir, "SIP_hoso_%s.zip" % SF))

    for name, docs, fh_cols, dh_cols in (("xlsx", xdocs, TWIN_XLSX_HO_SO, TWIN_XLSX_TAI_LIEU),
                                         ("sip", sdocs, TWIN_SIP_HO_SO, TWIN_SIP_TAI_LIEU)):
        tdir = os.path.join(OUT, "twins", name)
        os.makedirs(tdir)
        fids = []
        for d in docs:
            if d["file"] not in fids:
                fids.append(d["file"])
        write_twin(tdir, [FILE[i] for i in fids], docs, fh_cols, dh_cols)

    with open(os.path.join(OUT, "layers.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("document_id\tpage\tlayer\tdamaged_share\twords\tdamaged\thandwritten\tdelivery\n")
        for d in DOCS:
            for p in d["pages"]:
                fh.write("%s\t%d\t%s\t%.3f\t%d\t%d\t%d\t%s\n" % (d["id"], p["n"], p["quality"],
                                                               p["damaged"] / p["words"], p["words"], p["damaged"],
                                                               p["hand"], d["delivery"]))
    write_readme(DOCS, OUT, SEED)
    delivery_check.main()
    total = 0
    for root, _, names in os.walk(OUT):
        total += sum(os.path.getsize(os.path.join(root, n)) for n in names)
    print("%d documents, %d pages, %.2f MB in %s" % (len(DOCS), sum(len(d["pages"]) for d in DOCS), total / 1e6,
                                                     os.path.relpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
