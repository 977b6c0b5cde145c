"""The Excel delivery's workbook, written by hand (zipfile + SpreadsheetML): one sheet, `Danh mục tài liệu`,
one row per document with its hồ sơ's fields repeated, in the quirks of real contractors' sheets."""
import datetime
import zipfile
from xml.sax.saxutils import escape as xml_escape

from delivery_content import FILE, PHONG_X, XF2
from delivery_zip import zip_write
from render import nfc

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ST_TITLE, ST_HEADER, ST_DATE, ST_WRAP, ST_TEXT = 1, 2, 3, 4, 5   # cellXfs indices in styles.xml


def col_name(i):
    """0 → A, 25 → Z, 26 → AA."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_serial(d, m, y):
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days


def write_xlsx(path, rows, merges, widths, sheet_name):
    """rows: {row number: [(column index, kind, value, style)]}, kind "s" (shared string), "n" (number),
    "d" (a date as its serial number; style ST_DATE)."""
    strings, index = [], {}

    def sst(s):
        s = nfc(s)
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    last_col = max(c for cells in rows.values() for c, *_ in cells)
    last_row = max(rows)
    x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
         '<worksheet xmlns="%s" xmlns:r="%s">' % (NS_MAIN, NS_REL),
         '<dimension ref="A1:%s%d"/>' % (col_name(last_col), last_row),
         '<sheetViews><sheetView workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" '
         'state="frozen"/></sheetView></sheetViews>',
         '<sheetFormatPr defaultRowHeight="15"/>', "<cols>"]
    for i, w in enumerate(widths):
        x.append('<col min="%d" max="%d" width="%g" customWidth="1"/>' % (i + 1, i + 1, w))
    x.append("</cols><sheetData>")
    for r in sorted(rows):
        attrs = ' ht="48" customHeight="1"' if r == 4 else ""
        x.append('<row r="%d"%s>' % (r, attrs))
        for c, kind, value, style in sorted(rows[r]):
            ref = "%s%d" % (col_name(c), r)
            st = ' s="%d"' % style if style else ""
            if kind == "s":
                x.append('<c r="%s" t="s"%s><v>%d</v></c>' % (ref, st, sst(value)))
            else:   # "n" and "d": a number (a date is a number in a date style)
                x.append('<c r="%s" t="n"%s><v>%s</v></c>' % (ref, st, value))
        x.append("</row>")
    x.append("</sheetData>")
    if merges:
        x.append('<mergeCells count="%d">%s</mergeCells>'
                 % (len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    x.append('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '<pageSetup paperSize="9" orientation="landscape"/></worksheet>')
    sheet = "".join(x)

    def t(s):
        sp = ' xml:space="preserve"' if s != s.strip() or "  " in s else ""
        return "<si><t%s>%s</t></si>" % (sp, xml_escape(s))
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="%s" count="%d" uniqueCount="%d">'
              % (NS_MAIN, sum(1 for cells in rows.values() for c in cells if c[1] == "s"), len(strings))
              + "".join(t(s) for s in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="%s">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
              '<fonts count="3"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>'
              '<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font>'
              '<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>'
              '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
              '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/>'
              '</patternFill></fill></fills>'
              '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
              '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>'
              '</border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
              '<alignment horizontal="center"/></xf>'
              '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
              'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">'
              '<alignment vertical="top" wrapText="1"/></xf>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
              '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '</styleSheet>' % NS_MAIN)
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="%s" xmlns:r="%s">'
                '<workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet name="%s" sheetId="1" r:id="rId1"/>'
                '</sheets></workbook>' % (NS_MAIN, NS_REL, xml_escape(sheet_name)))
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/>'
               '<Relationship Id="rId3" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
               '</Relationships>' % (NS_REL, NS_REL, NS_REL))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % NS_REL)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/styles.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    with zipfile.ZipFile(path, "w") as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", wb_rels), ("xl/styles.xml", styles),
                           ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet)):
            zip_write(z, name, data.encode("utf-8"))


def xlsx_path_cell(d):
    """`Đường dẫn file` as the contractor typed it (Windows backslashes)."""
    f = FILE[d["file"]]
    name = d["id"] + ".pdf"
    if d["file"] == XF2 and d["stt"] == 2:
        return "PDF_Files\\%s\\hopso01\\%s\\%s" % (f["phong"], f["folder"], name)  # from the workbook's folder
    if d["file"] == XF2 and d["stt"] == 3:
        return "\\%s\\hopso01\\%s\\%s" % (f["phong"], f["folder"].upper(), name)    # another letter case
    return "\\%s\\hopso01\\%s\\%s" % (f["phong"], f["folder"], name)


def _num_or_text(v, as_text, width=2):
    return ("s", "%0*d" % (width, v), ST_TEXT) if as_text else ("n", v, 0)


# (header as written, "f" hồ sơ or "d" document, width, the cell of a row: fn(file, doc, row index) → cell or None)
XLSX_COLUMNS = [
    ("Phông", "f", 20, lambda f, d, i: ("s", f["phong"], 0)),
    ("Mục lục", "f", 8, lambda f, d, i: ("n", f["muc_luc"], 0)),
    ("Hộp số", "f", 8, lambda f, d, i: ("s", f["hop"], ST_TEXT)),
    ("Số và ký hiệu hồ sơ", "f", 10, lambda f, d, i: ("s", f["so_ky_hieu"], ST_TEXT)),
    ("Tiêu đề hồ sơ", "f", 40, lambda f, d, i: ("s", f["title"], ST_WRAP)),
    ("Thời hạn bảo quản", "f", 11, lambda f, d, i: ("s", f["han"], 0)),
    ("Chế độ sử dụng", "f", 14, lambda f, d, i: ("s", f["access"], 0)),
    ("Ngôn ngữ", "f", 11, lambda f, d, i: ("s", f["lang"], 0)),
    ("Ngày bắt đầu", "f", 7, lambda f, d, i: _num_or_text(f["start"][0], i % 2 == 1)),
    ("Tháng bắt đầu", "f", 7, lambda f, d, i: _num_or_text(f["start"][1], i % 2 == 1)),
    ("Năm bắt đầu", "f", 7, lambda f, d, i: ("n", f["start"][2], 0)),
    ("Ngày kết thúc", "f", 7, lambda f, d, i: _num_or_text(f["end"][0], i % 2 == 1)),
    ("Tháng kết thúc", "f", 7, lambda f, d, i: _num_or_text(f["end"][1], i % 2 == 1)),
    ("Năm kết thúc", "f", 7, lambda f, d, i: ("n", f["end"][2], 0)),
    ("Tổng số tài liệu", "f", 8, lambda f, d, i: ("n", f["ndocs"], 0)),
    ("Số lượng tờ", "f", 8, lambda f, d, i: ("n", f["npages"], 0)),
    ("Ký hiệu thông tin", "f", 16, lambda f, d, i: ("s", f["kyhieu_tt"], 0)),
    ("Từ khóa", "f", 24, lambda f, d, i: ("s", f["keywords"], ST_WRAP)),
    ("Mức độ tin cậy", "f", 10, lambda f, d, i: ("s", f["tin_cay"], 0)),
    ("Tình trạng vật lý", "f", 11, lambda f, d, i: ("s", f["tinh_trang"], 0)),
    ("Ghi chú", "f", 20, lambda f, d, i: ("s", f["note"], ST_WRAP) if f["note"] else None),
    ("Số thứ tự văn bản trong hồ sơ", "d", 9, lambda f, d, i: ("n", d["stt"], 0)),
    ("Tờ số", "d", 6, lambda f, d, i: ("n", d["to_so"], 0)),
    ("Loại tài liệu", "d", 14, lambda f, d, i: ("s", d["loai"], 0)),
    ("Tên loại văn bản", "d", 12, lambda f, d, i: ("s", d["kind"], 0)),
    ("Số của văn bản", "d", 8, lambda f, d, i: (("n", int(d["so"]), 0) if d["so_cell"] == "n" else
                                                ("s", d["so"], ST_TEXT)) if d["so"] else None),
    ("Ký hiệu của văn bản", "d", 12, lambda f, d, i: ("s", d["kyhieu_cell"], 0)),
    ("Ngày văn bản", "d", 11, lambda f, d, i: ("d", excel_serial(*d["date"]), ST_DATE) if d["date_serial"]
     else _num_or_text(d["date"][0], d["day_text"])),
    ("Tháng văn bản", "d", 7, lambda f, d, i: _num_or_text(d["date"][1], d["day_text"])),
    ("Năm văn bản", "d", 7, lambda f, d, i: ("n", d["date"][2], 0)),
    ("Tác giả văn bản", "d", 24, lambda f, d, i: ("s", d["issuer"], ST_WRAP)),
    ("Trích yếu nội dung", "d", 48, lambda f, d, i: ("s", d["trich_yeu"], ST_WRAP)),
    ("Người ký", "d", 16, lambda f, d, i: ("s", d["signer"], 0)),
    ("Ngôn ngữ", "d", 11, lambda f, d, i: ("s", "Tiếng Việt", 0)),
    ("Số lượng trang", "d", 8, lambda f, d, i: ("n", len(d["pages"]), 0)),
    ("Ký hiệu thông tin", "d", 18, lambda f, d, i: ("s", d["kyhieu_tt"], 0)),
    ("Từ khóa", "d", 24, lambda f, d, i: ("s", d["keywords"], ST_WRAP)),
    ("Chế độ sử dụng", "d", 14, lambda f, d, i: ("s", d["access"], 0) if d["access"] else None),
    ("Mức độ tin cậy", "d", 10, lambda f, d, i: ("s", "Số hóa", 0)),
    ("Tình trạng vật lý", "d", 11, lambda f, d, i: ("s", d["tinh_trang"], 0)),
    ("Ghi chú", "d", 24, lambda f, d, i: ("s", d["note"], ST_WRAP) if d["note"] else None),
    ("Đường dẫn file", "d", 70, lambda f, d, i: ("s", xlsx_path_cell(d), 0)),
]


def build_xlsx(docs, path):
    rows = {1: [(0, "s", "DANH MỤC HỒ SƠ, TÀI LIỆU SỐ HÓA GIAO NỘP VÀO LƯU TRỮ LỊCH SỬ", ST_TITLE)],
            2: [(0, "s", "Phông: %s - Mục lục số 12 - Hộp số 01" % PHONG_X, ST_TITLE)]}
    rows[4] = [(c, "s", h, ST_HEADER) for c, (h, *_rest) in enumerate(XLSX_COLUMNS)]
    for i, d in enumerate(docs):
        f = FILE[d["file"]]
        cells = []
        for c, (_, _, _, fn) in enumerate(XLSX_COLUMNS):
            cell = fn(f, d, i)
            if cell is not None:
                kind, value, style = cell
                if style == 0:
                    style = ST_WRAP if kind == "s" else 0
                cells.append((c, kind, value, style))
        rows[5 + i] = cells
    last = col_name(len(XLSX_COLUMNS) - 1)
    write_xlsx(path, rows, ["A1:%s1" % last, "A2:%s2" % last], [w for _, _, w, _ in XLSX_COLUMNS],
               "Danh mục tài liệu")
