import Access
import ArgumentParser
import CAllocator
import Catalogue
import DataFolder
import Foundation
import HosoServer
import IndexLifecycle
import Ingest
import OCR
import Search

/// Options every command takes.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Thư mục chứa mọi dữ liệu của hoso (tạo mới nếu chưa có).")
    var data: String
    @Option(name: .long, help: "Danh mục dùng chung trên PostgreSQL (postgresql://người_dùng@máy:cổng/csdl); mặc định: biến HOSO_CATALOGUE, hoặc tệp SQLite trong --data.")
    var catalogue: String?

    /// The data folder, its catalogue the one `--catalogue` or `HOSO_CATALOGUE` names, else its SQLite file.
    func directory() throws -> DataDirectory {
        try DataDirectory(path: data, catalogue: catalogue ?? ProcessInfo.processInfo.environment["HOSO_CATALOGUE"])
    }
}

extension Role: ExpressibleByArgument {}

/// Exit codes of CONTRACT.md: 0 success, 1 partly done, 2 bad usage or unusable input.
struct Exit: Error {
    var code: Int32
}

@main
struct Hoso: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoso",
        abstract: "Tìm kiếm toàn văn tài liệu lưu trữ số hóa.",
        subcommands: [Ingest.self, Search.self, Text.self, Export.self, Serve.self, Reindex.self, TokenCommand.self,
                      Review.self, AuditCommand.self, BackupCommand.self, VerifyCommand.self, RestoreCommand.self,
                      Check.self, CopyCommand.self, MergeCommand.self, StatusCommand.self]
    )

    /// Runs the command and maps every failure to the exit codes of CONTRACT.md.
    static func main() async {
        _ = hoso_allocator_linked()
        // Tesseract's OpenMP reads OMP_THREAD_LIMIT when it loads: re-executes with it set to 1.
        OCRRuntime.ensureSingleThreadedOpenMP()
        // A child reading one suspect PDF for an ingest (ReadingMarks) does only that.
        PDFProbe.runIfChild()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as Exit {
            Foundation.exit(exit.code)
        } catch let error as HosoError {
            printError("Lỗi: \(error.message)")
            Foundation.exit(error.kind == .notFound ? 1 : 2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Nhập một lô: siêu dữ liệu, nhận dạng chữ các trang chưa nhận dạng, lập chỉ mục.")

    @Argument(help: "Thư mục lô (chứa ho_so.csv, tai_lieu.csv và các tệp quét).")
    var batch: String
    @OptionGroup var options: DataOptions
    @Flag(help: "In bản tóm tắt JSON ở dòng cuối.")
    var json = false
    @Flag(help: "Nhận dạng lại cả PDF đã có lớp chữ.")
    var reocr = false
    @Flag(name: .customLong("refuse-secret"), help: "Không nhận tài liệu Mật (máy nối mạng không được giữ tài liệu mật).")
    var refuseSecret = false
    @Option(help: "Số bộ nhận dạng chạy song song (mặc định: số lõi).")
    var workers: Int?
    @Option(help: "Chỉ nhập phần i/n của lô (chia theo Mã hồ sơ) để lập một mảnh chỉ mục, ví dụ 2/3.")
    var part: String?
    @Option(help: "Tên máy nhận dạng này trong danh mục dùng chung (mặc định: tên máy:mã tiến trình).")
    var worker: String?

    func run() async throws {
        let data = try options.directory()
        var opts = IngestOptions()
        opts.reocr = reocr
        opts.refuseSecret = refuseSecret
        if let workers { opts.workers = workers }
        if let part { opts.part = try BatchPart(parsing: part) }
        if let worker {
            let name = worker.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 200 else { throw HosoError(.usage, "--worker phải là một tên từ 1 đến 200 ký tự") }
            opts.worker = name.precomposedStringWithCanonicalMapping
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: batch, isDirectory: &isDir), isDir.boolValue else {
            throw HosoError(.usage, "Không tìm thấy thư mục lô \(batch)")
        }
        let store = try data.openCatalogue()
        let summary = try Ingestor(data: data, store: store, options: opts).ingest(batch: URL(fileURLWithPath: batch))
        for item in summary.skipped { printError("Bỏ qua: \(item)") }
        printError("Đã nhập \(summary.documents) tài liệu, \(summary.pages) trang (nhận dạng \(summary.recognised), dùng lại \(summary.reused)), lập chỉ mục \(summary.indexed), bỏ qua \(summary.skipped.count).")
        if json { print(String(decoding: try JSONEncoder.hoso.encode(summary), as: UTF8.self)) }
        if summary.exitCode != 0 { throw Exit(code: summary.exitCode) }
    }
}

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tìm tài liệu.")

    @OptionGroup var options: DataOptions
    @Option(help: "Vai trò: public, staff, secret.")
    var role: Role = .public
    @Option(help: "Số kết quả tối đa.")
    var limit = 10
    @Option(help: "Bỏ qua bao nhiêu kết quả đầu.")
    var offset = 0
    @Flag(help: "In kết quả dạng JSON.")
    var json = false
    @Flag(name: .customLong("xapian-query"),
          help: "Chỉ in (JSON) truy vấn Xapian đã chạy và các thiết lập của nó, để Xapian chạy lại y như vậy (bench/server).")
    var xapianQuery = false
    @Argument(help: "Câu tìm kiếm.")
    var query: [String]

    func run() async throws {
        let archive = try Archive(data: options.directory())
        if role != .secret, let warning = archive.indexLayoutWarning() { printError(warning) }
        var spec = SearchRequestSpec(query: query.joined(separator: " "), role: role, limit: limit, offset: offset)
        spec.recordIndexQuery = xapianQuery
        let result = try archive.search(spec, by: .commandLine(role: role))
        if xapianQuery {
            guard let recorded = result.indexQuery else { throw HosoError(.usage, "Tìm kiếm này không chạy truy vấn Xapian nào") }
            print(String(decoding: try JSONEncoder.hoso.encode(recorded), as: UTF8.self))
            return
        }
        if json {
            print(String(decoding: result.jsonBytes(), as: UTF8.self))
            return
        }
        if let s = result.suggestion { print("Có phải bạn muốn tìm: \(s)") }
        print("\(result.total) tài liệu")
        for (i, hit) in result.hits.enumerated() {
            print("\(offset + i + 1). \(hit.id)  \(hit.title)")
            if !hit.pages.isEmpty { print("   trang \(hit.pages.map(String.init).joined(separator: ", "))") }
            if !hit.snippet.isEmpty { print("   \(hit.snippet)") }
        }
    }
}

struct Text: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "In văn bản nhận dạng của một tài liệu, các trang cách nhau bằng ký tự \\f.")

    @OptionGroup var options: DataOptions
    @Option(help: "Vai trò: public, staff, secret.")
    var role: Role = .public
    @Argument(help: "Mã tài liệu, ví dụ H49.64.33.2001.160.1")
    var id: String

    func run() async throws {
        let archive = try Archive(data: options.directory())
        let pages = try archive.text(id: id, by: .commandLine(role: role))
        print(pages.joined(separator: "\u{0C}"))
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chạy máy chủ tra cứu (API JSON và trang web).")

    @OptionGroup var options: DataOptions
    @Option(help: "Địa chỉ lắng nghe.")
    var host = "127.0.0.1"
    @Option(help: "Cổng.")
    var port = 8080
    @Option(name: .customLong("rate-limit"), help: "Số yêu cầu mỗi giây một địa chỉ được gửi khi không có mã truy cập (0: không giới hạn; cho phép dồn gấp đôi).")
    var rateLimit = 20.0
    @Option(help: "Thư mục các lô giao nộp cán bộ được nghiệm thu trên trang /nghiem-thu (mặc định: biến HOSO_DELIVERIES).")
    var deliveries: String?
    @OptionGroup var sources: IndexSourceOptions

    func run() async throws {
        let data = try options.directory()
        try ServeChecks.run(data)
        let archive = try Archive(data: data)
        archive.indexSources = try sources.sources()
        if let warning = archive.indexLayoutWarning() { printError(warning) }
        if let warning = archive.servingWarning() { printError(warning) }
        guard rateLimit >= 0, rateLimit.isFinite else { throw HosoError(.usage, "--rate-limit phải là số không âm") }
        var serverOptions = ServerOptions(host: host, port: port, rateLimit: RateLimitOptions(rate: rateLimit))
        serverOptions.deliveries = try (deliveries ?? ProcessInfo.processInfo.environment["HOSO_DELIVERIES"])
            .flatMap { $0.isEmpty ? nil : try DeliveriesFolder(path: $0) }
        let app = buildApplication(archive: archive, options: serverOptions)
        printError("hoso đang phục vụ tại http://\(host):\(port)/  (thử: curl 'http://\(host):\(port)/api/search?q=thu+hoi+dat')")
        try await app.runService()
    }
}

struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lập lại toàn bộ chỉ mục từ danh mục vào một cơ sở dữ liệu mới rồi chuyển sang nó.")

    @OptionGroup var options: DataOptions
    @Option(name: .customLong("commit-every"), help: "Ghi chốt chỉ mục sau mỗi bấy nhiêu tài liệu (lần chạy bị ngắt sẽ tiếp tục từ chốt cuối).")
    var commitEvery = 200
    @Option(help: "Chỉ lập mảnh chỉ mục của phần i/n (chia theo Mã hồ sơ như hoso ingest --part), ví dụ 2/3: mỗi máy phục vụ lập mảnh của mình từ danh mục dùng chung.")
    var part: String?

    func run() async throws {
        let selection = try part.map { DocumentSelection.part(try BatchPart(parsing: $0)) }
        let data = try options.directory()
        let store = try data.openCatalogue()
        let maintainer = try IndexMaintainer(data: data, store: store)
        let count = try maintainer.rebuild(quiet: false, commitEvery: commitEvery, selection: selection)
        if maintainer.lastRebuildResumed > 0 {
            printError("Tiếp tục lần lập lại bị ngắt: \(maintainer.lastRebuildResumed) tài liệu đã có sẵn trong thế hệ mới.")
        }
        printError("Đã lập lại chỉ mục\(part.map { " (phần \($0))" } ?? ""): \(count) tài liệu.")
    }
}

struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Liệt kê các trang có độ tin cậy thấp (nhận dạng kém, hoặc lớp chữ PDF kém mà nhận dạng lại không tốt hơn), cần kiểm tra lại.")

    @OptionGroup var options: DataOptions
    @Option(help: "Ngưỡng độ tin cậy trung bình (0–100).")
    var below = 70.0
    @Option(help: "Số trang tối đa.")
    var limit = 100

    func run() async throws {
        let store = try options.directory().openCatalogue()
        for page in try store.lowConfidencePages(below: below, limit: limit) {
            var source: String
            switch page.textSource {
            case .ocr: source = "nhận dạng"
            case .layer: source = "lớp chữ PDF"
            case .transcript: source = "bản chép"
            }
            if let score = page.layerScore { source += String(format: " (lớp chữ PDF: %.2f)", score) }
            print("\(page.documentID)\ttrang \(page.number)\t\(String(format: "%.1f", page.confidence))\t\(source)")
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Quản lý mã truy cập.",
                                                    subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tạo mã truy cập mới (chỉ in ra một lần).")
        @OptionGroup var options: DataOptions
        @Option(help: "Vai trò: public, staff, secret.")
        var role: Role
        @Option(help: "Tên (quầy nào, lưu trữ viên nào).")
        var name: String

        func run() async throws {
            let store = try options.directory().openCatalogue()
            print(try TokenService(store: store).create(role: role, name: name))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các mã truy cập (không in mã).")
        @OptionGroup var options: DataOptions
        func run() async throws {
            let store = try options.directory().openCatalogue()
            let formatter = ISO8601DateFormatter()
            for t in try store.listTokens() {
                print("\(t.name)\t\(t.role.rawValue)\t\(formatter.string(from: t.created))\(t.revoked ? "\tđã thu hồi" : "")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thu hồi mã truy cập theo tên.")
        @OptionGroup var options: DataOptions
        @Option(help: "Tên của mã cần thu hồi.")
        var name: String
        func run() async throws {
            let store = try options.directory().openCatalogue()
            guard try store.revokeToken(name: name) else { throw HosoError(.notFound, "Không có mã truy cập tên \(name)") }
            printError("Đã thu hồi mã \(name).")
        }
    }
}
