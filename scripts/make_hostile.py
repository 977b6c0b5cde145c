#!/usr/bin/env python3
"""Hostile scans made to break parsers, each in a batch of its own beside one good scan.

    scripts/make_hostile.py OUT [KIND...]        (every kind when none is named; `--list` prints the kinds)

OUT/KIND/ is a batch (ho_so.csv, tai_lieu.csv): document HOSTILE.1 is the hostile scan, GOOD.1 a one-page PDF
with a text layer (a transcription beside the forced Tesseract failure), which must still go in. PDFs are written byte by byte (no PDF
library), with a correct cross-reference table unless the damage is the point. Nothing here is committed as a
binary: the files are made again for every run.
"""
import os
import random
import struct
import sys
import zlib

GOOD_TEXT = "Quyet dinh ve viec thu hoi dat tai xa Ea Kly"


def pdf(objects, root=1, trailer_extra=b"", xref=True, size=None):
    """A PDF of `objects` (bytes bodies, numbered from 1) with a cross-reference table; `size` replaces the
    trailer's /Size (the number of objects it claims)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for o in offsets:
            out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size or len(objects) + 1, root, trailer_extra, start)
    return bytes(out)


def stream(dictionary, data):
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_page_objects(text, first=1):
    """Catalog, Pages, one Page with `text` in Helvetica, its content and font (objects first…first+4)."""
    n = first
    content = b"BT /F1 14 Tf 72 720 Td (" + text.encode() + b") Tj ET"
    return [
        b"<< /Type /Catalog /Pages %d 0 R >>" % (n + 1),
        b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 2),
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
        % (n + 1, n + 4, n + 3),
        stream(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def image_page(image_dict, data):
    """A one-page PDF whose page draws one image XObject over the whole A4 page."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(b"/Type /XObject /Subtype /Image " + image_dict, data),
    ])


# --- the kinds ---------------------------------------------------------------------------------------------

def pages_loop():
    # The page tree's only node lists itself among its kids (and a page whose parent is that node).
    return "pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(b"", b"BT ET"),
    ])


def objstm_loop():
    # Objects 1-3 live in object stream 4, whose /Length is object 5, itself inside object stream 4, which
    # /Extends itself; the cross-reference stream (6) says so.
    inner = b"1 0 2 40 3 90 5 160 "
    bodies = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
              b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", b"4 0 R"]
    offsets, data = [], bytearray()
    for b in bodies:
        offsets.append(len(data))
        data += b + b" "
    header = b" ".join(b"%d %d" % (n, o) for n, o in zip([1, 2, 3, 5], offsets)) + b" "
    payload = zlib.compress(header + bytes(data))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    o4 = len(out)
    out += b"4 0 obj\n<< /Type /ObjStm /N 4 /First %d /Extends 4 0 R /Filter /FlateDecode /Length 5 0 R >>\nstream\n" % len(header)
    out += payload + b"\nendstream\nendobj\n"
    o6 = len(out)
    rows = [(0, 0, 255), (2, 4, 0), (2, 4, 1), (2, 4, 2), (1, o4, 0), (2, 4, 3), (1, o6, 0)]
    xref = b"".join(struct.pack(">BIH", *r) for r in rows)
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(xref)
    out += xref + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % o6
    return "pdf", bytes(out)


def huge_image():
    # A page drawing a 100000 × 100000 one-bit image: 1.25 GB of zeros, about a megabyte once deflated.
    z = zlib.compressobj(9)
    row_bytes, rows = 100000 // 8, 100000
    chunk = bytes(row_bytes * 1000)
    parts = [z.compress(chunk) for _ in range(rows // 1000)]
    data = b"".join(parts) + z.flush()
    return "pdf", image_page(b"/Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode", data)


def huge_page():
    # A page of 14400 × 14400 user units at /UserUnit 75000: a million inches on each side.
    return "pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72000000 72000000] /UserUnit 75000 /Contents 4 0 R >>",
        stream(b"", b"0 0 m 100 100 l S"),
    ])


def broken_stream():
    # The content stream claims Flate but holds garbage, and its /Length runs past the end of the file.
    rnd = random.Random(7)
    garbage = bytes(rnd.randrange(256) for _ in range(3000))
    body = pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length 999999 >>\nstream\n" + b"x\x9c" + garbage + b"\nendstream",
    ])
    return "pdf", body


