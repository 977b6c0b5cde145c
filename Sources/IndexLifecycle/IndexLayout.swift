import Catalogue
import DataFolder
import Foundation
import SearchIndex
import Xapian

/// The databases of one index generation: one Xapian database per access level,
///
/// ```
/// DIR/index-N/l1/       Công khai documents only
/// DIR/index-N/l2/       Sử dụng có điều kiện
/// DIR/index-N/l3/       Mật
/// DIR/index-N/XAPIANDB  Xapian stub "auto l1 / auto l2 / auto l3": the generation opened as one database
/// ```
///
/// A role opens only the levels it may see, combined, so the collection statistics behind its scores
/// (document count, average length, term frequencies) are exactly those of the documents it may see.
/// The `XAPIANDB` stub keeps `DIR/index.stub` (and `DIR/index-N`) openable as one database by Xapian's
/// own tools (`xapian-delve DIR/index.stub`) and by `xapian-tcpsrv`; hoso never writes through it.
///
/// A generation written by older versions is one database (`DIR/index-N/iamglass`): `.single`.
public enum IndexLayout {
    /// The access levels, least restricted first: also the order in which writers commit.
    public static let levels = AccessLevel.allCases.map(\.rawValue)
    /// Xapian's name for a stub file inside a database directory.
    static let stubName = "XAPIANDB"

    public enum Kind: Equatable, Sendable {
        /// One database per access level (`l1`, `l2`, `l3`).
        case split
        /// One database holding every level (older versions, or a copy made by other tools).
        case single
        /// Nothing there (or an empty folder).
        case missing
    }

    /// The folder of the database of `level` inside a generation.
    public static func levelPath(_ generation: String, level: Int) -> String {
        URL(fileURLWithPath: generation).appendingPathComponent("l\(level)").path
    }

    /// What `path` holds: a split generation (a folder with level databases `l1`, `l2`, `l3`), a single
    /// database (a Xapian database folder, or a folder whose only database is its `XAPIANDB` stub — such as
    /// a replica made by `xapian-replicate`), or nothing.
    public static func kind(of path: String) -> Kind {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return .missing }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
        if names.contains(where: { $0.hasPrefix("iam") }) { return .single }
        if levels.contains(where: { names.contains("l\($0)") }) { return .split }
        if names.contains(stubName) { return .single }
        return .missing
    }

    /// A local index source for `hoso serve --index PATH`: a split generation folder (or a stub file naming
    /// one, like `DIR/index.stub`) gives its level databases; anything else is one database for all levels.
    public static func splitGeneration(at path: String) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
        if isDir.boolValue { return kind(of: path) == .split ? path : nil }
        guard let target = try? IndexStub.read(path), kind(of: target) == .split else { return nil }
        return target
    }

    /// The databases a reader who may see `visibleLevels` opens in a split generation.
    public static func databases(_ generation: String, visibleLevels: [Int]) -> [String] {
        levels.filter(visibleLevels.contains).map { levelPath(generation, level: $0) }
    }

    /// Holds the writer locks of a generation (each level's database in ascending order, or the single
    /// database of the older layout) without writing: no commit can happen there while they are held.
    /// Any term scheme: the generation a reindex replaces may be older. Empty when there is nothing there.
    /// On failure, the locks already taken are released; another writer's lock throws Xapian's
    /// `DatabaseLockError`.
    public static func lock(_ generation: String) throws -> [XapianWritableDatabase] {
        func open(_ path: String) throws -> XapianWritableDatabase { try XapianWritableDatabase(path: path, mode: .open) }
        switch kind(of: generation) {
        case .missing: return []
        case .single: return [try open(generation)]
        case .split:
            var held: [XapianWritableDatabase] = []
            do {
                for level in levels { held.append(try open(levelPath(generation, level: level))) }
            } catch {
                for w in held { try? w.close() }
                throw error
            }
            return held
        }
    }

    /// Writes the split generation `dest` (a new folder) from the partitions of a rebuild, each a split
    /// layout, level by level with Xapian's `compact`: one partition keeps its docids, several are merged in
    /// order (the documents of each after those of the partitions before it). Full B-tree blocks: about half
    /// the size of a freshly built index.
    static func compact(parts: [String], into dest: String) throws {
        try create(dest)
        // The levels are separate databases: compacted side by side (the last step of a rebuild, one thread
        // each otherwise while the other cores wait).
        do {
            try concurrentlyPerform(iterations: levels.count) { k in
                let sources = try XapianDatabase()
                for part in parts { try sources.add(path: levelPath(part, level: levels[k])) }
                try sources.compact(to: levelPath(dest, level: levels[k]), renumber: parts.count > 1)
            }
        } catch {
            throw HosoError(.unavailable, "Không nén được chỉ mục mới (\(dest)): \(error)")
        }
    }

    /// Creates the folder of a split generation and its `XAPIANDB` stub (idempotent). The level databases
    /// are created by their writers.
    static func create(_ generation: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: generation, withIntermediateDirectories: true)
            let stub = URL(fileURLWithPath: generation).appendingPathComponent(stubName)
            let text = levels.map { "auto l\($0)\n" }.joined()
            if (try? String(contentsOf: stub, encoding: .utf8)) != text {
                try Data(text.utf8).write(to: stub, options: .atomic)
            }
        } catch {
            if DiskSpace.isFull(error) { throw DiskSpace.fullError(writing: "tạo thư mục chỉ mục", folder: generation) }
            throw HosoError(.unavailable, "Không tạo được thư mục chỉ mục \(generation): \(error.localizedDescription)")
        }
    }
}

