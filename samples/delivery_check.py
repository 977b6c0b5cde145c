#!/usr/bin/env python3
"""Two deliveries for the acceptance report (`hoso check`), in the CSV layout of CONTRACT.md with two-layer
PDF/A scans:

  check/sach/   clean: hồ sơ 000.00.64.H49.12.2017.K4.01.02, 3 documents, 6 pages; every TT 05 requirement met
  check/loi/    faulty: both hồ sơ of the xlsx delivery, with one defect planted per document (check/loi/EXPECTED.md)

    python3 samples/delivery_check.py      (make_delivery.py runs it too)

The records and page texts are those of the xlsx delivery (delivery_content.py); every page's text layer is exact
(the true words, handwriting included), so that the only defects are the planted ones. Deterministic (its own seed).
"""
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

from PIL import ImageChops  # noqa: E402

import render  # noqa: E402
from delivery_content import DOCS, FILE, XF1, XF2  # noqa: E402
from delivery_ocr import ocr_words  # noqa: E402
from delivery_pdf import write_mrc_pdf  # noqa: E402
from delivery_scan import DPI, page_tokens, scan_page  # noqa: E402
from delivery_twins import TWIN_XLSX_HO_SO, TWIN_XLSX_TAI_LIEU, doc_row, file_row  # noqa: E402
from make_samples import write_csv  # noqa: E402
from render import nfc  # noqa: E402

SEED = 20250703
OUT = os.path.join(HERE, "delivery", "check")
HO_SO_COLUMNS = TWIN_XLSX_HO_SO[:10] + ["Số lượng trang"] + TWIN_XLSX_HO_SO[10:]

# The faulty delivery: document id → (what is planted, how). Page numbers are the delivered pages.
PLANTED = {
    XF1 + ".001": ("trang 1 quét ở 150 dpi (một ảnh màu phủ trang, không có lớp chữ đen 300 ppi)", dict(flat={1: 150})),
    XF1 + ".002": ("trang 2 xám (nền DeviceGray) trong tệp màu", dict(grey={2})),
    XF1 + ".003": ("không giao: thiếu số thứ tự 3 trong hồ sơ (Tổng số tài liệu 4)", dict(missing=True)),
    XF1 + ".004": ("trang 1 quét hai lần: trang 2 gần trùng trang 1 (nén lại, lệch 2 điểm ảnh); 3 trang",
                   dict(doubled=1)),
    XF2 + ".001": ("Số lượng trang ghi 3, tệp có 2 trang", dict(count=3)),
    XF2 + ".002": ("trang 2 trắng (chỉ có nền giấy) chèn giữa hai trang; 3 trang", dict(blank=2)),
    XF2 + ".003": ("tệp không phải PDF/A (không có định danh pdfaid trong XMP)", dict(pdfa=False)),
}


def page_rng(doc_id, n, what="page"):
    return random.Random("%d:%s:%s:%d" % (SEED, what, doc_id, n))


def shifted(image, dx, dy, fill):
    """The image moved by (dx, dy) pixels, the uncovered edge filled."""
    out = ImageChops.offset(image, dx, dy)
    if fill is not None:
        out.paste(fill, (0, 0, image.width, dy))
        out.paste(fill, (0, 0, dx, image.height))
    return out


def scanned_pages(d, plant):
    """The PDF pages of document d, each a dict for write_mrc_pdf, with the planted defect applied."""
    L, pages = render.layout_document(d, DPI)
    out = []
    for n, page in enumerate(pages, 1):
        bg, ink, hand, angle = scan_page(L, page, page_rng(d["id"], n), d["ghost"])
        words, _, _ = ocr_words(page_tokens(page), "exact", page_rng(d["id"], n, "ocr"))
        p = dict(L=L, bg=bg, ink=ink, hand=hand, angle=angle, words=words)
        if n in plant.get("flat", {}):
            p["flat_dpi"] = plant["flat"][n]
        out.append(p)
        if plant.get("doubled") == n:
            again = dict(p, bg=shifted(bg, 1, 1, None), ink=shifted(ink, 2, 2, 1), hand=shifted(hand, 2, 2, 1),
                         bg_quality=70)
            out.append(again)
    if "blank" in plant:
        bg = out[0]["bg"]
        paper = scan_page(L, render.Page(), page_rng(d["id"], 0, "blank"), 0)[0]
        out.insert(plant["blank"] - 1, dict(L=L, bg=paper, ink=None, hand=None, angle=0, words=None, blank=True))
        assert paper.size == bg.size
    for n in plant.get("grey", ()):
        out[n - 1]["grey"] = True
    return out


def build(name, docs, planted):
    folder = os.path.join(OUT, name)
    os.makedirs(folder)
    rows, delivered = [], []
    for d in docs:
        plant = planted.get(d["id"], (None, {}))[1]
        if plant.get("missing"):
            continue
        print("  check/%-4s %s" % (name, d["id"]), file=sys.stderr)
        pages = scanned_pages(d, plant)
        scans = os.path.join(folder, d["file"])
        os.makedirs(scans, exist_ok=True)
        write_mrc_pdf(os.path.join(scans, d["id"] + ".pdf"), pages, d["trich_yeu"], pdfa=plant.get("pdfa", True))
        d = dict(d, pages=pages)
        row = doc_row(d)
        row["Tệp"] = d["file"] + "/" + d["id"] + ".pdf"
        row["Số lượng trang"] = plant.get("count", len(pages))
        row["Ghi chú"] = ""
        rows.append(row)
        delivered.append(len(pages))
    files = []
    for fid in dict.fromkeys(d["file"] for d in docs):
        f = dict(FILE[fid])
        fdocs = [d for d in docs if d["file"] == fid]
        f["ndocs"] = len(fdocs)
        f["npages"] = sum(r["Số lượng trang"] for r in rows if r["Mã hồ sơ"] == fid)
        # pages of a document not delivered still count in its hồ sơ's totals, as the paper file has them
        for d in fdocs:
            if planted.get(d["id"], (None, {}))[1].get("missing"):
                f["npages"] += len(render.layout_document(d, DPI)[1])
        files.append(f)
    write_csv(os.path.join(folder, "ho_so.csv"), HO_SO_COLUMNS, [file_row(f) for f in files], False)
    write_csv(os.path.join(folder, "tai_lieu.csv"), TWIN_XLSX_TAI_LIEU, rows, False)
    return len(rows), sum(delivered)


def write_expected(documents, pages):
    lines = ["# check/loi: the defects planted (samples/delivery_check.py)", "",
             "`hoso check samples/delivery/check/loi` must report each of these; `check/sach` must report nothing.", "",
             "| document | defect planted |", "|---|---|"]
    for did, (what, _) in PLANTED.items():
        lines.append("| `%s` | %s |" % (did, what))
    lines += ["", "What follows from them, reported at the hồ sơ: `%s` gives Tổng số tài liệu 4 and Số lượng trang/tờ 8"
              " (the missing document's pages included) for 3 documents and 6 pages; `%s` gives Số lượng trang/tờ 8"
              " (its first document's wrong count included) for 7 pages." % (XF1, XF2),
              "", "Delivered: %d documents, %d pages; refused: the 150 dpi, grey, doubled and blank pages, and every"
              " page of the document with the wrong count and of the one that is not PDF/A (8)." % (documents, pages), ""]
    with open(os.path.join(OUT, "loi", "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(nfc("\n".join(lines)))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    xdocs = [d for d in DOCS if d["file"] in (XF1, XF2)]
    build("sach", [d for d in xdocs if d["file"] == XF2], {})
    write_expected(*build("loi", xdocs, PLANTED))


if __name__ == "__main__":
    main()
