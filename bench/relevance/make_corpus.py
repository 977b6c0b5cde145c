#!/usr/bin/env python3
"""Build the relevance-benchmark corpus: a batch of about 100 hồ sơ and 550+ văn bản of district-level
records (land recovery, land-use certificates, personnel, complaints, citizen reception, reports, plans)
whose Tệp are plain UTF-8 .txt transcriptions (pages separated by a form feed), plus queries.tsv.

    python3 bench/relevance/make_corpus.py [--seed N] [--out DIR]

Deterministic for a given seed. Stdlib only. A small pool of very common names is shared by many
different people (different parcels, years, communes), so that a name alone is ambiguous and a name
plus a parcel or a commune is not. About 20 % of pages carry OCR-like noise that leaves the folded
form intact (dropped marks, acute/hook confusion on circumflex vowels) plus digit confusions in dates.

queries.tsv columns: kind, query, relevant_ids, mode.  mode "first": the first relevant id is the
one document that must rank first; mode "any": every listed document is relevant and any of them
at the top is right.  Relevant sets are computed from the clean (noise-free) text the generator wrote
and from what it knows about each document, never from a search engine.
"""
import argparse
import csv
import os
import random
import re
import shutil
import unicodedata

import counter_queries

HERE = os.path.dirname(os.path.abspath(__file__))

# ---- Vietnamese helpers --------------------------------------------------------------------------

TONE_CHARS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def nfd(s):
    return unicodedata.normalize("NFD", s)


def fold(s):
    s = nfd(s).replace("đ", "d").replace("Đ", "D")
    return nfc("".join(c for c in s if not unicodedata.combining(c)))


def _split_tone(ch):
    d = nfd(ch)
    tone = "".join(c for c in d if c in TONE_CHARS)
    base = nfc("".join(c for c in d if c not in TONE_CHARS))
    return base, tone


def move_tone(word, to_new):
    """Old style (tone on the first vowel of open oa/oe/uy: hòa, thúy, khỏe) <-> new style (hoà,
    thuý, khoẻ). Other words are returned unchanged."""
    if len(word) < 2:
        return word
    a, b = word[-2], word[-1]
    a0, ta = _split_tone(a)
    b0, tb = _split_tone(b)
    pair = (a0 + b0).lower()
    if pair not in ("oa", "oe", "uy"):
        return word
    if pair == "uy" and len(word) >= 3 and word[-3].lower() == "q":
        return word
    if len(word) >= 3 and _split_tone(word[-3])[0].lower() in "aăâeêioôơuưy":
        return word
    if to_new and ta and not tb:
        return word[:-2] + a0 + nfc(b0 + ta)
    if not to_new and tb and not ta:
        return word[:-2] + nfc(a0 + tb) + b0
    return word


WORD_RE = re.compile(r"\w+", re.UNICODE)


def restyle(text, to_new):
    return WORD_RE.sub(lambda m: move_tone(m.group(0), to_new), text)


def canonical(text):
    """NFC, old-style tone placement, lower case: the form the relevance judgements are made on."""
    return restyle(nfc(text), to_new=False).lower()


# ---- OCR-like noise ------------------------------------------------------------------------------

ACUTE_HOOK = {}
for _v in "âêô":
    ACUTE_HOOK[nfc(_v + "\u0301")] = nfc(_v + "\u0309")
    ACUTE_HOOK[nfc(_v + "\u0309")] = nfc(_v + "\u0301")
    ACUTE_HOOK[nfc(_v.upper() + "\u0301")] = nfc(_v.upper() + "\u0309")
    ACUTE_HOOK[nfc(_v.upper() + "\u0309")] = nfc(_v.upper() + "\u0301")
LETTER_SLIPS = [("rn", "m"), ("m", "rn"), ("n", "ri"), ("c", "e"), ("h", "b"), ("l", "I"), ("t", "f")]
DATE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def add_noise(page, rng):
    def word(m):
        w = m.group(0)
        r = rng.random()
        if r < 0.10:
            return fold(w) if not w.isdigit() else w
        if r < 0.18 and any(c in ACUTE_HOOK for c in w):
            return "".join(ACUTE_HOOK.get(c, c) for c in w)
        if r < 0.21 and len(w) >= 3 and not any(c.isdigit() for c in w):
            # a letter misread in a way folding does not undo (rn/m, n/ri, c/e, h/b, l/I)
            rules = [(a, b) for a, b in LETTER_SLIPS if a in w]
            if rules:
                a, b = rng.choice(rules)
                i = w.index(a)
                return w[:i] + b + w[i + len(a):]
        return w

    page = WORD_RE.sub(word, page)

    def date(m):
        d = m.group(0)
        if rng.random() < 0.35:
            i = rng.randrange(len(d))
            if d[i] in "0158":
                d = d[:i] + {"0": "O", "1": "l", "5": "S", "8": "B"}[d[i]] + d[i + 1:]
        return d

    return DATE_RE.sub(date, page)


# ---- the world ---------------------------------------------------------------------------------

COMMON_NAMES = [("ông", "Nguyễn Văn Hùng"), ("ông", "Nguyễn Văn Hưng"), ("bà", "Trần Thị Hoa"),
                ("ông", "Lê Văn Hòa"), ("bà", "Nguyễn Thị Thúy"), ("ông", "Trần Văn Thủy"),
                ("ông", "Nguyễn Văn Hòa"), ("bà", "Lê Thị Hoa"), ("ông", "Phạm Văn Hùng"),
                ("bà", "Nguyễn Thị Hoa")]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Tạ"]
MALE_GIVEN = ["Minh Tuấn", "Quốc Bảo", "Đức Thắng", "Thanh Sơn", "Ngọc Khánh", "Xuân Trường", "Công Định",
              "Hữu Phước", "Đình Khoa", "Trọng Nghĩa", "Văn Toản", "Văn Khỏe", "Văn Lộc", "Văn Quyết",
              "Văn Thụy", "Minh Nhật", "Bá Cường", "Tiến Dũng", "Quang Vinh", "Văn Thành"]
FEMALE_GIVEN = ["Thị Ngọc Lan", "Thị Thu Hà", "Thị Mỹ Dung", "Thị Kim Oanh", "Thị Bích Thủy", "Thị Hồng Nhung",
                "Thị Phương Thảo", "Thị Tuyết Mai", "Thị Diệu Linh", "Thị Khánh Hòa", "Thị Xuân Hương",
                "Thị Thanh Tâm", "Thị Lệ Quyên", "Thị Hoàng Yến", "Thị Ngọc Diệp"]
EDE_MALE = ["Y Bih Niê", "Y Kông Êban", "Y Thuyn Knul", "Y Jut Buôn Yă", "Y Ngông Niê Kdăm", "Y Sơn Ênuôl",
            "Y Wang Mlô", "Y Bhiông Êban", "Y Khoa Byă", "Y Dhăm Ktla"]
EDE_FEMALE = ["H'Hen Niê", "H'Blơ Mlô", "H'Nga Byă", "H'Loan Ktla", "H'Zen Byă", "H'Dơk Kbuôr",
              "H'Phương Ayũn", "H'Ngơn Niê", "H'Yim Êban", "H'Lip Knul"]

DISTRICTS = [
    dict(key="KP", name="Krông Pắc", province="Đắk Lắk", code="H49.64.33", cmnd="24", cccd="066",
         communes=["Ea Kly", "Hòa An", "Hòa Tiến", "Hòa Đông", "Ea Phê", "Ea Yông", "Vụ Bổn", "Ea Kênh"],
         ede=True, new_style=False),
    dict(key="CM", name="Cư M'gar", province="Đắk Lắk", code="H49.64.35", cmnd="24", cccd="066",
         communes=["Ea Pốk", "Quảng Tiến", "Ea Kpam", "Cư Suê", "Ea M'nang", "Cuôr Đăng", "Ea Tul"],
         ede=True, new_style=False),
    dict(key="EH", name="Ea H'leo", province="Đắk Lắk", code="H49.64.31", cmnd="24", cccd="066",
         communes=["Ea Hiao", "Ea Wy", "Cư Mốt", "Ea Khăl", "Dliê Yang", "Ea Nam"],
         ede=True, new_style=False),
    dict(key="TA", name="Tuy An", province="Phú Yên", code="H54.55.12", cmnd="22", cccd="054",
         communes=["An Chấn", "An Mỹ", "An Hòa", "An Thọ", "An Ninh Đông", "An Cư", "An Dân", "Chí Thạnh"],
         ede=False, new_style=True),
]

PROJECTS = [
    "nâng cấp, mở rộng Tỉnh lộ 10", "xây dựng đường giao thông liên xã", "xây dựng Trường Tiểu học",
    "xây dựng Khu tái định cư", "nâng cấp kênh mương thủy lợi", "xây dựng hồ chứa nước",
    "xây dựng Trạm y tế", "xây dựng Nhà văn hóa cộng đồng", "mở rộng chợ trung tâm",
    "xây dựng đường dây 22 kV", "nâng cấp Quốc lộ 26", "xây dựng Khu dân cư mới",
]
LAND_KINDS = ["trồng cây lâu năm", "trồng lúa", "ở tại nông thôn", "trồng cây hằng năm khác",
              "nuôi trồng thủy sản", "ở và đất trồng cây lâu năm"]
CROPS = [("cây cà phê", 350000), ("cây sầu riêng", 1200000), ("cây hồ tiêu", 250000),
         ("cây điều", 180000), ("cây dừa", 400000), ("cây xoài", 300000)]
OFFICES = ["Phòng Tài nguyên và Môi trường", "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch",
           "Phòng Văn hóa và Thông tin", "Phòng Nông nghiệp và Phát triển nông thôn", "Thanh tra huyện",
           "Phòng Giáo dục và Đào tạo", "Phòng Lao động - Thương binh và Xã hội"]
OFFICE_ABBR = {"Phòng Tài nguyên và Môi trường": "TNMT", "Phòng Nội vụ": "NV",
               "Phòng Tài chính - Kế hoạch": "TCKH", "Phòng Văn hóa và Thông tin": "VHTT",
               "Phòng Nông nghiệp và Phát triển nông thôn": "NNPTNT", "Thanh tra huyện": "TTr",
               "Phòng Giáo dục và Đào tạo": "GDĐT", "Phòng Lao động - Thương binh và Xã hội": "LĐTBXH"}


def date_text(place, d, m, y):
    return "%s, ngày %02d tháng %s năm %d" % (place, d, ("%02d" % m) if m <= 2 else str(m), y)


def dmy(d, m, y):
    return "%02d/%02d/%d" % (d, m, y)


