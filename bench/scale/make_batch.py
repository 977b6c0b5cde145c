#!/usr/bin/env python3
"""Synthetic batches of recognised pages for hoso's scale and crash tests.

Writes a batch folder that `hoso ingest` accepts: ho_so.csv, tai_lieu.csv (TT 05/2025 columns) and one
`.txt` transcription per văn bản under scans/<Mã hồ sơ>/, pages separated by a form feed. The text follows
the layout of NĐ 30/2020 administrative documents of a district People's Committee (quốc hiệu, số/ký hiệu,
căn cứ, điều khoản, nơi nhận) with land parcels, names, amounts and dates drawn at random, so vocabulary
grows with the corpus roughly as in real fonds (names, numbers and places keep adding terms).

    make_batch.py OUT --files 100 --docs 4 --pages 3 [--seed 1] [--start 0] [--chars 1800]

Deterministic for a seed; `--start` offsets the hồ sơ numbers, so several batches never share an id.
"""
import argparse
import csv
import os
import random

PROVINCES = [("Đắk Lắk", "H49"), ("Phú Yên", "H54"), ("Quảng Nam", "H46"), ("Nghệ An", "H40"),
             ("Thái Bình", "H34"), ("Cần Thơ", "H92"), ("Lâm Đồng", "H68"), ("Bình Định", "H52")]
DISTRICTS = ["Krông Pắc", "Tuy An", "Ea Kar", "Cư M'gar", "Sông Hinh", "Đồng Xuân", "Núi Thành", "Quế Sơn",
             "Diễn Châu", "Quỳnh Lưu", "Kiến Xương", "Tiền Hải", "Phong Điền", "Cờ Đỏ", "Bảo Lộc", "Di Linh",
             "Hoài Nhơn", "Phù Cát", "Tây Sơn", "Buôn Đôn", "Lắk", "Krông Bông", "Sơn Hòa", "Phú Hòa"]
