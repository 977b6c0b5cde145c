#!/usr/bin/env python3
"""Render the OCR test fixtures: real Vietnamese administrative text, 200 dpi, Noto Serif.

Run from anywhere:  python3 Tests/OCRTests/make_fixtures.py
Needs: Pillow, img2pdf, pikepdf (pip), tesseract with `vie` (for the two-layer PDF).
Each image fixture gets its true text next to it as <name>.txt (reading order: left heading column,
right heading column, then the body, one line per rendered line).
"""
import io
import os
import random
import subprocess
import tempfile

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Fixtures")
FONT_DIR = "/usr/share/fonts/truetype/noto"
REGULAR = os.path.join(FONT_DIR, "NotoSerif-Regular.ttf")
BOLD = os.path.join(FONT_DIR, "NotoSerif-Bold.ttf")
DPI = 200
WIDTH = 1654  # A4 width at 200 dpi
MARGIN_L, MARGIN_R = 236, 157  # 30 mm / 20 mm, as Nghị định 30/2020 asks


def pt(size):
    """Font size in points → pixels at 200 dpi."""
    return round(size * DPI / 72)


def font(size, bold=False):
    return ImageFont.truetype(BOLD if bold else REGULAR, pt(size))


def wrap(draw, text, fnt, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = (cur + " " + w).strip()
        if draw.textlength(trial, font=fnt) <= width:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


class Page:
    """A white page; draws lines and records them as the truth, in reading order."""

    def __init__(self, height):
        self.img = Image.new("L", (WIDTH, height), 255)
        self.draw = ImageDraw.Draw(self.img)
        self.truth = []

    def line(self, text, x, y, fnt, align="left", box=None):
        if box is not None:
            left, right = box
            w = self.draw.textlength(text, font=fnt)
            x = left + (right - left - w) / 2 if align == "center" else left
        self.draw.text((x, y), text, font=fnt, fill=0)
        self.truth.append(text)
        return y + round(fnt.size * 1.45)

    def para(self, text, y, fnt, indent=59):
        lines = wrap(self.draw, text, fnt, WIDTH - MARGIN_L - MARGIN_R - indent)
        for i, ln in enumerate(lines):
            y = self.line(ln, MARGIN_L + (indent if i == 0 else 0), y, fnt)
        return y


def heading(page, left, number, place_date):
    """The two-column heading (thể thức văn bản): agency left, national motto right."""
    f_caps = font(12.5)
    f_caps_b = font(12.5, bold=True)
    f_motto = font(13.5, bold=True)
    f_date = ImageFont.truetype(os.path.join(FONT_DIR, "NotoSerif-Italic.ttf"), pt(13.5))
    f_reg = font(13)
    lbox = (MARGIN_L - 80, MARGIN_L + 520)
    rbox = (MARGIN_L + 560, WIDTH - MARGIN_R + 40)
    y = 120
    y = page.line(left[0], 0, y, f_caps, "center", lbox)
    y = page.line(left[1], 0, y, f_caps_b, "center", lbox)
    y += 20
    page.line(number, 0, y, f_reg, "center", lbox)
    y = 120
    y = page.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0, y, f_caps_b, "center", rbox)
    y = page.line("Độc lập - Tự do - Hạnh phúc", 0, y, f_motto, "center", rbox)
    y += 20
    page.line(place_date, 0, y, f_date, "center", rbox)
    return y + 110


def page_quyet_dinh():
    p = Page(1330)
    y = heading(p, ("ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG PẮC"), "Số: 1605/QĐ-UBND",
                "Krông Pắc, ngày 15 tháng 02 năm 2012")
    body = (MARGIN_L, WIDTH - MARGIN_R)
    y = p.line("QUYẾT ĐỊNH", 0, y, font(14, True), "center", body)
    y = p.line("Về việc thu hồi đất để xây dựng trường tiểu học xã Ea Phê", 0, y, font(14, True), "center", body)
    y += 30
    y = p.line("ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC", 0, y, font(14, True), "center", body)
    y += 10
    f = font(14)
    for t in [
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
        "Căn cứ Luật Đất đai ngày 26 tháng 11 năm 2003;",
        "Căn cứ Nghị định số 69/2009/NĐ-CP ngày 13 tháng 8 năm 2009 của Chính phủ quy định bổ sung "
        "về quy hoạch sử dụng đất, giá đất, thu hồi đất, bồi thường, hỗ trợ và tái định cư;",
        "Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số 325/TTr-TNMT "
        "ngày 10 tháng 02 năm 2012,",
    ]:
        y = p.para(t, y, f)
    y += 10
    y = p.line("QUYẾT ĐỊNH:", 0, y, font(14, True), "center", body)
    y = p.para("Điều 1. Thu hồi 1.250 m² đất của hộ ông Y Bih Niê tại thửa đất số 305, tờ bản đồ "
               "số 80, xã Ea Phê, huyện Krông Pắc để xây dựng trường tiểu học.", y, f)
    return p


