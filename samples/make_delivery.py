#!/usr/bin/env python3
"""Build samples/delivery: the shapes real contractors hand over, with the same records as CSV twins.

    python3 samples/make_delivery.py          (or scripts/make_samples.sh, which runs it after make_samples.py)

Writes, under samples/delivery/:
  xlsx/metadata.xlsx + xlsx/PDF_Files/<Phông>/hopso01/hoso0N/*.pdf   an Excel delivery, every quirk of real sheets
  sip/SIP_hoso_<Mã hồ sơ>.zip                                        a TT 05/2025 package (E-ARK CSIP 2.0.4)
  twins/{xlsx,sip}/ho_so.csv + tai_lieu.csv                          the same records in the CSV layout
  truth/<document id>/<page>.txt, layers.tsv                         true page text; each page's layer quality
  README.md                                                          what is where and why (text lives here)

Every PDF is two-layer and mixed-raster as a contractor's scanning software makes it: a 150 ppi colour JPEG
background (paper, seal, signature; the text only as a faint ghost), 300 ppi 1-bit foreground masks (black
print; blue handwriting), and an invisible text layer (Tr 3, a GlyphLessFont Type0 font with a ToUnicode
CMap, as Tesseract writes it) from "the contractor's OCR", good on most pages, poor on some, absent on one.

Python 3.9+ with Pillow (Debian python3-pil) and fonts-noto-core. Deterministic: a fixed seed drives every
random choice; no dates of the run go into any output (the PDFs, the xlsx and the zip carry fixed ones).
"""
import csv
import hashlib
import io
import math
import os
import random
import re
import shutil
import struct
import sys
import unicodedata
import zipfile
import zlib
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps  # noqa: E402
except ImportError:
    sys.exit("make_delivery.py: Pillow is missing (apt-get install python3-pil, or pip install pillow)")

import corpus  # noqa: E402
import render  # noqa: E402
from corpus import A, C, I, KG, P, S, T, ky, noi_nhan, sign  # noqa: E402

SEED = 20250702
OUT = os.path.join(HERE, "delivery")
DPI = 300          # layout and foreground masks
BG_DPI = 150       # background JPEG
BG_QUALITY = 60
ZIP_TIME = (2025, 6, 30, 8, 0, 0)          # the fixed time stamp of every zip entry (xlsx and SIP)
PACKAGE_TIME = "2025-06-30T08:00:00+07:00"  # the fixed creation time METS and EAD carry
PRODUCER = "MRC ScanSuite 4.2 (OCR: contractor engine vie)"
INK_RGB = (0.08, 0.08, 0.10)
HAND_RGB = (0.12, 0.20, 0.56)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def plain(s):
    """Text without the handwriting marks `{…}`."""
    return s.replace("{", "").replace("}", "")


# =============================================================================================
# Handwriting: digits written in blue ink, slanted, with jittered strokes
# =============================================================================================
# Strokes in a unit box: x 0..1 across, y 0 (top of a digit) .. 1 (baseline).
HAND = {
    "0": [[(0.5, 0.0), (0.15, 0.2), (0.1, 0.62), (0.35, 1.0), (0.75, 0.9), (0.9, 0.45), (0.72, 0.06), (0.45, 0.02)]],
    "1": [[(0.15, 0.28), (0.55, 0.0), (0.42, 1.0)]],
    "2": [[(0.12, 0.25), (0.35, 0.02), (0.72, 0.05), (0.82, 0.3), (0.55, 0.62), (0.1, 1.0), (0.5, 0.95),
           (0.95, 0.98)]],
    "3": [[(0.12, 0.12), (0.5, 0.0), (0.82, 0.18), (0.68, 0.4), (0.4, 0.48), (0.8, 0.6), (0.88, 0.82),
           (0.55, 1.0), (0.1, 0.88)]],
    "4": [[(0.6, 0.0), (0.08, 0.68), (0.95, 0.68)], [(0.7, 0.28), (0.62, 1.0)]],
    "5": [[(0.88, 0.02), (0.28, 0.05)], [(0.28, 0.05), (0.2, 0.45), (0.55, 0.38), (0.85, 0.6), (0.78, 0.9),
                                         (0.45, 1.0), (0.1, 0.88)]],
    "6": [[(0.8, 0.04), (0.4, 0.15), (0.15, 0.55), (0.3, 0.96), (0.7, 0.95), (0.84, 0.7), (0.55, 0.5),
           (0.18, 0.62)]],
    "7": [[(0.06, 0.05), (0.92, 0.02), (0.52, 0.5), (0.35, 1.0)]],
    "8": [[(0.55, 0.48), (0.2, 0.28), (0.35, 0.02), (0.75, 0.05), (0.78, 0.28), (0.5, 0.48), (0.15, 0.72),
           (0.35, 1.0), (0.75, 0.95), (0.85, 0.72), (0.55, 0.48)]],
    "9": [[(0.84, 0.3), (0.55, 0.02), (0.2, 0.15), (0.25, 0.45), (0.6, 0.5), (0.84, 0.3), (0.75, 0.7),
           (0.6, 1.0)]],
    ",": [[(0.35, 0.86), (0.4, 0.95), (0.18, 1.18)]],
    ".": [[(0.3, 0.92), (0.38, 0.97), (0.3, 1.0)]],
    "/": [[(0.95, -0.05), (0.05, 1.05)]],
}
HAND_WIDTH = {"1": 0.42, ",": 0.32, ".": 0.3, "/": 0.55}


def _catmull(pts, steps=8):
    if len(pts) < 3:
        return pts
    P_ = [pts[0]] + pts + [pts[-1]]
    out = []
    for i in range(1, len(P_) - 2):
        p0, p1, p2, p3 = P_[i - 1], P_[i], P_[i + 1], P_[i + 2]
        for k in range(steps):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * p1[j] + (-p0[j] + p2[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                    + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in range(2)))
    out.append(pts[-1])
    return out


def hand_width(text, h):
    return sum(HAND_WIDTH.get(ch, 0.62) * h * 1.08 for ch in text)


def draw_hand(draw, text, x, baseline, h, rng):
    """Writes `text` (digits, `,` `.` `/`) by hand from x on baseline, digit height h px, ink 0 on white."""
    slant = rng.uniform(0.18, 0.3)
    pen = max(3, round(h * rng.uniform(0.075, 0.095)))
    drift = 0.0
    for ch in text:
        w = HAND_WIDTH.get(ch, 0.62) * h
        s = h * rng.uniform(0.92, 1.08)
        drift += rng.uniform(-0.03, 0.03) * h
        for stroke in HAND.get(ch, []):
            pts = []
            for ux, uy in stroke:
                ux += rng.uniform(-0.045, 0.045)
                uy += rng.uniform(-0.04, 0.04)
                px = x + ux * w * (s / h) + (1 - uy) * slant * s
                py = baseline + drift - (1 - uy) * s
                pts.append((px, py))
            draw.line(_catmull(pts), fill=0, width=pen, joint="curve")
        x += w * 1.08 + rng.uniform(-0.04, 0.08) * h


# =============================================================================================
# The contractor's OCR: damaged words
# =============================================================================================
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
TONE_SWAP = {"\u0301": ["\u0309", "\u0300"], "\u0309": ["\u0301", "\u0303"], "\u0303": ["\u0309", "\u0301"],
             "\u0300": ["\u0323", "\u0301"], "\u0323": ["\u0300", ""]}
MODIFIERS = {"\u0302", "\u0306", "\u031b"}
CONFUSE = [("rn", "m"), ("m", "rn"), ("l", "I"), ("I", "l"), ("h", "b"), ("c", "e"), ("e", "c"), ("n", "ri"),
           ("Q", "Ọ"), ("D", "Ð"), ("t", "f"), ("u", "ụ"), ("i", "ì"), ("y", "ỵ")]
DIGIT_MISREAD = {"0": ["o", "O", "ơ"], "1": ["l", "ỉ", "i", "I"], "2": ["Z", "z"], "3": ["ẵ", "8"],
                 "4": ["A", "ạ"], "5": ["S", "s"], "6": ["ó", "b"], "7": ["T", "ĩ"], "8": ["B", "3"],
                 "9": ["g", "ọ"]}
HAND_MISREAD = {"0": ["o", "ơ", "6", "ọ"], "1": ["ũ", "l", "ỉ", "7", "i"], "2": ["z", "Z", "ả", "7"],
                "3": ["ỗ", "8", "ž"], "4": ["ụ", "A", "u", "ạ"], "5": ["s", "S", "ỗ", "6"],
                "6": ["ó", "b", "G", "đ"], "7": ["ĩ", "1", "T", "?"], "8": ["ẽ", "B", "3", "g"],
                "9": ["g", "ọ", "q", "4"], ",": [".", "", "'"], ".": [",", ""], "/": ["l", "|", "/ "]}


def _marks_op(word, rng, kind):
    d = unicodedata.normalize("NFD", word)
    idx = [i for i, ch in enumerate(d) if (ch in TONES if kind != "mod" else ch in MODIFIERS)]
    if not idx:
        return word
    i = rng.choice(idx)
    if kind == "drop" or kind == "mod":
        d = d[:i] + d[i + 1:]
    else:
        d = d[:i] + rng.choice(TONE_SWAP[d[i]]) + d[i + 1:]
    # a letter's vowel mark before its tone, so that NFC composes one character (ệ, not è + ̂)
    out, cluster = [], []
    for ch in d + "\0":
        if unicodedata.combining(ch):
            cluster.append(ch)
            continue
        out.extend(sorted(cluster, key=lambda c: c in TONES))
        cluster = []
        out.append(ch)
    return nfc("".join(out[:-1]))


def damage_printed(word, rng):
    """One OCR error in a printed word; may return the word unchanged when no error fits."""
    ops = ["drop", "swap", "mod", "dd", "confuse", "digit", "split", "punct", "drop", "swap"]
    rng.shuffle(ops)
    for op in ops:
        w = word
        if op in ("drop", "swap", "mod"):
            w = _marks_op(word, rng, op)
        elif op == "dd" and ("đ" in word or "Đ" in word):
            w = word.replace("đ", "d", 1).replace("Đ", "D", 1)
        elif op == "confuse":
            cands = [(a, b) for a, b in CONFUSE if a in word]
            if cands:
                a, b = rng.choice(cands)
                w = word.replace(a, b, 1)
        elif op == "digit":
            ds = [i for i, ch in enumerate(word) if ch in DIGIT_MISREAD]
            if ds:
                i = rng.choice(ds)
                w = word[:i] + rng.choice(DIGIT_MISREAD[word[i]]) + word[i + 1:]
        elif op == "split" and len(word) >= 4:
            i = rng.randint(1, len(word) - 2)
            w = word[:i] + " " + word[i:]
        elif op == "punct":
            if word.endswith(":"):
                w = word[:-1] + " :"
            elif word.endswith((",", ";", ".")):
                w = word[:-1] + rng.choice(["", ".", ",", ":"])
            elif "/" in word:
                w = word.replace("/", " / ", 1)
        if w != word:
            return w
    return word


def damage_hand(token, rng):
    """The contractor's OCR reading a token whose `{…}` part was written by hand: always wrong."""
    out = []
    for part in re.split(r"(\{[^}]*\})", token):
        if part.startswith("{"):
            s = part[1:-1]
            chars = list(s)
            k = max(1, round(len(chars) * rng.uniform(0.4, 0.8)))
            for i in rng.sample(range(len(chars)), min(k, len(chars))):
                chars[i] = rng.choice(HAND_MISREAD.get(chars[i], [chars[i] + "'"]))
            r = "".join(chars)
            if len(r) >= 2 and rng.random() < 0.45:
                i = rng.randint(1, len(r) - 1)
                r = r[:i] + " " + r[i:]
            out.append(r if r != s else s[::-1] + "'")
        else:
            out.append(part)
    return "".join(out)


# =============================================================================================
# Pages: layout, the three layers, the text layer
# =============================================================================================

class Token:
    def __init__(self, x, baseline, width, size_px, raw):
        self.x, self.baseline, self.width, self.size_px, self.raw = x, baseline, width, size_px, raw
        self.truth = plain(raw)
        self.hand = "{" in raw


def page_tokens(page):
    """Every word on the page with its box, in reading order (the order of its lines)."""
    toks = []
    for li, ln in enumerate(page.lines):
        for x, text, f, colour in ln.words:
            for m in re.finditer(r"\S+", text):
                start = x + (f.getlength(text[:m.start()]) if m.start() else 0)
                t = Token(start, ln.baseline, f.getlength(m.group()), f.size, m.group())
                t.line = li
                toks.append(t)
    return toks


