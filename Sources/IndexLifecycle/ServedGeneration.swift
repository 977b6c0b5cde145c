import DataFolder
import Foundation
import Xapian

/// Which index generation a reader serves: the one the stub names when it opens whole, otherwise the
/// newest older complete generation still on disk (a rebuild keeps the one it replaced until its next switch
/// succeeds), with a warning; documents changed since that generation was built are missing from its answers.
public enum ServedGeneration {
    public struct Choice: Equatable, Sendable {
        /// The generation folder to search (nil when there is no index at all).
        public var generation: String?
        /// Vietnamese, for the log, `/healthz` and `hoso verify`: set when an older generation is served.
        public var warning: String?
    }

    public static func choose(_ data: DataDirectory) -> Choice {
        guard let current = try? IndexStub.read(data.indexStubPath) else { return Choice(generation: nil, warning: nil) }
        return choose(data, current: current)
    }

    /// The choice when the stub names `current`.
    public static func choose(_ data: DataDirectory, current: String) -> Choice {
        guard let damage = problem(current) else { return Choice(generation: current, warning: nil) }
        for older in olderGenerations(data, than: current) where problem(older) == nil {
            let name = { (p: String) in URL(fileURLWithPath: p).lastPathComponent }
            return Choice(generation: older, warning: "Cảnh báo: chỉ mục hiện hành \(name(current)) bị hỏng (\(damage)); "
                + "đang phục vụ từ thế hệ chỉ mục cũ \(name(older)): thiếu các thay đổi sau lần lập chỉ mục đó. Hãy chạy hoso reindex.")
        }
        return Choice(generation: current, warning: nil)
    }

    /// Why `generation` cannot be served, nil when each of its databases opens and the files recorded in its
    /// `CHECKSUMS` that were not written since still have their size. Cheap: no file is read whole.
    public static func problem(_ generation: String) -> String? {
        let paths: [String]
        switch IndexLayout.kind(of: generation) {
        case .missing: return "không có thư mục \(generation)"
        case .single: paths = [generation]
        case .split: paths = IndexLayout.levels.map { IndexLayout.levelPath(generation, level: $0) }
        }
        for entry in GenerationChecksums.read(generation) ?? [] {
            let full = generation + "/" + entry.path
            guard let (size, modified) = GenerationChecksums.attributes(full) else { return "thiếu tệp \(full)" }
            if modified == entry.modified, size != entry.size { return "tệp \(full) bị cắt hoặc đổi kích thước" }
        }
        for path in paths {
            do { try touch(path) } catch { return "không đọc được \(path): \(error)" }
        }
        return nil
    }

    /// Opens the database at `path` and reads a block of each of its main tables (a term's postings, the first
    /// document's data and terms): a table overwritten or cut short fails here, as the first search would.
    static func touch(_ path: String) throws {
        let db = try XapianDatabase(path: path)
        guard try db.documentCount() > 0 else { return }
        _ = try db.termExists("XA1")
        do {
            _ = try db.documentData(docid: 1)
            _ = try db.documentTerms(docid: 1)
        } catch let e as XapianError where e.errorClass == "DocNotFoundError" {}
    }

    /// Complete generations numbered below `current`, newest first: folders `index-K` that hold a database and
    /// are neither being built (a progress file beside them) nor partitions of a build.
    public static func olderGenerations(_ data: DataDirectory, than current: String) -> [String] {
        guard let number = IndexStub.generationNumber(current),
              let names = try? FileManager.default.contentsOfDirectory(atPath: data.url.path) else { return [] }
        return names.compactMap { name -> (Int, String)? in
            let path = data.url.appendingPathComponent(name).path
            guard let k = IndexStub.generationNumber(path), k < number,
                  !FileManager.default.fileExists(atPath: path + ".progress"),
                  !FileManager.default.fileExists(atPath: path + "/partitions"),
                  IndexLayout.kind(of: path) != .missing else { return nil }
            return (k, path)
        }.sorted { $0.0 > $1.0 }.map(\.1)
    }
}
