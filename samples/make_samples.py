#!/usr/bin/env python3
"""Build the hoso sample batches: samples/batch, samples/bad-batch, samples/truth,
samples/golden_searches.tsv and samples/README.md.

    python3 samples/make_samples.py

Needs Python 3.9+ with Pillow (Debian: python3-pil; or `pip install pillow`) and the Debian fonts
fonts-noto-core (Noto Serif). Deterministic: a fixed seed drives every random choice, and the PDF
writer puts no dates in its output, so a rerun with the same Pillow/libjpeg gives the same files.
"""
import csv
import io
import os
import random
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

try:
    from PIL import Image  # noqa: E402
except ImportError:
    sys.exit("make_samples.py: Pillow is missing (apt-get install python3-pil, or pip install pillow); "
             "scripts/make_samples.sh finds a Python that has it")

import corpus  # noqa: E402
import render  # noqa: E402

SEED = 20250701
BATCH = os.path.join(HERE, "batch")
BAD = os.path.join(HERE, "bad-batch")
TRUTH = os.path.join(HERE, "truth")

HO_SO_COLUMNS = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng",
                 "Ngôn ngữ", "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu",
                 "Số lượng tờ", "Số lượng trang", "Tình trạng vật lý", "Mức độ tin cậy", "Từ khóa",
                 "Mã hồ sơ gốc giấy", "Ghi chú"]
TAI_LIEU_COLUMNS = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu",
                    "Ngày văn bản", "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Ngôn ngữ",
                    "Số lượng trang", "Chế độ sử dụng", "Mức độ tin cậy", "Tình trạng vật lý",
                    "Ghi chú", "Địa bàn xã"]

# documents that state their access explicitly although it equals the file's
EXPLICIT_ACCESS = {"H49.64.33.2012.015.1": "Công khai", "H49.64.33.2012.015.2": "Công khai",
                   "H49.64.33.2013.022.1": "02", "H54.55.12.2019.014.2": "01"}

ACCESS_NAMES = {"01": "Công khai", "02": "Sử dụng có điều kiện", "03": "Mật",
                "Công khai": "Công khai", "Sử dụng có điều kiện": "Sử dụng có điều kiện", "Mật": "Mật"}
ACCESS_LEVEL = {"Công khai": 1, "Sử dụng có điều kiện": 2, "Mật": 3}
ROLE_SEES = {"public": 1, "staff": 2, "secret": 3}

