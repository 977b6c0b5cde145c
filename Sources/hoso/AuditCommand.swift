import ArgumentParser
import Catalogue
import Foundation
import HosoCore

/// `hoso audit`: the access log (nhật ký truy cập) of restricted reads and staff/secret searches.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Xem hoặc xuất nhật ký truy cập tài liệu hạn chế và các lần tìm kiếm của cán bộ.")

    @OptionGroup var options: DataOptions
    @Option(help: "Từ ngày (YYYY-MM-DD, theo giờ máy).")
    var from: String?
    @Option(help: "Đến hết ngày (YYYY-MM-DD, theo giờ máy).")
    var to: String?
    @Option(help: "Chỉ các dòng của mã truy cập có tên này (cli:<người dùng> cho dòng lệnh).")
    var token: String?
    @Flag(help: "Xuất CSV (UTF-8 có BOM, mở được bằng bảng tính).")
    var csv = false

    func run() async throws {
        let start = try from.map { try AuditLog.day($0, endOfDay: false) }
        let end = try to.map { try AuditLog.day($0, endOfDay: true) }
        if let start, let end, start > end { throw HosoError(.usage, "--from sau --to") }
        let store = try Archive.openStore(DataDirectory(path: options.data))
        let entries: [AuditEntry]
        do {
            entries = try store.audit(from: start, to: end, token: token)
        } catch let e as CatalogueError {
            throw HosoError(.unavailable, e.message)
        }
        if csv {
            FileHandle.standardOutput.write(AuditLog.csv(entries))
        } else {
            for line in AuditLog.lines(entries) { print(line) }
            printError("\(entries.count) dòng nhật ký.")
        }
    }
}
