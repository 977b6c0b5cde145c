"""The records of samples/delivery: its hồ sơ (FILES) and documents (DOCS) with the text of their pages.

A `{…}` in a text is written by hand on the scan (a number or date filled into a printed form).
"""
import corpus
from corpus import A, B, C, I, KG, P, S, T, ky, noi_nhan, sign


def plain(s):
    """Text without the handwriting marks `{…}`."""
    return s.replace("{", "").replace("}", "")


def sign_both(left, right):
    """Two parties signing side by side, no seal (a biên bản's)."""
    return ("sign", left, right, {"seal": False, "signed": True, "left_centred": True})


def dmy(t):
    d, m, y = t
    return "%02d/%02d/%d" % (d, m, y)


PHONG_X = corpus.PHONG_KP          # the xlsx delivery's fonds (column Phông, and its folder)
KP = corpus.KP
H_KP = corpus.H_UBND_KP
SEAL_KP = corpus.SEAL_KP
SEAL_TNMT_KP = corpus.SEAL_TNMT_KP
TA = corpus.TA
H_TA = corpus.H_UBND_TA
SEAL_TA = corpus.SEAL_TA
SEAL_TNMT_TA = corpus.SEAL_TNMT_TA

XF1 = "000.00.64.H49.12.2016.K4.01.01"
XF2 = "000.00.64.H49.12.2017.K4.01.02"
SF = "H54.55.12.2018.027"

HAN_CODE = {"Vĩnh viễn": "01", "70 năm": "02"}   # Thời hạn bảo quản as words → its code (Thời hạn lưu trữ)


def hoso(id, delivery, han, **fields):
    """A hồ sơ: in Vietnamese and digitised (Mức độ tin cậy) unless told otherwise."""
    return dict(dict(lang="Tiếng Việt", tin_cay="Số hóa"), id=id, delivery=delivery, han=han,
                han_code=HAN_CODE[han], **fields)


def xlsx_hoso(id, so_ky_hieu, folder, han, **fields):
    """A hồ sơ of the Excel delivery: fonds PHONG_X, mục lục 12, hộp 01, its scans in PDF_Files/…/<folder>."""
    return hoso(id, "xlsx", han, phong=PHONG_X, muc_luc=12, hop="01", so_ky_hieu=so_ky_hieu, folder=folder,
                **fields)


FILES = [
    xlsx_hoso(XF1, "01", "hoso01", "Vĩnh viễn", access="Công khai", start=(4, 3, 2016), end=(20, 6, 2016),
              title="Hồ sơ thu hồi đất, bồi thường, hỗ trợ xây dựng Trường Trung học cơ sở Ea Yông, xã Ea Yông, "
                    "huyện Krông Pắc năm 2016",
              note="Bản gốc giấy lưu tại Kho lưu trữ huyện, hộp 01", tinh_trang="Bình thường",
              kyhieu_tt="KP.TNMT.2016.01", keywords="thu hồi đất; bồi thường; Ea Yông; trường học"),
    xlsx_hoso(XF2, "02", "hoso02", "70 năm", access="Sử dụng có điều kiện", start=(10, 2, 2017), end=(28, 4, 2017),
              title="Hồ sơ giải quyết đơn khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông về bồi thường khi "
                    "Nhà nước thu hồi đất năm 2017",
              note="", tinh_trang="Tốt",
              kyhieu_tt="KP.TTr.2017.02", keywords="khiếu nại; tiếp công dân; bồi thường; H'Bia Mlô"),
    hoso(SF, "sip", "Vĩnh viễn", phong="UBND huyện Tuy An", muc_luc="05", hop="03", so_ky_hieu="027",
         access="Công khai", start=(12, 3, 2018), end=(20, 4, 2018),
         title="Hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân tại xã An Hiệp, huyện Tuy "
               "An năm 2018",
         note="Hồ sơ số hóa theo hợp đồng số 15/2025/HĐ-STC", tinh_trang="Bình thường",
         kyhieu_tt="TA.TNMT.2018.027", keywords=["giấy chứng nhận", "quyền sử dụng đất", "An Hiệp"],
         goc="TA.2018.027"),
]
FILE = {f["id"]: f for f in FILES}

DOCS = []


