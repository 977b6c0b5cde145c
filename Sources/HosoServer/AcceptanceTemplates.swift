import Acceptance
import Foundation

/// HTML of the acceptance pages. The report itself is the Acceptance module's (`ReportHTML.content`, the body of the
/// printable biên bản `hoso check --html` writes), shown inside the site's layout.
extension WebTemplates {
    static func deliveriesPage(entries: [DeliveriesFolder.Entry]?, runs: [AcceptanceRuns.Run]) -> String {
        var body = "<h1>Nghiệm thu lô số hóa</h1>\n"
        body += "<p class=\"hint\">Kiểm tra một lô giao nộp theo Thông tư 05/2025/TT-BNV: từng yêu cầu của từng hồ sơ, tài liệu, trang; "
            + "số trang đạt, không đạt và thành tiền. Mỗi lần kiểm tra một lô; lô bấm sau chờ đến lượt.</p>\n"
        if let entries {
            if entries.isEmpty {
                body += "<p>Thư mục lô giao nộp chưa có lô nào.</p>\n"
            } else {
                body += "<table class=\"metadata deliveries\"><caption>Lô giao nộp</caption><tr><th>Lô</th><th>Dạng</th><th></th></tr>\n"
                for entry in entries {
                    body += "<tr><td>\(e(entry.name))</td><td>\(entry.isPackage ? "gói .zip" : "thư mục")</td><td>"
                        + "<form method=\"post\" action=\"/nghiem-thu\"><input type=\"hidden\" name=\"lo\" value=\"\(e(entry.name))\">"
                        + "<button>Kiểm tra</button></form></td></tr>\n"
                }
                body += "</table>\n"
            }
        } else {
            body += "<p class=\"error\" role=\"alert\">Máy chủ chưa được chỉ thư mục lô giao nộp (hoso serve --deliveries THƯ_MỤC, hoặc biến môi trường HOSO_DELIVERIES).</p>\n"
        }
        guard !runs.isEmpty else { return layout(title: "Nghiệm thu", body: body) }
        body += "<h2>Các lần kiểm tra</h2>\n<ol class=\"runs\">\n"
        for run in runs {
            body += "<li><a href=\"/nghiem-thu/\(url(run.id))\">\(e(run.delivery.name))</a> · \(e(status(run.state))) · "
                + "\(e(run.caller.name)) · \(e(time(run.started)))</li>\n"
        }
        return layout(title: "Nghiệm thu", body: body + "</ol>\n")
    }

    /// A run's page: while it waits or runs, its progress (the page reloads itself every two seconds); then the
    /// totals, the links to the CSV and the printable biên bản, and the report.
    static func runPage(_ run: AcceptanceRuns.Run) -> String {
        var body = "<p><a href=\"/nghiem-thu\">← Các lô giao nộp</a></p>\n<h1>Nghiệm thu lô \(e(run.delivery.name))</h1>\n"
        body += "<p class=\"hint\">Bắt đầu lúc \(e(time(run.started))) · người kiểm tra: \(e(run.caller.name))</p>\n"
        let refresh = "<meta http-equiv=\"refresh\" content=\"2\">"
        switch run.state {
        case .waiting, .running:
            body += "<p class=\"progress\" role=\"status\">\(e(status(run.state)))…</p>\n"
            return layout(title: "Nghiệm thu \(run.delivery.name)", body: body, head: refresh)
        case .failed(let message):
            body += "<p class=\"error\" role=\"alert\">\(e(message))</p>\n"
        case .done(let report):
            let summary = ReportText.totals(report).map { "\(e($0.0)): <b>\(e($0.1))</b>" }.joined(separator: " · ")
            body += "<p class=\"progress\" role=\"status\">Đã kiểm tra xong. \(summary)</p>\n"
            body += "<p class=\"downloads\"><a href=\"/nghiem-thu/\(url(run.id))/bao-cao.csv\" download>Tải báo cáo CSV</a>"
                + "<a href=\"/nghiem-thu/\(url(run.id))/bien-ban.html\" target=\"_blank\">Biên bản in được (HTML)</a></p>\n"
            body += "<article class=\"bien-ban\">\n\(ReportHTML.content(report))</article>\n"
        }
        return layout(title: "Nghiệm thu \(run.delivery.name)", body: body)
    }

    /// A run's state in a few words.
    static func status(_ state: AcceptanceRuns.State) -> String {
        switch state {
        case .waiting: return "đang chờ đến lượt"
        case .running(let done, let count, let pages):
            return count == 0 ? "đang kiểm tra: đang đọc siêu dữ liệu"
                : "đang kiểm tra: \(done)/\(count) tài liệu, \(pages) trang đã đo"
        case .done(let report):
            return "xong: \(report.acceptedPages)/\(report.pages) trang đạt, \(report.findings.count) lỗi"
        case .failed: return "không kiểm tra được"
        }
    }

    static func time(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "HH:mm:ss dd/MM/yyyy"
        return f.string(from: date)
    }

    /// The biên bản's look inside the site (its printable page keeps its own A4 style).
    static let acceptanceCSS = """

    .deliveries form{margin:0}.deliveries button{padding:.25em .9em}.runs li{margin:.3em 0}
    .progress{font-size:1.05em;background:#fff;border-left:4px solid #7a1f1f;padding:.5em .8em}.downloads{display:flex;gap:1.5em}
    .bien-ban{background:#fff;border:1px solid #ccc;padding:1em 1.5em;font-family:"Times New Roman","Noto Serif",serif}
    .bien-ban h1{font-size:1.3em;text-align:center;margin:0 0 .2em}.bien-ban h2{font-size:1.1em;margin:1.2em 0 .3em}.bien-ban .sub{text-align:center}
    .bien-ban table{border-collapse:collapse;width:100%;margin:.4em 0}
    .bien-ban th,.bien-ban td{border:1px solid #444;padding:.15em .35em;vertical-align:top;font-size:.9em}.bien-ban th{background:#eee}
    .bien-ban td.ok{text-align:center}.bien-ban td.loi{text-align:center;font-weight:700;background:#f6d5d5}
    .bien-ban td.xem{text-align:center;background:#fff2c6}.bien-ban .num{text-align:right;white-space:nowrap}
    .bien-ban td.place{word-break:break-all;width:40%}
    .bien-ban .sign{display:flex;justify-content:space-around;margin-top:2em;text-align:center}.bien-ban .sign div{width:45%;min-height:5em}
    """
}