def draw_layers(L, page, rng):
    """The page's printed ink (L, 300 ppi), handwriting (L, 300 ppi) and colour marks (RGB, 300 ppi)."""
    ink = Image.new("L", (L.W, L.H), 255)
    hand = Image.new("L", (L.W, L.H), 255)
    colour = Image.new("RGB", (L.W, L.H), "white")
    di, dh, dc = ImageDraw.Draw(ink), ImageDraw.Draw(hand), ImageDraw.Draw(colour)
    for ln in page.lines:
        for x, text, f, col in ln.words:
            target = dc if col != render.INK else di
            fill = col if col != render.INK else 0
            for part in re.split(r"(\{[^}]*\})", text):
                if not part:
                    continue
                w = f.getlength(part)
                if part.startswith("{"):
                    s = part[1:-1]
                    h = f.size * rng.uniform(0.86, 0.98)
                    slot = max(w, hand_width(s, h) + f.size * 0.3)
                    hx = x + (slot - hand_width(s, h)) / 2 + rng.uniform(-0.1, 0.1) * f.size
                    draw_hand(dh, s, hx, ln.baseline - f.size * rng.uniform(0.02, 0.12), h, rng)
                    # the form's dotted leader under the blank (print, not text)
                    dot = max(2, round(f.size * 0.05))
                    xx = x + dot
                    while xx < x + w - dot:
                        di.rectangle([xx, ln.baseline + dot, xx + dot, ln.baseline + 2 * dot], fill=0)
                        xx += dot * 3.2
                else:
                    target.text((x, ln.baseline), part, font=f, fill=fill, anchor="ls")
                x += w
    for x0, yv, x1, wd in page.rules:
        di.line([(x0, yv), (x1, yv)], fill=0, width=max(1, round(wd * L.dpi / 200)))
    for x0, y0, x1, y1, wd, col in page.boxes:
        dc.rectangle([x0, y0, x1, y1], outline=col, width=max(2, round(wd * L.dpi / 200)))
    scale = L.dpi / 200
    for cx, cy in page.signatures:
        render._signature(dc, cx, cy, rng, scale)
    for cx, cy, r, text in page.seals:
        seal = render._seal(r, text, L.dpi, rng)
        seal = seal.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC, fillcolor="white")
        box = (round(cx - seal.width / 2), round(cy - seal.height / 2))
        region = colour.crop((box[0], box[1], box[0] + seal.width, box[1] + seal.height))
        colour.paste(ImageChops.multiply(region, seal), box)
    return ink, hand, colour


def bilevel(im, rng, blur, threshold, grain):
    im = im.filter(ImageFilter.GaussianBlur(blur))
    if grain:
        noise = Image.frombytes("L", im.size, rng.randbytes(im.width * im.height))
        noise = noise.point(lambda v: 128 + (v - 128) * grain // 128)
        im = ImageChops.add(im, noise, 1.0, -128)
    return im.point(lambda v: 255 if v > threshold else 0).convert("1")


def scan_page(L, page, rng, ghost):
    """The mixed-raster parts of a page: (background RGB 150 ppi, ink 1-bit 300 ppi, hand 1-bit 300 ppi, angle)."""
    ink, hand, colour = draw_layers(L, page, rng)
    angle = rng.uniform(0.15, 0.55) * rng.choice([-1, 1])
    ink = ink.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    hand = hand.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    colour = colour.rotate(angle, resample=Image.BICUBIC, fillcolor="white")
    ink1 = bilevel(ink, rng, 0.8, 150, 24)
    hand1 = bilevel(hand, rng, 0.7, 160, 30)
    bw, bh = round(L.W * BG_DPI / DPI), round(L.H * BG_DPI / DPI)
    bg = colour.resize((bw, bh), Image.BOX)
    # the text left faintly in the background (the MRC separation leaves a ghost), or not at all
    if ghost:
        soft = ImageFilter.GaussianBlur(2.0)
        g = ink.resize((bw, bh), Image.BOX).filter(soft).point(lambda v: 255 - (255 - v) * ghost // 100)
        gh = hand.resize((bw, bh), Image.BOX).filter(soft).point(lambda v: 255 - (255 - v) * ghost // 100)
        bg = ImageChops.multiply(bg, Image.merge("RGB", [g, g, g]))
        bg = ImageChops.multiply(bg, Image.merge("RGB", [gh, gh, gh.point(lambda v: min(255, v + 40))]))
    tint = (rng.randint(238, 248), rng.randint(230, 242), rng.randint(208, 226))
    shade = Image.new("L", (6, 8))
    shade.putdata([rng.randint(238, 255) for _ in range(48)])
    shade = shade.resize((bw, bh), Image.BICUBIC)
    paper = Image.merge("RGB", [shade.point(lambda v, t=t: v * t // 255) for t in tint])
    bg = ImageChops.multiply(bg, paper)
    dr = ImageDraw.Draw(bg)
    for _ in range(rng.randint(10, 30)):
        x, y = rng.uniform(0, bw), rng.uniform(0, bh)
        r = rng.uniform(0.4, 1.6)
        v = rng.randint(90, 170)
        dr.ellipse([x - r, y - r, x + r, y + r], fill=(v, v - 5, v - 15))
    noise = Image.frombytes("L", (bw, bh), rng.randbytes(bw * bh)).point(lambda v: 128 + (v - 128) * 3 // 128)
    bg = ImageChops.add(bg, Image.merge("RGB", [noise] * 3), 1.0, -128)
    bg = bg.filter(ImageFilter.GaussianBlur(0.55))
    return bg, ink1, hand1, angle


def bands(mask, max_bands, block=16, gap_blocks=4):
    """Boxes of the inked regions of a 1-bit mask, top to bottom: the separate foreground images of a page."""
    inv = ImageOps.invert(mask.convert("L"))
    W, H = mask.size
    groups = []
    cur, empty = None, 0
    for y in range(0, H, block):
        bb = inv.crop((0, y, W, min(H, y + block))).getbbox()
        if bb:
            box = [bb[0], y + bb[1], bb[2], y + bb[3]]
            if cur and empty < gap_blocks:
                cur = [min(cur[0], box[0]), cur[1], max(cur[2], box[2]), box[3]]
            else:
                if cur:
                    groups.append(cur)
                cur = box
            empty = 0
        else:
            empty += 1
    if cur:
        groups.append(cur)
    while len(groups) > max_bands:
        gaps = [groups[i + 1][1] - groups[i][3] for i in range(len(groups) - 1)]
        i = gaps.index(min(gaps))
        a, b = groups[i], groups[i + 1]
        groups[i:i + 2] = [[min(a[0], b[0]), a[1], max(a[2], b[2]), b[3]]]
    return [tuple(g) for g in groups]


def ccitt_g4(mask):
    """A 1-bit image as a raw CCITT G4 stream (Pillow's libtiff writes it into a one-strip TIFF)."""
    buf = io.BytesIO()
    mask.save(buf, "TIFF", compression="group4", strip_size=1 << 30)
    b = buf.getvalue()
    bo = "<" if b[:2] == b"II" else ">"
    off = struct.unpack(bo + "I", b[4:8])[0]
    n = struct.unpack(bo + "H", b[off:off + 2])[0]
    tags = {}
    for i in range(n):
        e = b[off + 2 + 12 * i: off + 14 + 12 * i]
        tag, typ, cnt = struct.unpack(bo + "HHI", e[:8])
        val = struct.unpack(bo + "H", e[8:10])[0] if typ == 3 else struct.unpack(bo + "I", e[8:12])[0]
        tags[tag] = (cnt, val)
    assert tags[273][0] == 1 and tags[279][0] == 1, "expected one strip"
    photometric = tags[262][1]
    return b[tags[273][1]: tags[273][1] + tags[279][1]], photometric


# =============================================================================================
# The PDF writer: mixed raster + invisible text (GlyphLessFont, as Tesseract's PDF renderer)
# =============================================================================================
# Tesseract's GlyphLessFont (tessdata/pdf.ttf, Apache-2.0): one empty glyph, every code maps to it.
GLYPHLESS_TTF = (
    "AAEAAAAKAIAAAwAgT1MvMlbeyJQAAAEoAAAAYGNtYXAACgA0AAABkAAAAB5nbHlmFSJBJAAAAbgAAAAYaGVhZAt48WUAAACsAAAANmhoZWEM"
    "AgQCAAAA5AAAACRobXR4BAAAAAAAAYgAAAAIbG9jYQAMAAAAAAGwAAAABm1heHAABAAFAAABCAAAACBuYW1l8usW2gAAAdAAAABLcG9zdAAB"
    "AAEAAAIcAAAAIAABAAAAAQAAsJRxEF8PPPUEBwgAAAAAAM+a/G4AAAAA1MOn8gAAAAAEAAgAAAAAEAACAAAAAAAAAAEAAAgA//8AAAQAAAAA"
    "AAQAAAEAAAAAAAAAAAAAAAAAAAACAAEAAAACAAQAAQAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAwAAAZAABQAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAUAAQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAR09PRwBAAAAAAAAB//8AAAABAAGAAAAAAAAAAAAAAAAAAAABAAAAAAAABAAAAAAAAAIA"
    "AQAAAAAAFAADAAAAAAAUAAYACgAAAAAAAAAAAAAAAAAMAAAAAQAAAAAEAAgAAAMAADEhESEEAPwACAAAAAADACoAAAADAAAABQAWAAAAAQAA"
    "AAAABQALABYAAwABBAkABQAWAAAAVgBlAHIAcwBpAG8AbgAgADEALgAwVmVyc2lvbiAxLjAAAAEAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAA"
    "AAAAAAA=")
TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identify-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


class PDF:
    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def reserve(self):
        return self.add(None)

    def set(self, n, body):
        self.objs[n - 1] = body

    def stream(self, dict_body, data):
        return self.add(b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")

    def write(self, path, root, info):
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        fid = hashlib.md5(bytes(out)).hexdigest().encode()
        out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
                % (len(self.objs) + 1, root, info, fid, fid, xref))
        if path:
            with open(path, "wb") as fh:
                fh.write(out)
        return bytes(out)


def pdf_string(s):
    return b"(" + s.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def glyphless_font(pdf):
    import base64
    ttf = base64.b64decode(GLYPHLESS_TTF)
    cidmap = zlib.compress(b"\x00\x01" * 65536, 9)
    cidmap_obj = pdf.stream(b"/Filter /FlateDecode", cidmap)
    tu = zlib.compress(TOUNICODE, 9)
    tu_obj = pdf.stream(b"/Filter /FlateDecode", tu)
    ff = pdf.stream(b"/Length1 %d" % len(ttf), ttf)
    desc = pdf.add(b"<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] "
                   b"/ItalicAngle 0 /Ascent 1000 /Descent -1 /CapHeight 1000 /StemV 80 /FontFile2 %d 0 R >>" % ff)
    cid = pdf.add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
                  b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  b"/FontDescriptor %d 0 R /DW 500 /CIDToGIDMap %d 0 R >>" % (desc, cidmap_obj))
    return pdf.add(b"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
                   b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tu_obj))


def text_layer(words, L, angle):
    """The invisible text: each word in its box (turned with the page), stretched to it with Tz."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    cx, cy = L.W / 2, L.H / 2
    k = 72 / DPI
    out = [b"BT", b"3 Tr"]
    for x, baseline, width, size_px, text in words:
        if not text:
            continue
        # the page image was turned by `angle` about its centre (counter-clockwise)
        xr = cx + (x - cx) * ca + (baseline - cy) * sa
        yr = cy - (x - cx) * sa + (baseline - cy) * ca
        size = size_px * k
        units = len(text.encode("utf-16-be")) // 2
        tz = 100 * (width * k) / (units * 0.5 * size)
        hexs = text.encode("utf-16-be").hex().upper().encode()
        out.append(b"/F1 %.2f Tf %.2f Tz %.5f %.5f %.5f %.5f %.2f %.2f Tm <%s> Tj"
                   % (size, tz, ca, sa, -sa, ca, xr * k, (L.H - yr) * k, hexs))
    out.append(b"ET")
    return b"\n".join(out)


def write_mrc_pdf(path, pages, title, ccitt=False):
    """pages: [dict(L, bg, ink, hand, angle, words or None)]. Returns the file's bytes."""
    pdf = PDF()
    catalog = pdf.reserve()
    pages_obj = pdf.reserve()
    font = glyphless_font(pdf) if any(p["words"] is not None for p in pages) else None
    kids = []
    for p in pages:
        L = p["L"]
        k = 72 / DPI
        pw, ph = L.W * k, L.H * k
        bg = render.jpeg_bytes(p["bg"], BG_DPI, BG_QUALITY)
        bg_obj = pdf.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                            b"/BitsPerComponent 8 /Filter /DCTDecode" % p["bg"].size, bg)
        xobjects = [(b"Bg", bg_obj)]
        content = [b"q %.4f 0 0 %.4f 0 0 cm /Bg Do Q" % (pw, ph)]
        for layer, rgb, max_bands, name in ((p["ink"], INK_RGB, 5, b"Fg"), (p["hand"], HAND_RGB, 6, b"Hw")):
            boxes = bands(layer, max_bands)
            if not boxes:
                continue
            content.append(b"%.3f %.3f %.3f rg" % rgb)
            for i, (x0, y0, x1, y1) in enumerate(boxes, 1):
                part = layer.crop((x0, y0, x1, y1))
                w, h = part.size
                if ccitt and name == b"Fg":
                    data, photometric = ccitt_g4(part)
                    # Pillow writes "1" as MinIsBlack: its coded black runs are the 1 bits, so BlackIs1
                    black_is_1 = b"true" if photometric == 1 else b"false"
                    obj = pdf.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ImageMask true "
                                     b"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 "
                                     b"/Columns %d /Rows %d /BlackIs1 %s >>" % (w, h, w, h, black_is_1), data)
                else:
                    obj = pdf.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ImageMask true "
                                     b"/BitsPerComponent 1 /Filter /FlateDecode" % (w, h),
                                     zlib.compress(part.tobytes(), 9))
                nm = name + b"%d" % i
                xobjects.append((nm, obj))
                content.append(b"q %.4f 0 0 %.4f %.4f %.4f cm /%s Do Q"
                               % (w * k, h * k, x0 * k, (L.H - y1) * k, nm))
        if p["words"] is not None:
            content.append(text_layer(p["words"], L, p["angle"]))
        data = zlib.compress(b"\n".join(content), 9)
        cont = pdf.stream(b"/Filter /FlateDecode", data)
        res = b"/XObject << " + b" ".join(b"/%s %d 0 R" % (n, o) for n, o in xobjects) + b" >>"
        if p["words"] is not None:
            res += b" /Font << /F1 %d 0 R >>" % font
        kids.append(pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << %s >> "
                            b"/Contents %d 0 R >>" % (pages_obj, pw, ph, res, cont)))
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    pdf.set(pages_obj, b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k_ for k_ in kids)
            + b"] /Count %d >>" % len(kids))
    title16 = b"<FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">"
    info = pdf.add(b"<< /Producer %s /Creator %s /Title %s >>"
                   % (pdf_string(PRODUCER), pdf_string("MRC ScanSuite"), title16))
    return pdf.write(path, catalog, info)