class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used_ids = set()
        self.used_nums = {}           # (district key, year) -> set of numbers
        self.used_parcels = {}        # commune -> set of (thua, to)
        self.persons = []
        self.files = []
        self.docs = []
        self.file_seq = {}
        for d in DISTRICTS:
            r = self.rng
            # officials: drawn partly from the common pool so that signers share names with citizens
            d["chu_tich"] = self.official("ông")
            d["pct"] = [("Nguyễn Văn Hưng" if d["key"] == "KP" else self.official("ông")),
                        ("Lê Văn Hòa" if d["key"] == "TA" else self.official("ông"))]
            d["heads"] = {o: (("Trần Thị Hoa" if (o == OFFICES[0] and d["key"] in ("KP", "TA"))
                               else self.official(r.choice(["ông", "bà"])))) for o in OFFICES}
            d["chanh_vp"] = self.official("ông")

    def official(self, title):
        r = self.rng
        if r.random() < 0.35:
            return r.choice([n for t, n in COMMON_NAMES if t == title])
        return self.rare_name(title)

    def rare_name(self, title):
        r = self.rng
        return "%s %s" % (r.choice(SURNAMES), r.choice(MALE_GIVEN if title == "ông" else FEMALE_GIVEN))

    def person(self, district, commune, year, ede_ok=True):
        r = self.rng
        title = r.choice(["ông", "bà"])
        x = r.random()
        if district["ede"] and ede_ok and x < 0.25:
            name = r.choice(EDE_MALE if title == "ông" else EDE_FEMALE)
            village = "buôn %s" % r.choice(["Ea Kly", "Ea Nao", "Ko Emông", "Tơng Jú", "Đrăh", "Kmrơng"])
        else:
            if x < 0.70:
                title, name = r.choice(COMMON_NAMES)
            else:
                name = self.rare_name(title)
            village = r.choice(["thôn %d" % r.randint(1, 12), "thôn Phú Quý", "thôn Tân Hòa", "thôn Thủy Đông",
                                "tổ dân phố %d" % r.randint(1, 9), "thôn Hòa Bình", "thôn Xuân Thọ"])
        born = r.randint(1950, 1992)
        if year >= 2017:
            g = ("0" if title == "ông" else "1") if born < 2000 else ("2" if title == "ông" else "3")
            while True:
                idn = district["cccd"] + g + "%02d" % (born % 100) + "%06d" % r.randint(0, 999999)
                if idn not in self.used_ids:
                    break
            idkind = "CCCD"
        else:
            while True:
                idn = district["cmnd"] + "%07d" % r.randint(0, 9999999)
                if idn not in self.used_ids:
                    break
            idkind = "CMND"
        self.used_ids.add(idn)
        p = dict(title=title, name=name, born=born, id=idn, idkind=idkind, village=village, commune=commune,
                 district=district["name"])
        self.persons.append(p)
        return p

    def parcel(self, commune):
        r = self.rng
        used = self.used_parcels.setdefault(commune, set())
        while True:
            # a small range of map sheets and parcels, so that the same "thửa/tờ" pair recurs in
            # different communes
            t = (r.randint(10, 420), r.randint(5, 95))
            if t not in used:
                used.add(t)
                return t

    def number(self, district, year):
        used = self.used_nums.setdefault((district["key"], year), set())
        while True:
            n = self.rng.randint(12, 2400)
            if n not in used:
                used.add(n)
                return n

    def date_in(self, year, month_from=1, month_to=12):
        r = self.rng
        m = r.randint(month_from, month_to)
        return (r.randint(1, 28), m, year)

    def new_file(self, district, year, title, keywords, access="Công khai", han="01"):
        key = (district["code"], year)
        self.file_seq[key] = self.file_seq.get(key, 0) + self.rng.randint(1, 9)
        fid = "%s.%d.%03d" % (district["code"], year, self.file_seq[key])
        f = dict(id=fid, district=district, year=year, title=title, keywords=keywords, access=access,
                 han=han, docs=[])
        self.files.append(f)
        return f

    def add_doc(self, f, kind, so, kyhieu, date, issuer, trich_yeu, signer, body, heading, place,
                about=(), access=""):
        stt = len(f["docs"]) + 1
        d = dict(file=f, stt=stt, id="%s.%d" % (f["id"], stt), kind=kind, so=so, kyhieu=kyhieu, date=date,
                 issuer=issuer, trich_yeu=trich_yeu, signer=signer, body=body, heading=heading, place=place,
                 about=list(about), access=access)
        f["docs"].append(d)
        self.docs.append(d)
        return d


# ---- text pieces ---------------------------------------------------------------------------------

def heading_lines(parent, body, so_line, place_date):
    left = ([parent.upper()] if parent else []) + [body.upper(), so_line]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", place_date]
    if len(left) < 3:
        left = left + [""]
    out = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        out.append((a + "      " + b).strip())
    return out


def sign_block(left_lines, name, nhan):
    return ["Nơi nhận:"] + nhan + left_lines + ["(Đã ký)", name]


def person_line(p, with_id=True, with_parcel=None):
    s = "%s %s, sinh năm %d" % (p["title"].capitalize(), p["name"], p["born"])
    if with_id:
        s += ", %s số %s" % (p["idkind"], p["id"])
    s += ", trú tại %s, xã %s" % (p["village"], p["commune"])
    if with_parcel:
        s += with_parcel
    return s


CC_DAT_OLD = ["Căn cứ Luật Đất đai ngày 26 tháng 11 năm 2003;",
              "Căn cứ Nghị định số 69/2009/NĐ-CP ngày 13/8/2009 của Chính phủ quy định bổ sung về quy hoạch sử "
              "dụng đất, giá đất, thu hồi đất, bồi thường, hỗ trợ và tái định cư;"]
CC_DAT_NEW = ["Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;",
              "Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
              "điều của Luật Đất đai;",
              "Căn cứ Nghị định số 47/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định về bồi thường, hỗ trợ, "
              "tái định cư khi Nhà nước thu hồi đất;"]
CC_TC_OLD = ["Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;"]
CC_TC_NEW = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"]


def cc_to_chuc(year):
    return CC_TC_OLD if year < 2016 else CC_TC_NEW


def cc_dat(year):
    return CC_DAT_OLD if year < 2015 else CC_DAT_NEW


def ubnd(district):
    return "Ủy ban nhân dân huyện %s" % district["name"]


# ---- file builders ---------------------------------------------------------------------------------