def page_dieu_2():
    p = Page(1100)
    f = font(14)
    y = 140
    for t in [
        "Điều 2. Giao Phòng Tài nguyên và Môi trường phối hợp với Ủy ban nhân dân xã Ea Phê "
        "thông báo cho hộ ông Y Bih Niê biết và bàn giao đất trên thực địa.",
        "Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài "
        "nguyên và Môi trường, Chủ tịch Ủy ban nhân dân xã Ea Phê và hộ ông Y Bih Niê chịu trách "
        "nhiệm thi hành Quyết định này.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    ]:
        y = p.para(t, y, f)
    return p


def page_bien_ban():
    p = Page(1000)
    f = font(14)
    body = (MARGIN_L, WIDTH - MARGIN_R)
    y = 140
    y = p.line("BIÊN BẢN", 0, y, font(14, True), "center", body)
    y = p.line("Về việc kiểm kê đất đai, tài sản gắn liền với đất", 0, y, font(14, True), "center", body)
    y += 20
    for t in [
        "Hôm nay, vào lúc 8 giờ 30 phút ngày 20 tháng 3 năm 2012, tại thôn 3, xã Ea Phê, huyện "
        "Krông Pắc, tỉnh Đắk Lắk, chúng tôi gồm có đại diện Hội đồng bồi thường, hỗ trợ và tái "
        "định cư huyện và hộ bà H'Hen Niê, số căn cước công dân 066123456789.",
    ]:
        y = p.para(t, y, f)
    return p


def page_to_trinh():
    p = Page(900)
    f = font(14)
    body = (MARGIN_L, WIDTH - MARGIN_R)
    y = 140
    y = p.line("TỜ TRÌNH", 0, y, font(14, True), "center", body)
    y = p.line("Về việc đề nghị phê duyệt phương án bồi thường, hỗ trợ", 0, y, font(14, True), "center", body)
    y += 20
    y = p.para("Kính gửi: Ủy ban nhân dân huyện Cư M'gar. Phòng Tài nguyên và Môi trường kính "
               "trình Ủy ban nhân dân huyện xem xét, phê duyệt phương án bồi thường cho các hộ "
               "gia đình tại xã Ea H'leo.", y, f)
    return p


def page_cong_van():
    p = Page(800)
    f = font(14)
    y = 140
    y = p.para("Thực hiện Công văn số 1479/BCA-ANCTNB của Bộ Công an về việc bảo vệ bí mật nhà "
               "nước trong công tác lưu trữ, Sở Nội vụ đề nghị các cơ quan, tổ chức rà soát hồ sơ, "
               "tài liệu và báo cáo kết quả trước ngày 30 tháng 6 năm 2025.", y, f)
    return p


def tint(img):
    """A grey page → a 200 dpi colour scan: cream paper, blue-black ink."""
    paper, ink = (246, 241, 226), (28, 32, 60)
    return Image.merge("RGB", [img.point(lambda v, a=a, b=b: round(b + (a - b) * v / 255))
                               for a, b in zip(paper, ink)])


def save(img, name, truth, **kw):
    path = os.path.join(OUT, name)
    img.save(path, dpi=(DPI, DPI), **kw)
    with open(os.path.splitext(path)[0] + ".txt", "w", encoding="utf-8") as fh:
        fh.write("\n".join(truth) + "\n")
    return path


def page_heading_three_five():
    """A heading laid out unlike samples/: narrow margins, a wide left column, a gutter under 3 line heights, three
    lines on the left and five on the right; a signature block with five lines on the left and three on the right."""
    p = Page(1180)
    f, fb, fi = font(12.5), font(12.5, bold=True), ImageFont.truetype(os.path.join(FONT_DIR, "NotoSerif-Italic.ttf"), pt(12.5))
    lbox, rbox = (90, 820), (880, 1600)
    step = round(fb.size * 1.35)
    left = [("UBND TỈNH ĐẮK LẮK", f), ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", fb), ("Số: 215/STNMT-ĐĐBĐ", f)]
    right = [("Mẫu số 04a/ĐK", f), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fb), ("Độc lập - Tự do - Hạnh phúc", fb),
             ("Buôn Ma Thuột, ngày 12 tháng 3 năm 1994", fi), ("(Bản số 2)", fi)]
    y = 90
    for text, fnt in left:
        p.line(text, 0, y, fnt, "center", lbox)
        y += step
    y = 90
    for text, fnt in right:
        p.line(text, 0, y, fnt, "center", rbox)
        y += step
    y += 30
    body = (90, WIDTH - 60)
    y = p.line("THÔNG BÁO", 0, y, font(14, True), "center", body)
    y = p.line("Kết quả kiểm tra hiện trạng sử dụng đất nông nghiệp", 0, y, font(13, True), "center", body)
    y += 20
    fr = font(13)
    for ln in wrap(p.draw, "Qua kiểm tra thực tế cho thấy nhiều hộ gia đình tự ý chuyển mục đích sử dụng đất trồng "
                   "lúa sang xây dựng nhà ở mà chưa được cơ quan có thẩm quyền cho phép. Đề nghị các phòng, ban "
                   "chuyên môn phối hợp chặt chẽ với chính quyền cơ sở.", fr, body[1] - body[0]):
        y = p.line(ln, body[0], y, fr)
    y += 40
    sl, sr = (90, 700), (900, 1560)
    nl = [("Nơi nhận:", font(12, True)), ("- Như trên;", font(11)), ("- UBND các huyện;", font(11)),
          ("- Lưu: VT, ĐĐBĐ.", font(11)), ("- Ban Giám đốc;", font(11))]
    nr = [("KT. GIÁM ĐỐC", fb), ("PHÓ GIÁM ĐỐC", fb), ("Hoàng Văn Thắng", fb)]
    yl = y
    for text, fnt in nl:
        p.draw.text((sl[0], yl), text, font=fnt, fill=0)
        yl += round(fnt.size * 1.4)
    yr = y
    for i, (text, fnt) in enumerate(nr):
        w = p.draw.textlength(text, font=fnt)
        p.draw.text((sr[0] + (sr[1] - sr[0] - w) / 2, yr), text, font=fnt, fill=0)
        yr += step + (110 if i == 1 else 0)
    p.truth += [t for t, _ in nl] + [t for t, _ in nr]
    return p


def layouts():
    """The fixtures of layouts the samples script does not make (python3 make_fixtures.py --layouts)."""
    page = page_heading_three_five()
    save(page.img, "heading_three_five.png", page.truth, optimize=True)


def main():
    import sys
    if "--layouts" in sys.argv:
        return layouts()
    os.makedirs(OUT, exist_ok=True)
    qd, d2, bb, tt, cv = page_quyet_dinh(), page_dieu_2(), page_bien_ban(), page_to_trinh(), page_cong_van()

    # 1. A 200 dpi colour scan (JPEG, as scanners deliver it) with the two-column heading + body.
    jpg = save(tint(qd.img), "quyet_dinh_200dpi.jpg", qd.truth, quality=33, subsampling=2)

    # 2. A page fed upside down (rotated 180°), grey PNG.
    save(d2.img.rotate(180), "upside_down.png", d2.truth, optimize=True)

    # 2b. A page scanned sideways (turned 90° counter-clockwise), grey PNG.
    save(bb.img.rotate(90, expand=True), "sideways.png", bb.truth, optimize=True)

    # 3. A slightly skewed page (2.5° counter-clockwise), grey PNG.
    save(bb.img.rotate(2.5, resample=Image.BICUBIC, expand=True, fillcolor=255), "skewed.png",
         bb.truth, optimize=True)

    # 3b. A page scanned with a dark scanner border down the left and bottom, the text 1.2° off.
    img = cv.img.rotate(1.2, resample=Image.BICUBIC, fillcolor=255)
    canvas = Image.new("L", (img.width + 120, img.height + 90), 20)
    canvas.paste(img, (90, 0))
    d = ImageDraw.Draw(canvas)
    rng = random.Random(3)
    for y in range(0, img.height, 6):  # ragged paper edge
        d.rectangle([90, y, 90 + rng.randint(0, 14), y + 6], fill=25)
    save(canvas, "black_border.png", cv.truth, optimize=True)

    # 4. A two-page bilevel TIFF (CCITT G4, as archive scanners write it).
    path = os.path.join(OUT, "two_pages.tif")
    pages = [tt.img.point(lambda v: 255 if v > 150 else 0).convert("1"),
             cv.img.point(lambda v: 255 if v > 150 else 0).convert("1")]
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="group4", dpi=(DPI, DPI))
    with open(os.path.join(OUT, "two_pages.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(tt.truth) + "\n\f\n" + "\n".join(cv.truth) + "\n")

    # 5. An image-only PDF (the JPEG embedded as is, 200 dpi): the way img2pdf / scanners make them.
    import img2pdf
    with open(os.path.join(OUT, "scan_image_only.pdf"), "wb") as fh:
        fh.write(img2pdf.convert(jpg))

    # 5b. A PDF page that is not one image covering it (a small scan placed on an A3 page): rendered.
    small = os.path.join(OUT, "folder_scan", "002.png")
    a3 = img2pdf.get_layout_fun((img2pdf.mm_to_pt(297), img2pdf.mm_to_pt(420)), None, None,
                                img2pdf.FitMode.shrink)
    os.makedirs(os.path.join(OUT, "folder_scan"), exist_ok=True)
    cv.img.convert("1").save(small, dpi=(DPI, DPI), optimize=True)
    with open(os.path.join(OUT, "small_image_on_a3.pdf"), "wb") as fh:
        fh.write(img2pdf.convert(small, layout_fun=a3))

    # 6. A two-layer PDF (image + invisible OCR text), made by Tesseract itself, from the 2-page TIFF's
    #    first page in grey.
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "p.png")
        tt.img.save(src, dpi=(DPI, DPI))
        subprocess.run(["tesseract", src, os.path.join(tmp, "out"), "-l", "vie", "pdf"], check=True,
                       env=dict(os.environ, OMP_THREAD_LIMIT="1"), capture_output=True)
        with open(os.path.join(tmp, "out.pdf"), "rb") as src_pdf:
            data = src_pdf.read()
    with open(os.path.join(OUT, "two_layer.pdf"), "wb") as fh:
        fh.write(data)
    # … and one of the page with the two-column heading (bilevel, so that the PDF stays small).
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "h.png")
        qd.img.point(lambda v: 255 if v > 140 else 0).convert("1").save(src, dpi=(DPI, DPI))
        subprocess.run(["tesseract", src, os.path.join(tmp, "out"), "-l", "vie", "pdf"], check=True,
                       env=dict(os.environ, OMP_THREAD_LIMIT="1"), capture_output=True)
        with open(os.path.join(tmp, "out.pdf"), "rb") as src_pdf, \
                open(os.path.join(OUT, "heading_two_layer.pdf"), "wb") as fh:
            fh.write(src_pdf.read())
    with open(os.path.join(OUT, "two_layer.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(tt.truth) + "\n")

    # 7. A folder of page images, in file-name order (page 2 named so that plain string order and
    #    numeric order agree: 001, 002).
    folder = os.path.join(OUT, "folder_scan")
    os.makedirs(folder, exist_ok=True)
    cv.img.convert("1").save(os.path.join(folder, "002.png"), dpi=(DPI, DPI), optimize=True)
    tt.img.convert("1").save(os.path.join(folder, "001.png"), dpi=(DPI, DPI), optimize=True)

    # 8. Bad input.
    open(os.path.join(OUT, "empty.png"), "wb").close()
    with open(os.path.join(OUT, "upside_down.png"), "rb") as fh:
        png = fh.read()
    with open(os.path.join(OUT, "truncated.png"), "wb") as fh:
        fh.write(png[: len(png) // 3])
    with open(os.path.join(OUT, "not_an_image.jpg"), "w", encoding="utf-8") as fh:
        fh.write("Đây không phải là ảnh quét mà là một tệp văn bản.\n")
    with open(os.path.join(OUT, "corrupt.pdf"), "wb") as fh:
        fh.write(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n" + b"\x00garbage" * 20)
    import pikepdf
    with pikepdf.open(os.path.join(OUT, "two_layer.pdf")) as pdf:
        pdf.save(os.path.join(OUT, "password.pdf"),
                 encryption=pikepdf.Encryption(user="matkhau", owner="matkhau-chu", R=6))
    # A huge image header (100000 x 100000) with almost no data: must be refused by the pixel cap
    # before anything is decoded.
    big = Image.new("1", (20000, 10000), 1)
    big.save(os.path.join(OUT, "huge.png"), optimize=True)

    layouts()
    for name in sorted(os.listdir(OUT)):
        p = os.path.join(OUT, name)
        if os.path.isfile(p):
            print(f"{os.path.getsize(p):>8}  {name}")


if __name__ == "__main__":
    main()
