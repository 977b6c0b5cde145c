"""A delivery page scanned as mixed raster: printed ink and handwriting as 300 ppi 1-bit masks, paper, seal
and signature as a 150 ppi colour background; and the page's words with their boxes (Token)."""
import re

from PIL import Image, ImageChops, ImageDraw, ImageFilter

import render
from delivery_content import plain

DPI = 300          # layout and foreground masks
BG_DPI = 150       # background JPEG


# ---- handwriting: digits written in blue ink, slanted, with jittered strokes --------------------
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


# ---- pages: words, the three layers, the scan -------------------------------------------------

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