def truncated():
    # A two-page PDF cut short in its second page's content: no cross-reference table, no trailer.
    body = pdf(text_page_objects(GOOD_TEXT) + [stream(b"/Filter /FlateDecode", zlib.compress(b"BT /F1 14 Tf 72 700 Td (trang hai) Tj ET" * 50))])
    return "pdf", body[: len(body) * 2 // 3]


def jbig2():
    # A JBIG2 image stream: a page-information segment header, then garbage where the region data should be.
    rnd = random.Random(11)
    header = struct.pack(">IBBBI", 0, 0x30, 0, 1, 19) + struct.pack(">IIIIBH", 2480, 3508, 300, 300, 1, 0)
    data = header + bytes(rnd.randrange(256) for _ in range(4000))
    return "pdf", image_page(b"/Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", data)


def mixed_raster_page(mask_dict, data):
    """A one-page PDF as a TT 05 two-layer scan: a small grey background image under one stencil mask."""
    background = zlib.compress(bytes([235]) * (62 * 88), 9)
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Bg 5 0 R /Fg 6 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(b"", b"q 595 0 0 842 0 0 cm /Bg Do Q 0 0 0 rg q 595 0 0 842 0 0 cm /Fg Do Q"),
        stream(b"/Type /XObject /Subtype /Image /Width 62 /Height 88 /ColorSpace /DeviceGray /BitsPerComponent 8 "
               b"/Filter /FlateDecode", background),
        stream(b"/Type /XObject /Subtype /Image /ImageMask true " + mask_dict, data),
    ])


def stencil_jbig2():
    # A mixed-raster page whose print stencil is JBIG2 garbage (read from its stencil, not rendered).
    rnd = random.Random(17)
    header = struct.pack(">IBBBI", 0, 0x30, 0, 1, 19) + struct.pack(">IIIIBH", 2480, 3508, 300, 300, 1, 0)
    data = header + bytes(rnd.randrange(256) for _ in range(4000))
    return "pdf", mixed_raster_page(b"/Width 2480 /Height 3508 /BitsPerComponent 1 /Filter /JBIG2Decode", data)


def stencil_huge():
    # A mixed-raster page whose stencil claims 100000 × 100000 pixels in a few hundred bytes.
    data = zlib.compress(bytes(12500 * 200), 9)
    return "pdf", mixed_raster_page(b"/Width 100000 /Height 100000 /BitsPerComponent 1 /Filter /FlateDecode", data)


def jpx():
    # A JPEG 2000 stream: the JP2 signature and file-type boxes, then garbage for the codestream.
    rnd = random.Random(13)
    sig = b"\x00\x00\x00\x0cjP  \r\n\x87\n" + b"\x00\x00\x00\x14ftypjp2 \x00\x00\x00\x00jp2 "
    data = sig + b"\x00\x00\x10\x00jp2c\xff\x4f\xff\x51" + bytes(rnd.randrange(256) for _ in range(4000))
    return "pdf", image_page(b"/Width 2480 /Height 3508 /Filter /JPXDecode", data)


def count_millions():
    # The page tree claims five million pages, the trailer as many objects (so poppler believes it); two exist.
    return "pdf", pdf(size=5000001, objects=[
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5000000 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
        stream(b"", b"0 0 m 100 100 l S"),
    ])


def tiff_loop():
    # A little-endian TIFF of one 8 × 8 grey strip whose second IFD points back at the first.
    pixels = bytes(64)
    def ifd(next_offset, strip):
        entries = [(256, 3, 1, 8), (257, 3, 1, 8), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
                   (273, 4, 1, strip), (277, 3, 1, 1), (278, 3, 1, 8), (279, 4, 1, 64)]
        out = struct.pack("<H", len(entries))
        for tag, typ, count, value in entries:
            out += struct.pack("<HHII", tag, typ, count, value) if typ == 4 else struct.pack("<HHIHH", tag, typ, count, value, 0)
        return out + struct.pack("<I", next_offset)
    first = 8 + 64
    size = len(ifd(0, 8))
    second = first + size
    return "tif", b"II*\x00" + struct.pack("<I", first) + pixels + ifd(second, 8) + ifd(first, 8)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_huge():
    # A PNG whose header claims 100000 × 100000 grey pixels, with a few bytes of data.
    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0)
    return "png", b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(bytes(1000))) + png_chunk(b"IEND", b"")


