"""The sample records: two district fonds (Krông Pắc, Đắk Lắk; Tuy An, Phú Yên) handed over in the
2025 reorganisation. Fictional people and numbers, real formats (NĐ 30/2020 layout, TT 05/2025 ids).

FILES: one dict per hồ sơ (ho_so.csv). DOCS: one dict per văn bản (tai_lieu.csv + page content).
"""

# ---- block helpers ----------------------------------------------------------------------------


def P(text, **o):
    return ("para", [(text, "r")], o)


def I(text, **o):
    return ("para", [(text, "i")], o)


def A(lead, text, **o):
    return ("para", [(lead, "b"), (text, "r")], o)


def B(text, **o):
    return ("para", [(text, "b")], o)


def C(text, style="b", pt=14):
    return ("center", text, style, pt)


def T(text):
    return ("title", text)


def S(text):
    return ("subject", text)


def KG(text):
    """Kính gửi line, centred."""
    return ("para", [("Kính gửi:", "r"), (text, "r")], {"indent": False, "justify": False, "after": 10,
                                                        "centre": True})


def noi_nhan(*items):
    return [("Nơi nhận:", "bi", 12)] + [(x, "r", 11) for x in items]


def ky(lines, name):
    return [(l, "b", 13) for l in lines] + [None, (name, "b", 14)]


def sign(left, right, seal=None, signed=True):
    return ("sign", left, right, {"seal": bool(seal), "seal_text": seal or "", "signed": signed})


# ---- dates ------------------------------------------------------------------------------------


def date_text(place, d, m, y):
    """'Krông Pắc, ngày 05 tháng 02 năm 2012': day < 10 and months 1-2 take a leading zero."""
    dd = "%02d" % d
    mm = "%02d" % m if m <= 2 else str(m)
    return "%s, ngày %s tháng %s năm %d" % (place, dd, mm, y)


# ---- headings ---------------------------------------------------------------------------------

KP = "Krông Pắc"
TA = "Tuy An"
H_UBND_KP = ["ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG PẮC"]
H_UBND_TA = ["ỦY BAN NHÂN DÂN", "HUYỆN TUY AN"]
SEAL_KP = "ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC * T. ĐẮK LẮK *"
SEAL_TA = "ỦY BAN NHÂN DÂN HUYỆN TUY AN * T. PHÚ YÊN *"
SEAL_TNMT_KP = "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG * H. KRÔNG PẮC *"
SEAL_TNMT_TA = "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG * H. TUY AN *"

CC_2003 = [
    "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
]
CC_DAT_2003 = [
    "Căn cứ Luật Đất đai ngày 26 tháng 11 năm 2003;",
    "Căn cứ Nghị định số 181/2004/NĐ-CP ngày 29/10/2004 của Chính phủ về thi hành Luật Đất đai;",
    "Căn cứ Nghị định số 69/2009/NĐ-CP ngày 13/8/2009 của Chính phủ quy định bổ sung về quy hoạch sử "
    "dụng đất, giá đất, thu hồi đất, bồi thường, hỗ trợ và tái định cư;",
]
CC_2015 = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
]
CC_DAT_2013 = [
    "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;",
    "Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số "
    "điều của Luật Đất đai;",
]
CC_KN = [
    "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;",
    "Căn cứ Nghị định số 75/2012/NĐ-CP ngày 03/10/2012 của Chính phủ quy định chi tiết một số điều "
    "của Luật Khiếu nại;",
]