def doc(file, stt, kind, so, kyhieu, date, place, body, trich_yeu, signer, issuer, blocks, so_cell="n",
        kyhieu_cell=None, parent=None, so_line=None, date_line=None, access="", note="", kyhieu_tt="",
        keywords="", to_so=1, loai="Tài liệu hành chính", layers=None, ghost=0, date_serial=False,
        id_style="long", tinh_trang="", day_text=False):
    f = FILE[file]
    if id_style == "long":
        did = "%s.%03d" % (file, stt)
    else:
        did = "%s.%d" % (file, stt)
    if so_line is None:
        so_line = ("Số: %s/%s" % (so, kyhieu)) if so else None
    if date_line is None:
        date_line = corpus.date_text(place, *date)
    DOCS.append(dict(
        file=file, stt=stt, id=did, kind=kind, so=so, kyhieu=kyhieu, date=date, issuer=issuer,
        trich_yeu=trich_yeu, signer=signer, access=access, note=note, kyhieu_tt=kyhieu_tt, keywords=keywords,
        to_so=to_so, loai=loai, layers=layers or {}, ghost=ghost, so_cell=so_cell,
        kyhieu_cell=kyhieu_cell if kyhieu_cell is not None else "/" + kyhieu, date_serial=date_serial,
        tinh_trang=tinh_trang or f["tinh_trang"], day_text=day_text, delivery=f["delivery"],
        heading=dict(parent=parent or [], body=body, so=so_line, date=date_line), blocks=blocks))


# ---- xlsx delivery, hồ sơ 1: thu hồi đất, Trường THCS Ea Yông (2016) ---------------------------
DA = "xây dựng Trường Trung học cơ sở Ea Yông"
doc(XF1, 1, "Thông báo", "05", "TB-UBND", (4, 3, 2016), KP, H_KP, so_cell="s",
    so_line="Số: {05}/TB-UBND", date_line="Krông Pắc, ngày {04} tháng {3} năm 2016",
    trich_yeu="Thông báo thu hồi đất để thực hiện dự án xây dựng Trường Trung học cơ sở Ea Yông",
    signer="Lê Quang Vinh", issuer="UBND huyện Krông Pắc", kyhieu_tt="KP.TNMT.2016.01.001",
    keywords="thông báo thu hồi đất", to_so=1, day_text=True,
    blocks=[
        T("THÔNG BÁO"),
        S("Thu hồi đất để thực hiện dự án " + DA),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
          "điều của Luật Đất đai;"),
        I("Căn cứ Kế hoạch sử dụng đất năm 2016 của huyện Krông Pắc đã được Ủy ban nhân dân tỉnh Đắk Lắk phê "
          "duyệt;"),
        P("Ủy ban nhân dân huyện Krông Pắc thông báo thu hồi đất như sau:"),
        P("1. Lý do thu hồi đất: để thực hiện dự án " + DA + ", xã Ea Yông."),
        P("2. Diện tích, vị trí khu đất thu hồi: tổng diện tích dự kiến thu hồi {8.640} m², tại thửa đất số "
          "{214}, tờ bản đồ số {35}, xã Ea Yông; của hộ ông Y Khoa Niê, buôn Ea Yông."),
        P("3. Kế hoạch điều tra, khảo sát, đo đạc, kiểm đếm: từ ngày {14} tháng {3} năm 2016 đến ngày {31} "
          "tháng {3} năm 2016."),
        P("4. Dự kiến kế hoạch di chuyển và bố trí tái định cư: không có hộ phải di chuyển chỗ ở."),
        P("Ủy ban nhân dân xã Ea Yông có trách nhiệm niêm yết công khai thông báo này tại trụ sở và tại điểm "
          "sinh hoạt chung của buôn Ea Yông; người có đất thu hồi phối hợp với Hội đồng bồi thường, hỗ trợ và "
          "tái định cư huyện trong việc đo đạc, kiểm đếm./."),
        sign(noi_nhan("- Hộ ông Y Khoa Niê;", "- UBND xã Ea Yông;", "- Phòng TN&MT;", "- Lưu: VT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Quang Vinh"), SEAL_KP),
    ])
