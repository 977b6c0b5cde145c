#!/usr/bin/env python3
"""Writes the real-shaped bench set: mixed-raster two-layer PDFs (pages.py) as a delivery hoso ingests.

    /usr/bin/python3 bench/ingest/make_set.py OUT [DOCS] [SEED] [LONG]

Needs Pillow and the fonts the pages are set in (Debian: python3-pil fonts-noto-core fonts-dejavu-core
fonts-liberation2).

OUT/ocr/     ho_so.csv, tai_lieu.csv, scans/<id>.pdf: the pages with NO text layer (hoso must recognise them)
OUT/layer/   the same pages with a good contractor's layer (the true words in their boxes)
OUT/truth/   <id>__<n>.txt, the true text of each page in reading order (heading: left column, then right)
OUT/pages.tsv  id, page, kind, words, heading lines left/right
With LONG (a fourth argument), also OUT/long-layer/ and OUT/long-ocr/: one document of LONG pages (the set's pages
over and over), with and without its layer, for peak memory on a long PDF.
Each document has two pages of different kinds; kinds cycle over dense, table, form (handwritten numbers),
typewriter, photocopy and stamp.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import content  # noqa: E402
import pages  # noqa: E402
from delivery_pdf import write_mrc_pdf  # noqa: E402  (samples/, put on the path by pages)

KINDS = ["dense", "table", "typewriter", "photocopy", "form", "stamp"]
HO_SO = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Ngôn ngữ",
         "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng tờ", "Số lượng trang",
         "Tình trạng vật lý", "Mức độ tin cậy"]
TAI_LIEU = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
            "Cơ quan ban hành", "Trích yếu nội dung", "Ngôn ngữ", "Số lượng trang", "Chế độ sử dụng"]


def write_batch(folder, file_id, ndocs, npages, rows):
    with open(os.path.join(folder, "ho_so.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HO_SO)
        w.writerow([file_id, "UBND huyện Lắk", "Bộ trang đo tốc độ và chất lượng nhận dạng", "01", "Công khai",
                    "01", "01/01/1986", "31/12/2012", str(ndocs), str(npages), str(npages), "Bình thường", "Số hóa"])
    with open(os.path.join(folder, "tai_lieu.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(TAI_LIEU)
        w.writerows(rows)


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    out = sys.argv[1]
    ndocs = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2027
    for sub in ("ocr/scans", "layer/scans", "truth"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    long = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    file_id = f"H99.01.02.{seed}.001"
    rows, meta, every = [], [], []
    k = 0
    for d in range(1, ndocs + 1):
        doc_id = f"{file_id}.{d}"
        sheets = []
        for n in (1, 2):
            kind = KINDS[k % len(KINDS)]
            k += 1
            rng = content.rng_for(seed, doc_id, n)
            doc = content.document(rng, kind)
            s = pages.layout(rng, kind, doc)
            bg, ink, hand, angle = pages.scan(s, rng)
            sheets.append(dict(L=s, bg=bg, ink=ink, hand=hand, angle=angle, words=pages.text_layer_words(s)))
            text = pages.truth(s)
            with open(os.path.join(out, "truth", f"{doc_id}__{n}.txt"), "w", encoding="utf-8") as fh:
                fh.write(text)
            meta.append([doc_id, n, kind, len(text.split()), len(doc["left"]), len(doc["right"])])
        every += sheets
        name = f"scans/{doc_id}.pdf"
        write_mrc_pdf(os.path.join(out, "layer", name), sheets, doc["title"])
        write_mrc_pdf(os.path.join(out, "ocr", name), [dict(p, words=None) for p in sheets], doc["title"])
        rows.append([file_id, d, name, "Công văn", str(d), "UBND", "12/03/1994", "UBND huyện Lắk",
                     f"Trang mẫu số {d} của bộ đo", "Tiếng Việt", "2", "Công khai"])
    for sub in ("ocr", "layer"):
        write_batch(os.path.join(out, sub), file_id, ndocs, 2 * ndocs, rows)
    if long:
        pages_long = [every[i % len(every)] for i in range(long)]
        for sub, layer in (("long-layer", True), ("long-ocr", False)):
            os.makedirs(os.path.join(out, sub, "scans"), exist_ok=True)
            doc_id = f"{file_id}.1"
            write_mrc_pdf(os.path.join(out, sub, "scans", f"{doc_id}.pdf"),
                          pages_long if layer else [dict(p, words=None) for p in pages_long], "Tập dài")
            write_batch(os.path.join(out, sub), file_id, 1, long,
                        [[file_id, 1, f"scans/{doc_id}.pdf", "Công văn", "1", "UBND", "12/03/1994", "UBND huyện Lắk",
                          "Tập hồ sơ dài", "Tiếng Việt", str(long), "Công khai"]])
    with open(os.path.join(out, "pages.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tpage\tkind\twords\tleft\tright\n")
        for m in meta:
            fh.write("\t".join(str(v) for v in m) + "\n")
    print(2 * ndocs)


if __name__ == "__main__":
    main()