def qd_thu_hoi(place, body, era, ho, so_to_trinh, du_an, giao_xa, ban_qlda, sign_name, seal):
    """Quyết định thu hồi đất of one household (two pages)."""
    cc = (CC_2003 + CC_DAT_2003) if era == 2003 else (CC_2015 + CC_DAT_2013)
    xa = ho["xa"]
    blocks = [
        T("QUYẾT ĐỊNH"),
        S("Về việc thu hồi đất của %s tại xã %s để thực hiện dự án %s" % (ho["ten"], xa, du_an)),
        C("ỦY BAN NHÂN DÂN HUYỆN %s" % place.upper()),
    ]
    blocks += [I(c) for c in cc]
    blocks += [
        I("Căn cứ Quyết định số %s của Ủy ban nhân dân tỉnh %s về việc phê duyệt dự án %s;"
          % (ho["qd_tinh"], ho["tinh"], du_an)),
        I("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số %s," % so_to_trinh),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Thu hồi %s m² đất %s của %s, %s, trú tại %s, xã %s, huyện %s, tỉnh %s, tại thửa "
          "đất số %s, tờ bản đồ số %s, để thực hiện dự án %s."
          % (ho["dt"], ho["loai_dat"], ho["ten"], ho["giay_to"], ho["dia_chi"], xa, place, ho["tinh"],
             ho["thua"], ho["to"], du_an)),
        P("Vị trí, ranh giới khu đất thu hồi được xác định theo trích đo địa chính khu đất tỷ lệ 1/1000 "
          "do Văn phòng Đăng ký quyền sử dụng đất huyện %s lập ngày %s." % (place, ho["trich_do"])),
        A("Điều 2.", "Giao nhiệm vụ cho các cơ quan, đơn vị sau đây tổ chức thực hiện quyết định này:"),
        P("1. Ủy ban nhân dân xã %s có trách nhiệm giao quyết định này cho %s; trường hợp %s không nhận "
          "quyết định thì lập biên bản; niêm yết công khai quyết định này tại trụ sở Ủy ban nhân dân xã "
          "và tại điểm sinh hoạt chung của khu dân cư nơi có đất thu hồi." % (giao_xa, ho["ten"], ho["ten"])),
        P("2. Phòng Tài nguyên và Môi trường có trách nhiệm chỉnh lý hồ sơ địa chính, cập nhật biến động "
          "vào sổ địa chính theo quy định."),
        P("3. Hội đồng bồi thường, hỗ trợ và tái định cư huyện có trách nhiệm lập phương án bồi thường, "
          "hỗ trợ trình cấp có thẩm quyền phê duyệt; tổ chức chi trả tiền bồi thường, hỗ trợ và bàn "
          "giao mặt bằng cho chủ đầu tư theo đúng tiến độ của dự án."),
        P("4. %s có trách nhiệm nhận bàn giao mặt bằng và quản lý chặt chẽ diện tích đất đã thu hồi, "
          "không để lấn chiếm, tái sử dụng trái phép." % ban_qlda),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên "
          "và Môi trường, Chủ tịch Hội đồng bồi thường, hỗ trợ và tái định cư huyện, Chủ tịch Ủy ban "
          "nhân dân xã %s, Thủ trưởng các cơ quan, đơn vị có liên quan và %s chịu trách nhiệm thi hành "
          "quyết định này kể từ ngày ký./." % (xa, ho["ten"])),
        sign(noi_nhan("- Như Điều 3;", "- UBND tỉnh (b/c);", "- Sở TN&MT tỉnh;",
                      "- CT, các PCT UBND huyện;", "- Lưu: VT, TNMT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], sign_name), seal),
    ]
    return blocks


# ---- the households of the land files ----------------------------------------------------------

DA_TL10 = "nâng cấp, mở rộng Tỉnh lộ 10 đoạn qua xã Ea Kly"
DA_TDC = "xây dựng Khu tái định cư thôn Phú Quý, xã An Chấn"

HO_HUNG_KP = dict(ten="hộ ông Nguyễn Văn Hùng", giay_to="CMND số 240612345", dia_chi="thôn 4",
                  xa="Ea Kly", tinh="Đắk Lắk", dt="245,6", loai_dat="trồng cây lâu năm", thua="305",
                  to="80", trich_do="05/01/2012", qd_tinh="2745/QĐ-UBND ngày 20/10/2011")
HO_HHEN = dict(ten="hộ bà H'Hen Niê", giay_to="CMND số 241034567", dia_chi="buôn Ea Kly",
               xa="Ea Kly", tinh="Đắk Lắk", dt="412,0", loai_dat="ở và đất trồng cây hằng năm",
               thua="118", to="80", trich_do="05/01/2012", qd_tinh="2745/QĐ-UBND ngày 20/10/2011")
HO_HUNG_TA = dict(ten="hộ ông Nguyễn Văn Hùng", giay_to="CMND số 221045678", dia_chi="thôn Phú Quý",
                  xa="An Chấn", tinh="Phú Yên", dt="356,8", loai_dat="trồng lúa", thua="112", to="15",
                  trich_do="24/8/2012", qd_tinh="1532/QĐ-UBND ngày 06/7/2012")
HO_HOA_TA = dict(ten="hộ bà Trần Thị Hoa", giay_to="CMND số 221234987", dia_chi="thôn Phú Quý",
                 xa="An Chấn", tinh="Phú Yên", dt="298,4", loai_dat="trồng lúa", thua="113", to="15",
                 trich_do="24/8/2012", qd_tinh="1532/QĐ-UBND ngày 06/7/2012")

# ---- files (hồ sơ) -----------------------------------------------------------------------------

PHONG_KP = "UBND huyện Krông Pắc"
PHONG_TA = "UBND huyện Tuy An"

FILES = [
    dict(id="H49.64.33.2012.015", phong=PHONG_KP,
         title="Hồ sơ thu hồi đất, bồi thường, hỗ trợ thực hiện dự án nâng cấp, mở rộng Tỉnh lộ 10 đoạn "
               "qua xã Ea Kly, huyện Krông Pắc",
         han="01", access="Công khai", start="10/02/2012", end="05/03/2012", tinh_trang="Bình thường",
         keywords="thu hồi đất; bồi thường; Tỉnh lộ 10; Ea Kly", goc="KP.2012.015",
         note=""),
    dict(id="H49.64.33.2013.022", phong=PHONG_KP,
         title="Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân tại xã Hòa An, "
               "huyện Krông Pắc năm 2013",
         han="Vĩnh viễn", access="Sử dụng có điều kiện", start="20/05/2013", end="28/05/2013",
         tinh_trang="Tốt", keywords="giấy chứng nhận; GCNQSDĐ; Hòa An", goc="KP.2013.022", note=""),
    dict(id="H49.64.33.2014.041", phong=PHONG_KP,
         title="Hồ sơ giải quyết khiếu nại của ông Y Bih Niê, trú tại buôn Ea Kly, xã Ea Kly về bồi thường "
               "khi thu hồi đất",
         han="03", access="Sử dụng có điều kiện", start="10/03/2014", end="15/04/2014",
         tinh_trang="Bình thường", keywords="khiếu nại; tiếp công dân; bồi thường", goc="KP.2014.041",
         note=""),
    dict(id="H49.64.33.2016.003", phong=PHONG_KP,
         title="Hồ sơ bổ nhiệm, nâng bậc lương cán bộ, công chức năm 2016",
         han="70 năm", access="Sử dụng có điều kiện", start="18/01/2016", end="30/06/2016",
         tinh_trang="Tốt", keywords="bổ nhiệm; nâng lương; cán bộ", goc="KP.2016.003", note=""),
    dict(id="H49.64.33.1998.010", phong=PHONG_KP,
         title="Tập báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh năm 1998",
         han="01", access="Công khai", start="1998", end="12/1998", tinh_trang="Hỏng",
         keywords="báo cáo; kinh tế - xã hội; 1998", goc="KP.1998.010",
         note='Giấy "pơ-luya" mỏng, ố vàng, một số trang rách mép'),
    dict(id="H54.55.12.2012.031", phong=PHONG_TA,
         title="Hồ sơ thu hồi đất, bồi thường, giải phóng mặt bằng xây dựng Khu tái định cư thôn Phú Quý, "
               "xã An Chấn, huyện Tuy An",
         han="Vĩnh viễn", access="Công khai", start="20/09/2012", end="10/10/2012",
         tinh_trang="Bình thường", keywords="thu hồi đất; tái định cư; An Chấn", goc="TA.2012.031",
         note=""),
    dict(id="H54.55.12.2017.008", phong=PHONG_TA,
         title="Hồ sơ tiếp công dân, giải quyết khiếu nại, tố cáo năm 2017",
         han="06", access="02", start="14/03/2017", end="15/12/2017", tinh_trang="Tốt",
         keywords="tiếp công dân; khiếu nại, tố cáo; KNTC", goc="TA.2017.008", note=""),
    dict(id="H54.55.12.2019.014", phong=PHONG_TA,
         title="Hồ sơ cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
               "với đất tại xã An Mỹ năm 2019",
         han="01", access="Công khai", start="05/08/2019", end="12/08/2019", tinh_trang="Tốt",
         keywords="giấy chứng nhận; An Mỹ", goc="TA.2019.014", note=""),
    dict(id="H54.55.12.2020.005", phong=PHONG_TA,
         title="Hồ sơ về công tác bảo vệ bí mật nhà nước, bảo đảm an ninh, trật tự năm 2020",
         han="Vĩnh viễn", access="Mật", start="15/03/2020", end="20/11/2020", tinh_trang="Tốt",
         keywords="bí mật nhà nước; an ninh", goc="TA.2020.005",
         note="Tài liệu mật, số hóa theo Công văn 1479/BCA-ANCTNB, lưu trên máy không nối mạng"),
    dict(id="H49.64.33.2025.002", phong=PHONG_KP,
         title="Hồ sơ giao nộp tài liệu lưu trữ khi kết thúc hoạt động của chính quyền địa phương cấp "
               "huyện năm 2025",
         han="01", access="Công khai", start="20/06/2025", end="27/06/2025", tinh_trang="Tốt",
         keywords="lưu trữ; giao nộp; số hóa; sắp xếp đơn vị hành chính", goc="KP.2025.002", note=""),
]


def _d(dmy):
    d, m, y = (int(x) for x in dmy.split("/"))
    return d, m, y


DOCS = []


def doc(file, stt, kind, so, kyhieu, date, place, heading_body, trich_yeu, signer, issuer, blocks,
        fmt="pdf", access="", xa="", note="", parent=None, heading_date=None, secret=False,
        upside_down=(), seal_pages=None):
    if heading_date is None:
        heading_date = date_text(place, *_d(date))
    so_line = ("Số: %s/%s" % (so, kyhieu)) if so else ("Số:      /%s" % kyhieu if kyhieu else None)
    DOCS.append(dict(
        file=file, stt=stt, id="%s.%d" % (file, stt), kind=kind, so=so, kyhieu=kyhieu, date=date,
        issuer=issuer, trich_yeu=trich_yeu, signer=signer, access=access, fmt=fmt, xa=xa, note=note,
        secret=secret, upside_down=set(upside_down),
        heading=dict(parent=parent or [], body=heading_body, so=so_line, date=heading_date),
        blocks=blocks))


# ================================================================================================
# H49.64.33.2012.015 — thu hồi đất Tỉnh lộ 10, Ea Kly
# ================================================================================================
F = "H49.64.33.2012.015"
doc(F, 1, "Tờ trình", "325", "TTr-TNMT", "10/02/2012", KP,
    ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"], parent=["UBND HUYỆN KRÔNG PẮC"],
    trich_yeu="Về việc đề nghị thu hồi đất của các hộ gia đình, cá nhân tại xã Ea Kly để thực hiện dự án "
              "nâng cấp, mở rộng Tỉnh lộ 10",
    signer="Trần Thị Hoa", issuer="Phòng Tài nguyên và Môi trường huyện Krông Pắc", xa="Ea Kly",
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị thu hồi đất của các hộ gia đình, cá nhân tại xã Ea Kly để thực hiện dự án "
          "nâng cấp, mở rộng Tỉnh lộ 10"),
        KG("Ủy ban nhân dân huyện Krông Pắc."),
        I("Căn cứ Luật Đất đai ngày 26 tháng 11 năm 2003;"),
        I("Căn cứ Nghị định số 69/2009/NĐ-CP ngày 13/8/2009 của Chính phủ quy định bổ sung về quy hoạch "
          "sử dụng đất, giá đất, thu hồi đất, bồi thường, hỗ trợ và tái định cư;"),
        I("Căn cứ Quyết định số 2745/QĐ-UBND ngày 20/10/2011 của Ủy ban nhân dân tỉnh Đắk Lắk về việc "
          "phê duyệt dự án nâng cấp, mở rộng Tỉnh lộ 10 đoạn qua huyện Krông Pắc;"),
        P("Căn cứ hồ sơ địa chính và kết quả kiểm đếm của Hội đồng bồi thường, hỗ trợ và tái định cư "
          "huyện, Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem xét, quyết định thu "
          "hồi đất của các hộ gia đình, cá nhân tại xã Ea Kly để thực hiện dự án, cụ thể như sau:"),
        P("1. Hộ ông Nguyễn Văn Hùng, sinh năm 1965, CMND số 240612345, trú tại thôn 4, xã Ea Kly: thu "
          "hồi 245,6 m² đất trồng cây lâu năm tại thửa đất số 305, tờ bản đồ số 80."),
        P("2. Hộ bà H'Hen Niê, sinh năm 1971, CMND số 241034567, trú tại buôn Ea Kly, xã Ea Kly: thu hồi "
          "412,0 m² đất ở và đất trồng cây hằng năm tại thửa đất số 118, tờ bản đồ số 80."),
        P("3. Hộ ông Lê Văn Hòa, sinh năm 1958, CMND số 240298765, trú tại thôn 3, xã Ea Kly: thu hồi "
          "180,3 m² đất trồng cây lâu năm tại thửa đất số 57, tờ bản đồ số 81."),
        P("Tổng diện tích đất thu hồi là 837,9 m², thuộc địa giới hành chính xã Ea Kly, huyện Krông Pắc, "
          "tỉnh Đắk Lắk. Vị trí, ranh giới khu đất được xác định theo trích đo địa chính khu đất tỷ lệ "
          "1/1000 do Văn phòng Đăng ký quyền sử dụng đất huyện lập ngày 05/01/2012."),
        P("Các hộ gia đình nêu trên đã được thông báo thu hồi đất theo quy định; Ủy ban nhân dân xã Ea Kly "
          "đã xác nhận nguồn gốc, thời điểm sử dụng đất. Đất không có tranh chấp, khiếu nại."),
        P("Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem xét, ban hành quyết định "
          "thu hồi đất đối với từng hộ gia đình, cá nhân theo quy định./."),
        sign(noi_nhan("- Như trên;", "- Hội đồng BT, HT và TĐC huyện;", "- UBND xã Ea Kly;",
                      "- Lưu: VT, TNMT."),
             ky(["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"], "Trần Thị Hoa"), SEAL_TNMT_KP),
    ])
doc(F, 2, "Quyết định", "1605", "QĐ-UBND", "15/02/2012", KP, H_UBND_KP,
    trich_yeu="Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng tại xã Ea Kly để thực hiện dự án nâng cấp, "
              "mở rộng Tỉnh lộ 10 (thửa đất số 305, tờ bản đồ số 80)",
    signer="Nguyễn Văn Hưng", issuer="UBND huyện Krông Pắc", xa="Ea Kly",
    note='Bản chính, có dấu "Đã kiểm tra" của Phòng TNMT',
    blocks=qd_thu_hoi(KP, H_UBND_KP, 2003, HO_HUNG_KP, "325/TTr-TNMT ngày 10/02/2012", DA_TL10, "Ea Kly",
                      "Ban Quản lý dự án Tỉnh lộ 10", "Nguyễn Văn Hưng", SEAL_KP))
doc(F, 3, "Quyết định", "1606", "QĐ-UBND", "15/02/2012", KP, H_UBND_KP,
    trich_yeu="Về việc thu hồi đất của hộ bà H'Hen Niê tại xã Ea Kly để thực hiện dự án nâng cấp, mở rộng "
              "Tỉnh lộ 10",
    signer="Nguyễn Văn Hưng", issuer="UBND huyện Krông Pắc", xa="Ea Kly", fmt="tiff-g4",
    note="Bản fax lưu tại Phòng TNMT",
    blocks=qd_thu_hoi(KP, H_UBND_KP, 2003, HO_HHEN, "325/TTr-TNMT ngày 10/02/2012", DA_TL10, "Ea Kly",
                      "Ban Quản lý dự án Tỉnh lộ 10", "Nguyễn Văn Hưng", SEAL_KP))
