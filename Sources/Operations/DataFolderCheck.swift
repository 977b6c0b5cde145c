import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import Xapian

/// The outcome of `hoso verify --data DIR`: what was checked, what is damaged, what was repaired on the spot.
public struct DataFolderCheck: Sendable {
    public var folder: String
    public var checked: [String] = []
    /// Vietnamese, each naming the damaged file and what to do.
    public var problems: [String] = []
    /// Derived files found damaged and removed (page images: rendered again when next viewed).
    public var repaired: [String] = []
    /// True when the catalogue itself is damaged (the server refuses to start).
    public var catalogueDamaged = false
    public var ok: Bool { problems.isEmpty }
}

/// Checks a data folder in place: the catalogue by SQLite's integrity check, the index stub and the current
/// generation's stub, every level database by `xapian-check` and against the checksums written when the
/// generation was switched to (`GenerationChecksums`), the index against the catalogue (`compareIndex`), and every
/// cached page image by its PNG chunk CRCs.
public enum DataFolderVerifier {
    public static func verify(_ data: DataDirectory, repairCache: Bool = true) -> DataFolderCheck {
        var check = DataFolderCheck(folder: data.url.path)
        checkCatalogue(data, &check)
        checkIndex(data, &check)
        checkIndexAgainstCatalogue(data, &check)
        if let current = try? IndexStub.read(data.indexStubPath) { noteServedGeneration(data, current: current, &check) }
        checkPageImages(data, repair: repairCache, &check)
        return check
    }

    /// The catalogue's SQLite check only (`PRAGMA quick_check`): what `hoso serve` runs before it starts.
    public static func catalogueProblems(_ store: any ArchiveCatalogue) -> [String] {
        do { return try store.integrityProblems(full: false) } catch { return ["\(error)"] }
    }

    static func checkCatalogue(_ data: DataDirectory, _ check: inout DataFolderCheck) {
        let restore = "hãy phục hồi từ bản sao lưu (hoso restore)"
        if data.sharesCatalogue {
            do {
                let store = try data.openCatalogue()
                let found = try store.integrityProblems(full: true)
                try? store.close()
                check.checked.append("danh mục \(data.catalogueLocation) (lược đồ phiên bản \(store.schemaVersion))")
                if !found.isEmpty { check.problems.append("Danh mục \(data.catalogueLocation): \(found.prefix(3).joined(separator: "; "))") }
            } catch {
                check.catalogueDamaged = true
                check.problems.append("Danh mục \(data.catalogueLocation) không mở được: \(error)")
            }
            return
        }
        guard data.hasCatalogue else {
            check.problems.append("Không có danh mục \(data.cataloguePath)")
            check.catalogueDamaged = true
            return
        }
        do {
            let store = try CatalogueStore(path: data.cataloguePath)
            let found = try store.integrityProblems(full: true)
            try? store.close()
            check.checked.append("danh mục \(data.cataloguePath) (PRAGMA integrity_check)")
            if !found.isEmpty {
                check.catalogueDamaged = true
                check.problems.append("Danh mục \(data.cataloguePath) bị hỏng: \(found.prefix(3).joined(separator: "; ")); \(restore)")
            }
        } catch {
            check.catalogueDamaged = true
            check.problems.append("Danh mục \(data.cataloguePath) không mở được: \(error); \(restore)")
        }
    }

    static func checkIndex(_ data: DataDirectory, _ check: inout DataFolderCheck) {
        let reindex = "hãy chạy hoso reindex để lập lại chỉ mục từ danh mục"
        guard let text = try? String(contentsOfFile: data.indexStubPath, encoding: .utf8) else {
            if data.hasCatalogue { check.problems.append("Không có \(data.indexStubPath); \(reindex)") }
            return
        }
        let names = text.split(separator: "\n")
        guard names.count == 1, names[0].hasPrefix("auto index-"), let generation = try? IndexStub.read(data.indexStubPath),
              IndexLayout.kind(of: generation) != .missing else {
            check.problems.append("Tệp \(data.indexStubPath) bị hỏng hoặc chỉ tới thế hệ chỉ mục không có; \(reindex)")
            return
        }
        check.checked.append("tệp chỉ mục \(data.indexStubPath) → \(URL(fileURLWithPath: generation).lastPathComponent)")
        guard IndexLayout.kind(of: generation) == .split else { return }
        let stub = generation + "/XAPIANDB"
        if (try? String(contentsOfFile: stub, encoding: .utf8)) != IndexLayout.levels.map({ "auto l\($0)\n" }).joined() {
            check.problems.append("Tệp \(stub) bị hỏng; \(reindex)")
        }
        for level in IndexLayout.levels {
            let path = IndexLayout.levelPath(generation, level: level)
            if let problem = xapianCheck(path) {
                check.problems.append("Cơ sở dữ liệu chỉ mục \(path) bị hỏng (\(problem)); \(reindex)")
            } else {
                check.checked.append("chỉ mục \(path)")
            }
        }
        guard let entries = GenerationChecksums.read(generation) else { return }
        var compared = 0
        for entry in entries {
            let full = generation + "/" + entry.path
            guard let (size, modified) = GenerationChecksums.attributes(full) else {
                check.problems.append("Thiếu tệp chỉ mục \(full); \(reindex)")
                continue
            }
            guard modified == entry.modified else { continue }   // written since: Xapian's check covers it
            compared += 1
            if size != entry.size {
                check.problems.append("Tệp chỉ mục \(full) bị cắt hoặc đổi kích thước (\(size) byte, lúc ghi \(entry.size)); \(reindex)")
            } else if (try? SHA256.hex(fileAt: URL(fileURLWithPath: full))) != entry.hash {
                check.problems.append("Tệp chỉ mục \(full) bị hỏng (SHA-256 khác lúc ghi); \(reindex)")
            }
        }
        check.checked.append("\(compared) tệp chỉ mục so với \(GenerationChecksums.fileName)")
    }

