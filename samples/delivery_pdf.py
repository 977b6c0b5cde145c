"""The delivery's PDF writer, two-layer and mixed-raster as a contractor's scanning software makes it: a colour
JPEG background, 1-bit stencil masks painted in ink colours (Flate or CCITT G4), and an invisible text layer
in Tesseract's GlyphLessFont (a Type0 font with a ToUnicode CMap, so text extraction gives the OCR's words)."""
import base64
import hashlib
import io
import math
import struct
import zlib

from PIL import Image, ImageOps

import render
from delivery_scan import BG_DPI, DPI

BG_QUALITY = 60
PRODUCER = "MRC ScanSuite 4.2 (OCR: contractor engine vie)"
INK_RGB = (0.08, 0.08, 0.10)
HAND_RGB = (0.12, 0.20, 0.56)


# ---- the foreground masks -----------------------------------------------------------------------

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


# ---- the PDF: objects, GlyphLessFont, text layer, pages ------------------------------------------
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


def xmp_packet(title, part=2, conformance="B"):
    """The XMP metadata stream's packet: the PDF/A identification (pdfaid) TT 05 deliveries carry, title, producer."""
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
            ' pdfaid:part="%d" pdfaid:conformance="%s"/>\n'
            '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title></rdf:Description>\n'
            '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="%s"/>\n'
            ' </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>'
            % (part, conformance, render.nfc(title).replace("&", "&amp;").replace("<", "&lt;"), PRODUCER)).encode("utf-8")


def flat_page(p):
    """A page as one colour image at p["flat_dpi"] (no separate foreground): the background with the ink painted in."""
    L = p["L"]
    w, h = round(L.W * p["flat_dpi"] / DPI), round(L.H * p["flat_dpi"] / DPI)
    page = p["bg"].resize((w, h), Image.BICUBIC)
    ink = p["ink"].convert("L").resize((w, h), Image.BOX)
    dark = Image.new("RGB", (w, h), tuple(round(255 * c) for c in INK_RGB))
    page.paste(dark, (0, 0), ImageOps.invert(ink))
    return page


def write_mrc_pdf(path, pages, title, ccitt=False, pdfa=True):
    """pages: [dict(L, bg, ink, hand, angle, words or None)]; a page may also say grey=True (its background in
    DeviceGray), flat_dpi=N (one colour image at N ppi instead of the layers) or blank=True (the paper alone).
    pdfa: carry the PDF/A-2b identification in XMP metadata. Returns the file's bytes."""
    pdf = PDF()
    catalog = pdf.reserve()
    pages_obj = pdf.reserve()
    font = glyphless_font(pdf) if any(p["words"] is not None for p in pages) else None
    kids = []
    for p in pages:
        L = p["L"]
        k = 72 / DPI
        pw, ph = L.W * k, L.H * k
        image, dpi, space = p["bg"], BG_DPI, b"/DeviceRGB"
        if p.get("flat_dpi"):
            image, dpi = flat_page(p), p["flat_dpi"]
        if p.get("grey"):
            image, space = image.convert("L"), b"/DeviceGray"
        bg = render.jpeg_bytes(image, dpi, p.get("bg_quality", BG_QUALITY))
        bg_obj = pdf.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                            b"/BitsPerComponent 8 /Filter /DCTDecode" % (image.size + (space,)), bg)
        xobjects = [(b"Bg", bg_obj)]
        content = [b"q %.4f 0 0 %.4f 0 0 cm /Bg Do Q" % (pw, ph)]
        layers = () if p.get("flat_dpi") or p.get("blank") else ((p["ink"], INK_RGB, 5, b"Fg"),
                                                                (p["hand"], HAND_RGB, 6, b"Hw"))
        for layer, rgb, max_bands, name in layers:
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
    meta = b""
    if pdfa:
        meta = b" /Metadata %d 0 R" % pdf.stream(b"/Type /Metadata /Subtype /XML", xmp_packet(title))
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_obj, meta))
    pdf.set(pages_obj, b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k_ for k_ in kids)
            + b"] /Count %d >>" % len(kids))
    title16 = b"<FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">"
    info = pdf.add(b"<< /Producer %s /Creator %s /Title %s >>"
                   % (pdf_string(PRODUCER), pdf_string("MRC ScanSuite"), title16))
    return pdf.write(path, catalog, info)