def ocr_words(tokens, quality, rng):
    """The contractor's text layer for a page's tokens: (words placed, damaged truth words, its text)."""
    read = []
    for t in tokens:
        if t.hand:
            out = damage_hand(t.raw, rng)
            if quality == "poor" and rng.random() < 0.5:
                out = damage_printed(out, rng)
        elif quality == "good" and rng.random() < 0.02:
            out = damage_printed(t.truth, rng)
        else:
            out = t.truth
        read.append(nfc(out))
    if quality == "poor":
        # 45 % of the words damaged (the handwritten ones among them), some of them twice
        order = [i for i in range(len(tokens)) if read[i] == tokens[i].truth]
        rng.shuffle(order)
        want = math.ceil(0.45 * len(tokens)) - sum(1 for i, t in enumerate(tokens) if read[i] != t.truth)
        for i in order:
            if want <= 0:
                break
            out = damage_printed(tokens[i].truth, rng)
            if out != tokens[i].truth and rng.random() < 0.3:
                out = damage_printed(out, rng)
            read[i] = nfc(out)
            want -= read[i] != tokens[i].truth
    words, damaged, lines = [], 0, {}
    for t, out in zip(tokens, read):
        if out != t.truth:
            damaged += 1
        parts = out.split()
        if not parts:
            continue
        lines.setdefault(t.line, []).extend(parts)
        total = sum(len(s) for s in parts) + 0.6 * (len(parts) - 1)
        x = t.x
        for s in parts:
            w = t.width * len(s) / total
            words.append((x, t.baseline, w, t.size_px, s))
            x += w + t.width * 0.6 / total
    return words, damaged, "".join(" ".join(ws) + "\n" for _, ws in sorted(lines.items()))


# =============================================================================================
# The records
# =============================================================================================
PHONG_X = "UBND huyện Krông Pắc"          # the xlsx delivery's fonds (column Phông, and its folder)
KP = corpus.KP
H_KP = corpus.H_UBND_KP
SEAL_KP = corpus.SEAL_KP
SEAL_TNMT_KP = corpus.SEAL_TNMT_KP
TA = corpus.TA
H_TA = corpus.H_UBND_TA
SEAL_TA = corpus.SEAL_TA
SEAL_TNMT_TA = corpus.SEAL_TNMT_TA

XF1 = "000.00.64.H49.12.2016.K4.01.01"
XF2 = "000.00.64.H49.12.2017.K4.01.02"
SF = "H54.55.12.2018.027"

FILES = [
    dict(id=XF1, delivery="xlsx", phong=PHONG_X, muc_luc=12, hop="01", so_ky_hieu="01", folder="hoso01",
         title="Hồ sơ thu hồi đất, bồi thường, hỗ trợ xây dựng Trường Trung học cơ sở Ea Yông, xã Ea Yông, "
               "huyện Krông Pắc năm 2016",
         han="Vĩnh viễn", han_code="01", access="Công khai", lang="Tiếng Việt",
         start=(4, 3, 2016), end=(20, 6, 2016), note="Bản gốc giấy lưu tại Kho lưu trữ huyện, hộp 01",
         kyhieu_tt="KP.TNMT.2016.01", keywords="thu hồi đất; bồi thường; Ea Yông; trường học",
         tin_cay="Số hóa", tinh_trang="Bình thường"),
    dict(id=XF2, delivery="xlsx", phong=PHONG_X, muc_luc=12, hop="01", so_ky_hieu="02", folder="hoso02",
         title="Hồ sơ giải quyết đơn khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông về bồi thường khi "
               "Nhà nước thu hồi đất năm 2017",
         han="70 năm", han_code="02", access="Sử dụng có điều kiện", lang="Tiếng Việt",
         start=(10, 2, 2017), end=(28, 4, 2017), note="",
         kyhieu_tt="KP.TTr.2017.02", keywords="khiếu nại; tiếp công dân; bồi thường; H'Bia Mlô",
         tin_cay="Số hóa", tinh_trang="Tốt"),
    dict(id=SF, delivery="sip", phong="UBND huyện Tuy An", muc_luc="05", hop="03", so_ky_hieu="027",
         title="Hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân tại xã An Hiệp, huyện Tuy "
               "An năm 2018",
         han="Vĩnh viễn", han_code="01", access="Công khai", lang="Tiếng Việt",
         start=(12, 3, 2018), end=(20, 4, 2018), note="Hồ sơ số hóa theo hợp đồng số 15/2025/HĐ-STC",
         kyhieu_tt="TA.TNMT.2018.027", keywords=["giấy chứng nhận", "quyền sử dụng đất", "An Hiệp"],
         tin_cay="Số hóa", tinh_trang="Bình thường", goc="TA.2018.027"),
]
FILE = {f["id"]: f for f in FILES}

DOCS = []


def doc(file, stt, kind, so, kyhieu, date, place, body, trich_yeu, signer, issuer, blocks, so_cell="n",
        kyhieu_cell=None, parent=None, so_line=None, date_line=None, access="", note="", kyhieu_tt="",
        keywords="", to_so=1, loai="Tài liệu hành chính", layers=None, ghost=0, date_serial=False,
        id_style="long", tinh_trang="", day_text=False):
    f = FILE[file]
    if id_style == "long":
        did = "%s.%03d" % (file, stt)
    else:
        did = "%s.%d" % (file, stt)
    if so_line is None:
        so_line = ("Số: %s/%s" % (so, kyhieu)) if so else None
    if date_line is None:
        date_line = corpus.date_text(place, *date)
    DOCS.append(dict(
        file=file, stt=stt, id=did, kind=kind, so=so, kyhieu=kyhieu, date=date, issuer=issuer,
        trich_yeu=trich_yeu, signer=signer, access=access, note=note, kyhieu_tt=kyhieu_tt, keywords=keywords,
        to_so=to_so, loai=loai, layers=layers or {}, ghost=ghost, so_cell=so_cell,
        kyhieu_cell=kyhieu_cell if kyhieu_cell is not None else "/" + kyhieu, date_serial=date_serial,
        tinh_trang=tinh_trang or f["tinh_trang"], day_text=day_text, delivery=f["delivery"],
        heading=dict(parent=parent or [], body=body, so=so_line, date=date_line), blocks=blocks))


# ---- xlsx delivery, hồ sơ 1: thu hồi đất, Trường THCS Ea Yông (2016) ---------------------------
DA = "xây dựng Trường Trung học cơ sở Ea Yông"
doc(XF1, 1, "Thông báo", "05", "TB-UBND", (4, 3, 2016), KP, H_KP, so_cell="s",
    so_line="Số: {05}/TB-UBND", date_line="Krông Pắc, ngày {04} tháng {3} năm 2016",
    trich_yeu="Thông báo thu hồi đất để thực hiện dự án xây dựng Trường Trung học cơ sở Ea Yông",
    signer="Lê Quang Vinh", issuer="UBND huyện Krông Pắc", kyhieu_tt="KP.TNMT.2016.01.001",
    keywords="thông báo thu hồi đất", to_so=1, day_text=True,
    blocks=[
        T("THÔNG BÁO"),
        S("Thu hồi đất để thực hiện dự án " + DA),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
          "điều của Luật Đất đai;"),
        I("Căn cứ Kế hoạch sử dụng đất năm 2016 của huyện Krông Pắc đã được Ủy ban nhân dân tỉnh Đắk Lắk phê "
          "duyệt;"),
        P("Ủy ban nhân dân huyện Krông Pắc thông báo thu hồi đất như sau:"),
        P("1. Lý do thu hồi đất: để thực hiện dự án " + DA + ", xã Ea Yông."),
        P("2. Diện tích, vị trí khu đất thu hồi: tổng diện tích dự kiến thu hồi {8.640} m², tại thửa đất số "
          "{214}, tờ bản đồ số {35}, xã Ea Yông; của hộ ông Y Khoa Niê, buôn Ea Yông."),
        P("3. Kế hoạch điều tra, khảo sát, đo đạc, kiểm đếm: từ ngày {14} tháng {3} năm 2016 đến ngày {31} "
          "tháng {3} năm 2016."),
        P("4. Dự kiến kế hoạch di chuyển và bố trí tái định cư: không có hộ phải di chuyển chỗ ở."),
        P("Ủy ban nhân dân xã Ea Yông có trách nhiệm niêm yết công khai thông báo này tại trụ sở và tại điểm "
          "sinh hoạt chung của buôn Ea Yông; người có đất thu hồi phối hợp với Hội đồng bồi thường, hỗ trợ và "
          "tái định cư huyện trong việc đo đạc, kiểm đếm./."),
        sign(noi_nhan("- Hộ ông Y Khoa Niê;", "- UBND xã Ea Yông;", "- Phòng TN&MT;", "- Lưu: VT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Quang Vinh"), SEAL_KP),
    ])
doc(XF1, 2, "Biên bản", "18", "BB-HĐBT", (22, 3, 2016), KP, ["HỘI ĐỒNG BỒI THƯỜNG, HỖ TRỢ", "VÀ TÁI ĐỊNH CƯ"],
    parent=["UBND HUYỆN KRÔNG PẮC"], so_line="Số: {18}/BB-HĐBT",
    date_line="Ea Yông, ngày {22} tháng {3} năm 20{16}",
    trich_yeu="Biên bản điều tra, khảo sát, đo đạc, kiểm đếm đất đai, tài sản gắn liền với đất của hộ ông Y "
              "Khoa Niê tại thửa đất số 214, tờ bản đồ số 35, xã Ea Yông",
    signer="Phạm Minh Tuấn", issuer="Hội đồng bồi thường, hỗ trợ và tái định cư huyện Krông Pắc",
    kyhieu_tt="KP.TNMT.2016.01.002", keywords="kiểm đếm; Y Khoa Niê; thửa đất số 214", to_so=2,
    loai="Tài liệu chuyên môn", layers={1: "poor"}, ghost=10,
    blocks=[
        T("BIÊN BẢN"),
        S("Điều tra, khảo sát, đo đạc, kiểm đếm đất đai, tài sản gắn liền với đất"),
        P("Hôm nay, vào lúc {8} giờ {30} phút, ngày {22} tháng {3} năm 20{16}, tại thửa đất số {214}, tờ bản "
          "đồ số {35}, buôn Ea Yông, xã Ea Yông, huyện Krông Pắc, chúng tôi gồm:"),
        ("para", [("1. Đại diện Hội đồng bồi thường, hỗ trợ và tái định cư huyện:", "b")], {}),
        P("Ông Phạm Minh Tuấn, Phó Trưởng phòng Tài nguyên và Môi trường, Phó Chủ tịch Hội đồng;"),
        P("Bà Nguyễn Thị Thu Hà, cán bộ Trung tâm Phát triển quỹ đất huyện."),
        ("para", [("2. Đại diện Ủy ban nhân dân xã Ea Yông:", "b")], {}),
        P("Ông Y Mút Êban, công chức địa chính - xây dựng xã."),
        ("para", [("3. Người có đất thu hồi:", "b")], {}),
        P("Ông Y Khoa Niê, sinh năm 1968, CMND số {240876512}, trú tại buôn Ea Yông, xã Ea Yông."),
        P("Cùng nhau tiến hành điều tra, đo đạc, kiểm đếm đất đai, tài sản gắn liền với đất, kết quả như sau:"),
        ("para", [("I. Về đất:", "b")], {}),
        P("Diện tích đo đạc thực tế: {8.640,0} m² đất trồng cây lâu năm; nguồn gốc: khai hoang sử dụng ổn định "
          "từ năm 1992, đã được cấp giấy chứng nhận quyền sử dụng đất số phát hành AĐ {412678}."),
        ("para", [("II. Về tài sản, cây trồng trên đất:", "b")], {}),
        P("1. Cà phê vối kinh doanh, trồng năm 2004: {356} cây."),
        P("2. Sầu riêng trồng năm 2010: {24} cây; bơ trồng năm 2012: {18} cây."),
        P("3. Giếng đào sâu {14} m, đường kính 1,2 m: 01 cái; nhà tạm khung gỗ, mái tôn: {32,5} m²."),
        P("4. Hàng rào lưới B40, trụ bê tông: {126} m."),
        P("Biên bản kết thúc vào lúc {10} giờ {45} phút cùng ngày, đã đọc lại cho mọi người cùng nghe, thống "
          "nhất ký tên; biên bản lập thành 04 bản có giá trị như nhau./."),
        ("sign", [("NGƯỜI CÓ ĐẤT THU HỒI", "b", 13), None, ("Y Khoa Niê", "b", 14)],
         [("TM. HỘI ĐỒNG BỒI THƯỜNG", "b", 13), ("PHÓ CHỦ TỊCH", "b", 13), None, ("Phạm Minh Tuấn", "b", 14)],
         {"seal": False, "signed": True, "left_centred": True}),
    ])