doc(F, 4, "Quyết định", "1720", "QĐ-UBND", "05/03/2012", KP, H_UBND_KP,
    trich_yeu="Về việc phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để thực hiện dự án "
              "nâng cấp, mở rộng Tỉnh lộ 10 đoạn qua xã Ea Kly",
    signer="Nguyễn Văn Hưng", issuer="UBND huyện Krông Pắc", xa="Ea Kly", upside_down=(2,),
    note="Trang 2 quét ngược",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để thực hiện dự án "
          "nâng cấp, mở rộng Tỉnh lộ 10 đoạn qua xã Ea Kly"),
        C("ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
    ] + [I(c) for c in CC_2003 + CC_DAT_2003[:1]] + [
        I("Căn cứ Quyết định số 45/2011/QĐ-UBND ngày 22/12/2011 của Ủy ban nhân dân tỉnh Đắk Lắk ban hành "
          "bảng giá các loại đất năm 2012 trên địa bàn tỉnh;"),
        I("Căn cứ các Quyết định số 1605/QĐ-UBND, 1606/QĐ-UBND và 1607/QĐ-UBND ngày 15/02/2012 của Ủy "
          "ban nhân dân huyện về việc thu hồi đất tại xã Ea Kly;"),
        I("Xét đề nghị của Hội đồng bồi thường, hỗ trợ và tái định cư huyện tại Tờ trình số 18/TTr-HĐBT "
          "ngày 28/02/2012,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất để thực hiện dự án "
          "nâng cấp, mở rộng Tỉnh lộ 10 đoạn qua xã Ea Kly cho 03 hộ gia đình, cụ thể như sau:"),
        P("1. Hộ ông Nguyễn Văn Hùng, thôn 4: bồi thường về đất 245,6 m² x 45.000 đồng/m² = 11.052.000 "
          "đồng; bồi thường cây trồng 32 cây cà phê x 350.000 đồng/cây = 11.200.000 đồng. Cộng: "
          "22.252.000 đồng."),
        P("2. Hộ bà H'Hen Niê, buôn Ea Kly: bồi thường đất ở 100,0 m² x 350.000 đồng/m² = 35.000.000 "
          "đồng; đất trồng cây hằng năm 312,0 m² x 40.000 đồng/m² = 12.480.000 đồng. Cộng: 47.480.000 "
          "đồng."),
        P("3. Hộ ông Lê Văn Hòa, thôn 3: bồi thường về đất 180,3 m² x 45.000 đồng/m² = 8.113.500 đồng; "
          "15 cây cà phê x 350.000 đồng/cây = 5.250.000 đồng; 04 cây sầu riêng x 1.200.000 đồng/cây = "
          "4.800.000 đồng. Cộng: 18.163.500 đồng."),
        P("Tổng kinh phí bồi thường, hỗ trợ là 87.895.500 đồng (Bằng chữ: Tám mươi bảy triệu, tám trăm "
          "chín mươi lăm nghìn, năm trăm đồng), từ nguồn vốn của dự án."),
        A("Điều 2.", "Hội đồng bồi thường, hỗ trợ và tái định cư huyện phối hợp với Ủy ban nhân dân xã Ea "
          "Kly niêm yết công khai phương án tại trụ sở xã, tổ chức chi trả cho các hộ trong thời hạn 30 "
          "ngày kể từ ngày quyết định có hiệu lực; các hộ có trách nhiệm bàn giao mặt bằng trong thời "
          "hạn 20 ngày kể từ ngày nhận đủ tiền bồi thường, hỗ trợ."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài chính - "
          "Kế hoạch, Trưởng phòng Tài nguyên và Môi trường, Chủ tịch Hội đồng bồi thường, hỗ trợ và tái "
          "định cư huyện, Chủ tịch Ủy ban nhân dân xã Ea Kly và các hộ gia đình có tên tại Điều 1 chịu "
          "trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 3;", "- Kho bạc Nhà nước huyện;", "- CT, các PCT UBND huyện;",
                      "- Lưu: VT, TNMT, TCKH."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn Hưng"), SEAL_KP),
    ])

# ================================================================================================
# H49.64.33.2013.022 — cấp GCN, Hòa An
# ================================================================================================
F = "H49.64.33.2013.022"
doc(F, 1, "Tờ trình", "412", "TTr-TNMT", "20/05/2013", KP,
    ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"], parent=["UBND HUYỆN KRÔNG PẮC"], fmt="jpeg-dir",
    trich_yeu="Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác "
              "gắn liền với đất cho 03 hộ gia đình, cá nhân tại xã Hòa An",
    signer="Đỗ Văn Minh", issuer="Phòng Tài nguyên và Môi trường huyện Krông Pắc", xa="Hòa An",
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
          "liền với đất cho 03 hộ gia đình, cá nhân tại xã Hòa An"),
        KG("Ủy ban nhân dân huyện Krông Pắc."),
        P("Căn cứ hồ sơ đề nghị cấp giấy chứng nhận do Văn phòng Đăng ký quyền sử dụng đất huyện chuyển "
          "đến và kết quả thẩm định, Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem "
          "xét cấp giấy chứng nhận cho các hộ gia đình, cá nhân sau:"),
        P("1. Ông Nguyễn Văn Hưng, sinh năm 1970, CMND số 240845612, thôn 1, xã Hòa An: thửa đất số 96, "
          "tờ bản đồ số 22, diện tích 1.250,0 m² (đất ở 200,0 m², đất trồng cây lâu năm 1.050,0 m²)."),
        P("2. Bà Trần Thị Hoa, sinh năm 1975, CMND số 241156789, thôn 2, xã Hòa An: thửa đất số 143, tờ "
          "bản đồ số 22, diện tích 860,5 m² đất trồng cây lâu năm."),
        P("3. Ông Y Bih Niê, sinh năm 1980, CMND số 241367890, buôn Ea Nao, xã Hòa An: thửa đất số 17, tờ "
          "bản đồ số 23, diện tích 2.015,0 m² đất trồng cây lâu năm."),
        P("Các thửa đất trên được sử dụng ổn định từ trước ngày 15/10/1993, phù hợp quy hoạch, không có "
          "tranh chấp; người sử dụng đất đã thực hiện nghĩa vụ tài chính theo quy định./."),
        sign(noi_nhan("- Như trên;", "- VP ĐKQSDĐ huyện;", "- Lưu: VT, TNMT."),
             ky(["TRƯỞNG PHÒNG"], "Đỗ Văn Minh"), SEAL_TNMT_KP),
    ])
doc(F, 2, "Quyết định", "2150", "QĐ-UBND", "28/05/2013", KP, H_UBND_KP,
    trich_yeu="Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
              "với đất cho hộ gia đình, cá nhân tại xã Hòa An",
    signer="Nguyễn Văn Hưng", issuer="UBND huyện Krông Pắc", xa="Hòa An",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
          "đất cho hộ gia đình, cá nhân tại xã Hòa An"),
        C("ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
    ] + [I(c) for c in CC_2003 + CC_DAT_2003[:2]] + [
        I("Căn cứ Nghị định số 88/2009/NĐ-CP ngày 19/10/2009 của Chính phủ về cấp giấy chứng nhận quyền "
          "sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất;"),
        I("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số 412/TTr-TNMT ngày "
          "20/5/2013,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
          "với đất cho 03 hộ gia đình, cá nhân tại xã Hòa An, huyện Krông Pắc, gồm:"),
        P("1. Ông Nguyễn Văn Hưng, CMND số 240845612: thửa đất số 96, tờ bản đồ số 22, diện tích "
          "1.250,0 m²; giấy chứng nhận số phát hành BK 123456."),
        P("2. Bà Trần Thị Hoa, CMND số 241156789: thửa đất số 143, tờ bản đồ số 22, diện tích 860,5 m²; "
          "giấy chứng nhận số phát hành BK 123457."),
        P("3. Ông Y Bih Niê, CMND số 241367890: thửa đất số 17, tờ bản đồ số 23, diện tích 2.015,0 m²; "
          "giấy chứng nhận số phát hành BK 123458."),
        P("(Có danh sách chi tiết kèm theo)", indent=False, justify=False),
        A("Điều 2.", "Giao Văn phòng Đăng ký quyền sử dụng đất huyện vào sổ cấp giấy chứng nhận, chỉnh lý "
          "hồ sơ địa chính và trao giấy chứng nhận cho người được cấp sau khi người sử dụng đất đã hoàn "
          "thành nghĩa vụ tài chính theo quy định."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên "
          "và Môi trường, Giám đốc Văn phòng Đăng ký quyền sử dụng đất huyện, Chủ tịch Ủy ban nhân dân xã "
          "Hòa An và các hộ gia đình, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành quyết định "
          "này./."),
        sign(noi_nhan("- Như Điều 3;", "- Chi cục Thuế huyện;", "- Lưu: VT, TNMT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn Hưng"), SEAL_KP),
    ])

# ================================================================================================
# H49.64.33.2014.041 — khiếu nại của ông Y Bih Niê
# ================================================================================================
F = "H49.64.33.2014.041"
doc(F, 1, "Biên bản", "", "BB-TCD", "10/03/2014", KP,
    ["BAN TIẾP CÔNG DÂN"], parent=["UBND HUYỆN KRÔNG PẮC"], fmt="jpeg-dir",
    trich_yeu="Biên bản tiếp công dân: ông Y Bih Niê, buôn Ea Kly, xã Ea Kly khiếu nại về bồi thường cây "
              "trồng khi thu hồi đất",
    signer="Lê Văn Hòa", issuer="Ban Tiếp công dân huyện Krông Pắc", xa="Ea Kly",
    blocks=[
        T("BIÊN BẢN"),
        S("Tiếp công dân"),
        P("Vào hồi 8 giờ 30 phút, ngày 10 tháng 3 năm 2014, tại Trụ sở Tiếp công dân huyện Krông Pắc, "
          "chúng tôi gồm:"),
        B("1. Người tiếp công dân:"),
        P("Ông Lê Văn Hòa, Phó Trưởng Ban Tiếp công dân huyện Krông Pắc."),
        P("Ông Phạm Quốc Việt, chuyên viên Thanh tra huyện."),
        B("2. Công dân đến trình bày:"),
        P("Ông Y Bih Niê, sinh năm 1962, dân tộc Ê Đê, CMND số 241234567 do Công an tỉnh Đắk Lắk cấp ngày "
          "12/6/2008; nơi cư trú: buôn Ea Kly, xã Ea Kly, huyện Krông Pắc."),
        P("Người phiên dịch: bà H'Hen Niê, cán bộ văn hóa - xã hội Ủy ban nhân dân xã Ea Kly."),
        B("3. Nội dung trình bày của công dân:"),
        P("Gia đình ông Y Bih Niê sử dụng thửa đất số 121, tờ bản đồ số 80, diện tích 1.540,0 m², trồng "
          "cà phê từ năm 1995. Theo Quyết định số 1612/QĐ-UBND ngày 15/02/2012 của Ủy ban nhân dân huyện, "
          "Nhà nước thu hồi 260,0 m² của thửa đất này để thực hiện dự án nâng cấp, mở rộng Tỉnh lộ 10."),
        P("Ông Y Bih Niê không đồng ý với phương án bồi thường, vì biên bản kiểm đếm chỉ ghi 20 cây cà "
          "phê, trong khi trên phần đất bị thu hồi có 28 cây đang cho thu hoạch và 01 giếng đào chưa được "
          "kiểm đếm. Ông đề nghị Ủy ban nhân dân huyện kiểm tra lại và bồi thường bổ sung cho gia đình."),
        P("Công dân nộp kèm: 01 đơn khiếu nại đề ngày 05/3/2014; 01 bản sao biên bản kiểm đếm ngày "
          "10/01/2012; 01 bản sao thông báo chi trả tiền bồi thường."),
        B("4. Ý kiến của người tiếp công dân:"),
        P("Đơn của ông Y Bih Niê thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân huyện. Ban Tiếp "
          "công dân tiếp nhận đơn và tài liệu, báo cáo Chủ tịch Ủy ban nhân dân huyện giao cơ quan chuyên "
          "môn xác minh, trả lời công dân theo quy định của Luật Khiếu nại."),
        P("Biên bản kết thúc vào hồi 10 giờ 15 phút cùng ngày, đã đọc lại cho công dân nghe qua người phiên "
          "dịch; công dân thống nhất với nội dung biên bản và cùng ký tên dưới đây."),
        ("sign", ky(["CÔNG DÂN"], "Y Bih Niê"), ky(["NGƯỜI TIẾP CÔNG DÂN"], "Lê Văn Hòa"),
         {"seal": False, "signed": True, "left_centred": True}),
    ])