def build_land_recovery(w, district, year):
    r = w.rng
    commune = r.choice(district["communes"])
    project = "%s %s" % (r.choice(PROJECTS), r.choice(["đoạn qua xã %s" % commune, "tại xã %s" % commune]))
    f = w.new_file(district, year, "Hồ sơ thu hồi đất, bồi thường, hỗ trợ thực hiện dự án %s, huyện %s"
                   % (project, district["name"]), "thu hồi đất; bồi thường; giải phóng mặt bằng; %s" % commune,
                   access=r.choice(["Công khai", "Công khai", "Sử dụng có điều kiện"]), han="01")
    place = district["name"]
    hh = []
    for _ in range(r.randint(2, 5)):
        p = w.person(district, commune, year)
        thua, to = w.parcel(commune)
        area = "%d,%d" % (r.randint(60, 2400), r.randint(0, 9))
        hh.append(dict(p=p, thua=thua, to=to, area=area, kind=r.choice(LAND_KINDS)))
    qd_tinh = "%d/QĐ-UBND ngày %s" % (r.randint(100, 3000), dmy(*w.date_in(year - 1)))
    # 1. Tờ trình of the TNMT office listing the households
    d1 = w.date_in(year, 1, 4)
    so1 = w.number(district, year)
    office = OFFICES[0]
    head = district["heads"][office]
    body = ["TỜ TRÌNH",
            "Về việc đề nghị thu hồi đất của các hộ gia đình, cá nhân tại xã %s để thực hiện dự án %s"
            % (commune, project),
            "Kính gửi: %s." % ubnd(district)]
    body += cc_dat(year)
    body.append("Căn cứ Quyết định số %s của Ủy ban nhân dân tỉnh %s về việc phê duyệt dự án %s;"
                % (qd_tinh, district["province"], project))
    body.append("Căn cứ hồ sơ địa chính và kết quả kiểm đếm của Hội đồng bồi thường, hỗ trợ và tái định cư "
                "huyện, %s kính trình %s xem xét, quyết định thu hồi đất của các hộ gia đình, cá nhân tại xã %s, "
                "cụ thể như sau:" % (office, ubnd(district), commune))
    for i, h in enumerate(hh, 1):
        body.append("%d. Hộ %s: thu hồi %s m² đất %s tại thửa đất số %d, tờ bản đồ số %d."
                    % (i, person_line(h["p"]), h["area"], h["kind"], h["thua"], h["to"]))
    body.append("Các hộ gia đình nêu trên đã được thông báo thu hồi đất theo quy định; Ủy ban nhân dân xã %s đã "
                "xác nhận nguồn gốc, thời điểm sử dụng đất. Đất không có tranh chấp, khiếu nại." % commune)
    body.append("%s kính trình %s xem xét, ban hành quyết định thu hồi đất đối với từng hộ gia đình, cá nhân "
                "theo quy định./." % (office, ubnd(district)))
    body += sign_block(["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"], head,
                       ["- Như trên;", "- Hội đồng BT, HT và TĐC huyện;", "- UBND xã %s;" % commune, "- Lưu: VT, TNMT."])
    ttr = "%d/TTr-TNMT" % so1
    w.add_doc(f, "Tờ trình", so1, "TTr-TNMT", d1, "%s huyện %s" % (office, place),
              "Về việc đề nghị thu hồi đất của các hộ gia đình, cá nhân tại xã %s để thực hiện dự án %s"
              % (commune, project), head, body,
              ("UBND HUYỆN %s" % place.upper(), office), place, about=[h["p"]["id"] for h in hh])
    # 2. one Quyết định thu hồi đất per household
    qd_nums = []
    d2 = (min(d1[0] + r.randint(1, 10), 28), d1[1] + 1, year)
    signer = r.choice(district["pct"])
    for h in hh:
        p = h["p"]
        so = w.number(district, year)
        qd_nums.append("%d/QĐ-UBND" % so)
        ten = "hộ %s %s" % (p["title"], p["name"])
        ty = ("Về việc thu hồi đất của %s tại xã %s để thực hiện dự án %s (thửa đất số %d, tờ bản đồ số %d)"
              % (ten, commune, project, h["thua"], h["to"]))
        body = ["QUYẾT ĐỊNH", ty.split(" (")[0], "ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()]
        body += cc_to_chuc(year) + cc_dat(year)
        body.append("Căn cứ Quyết định số %s của Ủy ban nhân dân tỉnh %s về việc phê duyệt dự án %s;"
                    % (qd_tinh, district["province"], project))
        body.append("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số %s ngày %s,"
                    % (ttr, dmy(*d1)))
        body.append("QUYẾT ĐỊNH:")
        body.append("Điều 1. Thu hồi %s m² đất %s của %s, %s số %s, trú tại %s, xã %s, huyện %s, tỉnh %s, tại "
                    "thửa đất số %d, tờ bản đồ số %d, để thực hiện dự án %s."
                    % (h["area"], h["kind"], ten, p["idkind"], p["id"], p["village"], commune, place,
                       district["province"], h["thua"], h["to"], project))
        body.append("Vị trí, ranh giới khu đất thu hồi được xác định theo trích đo địa chính khu đất tỷ lệ 1/1000 "
                    "do Văn phòng Đăng ký đất đai huyện %s lập." % place)
        body.append("Điều 2. Ủy ban nhân dân xã %s có trách nhiệm giao quyết định này cho %s; trường hợp %s không "
                    "nhận quyết định thì lập biên bản; niêm yết công khai quyết định này tại trụ sở Ủy ban nhân dân "
                    "xã và tại điểm sinh hoạt chung của khu dân cư nơi có đất thu hồi." % (commune, ten, ten))
        body.append("Hội đồng bồi thường, hỗ trợ và tái định cư huyện có trách nhiệm lập phương án bồi thường, "
                    "hỗ trợ trình cấp có thẩm quyền phê duyệt; tổ chức chi trả tiền bồi thường và bàn giao mặt "
                    "bằng cho chủ đầu tư theo đúng tiến độ của dự án.")
        body.append("Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên "
                    "và Môi trường, Chủ tịch Ủy ban nhân dân xã %s và %s chịu trách nhiệm thi hành quyết định này "
                    "kể từ ngày ký./." % (commune, ten))
        body += sign_block(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer,
                           ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Sở TN&MT tỉnh;", "- Lưu: VT, TNMT."])
        w.add_doc(f, "Quyết định", so, "QĐ-UBND", d2, ubnd(district), ty, signer, body,
                  ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place, about=[p["id"]])
    # 3. Quyết định phê duyệt phương án bồi thường
    d3 = (min(d2[0] + r.randint(5, 20), 28), min(d2[1] + 1, 12), year)
    so3 = w.number(district, year)
    body = ["QUYẾT ĐỊNH",
            "Về việc phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để thực hiện dự án %s"
            % project, "ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()]
    body += cc_to_chuc(year) + cc_dat(year)[:1]
    body.append("Căn cứ các Quyết định số %s của Ủy ban nhân dân huyện về việc thu hồi đất tại xã %s;"
                % (", ".join(qd_nums), commune))
    body.append("QUYẾT ĐỊNH:")
    body.append("Điều 1. Phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để thực hiện dự án %s "
                "cho %02d hộ gia đình, cụ thể như sau:" % (project, len(hh)))
    total = 0
    for i, h in enumerate(hh, 1):
        price = r.choice([35000, 45000, 60000, 120000, 350000])
        a = int(h["area"].split(",")[0])
        crop, cp = r.choice(CROPS)
        nc = r.randint(5, 60)
        s = a * price + nc * cp
        total += s
        body.append("%d. Hộ %s %s, %s: bồi thường về đất %s m² x %s đồng/m²; bồi thường %d %s x %s đồng/cây. "
                    "Cộng: %s đồng." % (i, h["p"]["title"], h["p"]["name"], h["p"]["village"], h["area"],
                                        "{:,}".format(price).replace(",", "."), nc, crop,
                                        "{:,}".format(cp).replace(",", "."), "{:,}".format(s).replace(",", ".")))
    body.append("Tổng kinh phí bồi thường, hỗ trợ là %s đồng, từ nguồn vốn của dự án."
                % "{:,}".format(total).replace(",", "."))
    body.append("Điều 2. Hội đồng bồi thường, hỗ trợ và tái định cư huyện phối hợp với Ủy ban nhân dân xã %s niêm "
                "yết công khai phương án, tổ chức chi trả cho các hộ trong thời hạn 30 ngày." % commune)
    body += sign_block(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer,
                       ["- Như Điều 3;", "- Kho bạc Nhà nước huyện;", "- Lưu: VT, TNMT, TCKH."])
    w.add_doc(f, "Quyết định", so3, "QĐ-UBND", d3, ubnd(district),
              "Về việc phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để thực hiện dự án %s"
              % project, signer, body, ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place)
    # 4. Biên bản bàn giao mặt bằng
    d4 = (min(d3[0] + 3, 28), d3[1], year)
    body = ["BIÊN BẢN", "Bàn giao mặt bằng thực hiện dự án %s" % project,
            "Hôm nay, ngày %s, tại trụ sở Ủy ban nhân dân xã %s, chúng tôi gồm:" % (dmy(*d4), commune),
            "Đại diện Hội đồng bồi thường, hỗ trợ và tái định cư huyện: %s %s." % (
                "ông" if r.random() < .5 else "bà", r.choice(district["pct"])),
            "Đại diện Ủy ban nhân dân xã %s: ông %s, Phó Chủ tịch." % (commune, w.official("ông")),
            "Đại diện các hộ gia đình có đất bị thu hồi: " + "; ".join(
                "%s %s" % (h["p"]["title"], h["p"]["name"]) for h in hh) + ".",
            "Các hộ đã nhận đủ tiền bồi thường, hỗ trợ theo Quyết định số %d/QĐ-UBND ngày %s và bàn giao toàn bộ "
            "diện tích đất bị thu hồi cho Ban Quản lý dự án. Biên bản được lập thành 04 bản có giá trị như nhau." %
            (so3, dmy(*d3))]
    w.add_doc(f, "Biên bản", "", "BB-HĐBT", d4, "Hội đồng bồi thường, hỗ trợ và tái định cư huyện %s" % place,
              "Biên bản bàn giao mặt bằng thực hiện dự án %s" % project, "", body,
              ("UBND HUYỆN %s" % place.upper(), "HỘI ĐỒNG BỒI THƯỜNG, HỖ TRỢ VÀ TĐC"), place)
    return f


def build_gcn(w, district, year):
    r = w.rng
    commune = r.choice(district["communes"])
    f = w.new_file(district, year, "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân tại xã %s, "
                   "huyện %s năm %d" % (commune, district["name"], year),
                   "giấy chứng nhận; GCNQSDĐ; %s" % commune,
                   access=r.choice(["Công khai", "Sử dụng có điều kiện"]), han="Vĩnh viễn")
    place = district["name"]
    people = []
    for _ in range(r.randint(2, 4)):
        p = w.person(district, commune, year)
        thua, to = w.parcel(commune)
        people.append(dict(p=p, thua=thua, to=to, area="%s,%d" % ("{:,}".format(r.randint(150, 5000)).replace(",", "."),
                                                                   r.randint(0, 9))))
    for h in people:
        p = h["p"]
        d = w.date_in(year, 1, 5)
        ten = "%s %s" % (p["title"], p["name"])
        body = ["ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT",
                "Kính gửi: %s." % ubnd(district),
                "Người sử dụng đất: %s, sinh năm %d, %s số %s, địa chỉ thường trú: %s, xã %s, huyện %s, tỉnh %s."
                % (ten.capitalize(), p["born"], p["idkind"], p["id"], p["village"], commune, place, district["province"]),
                "Đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
                "đối với thửa đất số %d, tờ bản đồ số %d, diện tích %s m², mục đích sử dụng: đất %s."
                % (h["thua"], h["to"], h["area"], r.choice(LAND_KINDS)),
                "Nguồn gốc sử dụng: %s; thời điểm bắt đầu sử dụng: năm %d." % (
                    r.choice(["nhận chuyển nhượng", "được thừa kế", "khai hoang", "được Nhà nước giao đất"]),
                    r.randint(1980, 2003)),
                "Tôi xin cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách nhiệm "
                "trước pháp luật.", "Người viết đơn", "(Ký, ghi rõ họ tên)", p["name"]]
        w.add_doc(f, "Đơn", "", "", d, ten.capitalize(),
                  "Đơn đăng ký, cấp giấy chứng nhận quyền sử dụng đất của %s (thửa đất số %d, tờ bản đồ số %d, xã %s)"
                  % (ten, h["thua"], h["to"], commune), p["name"], body,
                  ("", ""), commune, about=[p["id"]])
    d1 = w.date_in(year, 6, 8)
    so1 = w.number(district, year)
    head = district["heads"][OFFICES[0]]
    body = ["TỜ TRÌNH", "Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác "
            "gắn liền với đất cho %02d hộ gia đình, cá nhân tại xã %s" % (len(people), commune),
            "Kính gửi: %s." % ubnd(district),
            "Căn cứ hồ sơ đề nghị cấp giấy chứng nhận do Văn phòng Đăng ký đất đai chuyển đến và kết quả thẩm "
            "định, Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem xét cấp giấy chứng nhận "
            "cho các hộ gia đình, cá nhân sau:"]
    for i, h in enumerate(people, 1):
        body.append("%d. %s: thửa đất số %d, tờ bản đồ số %d, diện tích %s m²." % (i, person_line(h["p"]),
                                                                                   h["thua"], h["to"], h["area"]))
    body.append("Các thửa đất trên được sử dụng ổn định, phù hợp quy hoạch, không có tranh chấp./.")
    body += sign_block(["TRƯỞNG PHÒNG"], head, ["- Như trên;", "- VP ĐKĐĐ huyện;", "- Lưu: VT, TNMT."])
    w.add_doc(f, "Tờ trình", so1, "TTr-TNMT", d1, "Phòng Tài nguyên và Môi trường huyện %s" % place,
              "Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
              "với đất cho %02d hộ gia đình, cá nhân tại xã %s" % (len(people), commune), head, body,
              ("UBND HUYỆN %s" % place.upper(), "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"), place,
              about=[h["p"]["id"] for h in people])
    d2 = (min(d1[0] + r.randint(2, 12), 28), d1[1], year)
    so2 = w.number(district, year)
    signer = r.choice(district["pct"])
    body = ["QUYẾT ĐỊNH", "Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
            "liền với đất cho hộ gia đình, cá nhân tại xã %s" % commune, "ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()]
    body += cc_to_chuc(year) + cc_dat(year)[:1]
    body.append("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số %d/TTr-TNMT ngày %s,"
                % (so1, dmy(*d1)))
    body.append("QUYẾT ĐỊNH:")
    body.append("Điều 1. Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
                "đất cho %02d hộ gia đình, cá nhân tại xã %s, huyện %s, gồm:" % (len(people), commune, place))
    for i, h in enumerate(people, 1):
        body.append("%d. %s %s, %s số %s: thửa đất số %d, tờ bản đồ số %d, diện tích %s m²; giấy chứng nhận số phát "
                    "hành %s %06d." % (i, h["p"]["title"].capitalize(), h["p"]["name"], h["p"]["idkind"],
                                       h["p"]["id"], h["thua"], h["to"], h["area"],
                                       r.choice(["BK", "BL", "CĐ", "CS"]), r.randint(0, 999999)))
    body.append("Điều 2. Giao Văn phòng Đăng ký đất đai vào sổ cấp giấy chứng nhận, chỉnh lý hồ sơ địa chính và trao "
                "giấy chứng nhận cho người được cấp sau khi hoàn thành nghĩa vụ tài chính.")
    body += sign_block(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer,
                       ["- Như Điều 3;", "- Chi cục Thuế huyện;", "- Lưu: VT, TNMT."])
    w.add_doc(f, "Quyết định", so2, "QĐ-UBND", d2, ubnd(district),
              "Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
              "cho hộ gia đình, cá nhân tại xã %s" % commune, signer, body,
              ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place, about=[h["p"]["id"] for h in people])
    return f


POSTS = ["Phó Trưởng phòng Tài nguyên và Môi trường", "Trưởng phòng Nội vụ", "Phó Chánh Thanh tra huyện",
         "Phó Trưởng phòng Văn hóa và Thông tin", "Phó Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
         "Trưởng phòng Tài chính - Kế hoạch", "Phó Trưởng phòng Nông nghiệp và Phát triển nông thôn",
         "Phó Trưởng phòng Lao động - Thương binh và Xã hội"]
GRADES = [("Chuyên viên", "01.003", ["2,34", "2,67", "3,00", "3,33", "3,66", "3,99", "4,32"]),
          ("Chuyên viên chính", "01.002", ["4,40", "4,74", "5,08", "5,42", "5,76"]),
          ("Cán sự", "01.004", ["1,86", "2,06", "2,26", "2,46", "2,66"])]


def build_personnel(w, district, year):
    r = w.rng
    place = district["name"]
    f = w.new_file(district, year, "Hồ sơ bổ nhiệm, nâng bậc lương cán bộ, công chức năm %d" % year,
                   "bổ nhiệm; nâng lương; cán bộ; công chức", access="Sử dụng có điều kiện", han="70 năm")
    nv_head = district["heads"]["Phòng Nội vụ"]
    apps = []
    for _ in range(r.randint(1, 3)):
        title = r.choice(["ông", "bà"])
        name = r.choice([n for t, n in COMMON_NAMES if t == title]) if r.random() < 0.5 else w.rare_name(title)
        apps.append(dict(title=title, name=name, post=r.choice(POSTS), born=r.randint(1970, 1988)))
    d0 = w.date_in(year, 1, 3)
    so0 = w.number(district, year)
    body = ["TỜ TRÌNH", "Về việc bổ nhiệm cán bộ lãnh đạo, quản lý cấp phòng năm %d" % year,
            "Kính gửi: %s." % ubnd(district),
            "Căn cứ Quy định về phân cấp quản lý cán bộ và kết quả hội nghị lấy phiếu tín nhiệm, Phòng Nội vụ kính "
            "trình Ủy ban nhân dân huyện xem xét bổ nhiệm các đồng chí sau:"]
    for a in apps:
        body.append("- %s %s, sinh năm %d, trình độ chuyên môn đại học, lý luận chính trị trung cấp, đủ sức khỏe để "
                    "công tác, đề nghị bổ nhiệm giữ chức vụ %s." % (a["title"].capitalize(), a["name"], a["born"], a["post"]))
    body += sign_block(["TRƯỞNG PHÒNG"], nv_head, ["- Như trên;", "- Lưu: VT, NV."])
    w.add_doc(f, "Tờ trình", so0, "TTr-NV", d0, "Phòng Nội vụ huyện %s" % place,
              "Về việc bổ nhiệm cán bộ lãnh đạo, quản lý cấp phòng năm %d" % year, nv_head, body,
              ("UBND HUYỆN %s" % place.upper(), "PHÒNG NỘI VỤ"), place, access="Sử dụng có điều kiện")
    # a Biên bản of the confidence vote
    d1 = (d0[0], d0[1], year)
    body = ["BIÊN BẢN", "Hội nghị lấy phiếu tín nhiệm nhân sự đề nghị bổ nhiệm",
            "Hôm nay, ngày %s, tại Hội trường Ủy ban nhân dân huyện %s, Hội nghị lấy phiếu tín nhiệm được tổ "
            "chức với sự tham dự của %d/%d đồng chí được triệu tập." % (dmy(*d1), place, r.randint(20, 30), 31)]
    for a in apps:
        n = r.randint(18, 28)
        body.append("Đồng chí %s: số phiếu tín nhiệm %d/%d phiếu, đạt %d%%." % (a["name"], n, 31, n * 100 // 31))
    body.append("Hội nghị kết thúc lúc 11 giờ cùng ngày. Biên bản đã được thông qua trước hội nghị.")
    w.add_doc(f, "Biên bản", "", "BB-UBND", d1, ubnd(district),
              "Biên bản hội nghị lấy phiếu tín nhiệm nhân sự đề nghị bổ nhiệm năm %d" % year, "", body,
              ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place, access="Mật")
    chu_tich = district["chu_tich"]
    for a in apps:
        d = (min(d0[0] + r.randint(3, 15), 28), d0[1] + 1, year)
        so = w.number(district, year)
        ty = "Về việc bổ nhiệm %s %s giữ chức vụ %s" % (a["title"], a["name"], a["post"])
        body = ["QUYẾT ĐỊNH", ty, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()] + cc_to_chuc(year)
        body.append("Căn cứ Nghị định số %s của Chính phủ về bổ nhiệm, bổ nhiệm lại, luân chuyển, từ chức, miễn "
                    "nhiệm đối với công chức, viên chức lãnh đạo;" % ("24/2010/NĐ-CP" if year < 2020 else "138/2020/NĐ-CP"))
        body.append("Xét đề nghị của Trưởng phòng Nội vụ tại Tờ trình số %d/TTr-NV ngày %s," % (so0, dmy(*d0)))
        body.append("QUYẾT ĐỊNH:")
        body.append("Điều 1. Bổ nhiệm %s %s, sinh năm %d, giữ chức vụ %s, thời hạn giữ chức vụ là 05 năm kể từ "
                    "ngày quyết định có hiệu lực." % (a["title"], a["name"], a["born"], a["post"]))
        body.append("%s %s được hưởng phụ cấp chức vụ lãnh đạo theo quy định hiện hành; đủ sức khỏe, phẩm chất "
                    "chính trị, đạo đức và năng lực để hoàn thành nhiệm vụ." % (a["title"].capitalize(), a["name"]))
        body.append("Điều 2. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Nội vụ, "
                    "Thủ trưởng các cơ quan có liên quan và %s %s chịu trách nhiệm thi hành quyết định này./."
                    % (a["title"], a["name"]))
        body += sign_block(["CHỦ TỊCH"], chu_tich, ["- Như Điều 2;", "- Ban Tổ chức Huyện ủy;", "- Lưu: VT, NV."])
        w.add_doc(f, "Quyết định", so, "QĐ-UBND", d, ubnd(district), ty, chu_tich, body,
                  ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place, access="Sử dụng có điều kiện")
    # nâng bậc lương thường xuyên
    raises = []
    for _ in range(r.randint(3, 5)):
        title = r.choice(["ông", "bà"])
        name = r.choice([n for t, n in COMMON_NAMES if t == title]) if r.random() < 0.5 else w.rare_name(title)
        g = r.choice(GRADES)
        i = r.randint(0, len(g[2]) - 2)
        raises.append((title, name, g, i))
    d = w.date_in(year, 6, 12)
    so = w.number(district, year)
    ty = "Về việc nâng bậc lương thường xuyên đối với cán bộ, công chức năm %d" % year
    body = ["QUYẾT ĐỊNH", ty, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()] + cc_to_chuc(year)
    body.append("Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14/12/2004 của Chính phủ về chế độ tiền lương đối với cán "
                "bộ, công chức, viên chức và lực lượng vũ trang;")
    body.append("Căn cứ Thông tư số %s của Bộ Nội vụ hướng dẫn thực hiện chế độ nâng bậc lương thường xuyên;"
                % ("08/2013/TT-BNV" if year >= 2013 else "03/2005/TT-BNV"))
    body.append("QUYẾT ĐỊNH:")
    body.append("Điều 1. Nâng bậc lương thường xuyên đối với các cán bộ, công chức có tên sau đây:")
    for k, (title, name, g, i) in enumerate(raises, 1):
        body.append("%d. %s %s, ngạch %s (mã ngạch %s): từ bậc %d, hệ số %s lên bậc %d, hệ số %s; thời gian "
                    "hưởng kể từ ngày %s." % (k, title.capitalize(), name, g[0], g[1], i + 1, g[2][i], i + 2,
                                              g[2][i + 1], dmy(1, r.randint(1, 12), year)))
    body.append("Điều 2. Trưởng phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch, Kho bạc Nhà nước huyện và các "
                "ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này./.")
    body += sign_block(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], district["pct"][0], ["- Như Điều 2;", "- Lưu: VT, NV."])
    w.add_doc(f, "Quyết định", so, "QĐ-UBND", d, ubnd(district), ty, district["pct"][0], body,
              ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place)
    return f


GRIEVANCES = [
    "không đồng ý với đơn giá bồi thường về đất khi Nhà nước thu hồi đất để thực hiện dự án %s",
    "đề nghị xem xét hỗ trợ chuyển đổi nghề nghiệp khi thu hồi đất nông nghiệp để thực hiện dự án %s",
    "khiếu nại việc xác định sai loại đất khi kiểm đếm phục vụ dự án %s",
    "đề nghị bồi thường cây trồng, vật kiến trúc bị thiệt hại khi thi công dự án %s",
]


def build_complaint(w, district, year):
    r = w.rng
    place = district["name"]
    commune = r.choice(district["communes"])
    p = w.person(district, commune, year)
    thua, to = w.parcel(commune)
    project = "%s tại xã %s" % (r.choice(PROJECTS), commune)
    g = r.choice(GRIEVANCES) % project
    ten = "%s %s" % (p["title"], p["name"])
    f = w.new_file(district, year, "Hồ sơ giải quyết khiếu nại của %s, trú tại %s, xã %s" % (ten, p["village"], commune),
                   "khiếu nại; tiếp công dân; bồi thường; KNTC", access="Sử dụng có điều kiện", han="03")
    d0 = w.date_in(year, 1, 5)
    body = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐƠN KHIẾU NẠI", "Kính gửi: Chủ tịch %s." % ubnd(district),
            "Tôi tên là %s, sinh năm %d, %s số %s, trú tại %s, xã %s, huyện %s, tỉnh %s." %
            (p["name"], p["born"], p["idkind"], p["id"], p["village"], commune, place, district["province"]),
            "Gia đình tôi đang sử dụng thửa đất số %d, tờ bản đồ số %d tại xã %s. Nay tôi làm đơn này %s." %
            (thua, to, commune, g),
            "Tôi đã nhiều lần kiến nghị với Ủy ban nhân dân xã nhưng chưa được giải quyết thỏa đáng. Kính mong "
            "Chủ tịch Ủy ban nhân dân huyện xem xét, giải quyết để bảo đảm quyền lợi hợp pháp cho gia đình tôi.",
            "Tôi xin chân thành cảm ơn!", "Người làm đơn", p["name"]]
    w.add_doc(f, "Đơn", "", "", d0, ten.capitalize(),
              "Đơn khiếu nại của %s, xã %s về việc %s" % (ten, commune, g.split(" khi ")[0].split(" để ")[0]),
              p["name"], body, ("", ""), commune, about=[p["id"]], access="Sử dụng có điều kiện")
    # Biên bản tiếp công dân
    d1 = (min(d0[0] + 5, 28), d0[1], year)
    officer = w.official(r.choice(["ông", "bà"]))
    body = ["BIÊN BẢN TIẾP CÔNG DÂN",
            "Vào hồi 8 giờ 30 phút, ngày %s, tại Trụ sở tiếp công dân huyện %s." % (dmy(*d1), place),
            "Người tiếp công dân: %s, chuyên viên Ban Tiếp công dân huyện." % officer,
            "Công dân đến trình bày: %s." % person_line(p),
            "Nội dung trình bày: công dân %s liên quan đến thửa đất số %d, tờ bản đồ số %d." % (g, thua, to),
            "Ý kiến của người tiếp công dân: tiếp nhận đơn, hướng dẫn công dân và chuyển đơn đến cơ quan có thẩm quyền "
            "giải quyết theo quy định của Luật Tiếp công dân.",
            "Biên bản kết thúc lúc 9 giờ 45 phút cùng ngày, đã đọc lại cho công dân nghe và cùng ký tên.",
            "Công dân", p["name"], "Người tiếp công dân", officer]
    w.add_doc(f, "Biên bản", "", "BB-TCD", d1, "Ban Tiếp công dân huyện %s" % place,
              "Biên bản tiếp công dân: %s, xã %s" % (ten, commune), officer, body,
              ("UBND HUYỆN %s" % place.upper(), "BAN TIẾP CÔNG DÂN"), place, about=[p["id"]])
    # Thông báo thụ lý
    d2 = (min(d1[0] + 7, 28), d1[1], year)
    so2 = w.number(district, year)
    body = ["THÔNG BÁO", "Về việc thụ lý giải quyết khiếu nại lần đầu",
            "Ngày %s, Ủy ban nhân dân huyện %s nhận được đơn khiếu nại của %s, %s số %s, trú tại %s, xã %s." %
            (dmy(*d0), place, ten, p["idkind"], p["id"], p["village"], commune),
            "Sau khi xem xét nội dung đơn khiếu nại, căn cứ Điều 27 Luật Khiếu nại năm 2011, đơn khiếu nại đủ điều "
            "kiện thụ lý. Chủ tịch Ủy ban nhân dân huyện thông báo thụ lý giải quyết khiếu nại lần đầu và giao "
            "Thanh tra huyện xác minh nội dung khiếu nại."]
    body += sign_block(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], district["pct"][1], ["- %s;" % ten.capitalize(), "- Lưu: VT, TTr."])
    w.add_doc(f, "Thông báo", so2, "TB-UBND", d2, ubnd(district),
              "Về việc thụ lý giải quyết khiếu nại lần đầu của %s, xã %s" % (ten, commune), district["pct"][1],
              body, ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place, about=[p["id"]])
    # Biên bản đối thoại / hòa giải
    d3 = (min(d2[0] + 10, 28), min(d2[1] + 1, 12), year)
    insp = district["heads"]["Thanh tra huyện"]
    body = ["BIÊN BẢN", "Đối thoại, hòa giải giải quyết khiếu nại",
            "Hôm nay, ngày %s, tại trụ sở Ủy ban nhân dân xã %s, Đoàn xác minh tiến hành đối thoại với người "
            "khiếu nại." % (dmy(*d3), commune),
            "Thành phần: %s, Chánh Thanh tra huyện, Trưởng đoàn; đại diện Ủy ban nhân dân xã %s; đại diện Tổ hòa "
            "giải thôn; người khiếu nại: %s." % (insp, commune, ten),
            "Qua đối thoại, các bên thống nhất xác minh lại hiện trạng thửa đất số %d, tờ bản đồ số %d. Tổ hòa giải "
            "đã hòa giải nhưng %s chưa đồng ý rút đơn." % (thua, to, ten),
            "Buổi đối thoại kết thúc lúc 16 giờ 00 cùng ngày, biên bản được lập thành 03 bản."]
    w.add_doc(f, "Biên bản", "", "BB-TTr", d3, "Thanh tra huyện %s" % place,
              "Biên bản đối thoại, hòa giải giải quyết khiếu nại của %s" % ten, insp, body,
              ("UBND HUYỆN %s" % place.upper(), "THANH TRA HUYỆN"), place, about=[p["id"]])
    # Quyết định giải quyết khiếu nại
    d4 = (min(d3[0] + 5, 28), min(d3[1] + 1, 12), year)
    so4 = w.number(district, year)
    outcome = r.choice(["Không công nhận nội dung khiếu nại", "Công nhận một phần nội dung khiếu nại",
                        "Công nhận toàn bộ nội dung khiếu nại"])
    ty = "Về việc giải quyết khiếu nại lần đầu của %s, trú tại %s, xã %s" % (ten, p["village"], commune)
    body = ["QUYẾT ĐỊNH", ty, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()] + cc_to_chuc(year)
    body.append("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;")
    body.append("Căn cứ Thông báo số %d/TB-UBND ngày %s về việc thụ lý giải quyết khiếu nại;" % (so2, dmy(*d2)))
    body.append("Xét đơn khiếu nại ngày %s của %s, %s số %s, và kết quả xác minh của Thanh tra huyện," %
                (dmy(*d0), ten, p["idkind"], p["id"]))
    body.append("QUYẾT ĐỊNH:")
    body.append("Điều 1. %s của %s đối với việc %s (thửa đất số %d, tờ bản đồ số %d)." % (outcome, ten, g, thua, to))
    body.append("Điều 2. Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý, %s có quyền "
                "khiếu nại đến Chủ tịch Ủy ban nhân dân tỉnh %s hoặc khởi kiện vụ án hành chính tại Tòa án."
                % (ten, district["province"]))
    body += sign_block(["CHỦ TỊCH"], district["chu_tich"], ["- %s;" % ten.capitalize(), "- Thanh tra tỉnh;", "- Lưu: VT, TTr."])
    w.add_doc(f, "Quyết định", so4, "QĐ-UBND", d4, ubnd(district), ty, district["chu_tich"], body,
              ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place, about=[p["id"]])
    return f


PETITIONS = ["kiến nghị sửa chữa đoạn đường bê tông thôn bị hư hỏng", "phản ánh việc xả thải gây ô nhiễm kênh thủy lợi",
             "đề nghị cấp đổi giấy chứng nhận quyền sử dụng đất bị sai tên", "phản ánh tranh chấp ranh giới đất với hộ liền kề",
             "đề nghị hỗ trợ hộ nghèo sửa chữa nhà ở", "kiến nghị về chế độ chính sách người có công",
             "phản ánh việc lấn chiếm hành lang an toàn giao thông", "đề nghị xem xét hòa giải tranh chấp lối đi chung"]


def build_reception(w, district, year):
    r = w.rng
    place = district["name"]
    q = r.randint(1, 4)
    quy = ["I", "II", "III", "IV"][q - 1]
    f = w.new_file(district, year, "Hồ sơ tiếp công dân, giải quyết khiếu nại, tố cáo quý %s năm %d" % (quy, year),
                   "tiếp công dân; khiếu nại, tố cáo; KNTC", access="Sử dụng có điều kiện", han="06")
    seen = []
    for _ in range(r.randint(3, 5)):
        commune = r.choice(district["communes"])
        p = w.person(district, commune, year)
        pet = r.choice(PETITIONS)
        d = w.date_in(year, 3 * q - 2, 3 * q)
        leader = r.choice([district["chu_tich"]] + district["pct"])
        body = ["BIÊN BẢN TIẾP CÔNG DÂN",
                "Ngày %s, tại Trụ sở tiếp công dân huyện %s, đồng chí %s, %s Ủy ban nhân dân huyện, tiếp công dân "
                "định kỳ." % (dmy(*d), place, leader, "Chủ tịch" if leader == district["chu_tich"] else "Phó Chủ tịch"),
                "Công dân: %s." % person_line(p),
                "Nội dung: công dân %s tại %s, xã %s." % (pet, p["village"], commune),
                "Ý kiến chỉ đạo: giao Ủy ban nhân dân xã %s phối hợp với các phòng chuyên môn kiểm tra, xử lý và báo "
                "cáo kết quả trước ngày %s." % (commune, dmy(28, min(d[1] + 1, 12), year)),
                "Biên bản đã được đọc lại cho công dân nghe, công dân thống nhất ký tên."]
        w.add_doc(f, "Biên bản", "", "BB-TCD", d, "Ban Tiếp công dân huyện %s" % place,
                  "Biên bản tiếp công dân định kỳ: %s %s, xã %s %s" % (p["title"], p["name"], commune, pet),
                  leader, body, ("UBND HUYỆN %s" % place.upper(), "BAN TIẾP CÔNG DÂN"), place, about=[p["id"]])
        seen.append((p, pet, commune))
    d = (28, 3 * q, year)
    so = w.number(district, year)
    ty = "Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo quý %s năm %d" % (quy, year)
    body = ["BÁO CÁO", ty.replace("Báo cáo c", "C"),
            "I. TÌNH HÌNH TIẾP CÔNG DÂN",
            "Trong quý %s năm %d, Ủy ban nhân dân huyện %s đã tiếp %d lượt công dân, trong đó Chủ tịch Ủy ban nhân "
            "dân huyện tiếp định kỳ %d buổi. Nội dung chủ yếu liên quan đến bồi thường, giải phóng mặt bằng, tranh "
            "chấp đất đai và chế độ chính sách." % (quy, year, place, r.randint(20, 90), r.randint(3, 6)),
            "II. TIẾP NHẬN, XỬ LÝ ĐƠN",
            "Tổng số đơn tiếp nhận: %d đơn; đơn thuộc thẩm quyền: %d đơn; đã giải quyết %d đơn; công tác hòa giải ở "
            "cơ sở được các xã quan tâm thực hiện." % (r.randint(30, 80), r.randint(10, 25), r.randint(5, 10)),
            "Một số vụ việc tiêu biểu: " + "; ".join("%s %s (xã %s) %s" % (p["title"], p["name"], c, pet)
                                                     for p, pet, c in seen[:2]) + ".",
            "III. NHIỆM VỤ QUÝ TIẾP THEO",
            "Tiếp tục thực hiện nghiêm Luật Tiếp công dân; tăng cường đối thoại, giải quyết dứt điểm các vụ việc "
            "khiếu nại tồn đọng, kéo dài./."]
    body += sign_block(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], district["pct"][1], ["- Thanh tra tỉnh;", "- Lưu: VT, TTr."])
    w.add_doc(f, "Báo cáo", so, "BC-UBND", d, ubnd(district), ty, district["pct"][1], body,
              ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place)
    return f


def build_reports(w, district, year):
    r = w.rng
    place = district["name"]
    f = w.new_file(district, year, "Tập báo cáo, kế hoạch của Ủy ban nhân dân huyện %s năm %d" % (place, year),
                   "báo cáo; kế hoạch; kinh tế - xã hội", access=r.choice(["Công khai", "Sử dụng có điều kiện"]),
                   han="01")
    sig = district["chu_tich"]
    communes = district["communes"]
    # Báo cáo KT-XH
    for period in r.sample(["6 tháng đầu năm", "9 tháng", "năm"], r.randint(1, 2)):
        d = w.date_in(year, 6 if period == "6 tháng đầu năm" else 9 if period == "9 tháng" else 12,
                      6 if period == "6 tháng đầu năm" else 9 if period == "9 tháng" else 12)
        so = w.number(district, year)
        ty = "Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh %s %d" % (period, year)
        body = ["BÁO CÁO", "Tình hình kinh tế - xã hội, quốc phòng - an ninh %s %d" % (period, year),
                "I. KINH TẾ",
                "1. Nông nghiệp: tổng diện tích gieo trồng đạt %s ha, trong đó lúa %s ha, cà phê %s ha. Công tác thủy "
                "lợi được quan tâm, các hồ chứa, kênh mương bảo đảm nước tưới cho sản xuất; nuôi trồng thủy sản ổn định."
                % ("{:,}".format(r.randint(20000, 45000)).replace(",", "."), "{:,}".format(r.randint(3000, 9000)).replace(",", "."),
                   "{:,}".format(r.randint(5000, 20000)).replace(",", ".")),
                "2. Thu ngân sách trên địa bàn ước đạt %d tỷ đồng, bằng %d%% dự toán." % (r.randint(80, 400), r.randint(40, 110)),
                "II. VĂN HÓA - XÃ HỘI",
                "Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tiếp tục phát triển; %d/%d thôn, buôn đạt danh "
                "hiệu văn hóa. Công tác chăm sóc sức khỏe nhân dân được bảo đảm; tổ chức khám sức khỏe định kỳ cho "
                "người cao tuổi tại các xã %s." % (r.randint(60, 120), 130, ", ".join(r.sample(communes, 2))),
                "III. QUỐC PHÒNG - AN NINH",
                "Tình hình an ninh chính trị, trật tự an toàn xã hội ổn định; các tổ hòa giải ở cơ sở đã hòa giải thành "
                "%d vụ việc." % r.randint(20, 90),
                "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
                "Tập trung chỉ đạo sản xuất, phòng chống hạn hán; đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng "
                "điểm./."]
        body += sign_block(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], sig, ["- TT Huyện ủy;", "- TT HĐND huyện;", "- Lưu: VT."])
        w.add_doc(f, "Báo cáo", so, "BC-UBND", d, ubnd(district), ty, sig, body,
                  ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place)
    plans = [
        ("Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm %d" % year,
         ["Kiểm tra an toàn các hồ chứa, đập thủy lợi trước mùa mưa lũ; rà soát các khu dân cư có nguy cơ sạt lở, "
          "ngập úng tại các xã %s." % ", ".join(r.sample(communes, 2)),
          "Chuẩn bị vật tư, phương tiện theo phương châm bốn tại chỗ; bảo đảm an toàn tính mạng, sức khỏe của nhân dân."]),
        ("Kế hoạch tổ chức Ngày hội văn hóa, thể thao các dân tộc huyện %s năm %d" % (place, year),
         ["Tổ chức các hoạt động văn hóa, văn nghệ, thể thao nhằm bảo tồn bản sắc văn hóa các dân tộc; thi đánh "
          "chiêng, dệt thổ cẩm, ẩm thực truyền thống.",
          "Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Ủy ban nhân dân các xã %s tổ chức thực hiện."
          % ", ".join(r.sample(communes, 2))]),
        ("Kế hoạch thực hiện công tác hòa giải ở cơ sở năm %d" % year,
         ["Kiện toàn các tổ hòa giải ở thôn, buôn, tổ dân phố; bồi dưỡng kỹ năng hòa giải cho hòa giải viên.",
          "Phấn đấu tỷ lệ hòa giải thành đạt trên 80%%; ưu tiên các vụ việc tranh chấp đất đai tại các xã %s."
          % ", ".join(r.sample(communes, 2))]),
        ("Kế hoạch khám sức khỏe định kỳ cho cán bộ, công chức năm %d" % year,
         ["Tổ chức khám sức khỏe định kỳ cho cán bộ, công chức, viên chức tại Trung tâm Y tế huyện %s." % place,
          "Kinh phí từ nguồn ngân sách huyện; Phòng Nội vụ tổng hợp kết quả phân loại sức khỏe."]),
        ("Kế hoạch nạo vét, sửa chữa công trình thủy lợi năm %d" % year,
         ["Nạo vét kênh mương, sửa chữa cống, đập thủy lợi phục vụ sản xuất vụ Đông Xuân tại các xã %s."
          % ", ".join(r.sample(communes, 2)),
          "Huy động nhân dân tham gia theo phương châm Nhà nước và nhân dân cùng làm."]),
    ]
    for ty, paras in r.sample(plans, r.randint(2, 4)):
        d = w.date_in(year, 1, 6)
        so = w.number(district, year)
        body = ["KẾ HOẠCH", ty.replace("Kế hoạch ", "")[0].upper() + ty.replace("Kế hoạch ", "")[1:],
                "I. MỤC ĐÍCH, YÊU CẦU",
                "Triển khai thực hiện kịp thời, hiệu quả các nhiệm vụ được giao; phân công trách nhiệm cụ thể cho các "
                "cơ quan, đơn vị.", "II. NỘI DUNG"] + paras + [
                "III. TỔ CHỨC THỰC HIỆN",
                "Các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn căn cứ kế hoạch này triển khai thực hiện, báo "
                "cáo kết quả về Ủy ban nhân dân huyện (qua Văn phòng) trước ngày 15/12/%d./." % year]
        s2 = r.choice(district["pct"])
        body += sign_block(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], s2, ["- Các phòng, ban;", "- UBND các xã, thị trấn;", "- Lưu: VT."])
        w.add_doc(f, "Kế hoạch", so, "KH-UBND", d, ubnd(district), ty, s2, body,
                  ("", "ỦY BAN NHÂN DÂN\nHUYỆN %s" % place.upper()), place)
    return f