doc(XF1, 3, "Tờ trình", "45", "TTr-HĐBT", (12, 5, 2016), KP, ["HỘI ĐỒNG BỒI THƯỜNG, HỖ TRỢ", "VÀ TÁI ĐỊNH CƯ"],
    parent=["UBND HUYỆN KRÔNG PẮC"], kyhieu_cell="/TTr-HĐBT ",
    trich_yeu="Về việc đề nghị phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để xây dựng "
              "Trường Trung học cơ sở Ea Yông",
    signer="Phạm Minh Tuấn", issuer="Hội đồng bồi thường, hỗ trợ và tái định cư huyện Krông Pắc",
    kyhieu_tt="KP.TNMT.2016.01.003", keywords="phương án bồi thường", to_so=4, layers={2: "poor"}, ghost=0,
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để xây dựng Trường "
          "Trung học cơ sở Ea Yông"),
        KG("Ủy ban nhân dân huyện Krông Pắc."),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 47/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định về bồi thường, hỗ trợ, tái "
          "định cư khi Nhà nước thu hồi đất;"),
        I("Căn cứ Quyết định số 39/2014/QĐ-UBND ngày 22/10/2014 của Ủy ban nhân dân tỉnh Đắk Lắk ban hành quy "
          "định về bồi thường, hỗ trợ và tái định cư trên địa bàn tỉnh;"),
        I("Căn cứ Biên bản điều tra, khảo sát, đo đạc, kiểm đếm số 18/BB-HĐBT ngày 22/3/2016,"),
        P("Hội đồng bồi thường, hỗ trợ và tái định cư huyện kính trình Ủy ban nhân dân huyện phê duyệt phương "
          "án bồi thường, hỗ trợ cho hộ ông Y Khoa Niê, buôn Ea Yông, xã Ea Yông, cụ thể như sau:"),
        P("1. Bồi thường về đất: 8.640,0 m² đất trồng cây lâu năm x 48.000 đồng/m² = 414.720.000 đồng."),
        P("2. Bồi thường cây trồng: 356 cây cà phê x 380.000 đồng/cây = 135.280.000 đồng; 24 cây sầu riêng x "
          "1.500.000 đồng/cây = 36.000.000 đồng; 18 cây bơ x 650.000 đồng/cây = 11.700.000 đồng."),
        P("3. Bồi thường vật kiến trúc: giếng đào 14 m = 8.400.000 đồng; nhà tạm 32,5 m² x 820.000 đồng/m² = "
          "26.650.000 đồng; hàng rào 126 m x 95.000 đồng/m = 11.970.000 đồng."),
        P("4. Hỗ trợ chuyển đổi nghề nghiệp và tạo việc làm: 8.640,0 m² x 48.000 đồng/m² x 1,5 lần = "
          "622.080.000 đồng."),
        P("Tổng kinh phí bồi thường, hỗ trợ: 1.266.800.000 đồng (Bằng chữ: Một tỷ, hai trăm sáu mươi sáu "
          "triệu, tám trăm nghìn đồng)."),
        P("Phương án đã được niêm yết công khai tại trụ sở Ủy ban nhân dân xã Ea Yông và buôn Ea Yông từ ngày "
          "12/4/2016 đến ngày 02/5/2016; không có ý kiến thắc mắc, khiếu nại."),
        P("Hội đồng bồi thường, hỗ trợ và tái định cư huyện kính trình Ủy ban nhân dân huyện xem xét, phê duyệt "
          "để có cơ sở chi trả tiền bồi thường, hỗ trợ và thu hồi đất theo quy định./."),
        sign(noi_nhan("- Như trên;", "- Phòng TN&MT;", "- Phòng TC-KH;", "- Lưu: VT, HĐBT."),
             ky(["TM. HỘI ĐỒNG", "PHÓ CHỦ TỊCH"], "Phạm Minh Tuấn"), None),
    ])
HO_YKHOA = dict(ten="hộ ông Y Khoa Niê", giay_to="CMND số 240876512", dia_chi="buôn Ea Yông", xa="Ea Yông",
                tinh="Đắk Lắk", dt="8.640,0", loai_dat="trồng cây lâu năm", thua="214", to="35",
                trich_do="18/3/2016", qd_tinh="2210/QĐ-UBND ngày 28/8/2015")
doc(XF1, 4, "Quyết định", "1234", "QĐ-UBND", (20, 6, 2016), KP, H_KP,
    trich_yeu="Về việc thu hồi đất của hộ ông Y Khoa Niê tại xã Ea Yông để thực hiện dự án xây dựng Trường "
              "Trung học cơ sở Ea Yông",
    signer="Lê Quang Vinh", issuer="UBND huyện Krông Pắc", kyhieu_tt="KP.TNMT.2016.01.004",
    keywords="quyết định thu hồi đất; Y Khoa Niê", to_so=6, access="Sử dụng có điều kiện",
    note="Trang 2 không có lớp chữ", layers={2: "none"}, date_serial=True,
    blocks=corpus.qd_thu_hoi(KP, H_KP, 2015, HO_YKHOA, "45/TTr-HĐBT ngày 12/5/2016", DA, "Ea Yông",
                             "Ban Quản lý dự án đầu tư xây dựng huyện", "Lê Quang Vinh", SEAL_KP))

# ---- xlsx delivery, hồ sơ 2: khiếu nại của bà H'Bia Mlô (2017) --------------------------------
doc(XF2, 1, "Biên bản", "07", "BB-TCD", (10, 2, 2017), KP, ["BAN TIẾP CÔNG DÂN"], parent=["UBND HUYỆN KRÔNG PẮC"],
    so_cell="s", so_line="Số: {07}/BB-TCD", date_line="Krông Pắc, ngày {10} tháng {02} năm 20{17}",
    trich_yeu="Biên bản tiếp công dân: bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông khiếu nại về giá bồi thường cây "
              "trồng khi thu hồi đất",
    signer="Nguyễn Thị Thu Hà", issuer="Ban Tiếp công dân huyện Krông Pắc", kyhieu_tt="KP.TTr.2017.02.001",
    keywords="tiếp công dân; H'Bia Mlô", to_so=1, ghost=10,
    blocks=[
        T("BIÊN BẢN"),
        S("Tiếp công dân"),
        P("Vào hồi {14} giờ {00} phút, ngày {10} tháng {02} năm 20{17}, tại Trụ sở Tiếp công dân huyện Krông "
          "Pắc, chúng tôi gồm:"),
        ("para", [("1. Người tiếp công dân:", "b")], {}),
        P("Bà Nguyễn Thị Thu Hà, Phó Trưởng Ban Tiếp công dân huyện Krông Pắc."),
        ("para", [("2. Công dân đến trình bày:", "b")], {}),
        P("Bà H'Bia Mlô, sinh năm 1975, CMND số {241298735} cấp ngày {16}/{9}/20{09} tại Công an tỉnh Đắk "
          "Lắk; trú tại buôn Ea Yông, xã Ea Yông, huyện Krông Pắc."),
        ("para", [("3. Nội dung trình bày:", "b")], {}),
        P("Bà H'Bia Mlô cho rằng đơn giá bồi thường cây cà phê khi Nhà nước thu hồi đất để xây dựng Trường "
          "Trung học cơ sở Ea Yông là thấp hơn giá thị trường; diện tích {1.250} m² đất vườn của gia đình bà "
          "tại thửa đất số {209}, tờ bản đồ số {35} chưa được kiểm đếm đủ số cây trồng. Bà đề nghị Ủy ban "
          "nhân dân huyện xem xét, kiểm đếm lại và điều chỉnh đơn giá bồi thường."),
        P("Tài liệu công dân cung cấp: 01 đơn khiếu nại đề ngày {06}/{02}/20{17}, 01 bản sao giấy chứng nhận "
          "quyền sử dụng đất."),
        ("para", [("4. Ý kiến của người tiếp công dân:", "b")], {}),
        P("Tiếp nhận đơn và tài liệu; chuyển Thanh tra huyện tham mưu Chủ tịch Ủy ban nhân dân huyện thụ lý, "
          "giải quyết theo quy định của Luật Khiếu nại."),
        P("Biên bản lập xong hồi {15} giờ {10} phút cùng ngày, đã đọc lại cho công dân nghe và cùng ký tên./."),
        ("sign", [("CÔNG DÂN", "b", 13), None, ("H'Bia Mlô", "b", 14)],
         [("NGƯỜI TIẾP CÔNG DÂN", "b", 13), None, ("Nguyễn Thị Thu Hà", "b", 14)],
         {"seal": False, "signed": True, "left_centred": True}),
    ])
doc(XF2, 2, "Báo cáo", "12", "BC-TTr", (24, 3, 2017), KP, ["THANH TRA HUYỆN"], parent=["UBND HUYỆN KRÔNG PẮC"],
    kyhieu_cell="/BC - TTr",
    trich_yeu="Báo cáo kết quả xác minh nội dung khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông",
    signer="Trần Đình Phúc", issuer="Thanh tra huyện Krông Pắc", kyhieu_tt="KP.TTr.2017.02.002",
    keywords="xác minh khiếu nại", to_so=2, layers={1: "poor"},
    note="Báo cáo có phụ lục bảng kiểm đếm lại (không số hóa)",
    blocks=[
        T("BÁO CÁO"),
        S("Kết quả xác minh nội dung khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông"),
        KG("Chủ tịch Ủy ban nhân dân huyện Krông Pắc."),
        P("Thực hiện Quyết định số 268/QĐ-UBND ngày 20/02/2017 của Chủ tịch Ủy ban nhân dân huyện về việc "
          "thụ lý giải quyết khiếu nại và giao nhiệm vụ xác minh, Thanh tra huyện báo cáo kết quả xác minh "
          "như sau:"),
        ("para", [("1. Nội dung khiếu nại:", "b")], {}),
        P("Bà H'Bia Mlô khiếu nại về đơn giá bồi thường cây cà phê và việc kiểm đếm thiếu cây trồng trên diện "
          "tích 1.250 m² đất vườn tại thửa đất số 209, tờ bản đồ số 35, xã Ea Yông, khi Nhà nước thu hồi đất "
          "để xây dựng Trường Trung học cơ sở Ea Yông."),
        ("para", [("2. Kết quả xác minh:", "b")], {}),
        P("Về đơn giá: đơn giá bồi thường cây cà phê kinh doanh 380.000 đồng/cây được áp dụng đúng Quyết định "
          "số 39/2014/QĐ-UBND của Ủy ban nhân dân tỉnh Đắk Lắk; khiếu nại về nội dung này là không có cơ sở."),
        P("Về số lượng cây trồng: qua kiểm đếm lại ngày 14/3/2017 có sự tham gia của Ủy ban nhân dân xã Ea "
          "Yông và bà H'Bia Mlô, trên thửa đất có 112 cây cà phê và 06 cây sầu riêng; biên bản kiểm đếm ngày "
          "22/3/2016 chỉ ghi 98 cây cà phê, thiếu 14 cây. Khiếu nại về nội dung này là có cơ sở."),
        ("para", [("3. Kiến nghị:", "b")], {}),
        P("Đề nghị Chủ tịch Ủy ban nhân dân huyện giao Hội đồng bồi thường, hỗ trợ và tái định cư huyện lập "
          "phương án bồi thường bổ sung 14 cây cà phê x 380.000 đồng/cây = 5.320.000 đồng cho hộ bà H'Bia "
          "Mlô; giữ nguyên đơn giá bồi thường đã phê duyệt./."),
        sign(noi_nhan("- Như trên;", "- Lưu: VT, TTr."), ky(["CHÁNH THANH TRA"], "Trần Đình Phúc"), None),
    ])
