import Catalogue
import DataFolder
import Foundation
import Glibc
import Ingest
import Search
import XCTest
#if canImport(Glibc)
#endif

/// A real ingest shared by the integration tests: the whole of `samples/batch` (28 documents, 47 pages
/// of 200 dpi scans), recognised by Tesseract, stored in SQLite and indexed in Xapian, once per test run.
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repository.appendingPathComponent("samples")

    struct Built {
        var batch: URL
        var data: DataDirectory
        var summary: IngestSummary
    }

    nonisolated(unsafe) private static var built: Result<Built, Error>?
    private static let lock = NSLock()

    static func get() throws -> Built {
        lock.lock(); defer { lock.unlock() }
        if let built { return try built.get() }
        let result = Result { try build() }
        built = result
        return try result.get()
    }

    /// One folder per test process holds every temporary directory the tests make; it is removed when the
    /// process exits, so runs do not pile gigabytes of data directories into the system's temporary folder.
    static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("hoso-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        removeAtExit = root.path
        atexit { if let path = Fixture.removeAtExit { try? FileManager.default.removeItem(atPath: path) } }
        return root
    }()
    nonisolated(unsafe) private static var removeAtExit: String?

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = temporaryRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func build() throws -> Built {
        let batch = samples.appendingPathComponent("batch")
        let data = try DataDirectory(path: temporaryDirectory("data").path)
        let store = try data.openCatalogue()
        var options = IngestOptions()
        options.quiet = true
        let summary = try Ingestor(data: data, store: store, options: options).ingest(batch: batch)
        return Built(batch: batch, data: data, summary: summary)
    }

    /// The true text of a sample page.
    static func truth(_ id: String, page: Int) throws -> String {
        try String(contentsOf: samples.appendingPathComponent("truth/\(id)/\(page).txt"), encoding: .utf8)
    }

    /// Character error rate: edit distance over the length of the truth, whitespace collapsed.
    static func characterErrorRate(_ recognised: String, truth: String) -> Double {
        func clean(_ s: String) -> [Character] {
            Array(s.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let a = clean(recognised), b = clean(truth)
        guard !b.isEmpty else { return a.isEmpty ? 0 : 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return Double(a.isEmpty ? b.count : previous[b.count]) / Double(b.count)
    }

    /// Share of the true words (lower-cased, NFC) that the recognised text lacks, order-free.
    static func wordMissRate(_ recognised: String, truth: String) -> Double {
        func words(_ s: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for w in s.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                counts[String(w), default: 0] += 1
            }
            return counts
        }
        let t = words(truth), r = words(recognised)
        let total = t.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let missed = t.reduce(0) { $0 + max(0, $1.value - (r[$1.key] ?? 0)) }
        return Double(missed) / Double(total)
    }

    /// A loopback port nobody listens on, from the kernel.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw HosoError(.unavailable, "không tìm được cổng trống") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// The `hoso` executable built beside the tests.
    static var executable: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("hoso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/hoso")
    }

    /// Runs `hoso` with arguments; returns the exit code, standard output and standard error.
    @discardableResult
    static func hoso(_ arguments: [String], killAfter seconds: Double? = nil) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let seconds {
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { if process.isRunning { process.terminate() } }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
