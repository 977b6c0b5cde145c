import Acceptance
import ArgumentParser
import Catalogue
import Foundation
import OCR

/// `hoso check BATCH` (`hoso nghiem-thu`): the TT 05 acceptance report of a delivery, as a table on standard
/// output, and as CSV and a printable HTML page when asked. Exit 0 when every requirement is met, 1 on findings,
/// 2 when the delivery cannot be read.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Nghiệm thu một lô số hóa theo Thông tư 05/2025/TT-BNV: từng yêu cầu của từng hồ sơ, tài liệu, trang; số trang đạt, không đạt và thành tiền.",
        discussion: """
            Đọc mọi dạng lô hoso nhận (ho_so.csv + tai_lieu.csv, tệp Excel .xlsx, gói thông tin TT 05 dạng thư mục hoặc .zip).
            Mã thoát: 0 khi mọi yêu cầu đạt, 1 khi có lỗi, 2 khi không đọc được lô.
            """,
        aliases: ["nghiem-thu"])

    @Argument(help: "Thư mục lô cần nghiệm thu.")
    var batch: String
    @Option(name: .customLong("unit-price"), help: "Đơn giá một trang A4 đạt, đồng.")
    var unitPrice = 4_384
    @Flag(help: "Nhận dạng thử (Tesseract) các trang không có lớp chữ tốt để đo độ tin cậy của chữ (chậm: vài giây một trang).")
    var ocr = false
    @Option(help: "Ghi thêm báo cáo dạng CSV vào tệp này.")
    var csv: String?
    @Option(help: "Ghi thêm báo cáo dạng trang HTML in được vào tệp này.")
    var html: String?

    func validate() throws {
        guard unitPrice >= 0 else { throw ValidationError("--unit-price phải là số không âm.") }
    }

    func run() async throws {
        var check = DeliveryCheck()
        check.unitPrice = unitPrice
        check.progress = { tell("Kiểm tra \($0)") }
        if ocr {
            do {
                check.inspector.engine = try TesseractEngine()
            } catch {
                tell("Lỗi: không khởi động được bộ nhận dạng chữ: \(error)")
                throw Exit(code: 2)
            }
        }
        let report: AcceptanceReport
        do {
            report = try check.run(batch: URL(fileURLWithPath: batch, isDirectory: true))
        } catch let error as CatalogueError {
            tell("Lỗi: \(error.message)")
            throw Exit(code: 2)
        }
        print(ReportText.render(report), terminator: "")
        for (path, text) in [(csv, csv.map { _ in ReportCSV.render(report) }), (html, html.map { _ in ReportHTML.render(report) })] {
            guard let path, let text else { continue }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                tell("Đã ghi \(path)")
            } catch {
                tell("Lỗi: không ghi được \(path): \(error.localizedDescription)")
                throw Exit(code: 2)
            }
        }
        tell("Nghiệm thu: \(report.acceptedPages)/\(report.pages) trang đạt, \(report.findings.count) lỗi, \(report.reviews.count) điểm cần xem.")
        if report.exitCode != 0 { throw Exit(code: report.exitCode) }
    }

    /// Progress and errors go to standard error (CONTRACT.md), the report to standard output.
    private func tell(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
