"""Real-shaped bench pages, laid out by this bench (not by samples/render.py): margins, column widths and
heading shapes drawn at random per page; dense single-column text, tables of households and parcels with
handwritten numbers, a typewriter face, stamps over text, photocopy noise. Scanned as a contractor's mixed
raster: 300 ppi 1-bit foreground masks (print, handwriting) and a 150 ppi colour background (paper, seals,
signatures), written by samples/delivery_pdf.py with or without an invisible text layer.
"""
import os
import re
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "samples"))
import render  # noqa: E402
from delivery_scan import BG_DPI, DPI, bilevel, draw_hand, hand_width  # noqa: E402

import content  # noqa: E402

SERIF = {"r": "NotoSerif-Regular.ttf", "b": "NotoSerif-Bold.ttf", "i": "NotoSerif-Italic.ttf"}
SANS = {"r": "NotoSans-Regular.ttf", "b": "NotoSans-Bold.ttf", "i": "NotoSans-Italic.ttf"}
# A typewriter's face is monospaced, every letter drawn to fit its cell: Liberation Mono has Courier's metrics.
TYPE = {"r": "../liberation2/LiberationMono-Regular.ttf", "b": "../liberation2/LiberationMono-Bold.ttf",
        "i": "../liberation2/LiberationMono-Italic.ttf"}
RED = (200, 36, 44)
_fonts = {}


def font(face, style, pt):
    size = round(pt * DPI / 72)
    key = (face[style], size)
    if key not in _fonts:
        _fonts[key] = render.ImageFont.truetype(render.FONT_DIR + face[style], size)
    return _fonts[key]


class Sheet:
    """One A4 page at 300 dpi: its words (x, baseline, text, font, hand?) by line in reading order, rules, seals,
    signatures and stamps."""

    def __init__(self, rng, kind):
        self.W, self.H = round(210 / 25.4 * DPI), round(297 / 25.4 * DPI)
        self.kind = kind
        cm = DPI / 2.54
        self.left = round(rng.uniform(1.8, 3.5) * cm)
        self.right = self.W - round(rng.uniform(1.0, 2.4) * cm)
        self.top = round(rng.uniform(1.2, 2.6) * cm)
        self.face = TYPE if kind == "typewriter" else (SANS if rng.random() < 0.3 else SERIF)
        self.mono = kind == "typewriter"
        self.lines = []       # [[(x, baseline, text, font, hand)]]
        self.rules = []       # (x0, y0, x1, y1, width)
        self.seals = []       # (cx, cy, r, text)
        self.signatures = []  # (cx, cy)
        self.stamps = []      # (x, y, lines)

    def width(self, text, f):
        if self.mono:
            return len(text) * f.size * 0.6
        return f.getlength(text)

    def put(self, words):
        if words:
            self.lines.append(words)

    def centred(self, text, style, pt, x0, x1, y):
        f = font(self.face, style, pt)
        while self.width(text, f) > x1 - x0 and pt > 8:
            pt -= 0.5
            f = font(self.face, style, pt)
        x = x0 + (x1 - x0 - self.width(text, f)) / 2
        self.put(self.words_of(text, x, y, f))
        return x, self.width(text, f)

    def words_of(self, text, x, y, f):
        out = []
        for m in re.finditer(r"\S+", text):
            out.append((x + self.width(text[:m.start()], f), y, m.group(), f))
        return out

    def wrap(self, text, style, pt, x0, x1, y, indent, leading):
        f = font(self.face, style, pt)
        space = self.width(" ", f)
        cur, cur_w, avail = [], 0.0, x1 - x0 - indent
        lines = []
        for w in text.split():
            ww = self.width(w, f)
            if cur and cur_w + space + ww > avail:
                lines.append(cur)
                cur, cur_w, avail = [w], ww, x1 - x0
            else:
                cur.append(w)
                cur_w += (space if len(cur) > 1 else 0) + ww
        if cur:
            lines.append(cur)
        for i, ln in enumerate(lines):
            self.put(self.words_of(" ".join(ln), x0 + (indent if i == 0 else 0), y, f))
            y += leading
        return y


