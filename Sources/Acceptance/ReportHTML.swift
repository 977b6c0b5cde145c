import Foundation

/// The report as one printable HTML page in Vietnamese (A4, no script, no outside resource): the totals and the
/// amount, a table per hồ sơ of its documents against each requirement, the findings with their places, what needs
/// a person's look, and the signature block of a biên bản nghiệm thu.
public enum ReportHTML {
    public static func render(_ report: AcceptanceReport) -> String {
        """
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8">
            <title>Biên bản nghiệm thu số hóa: \(esc(report.batch))</title>
            <style>
            @page { size: A4; margin: 15mm 12mm; }
            body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 190mm; }
            h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }
            .sub { text-align: center; margin: 0 0 5mm; }
            table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; }
            tr { page-break-inside: avoid; }
            th, td { border: 1px solid #444; padding: 1mm 1.5mm; vertical-align: top; font-size: 9.5pt; }
            th { background: #eee; }
            td.ok { text-align: center; } td.loi { text-align: center; font-weight: bold; background: #f6d5d5; }
            td.xem { text-align: center; background: #fff2c6; }
            .num { text-align: right; white-space: nowrap; }
            table.docs th, table.docs td { font-size: 8.5pt; padding: 0.8mm 1mm; }
            td.place { word-break: break-all; width: 40%; }
            .sign { display: flex; justify-content: space-around; margin-top: 12mm; text-align: center; }
            .sign div { width: 45%; min-height: 30mm; }
            @media print { th { background: #ddd !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            </style></head><body>
            \(content(report))</body></html>

            """
    }

    /// The biên bản itself, from its title to the signature block: the printable page's body, and what the staff
    /// web page shows of a check run there.
    public static func content(_ report: AcceptanceReport) -> String {
        var h = """
            <h1>BIÊN BẢN NGHIỆM THU KẾT QUẢ SỐ HÓA TÀI LIỆU</h1>
            <p class="sub">theo Thông tư 05/2025/TT-BNV · Lô: \(esc(report.batch))</p>

            """
        h += "<h2>Tổng hợp</h2>\n<table>\n"
        for (label, value) in ReportText.totals(report) {
            h += "<tr><th style=\"text-align:left;width:45%\">\(esc(label))</th><td class=\"num\">\(esc(value))</td></tr>\n"
        }
        h += "</table>\n"
        h += "<p>Kết luận: " + (report.findings.isEmpty ? "lô đạt mọi yêu cầu kiểm tra được từ tệp."
            : "lô có \(report.findings.count) lỗi; \(report.refusedPages) trang không được nghiệm thu.") + "</p>\n"

        h += "<h2>Yêu cầu kiểm tra</h2>\n<table><tr><th>Yêu cầu</th><th>Nội dung</th></tr>\n"
        for r in Requirement.allCases { h += "<tr><td>\(esc(r.title))</td><td>\(esc(r.rule))</td></tr>\n" }
        h += "</table>\n"

        for file in report.files {
            h += "<h2>Hồ sơ \(esc(file.id))\(file.title.isEmpty ? "" : ": " + esc(file.title))</h2>\n<table><tr>"
            for r in Requirement.fileColumns { h += "<th>\(esc(r.title)) (hồ sơ)</th>" }
            h += "</tr><tr>" + Requirement.fileColumns.map { cell(file.passes($0), review: false) }.joined() + "</tr></table>\n"
            h += "<table class=\"docs\"><tr><th>Tài liệu</th><th>Trang</th><th>Đạt</th><th>Không đạt</th>"
            h += Requirement.documentColumns.map { "<th>\(esc($0.title))</th>" }.joined() + "</tr>\n"
            for d in file.documents {
                h += "<tr><td>\(esc(d.id))</td><td class=\"num\">\(d.pages.count)</td><td class=\"num\">\(d.acceptedPages)</td>"
                h += "<td class=\"num\">\(d.refusedPages)</td>"
                h += Requirement.documentColumns.map { cell(d.passes($0), review: d.needsReview($0)) }.joined() + "</tr>\n"
            }
            h += "</table>\n"
        }

        h += section("Lỗi", report.findings)
        h += section("Cần người xem", report.reviews)
        h += "<h2>Ghi chú</h2>\n<ul>\n" + report.notes.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
        h += """
            <div class="sign"><div><b>ĐẠI DIỆN BÊN GIAO</b><br><i>(Ký, ghi rõ họ tên)</i></div>
            <div><b>ĐẠI DIỆN BÊN NHẬN</b><br><i>(Ký, ghi rõ họ tên)</i></div></div>

            """
        return h
    }

    static func cell(_ pass: Bool, review: Bool) -> String {
        pass ? (review ? "<td class=\"xem\">cần xem</td>" : "<td class=\"ok\">đạt</td>") : "<td class=\"loi\">lỗi</td>"
    }

    static func section(_ title: String, _ findings: [Finding]) -> String {
        var h = "<h2>\(esc(title)) (\(findings.count))</h2>\n"
        guard !findings.isEmpty else { return h + "<p>Không có.</p>\n" }
        h += "<table><tr><th>#</th><th>Yêu cầu</th><th>Vị trí</th><th>Nội dung</th></tr>\n"
        for (i, f) in findings.enumerated() {
            h += "<tr><td class=\"num\">\(i + 1)</td><td>\(esc(f.requirement.title))</td><td class=\"place\">\(esc(f.place))</td><td>\(esc(f.message))</td></tr>\n"
        }
        return h + "</table>\n"
    }

    static func esc(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
