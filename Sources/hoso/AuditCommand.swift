import Access
import ArgumentParser
import Catalogue
import DataFolder
import Foundation
import Search

/// `hoso audit`: the access log (nhật ký truy cập) of restricted reads, staff/secret searches and requests
/// refused for a wrong token.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Xem hoặc xuất nhật ký truy cập tài liệu hạn chế, các lần tìm kiếm của cán bộ và các yêu cầu dùng mã truy cập không hợp lệ.")

    @OptionGroup var options: DataOptions
    @Option(help: "Từ ngày (YYYY-MM-DD, theo giờ máy).")
    var from: String?
    @Option(help: "Đến hết ngày (YYYY-MM-DD, theo giờ máy).")
    var to: String?
    @Option(help: "Chỉ các dòng của mã truy cập có tên này (cli:<người dùng> cho dòng lệnh).")
    var token: String?
    @Option(help: "Chỉ các dòng có hành động này: \(AuditAction.allCases.map(\.rawValue).joined(separator: ", ")) (token-refused: yêu cầu bị từ chối vì mã truy cập không hợp lệ).")
    var action: String?
    @Flag(help: "Xuất CSV (UTF-8 có BOM, mở được bằng bảng tính).")
    var csv = false

    func run() async throws {
        let start = try from.map { try AuditLog.day($0, endOfDay: false) }
        let end = try to.map { try AuditLog.day($0, endOfDay: true) }
        if let start, let end, start > end { throw HosoError(.usage, "--from sau --to") }
        if let action, AuditAction(rawValue: action) == nil {
            throw HosoError(.usage, "Hành động \(action) không có; chọn một trong: \(AuditAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let store = try options.directory().openCatalogue()
        var entries: [AuditEntry]
        do {
            entries = try store.audit(from: start, to: end, token: token)
        } catch let e as CatalogueError {
            throw HosoError(.unavailable, e.message)
        }
        if let action { entries = entries.filter { $0.action == action } }
        if csv {
            FileHandle.standardOutput.write(AuditLog.csv(entries))
        } else {
            for line in AuditLog.lines(entries) { print(line) }
            printError("\(entries.count) dòng nhật ký.")
        }
    }
}
