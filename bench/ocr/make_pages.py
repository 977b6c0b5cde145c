#!/usr/bin/env python3
"""Make a small benchmark set of page images with their true text, degraded like real scans.

    python3 bench/ocr/make_pages.py OUT_DIR [N] [DPI]

Renders the Vietnamese pages of Tests/OCRTests/make_fixtures.py and degrades each copy the way
archive scans are: 200 dpi colour or grey, slight skew, blur, paper noise, JPEG compression, some
pages upside down. Writes OUT_DIR/NNN.jpg|png and OUT_DIR/NNN.txt (true text).
"""
import os
import random
import sys

from PIL import Image, ImageFilter

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "OCRTests"))
import make_fixtures as mf  # noqa: E402


def degrade(img, rng, i):
    ops = []
    angle = rng.uniform(-3, 3) if i % 3 else 0
    if angle:
        img = img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
        ops.append(f"skew{angle:+.1f}")
    if i % 4 == 1:
        img = img.filter(ImageFilter.GaussianBlur(0.8))
        ops.append("blur")
    if i % 6 == 5:
        # A poor scan: soft focus, then shrunk to 150 dpi and back (lost detail, still tagged 200 dpi).
        w, h = img.size
        img = img.filter(ImageFilter.GaussianBlur(1.0)).resize((w * 3 // 4, h * 3 // 4), Image.BILINEAR).resize((w, h), Image.BILINEAR)
        ops.append("soft")
    if i % 5 == 2:
        noise = Image.effect_noise(img.size, 25).point(lambda v: max(0, v - 128))
        img = Image.eval(Image.merge("L", [img]), lambda v: v)
        img = Image.blend(img, Image.eval(noise, lambda v: 255 - v), 0.25)
        ops.append("noise")
    if i % 7 == 3:
        img = img.rotate(180)
        ops.append("rot180")
    return img, ops


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    dpi = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    makers = [mf.page_quyet_dinh, mf.page_dieu_2, mf.page_bien_ban, mf.page_to_trinh, mf.page_cong_van]
    for i in range(n):
        page = makers[i % len(makers)]()
        img, ops = degrade(page.img, rng, i)
        name = f"{i + 1:03d}"
        if dpi != 200:
            img = img.resize((img.width * dpi // 200, img.height * dpi // 200), Image.LANCZOS)
        if i % 2 == 0:
            mf.tint(img).save(os.path.join(out, name + ".jpg"), quality=60, dpi=(dpi, dpi))
        else:
            img.save(os.path.join(out, name + ".png"), dpi=(dpi, dpi))
        with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(page.truth) + "\n")
        print(name, " ".join(ops))


if __name__ == "__main__":
    main()