doc(XF1, 2, "Biên bản", "18", "BB-HĐBT", (22, 3, 2016), KP, ["HỘI ĐỒNG BỒI THƯỜNG, HỖ TRỢ", "VÀ TÁI ĐỊNH CƯ"],
    parent=["UBND HUYỆN KRÔNG PẮC"], so_line="Số: {18}/BB-HĐBT",
    date_line="Ea Yông, ngày {22} tháng {3} năm 20{16}",
    trich_yeu="Biên bản điều tra, khảo sát, đo đạc, kiểm đếm đất đai, tài sản gắn liền với đất của hộ ông Y "
              "Khoa Niê tại thửa đất số 214, tờ bản đồ số 35, xã Ea Yông",
    signer="Phạm Minh Tuấn", issuer="Hội đồng bồi thường, hỗ trợ và tái định cư huyện Krông Pắc",
    kyhieu_tt="KP.TNMT.2016.01.002", keywords="kiểm đếm; Y Khoa Niê; thửa đất số 214", to_so=2,
    loai="Tài liệu chuyên môn", layers={1: "poor"}, ghost=10,
    blocks=[
        T("BIÊN BẢN"),
        S("Điều tra, khảo sát, đo đạc, kiểm đếm đất đai, tài sản gắn liền với đất"),
        P("Hôm nay, vào lúc {8} giờ {30} phút, ngày {22} tháng {3} năm 20{16}, tại thửa đất số {214}, tờ bản "
          "đồ số {35}, buôn Ea Yông, xã Ea Yông, huyện Krông Pắc, chúng tôi gồm:"),
        B("1. Đại diện Hội đồng bồi thường, hỗ trợ và tái định cư huyện:"),
        P("Ông Phạm Minh Tuấn, Phó Trưởng phòng Tài nguyên và Môi trường, Phó Chủ tịch Hội đồng;"),
        P("Bà Nguyễn Thị Thu Hà, cán bộ Trung tâm Phát triển quỹ đất huyện."),
        B("2. Đại diện Ủy ban nhân dân xã Ea Yông:"),
        P("Ông Y Mút Êban, công chức địa chính - xây dựng xã."),
        B("3. Người có đất thu hồi:"),
        P("Ông Y Khoa Niê, sinh năm 1968, CMND số {240876512}, trú tại buôn Ea Yông, xã Ea Yông."),
        P("Cùng nhau tiến hành điều tra, đo đạc, kiểm đếm đất đai, tài sản gắn liền với đất, kết quả như sau:"),
        B("I. Về đất:"),
        P("Diện tích đo đạc thực tế: {8.640,0} m² đất trồng cây lâu năm; nguồn gốc: khai hoang sử dụng ổn định "
          "từ năm 1992, đã được cấp giấy chứng nhận quyền sử dụng đất số phát hành AĐ {412678}."),
        B("II. Về tài sản, cây trồng trên đất:"),
        P("1. Cà phê vối kinh doanh, trồng năm 2004: {356} cây."),
        P("2. Sầu riêng trồng năm 2010: {24} cây; bơ trồng năm 2012: {18} cây."),
        P("3. Giếng đào sâu {14} m, đường kính 1,2 m: 01 cái; nhà tạm khung gỗ, mái tôn: {32,5} m²."),
        P("4. Hàng rào lưới B40, trụ bê tông: {126} m."),
        P("Biên bản kết thúc vào lúc {10} giờ {45} phút cùng ngày, đã đọc lại cho mọi người cùng nghe, thống "
          "nhất ký tên; biên bản lập thành 04 bản có giá trị như nhau./."),
        sign_both(ky(["NGƯỜI CÓ ĐẤT THU HỒI"], "Y Khoa Niê"),
                  ky(["TM. HỘI ĐỒNG BỒI THƯỜNG", "PHÓ CHỦ TỊCH"], "Phạm Minh Tuấn")),
    ])