FORMAT_LABEL = {"pdf": "PDF (ảnh, 200 dpi màu)", "tiff-g4": "TIFF 1-bit CCITT G4, 200 dpi",
                "tiff-grey300": "TIFF xám 300 dpi, nén JPEG", "tiff-colour": "TIFF màu 200 dpi, nén JPEG",
                "jpeg-dir": "thư mục ảnh JPEG (001.jpg …)", "png": "PNG xám 16 mức, 200 dpi"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d").replace("\u0111", "d")
    return "".join(c for c in s if not unicodedata.combining(c)).replace("đ", "d")


def rel(path, base):
    return os.path.relpath(path, base).replace(os.sep, "/")


def page_rng(doc_id, n):
    return random.Random("%d:%s:%d" % (SEED, doc_id, n))


# --------------------------------------------------------------------------------------------
# Rendering one document into its scan format
# --------------------------------------------------------------------------------------------

def render_document(d, out_root):
    """Lay out, draw, degrade and write document d. Returns (relative path, [page truths])."""
    fmt = d["fmt"]
    dpi = 300 if fmt == "tiff-grey300" else 200
    L, pages = render.layout_document(d, dpi)
    folder = os.path.join(out_root, "scans", d["file"])
    os.makedirs(folder, exist_ok=True)
    images = []
    for n, page in enumerate(pages, 1):
        rng = page_rng(d["id"], n)
        clean = render.draw_page(L, page, rng)
        strength = 0.3 if fmt in ("pdf", "jpeg-dir", "tiff-colour") else 0.25
        im, _ = render.degrade(clean, rng, dpi, strength=strength, upside_down=n in d["upside_down"])
        images.append(im)
    truths = [p.truth() for p in pages]

    if fmt == "pdf":
        path = os.path.join(folder, d["id"] + ".pdf")
        render.write_image_pdf(path, [(render.jpeg_bytes(im, dpi, 75), im.width, im.height, dpi,
                                       "DeviceRGB") for im in images])
    elif fmt == "jpeg-dir":
        path = os.path.join(folder, d["id"])
        os.makedirs(path, exist_ok=True)
        for n, im in enumerate(images, 1):
            with open(os.path.join(path, "%03d.jpg" % n), "wb") as fh:
                fh.write(render.jpeg_bytes(im, dpi, 75))
    elif fmt == "tiff-g4":
        path = os.path.join(folder, d["id"] + ".tif")
        bw = [im.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1") for im in images]
        bw[0].save(path, save_all=True, append_images=bw[1:], compression="group4", dpi=(dpi, dpi))
    elif fmt == "tiff-grey300":
        path = os.path.join(folder, d["id"] + ".tif")
        grey = [im.convert("L") for im in images]
        grey[0].save(path, save_all=True, append_images=grey[1:], compression="jpeg", quality=70,
                     dpi=(dpi, dpi))
    elif fmt == "tiff-colour":
        path = os.path.join(folder, d["id"] + ".tif")
        images[0].save(path, save_all=True, append_images=images[1:], compression="jpeg", quality=72,
                       dpi=(dpi, dpi))
    elif fmt == "png":
        assert len(images) == 1, d["id"] + ": a PNG holds one page"
        path = os.path.join(folder, d["id"] + ".png")
        grey = images[0].convert("L").point(lambda v: (v // 17) * 17)
        pal = grey.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        pal.save(path, optimize=True, bits=4, dpi=(dpi, dpi))
    else:
        raise ValueError(fmt)
    return rel(path, out_root), truths


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------

def write_csv(path, header, rows, bom):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for r in rows:
            w.writerow([nfc(str(r.get(c, ""))) for c in header])


def effective_access(d, files):
    own = d.get("csv_access") or ""
    if own:
        return ACCESS_NAMES[own]
    return ACCESS_NAMES[files[d["file"]]["access"]] if files[d["file"]]["access"] else "Sử dụng có điều kiện"


def build_batch():
    if os.path.isdir(BATCH):
        shutil.rmtree(BATCH)
    if os.path.isdir(TRUTH):
        shutil.rmtree(TRUTH)
    os.makedirs(BATCH)
    files = {f["id"]: f for f in corpus.FILES}
    docs = corpus.DOCS
    for d in docs:
        d["csv_access"] = EXPLICIT_ACCESS.get(d["id"], d["access"])
        print("  %-24s %s" % (d["id"], d["fmt"]), file=sys.stderr)
        d["path"], d["truths"] = render_document(d, BATCH)
        tdir = os.path.join(TRUTH, d["id"])
        os.makedirs(tdir, exist_ok=True)
        for n, t in enumerate(d["truths"], 1):
            with open(os.path.join(tdir, "%d.txt" % n), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(nfc(t))
        d["pages"] = len(d["truths"])
        d["effective"] = effective_access(d, files)

    rows = []
    for f in corpus.FILES:
        fd = [d for d in docs if d["file"] == f["id"]]
        pages = sum(d["pages"] for d in fd)
        rows.append({"Mã hồ sơ": f["id"], "Tên phông": f["phong"], "Tiêu đề hồ sơ": f["title"],
                     "Thời hạn lưu trữ": f["han"], "Chế độ sử dụng": f["access"], "Ngôn ngữ": "01",
                     "Thời gian bắt đầu": f["start"], "Thời gian kết thúc": f["end"],
                     "Tổng số tài liệu": len(fd), "Số lượng tờ": pages, "Số lượng trang": pages,
                     "Tình trạng vật lý": f["tinh_trang"], "Mức độ tin cậy": "Số hóa",
                     "Từ khóa": f["keywords"], "Mã hồ sơ gốc giấy": f["goc"], "Ghi chú": f["note"]})
    write_csv(os.path.join(BATCH, "ho_so.csv"), HO_SO_COLUMNS, rows, bom=True)

    rows = []
    for d in docs:
        rows.append({"Mã hồ sơ": d["file"], "Số thứ tự": d["stt"], "Tệp": d["path"],
                     "Tên loại văn bản": d["kind"], "Số": d["so"], "Ký hiệu": d["kyhieu"],
                     "Ngày văn bản": d["date"], "Cơ quan ban hành": d["issuer"],
                     "Trích yếu nội dung": d["trich_yeu"], "Người ký": d["signer"], "Ngôn ngữ": "Tiếng Việt",
                     "Số lượng trang": d["pages"], "Chế độ sử dụng": d["csv_access"],
                     "Mức độ tin cậy": "02", "Tình trạng vật lý": "",
                     "Ghi chú": d["note"], "Địa bàn xã": d["xa"]})
    write_csv(os.path.join(BATCH, "tai_lieu.csv"), TAI_LIEU_COLUMNS, rows, bom=False)
    return files, docs


# --------------------------------------------------------------------------------------------
# The bad batch
# --------------------------------------------------------------------------------------------

BAD_FILE = "H49.64.33.2015.090"


def build_bad_batch():
    if os.path.isdir(BAD):
        shutil.rmtree(BAD)
    scans = os.path.join(BAD, "scans")
    os.makedirs(scans)
    good = []
    for stt, (kind, so, date, subject, body, fmt) in enumerate([
        ("Thông báo", "35", "09/03/2015", "Về lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân huyện "
         "tháng 4 năm 2015",
         "Chủ tịch Ủy ban nhân dân huyện Krông Pắc tiếp công dân định kỳ vào ngày 15/4/2015 tại Trụ sở "
         "Tiếp công dân huyện. Đề nghị Ủy ban nhân dân các xã thông báo rộng rãi để nhân dân biết./.",
         "pdf"),
        ("Giấy mời", "61", "20/03/2015", "Về việc dự họp triển khai kế hoạch chỉnh lý tài liệu lưu trữ năm 2015",
         "Ủy ban nhân dân huyện Krông Pắc trân trọng kính mời đại diện lãnh đạo các cơ quan chuyên môn "
         "thuộc Ủy ban nhân dân huyện dự họp vào lúc 7 giờ 30 phút ngày 25/3/2015 tại Hội trường Ủy ban "
         "nhân dân huyện./.",
         "jpeg"),
    ], 1):
        abbr = {"Thông báo": "TB-UBND", "Giấy mời": "GM-UBND"}[kind]
        d, m, y = (int(x) for x in date.split("/"))
        doc = dict(id="%s.%d" % (BAD_FILE, stt), heading=dict(
            parent=[], body=corpus.H_UBND_KP, so="Số: %s/%s" % (so, abbr),
            date=corpus.date_text(corpus.KP, d, m, y)),
            blocks=[corpus.T(kind.upper()), corpus.S(subject), corpus.P(body),
                    corpus.sign(corpus.noi_nhan("- Như trên;", "- Lưu: VT."),
                                corpus.ky(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "Nguyễn Văn Hùng"),
                                corpus.SEAL_KP)])
        L, pages = render.layout_document(doc, 200)
        assert len(pages) == 1
        rng = page_rng(doc["id"], 1)
        im, _ = render.degrade(render.draw_page(L, pages[0], rng), rng, 200, strength=0.3)
        if fmt == "pdf":
            name = "thong_bao_35.pdf"
            render.write_image_pdf(os.path.join(scans, name),
                                   [(render.jpeg_bytes(im, 200, 75), im.width, im.height, 200, "DeviceRGB")])
        else:
            name = "giay_moi_61.jpg"
            with open(os.path.join(scans, name), "wb") as fh:
                fh.write(render.jpeg_bytes(im, 200, 75))
        tdir = os.path.join(BAD, "truth", doc["id"])
        os.makedirs(tdir, exist_ok=True)
        with open(os.path.join(tdir, "1.txt"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(pages[0].truth())
        good.append((stt, kind, so, abbr, date, subject, "scans/" + name))
        if fmt == "jpeg":
            jpeg = render.jpeg_bytes(im, 200, 75)
    # unusable scans
    open(os.path.join(scans, "rong.pdf"), "wb").close()
    with open(os.path.join(scans, "hong.jpg"), "wb") as fh:
        fh.write(jpeg[: len(jpeg) // 3])          # cut mid-stream: no end-of-image marker
    with open(os.path.join(scans, "van_ban.pdf"), "w", encoding="utf-8") as fh:
        fh.write("Đây là tệp văn bản thuần, không phải PDF: bản ghi chú của cán bộ số hóa.\n")

    ho_so = [
        {"Mã hồ sơ": BAD_FILE, "Tên phông": corpus.PHONG_KP, "Tiêu đề hồ sơ":
            "Hồ sơ thông báo, giấy mời của Ủy ban nhân dân huyện năm 2015", "Thời hạn lưu trữ": "05",
         "Chế độ sử dụng": "Công khai"},
        {"Mã hồ sơ": "H49.64.33.2015.091", "Tên phông": corpus.PHONG_KP, "Tiêu đề hồ sơ": "",
         "Thời hạn lưu trữ": "05", "Chế độ sử dụng": "Công khai"},
        {"Mã hồ sơ": BAD_FILE, "Tên phông": corpus.PHONG_KP, "Tiêu đề hồ sơ":
            "Hồ sơ trùng mã (bản nhập lại)", "Thời hạn lưu trữ": "05", "Chế độ sử dụng": "Công khai"},
    ]
    cols = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng"]
    write_csv(os.path.join(BAD, "ho_so.csv"), cols, ho_so, bom=True)

    g1, g2 = good

    def row(stt, tep, date="20/03/2015", so="", abbr="", kind="Công văn", title="", file=BAD_FILE):
        return {"Mã hồ sơ": file, "Số thứ tự": stt, "Tệp": tep, "Tên loại văn bản": kind, "Số": so,
                "Ký hiệu": abbr, "Ngày văn bản": date, "Cơ quan ban hành": "UBND huyện Krông Pắc",
                "Trích yếu nội dung": title}
    tl = [
        row(1, g1[6], g1[4], g1[2], g1[3], g1[1], g1[5]),
        row(2, g2[6], g2[4], g2[2], g2[3], g2[1], g2[5]),
        row("", g1[6], title="Dòng thiếu Số thứ tự"),
        row(4, g1[6], date="31/02/2015", title="Ngày văn bản không tồn tại (31/02)"),
        row(5, g2[6], date="abc", title="Ngày văn bản không đọc được"),
        row(1, g2[6], title="Trùng mã tài liệu với dòng 2"),
        row(1, g1[6], title="Hồ sơ không có trong ho_so.csv", file="H49.64.33.2015.099"),
        row(8, "scans/khong_co_tep_nay.pdf", title="Tệp không tồn tại"),
        row(9, "scans/rong.pdf", title="Tệp PDF rỗng (0 byte)"),
        row(10, "scans/hong.jpg", title="Ảnh JPEG bị cắt cụt"),
        row(11, "scans/van_ban.pdf", title="Tệp văn bản đổi đuôi thành .pdf"),
    ]
    cols = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
            "Cơ quan ban hành", "Trích yếu nội dung"]
    write_csv(os.path.join(BAD, "tai_lieu.csv"), cols, tl, bom=False)


# --------------------------------------------------------------------------------------------
# Golden searches
# --------------------------------------------------------------------------------------------

K = {  # short names for the ids
    "TL10_TTR": "H49.64.33.2012.015.1", "QD1605": "H49.64.33.2012.015.2", "QD1606": "H49.64.33.2012.015.3",
    "QD1720": "H49.64.33.2012.015.4", "GCN_TTR": "H49.64.33.2013.022.1", "GCN_QD": "H49.64.33.2013.022.2",
    "KN_BB": "H49.64.33.2014.041.1", "KN_BC": "H49.64.33.2014.041.2", "KN_QD": "H49.64.33.2014.041.3",
    "BN_QD": "H49.64.33.2016.003.1", "NL_QD": "H49.64.33.2016.003.2", "NL_TTR": "H49.64.33.2016.003.3",
    "BC98_Q1": "H49.64.33.1998.010.1", "BC98_TK": "H49.64.33.1998.010.2", "KH98": "H49.64.33.1998.010.3",
    "TA_QD2468": "H54.55.12.2012.031.1", "TA_QD2469": "H54.55.12.2012.031.2", "TA_MAT": "H54.55.12.2012.031.3",
    "TA_BB": "H54.55.12.2017.008.1", "TA_KN": "H54.55.12.2017.008.2", "TA_BC": "H54.55.12.2017.008.3",
    "AM_TTR": "H54.55.12.2019.014.1", "AM_QD": "H54.55.12.2019.014.2",
    "MAT_BC": "H54.55.12.2020.005.1", "MAT_KH": "H54.55.12.2020.005.2",
    "LT_TTR": "H49.64.33.2025.002.1", "LT_QD": "H49.64.33.2025.002.2", "LT_BC": "H49.64.33.2025.002.3",
}

# (query, role, top, in_top10, absent, words the true text must hold for every expected id)
GOLDEN = [
    ("Quyết định thu hồi đất", "public", "", ["QD1605", "QD1606", "TA_QD2468", "TA_QD2469"], [],
     ["quyết định", "thu hồi đất"]),
    ("quyet dinh thu hoi dat", "public", "", ["QD1605", "QD1606", "TA_QD2468", "TA_QD2469"], [],
     ["quyết định", "thu hồi đất"]),
    ("Nguyễn Văn Hùng", "public", "", ["QD1605", "TL10_TTR", "QD1720", "TA_QD2468", "KH98", "LT_QD"], [],
     ["nguyễn văn hùng"]),
    ("nguyen van hung", "public", "", ["QD1605", "TL10_TTR", "QD1720", "TA_QD2468", "KH98", "LT_QD"], [],
     ["nguyễn văn hùng"]),
    ("Trần Thị Hoa", "staff", "", ["TA_BB", "TA_KN", "GCN_TTR", "GCN_QD", "BN_QD", "TA_QD2469", "TL10_TTR",
                                   "LT_QD"], [], ["trần thị hoa"]),
    ("Trần Thị Hoa", "public", "", ["TA_QD2469", "TL10_TTR", "LT_QD"],
     ["TA_BB", "TA_KN", "GCN_TTR", "GCN_QD", "BN_QD"], ["trần thị hoa"]),
    ("Y Bih Niê", "staff", "", ["KN_BB", "KN_BC", "KN_QD", "GCN_TTR", "GCN_QD"], [], ["y bih niê"]),
    ("y bih nie", "staff", "", ["KN_BB", "KN_BC", "KN_QD", "GCN_TTR", "GCN_QD"], [], ["y bih niê"]),
    ("Y Bih Niê", "public", "", [], ["KN_BB", "KN_BC", "KN_QD", "GCN_TTR", "GCN_QD"], ["y bih niê"]),
    ("H'Hen Niê", "staff", "", ["QD1606", "TL10_TTR", "QD1720", "KN_BB", "NL_QD", "NL_TTR", "LT_QD"], [],
     ["h'hen niê"]),
    ("1605/QĐ-UBND", "public", "QD1605", ["QD1720"], [], ["1605/qđ-ubnd"]),
    ("1605/QD-UBND", "public", "QD1605", ["QD1720"], [], ["1605/qđ-ubnd"]),
    ("qd 1605", "public", "QD1605", [], [], ["1605/qđ-ubnd"]),
    ("325/TTr-TNMT", "public", "TL10_TTR", ["QD1605", "QD1606"], [], ["325/ttr-tnmt"]),
    ("thửa 305 tờ 80", "public", "QD1605", ["TL10_TTR"], [], ["thửa đất số 305, tờ bản đồ số 80"]),
    ("240612345", "public", "", ["QD1605", "TL10_TTR"], [], ["240612345"]),
    ("054168004521", "staff", "", ["TA_BB", "TA_KN"], [], ["054168004521"]),
    ("054168004521", "public", "", [], ["TA_BB", "TA_KN"], ["054168004521"]),
    ("QSDĐ", "staff", "", ["GCN_QD", "AM_QD"], [], ["quyền sử dụng đất"]),
    ("UBND Krông Pắc", "public", "", ["LT_QD", "LT_BC"], [], ["ủy ban nhân dân huyện krông pắc"]),
    ("Hoà An", "staff", "", ["GCN_TTR", "GCN_QD"], [], ["hòa an"]),
    ("Lê Văn Hoà", "public", "", ["TL10_TTR", "QD1720", "TA_QD2468", "TA_QD2469", "AM_QD", "LT_QD"],
     ["TA_MAT"], ["lê văn hòa"]),
    ("kích động", "secret", "", ["TA_MAT", "MAT_BC"], [], ["kích động"]),
    ("kích động", "staff", "", [], ["TA_MAT", "MAT_BC"], ["kích động"]),
    ("bảo vệ bí mật nhà nước", "secret", "MAT_KH", ["MAT_BC"], [], ["bảo vệ bí mật nhà nước"]),
    ("bảo vệ bí mật nhà nước", "public", "", [], ["MAT_KH", "MAT_BC"], ["bảo vệ bí mật nhà nước"]),
    ("giải quyết khiếu nại", "staff", "", ["KN_QD", "TA_KN", "TA_BC"], [], ["giải quyết khiếu nại"]),
    ("giai quyet khieu nai", "public", "TA_BC", ["LT_TTR", "LT_BC"], ["KN_QD", "TA_KN"],
     ["giải quyết khiếu nại"]),
    ("Cư M'gar", "public", "", ["BC98_TK", "LT_BC"], [], ["cư m'gar"]),
    ("thua 305 to 80", "public", "QD1605", ["TL10_TTR"], [], ["thửa đất số 305, tờ bản đồ số 80"]),
    ("241034567", "public", "", ["QD1606", "TL10_TTR"], [], ["241034567"]),
    ("Ea H'leo", "public", "", ["BC98_TK", "LT_BC"], [], ["ea h'leo"]),
    ("Tỉnh lộ 10", "public", "", ["TL10_TTR", "QD1605", "QD1606", "QD1720"], [], ["tỉnh lộ 10"]),
    ("số hóa 200 dpi", "public", "LT_BC", [], [], ["số hóa", "200 dpi"]),
]


def doc_text(d, files):
    f = files[d["file"]]
    meta = [d["kind"], d["so"], d["kyhieu"], d["issuer"], d["trich_yeu"], d["signer"], d["xa"], d["note"],
            f["title"], f["phong"], f["keywords"]]
    return "\n".join(d["truths"] + meta)


def check_golden(files, docs):
    """Every expectation must be supported by the true text and by the access rules."""
    by_id = {d["id"]: d for d in docs}
    rows = []
    for query, role, top, inten, absent, words in GOLDEN:
        top_id = K[top] if top else ""
        in_ids = [K[x] for x in inten]
        absent_ids = [K[x] for x in absent]
        for i in ([top_id] if top_id else []) + in_ids:
            d = by_id[i]
            text = doc_text(d, files).lower()
            for w in words:
                # the page text may break a phrase across lines: compare with whitespace folded
                hay = " ".join(text.split())
                assert w in hay, "golden %r: %s lacks %r" % (query, i, w)
            assert ACCESS_LEVEL[d["effective"]] <= ROLE_SEES[role], \
                "golden %r: %s (%s) not visible to %s" % (query, i, d["effective"], role)
        for i in absent_ids:
            assert ACCESS_LEVEL[by_id[i]["effective"]] > ROLE_SEES[role], \
                "golden %r: %s is visible to %s, cannot be expected absent" % (query, i, role)
        rows.append((query, role, top_id, ",".join(in_ids), ",".join(absent_ids)))
    with open(os.path.join(HERE, "golden_searches.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("query\trole\texpected_top\texpected_in_top10\texpected_absent\n")
        for r in rows:
            fh.write("\t".join(nfc(x) for x in r) + "\n")


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------

README_HEAD = """# Sample batches for hoso

Generated by `python3 samples/make_samples.py` (Python 3 with Pillow — Debian `python3-pil` or
`pip install pillow` — and the Debian font package `fonts-noto-core`). `scripts/make_samples.sh` picks a
Python that has Pillow and runs it. The generator is deterministic (seed {seed}); rerunning it rewrites
everything here, this README included (its text lives in the script). The tests use the
committed outputs and need no Python.

Everything here is fictional: people, identity numbers, parcels and decision numbers are invented, in the
formats real district records use (NĐ 30/2020 layout, TT 05/2025 identifiers). The two fonds are district
People's Committees whose records were handed over when district-level government ended on 1/7/2025:
**UBND huyện Krông Pắc** (Đắk Lắk, files `H49.64.33.*`) and **UBND huyện Tuy An** (Phú Yên, files
`H54.55.12.*`).

## What is here

| path | what |
|---|---|
| `batch/ho_so.csv` | {nfiles} hồ sơ; UTF-8 **with** BOM (as a spreadsheet exports it), CRLF, RFC 4180 quoting |
| `batch/tai_lieu.csv` | {ndocs} văn bản; UTF-8 without BOM; extra non-standard column `Địa bàn xã` |
| `batch/scans/<Mã hồ sơ>/…` | the scans, named by the `Tệp` column ({npages} pages in all) |
| `truth/<id>/<page>.txt` | the exact text drawn on each page, NFC, one line per printed line, in reading order |
| `golden_searches.tsv` | searches and the documents they must (or must not) return, per role |
| `bad-batch/` | a small batch with broken rows and broken scans; see `bad-batch/EXPECTED.md` |
| `make_samples.py`, `corpus.py`, `render.py` | the generator: driver, the records' content, layout and scan effects |

### Scans

A4 pages (1654×2339 px at 200 dpi; 2480×3508 at 300 dpi) laid out like real Vietnamese administrative
documents: two-column heading (issuing body and `Số: …` left; national motto and place/date right), type in
bold capitals, `Về việc …`, italic `Căn cứ …`, `Điều 1.` articles, `Nơi nhận:` and the signature block,
page numbers from page 2. Then made to look scanned: off-white tinted, unevenly lit paper, a skew of
0.3–1.2° either way per page, Gaussian blur, light grain, specks; a red seal and a blue signature on
most signed pages; Mật documents carry a red `MẬT` stamp under the number.

Formats: image-only PDFs (one JPEG per page, quality 75, embedded as is — DCTDecode — with the page size
from 200 dpi); multi-page TIFF (1-bit CCITT G4 at 200 dpi; greyscale 300 dpi JPEG-compressed; colour
200 dpi JPEG-compressed); folders of page images `001.jpg`, `002.jpg`, … (file-name order is page
order); one greyscale PNG with a 16-grey palette.

Quirks kept on purpose: page 2 of `H49.64.33.2012.015.4` is scanned **upside down** (rotated 180°; its
truth is the upright text). File `H49.64.33.1998.010` has partial dates (`03/1998`, `12/1998`, `1998`)
and a heading with blank day/month. Names repeat across unrelated people, as in real archives
(several Nguyễn Văn Hùng, Nguyễn Văn Hưng, Trần Thị Hoa, Lê Văn Hòa, H'Hen Niê, Y Bih Niê).

### Truth files

`truth/<document id>/<n>.txt`: every printed line of page n, in reading order — the left heading column,
then the right heading column, then the `MẬT` stamp if any, then the body top to bottom; in the closing
block the `Nơi nhận:` column (or, in a biên bản, the citizen's column) before the signer's column; the
page number first on pages 2 onwards. Runs of spaces are single spaces. Not in the truth: rules, the
seal's ring text, handwritten signatures, specks.

### Golden searches

`golden_searches.tsv` columns: `query`, `role` (public/staff/secret), `expected_top` (the id that must be
the first hit, or empty), `expected_in_top10` (comma-separated ids that must be among the first 10 hits),
`expected_absent` (ids that must not appear at all for that role — documents the role may not see). The
generator checks that each expected id's true text (pages plus its catalogue metadata) holds the query's
words and that the access rules allow (or forbid) it for the role.

## Documents

Access is the document's effective `Chế độ sử dụng` (its own, or its file's when its cell is empty —
marked *inherited*). The CSVs mix words and TT 05 codes on purpose: `Chế độ sử dụng` `02` on file
`H54.55.12.2017.008`, `01`/`02`/`03` on some documents; `Thời hạn lưu trữ` as `01`, `03`, `06` or
`Vĩnh viễn`, `70 năm`.

| id | type | Số/Ký hiệu | date | access | format | pages |
|---|---|---|---|---|---|---|
"""

README_TAIL = """
## Files (hồ sơ)

| Mã hồ sơ | phông | access | retention | title |
|---|---|---|---|---|
{files}

## Regenerating

```
python3 samples/make_samples.py      # or: scripts/make_samples.sh
du -sh samples                       # keep under 20 MB
```
"""


def write_readme(files, docs):
    total_pages = sum(d["pages"] for d in docs)
    out = [README_HEAD.format(seed=SEED, nfiles=len(files), ndocs=len(docs), npages=total_pages)]
    for d in docs:
        so = ("%s/%s" % (d["so"], d["kyhieu"])) if d["so"] else "—"
        acc = d["effective"] + ("" if d["csv_access"] else " *(inherited)*")
        out.append("| `%s` | %s | %s | %s | %s | %s | %d |\n" % (d["id"], d["kind"], so, d["date"], acc,
                                                              FORMAT_LABEL[d["fmt"]], d["pages"]))
    frows = "\n".join("| `%s` | %s | %s | %s | %s |" % (f["id"], f["phong"], ACCESS_NAMES[f["access"]],
                                                        f["han"], f["title"]) for f in corpus.FILES)
    out.append(README_TAIL.format(files=frows))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(nfc("".join(out)))


EXPECTED_MD = """# bad-batch: what ingest must report

`hoso ingest samples/bad-batch` must finish with **exit code 1** (partly done): every problem below is
reported with its place (CSV file and line — line 1 is the header — or the scan's path) and a reason in
Vietnamese, the row is skipped, and the two good documents go in.

Goes in: file `H49.64.33.2015.090` (ho_so.csv line 2) with documents

| id | tai_lieu.csv line | scan | pages |
|---|---|---|---|
| `H49.64.33.2015.090.1` | 2 | `scans/thong_bao_35.pdf` (image-only PDF) | 1 |
| `H49.64.33.2015.090.2` | 3 | `scans/giay_moi_61.jpg` (JPEG) | 1 |

Their page text is in `bad-batch/truth/`.

## ho_so.csv

| line | problem |
|---|---|
| 3 | `H49.64.33.2015.091`: required `Tiêu đề hồ sơ` is empty |
| 4 | `H49.64.33.2015.090` appears a second time (duplicate Mã hồ sơ; the first, line 2, is kept) |

## tai_lieu.csv

| line | problem |
|---|---|
| 4 | required `Số thứ tự` is empty |
| 5 | `H49.64.33.2015.090.4`: `Ngày văn bản` `31/02/2015` is not a date (no 31 February) |
| 6 | `H49.64.33.2015.090.5`: `Ngày văn bản` `abc` cannot be read |
| 7 | `H49.64.33.2015.090.1` appears a second time (duplicate document id; line 2 is kept) |
| 8 | `Mã hồ sơ` `H49.64.33.2015.099` is not in ho_so.csv |
| 9 | `H49.64.33.2015.090.8`: `Tệp` `scans/khong_co_tep_nay.pdf` does not exist |
| 10 | `H49.64.33.2015.090.9`: `scans/rong.pdf` is empty (0 bytes) |
| 11 | `H49.64.33.2015.090.10`: `scans/hong.jpg` is a truncated JPEG (cut at a third, no end marker) |
| 12 | `H49.64.33.2015.090.11`: `scans/van_ban.pdf` is a UTF-8 text file named .pdf |

Lines 5 and 6 point at good scans, so the date is their only fault. Summary expected from
`--json`: `documents` 2, `pages` 2, and one `skipped` entry for each of the 11 lines above.
"""


def main():
    print("batch …", file=sys.stderr)
    files, docs = build_batch()
    print("bad-batch …", file=sys.stderr)
    build_bad_batch()
    with open(os.path.join(BAD, "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(EXPECTED_MD)
    check_golden(files, docs)
    write_readme(files, docs)
    pages = sum(d["pages"] for d in docs)
    print("%d files, %d documents, %d pages" % (len(files), len(docs), pages), file=sys.stderr)
    for d in docs:
        print("%-22s %-10s %-22s %-8s %d" % (d["id"], d["kind"], d["effective"], d["fmt"], d["pages"]))


if __name__ == "__main__":
    main()