BUILDERS = [(build_land_recovery, 25), (build_gcn, 20), (build_personnel, 14), (build_complaint, 16),
            (build_reception, 10), (build_reports, 15)]


# ---- rendering ---------------------------------------------------------------------------------------

def render_doc(d):
    """The clean pages of document d (list of strings)."""
    parent, body_name = d["heading"]
    if d["kind"] == "Đơn":
        head = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                date_text(d["place"], *d["date"])] if d["body"][0] != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" else \
               ["Độc lập - Tự do - Hạnh phúc", date_text(d["place"], *d["date"])]
    else:
        so_line = "Số: %s/%s" % (d["so"], d["kyhieu"]) if d["so"] else "Số:     /%s" % d["kyhieu"]
        lines = body_name.split("\n")
        head = heading_lines(parent, lines[-1] if not parent else body_name, so_line,
                             date_text(d["place"], *d["date"]))
        if not parent and len(lines) == 2:
            head = heading_lines(lines[0], lines[1], so_line, date_text(d["place"], *d["date"]))
    paras = head + [""] + d["body"]
    pages, cur, size = [], [], 0
    limit = 1500
    for p in paras:
        if size + len(p) > limit and cur:
            pages.append("\n".join(cur))
            cur, size = [], 0
        cur.append(p)
        size += len(p) + 1
    if cur:
        pages.append("\n".join(cur))
    return pages