doc(F, 2, "Báo cáo", "45", "BC-TTr", "02/04/2014", KP,
    ["THANH TRA HUYỆN"], parent=["UBND HUYỆN KRÔNG PẮC"],
    trich_yeu="Báo cáo kết quả xác minh nội dung khiếu nại của ông Y Bih Niê, trú tại buôn Ea Kly, xã Ea "
              "Kly",
    signer="Phạm Quốc Việt", issuer="Thanh tra huyện Krông Pắc", xa="Ea Kly",
    blocks=[
        T("BÁO CÁO"),
        S("Kết quả xác minh nội dung khiếu nại của ông Y Bih Niê, trú tại buôn Ea Kly, xã Ea Kly"),
        KG("Chủ tịch Ủy ban nhân dân huyện Krông Pắc."),
        P("Thực hiện Văn bản số 312/UBND-TTr ngày 14/3/2014 của Chủ tịch Ủy ban nhân dân huyện về việc xác "
          "minh đơn khiếu nại của ông Y Bih Niê, Thanh tra huyện đã tiến hành xác minh, kết quả như sau:"),
        B("I. NỘI DUNG KHIẾU NẠI"),
        P("Ông Y Bih Niê khiếu nại việc bồi thường cây trồng khi Nhà nước thu hồi 260,0 m² đất tại thửa "
          "đất số 121, tờ bản đồ số 80, xã Ea Kly, với lý do biên bản kiểm đếm ngày 10/01/2012 ghi thiếu "
          "08 cây cà phê và 01 giếng đào trên phần diện tích bị thu hồi."),
        B("II. KẾT QUẢ XÁC MINH"),
        P("1. Về nguồn gốc đất: thửa đất số 121, tờ bản đồ số 80 do gia đình ông Y Bih Niê khai hoang, sử "
          "dụng ổn định từ năm 1995, đã được cấp giấy chứng nhận quyền sử dụng đất năm 2003."),
        P("2. Về kiểm đếm: ngày 25/3/2014, Đoàn xác minh gồm đại diện Thanh tra huyện, Phòng Tài nguyên "
          "và Môi trường, Hội đồng bồi thường, hỗ trợ và tái định cư huyện, Ủy ban nhân dân xã Ea Kly và "
          "ông Y Bih Niê đã kiểm tra thực địa. Trên phần đất bị thu hồi hiện còn 28 gốc cà phê đã bị chặt "
          "và 01 giếng đào sâu 18 m, đường kính 1,2 m. Đối chiếu ảnh chụp lưu tại hồ sơ kiểm đếm, có căn "
          "cứ xác định tại thời điểm kiểm đếm trên đất có 28 cây cà phê kinh doanh."),
        P("3. Biên bản kiểm đếm ngày 10/01/2012 ghi 20 cây cà phê do tổ kiểm đếm chỉ kiểm đếm phần diện "
          "tích nằm trong mốc giới tạm, chưa kiểm đếm 08 cây nằm trong phạm vi điều chỉnh mốc giới ngày "
          "20/01/2012; giếng đào chưa được kiểm đếm do nằm sát ranh giới."),
        B("III. KẾT LUẬN"),
        P("Nội dung khiếu nại của ông Y Bih Niê về việc kiểm đếm thiếu 08 cây cà phê và 01 giếng đào là "
          "có cơ sở. Hội đồng bồi thường, hỗ trợ và tái định cư huyện chưa rà soát đầy đủ khi điều chỉnh "
          "mốc giới thu hồi đất."),
        B("IV. KIẾN NGHỊ"),
        P("1. Chủ tịch Ủy ban nhân dân huyện ban hành quyết định giải quyết khiếu nại theo hướng công nhận "
          "nội dung khiếu nại của ông Y Bih Niê là đúng."),
        P("2. Giao Hội đồng bồi thường, hỗ trợ và tái định cư huyện lập phương án bồi thường bổ sung 08 "
          "cây cà phê và 01 giếng đào cho hộ ông Y Bih Niê; kiểm điểm, rút kinh nghiệm đối với tổ kiểm "
          "đếm./."),
        sign(noi_nhan("- Như trên;", "- Lưu: TTr, hồ sơ xác minh."),
             ky(["CHÁNH THANH TRA"], "Phạm Quốc Việt"), "THANH TRA HUYỆN KRÔNG PẮC * T. ĐẮK LẮK *"),
    ])
doc(F, 3, "Quyết định", "1180", "QĐ-UBND", "15/04/2014", KP, H_UBND_KP,
    trich_yeu="Về việc giải quyết khiếu nại (lần đầu) của ông Y Bih Niê, trú tại buôn Ea Kly, xã Ea Kly, "
              "huyện Krông Pắc",
    signer="Lê Minh Tuấn", issuer="UBND huyện Krông Pắc", xa="Ea Kly",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc giải quyết khiếu nại (lần đầu) của ông Y Bih Niê, trú tại buôn Ea Kly, xã Ea Kly, "
          "huyện Krông Pắc"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
    ] + [I(c) for c in CC_2003 + CC_KN] + [
        I("Xét đơn khiếu nại đề ngày 05/3/2014 của ông Y Bih Niê, CMND số 241234567, trú tại buôn Ea Kly, "
          "xã Ea Kly, huyện Krông Pắc;"),
        I("Xét Báo cáo số 45/BC-TTr ngày 02/4/2014 của Thanh tra huyện về kết quả xác minh nội dung khiếu "
          "nại,"),
        B("I. Nội dung khiếu nại", indent=False),
        P("Ông Y Bih Niê khiếu nại phương án bồi thường khi Nhà nước thu hồi 260,0 m² đất tại thửa đất số "
          "121, tờ bản đồ số 80, xã Ea Kly theo Quyết định số 1612/QĐ-UBND ngày 15/02/2012, cho rằng biên "
          "bản kiểm đếm ghi thiếu 08 cây cà phê và 01 giếng đào."),
        B("II. Kết quả xác minh", indent=False),
        P("Kết quả kiểm tra thực địa ngày 25/3/2014 xác định trên phần đất bị thu hồi có 28 cây cà phê "
          "kinh doanh và 01 giếng đào sâu 18 m; biên bản kiểm đếm ngày 10/01/2012 chỉ ghi 20 cây cà phê, "
          "không ghi giếng đào."),
        B("III. Kết luận", indent=False),
        P("Khiếu nại của ông Y Bih Niê là đúng. Việc kiểm đếm thiếu tài sản trên đất là trách nhiệm của tổ "
          "kiểm đếm thuộc Hội đồng bồi thường, hỗ trợ và tái định cư huyện."),
        P("Từ những nhận định và căn cứ trên,", indent=True),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Công nhận nội dung khiếu nại của ông Y Bih Niê là đúng."),
        A("Điều 2.", "Giao Hội đồng bồi thường, hỗ trợ và tái định cư huyện lập phương án bồi thường bổ "
          "sung 08 cây cà phê kinh doanh và 01 giếng đào cho hộ ông Y Bih Niê, trình Ủy ban nhân dân "
          "huyện phê duyệt trước ngày 15/5/2014."),
        A("Điều 3.", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý với "
          "quyết định giải quyết khiếu nại, ông Y Bih Niê có quyền khiếu nại đến Chủ tịch Ủy ban nhân dân "
          "tỉnh Đắk Lắk hoặc khởi kiện vụ án hành chính tại Tòa án nhân dân theo quy định của Luật Tố "
          "tụng hành chính."),
        A("Điều 4.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Chánh Thanh tra huyện, "
          "Chủ tịch Hội đồng bồi thường, hỗ trợ và tái định cư huyện, Chủ tịch Ủy ban nhân dân xã Ea Kly "
          "và ông Y Bih Niê chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 4;", "- Thanh tra tỉnh;", "- Ban Tiếp công dân huyện;",
                      "- Lưu: VT, TTr."),
             ky(["CHỦ TỊCH"], "Lê Minh Tuấn"), SEAL_KP),
    ])

# ================================================================================================
# H49.64.33.2016.003 — bổ nhiệm, nâng lương
# ================================================================================================
F = "H49.64.33.2016.003"
CC_CB = [
    "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;",
    "Căn cứ Nghị định số 24/2010/NĐ-CP ngày 15/3/2010 của Chính phủ quy định về tuyển dụng, sử dụng và "
    "quản lý công chức;",
]
doc(F, 1, "Quyết định", "215", "QĐ-UBND", "18/01/2016", KP, H_UBND_KP,
    trich_yeu="Về việc bổ nhiệm bà Trần Thị Hoa giữ chức vụ Trưởng phòng Tài nguyên và Môi trường huyện",
    signer="Lê Minh Tuấn", issuer="UBND huyện Krông Pắc", access="Sử dụng có điều kiện",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc bổ nhiệm bà Trần Thị Hoa giữ chức vụ Trưởng phòng Tài nguyên và Môi trường huyện"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
    ] + [I(c) for c in CC_2015 + CC_CB] + [
        I("Căn cứ Quyết định số 18/2015/QĐ-UBND ngày 12/5/2015 của Ủy ban nhân dân tỉnh Đắk Lắk về phân "
          "cấp quản lý tổ chức bộ máy, cán bộ, công chức;"),
        I("Xét đề nghị của Trưởng phòng Nội vụ huyện,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Bổ nhiệm bà Trần Thị Hoa, sinh ngày 12/7/1975, Phó Trưởng phòng Tài nguyên và Môi "
          "trường, giữ chức vụ Trưởng phòng Tài nguyên và Môi trường huyện Krông Pắc. Thời hạn giữ chức vụ "
          "là 05 năm, kể từ ngày 01/02/2016."),
        A("Điều 2.", "Bà Trần Thị Hoa được hưởng phụ cấp chức vụ lãnh đạo hệ số 0,30 kể từ ngày 01/02/2016."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Nội vụ, "
          "Trưởng phòng Tài chính - Kế hoạch, Thủ trưởng các cơ quan liên quan và bà Trần Thị Hoa chịu "
          "trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 3;", "- Thường trực Huyện ủy;", "- Sở Nội vụ tỉnh;", "- Lưu: VT, NV."),
             ky(["CHỦ TỊCH"], "Lê Minh Tuấn"), SEAL_KP),
    ])