def jpeg_huge():
    # A baseline JPEG whose frame header claims 65500 × 65500 pixels, then garbage scan data.
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 65500, 65500, 1) + b"\x01\x11\x00"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes([1] * 64)
    rnd = random.Random(17)
    return "jpg", b"\xff\xd8" + dqt + sof + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + bytes(rnd.randrange(255) for _ in range(2000)) + b"\xff\xd9"


def empty():
    return "pdf", b""


def random_bytes():
    rnd = random.Random(19)
    return "pdf", bytes(rnd.randrange(256) for _ in range(20000))


def png_image(width, height):
    """A white grey PNG with lines of glyph-sized dark blocks in words (something for Tesseract to look at)."""
    rnd = random.Random(23)
    ink = [[False] * width for _ in range(height)]
    for top in range(40, height - 40, 36):
        x = 40
        while x < width - 80:
            for _ in range(rnd.randrange(2, 7)):
                h = rnd.choice([14, 14, 14, 20])
                for yy in range(top + 20 - h, top + 20):
                    for xx in range(x, x + 9):
                        ink[yy][xx] = (xx - x) in (0, 1, 7, 8) or yy - (top + 20 - h) in (0, 1, h // 2, h - 2, h - 1)
                x += 12
            x += 14
    rows = [b"\x00" + bytes(0 if ink[y][x] else 255 for x in range(width)) for y in range(height)]
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(b"".join(rows))) + png_chunk(b"IEND", b"")


def tess_throw():
    # An ordinary page image, to be recognised with HOSO_TESS_TEST_THROW set (Tesseract's guard then throws).
    return "png", png_image(1240, 400)


KINDS = {
    "pages-loop": pages_loop, "objstm-loop": objstm_loop, "huge-image": huge_image, "huge-page": huge_page,
    "broken-stream": broken_stream, "truncated": truncated, "jbig2": jbig2, "jpx": jpx, "count-millions": count_millions,
    "tiff-loop": tiff_loop, "png-huge": png_huge, "jpeg-huge": jpeg_huge, "empty": empty,
    "random-bytes": random_bytes, "tess-throw": tess_throw, "stencil-jbig2": stencil_jbig2, "stencil-huge": stencil_huge,
}


def good_pdf():
    return pdf(text_page_objects(GOOD_TEXT))


def write_batch(folder, kind):
    os.makedirs(folder, exist_ok=True)
    ext, data = KINDS[kind]()
    name = "hostile-%s.%s" % (kind, ext)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
    # Beside a forced Tesseract failure the good scan is a transcription, which needs no Tesseract (the PDF's
    # unaccented text layer is judged poor and recognised again).
    good = "good.txt" if kind == "tess-throw" else "good.pdf"
    with open(os.path.join(folder, good), "wb") as f:
        f.write("Quyết định về việc thu hồi đất tại xã Ea Kly\n".encode() if kind == "tess-throw" else good_pdf())
    with open(os.path.join(folder, "ho_so.csv"), "w", encoding="utf-8") as f:
        f.write("Mã hồ sơ,Tiêu đề hồ sơ,Chế độ sử dụng\n")
        f.write("HOSTILE,Hồ sơ thử tệp hỏng,Công khai\nGOOD,Hồ sơ thu hồi đất,Công khai\n")
    with open(os.path.join(folder, "tai_lieu.csv"), "w", encoding="utf-8") as f:
        f.write("Mã hồ sơ,Số thứ tự,Tệp,Trích yếu nội dung\n")
        f.write("HOSTILE,1,%s,Tệp thử (%s)\nGOOD,1,%s,Quyết định thu hồi đất\n" % (name, kind, good))


def main(argv):
    if len(argv) >= 2 and argv[1] == "--list":
        print("\n".join(KINDS))
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out, kinds = argv[1], argv[2:] or list(KINDS)
    for kind in kinds:
        if kind not in KINDS:
            print("make_hostile.py: no kind %r (--list)" % kind, file=sys.stderr)
            return 2
        write_batch(os.path.join(out, kind), kind)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
