"""Texts for the real-shaped bench pages: agencies, people, places and sentences written for this bench, none of
them taken from samples/ (the samples' texts train hoso's correction model; these pages measure it).

A `{…}` in a text is written by hand on the scan (a number or date filled into a printed form).
"""
import random

AGENCIES = [
    (["UBND TỈNH ĐẮK LẮK"], ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "STNMT-ĐĐBĐ"),
    (["UBND HUYỆN CƯ M'GAR"], ["PHÒNG NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"], "PNN-KL"),
    (["HUYỆN ỦY EA H'LEO"], ["BAN TỔ CHỨC"], "BTC-HU"),
    (["UBND HUYỆN LẮK"], ["CHI CỤC THỐNG KÊ"], "CCTK"),
    ([], ["ỦY BAN NHÂN DÂN", "XÃ EA TÂN"], "UBND"),
    (["SỞ XÂY DỰNG TỈNH ĐẮK NÔNG"], ["THANH TRA SỞ"], "TTr-SXD"),
]
PLACES = ["Buôn Ma Thuột", "Cư M'gar", "Ea H'leo", "Lắk", "Gia Nghĩa", "Buôn Hồ", "Krông Năng", "Ea Súp"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Ngọc", "Quang", "Thanh", "Xuân", "Kim"]
GIVEN = ["Tuấn", "Lan", "Hải", "Phượng", "Thắng", "Hường", "Dũng", "Yến", "Khánh", "Quyết", "Thủy", "Lộc",
         "Nghĩa", "Tươi", "Cường", "Oanh", "Sửu", "Vượng", "Huệ", "Trọng"]
EDE = ["Y Khu Êban", "H'Linh Mlô", "Y Thuôn Byă", "H'Dơk Niê", "Y Nguê Ktla"]
STREETS = ["thôn 3", "thôn 7", "buôn Ea Mdróh", "buôn Kô Sia", "tổ dân phố 5", "thôn Tân Lập"]

TITLES = ["THÔNG BÁO", "KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH", "CÔNG VĂN", "BIÊN BẢN"]
SUBJECTS = [
    "Về việc kiểm tra hiện trạng sử dụng đất nông nghiệp năm {y}",
    "Về việc rà soát, chỉnh lý hồ sơ địa chính các xã vùng sâu",
    "Kết quả điều tra dân số và nhà ở giữa kỳ",
    "Về việc thành lập tổ công tác liên ngành xử lý vi phạm xây dựng",
    "Về việc giao chỉ tiêu trồng rừng sản xuất năm {y}",
    "Tình hình thực hiện chính sách hỗ trợ hộ nghèo quý {q} năm {y}",
]
SENTENCES = [
    "Thực hiện chỉ đạo của cấp trên, đơn vị đã tổ chức rà soát toàn bộ diện tích đất lâm nghiệp do các nông trường giao lại cho địa phương quản lý.",
    "Qua kiểm tra thực tế cho thấy nhiều hộ gia đình tự ý chuyển mục đích sử dụng đất trồng lúa sang xây dựng nhà ở mà chưa được cơ quan có thẩm quyền cho phép.",
    "Đề nghị các phòng, ban chuyên môn phối hợp chặt chẽ với chính quyền cơ sở trong việc tuyên truyền, vận động nhân dân chấp hành pháp luật về đất đai.",
    "Số liệu thống kê được tổng hợp từ báo cáo của các thôn, buôn và đã được đối chiếu với sổ mục kê, bản đồ địa chính hiện hành.",
    "Tổ công tác có trách nhiệm lập biên bản, đo đạc lại ranh giới thửa đất và báo cáo kết quả về thường trực trước ngày kết thúc đợt kiểm tra.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách sự nghiệp môi trường và nguồn thu từ tiền sử dụng đất của địa phương.",
    "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh bằng văn bản để xem xét, giải quyết.",
    "Năm qua, tổng sản lượng cà phê nhân toàn vùng ước đạt hơn mười hai nghìn tấn, tăng khá so với cùng kỳ năm trước.",
    "Công tác cấp giấy chứng nhận quyền sử dụng đất cho đồng bào dân tộc thiểu số tại chỗ còn chậm, chủ yếu do thiếu hồ sơ gốc.",
    "Ủy ban nhân dân xã chịu trách nhiệm niêm yết công khai danh sách tại trụ sở và nhà văn hóa các thôn trong thời hạn mười lăm ngày.",
    "Các trường hợp lấn chiếm hành lang an toàn giao thông phải được thống kê đầy đủ, xác định rõ thời điểm vi phạm và người vi phạm.",
    "Việc bình xét hộ nghèo phải bảo đảm dân chủ, công khai, đúng đối tượng và có sự tham gia của đại diện các đoàn thể.",
    "Hội nghị thống nhất giao cho phòng chuyên môn hoàn chỉnh dự thảo, trình lãnh đạo xem xét ký ban hành trong tháng này.",
    "Đến nay, toàn huyện đã giải quyết dứt điểm hai mươi bảy vụ tranh chấp đất đai kéo dài, còn lại chín vụ đang được hòa giải.",
    "Đoàn kiểm tra ghi nhận nhiều công trình xây dựng không phép dọc tuyến đường liên xã, chủ yếu là nhà tạm và quán bán hàng.",
    "Nguồn nước tưới cho vụ đông xuân được bảo đảm nhờ hệ thống kênh mương đã được kiên cố hóa trong các năm gần đây.",
    "Đối với diện tích rừng bị chặt phá trái phép, đề nghị hạt kiểm lâm phối hợp với công an huyện điều tra, xử lý nghiêm theo quy định.",
    "Người dân được hướng dẫn kê khai, đăng ký biến động đất đai ngay tại bộ phận tiếp nhận và trả kết quả của xã.",
    "Căn cứ tình hình thực tế, thời gian tổ chức hội nghị có thể được điều chỉnh và sẽ thông báo sau bằng văn bản.",
    "Các đơn vị gửi báo cáo bằng văn bản và thư điện tử về văn phòng trước ngày mười lăm hằng tháng để tổng hợp.",
]
DIEU = [
    "Điều {n}. Giao phòng chuyên môn chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện kế hoạch này.",
    "Điều {n}. Quyết định này có hiệu lực kể từ ngày ký; các văn bản trước đây trái với quyết định này đều bãi bỏ.",
    "Điều {n}. Chánh văn phòng, trưởng các phòng, ban và chủ tịch ủy ban nhân dân các xã chịu trách nhiệm thi hành.",
]
NOTES = ["Đất ở", "Đất trồng cà phê", "Đất lúa", "Đất rừng sản xuất", "Đất vườn", "Đất trồng tiêu"]


def name(rng):
    if rng.random() < 0.18:
        return rng.choice(EDE)
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def date_line(rng, year, hand=False):
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    if hand:
        return f"{rng.choice(PLACES)}, ngày {{{d:02d}}} tháng {{{m:02d}}} năm {year}"
    return f"{rng.choice(PLACES)}, ngày {d:02d} tháng {m:02d} năm {year}"


def paragraph(rng, n):
    return " ".join(rng.sample(SENTENCES, n))


def document(rng, kind):
    """The words of one page: heading (left, right), title, subject, body paragraphs, table rows, signer."""
    year = rng.randint(1986, 2012)
    parent, body, abbrev = rng.choice(AGENCIES)
    left = [(t, "r") for t in parent] + [(t, "b") for t in body] + [(f"Số: {rng.randint(2, 480)}/{abbrev}", "r")]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             date_line(rng, year, hand=kind == "form")]
    if rng.random() < 0.45:
        # a form number above and a note below the date: five lines on the right, two or three on the left
        right = [f"Mẫu số {rng.randint(1, 12):02d}/ĐK"] + right + [f"(Bản số {rng.randint(1, 3)})"]
    title = rng.choice(TITLES)
    subject = rng.choice(SUBJECTS).format(y=year, q=rng.choice(["I", "II", "III", "IV"]))
    dense = kind == "dense"
    paras = [paragraph(rng, rng.randint(3, 4) if dense else rng.randint(2, 3)) for _ in range(rng.randint(5, 6) if dense else rng.randint(2, 4))]
    if title == "QUYẾT ĐỊNH":
        paras += [t.format(n=i) for i, t in enumerate(DIEU, 1)]
    rows = []
    if kind in ("table", "form"):
        for i in range(rng.randint(9, 14)):
            thua, to = rng.randint(12, 980), rng.randint(3, 95)
            area = f"{rng.randint(80, 9800)},{rng.randint(0, 9)}"
            num = (lambda s: "{" + s + "}") if kind == "form" and i % 2 == 0 else (lambda s: s)
            rows.append([str(i + 1), name(rng), num(str(thua)), num(str(to)), num(area),
                         rng.choice(STREETS), rng.choice(NOTES)])
        paras = paras[:1]
    signer = ["TM. ỦY BAN NHÂN DÂN" if rng.random() < 0.5 else "KT. GIÁM ĐỐC",
              "PHÓ CHỦ TỊCH" if rng.random() < 0.5 else "PHÓ GIÁM ĐỐC", None, name(rng)]
    return dict(left=left, right=right, title=title, subject=subject, paras=paras, rows=rows, signer=signer,
                year=year)


TABLE_HEAD = ["STT", "Họ và tên chủ hộ", "Thửa đất số", "Tờ bản đồ số", "Diện tích (m²)", "Địa chỉ", "Loại đất"]


def rng_for(seed, *parts):
    return random.Random(":".join(str(p) for p in (seed,) + parts))