doc(XF1, 3, "Tờ trình", "45", "TTr-HĐBT", (12, 5, 2016), KP, ["HỘI ĐỒNG BỒI THƯỜNG, HỖ TRỢ", "VÀ TÁI ĐỊNH CƯ"],
    parent=["UBND HUYỆN KRÔNG PẮC"], kyhieu_cell="/TTr-HĐBT ",
    trich_yeu="Về việc đề nghị phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để xây dựng "
              "Trường Trung học cơ sở Ea Yông",
    signer="Phạm Minh Tuấn", issuer="Hội đồng bồi thường, hỗ trợ và tái định cư huyện Krông Pắc",
    kyhieu_tt="KP.TNMT.2016.01.003", keywords="phương án bồi thường", to_so=4, layers={2: "poor"}, ghost=0,
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để xây dựng Trường "
          "Trung học cơ sở Ea Yông"),
        KG("Ủy ban nhân dân huyện Krông Pắc."),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 47/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định về bồi thường, hỗ trợ, tái "
          "định cư khi Nhà nước thu hồi đất;"),
        I("Căn cứ Quyết định số 39/2014/QĐ-UBND ngày 22/10/2014 của Ủy ban nhân dân tỉnh Đắk Lắk ban hành quy "
          "định về bồi thường, hỗ trợ và tái định cư trên địa bàn tỉnh;"),
        I("Căn cứ Biên bản điều tra, khảo sát, đo đạc, kiểm đếm số 18/BB-HĐBT ngày 22/3/2016,"),
        P("Hội đồng bồi thường, hỗ trợ và tái định cư huyện kính trình Ủy ban nhân dân huyện phê duyệt phương "
          "án bồi thường, hỗ trợ cho hộ ông Y Khoa Niê, buôn Ea Yông, xã Ea Yông, cụ thể như sau:"),
        P("1. Bồi thường về đất: 8.640,0 m² đất trồng cây lâu năm x 48.000 đồng/m² = 414.720.000 đồng."),
        P("2. Bồi thường cây trồng: 356 cây cà phê x 380.000 đồng/cây = 135.280.000 đồng; 24 cây sầu riêng x "
          "1.500.000 đồng/cây = 36.000.000 đồng; 18 cây bơ x 650.000 đồng/cây = 11.700.000 đồng."),
        P("3. Bồi thường vật kiến trúc: giếng đào 14 m = 8.400.000 đồng; nhà tạm 32,5 m² x 820.000 đồng/m² = "
          "26.650.000 đồng; hàng rào 126 m x 95.000 đồng/m = 11.970.000 đồng."),
        P("4. Hỗ trợ chuyển đổi nghề nghiệp và tạo việc làm: 8.640,0 m² x 48.000 đồng/m² x 1,5 lần = "
          "622.080.000 đồng."),
        P("Tổng kinh phí bồi thường, hỗ trợ: 1.266.800.000 đồng (Bằng chữ: Một tỷ, hai trăm sáu mươi sáu "
          "triệu, tám trăm nghìn đồng)."),
        P("Phương án đã được niêm yết công khai tại trụ sở Ủy ban nhân dân xã Ea Yông và buôn Ea Yông từ ngày "
          "12/4/2016 đến ngày 02/5/2016; không có ý kiến thắc mắc, khiếu nại."),
        P("Hội đồng bồi thường, hỗ trợ và tái định cư huyện kính trình Ủy ban nhân dân huyện xem xét, phê duyệt "
          "để có cơ sở chi trả tiền bồi thường, hỗ trợ và thu hồi đất theo quy định./."),
        sign(noi_nhan("- Như trên;", "- Phòng TN&MT;", "- Phòng TC-KH;", "- Lưu: VT, HĐBT."),
             ky(["TM. HỘI ĐỒNG", "PHÓ CHỦ TỊCH"], "Phạm Minh Tuấn"), None),
    ])
HO_YKHOA = dict(ten="hộ ông Y Khoa Niê", giay_to="CMND số 240876512", dia_chi="buôn Ea Yông", xa="Ea Yông",
                tinh="Đắk Lắk", dt="8.640,0", loai_dat="trồng cây lâu năm", thua="214", to="35",
                trich_do="18/3/2016", qd_tinh="2210/QĐ-UBND ngày 28/8/2015")
doc(XF1, 4, "Quyết định", "1234", "QĐ-UBND", (20, 6, 2016), KP, H_KP,
    trich_yeu="Về việc thu hồi đất của hộ ông Y Khoa Niê tại xã Ea Yông để thực hiện dự án xây dựng Trường "
              "Trung học cơ sở Ea Yông",
    signer="Lê Quang Vinh", issuer="UBND huyện Krông Pắc", kyhieu_tt="KP.TNMT.2016.01.004",
    keywords="quyết định thu hồi đất; Y Khoa Niê", to_so=6, access="Sử dụng có điều kiện",
    note="Trang 2 không có lớp chữ", layers={2: "none"}, date_serial=True,
    blocks=corpus.qd_thu_hoi(KP, H_KP, 2015, HO_YKHOA, "45/TTr-HĐBT ngày 12/5/2016", DA, "Ea Yông",
                             "Ban Quản lý dự án đầu tư xây dựng huyện", "Lê Quang Vinh", SEAL_KP))