doc(XF2, 3, "Quyết định", "356", "QĐ-UBND", (28, 4, 2017), KP, H_KP,
    trich_yeu="Về việc giải quyết khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông (lần đầu)",
    signer="Lê Quang Vinh", issuer="UBND huyện Krông Pắc", kyhieu_tt="KP.TTr.2017.02.003",
    keywords="quyết định giải quyết khiếu nại", to_so=4, access="Công khai", layers={2: "poor"},
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc giải quyết khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông (lần đầu)"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
        I("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        I("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"),
        I("Căn cứ Nghị định số 75/2012/NĐ-CP ngày 03/10/2012 của Chính phủ quy định chi tiết một số điều của "
          "Luật Khiếu nại;"),
        I("Xét đơn khiếu nại đề ngày 06/02/2017 của bà H'Bia Mlô và Báo cáo số 12/BC-TTr ngày 24/3/2017 của "
          "Thanh tra huyện,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Công nhận một phần nội dung khiếu nại của bà H'Bia Mlô: bồi thường bổ sung 14 cây cà phê "
          "kinh doanh với số tiền 5.320.000 đồng (Năm triệu, ba trăm hai mươi nghìn đồng). Không công nhận nội "
          "dung khiếu nại về đơn giá bồi thường cây cà phê."),
        A("Điều 2.", "Giao Hội đồng bồi thường, hỗ trợ và tái định cư huyện lập phương án bồi thường bổ sung, "
          "trình phê duyệt và chi trả cho bà H'Bia Mlô trong thời hạn 15 ngày kể từ ngày ký quyết định này."),
        A("Điều 3.", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý thì bà H'Bia "
          "Mlô có quyền khiếu nại đến Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk hoặc khởi kiện vụ án hành chính "
          "tại Tòa án theo quy định của pháp luật về tố tụng hành chính."),
        A("Điều 4.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Chánh Thanh tra huyện, Chủ "
          "tịch Hội đồng bồi thường, hỗ trợ và tái định cư huyện, Chủ tịch Ủy ban nhân dân xã Ea Yông và bà "
          "H'Bia Mlô chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 4;", "- Thanh tra tỉnh;", "- Ban Tiếp công dân huyện;", "- Lưu: VT, TTr."),
             ky(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Quang Vinh"), SEAL_KP),
    ])

# ---- the SIP: cấp giấy chứng nhận, xã An Hiệp (2018) -----------------------------------------------
doc(SF, 1, "Biên bản", "", "BB-TNMT", (12, 3, 2018), "An Hiệp", ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
    parent=["UBND HUYỆN TUY AN"], id_style="short", so_line="Số:      /BB-TNMT",
    date_line="An Hiệp, ngày {12} tháng {3} năm 20{18}",
    trich_yeu="Biên bản xác minh hiện trạng, nguồn gốc sử dụng đất của hộ ông Lương Văn Tám, thôn Phú Sen, "
              "xã An Hiệp",
    signer="Võ Thị Kim Oanh", issuer="Phòng Tài nguyên và Môi trường huyện Tuy An", keywords="xác minh; Lương Văn Tám",
    to_so="01", ghost=10,
    blocks=[
        T("BIÊN BẢN"),
        S("Xác minh hiện trạng, nguồn gốc và thời điểm sử dụng đất"),
        P("Hôm nay, vào lúc {9} giờ {00} phút, ngày {12} tháng {3} năm 20{18}, tại thôn Phú Sen, xã An Hiệp, "
          "huyện Tuy An, tỉnh Phú Yên, chúng tôi gồm:"),
        P("Bà Võ Thị Kim Oanh, Trưởng phòng Tài nguyên và Môi trường huyện;"),
        P("Ông Đặng Văn Sơn, công chức địa chính - xây dựng xã An Hiệp;"),
        P("Ông Lương Văn Tám, sinh năm 1962, CMND số {221087345}, người sử dụng đất."),
        P("Đã tiến hành xác minh thửa đất số {86}, tờ bản đồ số {12}, diện tích {1.048,5} m² (trong đó đất ở "
          "{200} m², đất trồng cây hằng năm khác {848,5} m²), kết quả như sau:"),
        P("1. Hiện trạng: trên đất có 01 nhà ở cấp 4 diện tích {96} m² và công trình phụ; ranh giới thửa đất rõ "
          "ràng, không có tranh chấp với các hộ liền kề."),
        P("2. Nguồn gốc: đất do cha mẹ để lại, sử dụng ổn định, liên tục từ năm 1985, trước ngày 15/10/1993; "
          "phù hợp với quy hoạch sử dụng đất của xã An Hiệp."),
        P("Biên bản lập thành 03 bản, đã đọc lại cho những người có mặt cùng nghe và thống nhất ký tên./."),
        ("sign", [("NGƯỜI SỬ DỤNG ĐẤT", "b", 13), None, ("Lương Văn Tám", "b", 14)],
         [("TRƯỞNG PHÒNG", "b", 13), None, ("Võ Thị Kim Oanh", "b", 14)],
         {"seal": False, "signed": True, "left_centred": True}),
    ])
doc(SF, 2, "Tờ trình", "215", "TTr-TNMT", (2, 4, 2018), TA, ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
    parent=["UBND HUYỆN TUY AN"], id_style="short",
    trich_yeu="Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
              "liền với đất cho 02 hộ gia đình tại xã An Hiệp",
    signer="Võ Thị Kim Oanh", issuer="Phòng Tài nguyên và Môi trường huyện Tuy An", keywords="tờ trình cấp giấy",
    to_so="02", layers={1: "poor"},
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
          "đất cho 02 hộ gia đình tại xã An Hiệp"),
        KG("Ủy ban nhân dân huyện Tuy An."),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
          "điều của Luật Đất đai;"),
        I("Căn cứ Thông tư số 24/2014/TT-BTNMT ngày 19/5/2014 của Bộ Tài nguyên và Môi trường quy định về hồ sơ "
          "địa chính;"),
        P("Sau khi thẩm tra hồ sơ do Chi nhánh Văn phòng Đăng ký đất đai huyện chuyển đến, Phòng Tài nguyên và "
          "Môi trường kính trình Ủy ban nhân dân huyện xem xét cấp giấy chứng nhận cho các hộ sau:"),
        P("1. Hộ ông Lương Văn Tám, CMND số 221087345, thôn Phú Sen, xã An Hiệp: thửa đất số 86, tờ bản đồ số "
          "12, diện tích 1.048,5 m² (đất ở 200,0 m², đất trồng cây hằng năm khác 848,5 m²)."),
        P("2. Hộ bà Nguyễn Thị Bích, CMND số 221345098, thôn Phú Sen, xã An Hiệp: thửa đất số 91, tờ bản đồ số "
          "12, diện tích 612,0 m² đất trồng lúa."),
        P("Các thửa đất trên sử dụng ổn định từ trước ngày 15/10/1993, không có tranh chấp, phù hợp quy hoạch; "
          "người sử dụng đất đã được niêm yết công khai kết quả kiểm tra hồ sơ tại Ủy ban nhân dân xã An Hiệp "
          "từ ngày 15/3/2018 đến ngày 29/3/2018 và không có ý kiến phản ánh."),
        P("Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem xét, quyết định./."),
        sign(noi_nhan("- Như trên;", "- CN VPĐKĐĐ huyện;", "- Lưu: VT, TNMT."), ky(["TRƯỞNG PHÒNG"], "Võ Thị Kim Oanh"),
             SEAL_TNMT_TA),
    ])
doc(SF, 3, "Quyết định", "1890", "QĐ-UBND", (10, 4, 2018), TA, H_TA, id_style="short",
    trich_yeu="Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
              "cho hộ gia đình tại xã An Hiệp",
    signer="Huỳnh Văn Lộc", issuer="UBND huyện Tuy An", keywords="quyết định cấp giấy chứng nhận", to_so="04",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho "
          "hộ gia đình tại xã An Hiệp"),
        C("ỦY BAN NHÂN DÂN HUYỆN TUY AN"),
        I("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
          "điều của Luật Đất đai;"),
        I("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số 215/TTr-TNMT ngày 02/4/2018,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
          "cho 02 hộ gia đình tại xã An Hiệp, huyện Tuy An, gồm:"),
        P("1. Hộ ông Lương Văn Tám: thửa đất số 86, tờ bản đồ số 12, diện tích 1.048,5 m²; giấy chứng nhận số "
          "phát hành CK 482915."),
        P("2. Hộ bà Nguyễn Thị Bích: thửa đất số 91, tờ bản đồ số 12, diện tích 612,0 m²; giấy chứng nhận số "
          "phát hành CK 482916."),
        A("Điều 2.", "Giao Chi nhánh Văn phòng Đăng ký đất đai huyện vào sổ cấp giấy chứng nhận, cập nhật, chỉnh "
          "lý hồ sơ địa chính và trao giấy chứng nhận cho người được cấp sau khi đã hoàn thành nghĩa vụ tài "
          "chính theo quy định."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên và Môi "
          "trường, Giám đốc Chi nhánh Văn phòng Đăng ký đất đai huyện, Chủ tịch Ủy ban nhân dân xã An Hiệp và "
          "các hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 3;", "- Chi cục Thuế huyện;", "- Lưu: VT, TNMT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Huỳnh Văn Lộc"), SEAL_TA),
    ])
doc(SF, 4, "Thông báo", "77", "TB-UBND", (20, 4, 2018), TA, H_TA, id_style="short",
    trich_yeu="Thông báo kết quả cấp giấy chứng nhận quyền sử dụng đất tại xã An Hiệp",
    signer="Trần Văn Dũng", issuer="UBND huyện Tuy An", keywords="thông báo", to_so="06", access="Công khai",
    blocks=[
        T("THÔNG BÁO"),
        S("Kết quả cấp giấy chứng nhận quyền sử dụng đất tại xã An Hiệp"),
        P("Ngày 10/4/2018, Ủy ban nhân dân huyện Tuy An đã ban hành Quyết định số 1890/QĐ-UBND về việc cấp giấy "
          "chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho 02 hộ gia đình "
          "tại xã An Hiệp, gồm hộ ông Lương Văn Tám và hộ bà Nguyễn Thị Bích, thôn Phú Sen."),
        P("Ủy ban nhân dân huyện đề nghị các hộ gia đình liên hệ Chi nhánh Văn phòng Đăng ký đất đai huyện để "
          "nhận giấy chứng nhận sau khi hoàn thành nghĩa vụ tài chính; Ủy ban nhân dân xã An Hiệp niêm yết công "
          "khai thông báo này tại trụ sở xã và nhà văn hóa thôn Phú Sen./."),
        sign(noi_nhan("- Các hộ có tên;", "- UBND xã An Hiệp;", "- Lưu: VT."),
             ky(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "Trần Văn Dũng"), SEAL_TA),
    ])


# =============================================================================================
# Rendering the documents
# =============================================================================================

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


# =============================================================================================
# The Excel workbook (written by hand: zipfile + SpreadsheetML)
# =============================================================================================
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ST_TITLE, ST_HEADER, ST_DATE, ST_WRAP, ST_TEXT = 1, 2, 3, 4, 5   # cellXfs indices in styles.xml


