import ArgumentParser
import DataFolder
import Foundation
import Operations
import Search

/// `hoso backup DEST… --data DIR`: a consistent snapshot, safe while serving, to one or more media.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu danh mục và chỉ mục hiện hành (an toàn khi đang phục vụ) vào một hay nhiều thư mục trống, rồi kiểm tra từng bản.")

    @Argument(help: "Thư mục đích (trống hoặc chưa có); cho hai thư mục trên hai thiết bị khác nhau để có hai bản độc lập.")
    var destinations: [String]
    @OptionGroup var options: DataOptions
    @Option(name: .customLong("lock-wait"), help: "Số giây chờ khi chỉ mục đang được ghi.")
    var lockWait: Double = 60

    func run() async throws {
        let data = try options.directory()
        let store = try data.openCatalogue()
        let checks = try Backup.create(data: data, store: store, destinations: destinations.map { URL(fileURLWithPath: $0) },
                                       lockWait: lockWait)
        var failed = false
        for c in checks {
            if c.ok {
                printError("Đã sao lưu và kiểm tra \(c.destination): \(c.checkedFiles) tệp, khớp MANIFEST.")
            } else {
                failed = true
                for p in c.problems { printError("Lỗi ở \(c.destination): \(p)") }
            }
        }
        if failed { throw Exit(code: 1) }
    }
}

/// `hoso verify DEST…`: checks a backup against its MANIFEST (size and SHA-256 of every file);
/// `hoso verify --data DIR`: checks a data folder in place (catalogue, index, cached page images).
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kiểm tra bản sao lưu theo MANIFEST (SHA-256 từng tệp), hoặc (--data) kiểm tra thư mục dữ liệu: danh mục, chỉ mục, ảnh trang.")

    @Argument(help: "Thư mục sao lưu.")
    var destinations: [String] = []
    @Option(name: .long, help: "Kiểm tra thư mục dữ liệu này (danh mục, chỉ mục, ảnh trang đã lưu; ảnh trang hỏng được xóa để dựng lại).")
    var data: String?
    @Option(name: .long, help: "Danh mục dùng chung trên PostgreSQL của thư mục dữ liệu đó (mặc định: biến HOSO_CATALOGUE, hoặc tệp SQLite trong --data).")
    var catalogue: String?

    func run() async throws {
        guard !destinations.isEmpty || data != nil else {
            throw HosoError(.usage, "Hãy cho thư mục sao lưu cần kiểm tra, hoặc --data THƯ_MỤC_DỮ_LIỆU")
        }
        var failed = false
        if let data {
            let c = DataFolderVerifier.verify(try DataDirectory(path: data, create: false,
                                                                 catalogue: catalogue ?? ProcessInfo.processInfo.environment["HOSO_CATALOGUE"]))
            for item in c.checked { printError("Đã kiểm tra \(item)") }
            for item in c.repaired { print("  \(item)") }
            failed = !report(c.folder, problems: c.problems, good: "tốt") || failed
        }
        for d in destinations {
            let c = try Backup.verify(URL(fileURLWithPath: d))
            failed = !report(c.destination, problems: c.problems, good: "tốt (\(c.checkedFiles) tệp)") || failed
        }
        if failed { throw Exit(code: 1) }
    }

    /// Prints what was checked and its problems; true when there are none.
    private func report(_ place: String, problems: [String], good: String) -> Bool {
        guard !problems.isEmpty else { print("\(place): \(good)"); return true }
        print("\(place): HỎNG")
        for p in problems { print("  \(p)") }
        return false
    }
}

/// What `hoso serve` checks before it starts: the catalogue (SQLite's quick check) and that the current
/// index generation opens. A damaged catalogue or index is refused with what to do.
enum ServeChecks {
    static func run(_ data: DataDirectory) throws {
        guard data.hasCatalogue else { return }
        let store = try data.openCatalogue()
        let problems = DataFolderVerifier.catalogueProblems(store)
        guard problems.isEmpty else {
            throw HosoError(.unavailable, "Danh mục \(data.catalogueLocation) bị hỏng (\(problems.prefix(3).joined(separator: "; "))): không phục vụ; hãy phục hồi từ bản sao lưu (hoso restore)")
        }
        if let damage = DataFolderVerifier.indexOpenProblem(data) {
            throw HosoError(.unavailable, "\(damage): không phục vụ; hãy chạy hoso reindex để lập lại chỉ mục từ danh mục")
        }
    }
}

/// `hoso restore BACKUP --data DIR`: into an empty data folder.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Phục hồi một bản sao lưu đã kiểm tra vào thư mục dữ liệu trống.")

    @Argument(help: "Thư mục sao lưu.")
    var backup: String
    @OptionGroup var options: DataOptions

    func run() async throws {
        let data = try options.directory()
        let caught = try Backup.restore(from: URL(fileURLWithPath: backup), into: data)
        printError("Đã phục hồi vào \(data.url.path)\(caught > 0 ? "; lập chỉ mục bổ sung \(caught) tài liệu" : "").")
    }
}

/// Options of `hoso serve` for replicas and shards.
struct IndexSourceOptions: ParsableArguments {
    @Option(name: .customLong("index"), help: "Tìm trong cơ sở dữ liệu chỉ mục này thay cho chỉ mục của --data (lặp lại được: bản sao, mảnh cục bộ). Một thư mục thế hệ chỉ mục có l1, l2, l3 được tách theo mức truy cập.")
    var indexPaths: [String] = []
    @Option(name: .customLong("shard"), help: "Mảnh chỉ mục từ xa máy:cổng do xapian-tcpsrv phục vụ (lặp lại được); M=máy:cổng cho mảnh chỉ chứa mức truy cập M (1, 2, 3).")
    var shards: [String] = []
    @Option(name: .customLong("shard-timeout"), help: "Thời hạn mỗi thao tác với mảnh từ xa, mili giây.")
    var shardTimeout = 10_000

    func sources() throws -> IndexSources? {
        guard !indexPaths.isEmpty || !shards.isEmpty else { return nil }
        for p in indexPaths where !FileManager.default.fileExists(atPath: p) {
            throw HosoError(.usage, "Không tìm thấy chỉ mục \(p)")
        }
        var sources = IndexSources(paths: indexPaths)
        for s in shards { sources.add(try IndexSources.shard(parsingWithLevel: s, timeoutMilliseconds: shardTimeout)) }
        return sources
    }
}