# ---- xlsx delivery, hồ sơ 2: khiếu nại của bà H'Bia Mlô (2017) --------------------------------
doc(XF2, 1, "Biên bản", "07", "BB-TCD", (10, 2, 2017), KP, ["BAN TIẾP CÔNG DÂN"], parent=["UBND HUYỆN KRÔNG PẮC"],
    so_cell="s", so_line="Số: {07}/BB-TCD", date_line="Krông Pắc, ngày {10} tháng {02} năm 20{17}",
    trich_yeu="Biên bản tiếp công dân: bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông khiếu nại về giá bồi thường cây "
              "trồng khi thu hồi đất",
    signer="Nguyễn Thị Thu Hà", issuer="Ban Tiếp công dân huyện Krông Pắc", kyhieu_tt="KP.TTr.2017.02.001",
    keywords="tiếp công dân; H'Bia Mlô", to_so=1, ghost=10,
    blocks=[
        T("BIÊN BẢN"),
        S("Tiếp công dân"),
        P("Vào hồi {14} giờ {00} phút, ngày {10} tháng {02} năm 20{17}, tại Trụ sở Tiếp công dân huyện Krông "
          "Pắc, chúng tôi gồm:"),
        B("1. Người tiếp công dân:"),
        P("Bà Nguyễn Thị Thu Hà, Phó Trưởng Ban Tiếp công dân huyện Krông Pắc."),
        B("2. Công dân đến trình bày:"),
        P("Bà H'Bia Mlô, sinh năm 1975, CMND số {241298735} cấp ngày {16}/{9}/20{09} tại Công an tỉnh Đắk "
          "Lắk; trú tại buôn Ea Yông, xã Ea Yông, huyện Krông Pắc."),
        B("3. Nội dung trình bày:"),
        P("Bà H'Bia Mlô cho rằng đơn giá bồi thường cây cà phê khi Nhà nước thu hồi đất để xây dựng Trường "
          "Trung học cơ sở Ea Yông là thấp hơn giá thị trường; diện tích {1.250} m² đất vườn của gia đình bà "
          "tại thửa đất số {209}, tờ bản đồ số {35} chưa được kiểm đếm đủ số cây trồng. Bà đề nghị Ủy ban "
          "nhân dân huyện xem xét, kiểm đếm lại và điều chỉnh đơn giá bồi thường."),
        P("Tài liệu công dân cung cấp: 01 đơn khiếu nại đề ngày {06}/{02}/20{17}, 01 bản sao giấy chứng nhận "
          "quyền sử dụng đất."),
        B("4. Ý kiến của người tiếp công dân:"),
        P("Tiếp nhận đơn và tài liệu; chuyển Thanh tra huyện tham mưu Chủ tịch Ủy ban nhân dân huyện thụ lý, "
          "giải quyết theo quy định của Luật Khiếu nại."),
        P("Biên bản lập xong hồi {15} giờ {10} phút cùng ngày, đã đọc lại cho công dân nghe và cùng ký tên./."),
        sign_both(ky(["CÔNG DÂN"], "H'Bia Mlô"), ky(["NGƯỜI TIẾP CÔNG DÂN"], "Nguyễn Thị Thu Hà")),
    ])
