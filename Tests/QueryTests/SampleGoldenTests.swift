import Foundation
import IndexSchema
import XCTest
@testable import VietText
@testable import Query

/// The golden searches of `samples/golden_searches.tsv`, run over the true text of the sample pages
/// (`samples/truth`) plus each document's catalogue metadata, with the boolean evaluator of
/// `GoldenSearchTests`. Roles and ranking are the searcher's business; here every expected document
/// must match the strict query (or the relaxed one when the strict finds nothing). Skipped when the
/// samples are absent (set HOSO_SAMPLES to a folder holding `truth/`, `batch/` and the TSV).
final class SampleGoldenTests: XCTestCase {
    static var samplesDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["HOSO_SAMPLES"] { return URL(fileURLWithPath: env) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
    }

    /// RFC 4180 rows (quoted fields, doubled quotes, CRLF).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" { if it.first == "\"" { field.append("\""); it.removeFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
            else if c != "\r" { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    func testSampleGoldenSearches() throws {
        let dir = Self.samplesDirectory
        let tsvURL = dir.appendingPathComponent("golden_searches.tsv")
        guard FileManager.default.fileExists(atPath: tsvURL.path) else { throw XCTSkip("no samples at \(dir.path)") }
        // Metadata per document id.
        let rows = Self.csvRows(try String(contentsOf: dir.appendingPathComponent("batch/tai_lieu.csv"), encoding: .utf8))
        let header = rows[0].map { Analyzer.fieldValue($0) }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        var metadata: [String: String] = [:]
        for r in rows.dropFirst() where r.count == header.count {
            guard let f = col("ma ho so"), let n = col("so thu tu") else { continue }
            var parts: [String] = []
            if let s = col("so"), let k = col("ky hieu"), !r[s].isEmpty { parts.append(r[s] + "/" + r[k]) }
            for name in ["ten loai van ban", "co quan ban hanh", "trich yeu noi dung", "nguoi ky", "ghi chu", "dia ban xa"] {
                if let c = col(name) { parts.append(r[c]) }
            }
            metadata["\(r[f]).\(r[n])"] = parts.joined(separator: ". ")
        }
        // Documents: truth pages, then metadata.
        let truth = dir.appendingPathComponent("truth")
        var docs: [GoldenSearchTests.Doc] = []
        for id in try FileManager.default.contentsOfDirectory(atPath: truth.path).sorted() {
            let pageFiles = try FileManager.default.contentsOfDirectory(atPath: truth.appendingPathComponent(id).path)
                .filter { $0.hasSuffix(".txt") }.sorted { (Int($0.dropLast(4)) ?? 0) < (Int($1.dropLast(4)) ?? 0) }
            let pages = try pageFiles.map { try String(contentsOf: truth.appendingPathComponent(id).appendingPathComponent($0), encoding: .utf8) }
            docs.append(GoldenSearchTests.Doc(id, (pages + [metadata[id] ?? ""]).joined(separator: "\u{0C}")))
        }
        XCTAssertGreaterThan(docs.count, 20)
        let parser = QueryParser()
        var checked = 0
        for line in try String(contentsOf: tsvURL, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4 else { continue }
            let q = try parser.parse(f[0])
            var hits = Set(docs.filter { GoldenSearchTests.matches(q.node, $0) }.map(\.id))
            if hits.isEmpty, let r = q.relaxedNode { hits = Set(docs.filter { GoldenSearchTests.matches(r, $0) }.map(\.id)) }
            let expected = ([f[2]] + f[3].split(separator: ",").map(String.init)).filter { !$0.isEmpty }
            for id in expected {
                XCTAssertTrue(hits.contains(id), "\(f[0]) should find \(id); query \(q.node)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }
}