    /// When the current generation is damaged and an older one would be served, says so among the problems.
    static func noteServedGeneration(_ data: DataDirectory, current: String, _ check: inout DataFolderCheck) {
        guard !check.problems.isEmpty else { return }
        let choice = ServedGeneration.choose(data, current: current)
        guard let older = choice.generation, older != current else { return }
        check.problems.append("hoso serve đang phục vụ từ thế hệ chỉ mục cũ \(URL(fileURLWithPath: older).lastPathComponent) "
            + "(còn mở được; thiếu các thay đổi sau lần lập chỉ mục đó) thay cho \(URL(fileURLWithPath: current).lastPathComponent); hãy chạy hoso reindex")
    }

    /// The first level database of the current generation that does not open, described; nil when all open
    /// (or there is no index yet). Cheap: what a server checks before it starts.
    public static func indexOpenProblem(_ data: DataDirectory) -> String? {
        guard let generation = try? IndexStub.read(data.indexStubPath) else { return nil }
        // An older complete generation that opens is served instead (with a warning): no reason to refuse.
        if ServedGeneration.choose(data, current: generation).generation != generation { return nil }
        guard IndexLayout.kind(of: generation) == .split else {
            return IndexLayout.kind(of: generation) == .missing ? "Chỉ mục \(generation) mà \(data.indexStubPath) chỉ tới không có" : nil
        }
        for level in IndexLayout.levels {
            let path = IndexLayout.levelPath(generation, level: level)
            do { _ = try XapianDatabase(path: path).documentCount() } catch {
                return "Chỉ mục \(path) bị hỏng (\(error))"
            }
        }
        return nil
    }

    /// What `xapian-check` finds wrong with the database at `path` (nil when whole); the database opened
    /// and counted when the tool is missing.
    static func xapianCheck(_ path: String) -> String? {
        let tool = ["/usr/bin/xapian-check", "/usr/local/bin/xapian-check"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else {
            do { _ = try XapianDatabase(path: path).documentCount(); return nil } catch { return "\(error)" }
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        do { try p.run() } catch { return "không chạy được xapian-check: \(error)" }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus != 0 else { return nil }
        let lines = text.split(separator: "\n").filter { !$0.isEmpty }
        return lines.suffix(2).joined(separator: " ")
    }

    static func checkPageImages(_ data: DataDirectory, repair: Bool, _ check: inout DataFolderCheck) {
        let folder = data.pageImageCache.path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var good = 0
        for name in names.sorted() {
            let path = folder + "/" + name
            let whole = name.hasSuffix(".png") && !name.hasPrefix(".") && PNGCheck.isWhole(path)
            if whole { good += 1; continue }
            if repair, (try? FileManager.default.removeItem(atPath: path)) != nil {
                check.repaired.append("Đã xóa ảnh trang hỏng \(path) (sẽ được dựng lại khi xem)")
            } else {
                check.problems.append("Ảnh trang \(path) bị hỏng; hãy xóa tệp này (sẽ được dựng lại khi xem)")
            }
        }
        check.checked.append("\(good) ảnh trang trong \(folder)")
    }
}

/// A PNG file's structure: its signature, then chunks whose CRC-32 match, up to `IEND`.
enum PNGCheck {
    static func isWhole(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let bytes = [UInt8](data)
        guard bytes.count >= 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return false }
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard length <= bytes.count - at - 12 else { return false }
            let typeAndData = bytes[(at + 4)..<(at + 8 + length)]
            let stored = bytes[(at + 8 + length)..<(at + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard crc32(typeAndData) == stored else { return false }
            if typeAndData.prefix(4).elementsEqual("IEND".utf8) { return at + 12 + length == bytes.count }
            at += 12 + length
        }
        return false
    }

    static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { table[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }
}
