import Foundation

/// The report as a table for standard output, in Vietnamese: a line per document with each requirement met
/// (`đạt`), not met (`LỖI`) or to be looked at (`xem`), then the findings with their places and the totals.
public enum ReportText {
    public static func render(_ report: AcceptanceReport) -> String {
        var out = "NGHIỆM THU LÔ TÀI LIỆU SỐ HÓA (Thông tư 05/2025/TT-BNV): \(report.batch)\n"
        let columns = Requirement.documentColumns
        let head = ["Tài liệu", "Trang", "Đạt", "Không đạt"] + columns.map(\.title)
        for file in report.files {
            out += "\nHồ sơ \(file.id)" + (file.title.isEmpty ? "" : ": \(file.title)") + "\n"
            out += "  " + Requirement.fileColumns.map { "\($0.title): \(file.passes($0) ? "đạt" : "LỖI")" }.joined(separator: " · ") + "\n"
            var rows = [head]
            for d in file.documents {
                rows.append([d.id, "\(d.pages.count)", "\(d.acceptedPages)", "\(d.refusedPages)"] + columns.map { r in
                    d.passes(r) ? (d.needsReview(r) ? "xem" : "đạt") : "LỖI"
                })
            }
            out += table(rows, indent: "  ")
        }
        let findings = report.findings, reviews = report.reviews
        out += "\nLỖI (\(findings.count)):\n"
        out += findings.isEmpty ? "  không có\n" : list(findings)
        out += "\nCẦN NGƯỜI XEM (\(reviews.count)):\n"
        out += reviews.isEmpty ? "  không có\n" : list(reviews)
        out += "\nGhi chú:\n" + report.notes.map { "  - \($0)\n" }.joined()
        out += "\n" + totals(report).map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
        return out
    }

    /// The totals, label and value, as every rendering shows them (the staff web page too).
    public static func totals(_ report: AcceptanceReport) -> [(String, String)] {
        [("Số hồ sơ", VietnameseNumber.format(report.files.count)),
         ("Số tài liệu", VietnameseNumber.format(report.documents.count)),
         ("Tổng số trang", VietnameseNumber.format(report.pages)),
         ("Trang nghiệm thu đạt", VietnameseNumber.format(report.acceptedPages)),
         ("Trang không đạt", VietnameseNumber.format(report.refusedPages)),
         ("Đơn giá", VietnameseNumber.format(report.unitPrice) + " đồng/trang A4"),
         ("Thành tiền", VietnameseNumber.format(report.amount) + " đồng"),
         ("Số lỗi", VietnameseNumber.format(report.findings.count)),
         ("Số điểm cần xem", VietnameseNumber.format(report.reviews.count))]
    }

    static func list(_ findings: [Finding]) -> String {
        findings.enumerated().map { "  \($0.offset + 1). [\($0.element.requirement.title)] \($0.element.line)\n" }.joined()
    }

    /// Columns padded to their widest cell (counted in characters, so Vietnamese letters line up).
    static func table(_ rows: [[String]], indent: String) -> String {
        let widths = rows.reduce(into: [Int](repeating: 0, count: rows.first?.count ?? 0)) { w, row in
            for (i, cell) in row.enumerated() { w[i] = max(w[i], cell.count) }
        }
        return rows.map { row in
            indent + row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ") + "\n"
        }.joined()
    }
}