extension IndexLayout {
    /// Puts what is written under the folder `path` on disk: fsync of every file and folder below it, of the
    /// folder itself and of its parent (which holds its entry). For databases written without Xapian's syncing
    /// (a rebuild's partitions). The first failure is thrown, naming the file.
    static func makeDurable(_ path: String) throws {
        func sync(_ p: String, directory: Bool) throws {
            let fd = open(p, O_RDONLY | (directory ? O_DIRECTORY : 0))
            guard fd >= 0 else { throw syncFailure(p) }
            defer { close(fd) }
            guard fsync(fd) == 0 else { throw syncFailure(p) }
        }
        func walk(_ dir: String) throws {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: dir)
            } catch {
                throw HosoError(.unavailable, "Không đọc được thư mục \(dir) để ghi xuống đĩa: \(error.localizedDescription)")
            }
            for name in names {
                let p = dir + "/" + name
                var info = stat()
                guard lstat(p, &info) == 0 else { throw syncFailure(p) }
                switch info.st_mode & mode_t(S_IFMT) {
                case mode_t(S_IFDIR): try walk(p)
                case mode_t(S_IFREG): try sync(p, directory: false)
                default: continue   // no links nor devices in a Xapian database
                }
            }
            try sync(dir, directory: true)
        }
        try walk(path)
        try sync(URL(fileURLWithPath: path).deletingLastPathComponent().path, directory: true)
    }

    private static func syncFailure(_ path: String) -> HosoError {
        HosoError(.unavailable, "Không ghi được xuống đĩa \(path): \(String(cString: strerror(errno)))")
    }
}

/// The writers of a split generation, one per access level, opened (and so locked) in ascending order.
///
/// A document goes into the database of its level and is deleted (by its unique id term) from the others:
/// a corrected Chế độ sử dụng moves it. Nothing is committed except by `commit()`, which commits the levels
/// in ascending order (1, 2, 3): a document moving to a more restricted level is removed from the less
/// restricted database before it appears in the more restricted one, so a crash between two commits never
/// leaves a restricted document where a less privileged role reads (it is then missing until the next
/// run, which rewrites it: its "indexed" stamp is written only after `commit()` returns). Callers commit at
/// least every few hundred documents, far below Xapian's own automatic flush (10 000 changes per database),
/// so Xapian never commits one level ahead of this order.
final class LevelWriters {
    let generation: String
    private(set) var writers: [(level: Int, writer: IndexWriter)] = []

    /// Opens every level's writer (creating missing databases); on failure closes those already opened.
    init(generation: String, open: (String) throws -> IndexWriter) throws {
        self.generation = generation
        do {
            for level in IndexLayout.levels {
                let w = try open(IndexLayout.levelPath(generation, level: level))
                w.batchSize = Int.max   // commits only in `commit()`, in level order
                writers.append((level, w))
            }
        } catch {
            for (_, w) in writers { try? w.database.close() }
            throw error
        }
    }

    /// Writes `doc` into its level's database and deletes it from the others.
    func replace(_ doc: IndexableDocument) throws {
        guard let first = writers.first else { return }
        try replace(try first.writer.indexer.prepare(doc), documentID: doc.id, access: doc.access)
    }

    /// Adds a prepared document to the database of `access`, looking for no older copy anywhere: only for
    /// a generation being built that cannot hold it yet.
    func add(_ document: PreparedDocument, documentID: String, access: Int) throws {
        guard let w = writers.first(where: { $0.level == access })?.writer else {
            throw HosoError(.unavailable, "Tài liệu \(documentID) có chế độ sử dụng không hợp lệ (\(access))")
        }
        try w.add(document)
    }

    /// Writes a prepared document into the database of `access` and deletes it from the others.
    func replace(_ document: PreparedDocument, documentID: String, access: Int) throws {
        guard IndexLayout.levels.contains(access) else {
            throw HosoError(.unavailable, "Tài liệu \(documentID) có chế độ sử dụng không hợp lệ (\(access))")
        }
        for (level, w) in writers {
            if level == access { try w.replace(document) } else { try w.delete(documentID: documentID) }
        }
    }

    /// Whether the database of `access` holds the document (whatever version of it).
    func holds(documentID: String, access: Int) throws -> Bool {
        guard let w = writers.first(where: { $0.level == access })?.writer else { return false }
        return try w.database.termFrequency(DocumentIndexer.uniqueTerm(documentID: documentID)) > 0
    }

    /// Commits level 1, then 2, then 3.
    func commit() throws {
        for (_, w) in writers { try w.commit() }
    }

    /// Commits (in level order) and releases the locks.
    func close() throws {
        try commit()
        for (_, w) in writers { try w.close() }
        writers.removeAll()
    }

    /// Documents in all levels together.
    func documentCount() throws -> Int {
        try writers.reduce(0) { $0 + (try $1.writer.documentCount()) }
    }
}
