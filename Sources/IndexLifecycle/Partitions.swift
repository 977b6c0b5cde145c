import DataFolder
import Foundation

/// How a rebuild cuts the catalogue into partitions built side by side: the first document (hồ sơ,
/// Số thứ tự) of every partition but the first, kept in `index-N+1/partitions` so a resumed rebuild puts
/// each document into the partition that may already hold it.
struct PartitionBoundaries: Equatable {
    /// A document's place in catalogue order: hồ sơ id (compared byte by byte, as SQLite does), then Số thứ tự.
    struct Key: Equatable, Comparable {
        var fileID: String
        var ordinal: Int
        static func == (a: Key, b: Key) -> Bool { a.fileID.utf8Equals(b.fileID) && a.ordinal == b.ordinal }
        static func < (a: Key, b: Key) -> Bool {
            if !a.fileID.utf8Equals(b.fileID) { return a.fileID.utf8.lexicographicallyPrecedes(b.fileID.utf8) }
            return a.ordinal < b.ordinal
        }
    }

    var first: [Key]
    var count: Int { first.count + 1 }
    static let fileName = "partitions"

    /// The partition of a document: how many boundaries it is at or after.
    func index(of key: Key) -> Int {
        var lo = 0, hi = first.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if first[mid] <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func partPath(_ generation: String, _ k: Int) -> String {
        URL(fileURLWithPath: generation).appendingPathComponent("part-\(k + 1)").path
    }

    /// The boundaries of a half-built generation, nil when it has none (not begun, or an older layout).
    static func read(generation: String) -> PartitionBoundaries? {
        let url = URL(fileURLWithPath: generation).appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8), text.hasPrefix("hoso-partitions 1\n") else { return nil }
        var keys: [Key] = []
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, let ordinal = Int(parts[1]) else { return nil }
            keys.append(Key(fileID: String(parts[0]), ordinal: ordinal))
        }
        return PartitionBoundaries(first: keys)
    }

    /// Written (atomically) before any partition database.
    func write(generation: String) throws {
        let text = "hoso-partitions 1\n" + first.map { "\($0.fileID)\t\($0.ordinal)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: generation).appendingPathComponent(Self.fileName), options: .atomic)
    }
}

/// What the partitions of a rebuild give back: the stamps of their documents (in catalogue order once
/// all are in), the documents skipped as already built, the first error.
final class PartitionResults: @unchecked Sendable {
    private let lock = NSLock()
    private var perPartition: [[(String, Int)]]
    private var skipped = 0
    private var firstError: Error?

    private var taken = 0

    init(count: Int) { perPartition = Array(repeating: [], count: count) }

    /// The next partition to build, nil when all are taken or a partition failed.
    func nextPartition() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard firstError == nil, taken < perPartition.count else { return nil }
        taken += 1
        return taken - 1
    }

    func set(_ k: Int, stamps: [(String, Int)], resumed: Int) {
        lock.lock(); defer { lock.unlock() }
        perPartition[k] = stamps
        skipped += resumed
    }

    func fail(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if firstError == nil { firstError = error }
    }

    var failed: Bool { lock.lock(); defer { lock.unlock() }; return firstError != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return firstError }
    var stamps: [(String, Int)] { lock.lock(); defer { lock.unlock() }; return perPartition.flatMap { $0 } }
    var resumed: Int { lock.lock(); defer { lock.unlock() }; return skipped }
}

/// What the progress file of a half-built generation records: the partitions done and the stamps of their
/// documents. A document line counts only in a partition done: it may be the line of a partition whose
/// `#done` line a stopped machine lost, and which is built again from nothing.
struct RebuildProgress {
    static let doneMark = "#done"   // `#` never starts a document id
    var documents: [String: Int] = [:]
    var partitions: Set<Int> = []
}

/// The append-only progress file of a rebuild: each partition's lines, written (and synced) once it is done,
/// by any partition's thread.
final class ProgressLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    private var closed = false

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw HosoError(.unavailable, "Không ghi được tệp tiến độ \(path)")
        }
        handle = h
        handle.seekToEndOfFile()
    }

    /// Records partition `k` as done, with the documents written into it (`id`, stamp): only once its files
    /// are on disk.
    func append(_ entries: [(String, Int)], done k: Int) throws {
        lock.lock(); defer { lock.unlock() }
        // A line torn by a crash is dropped on reading; start on a fresh line to keep the next ones whole. The
        // `#done` line last: without it the documents' lines do not count.
        let text = "\n" + entries.map { "\($0.0)\t\($0.1)\n" }.joined() + "\(RebuildProgress.doneMark)\t\(k)\n"
        try handle.write(contentsOf: Data(text.utf8))
        try handle.synchronize()
    }

    func close() {
        lock.lock(); defer { lock.unlock() }
        if !closed { try? handle.close() }
        closed = true
    }
}

/// The documents a rebuild takes: those of the hồ sơ `contains` accepts (`hoso reindex --part i/n`: one shard
/// of a shared catalogue). `label` is kept in the half-built generation, which is resumed only by a rebuild of
/// the same selection.
public struct DocumentSelection: Sendable {
    public var label: String
    public var contains: @Sendable (String) -> Bool

    public init(label: String, contains: @escaping @Sendable (String) -> Bool) {
        self.label = label
        self.contains = contains
    }

    /// Every document.
    public static let all = DocumentSelection(label: "all") { _ in true }

    /// The hồ sơ of one part of the catalogue (`hoso reindex --part i/n`), split as `hoso ingest --part` splits.
    public static func part(_ part: BatchPart) -> DocumentSelection {
        DocumentSelection(label: "part \(part)") { part.contains(fileID: $0) }
    }

    /// The part a generation was built for (its recorded selection), nil for a generation of every document.
    public static func recordedPart(generation: String) -> BatchPart? {
        let label = read(generation: generation)
        guard label.hasPrefix("part ") else { return nil }
        return try? BatchPart(parsing: String(label.dropFirst(5)))
    }

    static func fileName(_ generation: String) -> String { generation + "/selection" }

    static func read(generation: String) -> String {
        (try? String(contentsOfFile: fileName(generation), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? all.label
    }

    func write(generation: String) throws { try Self.write(label: label, generation: generation) }

    static func write(label: String, generation: String) throws {
        try Data((label + "\n").utf8).write(to: URL(fileURLWithPath: fileName(generation)), options: .atomic)
    }
}