def col_name(i):
    """0 → A, 25 → Z, 26 → AA."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_serial(d, m, y):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


def zip_write(z, name, data, compress=True):
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    z.writestr(info, data)


def write_xlsx(path, rows, merges, widths, sheet_name):
    """rows: {row number: [(column index, kind, value, style)]}, kind "s" (shared string), "n" (number),
    "d" (a date as its serial number; style ST_DATE)."""
    strings, index = [], {}

    def sst(s):
        s = nfc(s)
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    last_col = max(c for cells in rows.values() for c, *_ in cells)
    last_row = max(rows)
    x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
         '<worksheet xmlns="%s" xmlns:r="%s">' % (NS_MAIN, NS_REL),
         '<dimension ref="A1:%s%d"/>' % (col_name(last_col), last_row),
         '<sheetViews><sheetView workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" '
         'state="frozen"/></sheetView></sheetViews>',
         '<sheetFormatPr defaultRowHeight="15"/>', "<cols>"]
    for i, w in enumerate(widths):
        x.append('<col min="%d" max="%d" width="%g" customWidth="1"/>' % (i + 1, i + 1, w))
    x.append("</cols><sheetData>")
    for r in sorted(rows):
        attrs = ' ht="48" customHeight="1"' if r == 4 else ""
        x.append('<row r="%d"%s>' % (r, attrs))
        for c, kind, value, style in sorted(rows[r]):
            ref = "%s%d" % (col_name(c), r)
            st = ' s="%d"' % style if style else ""
            if kind == "s":
                x.append('<c r="%s" t="s"%s><v>%d</v></c>' % (ref, st, sst(value)))
            else:   # "n" and "d": a number (a date is a number in a date style)
                x.append('<c r="%s" t="n"%s><v>%s</v></c>' % (ref, st, value))
        x.append("</row>")
    x.append("</sheetData>")
    if merges:
        x.append('<mergeCells count="%d">%s</mergeCells>'
                 % (len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    x.append('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '<pageSetup paperSize="9" orientation="landscape"/></worksheet>')
    sheet = "".join(x)

    def t(s):
        sp = ' xml:space="preserve"' if s != s.strip() or "  " in s else ""
        return "<si><t%s>%s</t></si>" % (sp, xml_escape(s))
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="%s" count="%d" uniqueCount="%d">'
              % (NS_MAIN, sum(1 for cells in rows.values() for c in cells if c[1] == "s"), len(strings))
              + "".join(t(s) for s in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="%s">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
              '<fonts count="3"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>'
              '<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font>'
              '<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>'
              '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
              '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/>'
              '</patternFill></fill></fills>'
              '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
              '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>'
              '</border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
              '<alignment horizontal="center"/></xf>'
              '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
              'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">'
              '<alignment vertical="top" wrapText="1"/></xf>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '</styleSheet>' % NS_MAIN)
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="%s" xmlns:r="%s">'
                '<workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name="%s" sheetId="1" r:id="rId1"/>'
                '</sheets></workbook>' % (NS_MAIN, NS_REL, xml_escape(sheet_name)))
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/>'
               '<Relationship Id="rId3" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
               '</Relationships>' % (NS_REL, NS_REL, NS_REL))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % NS_REL)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/styles.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    with zipfile.ZipFile(path, "w") as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", wb_rels), ("xl/styles.xml", styles),
                           ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet)):
            zip_write(z, name, data.encode("utf-8"))


def dmy(t):
    d, m, y = t
    return "%02d/%02d/%d" % (d, m, y)


def xlsx_path_cell(d):
    """`Đường dẫn file` as the contractor typed it (Windows backslashes)."""
    f = FILE[d["file"]]
    name = d["id"] + ".pdf"
    if d["file"] == XF2 and d["stt"] == 2:
        return "PDF_Files\\%s\\hopso01\\%s\\%s" % (f["phong"], f["folder"], name)  # from the workbook's folder
    if d["file"] == XF2 and d["stt"] == 3:
        return "\\%s\\hopso01\\%s\\%s" % (f["phong"], f["folder"].upper(), name)    # another letter case
    return "\\%s\\hopso01\\%s\\%s" % (f["phong"], f["folder"], name)


# (header as written, "f" hồ sơ or "d" document, the cell of a row: fn(file, doc, row index) → cell or None)
def _num_or_text(v, as_text, width=2):
    return ("s", "%0*d" % (width, v), ST_TEXT) if as_text else ("n", v, 0)


XLSX_COLUMNS = [
    ("Phông", "f", 20, lambda f, d, i: ("s", f["phong"], 0)),
    ("Mục lục", "f", 8, lambda f, d, i: ("n", f["muc_luc"], 0)),
    ("Hộp số", "f", 8, lambda f, d, i: ("s", f["hop"], ST_TEXT)),
    ("Số và ký hiệu hồ sơ", "f", 10, lambda f, d, i: ("s", f["so_ky_hieu"], ST_TEXT)),
    ("Tiêu đề hồ sơ", "f", 40, lambda f, d, i: ("s", f["title"], ST_WRAP)),
    ("Thời hạn bảo quản", "f", 11, lambda f, d, i: ("s", f["han"], 0)),
    ("Chế độ sử dụng", "f", 14, lambda f, d, i: ("s", f["access"], 0)),
    ("Ngôn ngữ", "f", 11, lambda f, d, i: ("s", f["lang"], 0)),
    ("Ngày bắt đầu", "f", 7, lambda f, d, i: _num_or_text(f["start"][0], i % 2 == 1)),
    ("Tháng bắt đầu", "f", 7, lambda f, d, i: _num_or_text(f["start"][1], i % 2 == 1)),
    ("Năm bắt đầu", "f", 7, lambda f, d, i: ("n", f["start"][2], 0)),
    ("Ngày kết thúc", "f", 7, lambda f, d, i: _num_or_text(f["end"][0], i % 2 == 1)),
    ("Tháng kết thúc", "f", 7, lambda f, d, i: _num_or_text(f["end"][1], i % 2 == 1)),
    ("Năm kết thúc", "f", 7, lambda f, d, i: ("n", f["end"][2], 0)),
    ("Tổng số tài liệu", "f", 8, lambda f, d, i: ("n", f["ndocs"], 0)),
    ("Số lượng tờ", "f", 8, lambda f, d, i: ("n", f["npages"], 0)),
    ("Ký hiệu thông tin", "f", 16, lambda f, d, i: ("s", f["kyhieu_tt"], 0)),
    ("Từ khóa", "f", 24, lambda f, d, i: ("s", f["keywords"], ST_WRAP)),
    ("Mức độ tin cậy", "f", 10, lambda f, d, i: ("s", f["tin_cay"], 0)),
    ("Tình trạng vật lý", "f", 11, lambda f, d, i: ("s", f["tinh_trang"], 0)),
    ("Ghi chú", "f", 20, lambda f, d, i: ("s", f["note"], ST_WRAP) if f["note"] else None),
    ("Số thứ tự văn bản trong hồ sơ", "d", 9, lambda f, d, i: ("n", d["stt"], 0)),
    ("Tờ số", "d", 6, lambda f, d, i: ("n", d["to_so"], 0)),
    ("Loại tài liệu", "d", 14, lambda f, d, i: ("s", d["loai"], 0)),
    ("Tên loại văn bản", "d", 12, lambda f, d, i: ("s", d["kind"], 0)),
    ("Số của văn bản", "d", 8, lambda f, d, i: (("n", int(d["so"]), 0) if d["so_cell"] == "n" else
                                                ("s", d["so"], ST_TEXT)) if d["so"] else None),
    ("Ký hiệu của văn bản", "d", 12, lambda f, d, i: ("s", d["kyhieu_cell"], 0)),
    ("Ngày văn bản", "d", 11, lambda f, d, i: ("d", excel_serial(*d["date"]), ST_DATE) if d["date_serial"]
     else _num_or_text(d["date"][0], d["day_text"])),
    ("Tháng văn bản", "d", 7, lambda f, d, i: _num_or_text(d["date"][1], d["day_text"])),
    ("Năm văn bản", "d", 7, lambda f, d, i: ("n", d["date"][2], 0)),
    ("Tác giả văn bản", "d", 24, lambda f, d, i: ("s", d["issuer"], ST_WRAP)),
    ("Trích yếu nội dung", "d", 48, lambda f, d, i: ("s", d["trich_yeu"], ST_WRAP)),
    ("Người ký", "d", 16, lambda f, d, i: ("s", d["signer"], 0)),
    ("Ngôn ngữ", "d", 11, lambda f, d, i: ("s", "Tiếng Việt", 0)),
    ("Số lượng trang", "d", 8, lambda f, d, i: ("n", len(d["pages"]), 0)),
    ("Ký hiệu thông tin", "d", 18, lambda f, d, i: ("s", d["kyhieu_tt"], 0)),
    ("Từ khóa", "d", 24, lambda f, d, i: ("s", d["keywords"], ST_WRAP)),
    ("Chế độ sử dụng", "d", 14, lambda f, d, i: ("s", d["access"], 0) if d["access"] else None),
    ("Mức độ tin cậy", "d", 10, lambda f, d, i: ("s", "Số hóa", 0)),
    ("Tình trạng vật lý", "d", 11, lambda f, d, i: ("s", d["tinh_trang"], 0)),
    ("Ghi chú", "d", 24, lambda f, d, i: ("s", d["note"], ST_WRAP) if d["note"] else None),
    ("Đường dẫn file", "d", 70, lambda f, d, i: ("s", xlsx_path_cell(d), 0)),
]


def build_xlsx(docs, path):
    rows = {1: [(0, "s", "DANH MỤC HỒ SƠ, TÀI LIỆU SỐ HÓA GIAO NỘP VÀO LƯU TRỮ LỊCH SỬ", ST_TITLE)],
            2: [(0, "s", "Phông: %s - Mục lục số 12 - Hộp số 01" % PHONG_X, ST_TITLE)]}
    rows[4] = [(c, "s", h, ST_HEADER) for c, (h, *_rest) in enumerate(XLSX_COLUMNS)]
    for i, d in enumerate(docs):
        f = FILE[d["file"]]
        cells = []
        for c, (_, _, _, fn) in enumerate(XLSX_COLUMNS):
            cell = fn(f, d, i)
            if cell is not None:
                kind, value, style = cell
                if style == 0:
                    style = ST_WRAP if kind == "s" else 0
                cells.append((c, kind, value, style))
        rows[5 + i] = cells
    last = col_name(len(XLSX_COLUMNS) - 1)
    write_xlsx(path, rows, ["A1:%s1" % last, "A2:%s2" % last], [w for _, _, w, _ in XLSX_COLUMNS],
               "Danh mục tài liệu")


# =============================================================================================
# CSV twins
# =============================================================================================
TWIN_XLSX_HO_SO = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Ngôn ngữ",
                   "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng tờ",
                   "Ký hiệu thông tin", "Từ khóa", "Mức độ tin cậy", "Tình trạng vật lý", "Ghi chú",
                   "Mục lục", "Hộp số", "Số và ký hiệu hồ sơ"]
TWIN_XLSX_TAI_LIEU = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
                      "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang",
                      "Ký hiệu thông tin", "Từ khóa", "Chế độ sử dụng", "Mức độ tin cậy", "Tình trạng vật lý",
                      "Ghi chú", "Tờ số", "Loại tài liệu"]
TWIN_SIP_HO_SO = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Ngôn ngữ",
                  "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng tờ", "Số lượng trang",
                  "Tình trạng vật lý", "Mức độ tin cậy", "Ký hiệu thông tin", "Từ khóa", "Mã hồ sơ gốc giấy",
                  "Ghi chú", "Mục lục", "Hộp số"]
TWIN_SIP_TAI_LIEU = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
                     "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang", "Từ khóa",
                     "Chế độ sử dụng", "Mức độ tin cậy", "Tình trạng vật lý", "Tờ số"]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for r in rows:
            w.writerow([nfc(str(r.get(c, ""))) for c in header])


def file_row(f):
    return {"Mã hồ sơ": f["id"], "Tên phông": f["phong"], "Tiêu đề hồ sơ": f["title"],
            "Thời hạn lưu trữ": f["han_code"], "Chế độ sử dụng": f["access"], "Ngôn ngữ": f["lang"],
            "Thời gian bắt đầu": dmy(f["start"]), "Thời gian kết thúc": dmy(f["end"]),
            "Tổng số tài liệu": f["ndocs"], "Số lượng tờ": f["npages"], "Số lượng trang": f["npages"],
            "Ký hiệu thông tin": f["kyhieu_tt"],
            "Từ khóa": "; ".join(f["keywords"]) if isinstance(f["keywords"], list) else f["keywords"],
            "Mức độ tin cậy": f["tin_cay"], "Tình trạng vật lý": f["tinh_trang"], "Ghi chú": f["note"],
            "Mục lục": str(f["muc_luc"]), "Hộp số": f["hop"], "Số và ký hiệu hồ sơ": f["so_ky_hieu"],
            "Mã hồ sơ gốc giấy": f.get("goc", "")}


def doc_row(d):
    return {"Mã hồ sơ": d["file"], "Số thứ tự": d["stt"], "Tệp": d["id"] + ".pdf", "Tên loại văn bản": d["kind"],
            "Số": d["so"], "Ký hiệu": d["kyhieu"], "Ngày văn bản": dmy(d["date"]), "Cơ quan ban hành": d["issuer"],
            "Trích yếu nội dung": d["trich_yeu"], "Người ký": d["signer"], "Ngôn ngữ": "Tiếng Việt",
            "Số lượng trang": len(d["pages"]), "Ký hiệu thông tin": d["kyhieu_tt"], "Từ khóa": d["keywords"],
            "Chế độ sử dụng": d["access"], "Mức độ tin cậy": "Số hóa", "Tình trạng vật lý": d["tinh_trang"],
            "Ghi chú": d["note"], "Tờ số": d["to_so"], "Loại tài liệu": d["loai"]}


# =============================================================================================
# The TT 05/2025 package (E-ARK CSIP 2.0.4): SIP_hoso
# =============================================================================================

def x(s):
    return xml_escape(nfc(str(s)), {'"': "&quot;"})


def iso(t):
    d, m, y = t
    return "%d-%02d-%02d" % (y, m, d)


def ead_document(archdesc, record_id, title):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<ead xmlns="http://ead3.archivists.org/schema/" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            '  <control>\n'
            '    <recordid>%s</recordid>\n'
            '    <filedesc><titlestmt><titleproper>%s</titleproper></titlestmt></filedesc>\n'
            '    <maintenancestatus value="new"/>\n'
            '    <maintenanceagency><agencyname>Phòng Tài nguyên và Môi trường huyện Tuy An</agencyname>'
            '</maintenanceagency>\n'
            '    <languagedeclaration><language langcode="vie">Tiếng Việt</language>'
            '<script scriptcode="Latn">Latinh</script></languagedeclaration>\n'
            '    <conventiondeclaration><citation>Thông tư 05/2025/TT-BNV</citation></conventiondeclaration>\n'
            '    <maintenancehistory><maintenanceevent><eventtype value="created"/>'
            '<eventdatetime standarddatetime="%s">30/06/2025</eventdatetime><agenttype value="machine"/>'
            '<agent>MRC ScanSuite 4.2</agent></maintenanceevent></maintenancehistory>\n'
            '  </control>\n%s\n</ead>\n' % (x(record_id), x(title), PACKAGE_TIME, archdesc))


def ead_file(f):
    kw = "".join("<subject><part>%s</part></subject>" % x(k) for k in f["keywords"])
    return ('  <archdesc level="file">\n'
            '    <did>\n'
            '      <unitid>%s</unitid>\n'
            '      <unittitle>%s</unittitle>\n'
            '      <unitdatestructured unitdatetype="inclusive"><daterange><fromdate standarddate="%s">%s</fromdate>'
            '<todate standarddate="%s">%s</todate></daterange></unitdatestructured>\n'
            '      <langmaterial><language langcode="vie">%s</language></langmaterial>\n'
            '      <physdescstructured coverage="whole" physdescstructuredtype="spaceoccupied"><quantity>%d</quantity>'
            '<unittype>tờ</unittype></physdescstructured>\n'
            '      <physdescstructured coverage="whole" physdescstructuredtype="materialtype"><quantity>%d</quantity>'
            '<unittype>trang</unittype></physdescstructured>\n'
            '      <physdesc localtype="Tình trạng vật lý">%s</physdesc>\n'
            '    </did>\n'
            '    <accessrestrict><head>Chế độ sử dụng</head><p>%s</p></accessrestrict>\n'
            '    <controlaccess>%s</controlaccess>\n'
            '    <odd localtype="Thời hạn bảo quản"><p>%s</p></odd>\n'
            '    <odd localtype="Tên phông"><p>%s</p></odd>\n'
            '    <odd localtype="Mục lục"><p>%s</p></odd>\n'
            '    <odd localtype="Hộp số"><p>%s</p></odd>\n'
            '    <odd localtype="Tổng số tài liệu"><p>%d</p></odd>\n'
            '    <odd localtype="Mức độ tin cậy"><p>%s</p></odd>\n'
            '    <odd localtype="Ký hiệu thông tin"><p>%s</p></odd>\n'
            '    <odd localtype="Mã hồ sơ gốc giấy"><p>%s</p></odd>\n'
            '    <odd><head>Ghi chú</head><p>%s</p></odd>\n'
            '  </archdesc>'
            % (x(f["id"]), x(f["title"]), iso(f["start"]), dmy(f["start"]), iso(f["end"]), dmy(f["end"]),
               x(f["lang"]), f["npages"], f["npages"], x(f["tinh_trang"]), x(f["access"]), kw, x(f["han"]),
               x(f["phong"]), x(f["muc_luc"]), x(f["hop"]), f["ndocs"], x(f["tin_cay"]), x(f["kyhieu_tt"]),
               x(f["goc"]), x(f["note"])))


def ead_item(d):
    if d["stt"] == 4:   # one document dated by <unitdate normal=…>, the others by <unitdatestructured>
        date = '<unitdate normal="%s">ngày %02d tháng %d năm %d</unitdate>' % ((iso(d["date"]),) + d["date"])
    else:
        date = ('<unitdatestructured><datesingle standarddate="%s">%s</datesingle></unitdatestructured>'
                % (iso(d["date"]), dmy(d["date"])))
    if d["so"]:
        sokh = '<odd localtype="Số và ký hiệu"><p>%s/%s</p></odd>' % (x(d["so"]), x(d["kyhieu"]))
    else:
        sokh = '<odd localtype="Ký hiệu"><p>%s</p></odd>' % x(d["kyhieu"])
    access = ("    <accessrestrict><head>Chế độ sử dụng</head><p>%s</p></accessrestrict>\n" % x(d["access"])
              if d["access"] else "")
    return ('  <archdesc level="item">\n'
            '    <did>\n'
            '      <unitid>%s</unitid>\n'
            '      <unittitle>%s</unittitle>\n'
            '      %s\n'
            '      <origination><corpname><part>%s</part></corpname></origination>\n'
            '      <langmaterial><language langcode="vie">Tiếng Việt</language></langmaterial>\n'
            '      <physdescstructured coverage="whole" physdescstructuredtype="materialtype"><quantity>%d</quantity>'
            '<unittype>trang</unittype></physdescstructured>\n'
            '      <physdesc localtype="Tình trạng vật lý">%s</physdesc>\n'
            '      <dao daotype="derived" linktitle="%s" href="../../representations/rep1/data/%s.pdf"/>\n'
            '    </did>\n'
            '%s'
            '    <controlaccess><subject><part>%s</part></subject></controlaccess>\n'
            '    <odd localtype="Tên loại văn bản"><p>%s</p></odd>\n'
            '    %s\n'
            '    <odd localtype="Người ký"><p>%s</p></odd>\n'
            '    <odd localtype="Mức độ tin cậy"><p>Số hóa</p></odd>\n'
            '    <odd localtype="Tờ số"><p>%s</p></odd>\n'
            '  </archdesc>'
            % (x(d["id"]), x(d["trich_yeu"]), date, x(d["issuer"]), len(d["pages"]), x(d["tinh_trang"]),
               x(d["id"]), x(d["id"]), access, x(d["keywords"]), x(d["kind"]), sokh, x(d["signer"]),
               x(d["to_so"])))


METS_NS = ('xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.loc.gov/METS/ schemas/mets1_12.xsd '
           'http://www.w3.org/1999/xlink schemas/xlink.xsd"')
AGENT = ('    <agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><name>MRC ScanSuite</name>'
         '<note csip:NOTETYPE="SOFTWARE VERSION">4.2</note></agent>\n'
         '    <agent ROLE="ARCHIVIST" TYPE="ORGANIZATION"><name>Phòng Tài nguyên và Môi trường huyện Tuy An</name>'
         '</agent>\n')


def sums(data):
    return 'SIZE="%d" CHECKSUM="%s" CHECKSUMTYPE="SHA-256"' % (len(data), hashlib.sha256(data).hexdigest().upper())


def build_sip(f, docs, pdfs, path):
    """pdfs: {doc id: bytes}. Writes SIP_hoso_<Mã hồ sơ>.zip with METS.xml at its root."""
    files = {}   # path inside the package → bytes (in the zip's order)
    for d in docs:
        files["representations/rep1/data/%s.pdf" % d["id"]] = pdfs[d["id"]]
    rep_files = "".join(
        '      <file ID="file-%d" MIMETYPE="application/pdf" %s CREATED="%s">\n'
        '        <FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="data/%s.pdf"/>\n      </file>\n'
        % (d["stt"], sums(pdfs[d["id"]]), PACKAGE_TIME, x(d["id"])) for d in docs)
    rep_divs = "".join('        <div ID="div-doc-%d" LABEL="%s"><fptr FILEID="file-%d"/></div>\n'
                       % (d["stt"], x(d["id"]), d["stt"]) for d in docs)
    rep_mets = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<mets %s OBJID="%s-rep1" TYPE="OTHER" csip:OTHERTYPE="SIP_hoso" csip:CONTENTINFORMATIONTYPE="OTHER" '
                'PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">\n'
                '  <metsHdr CREATEDATE="%s" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">\n%s  </metsHdr>\n'
                '  <fileSec ID="fileSec-rep1">\n    <fileGrp ID="grp-rep1-data" USE="Data">\n%s    </fileGrp>\n'
                '  </fileSec>\n'
                '  <structMap ID="structMap-rep1" TYPE="PHYSICAL" LABEL="CSIP">\n'
                '    <div ID="div-rep1" LABEL="%s-rep1">\n      <div ID="div-rep1-data" LABEL="Data">\n%s'
                '      </div>\n    </div>\n  </structMap>\n</mets>\n'
                % (METS_NS, x(f["id"]), PACKAGE_TIME, AGENT, rep_files, x(f["id"]), rep_divs)).encode("utf-8")
    files["representations/rep1/METS.xml"] = rep_mets
    meta = [("dmd-hoso", "metadata/descriptive/EAD.xml",
             ead_document(ead_file(f), f["id"], f["title"]).encode("utf-8"))]
    for d in docs:
        meta.append(("dmd-doc-%d" % d["stt"], "metadata/descriptive/EAD_doc_%s.xml" % d["id"],
                     ead_document(ead_item(d), d["id"], d["trich_yeu"]).encode("utf-8")))
    for _, rel, data in meta:
        files[rel] = data
    schema = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- placeholder: the EAD3 schema '
              b'(https://www.loc.gov/ead/ead3.xsd) is not copied into this sample -->\n'
              b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
              b'targetNamespace="http://ead3.archivists.org/schema/"/>\n')
    files["schemas/ead3.xsd"] = schema
    dmd = "".join('  <dmdSec ID="%s" CREATED="%s" STATUS="CURRENT">\n    <mdRef LOCTYPE="URL" MDTYPE="EAD" '
                  'MIMETYPE="text/xml" xlink:type="simple" xlink:href="%s" %s/>\n  </dmdSec>\n'
                  % (i, PACKAGE_TIME, rel, sums(data)) for i, rel, data in meta)
    root = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<mets %s OBJID="%s" LABEL="%s" TYPE="OTHER" csip:OTHERTYPE="SIP_hoso" '
            'csip:CONTENTINFORMATIONTYPE="OTHER" PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">\n'
            '  <metsHdr CREATEDATE="%s" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">\n%s  </metsHdr>\n%s'
            '  <fileSec ID="fileSec">\n'
            '    <fileGrp ID="grp-schemas" USE="Schemas">\n'
            '      <file ID="schema-ead3" MIMETYPE="application/xml" %s CREATED="%s">'
            '<FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="schemas/ead3.xsd"/></file>\n'
            '    </fileGrp>\n'
            '    <fileGrp ID="grp-rep1" USE="Representations/rep1">\n'
            '      <file ID="rep1-mets" MIMETYPE="text/xml" %s CREATED="%s">'
            '<FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="representations/rep1/METS.xml"/></file>\n'
            '    </fileGrp>\n'
            '  </fileSec>\n'
            '  <structMap ID="structMap" TYPE="PHYSICAL" LABEL="CSIP">\n'
            '    <div ID="div-root" LABEL="%s">\n'
            '      <div ID="div-metadata" LABEL="Metadata" DMDID="%s"/>\n'
            '      <div ID="div-schemas" LABEL="Schemas"><fptr FILEID="schema-ead3"/></div>\n'
            '      <div ID="div-rep1" LABEL="Representations/rep1"><mptr LOCTYPE="URL" xlink:type="simple" '
            'xlink:href="representations/rep1/METS.xml" xlink:title="rep1-mets"/></div>\n'
            '    </div>\n  </structMap>\n</mets>\n'
            % (METS_NS, x(f["id"]), x(f["title"]), PACKAGE_TIME, AGENT, dmd, sums(schema), PACKAGE_TIME,
               sums(rep_mets), PACKAGE_TIME, x(f["id"]), " ".join(i for i, _, _ in meta))).encode("utf-8")
    order = ["METS.xml"] + [rel for _, rel, _ in meta] + ["representations/rep1/METS.xml"] + \
            ["representations/rep1/data/%s.pdf" % d["id"] for d in docs] + ["schemas/ead3.xsd"]
    files["METS.xml"] = root
    with zipfile.ZipFile(path, "w") as z:
        for rel in order:
            zip_write(z, rel, files[rel], compress=not rel.endswith(".pdf"))


# =============================================================================================
# README
# =============================================================================================
README = """# Sample deliveries in the shapes contractors hand over