doc(XF2, 2, "Báo cáo", "12", "BC-TTr", (24, 3, 2017), KP, ["THANH TRA HUYỆN"], parent=["UBND HUYỆN KRÔNG PẮC"],
    kyhieu_cell="/BC - TTr",
    trich_yeu="Báo cáo kết quả xác minh nội dung khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông",
    signer="Trần Đình Phúc", issuer="Thanh tra huyện Krông Pắc", kyhieu_tt="KP.TTr.2017.02.002",
    keywords="xác minh khiếu nại", to_so=2, layers={1: "poor"},
    note="Báo cáo có phụ lục bảng kiểm đếm lại (không số hóa)",
    blocks=[
        T("BÁO CÁO"),
        S("Kết quả xác minh nội dung khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông"),
        KG("Chủ tịch Ủy ban nhân dân huyện Krông Pắc."),
        P("Thực hiện Quyết định số 268/QĐ-UBND ngày 20/02/2017 của Chủ tịch Ủy ban nhân dân huyện về việc "
          "thụ lý giải quyết khiếu nại và giao nhiệm vụ xác minh, Thanh tra huyện báo cáo kết quả xác minh "
          "như sau:"),
        B("1. Nội dung khiếu nại:"),
        P("Bà H'Bia Mlô khiếu nại về đơn giá bồi thường cây cà phê và việc kiểm đếm thiếu cây trồng trên diện "
          "tích 1.250 m² đất vườn tại thửa đất số 209, tờ bản đồ số 35, xã Ea Yông, khi Nhà nước thu hồi đất "
          "để xây dựng Trường Trung học cơ sở Ea Yông."),
        B("2. Kết quả xác minh:"),
        P("Về đơn giá: đơn giá bồi thường cây cà phê kinh doanh 380.000 đồng/cây được áp dụng đúng Quyết định "
          "số 39/2014/QĐ-UBND của Ủy ban nhân dân tỉnh Đắk Lắk; khiếu nại về nội dung này là không có cơ sở."),
        P("Về số lượng cây trồng: qua kiểm đếm lại ngày 14/3/2017 có sự tham gia của Ủy ban nhân dân xã Ea "
          "Yông và bà H'Bia Mlô, trên thửa đất có 112 cây cà phê và 06 cây sầu riêng; biên bản kiểm đếm ngày "
          "22/3/2016 chỉ ghi 98 cây cà phê, thiếu 14 cây. Khiếu nại về nội dung này là có cơ sở."),
        B("3. Kiến nghị:"),
        P("Đề nghị Chủ tịch Ủy ban nhân dân huyện giao Hội đồng bồi thường, hỗ trợ và tái định cư huyện lập "
          "phương án bồi thường bổ sung 14 cây cà phê x 380.000 đồng/cây = 5.320.000 đồng cho hộ bà H'Bia "
          "Mlô; giữ nguyên đơn giá bồi thường đã phê duyệt./."),
        sign(noi_nhan("- Như trên;", "- Lưu: VT, TTr."), ky(["CHÁNH THANH TRA"], "Trần Đình Phúc"), None),
    ])
