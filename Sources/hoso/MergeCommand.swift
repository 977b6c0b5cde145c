import ArgumentParser
import Catalogue
import DataFolder
import Foundation
import Operations
import Search

/// `hoso merge`: the catalogues of other data folders (the parts of `hoso ingest --part i/n`) into this one's.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Gộp danh mục của các thư mục dữ liệu khác (các phần của hoso ingest --part i/n, hoặc tệp catalogue.sqlite) vào danh mục của --data (SQLite hoặc PostgreSQL qua --catalogue).",
        discussion: """
            Hồ sơ, tài liệu với các trang, trạng thái nhập, token (theo mã băm) và nhật ký truy cập được gộp; bản ghi \
            đích đã có giống hệt được giữ nguyên, nên gộp lại lần nữa không thay đổi gì. Bản ghi mâu thuẫn với đích bị \
            từ chối, kèm các trường khác nhau (mã thoát 1); phần còn lại vẫn được gộp. Sau đó chạy hoso reindex để lập \
            chỉ mục các tài liệu vừa gộp (hoặc để lần hoso ingest sau lập).
            """)

    @Argument(help: "Thư mục dữ liệu nguồn (chứa catalogue.sqlite) hoặc tệp danh mục SQLite; một hoặc nhiều.")
    var sources: [String]
    @OptionGroup var options: DataOptions
    @Flag(help: "In báo cáo JSON ra đầu ra chuẩn.")
    var json = false

    func run() async throws {
        guard !sources.isEmpty else { throw HosoError(.usage, "Hãy cho ít nhất một thư mục dữ liệu hoặc tệp danh mục nguồn") }
        let data = try options.directory()
        var files: [String] = []
        for source in sources {
            let file = try Self.catalogueFile(source)
            if !data.sharesCatalogue, Self.samePath(file, data.cataloguePath) {
                throw HosoError(.usage, "Nguồn \(source) chính là danh mục đích \(data.cataloguePath)")
            }
            if files.contains(where: { Self.samePath($0, file) }) {
                throw HosoError(.usage, "Nguồn \(source) được cho hai lần")
            }
            files.append(file)
        }
        let target = try data.openCatalogue()
        let report = CatalogueMerge(target: target, quiet: false).merge(sources: files)
        for refusal in report.refused { printError("Từ chối: \(refusal)") }
        let added = report.sources.reduce((0, 0, 0)) { ($0.0 + $1.files, $0.1 + $1.documents, $0.2 + $1.pages) }
        printError("Đã gộp \(report.sources.count)/\(files.count) nguồn vào \(target.location): \(added.0) hồ sơ, \(added.1) tài liệu, \(added.2) trang mới; từ chối \(report.refused.count) bản ghi.")
        if report.needsIndex > 0 {
            printError("\(report.needsIndex) tài liệu vừa gộp chưa có trong chỉ mục: hãy chạy hoso reindex --data \(data.url.path) (hoặc lần hoso ingest sau sẽ lập chỉ mục cho chúng).")
        }
        if json { print(String(decoding: try JSONEncoder.hoso.encode(report), as: UTF8.self)) }
        if report.exitCode != 0 { throw Exit(code: report.exitCode) }
    }

    /// The SQLite file a source names: a data folder's `catalogue.sqlite`, or the file itself. Never created.
    static func catalogueFile(_ source: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDir) else {
            throw HosoError(.usage, "Không tìm thấy nguồn \(source)")
        }
        guard isDir.boolValue else { return source }
        let file = URL(fileURLWithPath: source).appendingPathComponent("catalogue.sqlite").path
        guard FileManager.default.fileExists(atPath: file) else {
            throw HosoError(.usage, "Thư mục \(source) không có danh mục catalogue.sqlite (danh mục dùng chung PostgreSQL không cần gộp)")
        }
        return file
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
            == URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