Generated by `python3 samples/make_delivery.py` (Python 3 with Pillow, Debian `python3-pil`, and
`fonts-noto-core`; `scripts/make_samples.sh` runs it after `make_samples.py`). Deterministic (seed {seed}): a rerun
rewrites everything here, this README included (its text lives in the script). Nothing carries the time of the
run: the zips' entries are stamped {ziptime}, METS and EAD say `{pkgtime}`, the PDFs carry no dates.
Everything is fictional (people, identity numbers, parcels, decision numbers), in the formats real district
records use. Layouts as `docs/DELIVERIES.md` describes them.

| path | what |
|---|---|
| `xlsx/metadata.xlsx` | an Excel delivery: 2 hồ sơ, {nx} documents, one row per document, every quirk below |
| `xlsx/PDF_Files/{phong}/hopso01/hoso0N/<id>.pdf` | its scans ({npx} pages), named `<Mã hồ sơ>.<số thứ tự>.pdf` (long style, 3-digit ordinal) |
| `sip/SIP_hoso_{sf}.zip` | a TT 05/2025 package (E-ARK CSIP 2.0.4), 1 hồ sơ, {ns} documents ({nps} pages), short-style ids |
| `twins/xlsx/ho_so.csv`, `twins/xlsx/tai_lieu.csv` | the xlsx delivery's records in the CSV layout of CONTRACT.md |
| `twins/sip/ho_so.csv`, `twins/sip/tai_lieu.csv` | the package's records in the CSV layout |
| `truth/<document id>/<page>.txt` | the exact true text of each page (NFC, reading order, one printed line per line) |
| `layer/<document id>/<page>.txt` | the words of the page's invisible text layer as written into the PDF, one printed line per line (no file for the page without a layer) |
| `layers.tsv` | per page: the layer's quality and the share of its words that are damaged |

## The scans: two-layer, mixed-raster PDFs

Every page is what a contractor's scanning software makes (Producer `{producer}`):

- a **150 ppi colour JPEG background** (DCTDecode, quality {bgq}, 1240×1754): paper tone and shading, specks, the
  red seal, the blue signature; the text is absent, or on the handwritten forms left as a faint, blurred ghost;
- **300 ppi 1-bit foreground masks** (`/ImageMask true`, several per page, one per block of print): the black
  text painted in near-black, Flate in the xlsx delivery, **CCITT G4** in the package; the handwriting is its own
  masks painted in blue;