doc(XF2, 3, "Quyết định", "356", "QĐ-UBND", (28, 4, 2017), KP, H_KP,
    trich_yeu="Về việc giải quyết khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông (lần đầu)",
    signer="Lê Quang Vinh", issuer="UBND huyện Krông Pắc", kyhieu_tt="KP.TTr.2017.02.003",
    keywords="quyết định giải quyết khiếu nại", to_so=4, access="Công khai", layers={2: "poor"},
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc giải quyết khiếu nại của bà H'Bia Mlô, buôn Ea Yông, xã Ea Yông (lần đầu)"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
        I("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        I("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"),
        I("Căn cứ Nghị định số 75/2012/NĐ-CP ngày 03/10/2012 của Chính phủ quy định chi tiết một số điều của "
          "Luật Khiếu nại;"),
        I("Xét đơn khiếu nại đề ngày 06/02/2017 của bà H'Bia Mlô và Báo cáo số 12/BC-TTr ngày 24/3/2017 của "
          "Thanh tra huyện,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Công nhận một phần nội dung khiếu nại của bà H'Bia Mlô: bồi thường bổ sung 14 cây cà phê "
          "kinh doanh với số tiền 5.320.000 đồng (Năm triệu, ba trăm hai mươi nghìn đồng). Không công nhận nội "
          "dung khiếu nại về đơn giá bồi thường cây cà phê."),
        A("Điều 2.", "Giao Hội đồng bồi thường, hỗ trợ và tái định cư huyện lập phương án bồi thường bổ sung, "
          "trình phê duyệt và chi trả cho bà H'Bia Mlô trong thời hạn 15 ngày kể từ ngày ký quyết định này."),
        A("Điều 3.", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý thì bà H'Bia "
          "Mlô có quyền khiếu nại đến Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk hoặc khởi kiện vụ án hành chính "
          "tại Tòa án theo quy định của pháp luật về tố tụng hành chính."),
        A("Điều 4.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Chánh Thanh tra huyện, Chủ "
          "tịch Hội đồng bồi thường, hỗ trợ và tái định cư huyện, Chủ tịch Ủy ban nhân dân xã Ea Yông và bà "
          "H'Bia Mlô chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 4;", "- Thanh tra tỉnh;", "- Ban Tiếp công dân huyện;", "- Lưu: VT, TTr."),
             ky(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Quang Vinh"), SEAL_KP),
    ])

# ---- the SIP: cấp giấy chứng nhận, xã An Hiệp (2018) -----------------------------------------------
doc(SF, 1, "Biên bản", "", "BB-TNMT", (12, 3, 2018), "An Hiệp", ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
    parent=["UBND HUYỆN TUY AN"], id_style="short", so_line="Số:      /BB-TNMT",
    date_line="An Hiệp, ngày {12} tháng {3} năm 20{18}",
    trich_yeu="Biên bản xác minh hiện trạng, nguồn gốc sử dụng đất của hộ ông Lương Văn Tám, thôn Phú Sen, "
              "xã An Hiệp",
    signer="Võ Thị Kim Oanh", issuer="Phòng Tài nguyên và Môi trường huyện Tuy An", keywords="xác minh; Lương Văn Tám",
    to_so="01", ghost=10,
    blocks=[
        T("BIÊN BẢN"),
        S("Xác minh hiện trạng, nguồn gốc và thời điểm sử dụng đất"),
        P("Hôm nay, vào lúc {9} giờ {00} phút, ngày {12} tháng {3} năm 20{18}, tại thôn Phú Sen, xã An Hiệp, "
          "huyện Tuy An, tỉnh Phú Yên, chúng tôi gồm:"),
        P("Bà Võ Thị Kim Oanh, Trưởng phòng Tài nguyên và Môi trường huyện;"),
        P("Ông Đặng Văn Sơn, công chức địa chính - xây dựng xã An Hiệp;"),
        P("Ông Lương Văn Tám, sinh năm 1962, CMND số {221087345}, người sử dụng đất."),
        P("Đã tiến hành xác minh thửa đất số {86}, tờ bản đồ số {12}, diện tích {1.048,5} m² (trong đó đất ở "
          "{200} m², đất trồng cây hằng năm khác {848,5} m²), kết quả như sau:"),
        P("1. Hiện trạng: trên đất có 01 nhà ở cấp 4 diện tích {96} m² và công trình phụ; ranh giới thửa đất rõ "
          "ràng, không có tranh chấp với các hộ liền kề."),
        P("2. Nguồn gốc: đất do cha mẹ để lại, sử dụng ổn định, liên tục từ năm 1985, trước ngày 15/10/1993; "
          "phù hợp với quy hoạch sử dụng đất của xã An Hiệp."),
        P("Biên bản lập thành 03 bản, đã đọc lại cho những người có mặt cùng nghe và thống nhất ký tên./."),
        sign_both(ky(["NGƯỜI SỬ DỤNG ĐẤT"], "Lương Văn Tám"), ky(["TRƯỞNG PHÒNG"], "Võ Thị Kim Oanh")),
    ])
doc(SF, 2, "Tờ trình", "215", "TTr-TNMT", (2, 4, 2018), TA, ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
    parent=["UBND HUYỆN TUY AN"], id_style="short",
    trich_yeu="Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
              "liền với đất cho 02 hộ gia đình tại xã An Hiệp",
    signer="Võ Thị Kim Oanh", issuer="Phòng Tài nguyên và Môi trường huyện Tuy An", keywords="tờ trình cấp giấy",
    to_so="02", layers={1: "poor"},
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
          "đất cho 02 hộ gia đình tại xã An Hiệp"),
        KG("Ủy ban nhân dân huyện Tuy An."),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
          "điều của Luật Đất đai;"),
        I("Căn cứ Thông tư số 24/2014/TT-BTNMT ngày 19/5/2014 của Bộ Tài nguyên và Môi trường quy định về hồ sơ "
          "địa chính;"),
        P("Sau khi thẩm tra hồ sơ do Chi nhánh Văn phòng Đăng ký đất đai huyện chuyển đến, Phòng Tài nguyên và "
          "Môi trường kính trình Ủy ban nhân dân huyện xem xét cấp giấy chứng nhận cho các hộ sau:"),
        P("1. Hộ ông Lương Văn Tám, CMND số 221087345, thôn Phú Sen, xã An Hiệp: thửa đất số 86, tờ bản đồ số "
          "12, diện tích 1.048,5 m² (đất ở 200,0 m², đất trồng cây hằng năm khác 848,5 m²)."),
        P("2. Hộ bà Nguyễn Thị Bích, CMND số 221345098, thôn Phú Sen, xã An Hiệp: thửa đất số 91, tờ bản đồ số "
          "12, diện tích 612,0 m² đất trồng lúa."),
        P("Các thửa đất trên sử dụng ổn định từ trước ngày 15/10/1993, không có tranh chấp, phù hợp quy hoạch; "
          "người sử dụng đất đã được niêm yết công khai kết quả kiểm tra hồ sơ tại Ủy ban nhân dân xã An Hiệp "
          "từ ngày 15/3/2018 đến ngày 29/3/2018 và không có ý kiến phản ánh."),
        P("Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem xét, quyết định./."),
        sign(noi_nhan("- Như trên;", "- CN VPĐKĐĐ huyện;", "- Lưu: VT, TNMT."), ky(["TRƯỞNG PHÒNG"], "Võ Thị Kim Oanh"),
             SEAL_TNMT_TA),
    ])