COMMUNES = ["Ea Kly", "Hòa An", "Ea Phê", "Krông Búk", "An Ninh Đông", "An Thạch", "Xuân Phước", "Sơn Thành",
            "Tam Hiệp", "Quế Xuân", "Diễn Kỷ", "Quỳnh Bá", "Vũ Lễ", "Nam Hải", "Trường Long", "Thới Hưng",
            "Lộc Sơn", "Đinh Lạc", "Tam Quan", "Cát Hanh", "Bình Nghi", "Ea Huar", "Yang Tao", "Hòa Lễ",
            "Ea Trang", "Suối Bạc", "Hòa Định Tây", "Phú Lâm", "Ea Kênh", "Vụ Bổn", "Tân Tiến", "Hòa Tiến"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Y", "H'", "Niê", "Ksor"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Quang", "Xuân", "Thu", "Kim", "Công", "Đình"]
GIVEN = ["Hùng", "Hoa", "Hưng", "Lan", "Mai", "Nam", "Bình", "Dũng", "Hương", "Tuấn", "Thảo", "Long", "Phúc",
         "Sơn", "Trang", "Hải", "Yến", "Khánh", "Bih", "Hen", "Tâm", "Vinh", "Quý", "Nga", "Thắng", "Lực"]
SUBJECTS = [
    ("thu hồi đất", "Về việc thu hồi đất của hộ {person} tại xã {commune} để thực hiện dự án {project}"),
    ("bồi thường", "Về việc phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất tại xã {commune}"),
    ("giấy chứng nhận", "Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ {person}, xã {commune}"),
    ("bổ nhiệm", "Về việc bổ nhiệm ông (bà) {person} giữ chức vụ {position}"),
    ("nâng lương", "Về việc nâng bậc lương thường xuyên đối với cán bộ, công chức năm {year}"),
    ("khen thưởng", "Về việc khen thưởng thành tích xuất sắc trong phong trào thi đua năm {year}"),
    ("khiếu nại", "Về việc giải quyết khiếu nại của {person}, trú tại xã {commune}"),
    ("xây dựng", "Về việc phê duyệt báo cáo kinh tế - kỹ thuật công trình {project}"),
    ("ngân sách", "Về việc giao dự toán thu, chi ngân sách nhà nước năm {year}"),
    ("phòng chống thiên tai", "Về việc khắc phục hậu quả cơn bão số {n} tại xã {commune}"),
]
PROJECTS = ["nâng cấp, mở rộng Tỉnh lộ 10", "xây dựng trường tiểu học", "kênh mương nội đồng",
            "đường giao thông nông thôn", "trạm y tế xã", "hồ chứa nước", "chợ trung tâm", "khu tái định cư",
            "nhà văn hóa thôn", "cầu qua suối", "đường điện hạ thế", "khu dân cư"]
POSITIONS = ["Trưởng phòng Tài nguyên và Môi trường", "Phó Chủ tịch Ủy ban nhân dân xã", "Chánh Văn phòng",
             "Trưởng phòng Nội vụ", "Phó Trưởng phòng Tài chính - Kế hoạch", "Chánh Thanh tra huyện"]
TYPES = [("Quyết định", "QĐ-UBND"), ("Tờ trình", "TTr-TNMT"), ("Báo cáo", "BC-UBND"), ("Công văn", "UBND-TH"),
         ("Thông báo", "TB-UBND"), ("Biên bản", "BB-HĐBT"), ("Kế hoạch", "KH-UBND")]
ACCESS = ["Công khai"] * 7 + ["Sử dụng có điều kiện"] * 2 + ["Mật"]
RETENTION = ["Vĩnh viễn", "70 năm", "50 năm", "20 năm", "10 năm"]
BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;",
    "Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đất đai;",
    "Căn cứ Nghị định số 47/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất;",
    "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
    "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
    "Căn cứ Quyết định số {n}/QĐ-UBND ngày {d} tháng {m} năm {year} của Ủy ban nhân dân tỉnh {province};",
    "Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số {n}/TTr-TNMT ngày {d}/{m}/{year};",
    "Xét đề nghị của Trưởng phòng Nội vụ huyện,",
]
CLAUSES = [
    "Thu hồi {area} m² đất trồng cây lâu năm của hộ {person} tại thửa đất số {n}, tờ bản đồ số {m2}, xã {commune}.",
    "Phê duyệt tổng kinh phí bồi thường, hỗ trợ là {money} đồng (bằng chữ: {words} đồng chẵn).",
    "Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân xã {commune} tổ chức thực hiện.",
    "Hộ {person} có trách nhiệm bàn giao mặt bằng cho Hội đồng bồi thường trong thời hạn {n} ngày kể từ ngày nhận quyết định.",
    "Diện tích đất còn lại của thửa {n} là {area} m², được cấp đổi giấy chứng nhận theo quy định.",
    "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng các phòng, ban liên quan và Chủ tịch Ủy ban nhân dân xã {commune} chịu trách nhiệm thi hành Quyết định này.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Ông (bà) {person} được hưởng phụ cấp chức vụ theo quy định hiện hành kể từ ngày {d}/{m}/{year}.",
    "Tặng Giấy khen cho {n} tập thể và {m2} cá nhân đã có thành tích xuất sắc trong năm {year}.",
    "Trong năm {year}, toàn huyện đã thu ngân sách được {money} đồng, đạt {pct}% dự toán tỉnh giao.",
    "Cơn bão số {n} đã làm {m2} ngôi nhà bị tốc mái, {area} ha lúa và hoa màu bị ngập úng tại xã {commune}.",
    "Đề nghị Ủy ban nhân dân tỉnh {province} xem xét, hỗ trợ kinh phí {money} đồng để khắc phục hậu quả.",
    "Thời gian thực hiện từ ngày {d}/{m}/{year} đến hết ngày {d2}/{m}/{year}.",
    "Qua kiểm tra thực địa, đoàn công tác ghi nhận hiện trạng thửa đất số {n}, tờ bản đồ số {m2} đúng như hồ sơ kê khai của hộ {person}.",
    "Các ý kiến tại cuộc họp thống nhất với phương án do {position} trình bày.",
]
NUMWORDS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "trăm", "nghìn", "triệu"]


def person(r):
    return f"{r.choice(['ông', 'bà'])} {r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"


def fill(r, text, ctx):
    vals = dict(ctx)
    vals.update(person=person(r), n=r.randint(1, 2999), m2=r.randint(1, 120), d=f"{r.randint(1, 28):02d}",
                d2=f"{r.randint(1, 28):02d}", m=f"{r.randint(1, 12):02d}", area=f"{r.randint(20, 9000)},{r.randint(0, 9)}",
                money=f"{r.randint(10, 9999)}.{r.randint(0, 999):03d}.000", pct=r.randint(80, 130),
                words=" ".join(r.choice(NUMWORDS) for _ in range(r.randint(4, 9))),
                project=r.choice(PROJECTS), position=r.choice(POSITIONS))
    return text.format(**vals)


