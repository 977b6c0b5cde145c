import Foundation

/// The report as CSV (UTF-8 with a byte-order mark, so a spreadsheet opens it as Unicode; RFC 4180 quoting): a row
/// for every requirement of every hồ sơ and document, met or not; a row for every finding and review point; then
/// the totals.
public enum ReportCSV {
    public static let header = ["Mã hồ sơ", "Mã tài liệu", "Trang", "Yêu cầu", "Kết quả", "Chi tiết", "Vị trí",
                                "Số trang", "Trang đạt", "Trang không đạt"]

    public static func render(_ report: AcceptanceReport) -> String {
        var rows: [[String]] = [header]
        func result(_ pass: Bool, review: Bool = false) -> String { pass ? (review ? "cần xem" : "đạt") : "lỗi" }
        func detail(_ findings: [Finding], _ r: Requirement) -> String {
            findings.filter { $0.requirement == r }.map(\.message).joined(separator: "; ")
        }
        for file in report.files {
            for r in Requirement.fileColumns {
                rows.append([file.id, "", "", r.title, result(file.passes(r)), detail(file.findings, r), "hồ sơ \(file.id)",
                             "\(file.pages)", "\(file.acceptedPages)", "\(file.pages - file.acceptedPages)"])
            }
            for d in file.documents {
                for r in Requirement.documentColumns {
                    rows.append([file.id, d.id, "", r.title, result(d.passes(r), review: d.needsReview(r)),
                                 detail(d.findings.filter { $0.page == nil }, r), d.path,
                                 "\(d.pages.count)", "\(d.acceptedPages)", "\(d.refusedPages)"])
                }
            }
        }
        for f in report.allFindings where f.page != nil || f.fileID == nil {
            rows.append([f.fileID ?? "", f.documentID ?? "", f.page.map(String.init) ?? "", f.requirement.title,
                         f.kind == .finding ? "lỗi" : "cần xem", f.message, f.place, "", "", ""])
        }
        rows.append(["", "", "", "Tổng cộng", "", "", report.batch, "\(report.pages)", "\(report.acceptedPages)", "\(report.refusedPages)"])
        rows.append(["", "", "", "Thành tiền", "\(report.amount)", "đơn giá \(report.unitPrice) đồng/trang A4 × \(report.acceptedPages) trang đạt",
                     report.batch, "", "", ""])
        return "\u{FEFF}" + rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
