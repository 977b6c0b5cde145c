"""Page layout, rendering, scan degradation and file writers for make_samples.py.

Lays out a Vietnamese administrative document (two-column heading, title, body, signature block)
on A4 pages, records the exact text of every drawn line in reading order (the truth), draws the
pages, then makes them look scanned. Pure Pillow + standard library; deterministic for a seed.
"""
import io
import math
import random
import struct
import unicodedata
import zlib

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/noto/"
FONT_FILES = {
    "r": "NotoSerif-Regular.ttf",
    "b": "NotoSerif-Bold.ttf",
    "i": "NotoSerif-Italic.ttf",
    "bi": "NotoSerif-BoldItalic.ttf",
}
INK = (22, 22, 28)
SEAL_RED = (205, 40, 48)
SIGN_BLUE = (30, 45, 130)

_font_cache = {}


def font(style, pt, dpi):
    size = round(pt * dpi / 72)
    key = (style, size)
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(FONT_DIR + FONT_FILES[style], size)
    return _font_cache[key]


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------------
# Document model (blocks)
# --------------------------------------------------------------------------------------------
# A document is a dict with "heading" and "blocks". Blocks are tuples:
#   ("title", text)                      bold 14 pt centred capitals (QUYẾT ĐỊNH)
#   ("subject", text)                    bold 14 pt centred, wrapped, short rule below (Về việc …)
#   ("center", text, style, pt)          one centred line
#   ("para", runs, opts)                 justified paragraph; runs = [(text, style)], opts dict:
#                                        indent (bool), pt, after (pt), justify (bool)
#   ("sign", left, right, opts)          signature block; left/right = [(text, style, pt)] with
#                                        None for the signature space; opts: seal, seal_text, signed
#   ("gap", pt)


class Line:
    """A laid-out line: words placed at x on a baseline; `text` is its truth."""

    def __init__(self, words, baseline, text):
        self.words = words  # [(x, word, font, colour)]
        self.baseline = baseline
        self.text = text


class Page:
    def __init__(self):
        self.lines = []      # Line, in reading order
        self.rules = []      # (x0, y, x1, width)
        self.boxes = []      # (x0, y0, x1, y1, width, colour)
        self.signatures = []  # (cx, cy, rng-seed)
        self.seals = []      # (cx, cy, r, text)

    def truth(self):
        return "\n".join(nfc(" ".join(l.text.split())) for l in self.lines if l.text.strip()) + "\n"


class Layout:
    def __init__(self, dpi):
        self.dpi = dpi
        self.W = round(210 / 25.4 * dpi)   # A4: 1654 x 2339 at 200 dpi, 2480 x 3508 at 300 dpi
        self.H = round(297 / 25.4 * dpi)
        self.left = self.cm(3.0)
        self.right = self.W - self.cm(2.0)
        self.top = self.cm(2.0)
        self.bottom = self.H - self.cm(2.0)

    def cm(self, x):
        return round(x * self.dpi / 2.54)

    def pt(self, x):
        return round(x * self.dpi / 72)

    def f(self, style, pt):
        return font(style, pt, self.dpi)

    def line_h(self, pt, factor=1.32):
        return round(self.pt(pt) * factor)

    # ---- text helpers ------------------------------------------------------------------
    def centred(self, text, style, pt, x0, x1, baseline, colour=INK, shrink=True):
        f = self.f(style, pt)
        w = f.getlength(text)
        while shrink and w > (x1 - x0) and pt > 8:
            pt -= 0.5
            f = self.f(style, pt)
            w = f.getlength(text)
        x = x0 + ((x1 - x0) - w) / 2
        return Line([(x, text, f, colour)], baseline, text), w, x

    def wrap(self, runs, pt, width, indent):
        """Greedy line breaking of styled words. Returns list of [(word, font)] per line."""
        words = []
        for text, style in runs:
            f = self.f(style, pt)
            for w in text.split():
                words.append((w, f))
        space = self.f("r", pt).getlength(" ")
        lines, cur, cur_w = [], [], 0.0
        avail = width - indent
        for w, f in words:
            ww = f.getlength(w)
            add = ww if not cur else space + ww
            if cur and cur_w + add > avail:
                lines.append(cur)
                cur, cur_w = [(w, f)], ww
                avail = width
            else:
                cur.append((w, f))
                cur_w += add
        if cur:
            lines.append(cur)
        return lines, space