def page_text(r, ctx, doc, number, chars):
    lines = []
    if number == 1:
        lines += [f"ỦY BAN NHÂN DÂN HUYỆN {ctx['district'].upper()}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", f"Số: {doc['number']}/{doc['symbol']}",
                  f"{ctx['district']}, ngày {doc['d']} tháng {doc['m']} năm {ctx['year']}", doc['type'].upper(),
                  doc['summary'], f"ỦY BAN NHÂN DÂN HUYỆN {ctx['district'].upper()}"]
        lines += [fill(r, b, ctx) for b in r.sample(BASES, 4)]
        lines.append("QUYẾT ĐỊNH:" if doc['type'] == "Quyết định" else "")
    article = 1
    while sum(len(l) + 1 for l in lines) < chars:
        lines.append(f"Điều {article}. " + fill(r, r.choice(CLAUSES), ctx))
        article += 1
        if r.random() < 0.5:
            lines.append(fill(r, r.choice(CLAUSES), ctx))
    lines += ["Nơi nhận:", "- Như Điều 3;", f"- UBND tỉnh {ctx['province']};", "- Lưu: VT.",
              "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", doc['signer']] if number == doc['pages'] else [f"Trang {number}"]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=100, help="hồ sơ")
    ap.add_argument("--docs", type=int, default=4, help="văn bản per hồ sơ")
    ap.add_argument("--pages", type=int, default=3, help="pages per văn bản (mean; 1..2*pages-1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first hồ sơ number")
    ap.add_argument("--chars", type=int, default=1800, help="characters per page")
    a = ap.parse_args()
    r = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "scans"), exist_ok=True)
    fh = open(os.path.join(a.out, "ho_so.csv"), "w", newline="", encoding="utf-8")
    dh = open(os.path.join(a.out, "tai_lieu.csv"), "w", newline="", encoding="utf-8")
    fw, dw = csv.writer(fh), csv.writer(dh)
    fw.writerow(["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Thời gian bắt đầu"])
    dw.writerow(["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
                 "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Chế độ sử dụng"])
    total_pages = 0
    for f in range(a.start, a.start + a.files):
        province, code = r.choice(PROVINCES)
        district = r.choice(DISTRICTS)
        year = r.randint(1990, 2025)
        ctx = dict(province=province, district=district, year=year, commune=r.choice(COMMUNES))
        fid = f"{code}.{r.randint(10, 99)}.{r.randint(10, 99)}.{year}.{f:06d}"
        topic, subject = r.choice(SUBJECTS)
        access = r.choice(ACCESS)
        fw.writerow([fid, f"UBND huyện {district}", f"Hồ sơ {topic} tại xã {ctx['commune']}, huyện {district} năm {year}",
                     r.choice(RETENTION), access, f"01/01/{year}"])
        os.makedirs(os.path.join(a.out, "scans", fid), exist_ok=True)
        for o in range(1, a.docs + 1):
            dtype, symbol = r.choice(TYPES)
            doc = dict(type=dtype, symbol=symbol, number=r.randint(1, 3999), d=f"{r.randint(1, 28):02d}",
                       m=f"{r.randint(1, 12):02d}", summary=fill(r, subject, ctx),
                       signer=f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}",
                       pages=r.randint(1, max(1, 2 * a.pages - 1)))
            pages = [page_text(r, ctx, doc, n, a.chars) for n in range(1, doc['pages'] + 1)]
            total_pages += len(pages)
            rel = f"scans/{fid}/{fid}.{o}.txt"
            with open(os.path.join(a.out, rel), "w", encoding="utf-8") as out:
                out.write("\f".join(pages))
            dw.writerow([fid, o, rel, dtype, doc['number'], symbol, f"{doc['d']}/{doc['m']}/{year}",
                         f"UBND huyện {district}", doc['summary'], doc['signer'], access])
    fh.close()
    dh.close()
    print(f"{a.files} hồ sơ, {a.files * a.docs} văn bản, {total_pages} trang → {a.out}")


if __name__ == "__main__":
    main()