- an **invisible text layer** (`3 Tr`) in a `GlyphLessFont` Type0/CIDFontType2 font (Identity-H, Tesseract's
  glyph-less `pdf.ttf` embedded, a ToUnicode CMap mapping every code to itself, each character written as its
  UTF-16 code), one word at a time in its box, turned with the page's skew (0.15–0.55°) and stretched with `Tz`,
  so `pdftotext` gives correct UTF-8 Vietnamese — the OCR's own mistakes included.

The layer is "the contractor's own OCR", of uneven quality: on a **good** page about 2 % of the printed words
are damaged; on a **poor** page 45 % (dropped or wrong tone marks, lost circumflex/breve/horn, `đ`→`d`,
`rn`/`m`, `Q`→`Ọ`, digits read as letters, words split, `Số:`→`Số :`); **none** is a page without a text layer.
Numbers and dates **written by hand** in blue ink into printed forms (`Số: 05/TB-UBND`, `ngày 04 tháng 3`,
`năm 20`+`16`, areas, parcel and identity numbers) are always misread by the layer, good or poor (`ũ 4`, `20ỉ6`).

`layers.tsv` columns: `document_id`, `page`, `layer` (`good`/`poor`/`none`), `damaged_share` (damaged true words
÷ true words; 1.000 for `none`), `words` (true words on the page), `damaged`, `handwritten` (true words with a
handwritten part), `delivery` (`xlsx`/`sip`). A word is damaged when the layer's text for its box differs from
it. The truth holds every printed and handwritten word; not the rules, dotted leaders, the seal's ring text or
signatures.

## Documents

| id | delivery | type | Số/Ký hiệu | date | access (own) | pages: layer (damaged share) | handwritten |
|---|---|---|---|---|---|---|---|
{doctable}

## The Excel delivery (`xlsx/metadata.xlsx`)

One sheet, `Danh mục tài liệu`. Row 1 a title, row 2 a subtitle (both merged across the sheet), row 3 blank,
**row 4 the header**, rows 5–{lastrow} one row per document with the hồ sơ's fields repeated on every row. No
`Mã hồ sơ` column: it is the scan's file name less its last part (`{xf1}.001.pdf` → `{xf1}`). The header,
left to right, exactly as written:

{headers}

Quirks present on purpose:

- numbers stored as numbers (`<c t="n">`: `Mục lục` 12, `Năm …`, `Số thứ tự văn bản trong hồ sơ`, `Tờ số`,
  `Số lượng …`, most `Số của văn bản`), codes with leading zeros stored as text in a Text-formatted cell
  (`Hộp số` `01`, `Số và ký hiệu hồ sơ` `01`/`02`, `Số của văn bản` `05` and `07`);
- dates split into `Ngày/Tháng/Năm bắt đầu`, `… kết thúc`, `… văn bản`; day and month as numbers on some rows and
  as zero-padded text on others (`4` and `'04'` are the same day); the `Ngày văn bản` of `{serialdoc}` is a whole
  date stored as a serial number ({serial}) in a `dd/mm/yyyy` date style, with `Tháng`/`Năm văn bản` filled too;
- `Thời hạn bảo quản` as words (`Vĩnh viễn`, `70 năm`), `Chế độ sử dụng` as words;
- `Số của văn bản` and `Ký hiệu của văn bản` apart, the symbol with its leading `/` and stray spaces:
  `/TB-UBND`, `/BC - TTr` (→ `BC-TTr`), `/TTr-HĐBT ` (trailing space); a biên bản with Số `18`;
- the same name twice, first the hồ sơ's and then the document's: `Ngôn ngữ`, `Ghi chú`, `Ký hiệu thông tin`,
  `Từ khóa`, `Chế độ sử dụng`, `Mức độ tin cậy`, `Tình trạng vật lý`; the document's `Chế độ sử dụng` is empty
  (inherited) except on `{xf1}.004` (`Sử dụng có điều kiện`, stricter than its hồ sơ) and `{xf2}.003`
  (`Công khai`, more open than its hồ sơ); `Ghi chú` empty on hồ sơ `{xf2}` and on most documents;
- `Tác giả văn bản` for the issuing body; `Phông` holds the fonds' name (there is no `Tên phông` column);
- `Đường dẫn file` with Windows backslashes, in three forms: `\\{phong}\\hopso01\\hoso01\\<file>.pdf` (relative to
  `PDF_Files`, leading `\\`; most rows), `PDF_Files\\{phong}\\hopso01\\hoso02\\<file>.pdf` (relative to the
  workbook's folder; `{xf2}.002`) and `\\{phong}\\hopso01\\HOSO02\\<file>.pdf` (another letter case than the
  folder `hoso02` on disk; `{xf2}.003`). The folder `{phong}` has spaces and Vietnamese letters (NFC).

### Columns and their CSV twins (`twins/xlsx/`)

| xlsx header | CSV column (twin) |
|---|---|
| `Phông` | `Tên phông` |
| `Tiêu đề hồ sơ`, `Ngôn ngữ` ×2, `Chế độ sử dụng` ×2, `Ký hiệu thông tin` ×2, `Từ khóa` ×2, `Mức độ tin cậy` ×2, `Tình trạng vật lý` ×2, `Ghi chú` ×2, `Tổng số tài liệu`, `Số lượng tờ`, `Tên loại văn bản`, `Trích yếu nội dung`, `Người ký`, `Số lượng trang` | the same name (the first of a pair in `ho_so.csv`, the second in `tai_lieu.csv`) |
| `Thời hạn bảo quản` (`Vĩnh viễn`, `70 năm`) | `Thời hạn lưu trữ` (`01`, `02`) |
| `Ngày/Tháng/Năm bắt đầu`, `… kết thúc` | `Thời gian bắt đầu`, `Thời gian kết thúc` (`DD/MM/YYYY`) |
| `Ngày/Tháng/Năm văn bản` | `Ngày văn bản` (`DD/MM/YYYY`) |
| `Số thứ tự văn bản trong hồ sơ` | `Số thứ tự` |
| `Số của văn bản`, `Ký hiệu của văn bản` | `Số` (`12`, `05`), `Ký hiệu` (`BC-TTr`, `QĐ-UBND`) |
| `Tác giả văn bản` | `Cơ quan ban hành` |
| `Đường dẫn file` | `Tệp`: the scan's file name alone |
| — (from the file name) | `Mã hồ sơ` |
| **`Mục lục`, `Hộp số`, `Số và ký hiệu hồ sơ`** | no CONTRACT column: extra metadata of the hồ sơ, under the same header in `ho_so.csv` (`12`, `01`, `01`) |
| **`Tờ số`, `Loại tài liệu`** | no CONTRACT column: extra metadata of the document, under the same header in `tai_lieu.csv` |

The twins keep access as words (`Công khai`, `Sử dụng có điều kiện`) and `Thời hạn lưu trữ` as its code. To build
a CSV batch from a twin, copy the scans next to its two files (the xlsx delivery's from `xlsx/PDF_Files/…`, the
package's from `representations/rep1/data/` inside the zip): it must give the same documents and metadata.

## The package (`sip/SIP_hoso_{sf}.zip`)

```
METS.xml                                             mets OBJID="{sf}" TYPE="OTHER" csip:OTHERTYPE="SIP_hoso"
metadata/descriptive/EAD.xml                         EAD3, archdesc level="file": the hồ sơ
metadata/descriptive/EAD_doc_<document id>.xml       EAD3, archdesc level="item": one per document
representations/rep1/METS.xml                        fileSec: MIMETYPE, SIZE, CHECKSUM (SHA-256), CHECKSUMTYPE="SHA-256", FLocat xlink:href="data/<file>"
representations/rep1/data/<Mã hồ sơ>.<số thứ tự>.pdf the scans
schemas/ead3.xsd                                     a placeholder schema
```

`METS.xml` is at the zip's root (no top folder). The root METS has a `dmdSec` with an `mdRef` (SIZE, SHA-256) for
each EAD file, a `fileSec` with the schema and the representation's METS (SIZE, SHA-256), and a structMap whose
`Representations/rep1` div has an `mptr` to `representations/rep1/METS.xml`. Checksums are upper-case hex.

EAD of the hồ sơ (`archdesc level="file"`): `did/unitid` (Mã hồ sơ), `did/unittitle`, `did/unitdatestructured/
daterange` (`fromdate`/`todate` with `standarddate` ISO, text `DD/MM/YYYY`), `did/langmaterial/language
langcode="vie"`, `did/physdescstructured` (quantity + `unittype` `tờ`, and `trang`), `did/physdesc
localtype="Tình trạng vật lý"`, `accessrestrict` (`<head>Chế độ sử dụng</head><p>Công khai</p>`), `controlaccess/
subject/part` (one per keyword; the twin joins them with `; `), `odd localtype=` `Thời hạn bảo quản` (`Vĩnh viễn`),
`Tên phông`, `Mục lục`, `Hộp số`, `Tổng số tài liệu`, `Mức độ tin cậy`, `Ký hiệu thông tin`, `Mã hồ sơ gốc giấy`,
and `<odd><head>Ghi chú</head>…`.

EAD of a document (`archdesc level="item"`): `did/unitid` (the document id), `did/unittitle` (Trích yếu),
`did/unitdatestructured/datesingle standarddate=` (or, on `{sf}.4`, `did/unitdate normal="2018-04-20"`),
`did/origination/corpname/part` (Cơ quan ban hành), `did/langmaterial`, `did/physdescstructured` (`trang`),
`did/physdesc localtype="Tình trạng vật lý"`, `did/dao href="../../representations/rep1/data/<file>"`,
`accessrestrict` (only on `{sf}.4`, `Công khai`), `controlaccess/subject` (Từ khóa), `odd localtype=`
`Tên loại văn bản`, `Số và ký hiệu` (`215/TTr-TNMT`; on `{sf}.1`, which has no number, `Ký hiệu` `BB-TNMT`),
`Người ký`, `Mức độ tin cậy`, `Tờ số` (no CONTRACT column: extra metadata, `Tờ số` in the twin). The twins
(`twins/sip/`) give the same values: dates `DD/MM/YYYY`, `Số`/`Ký hiệu` apart, `Thời hạn lưu trữ` `01`.

## Files (hồ sơ)

| Mã hồ sơ | delivery | phông | access | Thời hạn bảo quản | dates | title |
|---|---|---|---|---|---|---|
{filetable}
"""


def write_readme(docs):
    rows = []
    for d in docs:
        so = ("%s/%s" % (d["so"], d["kyhieu"])) if d["so"] else "— /" + d["kyhieu"]
        pages = ", ".join("%d: %s (%.3f)" % (p["n"], p["quality"], p["damaged"] / p["words"]) for p in d["pages"])
        hand = sum(p["hand"] for p in d["pages"])
        rows.append("| `%s` | %s | %s | %s | %s | %s | %s | %s |" % (
            d["id"], d["delivery"], d["kind"], so, dmy(d["date"]), d["access"] or "*(inherited)*", pages,
            "%d words" % hand if hand else "—"))
    files = "\n".join("| `%s` | %s | %s | %s | %s | %s – %s | %s |" % (
        f["id"], f["delivery"], f["phong"], f["access"], f["han"], dmy(f["start"]), dmy(f["end"]), f["title"])
        for f in FILES)
    xdocs = [d for d in docs if d["delivery"] == "xlsx"]
    sdocs = [d for d in docs if d["delivery"] == "sip"]
    serial_doc = [d for d in xdocs if d["date_serial"]][0]
    text = README.format(
        seed=SEED, ziptime="%04d-%02d-%02d %02d:%02d" % ZIP_TIME[:5], pkgtime=PACKAGE_TIME, nx=len(xdocs),
        npx=sum(len(d["pages"]) for d in xdocs), ns=len(sdocs), nps=sum(len(d["pages"]) for d in sdocs),
        phong=PHONG_X, sf=SF, xf1=XF1, xf2=XF2, producer=PRODUCER, bgq=BG_QUALITY, doctable="\n".join(rows),
        lastrow=4 + len(xdocs), headers=", ".join("`%s`" % h for h, *_ in XLSX_COLUMNS),
        serialdoc=serial_doc["id"], serial=excel_serial(*serial_doc["date"]), filetable=files)
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(nfc(text))


# =============================================================================================
# Main
# =============================================================================================

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
        write_csv(os.path.join(tdir, "ho_so.csv"), fh_cols, [file_row(FILE[i]) for i in fids])
        write_csv(os.path.join(tdir, "tai_lieu.csv"), dh_cols, [doc_row(d) for d in docs])

    with open(os.path.join(OUT, "layers.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("document_id\tpage\tlayer\tdamaged_share\twords\tdamaged\thandwritten\tdelivery\n")
        for d in DOCS:
            for p in d["pages"]:
                fh.write("%s\t%d\t%s\t%.3f\t%d\t%d\t%d\t%s\n" % (d["id"], p["n"], p["quality"],
                                                               p["damaged"] / p["words"], p["words"], p["damaged"],
                                                               p["hand"], d["delivery"]))
    write_readme(DOCS)
    total = 0
    for root, _, names in os.walk(OUT):
        total += sum(os.path.getsize(os.path.join(root, n)) for n in names)
    print("%d documents, %d pages, %.2f MB in %s" % (len(DOCS), sum(len(d["pages"]) for d in DOCS), total / 1e6,
                                                     os.path.relpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