def layout_document(doc, dpi):
    """Lay out a document; returns (Layout, [Page])."""
    L = Layout(dpi)
    pages = [Page()]
    page = pages[0]
    y = L.top

    # ---- heading -------------------------------------------------------------------------
    hd = doc["heading"]
    hx0 = L.left - L.cm(1.2)
    hx1 = L.right + L.cm(0.6)
    split = hx0 + round((hx1 - hx0) * 0.42)
    lcol = (hx0, split - L.cm(0.2))
    rcol = (split, hx1)
    lh = L.line_h(13, 1.28)
    yl = L.top + L.pt(13)
    left_lines = []
    for text in hd.get("parent", []):
        ln, w, x = L.centred(text, "r", 13, *lcol, yl)
        left_lines.append(ln)
        yl += lh
    last_w = last_x = 0
    for text in hd["body"]:
        ln, last_w, last_x = L.centred(text, "b", 13, *lcol, yl)
        left_lines.append(ln)
        yl += lh
    rule_w = max(last_w * 0.4, L.cm(2.5))
    cx = (lcol[0] + lcol[1]) / 2
    page.rules.append((cx - rule_w / 2, yl - lh + L.pt(6), cx + rule_w / 2, 2))
    yl += round(lh * 0.35)
    so_base = yl
    if hd.get("so"):
        ln, _, _ = L.centred(hd["so"], "r", 13, *lcol, yl)
        left_lines.append(ln)
    yr = L.top + L.pt(13)
    right_lines = []
    ln, _, _ = L.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b", 12.5, *rcol, yr)
    right_lines.append(ln)
    yr += lh
    ln, w, x = L.centred("Độc lập - Tự do - Hạnh phúc", "b", 13.5, *rcol, yr)
    right_lines.append(ln)
    page.rules.append((x, yr + L.pt(7.5), x + w, 2))
    yr += lh
    date_base = max(yr + round(lh * 0.35), so_base)
    ln, _, _ = L.centred(hd["date"], "i", 13.5, *rcol, date_base)
    right_lines.append(ln)
    page.lines.extend(left_lines + right_lines)
    y = max(so_base, date_base) + L.pt(8)
    if doc.get("secret"):
        # the red "MẬT" stamp under the number
        f = L.f("b", 15)
        tw = f.getlength("MẬT")
        bx0 = cx - tw / 2 - L.pt(8)
        by0 = y
        base = by0 + L.pt(22)
        page.lines.append(Line([(cx - tw / 2, "MẬT", f, SEAL_RED)], base, "MẬT"))
        page.boxes.append((bx0, by0, cx + tw / 2 + L.pt(8), base + L.pt(9), 4, SEAL_RED))
        y = base + L.pt(12)
    y += L.pt(14)

    width = L.right - L.left

    def new_page():
        nonlocal page, y
        page = Page()
        pages.append(page)
        n = len(pages)
        ln, _, _ = L.centred(str(n), "r", 13, L.left, L.right, L.cm(1.4))
        page.lines.append(ln)
        y = L.top + L.pt(6)

    def need(h):
        nonlocal y
        if y + h > L.bottom:
            new_page()

    for blk in doc["blocks"]:
        kind = blk[0]
        if kind == "gap":
            y += L.pt(blk[1])
        elif kind == "title":
            lhh = L.line_h(15)
            need(lhh * 3)
            y += lhh
            ln, _, _ = L.centred(blk[1], "b", 15, L.left, L.right, y)
            page.lines.append(ln)
            y += L.pt(4)
        elif kind == "subject":
            lhh = L.line_h(14, 1.25)
            lines, space = L.wrap([(blk[1], "b")], 14, width - L.cm(2), 0)
            for ws in lines:
                y += lhh
                text = " ".join(w for w, _ in ws)
                ln, w, x = L.centred(text, "b", 14, L.left, L.right, y)
                page.lines.append(ln)
            page.rules.append(((L.left + L.right) / 2 - L.cm(1.8), y + L.pt(9),
                               (L.left + L.right) / 2 + L.cm(1.8), 2))
            y += L.pt(16)
        elif kind == "center":
            _, text, style, pt = blk
            lhh = L.line_h(pt)
            need(lhh)
            y += lhh
            ln, _, _ = L.centred(text, style, pt, L.left, L.right, y)
            page.lines.append(ln)
            y += L.pt(3)
        elif kind == "para":
            _, runs, opts = blk
            pt = opts.get("pt", 14)
            indent = L.cm(1.0) if opts.get("indent", True) else 0
            lhh = L.line_h(pt, opts.get("spacing", 1.3))
            lines, space = L.wrap(runs, pt, width, indent)
            for i, ws in enumerate(lines):
                need(lhh)
                y += lhh
                x = L.left + (indent if i == 0 else 0)
                avail = L.right - x
                natural = sum(f.getlength(w) for w, f in ws) + space * (len(ws) - 1)
                if opts.get("centre"):
                    x = L.left + (width - natural) / 2
                gap = space
                if opts.get("justify", True) and i < len(lines) - 1 and len(ws) > 1:
                    gap = space + (avail - natural) / (len(ws) - 1)
                placed = []
                for w, f in ws:
                    placed.append((x, w, f, INK))
                    x += f.getlength(w) + gap
                page.lines.append(Line(placed, y, " ".join(w for w, _ in ws)))
            y += L.pt(opts.get("after", 4))
        elif kind == "sign":
            _, left, right, opts = blk
            y0 = y + L.pt(10)

            def col_height(items):
                h = 0
                for it in items:
                    h += L.cm(3.0) if it is None else L.line_h(it[2], 1.25)
                return h
            hgt = max(col_height(left), col_height(right)) + L.pt(10)
            if y0 + hgt > L.bottom:
                new_page()
                y0 = y
            mid = L.left + round(width * 0.45)
            out = []
            for items, (c0, c1), centre in ((left, (L.left, mid), opts.get("left_centred", False)),
                                              (right, (mid, L.right + L.cm(0.5)), True)):
                yy = y0
                for it in items:
                    if it is None:
                        sx = (c0 + c1) / 2
                        if opts.get("signed", True):
                            page.signatures.append((sx, yy + L.cm(1.4)))
                        if opts.get("seal") and centre and c0 == mid:
                            page.seals.append((sx - L.cm(1.9), yy + L.cm(1.3), L.cm(1.65),
                                               opts.get("seal_text", "")))
                        yy += L.cm(3.0)
                        continue
                    text, style, pt = it
                    yy += L.line_h(pt, 1.25)
                    if centre:
                        ln, _, _ = L.centred(text, style, pt, c0, c1, yy)
                    else:
                        ln = Line([(c0, text, L.f(style, pt), INK)], yy, text)
                    out.append(ln)
            page.lines.extend(out)
            y = y0 + hgt
        else:
            raise ValueError(kind)
    return L, pages


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------