def layout(rng, kind, doc):
    s = Sheet(rng, kind)
    pt = {"dense": rng.uniform(11, 12), "typewriter": 12.5}.get(kind, rng.uniform(12.5, 13.5))
    lead = round(pt * DPI / 72 * rng.uniform(1.22, 1.45))
    hx0, hx1 = s.left - round(rng.uniform(0, 1.2) * DPI / 2.54), s.right
    split = hx0 + round((hx1 - hx0) * rng.uniform(0.36, 0.48))
    gap = round(rng.uniform(0.2, 0.7) * DPI / 2.54)
    y0 = s.top + round(13 * DPI / 72)
    hlead = round(13 * DPI / 72 * rng.uniform(1.2, 1.35))
    y = y0
    for text, style in doc["left"]:
        s.centred(text, style, 12.5, hx0, split - gap, y)
        y += hlead
    yr = y0
    for text in doc["right"]:
        style = "i" if "ngày" in text or text.startswith("(") else ("r" if text.startswith("Mẫu") else "b")
        x, w = s.centred(text, style, 12.5, split, hx1, yr)
        if text.startswith("Độc lập"):
            s.rules.append((x, yr + 20, x + w, yr + 20, 3))
        yr += hlead
    y = max(y, yr) + lead
    s.centred(doc["title"], "b", 14, s.left, s.right, y)
    y += lead
    y = s.wrap(doc["subject"], "b", 13, s.left + 200, s.right - 200, y, 0, lead) + lead // 2
    for p in doc["paras"]:
        y = s.wrap(p, "r", pt, s.left, s.right, y, round(1.0 * DPI / 2.54), lead) + lead // 4
        if y > s.H - 900:
            break
    if doc["rows"]:
        y = table(s, rng, doc["rows"], y + lead // 2)
    if y < s.H - 700:
        sign_x = (s.left + s.right) / 2 + (s.right - s.left) / 4
        y += lead
        for text in doc["signer"]:
            if text is None:
                s.signatures.append((sign_x, y + 60))
                if rng.random() < 0.8:
                    s.seals.append((sign_x - 150, y + 20, rng.randint(150, 190), "ỦY BAN NHÂN DÂN"))
                y += 3 * lead
                continue
            s.centred(text, "b", 13, sign_x - 450, sign_x + 450, y)
            y += lead
    if kind == "stamp":
        line = rng.choice(s.lines[len(doc["left"]) + 4: max(len(doc["left"]) + 5, len(s.lines) - 6)])
        s.stamps.append((line[0][0] + rng.randint(200, 900), line[0][1] - 90, rng.choice(
            [["SAO Y BẢN CHÍNH"], ["ĐÃ KIỂM TRA", "Ngày ... tháng ... năm ..."], ["CÔNG VĂN ĐẾN", "Số: ......"]])))
    return s


def table(s, rng, rows, y):
    """A ruled table of households and parcels; numbers in `{…}` are written by hand into the cells."""
    f = font(s.face, "r", 11)
    fb = font(s.face, "b", 11)
    fr = [0.06, 0.25, 0.11, 0.11, 0.14, 0.17, 0.16]
    xs = [s.left]
    for r in fr:
        xs.append(xs[-1] + round(r * (s.right - s.left)))
    rh = round(11 * DPI / 72 * 2.0)
    top = y
    cells = [(content.TABLE_HEAD, fb)] + [(r, f) for r in rows]
    for cells_row, ff in cells:
        words = []
        for c, text in enumerate(cells_row):
            x0, x1 = xs[c] + 14, xs[c + 1] - 14
            hand = text.startswith("{")
            plain = text.strip("{}")
            w = hand_width(plain, ff.size * 0.92) if hand else s.width(plain, ff)
            while not hand and w > x1 - x0 and len(plain) > 3:
                ff = font(s.face, "r", ff.size * 72 / DPI - 0.5)
                w = s.width(plain, ff)
            x = x0 + (x1 - x0 - w) / 2 if c != 1 else x0
            if hand:
                words.append((x, y + rh * 0.68, plain, ff, True))
            else:
                words += s.words_of(plain, x, y + rh * 0.68, ff)
        s.put(words)
        y += rh
    for c in range(len(xs)):
        s.rules.append((xs[c], top, xs[c], y, 3))
    for k in range(len(cells) + 1):
        s.rules.append((xs[0], top + k * rh, xs[-1], top + k * rh, 3))
    return y


def truth(s):
    return "\n".join(" ".join(w[2] for w in ln) for ln in s.lines) + "\n"


def text_layer_words(s):
    """The page's words as a good contractor's layer carries them: (x, baseline, width, size_px, text)."""
    out = []
    for ln in s.lines:
        for w in ln:
            x, y, text, f = w[:4]
            hand = len(w) > 4 and w[4]
            width = hand_width(text, f.size * 0.92) if hand else s.width(text, f)
            out.append((x, y, width, f.size, text))
    return out


def draw(s, rng):
    """Ink (print), hand (handwriting) and colour (seals, signatures, stamps) layers, 300 ppi."""
    ink = Image.new("L", (s.W, s.H), 255)
    hand = Image.new("L", (s.W, s.H), 255)
    colour = Image.new("RGB", (s.W, s.H), "white")
    di, dh, dc = ImageDraw.Draw(ink), ImageDraw.Draw(hand), ImageDraw.Draw(colour)
    for ln in s.lines:
        for w in ln:
            x, y, text, f = w[:4]
            if len(w) > 4 and w[4]:
                draw_hand(dh, text, x, y, f.size * 0.92, rng)
            elif s.mono:
                typed(di, s, text, x, y, f, rng)
            else:
                di.text((x, y), text, font=f, fill=0, anchor="ls")
    for x0, y0, x1, y1, wd in s.rules:
        di.line([(x0, y0), (x1, y1)], fill=0, width=wd)
    for cx, cy in s.signatures:
        render._signature(dc, cx, cy, rng, DPI / 200)
    for cx, cy, r, text in s.seals:
        seal = render._seal(r, text, DPI, rng).rotate(rng.uniform(-25, 25), resample=Image.BICUBIC, fillcolor="white")
        box = (round(cx - seal.width / 2), round(cy - seal.height / 2))
        region = colour.crop((box[0], box[1], box[0] + seal.width, box[1] + seal.height))
        colour.paste(ImageChops.multiply(region, seal), box)
    for x, y, lines in s.stamps:
        f = font(SANS, "b", 13)
        w = max(f.getlength(t) for t in lines) + 60
        h = len(lines) * 70 + 40
        dc.rectangle([x, y, x + w, y + h], outline=RED, width=6)
        for i, t in enumerate(lines):
            dc.text((x + 30, y + 75 + i * 70), t, font=f, fill=RED, anchor="ls")
    if s.mono:
        # typewriter ink spreads: thicken and let the ribbon leave some letters faint
        ink = ink.filter(ImageFilter.MinFilter(3))
    return ink, hand, colour


def typed(d, s, text, x, y, f, rng):
    """A typewriter's line: one character per cell, each struck a little off the line and unevenly inked."""
    cell = f.size * 0.6
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        cx = x + i * cell + cell / 2 + rng.uniform(-1.5, 1.5)
        g = rng.randint(0, 70)
        d.text((cx, y + rng.uniform(-2.0, 2.0)), ch, font=f, fill=g, anchor="ms")


def photocopy(ink, rng):
    """A photocopy of a photocopy: toner specks, a dark streak down the page, a grey edge, worn strokes."""
    W, H = ink.size
    d = ImageDraw.Draw(ink)
    for _ in range(rng.randint(1500, 3500)):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0.8, 3.2)
        d.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(0, 90))
    sx = rng.uniform(0.1, 0.9) * W
    for yy in range(0, H, 4):
        if rng.random() < 0.6:
            d.line([(sx + rng.uniform(-3, 3), yy), (sx + rng.uniform(-3, 3), yy + 4)], fill=rng.randint(40, 120),
                   width=rng.randint(2, 6))
    edge = rng.randint(40, 110)
    d.rectangle([0, 0, edge, H], fill=30)
    worn = Image.frombytes("L", (W // 6 + 1, H // 6 + 1), rng.randbytes((W // 6 + 1) * (H // 6 + 1)))
    worn = worn.resize((W, H), Image.BILINEAR).point(lambda v: 255 if v > 236 else 0)
    return ImageChops.lighter(ink, worn)


def scan(s, rng):
    """(background RGB 150 ppi, ink 1-bit 300 ppi, hand 1-bit 300 ppi, angle) as delivery_pdf writes them."""
    ink, hand, colour = draw(s, rng)
    if s.kind in ("photocopy", "typewriter"):
        ink = photocopy(ink, rng)
    angle = rng.uniform(0.1, 0.8) * rng.choice([-1, 1])
    ink = ink.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    hand = hand.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    colour = colour.rotate(angle, resample=Image.BICUBIC, fillcolor="white")
    ink1 = bilevel(ink, rng, 0.9 if s.kind == "photocopy" else 0.7, 150, 30)
    hand1 = bilevel(hand, rng, 0.7, 160, 30)
    bw, bh = round(s.W * BG_DPI / DPI), round(s.H * BG_DPI / DPI)
    bg = colour.resize((bw, bh), Image.BOX)
    tint = (rng.randint(232, 248), rng.randint(226, 242), rng.randint(200, 224))
    paper = Image.new("RGB", (bw, bh), tint)
    bg = ImageChops.multiply(bg, paper).filter(ImageFilter.GaussianBlur(0.6))
    return bg, ink1, hand1, angle