doc(F, 2, "Quyết định", "890", "QĐ-UBND", "30/06/2016", KP, H_UBND_KP, fmt="tiff-grey300",
    trich_yeu="Về việc nâng bậc lương thường xuyên đối với công chức (ông Lê Văn Hòa, ông Nguyễn Văn Hưng, "
              "bà H'Hen Niê, bà Nguyễn Thị Lan)",
    signer="Lê Minh Tuấn", issuer="UBND huyện Krông Pắc",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc nâng bậc lương thường xuyên đối với công chức"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
    ] + [I(c) for c in CC_2015 + CC_CB[:1]] + [
        I("Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14/12/2004 của Chính phủ về chế độ tiền lương đối với "
          "cán bộ, công chức, viên chức và lực lượng vũ trang;"),
        I("Căn cứ Thông tư số 08/2013/TT-BNV ngày 31/7/2013 của Bộ Nội vụ hướng dẫn thực hiện chế độ nâng "
          "bậc lương thường xuyên và nâng bậc lương trước thời hạn;"),
        I("Xét đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 58/TTr-NV ngày 10/6/2016,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Nâng bậc lương thường xuyên đối với 04 công chức, thời gian hưởng kể từ ngày "
          "01/6/2016, cụ thể:"),
        P("1. Ông Lê Văn Hòa, chuyên viên Phòng Nội vụ, ngạch chuyên viên (mã số 01.003): từ bậc 4, hệ số "
          "3,33 lên bậc 5, hệ số 3,66."),
        P("2. Ông Nguyễn Văn Hưng, chuyên viên Phòng Tài chính - Kế hoạch, ngạch chuyên viên (mã số "
          "01.003): từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33."),
        P("3. Bà H'Hen Niê, cán sự Phòng Văn hóa và Thông tin, ngạch cán sự (mã số 01.004): từ bậc 5, hệ "
          "số 2,66 lên bậc 6, hệ số 2,86."),
        P("4. Bà Nguyễn Thị Lan, kế toán viên Phòng Tài chính - Kế hoạch, ngạch kế toán viên (mã số "
          "06.031): từ bậc 2, hệ số 2,67 lên bậc 3, hệ số 3,00."),
        P("Mốc thời gian tính nâng bậc lương lần sau kể từ ngày 01/6/2016.", indent=True),
        A("Điều 2.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Nội vụ, "
          "Trưởng phòng Tài chính - Kế hoạch, Giám đốc Kho bạc Nhà nước huyện và các công chức có tên "
          "tại Điều 1 chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 2;", "- Bảo hiểm xã hội huyện;", "- Lưu: VT, NV."),
             ky(["CHỦ TỊCH"], "Lê Minh Tuấn"), SEAL_KP),
    ])
doc(F, 3, "Tờ trình", "58", "TTr-NV", "10/06/2016", KP,
    ["PHÒNG NỘI VỤ"], parent=["UBND HUYỆN KRÔNG PẮC"], fmt="png",
    trich_yeu="Về việc đề nghị nâng bậc lương thường xuyên năm 2016 đối với công chức",
    signer="Lê Thị Mai", issuer="Phòng Nội vụ huyện Krông Pắc",
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị nâng bậc lương thường xuyên năm 2016 đối với công chức"),
        KG("Chủ tịch Ủy ban nhân dân huyện Krông Pắc."),
        P("Căn cứ Thông tư số 08/2013/TT-BNV ngày 31/7/2013 của Bộ Nội vụ, Phòng Nội vụ đã rà soát thời "
          "gian giữ bậc, kết quả đánh giá, phân loại công chức các cơ quan chuyên môn thuộc Ủy ban nhân "
          "dân huyện. Có 04 công chức đủ điều kiện nâng bậc lương thường xuyên kể từ ngày 01/6/2016: ông "
          "Lê Văn Hòa, ông Nguyễn Văn Hưng, bà H'Hen Niê và bà Nguyễn Thị Lan."),
        P("Các công chức trên đã giữ bậc đủ thời gian theo quy định, hoàn thành tốt nhiệm vụ trong các năm "
          "2014 và 2015, không bị kỷ luật trong thời gian giữ bậc."),
        P("Phòng Nội vụ kính trình Chủ tịch Ủy ban nhân dân huyện xem xét, quyết định./."),
        sign(noi_nhan("- Như trên;", "- Lưu: NV."), ky(["TRƯỞNG PHÒNG"], "Lê Thị Mai"), None),
    ])

# ================================================================================================
# H49.64.33.1998.010 — báo cáo 1998 (dates MM/YYYY, YYYY)
# ================================================================================================
F = "H49.64.33.1998.010"
doc(F, 1, "Báo cáo", "12", "BC-UB", "03/1998", KP, H_UBND_KP,
    heading_date="Krông Pắc, ngày      tháng 3 năm 1998",
    trich_yeu="Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh quý I năm 1998",
    signer="Y Khu Niê", issuer="UBND huyện Krông Pắc",
    blocks=[
        T("BÁO CÁO"),
        S("Tình hình kinh tế - xã hội, quốc phòng - an ninh quý I năm 1998"),
        B("I. TÌNH HÌNH KINH TẾ"),
        P("1. Sản xuất nông nghiệp: vụ Đông Xuân 1997 - 1998 toàn huyện gieo trồng 6.850 ha lúa nước, đạt "
          "101,5% kế hoạch; do nắng hạn kéo dài, có 320 ha lúa bị thiếu nước, tập trung ở các xã Ea Kly, "
          "Ea Phê và Hòa An. Ủy ban nhân dân huyện đã chỉ đạo các xã nạo vét kênh mương, điều tiết nước "
          "từ hồ Ea Kuăng, hạn chế thấp nhất thiệt hại."),
        P("Cây cà phê: diện tích 18.400 ha, sản lượng niên vụ 1997 - 1998 ước đạt 32.000 tấn cà phê nhân. "
          "Giá cà phê giảm mạnh trong tháng 3 gây khó khăn cho nông dân."),
        P("2. Giao thông, xây dựng: hoàn thành nâng cấp đường liên xã Ea Kly - Ea Phê dài 7,5 km; khởi "
          "công xây dựng trường tiểu học xã Hòa An; tiếp tục thi công kênh chính hồ Krông Búk Hạ."),
        P("3. Tài chính: thu ngân sách trên địa bàn quý I đạt 4.250 triệu đồng, bằng 26% dự toán năm."),
        B("II. VĂN HÓA - XÃ HỘI"),
        P("Duy trì tốt công tác dạy và học; tỷ lệ học sinh đến trường ở các buôn đồng bào Ê Đê tăng so với "
          "cùng kỳ. Tổ chức Tết Nguyên đán Mậu Dần vui tươi, lành mạnh; thăm hỏi, tặng quà 1.250 gia đình "
          "chính sách và hộ nghèo."),
        B("III. QUỐC PHÒNG - AN NINH"),
        P("Tình hình an ninh chính trị ổn định; trật tự an toàn xã hội được giữ vững. Hoàn thành giao quân "
          "đợt I năm 1998 đạt 100% chỉ tiêu."),
        B("IV. NHIỆM VỤ QUÝ II NĂM 1998"),
        P("Tập trung chống hạn cho lúa và cà phê; chuẩn bị giống cho vụ Hè Thu; đẩy nhanh tiến độ các công "
          "trình xây dựng cơ bản; tăng cường công tác phòng cháy, chữa cháy rừng mùa khô./."),
        sign(noi_nhan("- TT Huyện ủy;", "- UBND tỉnh;", "- Lưu: VP."),
             ky(["TM. ỦY BAN NHÂN DÂN HUYỆN", "CHỦ TỊCH"], "Y Khu Niê"), SEAL_KP),
    ])
doc(F, 2, "Báo cáo", "58", "BC-UB", "12/1998", KP, H_UBND_KP,
    heading_date="Krông Pắc, ngày      tháng 12 năm 1998",
    trich_yeu="Báo cáo tổng kết tình hình thực hiện nhiệm vụ kinh tế - xã hội năm 1998, phương hướng nhiệm "
              "vụ năm 1999",
    signer="Y Khu Niê", issuer="UBND huyện Krông Pắc",
    blocks=[
        T("BÁO CÁO"),
        S("Tổng kết tình hình thực hiện nhiệm vụ kinh tế - xã hội năm 1998, phương hướng nhiệm vụ năm 1999"),
        P("Năm 1998, trong điều kiện thời tiết diễn biến bất thường, hạn hán đầu năm và mưa lũ cuối năm, "
          "giá cà phê giảm sâu, song được sự quan tâm lãnh đạo của Tỉnh ủy, Ủy ban nhân dân tỉnh, sự nỗ lực "
          "của cán bộ và nhân dân các dân tộc trong huyện, tình hình kinh tế - xã hội của huyện tiếp tục "
          "phát triển. Ủy ban nhân dân huyện báo cáo kết quả cụ thể như sau:"),
        B("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"),
        P("1. Tổng giá trị sản xuất trên địa bàn ước đạt 612 tỷ đồng, tăng 8,2% so với năm 1997."),
        P("2. Tổng sản lượng lương thực quy thóc đạt 61.500 tấn, bằng 98% kế hoạch; lương thực bình quân "
          "đầu người 342 kg."),
        P("3. Diện tích cà phê 18.650 ha, sản lượng 33.400 tấn nhân; diện tích hồ tiêu, điều, cao su tăng "
          "so với năm trước."),
        P("4. Thu ngân sách trên địa bàn 17.860 triệu đồng, đạt 104,5% dự toán; chi ngân sách bảo đảm các "
          "nhiệm vụ chính trị của địa phương."),
        P("5. Tỷ lệ hộ nghèo giảm từ 18,6% xuống còn 15,9%; 100% xã có trạm y tế, 92% số buôn có điện."),
        B("II. ĐÁNH GIÁ CHUNG"),
        P("Kinh tế tiếp tục tăng trưởng, cơ cấu cây trồng chuyển dịch đúng hướng; các công trình thủy lợi "
          "phát huy hiệu quả. Tuy nhiên, sản xuất nông nghiệp còn phụ thuộc nhiều vào thời tiết và giá cả; "
          "đời sống một bộ phận đồng bào dân tộc thiểu số ở các buôn vùng sâu còn khó khăn; tình trạng phá "
          "rừng làm rẫy trái phép vẫn còn xảy ra ở giáp ranh với huyện Cư M'gar và huyện Ea H'leo."),
        B("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 1999"),
        P("1. Phấn đấu tổng giá trị sản xuất tăng 9%; giữ ổn định diện tích cà phê, phát triển cây hồ "
          "tiêu, điều và chăn nuôi bò; đẩy mạnh khuyến nông ở các xã Ea Kly, Ea Phê, Hòa An, Krông Búk."),
        P("2. Tiếp tục đầu tư hệ thống thủy lợi, giao thông nông thôn theo phương châm Nhà nước và nhân dân "
          "cùng làm; hoàn thành đường liên xã và các trường học đang thi công."),
        P("3. Thực hiện tốt chương trình xóa đói giảm nghèo, định canh định cư; chăm lo đời sống đồng bào "
          "dân tộc Ê Đê; giữ vững quốc phòng, an ninh, trật tự an toàn xã hội trên địa bàn./."),
        sign(noi_nhan("- TT Tỉnh ủy, UBND tỉnh;", "- TT Huyện ủy, HĐND huyện;", "- Các xã, thị trấn;",
                      "- Lưu: VP."),
             ky(["TM. ỦY BAN NHÂN DÂN HUYỆN", "CHỦ TỊCH"], "Y Khu Niê"), SEAL_KP),
    ])
