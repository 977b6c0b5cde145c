import Catalogue
import Foundation
import HosoCore
import XCTest

/// A real ingest shared by the integration tests: a few documents of `samples/batch`, recognised by
/// Tesseract, stored in SQLite and indexed in Xapian, built once per test run.
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repository.appendingPathComponent("samples")

    /// Documents taken from the samples: a public land-recovery decision of 2 pages, a public report,
    /// a conditional (staff) appointment and a Mật report.
    static let documentIDs = [
        "H49.64.33.2012.015.2",   // Quyết định 1605/QĐ-UBND, thửa 305 tờ 80, Công khai, 2 pages
        "H49.64.33.2025.002.1",   // Tờ trình 102/TTr-UBND, Công khai, 1 page
        "H49.64.33.2016.003.1",   // QĐ bổ nhiệm 215/QĐ-UBND, Sử dụng có điều kiện, 1 page
        "H54.55.12.2012.031.3",   // Báo cáo 95/BC-UBND, Mật, 1 page
    ]

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

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A batch holding only `documentIDs`: their CSV rows copied as they are, and the scans.
    static func makeBatch() throws -> URL {
        let batch = try temporaryDirectory("batch")
        let source = samples.appendingPathComponent("batch")
        // "H49.64.33.2012.015.2" → file "H49.64.33.2012.015", row prefix "H49.64.33.2012.015,2,".
        let rows: [(file: String, prefix: String)] = documentIDs.map { id in
            let dot = id.lastIndex(of: ".")!
            let file = String(id[..<dot])
            return (file, "\(file),\(id[id.index(after: dot)...]),")
        }
        try filterCSV(source.appendingPathComponent("ho_so.csv"), to: batch.appendingPathComponent("ho_so.csv")) { line in
            rows.contains { line.hasPrefix("\($0.file),") }
        }
        try filterCSV(source.appendingPathComponent("tai_lieu.csv"), to: batch.appendingPathComponent("tai_lieu.csv")) { line in
            rows.contains { line.hasPrefix($0.prefix) }
        }
        try FileManager.default.copyItem(at: source.appendingPathComponent("scans"), to: batch.appendingPathComponent("scans"))
        return batch
    }

    static func filterCSV(_ from: URL, to: URL, keep: (String) -> Bool) throws {
        // Lines split on the byte 0x0A: in Swift "\r\n" is one Character and would not split on "\n".
        var lines = try Data(contentsOf: from).split(separator: 0x0A, omittingEmptySubsequences: true)
        let header = lines.removeFirst()
        let kept = lines.filter { keep(String(decoding: $0, as: UTF8.self)) }
        try Data(([header] + kept).joined(separator: [0x0A]) + [0x0A]).write(to: to)
    }

    static func build() throws -> Built {
        let batch = try makeBatch()
        let data = try DataDirectory(path: temporaryDirectory("data").path)
        let store = try Archive.openStore(data)
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
    static func hoso(_ arguments: [String]) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