def _signature(draw, cx, cy, rng, scale):
    pts = []
    x = cx - 110 * scale
    for i in range(9):
        x += rng.uniform(15, 32) * scale
        yv = cy + rng.uniform(-38, 38) * scale
        pts.append((x, yv))
    pts.append((x + 60 * scale, cy - 50 * scale))
    # Catmull-Rom through the points
    curve = []
    P = [pts[0]] + pts + [pts[-1]]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        for t in [k / 10 for k in range(10)]:
            t2, t3 = t * t, t * t * t
            curve.append(tuple(0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t
                                      + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                      + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3)
                               for j in range(2)))
    draw.line(curve, fill=SIGN_BLUE, width=max(2, round(3 * scale)), joint="curve")
    # underline flourish
    draw.line([(cx - 80 * scale, cy + 45 * scale), (cx + 90 * scale, cy + 30 * scale)],
              fill=SIGN_BLUE, width=max(2, round(2 * scale)))


def _seal(size_r, text, dpi, rng):
    """A red round seal on white: two rings, a star and the body's name around the ring."""
    d = 2 * size_r + 20
    im = Image.new("RGB", (d, d), "white")
    dr = ImageDraw.Draw(im)
    c = d / 2
    w = max(3, round(size_r * 0.04))
    dr.ellipse([c - size_r, c - size_r, c + size_r, c + size_r], outline=SEAL_RED, width=w)
    ri = size_r * 0.68
    dr.ellipse([c - ri, c - ri, c + ri, c + ri], outline=SEAL_RED, width=max(2, w - 1))
    # star
    star = []
    for k in range(10):
        rr = size_r * (0.22 if k % 2 == 0 else 0.09)
        a = -math.pi / 2 + k * math.pi / 5
        star.append((c + rr * math.cos(a), c + rr * math.sin(a)))
    dr.polygon(star, fill=SEAL_RED)
    # text around the ring
    if text:
        f = font("b", 9.5, dpi)
        rt = size_r * 0.84
        n = len(text)
        span = 2 * math.pi * 0.92
        for i, ch in enumerate(text):
            a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
            g = Image.new("L", (f.size * 2, f.size * 2), 0)
            ImageDraw.Draw(g).text((f.size, f.size), ch, font=f, fill=255, anchor="mm")
            g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
            px = c + rt * math.cos(a) - g.width / 2
            py = c + rt * math.sin(a) - g.height / 2
            im.paste(Image.new("RGB", g.size, SEAL_RED), (round(px), round(py)), g)
    # uneven ink
    mask = Image.new("L", (d // 8 + 1, d // 8 + 1))
    mask.putdata([rng.randint(150, 255) for _ in range(mask.width * mask.height)])
    mask = mask.resize((d, d), Image.BICUBIC)
    white = Image.new("RGB", (d, d), "white")
    return Image.composite(im, white, mask)


def draw_page(L, page, rng):
    im = Image.new("RGB", (L.W, L.H), "white")
    dr = ImageDraw.Draw(im)
    for ln in page.lines:
        for x, w, f, colour in ln.words:
            dr.text((x, ln.baseline), w, font=f, fill=colour, anchor="ls")
    for x0, yv, x1, wd in page.rules:
        dr.line([(x0, yv), (x1, yv)], fill=INK, width=max(1, round(wd * L.dpi / 200)))
    for x0, y0, x1, y1, wd, colour in page.boxes:
        dr.rectangle([x0, y0, x1, y1], outline=colour, width=max(2, round(wd * L.dpi / 200)))
    scale = L.dpi / 200
    for cx, cy in page.signatures:
        _signature(dr, cx, cy, rng, scale)
    for cx, cy, r, text in page.seals:
        seal = _seal(r, text, L.dpi, rng)
        seal = seal.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC, fillcolor="white")
        box = (round(cx - seal.width / 2), round(cy - seal.height / 2))
        region = im.crop((box[0], box[1], box[0] + seal.width, box[1] + seal.height))
        im.paste(ImageChops.multiply(region, seal), box)
    return im


def degrade(im, rng, dpi, strength=1.0, upside_down=False):
    """Make a clean page look scanned: paper tint and shading, skew, blur, grain, specks."""
    W, H = im.size
    # paper tint with slow shading
    tint = (rng.randint(242, 250), rng.randint(236, 245), rng.randint(220, 232))
    shade = Image.new("L", (7, 10))
    shade.putdata([rng.randint(244, 255) for _ in range(70)])
    shade = shade.resize((W, H), Image.BICUBIC)
    paper = Image.merge("RGB", [shade.point(lambda v, t=t: v * t // 255) for t in tint])
    im = ImageChops.multiply(im, paper)
    # specks of dust
    dr = ImageDraw.Draw(im)
    for _ in range(rng.randint(8, 25)):
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(0.6, 2.2) * dpi / 200
        g = rng.randint(60, 150)
        dr.ellipse([x - r, y - r, x + r, y + r], fill=(g, g, g))
    # skew
    angle = rng.uniform(0.3, 1.2) * rng.choice([-1, 1])
    im = im.rotate(angle, resample=Image.BICUBIC, fillcolor=tint)
    # grain (before the scanner's blur, which softens it as a real scan does)
    amp = max(1, round(10 * strength))
    noise = Image.frombytes("L", (W, H), rng.randbytes(W * H))
    noise = noise.point(lambda v: 128 + (v - 128) * amp // 128)
    im = ImageChops.add(im, Image.merge("RGB", [noise] * 3), 1.0, -128)
    # scanner blur
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 0.85) * dpi / 200))
    if upside_down:
        im = im.rotate(180)
    return im, angle


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

def jpeg_bytes(im, dpi, quality=75):
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def write_image_pdf(path, pages):
    """An image-only PDF: each page one JPEG embedded as is (DCTDecode), sized by its dpi.

    pages: [(jpeg bytes, width px, height px, dpi, "DeviceRGB"|"DeviceGray")]. No dates, so the
    output is byte-for-byte reproducible.
    """
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_obj = add(None)
    kids = []
    for data, w, h, dpi, cs in pages:
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
                  b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                  % (w, h, cs.encode(), len(data)) + data + b"\nendstream")
        pw, ph = w * 72 / dpi, h * 72 / dpi
        content = b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (pw, ph)
        cont = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.4f %.4f] "
                        b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, pw, ph, img, cont)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objs[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                           + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    with open(path, "wb") as fh:
        fh.write(out)