def build(seed):
    w = World(seed)
    r = w.rng
    plan = []
    for fn, n in BUILDERS:
        plan += [fn] * n
    r.shuffle(plan)
    for fn in plan:
        district = r.choice(DISTRICTS)
        year = r.randint(2005, 2024)
        fn(w, district, year)
    return w


HO_SO_COLUMNS = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Ngôn ngữ",
                 "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng trang",
                 "Tình trạng vật lý", "Mức độ tin cậy", "Từ khóa"]
TAI_LIEU_COLUMNS = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
                    "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang",
                    "Chế độ sử dụng", "Mức độ tin cậy"]


def write_batch(w, out, seed):
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "text"))
    noise_rng = random.Random(seed * 7919 + 1)
    tl_rows, hs_rows = [], []
    for f in w.files:
        npages = 0
        for d in f["docs"]:
            pages = render_doc(d)
            new_style = f["district"]["new_style"]
            out_pages = []
            for pg in pages:
                t = restyle(pg, to_new=True) if new_style else pg
                if noise_rng.random() < 0.20:
                    t = add_noise(t, noise_rng)
                out_pages.append(nfc(t))
            d["clean_pages"] = pages
            d["pages_written"] = out_pages
            rel = "text/%s/%s.txt" % (f["id"], d["id"])
            os.makedirs(os.path.join(out, "text", f["id"]), exist_ok=True)
            with open(os.path.join(out, rel), "w", encoding="utf-8") as fh:
                fh.write("\f".join(out_pages))
            d["path"] = rel
            npages += len(pages)
            meta = lambda s: restyle(s, to_new=True) if new_style else s  # noqa: E731
            tl_rows.append({
                "Mã hồ sơ": f["id"], "Số thứ tự": d["stt"], "Tệp": rel, "Tên loại văn bản": d["kind"],
                "Số": d["so"], "Ký hiệu": d["kyhieu"], "Ngày văn bản": dmy(*d["date"]),
                "Cơ quan ban hành": meta(d["issuer"]), "Trích yếu nội dung": meta(d["trich_yeu"]),
                "Người ký": meta(d["signer"]), "Ngôn ngữ": "Tiếng Việt", "Số lượng trang": len(pages),
                "Chế độ sử dụng": d["access"], "Mức độ tin cậy": "Số hóa"})
        dates = sorted((x["date"][2], x["date"][1], x["date"][0]) for x in f["docs"])
        hs_rows.append({
            "Mã hồ sơ": f["id"], "Tên phông": "UBND huyện %s" % f["district"]["name"], "Tiêu đề hồ sơ": f["title"],
            "Thời hạn lưu trữ": f["han"], "Chế độ sử dụng": f["access"], "Ngôn ngữ": "01",
            "Thời gian bắt đầu": dmy(dates[0][2], dates[0][1], dates[0][0]),
            "Thời gian kết thúc": dmy(dates[-1][2], dates[-1][1], dates[-1][0]),
            "Tổng số tài liệu": len(f["docs"]), "Số lượng trang": npages, "Tình trạng vật lý": "Bình thường",
            "Mức độ tin cậy": "Số hóa", "Từ khóa": f["keywords"]})
    for name, cols, rows, bom in (("ho_so.csv", HO_SO_COLUMNS, hs_rows, True),
                                  ("tai_lieu.csv", TAI_LIEU_COLUMNS, tl_rows, False)):
        with open(os.path.join(out, name), "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            wr = csv.writer(fh, lineterminator="\r\n")
            wr.writerow(cols)
            for row in rows:
                wr.writerow([nfc(str(row.get(c, ""))) for c in cols])


# ---- queries -------------------------------------------------------------------------------------

_PHRASE_CACHE = {}


def phrase_re(phrase):
    r = _PHRASE_CACHE.get(phrase)
    if r is None:
        r = _PHRASE_CACHE[phrase] = re.compile(r"(?<!\w)" + re.escape(canonical(phrase)) + r"(?!\w)")
    return r


PARCEL_RE = re.compile(r"thửa(?: đất)?(?: số)? (\d+),? tờ(?: bản đồ)?(?: số)? (\d+)")


class Judge:
    def __init__(self, w):
        self.w = w
        self.docs = w.docs
        for d in self.docs:
            meta = " \n ".join([d["trich_yeu"], "%s/%s" % (d["so"], d["kyhieu"]) if d["so"] else "",
                                d["signer"], d["issuer"]])
            d["scan"] = canonical(meta + " \n " + "\n".join(d["clean_pages"]))
            d["fscan"] = fold(d["scan"])
            d["ty_scan"] = canonical(d["trich_yeu"])
            d["parcels"] = set((int(a), int(b)) for a, b in PARCEL_RE.findall(d["scan"]))
            d["ty_words"] = set(re.sub(r"[,()]", " ", d["ty_scan"]).split())

    def with_all(self, phrases, field="scan"):
        res = [phrase_re(p) for p in phrases]
        return [d["id"] for d in self.docs if all(x.search(d[field]) for x in res)]

    def with_all_folded(self, phrases):
        """For a query typed without marks: every document whose folded text holds every folded phrase
        ("nguyen van hung" is Nguyễn Văn Hùng and Nguyễn Văn Hưng alike)."""
        res = [re.compile(r"(?<!\w)" + re.escape(fold(canonical(p))) + r"(?!\w)") for p in phrases]
        return [d["id"] for d in self.docs if all(x.search(d["fscan"]) for x in res)]

    def with_parcel(self, t, m, extra=()):
        res = [phrase_re(p) for p in extra]
        return [d["id"] for d in self.docs if (t, m) in d["parcels"] and all(x.search(d["scan"]) for x in res)]


def order(first, ids):
    return [first] + [i for i in ids if i != first]


def slip(word, rng):
    """One-letter typo in a word of >= 4 letters: substitution, deletion, insertion or transposition."""
    letters = "abcdeghiklmnopqrstuvxy"
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["sub", "del", "ins", "swap"])
    if op == "sub":
        c = rng.choice([c for c in letters if c != fold(word[i]).lower()])
        return word[:i] + c + word[i + 1:]
    if op == "del":
        return word[:i] + word[i + 1:]
    if op == "ins":
        return word[:i] + rng.choice(letters) + word[i:]
    if word[i] == word[i + 1]:
        return word[:i] + "x" + word[i + 1:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


# words a typed subject query does not start or end with
SUBJECT_EDGE = {"ở", "cơ", "của", "tại", "cho", "số", "tờ", "bản", "và", "giữ", "xã", "bà", "ông", "hộ", "thửa",
                "trú", "về", "việc", "đề", "để", "lao", "tài", "khi", "với", "các", "đồ", "đất", "nông", "văn",
                "thực", "hiện", "công", "đối", "lần", "gia", "quyền", "sử", "dụng", "-", "phòng", "nhà", "bổ", "đầu"}


def make_queries(w, seed, per_kind=24):
    rng = random.Random(seed * 31 + 7)
    J = Judge(w)
    Q = {k: [] for k in ["name_accented", "name_unaccented", "old_tone", "nfd", "one_letter_slip", "parcel",
                         "docnum_accented", "docnum_unaccented", "id_number", "subject", "abbreviation",
                         "mixed", "date"]}
    by_id = {d["id"]: d for d in w.docs}

    def add(kind, query, rel, mode):
        if rel and len(Q[kind]) < per_kind and all(q != query for q, _, _ in Q[kind]):
            Q[kind].append((query, rel, mode))

    # names -------------------------------------------------------------------------------------
    names = []
    for _, n in COMMON_NAMES:
        names.append(n)
    ede = sorted({p["name"] for p in w.persons if p["name"] in EDE_MALE + EDE_FEMALE})
    rare = sorted({p["name"] for p in w.persons if p["name"] not in ede and
                   p["name"] not in [n for _, n in COMMON_NAMES]})
    rng.shuffle(ede)
    rng.shuffle(rare)
    name_qs = []   # (query, phrases)
    for n in names:
        name_qs.append((n, [n]))
    # name + commune (the people of one commune)
    persons = [p for p in w.persons if p["name"] in names]
    rng.shuffle(persons)
    seen = set()
    for p in persons:
        if (p["name"], p["commune"]) not in seen and len(seen) < 8:
            seen.add((p["name"], p["commune"]))
            name_qs.append(("%s %s" % (p["name"], p["commune"]), [p["name"], p["commune"]]))
    for n in ede[:4] + rare[:4]:
        name_qs.append((n, [n]))
    for q, phrases in name_qs[:8] + name_qs[10:]:
        add("name_accented", q, J.with_all(phrases), "any")
    for q, phrases in name_qs[:8] + name_qs[10:] + name_qs[8:10]:
        add("name_unaccented", fold(q).lower(), J.with_all_folded(phrases), "any")

    # old/new tone placement ----------------------------------------------------------------------
    tone_phr = ["hòa giải", "sức khỏe", "thủy lợi", "văn hóa", "Lê Văn Hòa", "Nguyễn Thị Thúy", "Trần Văn Thủy",
                "Nguyễn Văn Hòa", "xã Hòa An", "xã Hòa Tiến", "xã Hòa Đông", "xã An Hòa", "thủy sản",
                "Thị Khánh Hòa", "Thị Bích Thủy", "Văn Khỏe", "Văn Thụy", "thôn Tân Hòa", "thỏa đáng",
                "khám sức khỏe định kỳ"]
    tp = [p for p in w.persons if any(move_tone(x, True) != x for x in p["name"].split())]
    rng.shuffle(tp)
    for p in tp[:10]:
        tone_phr.append("%s %s" % (p["name"], p["commune"]))
    for ph in tone_phr:
        rel = J.with_all([ph])
        if not rel:
            continue
        # most text is old style ("hòa"): query in the new style; Tuy An is typed in the new style, so
        # phrases found mostly there are queried in the old style
        ta = sum(1 for i in rel if by_id[i]["file"]["district"]["new_style"])
        q = ph if ta * 2 > len(rel) else restyle(ph, to_new=True)
        if q == ph and ta * 2 <= len(rel):
            continue
        add("old_tone", q, rel, "any")

    # parcels -------------------------------------------------------------------------------------
    targets = [d for d in w.docs if d["kind"] in ("Quyết định", "Đơn") and d["about"] and
               re.search(r"thửa đất số \d+, tờ bản đồ số \d+", d["trich_yeu"])]
    rng.shuffle(targets)
    for d in targets[:8]:
        p = next(x for x in w.persons if x["id"] == d["about"][0])
        t, m = map(int, re.search(r"thửa đất số (\d+), tờ bản đồ số (\d+)", d["trich_yeu"]).groups())
        add("parcel", "thửa %d tờ %d" % (t, m), order(d["id"], J.with_parcel(t, m)), "any")
        add("parcel", "%s thửa %d tờ %d" % (p["name"], t, m), order(d["id"], J.with_parcel(t, m, [p["name"]])),
            "first")
        add("parcel", fold("%s thua %d to %d" % (p["name"], t, m)).lower(),
            order(d["id"], [x for x in J.with_all_folded([p["name"]]) if (t, m) in by_id[x]["parcels"]]), "first")
    for d in targets[8:20]:
        t, m = map(int, re.search(r"thửa đất số (\d+), tờ bản đồ số (\d+)", d["trich_yeu"]).groups())
        add("parcel", "thua %d to %d" % (t, m), order(d["id"], J.with_parcel(t, m)), "any")

    # document numbers ----------------------------------------------------------------------------
    counts = {}
    for d in w.docs:
        if d["so"]:
            k = "%s/%s" % (d["so"], d["kyhieu"])
            counts[k] = counts.get(k, 0) + 1
    numbered = [d for d in w.docs if d["so"] and counts["%s/%s" % (d["so"], d["kyhieu"])] == 1]
    rng.shuffle(numbered)
    # prefer numbers cited elsewhere
    numbered.sort(key=lambda d: -len(J.with_all(["%s/%s" % (d["so"], d["kyhieu"])])))
    numbered = numbered[:12] + rng.sample(numbered[12:], 20)
    for i, d in enumerate(numbered):
        dn = "%s/%s" % (d["so"], d["kyhieu"])
        rel = order(d["id"], J.with_all([dn]))
        if i % 3 == 0:
            qa = dn
        elif i % 3 == 1:
            qa = "%s số %s" % (d["kind"], dn)
        else:
            qa = "%s ngày %s" % (dn, dmy(*d["date"]))
        add("docnum_accented", qa, rel, "first")
        abbr = d["kyhieu"].split("-")[0]
        if i % 3 == 0:
            qu = fold(dn)
        elif i % 3 == 1:
            qu = "%s %s" % (fold(abbr).lower(), d["so"])
        else:
            qu = fold(dn).lower().replace("/", " ").replace("-", " ")
        add("docnum_unaccented", qu, rel, "first")

    # citizen ids ---------------------------------------------------------------------------------
    ps = [p for p in w.persons if J.with_all([p["id"]])]
    rng.shuffle(ps)
    for i, p in enumerate(ps[:24]):
        rel = J.with_all([p["id"]])
        q = p["id"] if i % 2 == 0 else "%s %s" % (p["idkind"], p["id"])
        add("id_number", q, rel, "any")

    # subjects ------------------------------------------------------------------------------------
    subj = [d for d in w.docs if len(d["trich_yeu"].split()) > 8]
    rng.shuffle(subj)
    for d in subj:
        # a typed subject: two or three of the trích yếu's phrases, without the connecting words
        segs = [x.strip() for x in re.split(r",|\(|\)|\bVề việc\b| để | tại | của | về | cho | khi | với ",
                                            d["trich_yeu"]) if x.strip()]
        segs = [x for x in segs if x not in ("Biên bản", "Đơn")]
        if len(segs) < 2:
            continue
        k = rng.randint(2, min(3, len(segs)))
        s = rng.randrange(0, len(segs) - k + 1)
        q = " ".join(segs[s:s + k]).replace(":", "")
        if len(q.split()) < 4:
            continue
        qs = set(canonical(q).split())
        rel = [x["id"] for x in w.docs if qs <= x["ty_words"]]
        if d["id"] not in rel or len(rel) > 10:
            continue
        add("subject", q, order(d["id"], rel), "first" if len(rel) == 1 else "any")

    # NFD: the same as accented name and subject queries ---------------------------------------------
    for q, rel, mode in Q["name_accented"][:12] + Q["subject"][:12]:
        add("nfd", nfd(q), rel, mode)

    # one-letter slips in rare names and rare words ---------------------------------------------------
    cands = []
    for n in ede + rare:
        rel = J.with_all([n])
        if rel:
            cands.append((n, rel))
    for ph in ["Ngày hội văn hóa", "dệt thổ cẩm", "đánh chiêng", "phiếu tín nhiệm", "sầu riêng", "hồ tiêu",
               "chuyển đổi nghề nghiệp", "lối đi chung", "xả thải", "sạt lở"]:
        rel = J.with_all([ph])
        if rel:
            cands.append((ph, rel))
    rng.shuffle(cands)
    for ph, rel in cands:
        ws = ph.split()
        idx = [i for i, x in enumerate(ws) if len(x) >= 4]
        if not idx:
            continue
        i = rng.choice(idx)
        ws[i] = slip(ws[i], rng)
        add("one_letter_slip", " ".join(ws), rel, "any")

    # abbreviations -------------------------------------------------------------------------------
    def ty_has(d, *phs):
        return all(phrase_re(p).search(d["ty_scan"]) for p in phs)

    gcn_communes = sorted({d["file"]["title"].split("tại xã ")[1].split(",")[0] for d in w.docs
                           if d["file"]["title"].startswith("Hồ sơ cấp giấy chứng nhận")})
    rng.shuffle(gcn_communes)
    for c in gcn_communes[:6]:
        rel = [d["id"] for d in w.docs if ty_has(d, "giấy chứng nhận quyền sử dụng đất", "xã " + c)]
        add("abbreviation", "GCN QSDĐ %s" % c, rel, "any")
    for dist in DISTRICTS:
        for y in sorted({f["year"] for f in w.files if f["district"] is dist})[:2]:
            rel = [d["id"] for d in w.docs if d["issuer"] == ubnd(dist) and d["date"][2] == y and
                   ty_has(d, "thu hồi đất")]
            add("abbreviation", "UBND huyện %s thu hồi đất %d" % (dist["name"], y), rel, "any")
    appts = [d for d in w.docs if re.match(r"Về việc bổ nhiệm (?:ông|bà) ", d["trich_yeu"])]
    rng.shuffle(appts)
    for d in appts[:4]:
        nm = re.match(r"Về việc bổ nhiệm (?:ông|bà) (.+?) giữ chức vụ", d["trich_yeu"]).group(1)
        rel = [x["id"] for x in w.docs if x["kind"] == "Quyết định" and ty_has(x, "bổ nhiệm", nm)]
        add("abbreviation", "QĐ bổ nhiệm %s" % nm, order(d["id"], rel), "first" if len(rel) == 1 else "any")
    tcd = [d for d in w.docs if d["trich_yeu"].startswith("Biên bản tiếp công dân")]
    rng.shuffle(tcd)
    for d in tcd[:4]:
        nm = next(x for x in w.persons if x["id"] == d["about"][0])["name"]
        rel = [x["id"] for x in w.docs if x["trich_yeu"].startswith("Biên bản tiếp công dân") and ty_has(x, nm)]
        add("abbreviation", "BB TCD %s" % nm, order(d["id"], rel), "first" if len(rel) == 1 else "any")
    tn = [d for d in w.docs if d["kyhieu"] == "TTr-TNMT"]
    rng.shuffle(tn)
    for d in tn[:4]:
        c = d["trich_yeu"].split("tại xã ")[1].split(" để")[0]
        rel = [x["id"] for x in w.docs if x["kyhieu"] == "TTr-TNMT" and ty_has(x, "xã " + c)]
        add("abbreviation", "TTr TNMT xã %s" % c, order(d["id"], rel), "first" if len(rel) == 1 else "any")
    ktxh = [d for d in w.docs if d["trich_yeu"].startswith("Báo cáo tình hình kinh tế - xã hội")]
    rng.shuffle(ktxh)
    for d in ktxh[:4]:
        y = d["date"][2]
        dist = d["file"]["district"]
        rel = [x["id"] for x in w.docs if x["trich_yeu"].startswith("Báo cáo tình hình kinh tế - xã hội")
               and x["date"][2] == y and x["file"]["district"] is dist]
        add("abbreviation", "BC KT-XH %s %d" % (dist["name"], y), order(d["id"], rel), "any")

    # mixed: what an archivist types — a type of record, a name, a year or a commune ---------------------
    def person_of(d):
        return next((x for x in w.persons if d["about"] and x["id"] == d["about"][0]), None)

    mixed = []
    for d in w.docs:
        p = person_of(d)
        y = d["date"][2]
        ty = d["trich_yeu"]
        if d["kind"] == "Quyết định" and ty.startswith("Về việc thu hồi đất của hộ") and p:
            mixed.append(("quyết định thu hồi đất %s %d" % (p["name"], y), d,
                          lambda x, p=p, y=y: x["kind"] == "Quyết định" and x["date"][2] == y and
                          x["ty_scan"].startswith("về việc thu hồi đất của hộ") and phrase_re(p["name"]).search(x["ty_scan"])))
        elif d["kind"] == "Đơn" and ty.startswith("Đơn khiếu nại") and p:
            mixed.append(("đơn khiếu nại %s %s" % (p["name"], p["commune"]), d,
                          lambda x, p=p: x["kind"] == "Đơn" and x["ty_scan"].startswith("đơn khiếu nại") and
                          phrase_re(p["name"]).search(x["ty_scan"]) and phrase_re(p["commune"]).search(x["ty_scan"])))
        elif d["kind"] == "Quyết định" and ty.startswith("Về việc giải quyết khiếu nại") and p:
            mixed.append(("giải quyết khiếu nại %s năm %d" % (p["name"], y), d,
                          lambda x, p=p, y=y: x["kind"] == "Quyết định" and x["date"][2] == y and
                          "giải quyết khiếu nại" in x["ty_scan"] and phrase_re(p["name"]).search(x["ty_scan"])))
        elif d["kind"] == "Quyết định" and re.match(r"Về việc bổ nhiệm (?:ông|bà) ", ty):
            nm = re.match(r"Về việc bổ nhiệm (?:ông|bà) (.+?) giữ chức vụ", ty).group(1)
            mixed.append(("bổ nhiệm %s %d" % (nm, y), d,
                          lambda x, nm=nm, y=y: x["kind"] == "Quyết định" and x["date"][2] == y and
                          "bổ nhiệm" in x["ty_scan"] and phrase_re(nm).search(x["ty_scan"])))
        elif d["kind"] == "Đơn" and ty.startswith("Đơn đăng ký") and p:
            mixed.append(("đơn đăng ký cấp giấy chứng nhận %s %s" % (p["name"], p["commune"]), d,
                          lambda x, p=p: x["kind"] == "Đơn" and x["ty_scan"].startswith("đơn đăng ký") and
                          phrase_re(p["name"]).search(x["ty_scan"]) and phrase_re(p["commune"]).search(x["ty_scan"])))
    rng.shuffle(mixed)
    # common names first: they are the hard ones
    mixed.sort(key=lambda m: 0 if any(n in m[0] for _, n in COMMON_NAMES) else 1)
    for q, d, pred in mixed[:40]:
        rel = [x["id"] for x in w.docs if pred(x)]
        if d["id"] not in rel:
            continue
        add("mixed", q, order(d["id"], rel), "first" if len(rel) == 1 else "any")

    # date: a record named by its type, date and district -------------------------------------------
    dated = [d for d in w.docs if d["so"]]
    rng.shuffle(dated)
    for i, d in enumerate(dated[:24]):
        dd, mm, yy = d["date"]
        dist = d["file"]["district"]["name"]
        rel = [x["id"] for x in w.docs if x["kind"] == d["kind"] and x["date"] == d["date"] and
               x["file"]["district"]["name"] == dist]
        if i % 3 == 0:
            q = "%s ngày %02d/%02d/%d %s" % (d["kind"], dd, mm, yy, dist)
        elif i % 3 == 1:
            q = "%s %d/%d/%d huyện %s" % (d["kind"].lower(), dd, mm, yy, dist)
        else:
            q = "%s ngày %d tháng %d năm %d %s" % (d["kind"], dd, mm, yy, dist)
        add("date", q, order(d["id"], rel), "first" if len(rel) == 1 else "any")
    return Q


def write_queries(Q, path):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("kind\tquery\trelevant_ids\tmode\n")
        for kind, rows in Q.items():
            for q, rel, mode in rows:
                fh.write("%s\t%s\t%s\t%s\n" % (kind, q, ",".join(rel), mode))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--out", default=os.path.join(HERE, "corpus"))
    a = ap.parse_args()
    w = build(a.seed)
    write_batch(w, a.out, a.seed)
    Q = make_queries(w, a.seed)
    counter_queries.add_counter_queries(w, Judge(w), phrase_re, Q, a.seed)
    write_queries(Q, os.path.join(a.out, "queries.tsv"))
    short = {k: len(v) for k, v in Q.items() if len(v) < 20}
    print("make_corpus: %d hồ sơ, %d văn bản, %d trang, %d truy vấn -> %s" % (
        len(w.files), len(w.docs), sum(len(d["pages_written"]) for d in w.docs),
        sum(len(v) for v in Q.values()), a.out))
    if short:
        print("make_corpus: cảnh báo, ít hơn 20 truy vấn: %s" % short)


if __name__ == "__main__":
    main()
