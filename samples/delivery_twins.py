"""The CSV twins (twins/{xlsx,sip}/ho_so.csv + tai_lieu.csv): the deliveries' records in the CSV layout of
CONTRACT.md, under the headers each delivery's own columns map to."""
import os

from delivery_content import dmy
from make_samples import write_csv

TWIN_XLSX_HO_SO = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Ngôn ngữ",
                   "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng tờ",
                   "Ký hiệu thông tin", "Từ khóa", "Mức độ tin cậy", "Tình trạng vật lý", "Ghi chú",
                   "Mục lục", "Hộp số", "Số và ký hiệu hồ sơ"]
TWIN_XLSX_TAI_LIEU = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
                      "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang",
                      "Ký hiệu thông tin", "Từ khóa", "Chế độ sử dụng", "Mức độ tin cậy", "Tình trạng vật lý",
                      "Ghi chú", "Tờ số", "Loại tài liệu"]
TWIN_SIP_HO_SO = ["Mã hồ sơ", "Tên phông", "Tiêu đề hồ sơ", "Thời hạn lưu trữ", "Chế độ sử dụng", "Ngôn ngữ",
                  "Thời gian bắt đầu", "Thời gian kết thúc", "Tổng số tài liệu", "Số lượng tờ", "Số lượng trang",
                  "Tình trạng vật lý", "Mức độ tin cậy", "Ký hiệu thông tin", "Từ khóa", "Mã hồ sơ gốc giấy",
                  "Ghi chú", "Mục lục", "Hộp số"]
TWIN_SIP_TAI_LIEU = ["Mã hồ sơ", "Số thứ tự", "Tệp", "Tên loại văn bản", "Số", "Ký hiệu", "Ngày văn bản",
                     "Cơ quan ban hành", "Trích yếu nội dung", "Người ký", "Ngôn ngữ", "Số lượng trang", "Từ khóa",
                     "Chế độ sử dụng", "Mức độ tin cậy", "Tình trạng vật lý", "Tờ số"]


def file_row(f):
    return {"Mã hồ sơ": f["id"], "Tên phông": f["phong"], "Tiêu đề hồ sơ": f["title"],
            "Thời hạn lưu trữ": f["han_code"], "Chế độ sử dụng": f["access"], "Ngôn ngữ": f["lang"],
            "Thời gian bắt đầu": dmy(f["start"]), "Thời gian kết thúc": dmy(f["end"]),
            "Tổng số tài liệu": f["ndocs"], "Số lượng tờ": f["npages"], "Số lượng trang": f["npages"],
            "Ký hiệu thông tin": f["kyhieu_tt"],
            "Từ khóa": "; ".join(f["keywords"]) if isinstance(f["keywords"], list) else f["keywords"],
            "Mức độ tin cậy": f["tin_cay"], "Tình trạng vật lý": f["tinh_trang"], "Ghi chú": f["note"],
            "Mục lục": str(f["muc_luc"]), "Hộp số": f["hop"], "Số và ký hiệu hồ sơ": f["so_ky_hieu"],
            "Mã hồ sơ gốc giấy": f.get("goc", "")}


def doc_row(d):
    return {"Mã hồ sơ": d["file"], "Số thứ tự": d["stt"], "Tệp": d["id"] + ".pdf", "Tên loại văn bản": d["kind"],
            "Số": d["so"], "Ký hiệu": d["kyhieu"], "Ngày văn bản": dmy(d["date"]), "Cơ quan ban hành": d["issuer"],
            "Trích yếu nội dung": d["trich_yeu"], "Người ký": d["signer"], "Ngôn ngữ": "Tiếng Việt",
            "Số lượng trang": len(d["pages"]), "Ký hiệu thông tin": d["kyhieu_tt"], "Từ khóa": d["keywords"],
            "Chế độ sử dụng": d["access"], "Mức độ tin cậy": "Số hóa", "Tình trạng vật lý": d["tinh_trang"],
            "Ghi chú": d["note"], "Tờ số": d["to_so"], "Loại tài liệu": d["loai"]}


def write_twin(folder, files, docs, ho_so_columns, tai_lieu_columns):
    """ho_so.csv (one row per hồ sơ) and tai_lieu.csv (one per document) in folder."""
    write_csv(os.path.join(folder, "ho_so.csv"), ho_so_columns, [file_row(f) for f in files], False)
    write_csv(os.path.join(folder, "tai_lieu.csv"), tai_lieu_columns, [doc_row(d) for d in docs], False)