doc(F, 3, "Kế hoạch", "05", "KH-UB", "1998", KP, H_UBND_KP, fmt="jpeg-dir",
    heading_date="Krông Pắc, ngày      tháng      năm 1998",
    trich_yeu="Kế hoạch phòng, chống lụt bão và giảm nhẹ thiên tai năm 1998",
    signer="Nguyễn Văn Hùng", issuer="UBND huyện Krông Pắc",
    note="Không rõ ngày, tháng ban hành",
    blocks=[
        T("KẾ HOẠCH"),
        S("Phòng, chống lụt bão và giảm nhẹ thiên tai năm 1998"),
        B("1. Mục đích, yêu cầu"),
        P("Chủ động phòng ngừa, ứng phó kịp thời với lũ quét, ngập úng trên các sông Krông Búk, Ea Kly; "
          "bảo vệ tính mạng, tài sản của nhân dân, hạn chế thấp nhất thiệt hại do thiên tai gây ra."),
        B("2. Nhiệm vụ chủ yếu"),
        P("Các xã kiện toàn Ban chỉ huy phòng, chống lụt bão; kiểm tra an toàn các hồ chứa, đập dâng; chuẩn "
          "bị phương tiện, lương thực, thuốc men tại chỗ; lập phương án sơ tán dân ở vùng trũng thấp."),
        B("3. Tổ chức thực hiện"),
        P("Văn phòng Ủy ban nhân dân huyện là thường trực, tổng hợp tình hình, báo cáo Ủy ban nhân dân tỉnh "
          "theo quy định./."),
        sign(noi_nhan("- UBND tỉnh;", "- Các xã, thị trấn;", "- Lưu: VP."),
             ky(["TM. ỦY BAN NHÂN DÂN HUYỆN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn Hùng"), SEAL_KP),
    ])

# ================================================================================================
# H54.55.12.2012.031 — Tuy An, thu hồi đất khu tái định cư
# ================================================================================================
F = "H54.55.12.2012.031"
doc(F, 1, "Quyết định", "2468", "QĐ-UBND", "20/09/2012", TA, H_UBND_TA,
    trich_yeu="Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng tại xã An Chấn để thực hiện dự án xây dựng "
              "Khu tái định cư thôn Phú Quý",
    signer="Lê Văn Hòa", issuer="UBND huyện Tuy An", xa="An Chấn",
    blocks=qd_thu_hoi(TA, H_UBND_TA, 2003, HO_HUNG_TA, "178/TTr-TNMT ngày 12/9/2012", DA_TDC, "An Chấn",
                      "Ban Quản lý dự án đầu tư xây dựng huyện", "Lê Văn Hòa", SEAL_TA))
doc(F, 2, "Quyết định", "2469", "QĐ-UBND", "20/09/2012", TA, H_UBND_TA,
    trich_yeu="Về việc thu hồi đất của hộ bà Trần Thị Hoa tại xã An Chấn để thực hiện dự án xây dựng Khu "
              "tái định cư thôn Phú Quý",
    signer="Lê Văn Hòa", issuer="UBND huyện Tuy An", xa="An Chấn",
    blocks=qd_thu_hoi(TA, H_UBND_TA, 2003, HO_HOA_TA, "178/TTr-TNMT ngày 12/9/2012", DA_TDC, "An Chấn",
                      "Ban Quản lý dự án đầu tư xây dựng huyện", "Lê Văn Hòa", SEAL_TA))
doc(F, 3, "Báo cáo", "95", "BC-UBND", "10/10/2012", TA, H_UBND_TA, access="Mật", secret=True,
    trich_yeu="Báo cáo tình hình an ninh, trật tự liên quan đến công tác bồi thường, giải phóng mặt bằng "
              "Khu tái định cư thôn Phú Quý, xã An Chấn",
    signer="Lê Văn Hòa", issuer="UBND huyện Tuy An", xa="An Chấn",
    blocks=[
        T("BÁO CÁO"),
        S("Tình hình an ninh, trật tự liên quan đến công tác bồi thường, giải phóng mặt bằng Khu tái định "
          "cư thôn Phú Quý, xã An Chấn"),
        KG("Ủy ban nhân dân tỉnh Phú Yên."),
        P("Từ ngày 25/9/2012 đến ngày 05/10/2012, tại công trường Khu tái định cư thôn Phú Quý, xã An Chấn "
          "đã xảy ra 03 lần một số hộ dân tụ tập, ngăn cản đơn vị thi công san lấp mặt bằng. Qua nắm tình "
          "hình, có 02 đối tượng ở ngoài địa phương tham gia kích động, lôi kéo người dân không nhận tiền "
          "bồi thường, hỗ trợ."),
        P("Ủy ban nhân dân huyện đã chỉ đạo Công an huyện phối hợp với Ủy ban nhân dân xã An Chấn tổ chức "
          "đối thoại với các hộ dân, giải thích chính sách bồi thường, hỗ trợ; vận động 11/14 hộ nhận tiền "
          "và bàn giao mặt bằng. Lực lượng chức năng đã lập hồ sơ, xử lý 02 đối tượng kích động theo quy "
          "định của pháp luật."),
        P("Hiện tình hình đã ổn định, công trình thi công trở lại từ ngày 06/10/2012. Ủy ban nhân dân huyện "
          "tiếp tục theo dõi chặt chẽ, không để phát sinh điểm nóng về an ninh, trật tự tại địa bàn./."),
        sign(noi_nhan("- UBND tỉnh;", "- Công an tỉnh;", "- TT Huyện ủy;", "- Lưu: VT (bản mật)."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Văn Hòa"), SEAL_TA),
    ])

# ================================================================================================
# H54.55.12.2017.008 — tiếp công dân, khiếu nại 2017 (file access "02")
# ================================================================================================
F = "H54.55.12.2017.008"
doc(F, 1, "Biên bản", "", "BB-TCD", "14/03/2017", TA,
    ["BAN TIẾP CÔNG DÂN"], parent=["UBND HUYỆN TUY AN"],
    trich_yeu="Biên bản tiếp công dân: bà Trần Thị Hoa, thôn Phú Thạnh, xã An Hòa Hải khiếu nại về việc "
              "cấp giấy chứng nhận quyền sử dụng đất",
    signer="Võ Thị Thanh", issuer="Ban Tiếp công dân huyện Tuy An", xa="An Hòa Hải",
    blocks=[
        T("BIÊN BẢN"),
        S("Tiếp công dân"),
        P("Vào hồi 14 giờ 00 phút, ngày 14 tháng 3 năm 2017, tại Trụ sở Tiếp công dân huyện Tuy An, chúng "
          "tôi gồm:"),
        B("1. Người tiếp công dân:"),
        P("Bà Võ Thị Thanh, Trưởng Ban Tiếp công dân huyện Tuy An."),
        B("2. Công dân đến trình bày:"),
        P("Bà Trần Thị Hoa, sinh năm 1968, CCCD số 054168004521 do Cục Cảnh sát ĐKQL cư trú và DLQG về dân "
          "cư cấp ngày 20/01/2017; nơi cư trú: thôn Phú Thạnh, xã An Hòa Hải, huyện Tuy An, tỉnh Phú Yên."),
        B("3. Nội dung trình bày của công dân:"),
        P("Bà Trần Thị Hoa khiếu nại việc Ủy ban nhân dân huyện cấp giấy chứng nhận quyền sử dụng đất cho "
          "hộ ông Nguyễn Văn Hưng đối với thửa đất số 245, tờ bản đồ số 9, xã An Hòa Hải, trong đó có "
          "khoảng 65 m² thuộc phần đất gia đình bà sử dụng ổn định từ năm 1990, có tường rào và hàng dừa "
          "làm ranh giới. Bà đề nghị thu hồi, điều chỉnh giấy chứng nhận đã cấp cho hộ ông Nguyễn Văn Hưng."),
        P("Tài liệu công dân cung cấp: 01 đơn khiếu nại đề ngày 10/3/2017; 01 bản sao sơ đồ thửa đất năm "
          "1998; 01 bản sao giấy chứng nhận quyền sử dụng đất cấp cho gia đình bà năm 2001."),
        B("4. Ý kiến của người tiếp công dân:"),
        P("Tiếp nhận đơn và tài liệu của bà Trần Thị Hoa; báo cáo Chủ tịch Ủy ban nhân dân huyện giao Phòng "
          "Tài nguyên và Môi trường kiểm tra, xác minh, đo đạc hiện trạng ranh giới hai thửa đất và tham "
          "mưu giải quyết theo quy định của Luật Khiếu nại."),
        P("Biên bản kết thúc vào hồi 15 giờ 10 phút cùng ngày, đã đọc lại cho công dân nghe, công dân thống "
          "nhất và cùng ký tên."),
        ("sign", ky(["CÔNG DÂN"], "Trần Thị Hoa"), ky(["NGƯỜI TIẾP CÔNG DÂN"], "Võ Thị Thanh"),
         {"seal": False, "signed": True, "left_centred": True}),
    ])
doc(F, 2, "Quyết định", "1012", "QĐ-UBND", "25/05/2017", TA, H_UBND_TA, fmt="tiff-colour",
    trich_yeu="Về việc giải quyết khiếu nại (lần đầu) của bà Trần Thị Hoa, trú tại thôn Phú Thạnh, xã An "
              "Hòa Hải, huyện Tuy An",
    signer="Đặng Văn Bình", issuer="UBND huyện Tuy An", xa="An Hòa Hải",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc giải quyết khiếu nại (lần đầu) của bà Trần Thị Hoa, trú tại thôn Phú Thạnh, xã An Hòa "
          "Hải, huyện Tuy An"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUY AN"),
    ] + [I(c) for c in CC_2015 + CC_KN + CC_DAT_2013[:1]] + [
        I("Xét đơn khiếu nại đề ngày 10/3/2017 của bà Trần Thị Hoa, CCCD số 054168004521, trú tại thôn "
          "Phú Thạnh, xã An Hòa Hải;"),
        I("Xét Báo cáo số 76/BC-TNMT ngày 08/5/2017 của Phòng Tài nguyên và Môi trường về kết quả xác "
          "minh,"),
        B("I. Nội dung khiếu nại", indent=False),
        P("Bà Trần Thị Hoa cho rằng giấy chứng nhận quyền sử dụng đất cấp cho hộ ông Nguyễn Văn Hưng đối "
          "với thửa đất số 245, tờ bản đồ số 9, xã An Hòa Hải đã cấp chồng lên khoảng 65 m² đất của gia "
          "đình bà."),
        B("II. Kết quả xác minh", indent=False),
        P("Kết quả đo đạc hiện trạng ngày 20/4/2017 cho thấy phần diện tích tranh chấp là 58,4 m², nằm phía "
          "trong tường rào do gia đình bà Trần Thị Hoa xây dựng năm 1995. Hồ sơ cấp giấy chứng nhận cho hộ "
          "ông Nguyễn Văn Hưng năm 2015 sử dụng bản đồ địa chính đo vẽ năm 2003, chưa thể hiện tường rào "
          "này; biên bản xác định ranh giới thửa đất không có chữ ký của bà Trần Thị Hoa là người sử dụng "
          "đất liền kề."),
        B("III. Kết luận", indent=False),
        P("Khiếu nại của bà Trần Thị Hoa là đúng một phần: việc cấp giấy chứng nhận đối với phần diện tích "
          "58,4 m² cho hộ ông Nguyễn Văn Hưng chưa đúng quy định về xác định ranh giới thửa đất."),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Công nhận một phần nội dung khiếu nại của bà Trần Thị Hoa."),
        A("Điều 2.", "Giao Phòng Tài nguyên và Môi trường phối hợp với Chi nhánh Văn phòng Đăng ký đất đai "
          "huyện thu hồi, đính chính giấy chứng nhận đã cấp cho hộ ông Nguyễn Văn Hưng, loại trừ phần diện "
          "tích 58,4 m²; hướng dẫn bà Trần Thị Hoa lập hồ sơ đăng ký biến động theo quy định."),
        A("Điều 3.", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý, bà Trần "
          "Thị Hoa và ông Nguyễn Văn Hưng có quyền khiếu nại đến Chủ tịch Ủy ban nhân dân tỉnh Phú Yên "
          "hoặc khởi kiện vụ án hành chính tại Tòa án nhân dân theo quy định."),
        A("Điều 4.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên "
          "và Môi trường, Chủ tịch Ủy ban nhân dân xã An Hòa Hải, bà Trần Thị Hoa, ông Nguyễn Văn Hưng và "
          "các cơ quan liên quan chịu trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 4;", "- Thanh tra tỉnh;", "- Lưu: VT, TNMT."),
             ky(["CHỦ TỊCH"], "Đặng Văn Bình"), SEAL_TA),
    ])
doc(F, 3, "Báo cáo", "215", "BC-UBND", "15/12/2017", TA, H_UBND_TA, access="Công khai",
    trich_yeu="Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm 2017",
    signer="Đặng Văn Bình", issuer="UBND huyện Tuy An",
    blocks=[
        T("BÁO CÁO"),
        S("Công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm 2017"),
        KG("Thanh tra tỉnh Phú Yên."),
        B("I. CÔNG TÁC TIẾP CÔNG DÂN"),
        P("Năm 2017, các cơ quan hành chính nhà nước trên địa bàn huyện Tuy An đã tiếp 312 lượt công dân "
          "với 287 vụ việc; Chủ tịch Ủy ban nhân dân huyện tiếp công dân định kỳ 12 kỳ theo quy định. Nội "
          "dung chủ yếu liên quan đến bồi thường, hỗ trợ khi Nhà nước thu hồi đất, cấp giấy chứng nhận "
          "quyền sử dụng đất và tranh chấp ranh giới đất đai."),
        B("II. TIẾP NHẬN, XỬ LÝ ĐƠN THƯ"),
        P("Tổng số đơn tiếp nhận 196 đơn, trong đó 41 đơn khiếu nại, 9 đơn tố cáo, 146 đơn kiến nghị, phản "
          "ánh. Số đơn thuộc thẩm quyền đã được xem xét, giải quyết đúng thời hạn; số đơn không thuộc thẩm "
          "quyền đã hướng dẫn công dân hoặc chuyển cơ quan có thẩm quyền."),
        B("III. KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO"),
        P("Đã giải quyết 38/41 vụ việc khiếu nại, đạt 92,7%; trong đó khiếu nại đúng 5 vụ, đúng một phần 9 "
          "vụ, sai 24 vụ. Giải quyết 9/9 đơn tố cáo, đạt 100%. Qua giải quyết đã kiến nghị thu hồi, đính "
          "chính 7 giấy chứng nhận quyền sử dụng đất cấp không đúng ranh giới tại các xã An Hòa Hải, An Mỹ "
          "và An Chấn."),
        B("IV. NHIỆM VỤ NĂM 2018"),
        P("Tiếp tục thực hiện nghiêm Luật Tiếp công dân; nâng cao chất lượng giải quyết khiếu nại ở cấp xã; "
          "rà soát, giải quyết dứt điểm các vụ việc tồn đọng, kéo dài; tăng cường kiểm tra trách nhiệm thủ "
          "trưởng trong công tác tiếp công dân, giải quyết khiếu nại, tố cáo./."),
        sign(noi_nhan("- Thanh tra tỉnh;", "- TT Huyện ủy, HĐND huyện;", "- Lưu: VT, TTr."),
             ky(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Đặng Văn Bình"), SEAL_TA),
    ])

# ================================================================================================
# H54.55.12.2019.014 — cấp GCN An Mỹ
# ================================================================================================
F = "H54.55.12.2019.014"
doc(F, 1, "Tờ trình", "356", "TTr-TNMT", "05/08/2019", TA,
    ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"], parent=["UBND HUYỆN TUY AN"],
    trich_yeu="Về việc đề nghị cấp GCNQSDĐ, quyền sở hữu nhà ở và tài sản khác gắn liền với đất cho ông "
              "Nguyễn Văn Hưng, bà Lê Thị Thu tại xã An Mỹ",
    signer="Huỳnh Thị Ngọc", issuer="Phòng Tài nguyên và Môi trường huyện Tuy An", xa="An Mỹ",
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
          "liền với đất cho ông Nguyễn Văn Hưng, bà Lê Thị Thu"),
        KG("Ủy ban nhân dân huyện Tuy An."),
    ] + [I(c) for c in CC_DAT_2013] + [
        P("Căn cứ hồ sơ do Chi nhánh Văn phòng Đăng ký đất đai huyện Tuy An chuyển đến, Phòng Tài nguyên và "
          "Môi trường đã thẩm định hồ sơ đề nghị cấp giấy chứng nhận lần đầu của ông Nguyễn Văn Hưng, sinh "
          "năm 1985, CCCD số 054085001234 và vợ là bà Lê Thị Thu, sinh năm 1987, CCCD số 054187002345, "
          "cùng trú tại thôn Phước Lương, xã An Mỹ, huyện Tuy An."),
        P("Thửa đất đề nghị cấp: thửa đất số 305, tờ bản đồ số 12, diện tích 520,0 m², trong đó đất ở tại "
          "nông thôn 200,0 m², đất trồng cây lâu năm 320,0 m²; nguồn gốc nhận chuyển nhượng năm 2010, sử "
          "dụng ổn định, không tranh chấp, phù hợp quy hoạch sử dụng đất."),
        P("Phòng Tài nguyên và Môi trường kính trình Ủy ban nhân dân huyện xem xét, cấp giấy chứng nhận "
          "cho ông Nguyễn Văn Hưng và bà Lê Thị Thu theo quy định./."),
        sign(noi_nhan("- Như trên;", "- CN VP ĐKĐĐ huyện;", "- Lưu: VT, TNMT."),
             ky(["TRƯỞNG PHÒNG"], "Huỳnh Thị Ngọc"), SEAL_TNMT_TA),
    ])
doc(F, 2, "Quyết định", "1845", "QĐ-UBND", "12/08/2019", TA, H_UBND_TA,
    trich_yeu="Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
              "với đất cho ông Nguyễn Văn Hưng, bà Lê Thị Thu",
    signer="Lê Văn Hòa", issuer="UBND huyện Tuy An", xa="An Mỹ",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
          "đất cho ông Nguyễn Văn Hưng, bà Lê Thị Thu"),
        C("ỦY BAN NHÂN DÂN HUYỆN TUY AN"),
    ] + [I(c) for c in CC_2015 + CC_DAT_2013] + [
        I("Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số 356/TTr-TNMT ngày "
          "05/8/2019,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
          "với đất cho ông Nguyễn Văn Hưng, CCCD số 054085001234 và bà Lê Thị Thu, CCCD số 054187002345, "
          "thôn Phước Lương, xã An Mỹ, đối với thửa đất số 305, tờ bản đồ số 12, diện tích 520,0 m²; số "
          "phát hành giấy chứng nhận CS 04512, số vào sổ cấp giấy chứng nhận CH 01234."),
        A("Điều 2.", "Chi nhánh Văn phòng Đăng ký đất đai huyện Tuy An có trách nhiệm cập nhật, chỉnh lý hồ "
          "sơ địa chính và trao giấy chứng nhận cho người được cấp sau khi hoàn thành nghĩa vụ tài chính."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng phòng Tài nguyên "
          "và Môi trường, Chủ tịch Ủy ban nhân dân xã An Mỹ, ông Nguyễn Văn Hưng và bà Lê Thị Thu chịu "
          "trách nhiệm thi hành quyết định này./."),
        sign(noi_nhan("- Như Điều 3;", "- Chi cục Thuế huyện;", "- Lưu: VT, TNMT."),
             ky(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Văn Hòa"), SEAL_TA),
    ])

# ================================================================================================
# H54.55.12.2020.005 — Mật
# ================================================================================================
F = "H54.55.12.2020.005"
doc(F, 1, "Báo cáo", "28", "BC-UBND", "20/11/2020", TA, H_UBND_TA, secret=True,
    trich_yeu="Báo cáo tình hình an ninh chính trị, trật tự an toàn xã hội năm 2020 trên địa bàn huyện Tuy "
              "An",
    signer="Đặng Văn Bình", issuer="UBND huyện Tuy An",
    blocks=[
        T("BÁO CÁO"),
        S("Tình hình an ninh chính trị, trật tự an toàn xã hội năm 2020"),
        KG("Ủy ban nhân dân tỉnh Phú Yên."),
        B("I. TÌNH HÌNH AN NINH CHÍNH TRỊ"),
        P("Tình hình an ninh chính trị trên địa bàn huyện cơ bản ổn định. Tuy nhiên, tại xã An Ninh Đông "
          "và xã An Chấn còn 02 nhóm đối tượng lợi dụng việc thu hồi đất thực hiện các dự án để kích động "
          "người dân khiếu kiện đông người, vượt cấp; lực lượng Công an huyện đã nắm chắc tình hình, đấu "
          "tranh, vô hiệu hóa hoạt động của các đối tượng."),
        P("Công tác bảo vệ bí mật nhà nước được quán triệt đến các cơ quan, đơn vị; không để xảy ra lộ, "
          "lọt bí mật nhà nước trên không gian mạng."),
        B("II. TÌNH HÌNH TRẬT TỰ AN TOÀN XÃ HỘI"),
        P("Trong năm xảy ra 46 vụ phạm pháp hình sự, giảm 8 vụ so với năm 2019; điều tra làm rõ 42 vụ, đạt "
          "91,3%. Tai nạn giao thông giảm cả ba tiêu chí. Triệt phá 03 tụ điểm đánh bạc, 02 đường dây cho "
          "vay lãi nặng hoạt động tại thị trấn Chí Thạnh."),
        B("III. NHIỆM VỤ NĂM 2021"),
        P("Chủ động nắm tình hình, giải quyết kịp thời các vụ việc phức tạp từ cơ sở; bảo đảm tuyệt đối an "
          "toàn cuộc bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp; thực hiện nghiêm quy định về "
          "bảo vệ bí mật nhà nước./."),
        sign(noi_nhan("- UBND tỉnh;", "- Công an tỉnh;", "- Lưu: VT (bản mật)."),
             ky(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Đặng Văn Bình"), SEAL_TA),
    ])
doc(F, 2, "Kế hoạch", "45", "KH-UBND", "15/03/2020", TA, H_UBND_TA, access="03", secret=True,
    trich_yeu="Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm 2020 trên địa bàn huyện Tuy An",
    signer="Đặng Văn Bình", issuer="UBND huyện Tuy An",
    blocks=[
        T("KẾ HOẠCH"),
        S("Thực hiện công tác bảo vệ bí mật nhà nước năm 2020"),
        I("Căn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;"),
        I("Căn cứ Nghị định số 26/2020/NĐ-CP ngày 28/02/2020 của Chính phủ quy định chi tiết một số điều "
          "của Luật Bảo vệ bí mật nhà nước;"),
        P("Ủy ban nhân dân huyện Tuy An ban hành Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm "
          "2020 như sau:"),
        B("1. Mục đích, yêu cầu"),
        P("Nâng cao nhận thức, trách nhiệm của cán bộ, công chức trong việc bảo vệ bí mật nhà nước; phòng "
          "ngừa, phát hiện, xử lý kịp thời các hành vi làm lộ, mất bí mật nhà nước."),
        B("2. Nội dung thực hiện"),
        P("Rà soát danh mục bí mật nhà nước của các cơ quan, đơn vị; bố trí máy tính riêng, không kết nối "
          "mạng để soạn thảo, lưu giữ tài liệu mật; mở sổ theo dõi văn bản mật đi, đến; kiểm tra việc "
          "thực hiện tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Công an huyện, Ban Chỉ huy "
          "Quân sự huyện và Ủy ban nhân dân các xã An Ninh Đông, An Chấn, An Hòa Hải."),
        B("3. Tổ chức thực hiện"),
        P("Giao Công an huyện chủ trì, hướng dẫn, kiểm tra; tổng hợp kết quả báo cáo Ủy ban nhân dân huyện "
          "trước ngày 15/11/2020./."),
        sign(noi_nhan("- Công an tỉnh;", "- Các cơ quan, đơn vị;", "- Lưu: VT (bản mật)."),
             ky(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Đặng Văn Bình"), SEAL_TA),
    ])

# ================================================================================================
# H49.64.33.2025.002 — giao nộp tài liệu 2025
# ================================================================================================
F = "H49.64.33.2025.002"
CC_2025 = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;",
    "Căn cứ Thông tư số 05/2025/TT-BNV của Bộ trưởng Bộ Nội vụ quy định về số hóa tài liệu lưu trữ "
    "và lưu trữ tài liệu lưu trữ số;",
]
doc(F, 1, "Tờ trình", "102", "TTr-UBND", "20/06/2025", KP, H_UBND_KP,
    trich_yeu="Về việc giao nộp hồ sơ, tài liệu lưu trữ của các cơ quan, tổ chức cấp huyện vào Lưu trữ lịch "
              "sử tỉnh Đắk Lắk",
    signer="Lê Minh Tuấn", issuer="UBND huyện Krông Pắc",
    blocks=[
        T("TỜ TRÌNH"),
        S("Về việc giao nộp hồ sơ, tài liệu lưu trữ của các cơ quan, tổ chức cấp huyện vào Lưu trữ lịch sử "
          "tỉnh Đắk Lắk"),
        KG("Ủy ban nhân dân tỉnh Đắk Lắk."),
    ] + [I(c) for c in CC_2025[:2]] + [
        P("Thực hiện chủ trương sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, chính "
          "quyền địa phương cấp huyện kết thúc hoạt động từ ngày 01/7/2025. Ủy ban nhân dân huyện Krông "
          "Pắc đã chỉ đạo các cơ quan chuyên môn thống kê, chỉnh lý toàn bộ hồ sơ, tài liệu hình thành "
          "trong quá trình hoạt động từ năm 1976 đến nay."),
        P("Kết quả: phông lưu trữ Ủy ban nhân dân huyện Krông Pắc có 1.245 hồ sơ, tương đương 86 mét giá "
          "tài liệu, gồm các nhóm: tổng hợp; đất đai (thu hồi đất, cấp giấy chứng nhận quyền sử dụng đất); "
          "tổ chức cán bộ; thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo. Trong đó 312 hồ sơ đã "
          "được số hóa theo Thông tư số 05/2025/TT-BNV."),
        P("Ủy ban nhân dân huyện Krông Pắc kính trình Ủy ban nhân dân tỉnh cho phép giao nộp toàn bộ hồ "
          "sơ, tài liệu nêu trên vào Lưu trữ lịch sử tỉnh Đắk Lắk trước ngày 30/6/2025; tài liệu đất đai "
          "còn giá trị giải quyết công việc được bàn giao bản sao số cho Ủy ban nhân dân các xã mới./."),
        sign(noi_nhan("- Như trên;", "- Sở Nội vụ tỉnh;", "- Lưu: VT, NV."),
             ky(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Lê Minh Tuấn"), SEAL_KP),
    ])
doc(F, 2, "Quyết định", "1250", "QĐ-UBND", "23/06/2025", KP, H_UBND_KP,
    trich_yeu="Về việc thành lập Tổ giao nhận hồ sơ, tài liệu lưu trữ của Ủy ban nhân dân huyện Krông Pắc",
    signer="Lê Minh Tuấn", issuer="UBND huyện Krông Pắc",
    blocks=[
        T("QUYẾT ĐỊNH"),
        S("Về việc thành lập Tổ giao nhận hồ sơ, tài liệu lưu trữ của Ủy ban nhân dân huyện Krông Pắc"),
        C("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC"),
    ] + [I(c) for c in CC_2025] + [
        I("Xét đề nghị của Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện,"),
        C("QUYẾT ĐỊNH:"),
        A("Điều 1.", "Thành lập Tổ giao nhận hồ sơ, tài liệu lưu trữ của Ủy ban nhân dân huyện Krông Pắc, "
          "gồm các ông, bà có tên sau:"),
        P("1. Ông Nguyễn Văn Hùng, Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Tổ trưởng."),
        P("2. Bà Trần Thị Hoa, Trưởng phòng Tài nguyên và Môi trường, Tổ phó."),
        P("3. Ông Lê Văn Hòa, Trưởng phòng Nội vụ, thành viên."),
        P("4. Ông Nguyễn Văn Hưng, Phó Trưởng phòng Tài chính - Kế hoạch, thành viên."),
        P("5. Bà H'Hen Niê, viên chức lưu trữ, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, "
          "thành viên."),
        A("Điều 2.", "Tổ giao nhận có nhiệm vụ kiểm tra danh mục hồ sơ, đối chiếu hồ sơ giấy với bản số "
          "hóa, lập biên bản giao nộp tài liệu vào Lưu trữ lịch sử tỉnh Đắk Lắk; bàn giao bản sao số tài "
          "liệu đất đai của các xã Ea Kly, Hòa An, Ea Phê cho Ủy ban nhân dân các xã mới. Tổ giao nhận tự "
          "giải thể sau khi hoàn thành nhiệm vụ."),
        A("Điều 3.", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Thủ trưởng các cơ quan "
          "chuyên môn thuộc Ủy ban nhân dân huyện và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi "
          "hành quyết định này./."),
        sign(noi_nhan("- Như Điều 3;", "- Sở Nội vụ tỉnh;", "- Lưu: VT, NV."),
             ky(["CHỦ TỊCH"], "Lê Minh Tuấn"), SEAL_KP),
    ])
doc(F, 3, "Báo cáo", "150", "BC-UBND", "27/06/2025", KP, H_UBND_KP,
    trich_yeu="Báo cáo kết quả chỉnh lý, số hóa và giao nộp tài liệu lưu trữ của Ủy ban nhân dân huyện "
              "Krông Pắc",
    signer="Lê Minh Tuấn", issuer="UBND huyện Krông Pắc",
    blocks=[
        T("BÁO CÁO"),
        S("Kết quả chỉnh lý, số hóa và giao nộp tài liệu lưu trữ của Ủy ban nhân dân huyện Krông Pắc"),
        KG("Sở Nội vụ tỉnh Đắk Lắk."),
        B("I. KẾT QUẢ CHỈNH LÝ"),
        P("Tổ giao nhận đã chỉnh lý hoàn chỉnh 1.245 hồ sơ của phông Ủy ban nhân dân huyện Krông Pắc, loại "
          "ra 12 mét giá tài liệu hết giá trị để tiêu hủy theo quy định; lập mục lục hồ sơ, xác định mã "
          "hồ sơ theo cấu trúc mã phông, năm hình thành và số thứ tự hồ sơ."),
        B("II. KẾT QUẢ SỐ HÓA"),
        P("Đã số hóa 312 hồ sơ với 41.870 trang tài liệu, quét màu độ phân giải 200 dpi, lưu định dạng PDF "
          "kèm lớp văn bản nhận dạng ký tự; mỗi văn bản được đặt tên theo mã hồ sơ và số thứ tự văn bản "
          "trong hồ sơ. Ưu tiên số hóa các hồ sơ thu hồi đất, cấp giấy chứng nhận quyền sử dụng đất của "
          "các xã Ea Kly, Hòa An và hồ sơ giải quyết khiếu nại của công dân."),
        P("Huyện đã học tập kinh nghiệm của huyện Cư M'gar và huyện Ea H'leo trong việc tổ chức số hóa, "
          "kiểm tra chất lượng bản số hóa trước khi giao nộp."),
        B("III. KHÓ KHĂN, ĐỀ XUẤT"),
        P("Một số tài liệu giai đoạn 1976 - 2000 in trên giấy mỏng, chữ mờ, nhận dạng ký tự chưa chính xác, "
          "cần kiểm tra thủ công. Đề nghị Sở Nội vụ hướng dẫn việc quản lý tài liệu mật của cấp huyện sau "
          "khi giao nộp./."),
        sign(noi_nhan("- Sở Nội vụ tỉnh;", "- Lưu trữ lịch sử tỉnh;", "- Lưu: VT, NV."),
             ky(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Lê Minh Tuấn"), SEAL_KP),
    ])