doc(SF, 3, "Quyết định", "1890", "QĐ-UBND", (10, 4, 2018), TA, H_TA, id_style="short",
    trich_yeu="Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
              "cho hộ gia đình tại xã An Hiệp",
    signer="Huỳnh Văn Lộc", issuer="UBND huyện Tuy An", keywords="quyết định cấp giấy chứng nhận", to_so="04",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho "
          "hộ gia đình tại xã An Hiệp"),
        C("ỦY BAN NHÂN DÂN HUYỆN TUY AN"),
        I("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        I("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;"),
        I("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
          "điều của Luật Đất đai;"),
        I("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số 215/TTr-TNMT ngày 02/4/2018,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất "
          "cho 02 hộ gia đình tại xã An Hiệp, huyện Tuy An, gồm:"),
        P("1. Hộ ông Lương Văn Tám: thửa đất số 86, tờ bản đồ số 12, diện tích 1.048,5 m²; giấy chứng nhận số "
          "phát hành CK 482915."),
        P("2. Hộ bà Nguyễn Thị Bích: thửa đất số 91, tờ bản đồ số 12, diện tích 612,0 m²; giấy chứng nhận số "
          "phát hành CK 482916."),
        A("Điều 2.", "Giao Chi nhánh Văn phòng Đăng ký đất đai huyện vào sổ cấp giấy chứng nhận, cập nhật, chỉnh "
          "lý hồ sơ địa chính và trao giấy chứng nhận cho người được cấp sau khi đã hoàn thành nghĩa vụ tài "
          "chính theo quy định."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên và Môi "
          "trường, Giám đốc Chi nhánh Văn phòng Đăng ký đất đai huyện, Chủ tịch Ủy ban nhân dân xã An Hiệp và "
          "các hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 3;", "- Chi cục Thuế huyện;", "- Lưu: VT, TNMT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Huỳnh Văn Lộc"), SEAL_TA),
    ])
doc(SF, 4, "Thông báo", "77", "TB-UBND", (20, 4, 2018), TA, H_TA, id_style="short",
    trich_yeu="Thông báo kết quả cấp giấy chứng nhận quyền sử dụng đất tại xã An Hiệp",
    signer="Trần Văn Dũng", issuer="UBND huyện Tuy An", keywords="thông báo", to_so="06", access="Công khai",
    blocks=[
        T("THÔNG BÁO"),
        S("Kết quả cấp giấy chứng nhận quyền sử dụng đất tại xã An Hiệp"),
        P("Ngày 10/4/2018, Ủy ban nhân dân huyện Tuy An đã ban hành Quyết định số 1890/QĐ-UBND về việc cấp giấy "
          "chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho 02 hộ gia đình "
          "tại xã An Hiệp, gồm hộ ông Lương Văn Tám và hộ bà Nguyễn Thị Bích, thôn Phú Sen."),
        P("Ủy ban nhân dân huyện đề nghị các hộ gia đình liên hệ Chi nhánh Văn phòng Đăng ký đất đai huyện để "
          "nhận giấy chứng nhận sau khi hoàn thành nghĩa vụ tài chính; Ủy ban nhân dân xã An Hiệp niêm yết công "
          "khai thông báo này tại trụ sở xã và nhà văn hóa thôn Phú Sen./."),
        sign(noi_nhan("- Các hộ có tên;", "- UBND xã An Hiệp;", "- Lưu: VT."),
             ky(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "Trần Văn Dũng"), SEAL_TA),
    ])


