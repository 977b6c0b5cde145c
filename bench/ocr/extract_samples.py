#!/usr/bin/env python3
"""Extracts every page of the sample batch into one image file per page, for bare Tesseract.

    python3 bench/ocr/extract_samples.py BATCH_DIR TRUTH_DIR OUT_DIR

For each true page TRUTH_DIR/<id>/<n>.txt it writes OUT_DIR/<id>__<n>.<ext> (the page image) and
OUT_DIR/<id>__<n>.txt (the truth, for score.py). PDF pages: the page's embedded image as it is
(`pdfimages -j`), with its resolution from `pdfimages -list` written into a PNG copy when it is not a
JPEG; TIFF pages and PNGs are written as PNG; JPEG pages of image folders are copied. The scan
resolution is kept in every file, so Tesseract gets the same dpi that hoso reads.
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

from PIL import Image


def pdf_page(path, n, dest):
    listing = subprocess.run(["pdfimages", "-f", str(n), "-l", str(n), "-list", path],
                             capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    ppi = int(listing[0].split()[12]) if listing else 200
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdfimages", "-f", str(n), "-l", str(n), "-j", path, os.path.join(tmp, "img")], check=True)
        files = sorted(os.listdir(tmp))
        src = os.path.join(tmp, files[0])
        image = Image.open(src)
        if src.endswith(".jpg"):
            # JPEG as it is, with its dpi set in the JFIF header (re-saving would recompress it).
            out = dest + ".jpg"
            shutil.copy(src, out)
            if image.info.get("dpi", (0, 0))[0] < 50:
                with open(out, "r+b") as f:
                    data = bytearray(f.read())
                    if data[2:4] == b"\xff\xe0" and data[6:11] == b"JFIF\0":
                        data[13] = 1
                        data[14:16] = ppi.to_bytes(2, "big")
                        data[16:18] = ppi.to_bytes(2, "big")
                        f.seek(0)
                        f.write(data)
            return out
        out = dest + ".png"
        image.save(out, dpi=(ppi, ppi))
        return out


def main():
    batch, truth, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    paths = {}
    with open(os.path.join(batch, "tai_lieu.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            paths[f"{row['Mã hồ sơ']}.{row['Số thứ tự']}"] = os.path.join(batch, row["Tệp"])
    count = 0
    for doc in sorted(os.listdir(truth)):
        scan = paths.get(doc)
        if scan is None:
            continue
        for name in sorted(os.listdir(os.path.join(truth, doc))):
            if not name.endswith(".txt"):
                continue
            n = int(name[:-4])
            dest = os.path.join(out, f"{doc}__{n}")
            if os.path.isdir(scan):
                pages = sorted(p for p in os.listdir(scan) if not p.startswith("."))
                src = os.path.join(scan, pages[n - 1])
                shutil.copy(src, dest + os.path.splitext(src)[1].lower())
            elif scan.lower().endswith(".pdf"):
                pdf_page(scan, n, dest)
            else:
                image = Image.open(scan)
                image.seek(n - 1)
                dpi = image.info.get("dpi", (200, 200))
                image.save(dest + ".png", dpi=(round(dpi[0]), round(dpi[1])))
            shutil.copy(os.path.join(truth, doc, name), dest + ".txt")
            count += 1
    print(count)


if __name__ == "__main__":
    main()
