import Foundation
import IndexSchema
import VietText
import XCTest
@testable import SearchIndex

/// `DocumentIndexer.plan` counts terms through `Analyzer.countIndexTerms`; with `analyze` replaced it lists
/// them through the closure, as it first did. Both must give the same plan (terms with their wdf, filters,
/// values, data) for every document.
final class DocumentPlanFastPathTests: XCTestCase {
    /// The plan as first made: every text through `Analyzer.indexTerms`, one term String at a time.
    static var listing: DocumentIndexer {
        var indexer = DocumentIndexer()
        let analyzer = Analyzer()
        indexer.analyze = { analyzer.indexTerms($0) }
        return indexer
    }

    static var sampleTexts: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        var texts: [String] = []
        if let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in files where url.pathExtension == "txt" {
                if let t = try? String(contentsOf: url, encoding: .utf8) { texts += t.components(separatedBy: "\u{0C}") }
            }
        }
        return texts
    }

    static let traps = [
        "", "  ", "\r\n", "Quyết định số 1605/QĐ-UBND ngày 15/02/2012", "hoà thuý H’Hen M'gar Ê-đê 1.500.000",
        "thửa đất số 305 tờ bản đồ số 80, CMND 241234567, 2406123435", "Điều 1. Thu hồi (đất) … • nhà",
        "Hoà thuận".decomposedStringWithCanonicalMapping, String(repeating: "a", count: 240), String(repeating: "b", count: 239),
        String(repeating: "ạ", count: 81) + " x", "中文 😀 Привет", "43/2014/NĐ-CP H49.64.33.2001.160",
    ]

    func documents(from texts: [String]) -> [IndexableDocument] {
        var docs: [IndexableDocument] = []
        for (k, chunk) in stride(from: 0, to: texts.count, by: 3).map({ Array(texts[$0..<min($0 + 3, texts.count)]) }).enumerated() {
            let first = chunk[0]
            let title = String(first.prefix(80))
            docs.append(IndexableDocument(
                id: "H1.\(k)", fileID: "H1", title: title.isEmpty ? "x" : title, documentType: k % 2 == 0 ? "Quyết định" : nil,
                number: k % 3 == 0 ? "\(k)" : nil, symbol: k % 3 == 0 ? "QĐ-UBND" : nil, dateSortKey: "20120215", year: 2012,
                issuer: "UBND huyện Krông Pắc", summary: String(first.prefix(200)), signer: "Y Bih Niê",
                fileTitle: chunk.last.map { String($0.prefix(60)) }, fonds: "UBND huyện", retention: "01", access: 1 + k % 3,
                extra: ["ghi chú": String(first.suffix(40)), "khác": "thửa 12 tờ 3"], pages: chunk))
        }
        return docs
    }

    func check(_ docs: [IndexableDocument], file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = DocumentIndexer(), slow = Self.listing
        for doc in docs {
            let a = try fast.plan(doc), b = try slow.plan(doc)
            XCTAssertEqual(a, b, "\(doc.id): \(doc.pages.first?.prefix(80) ?? "")", file: file, line: line)
            XCTAssertEqual(a.terms.count, b.terms.count, file: file, line: line)
            for (term, wdf) in b.terms { XCTAssertEqual(a.terms[term], wdf, term, file: file, line: line) }
        }
    }

    func testTheFixturesSamplesAndTraps() throws {
        try check(Corpus.documents)
        let samples = Self.sampleTexts
        XCTAssertGreaterThan(samples.count, 20)
        try check(documents(from: samples))
        try check(documents(from: Self.traps + Self.traps.reversed()))
        try check(documents(from: samples.map(\.decomposedStringWithCanonicalMapping)))
    }

    /// bench/scale/make_batch.py's pages, in documents.
    func testGeneratedPages() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("bench/scale/make_batch.py").path, out.path,
                             "--files", "20", "--docs", "3", "--pages", "3", "--seed", "9"]
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("python3 could not run") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("make_batch.py failed") }
        var pages: [String] = []
        if let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil) {
            for case let url as URL in files where url.pathExtension == "txt" {
                pages += try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\u{0C}")
            }
        }
        XCTAssertGreaterThan(pages.count, 100)
        try check(documents(from: pages))
    }

    /// The comparison can fail: a plan missing one occurrence is told apart.
    func testAChangedPlanIsSeen() throws {
        let doc = Corpus.documents[0]
        var a = try DocumentIndexer().plan(doc)
        let b = try Self.listing.plan(doc)
        XCTAssertEqual(a, b)
        a.terms.add("Fdat")
        XCTAssertNotEqual(a, b)
    }
}

/// The document data written directly against `JSONEncoder` (keys sorted, slashes unescaped).
final class DocumentDataTests: XCTestCase {
    func testTheDataIsWhatJSONEncoderWrites() throws {
        let strings = ["", "H49.64.33.2001.160.1", "Quyết định số 1605/QĐ-UBND", "a/b\\c", "say \"hi\"", "tab\there",
                       "line\nbreak", "\u{0001}\u{001F}\u{007F}", "😀 中文 \u{2028}\u{2029} \u{FEFF}", "Hoà".decomposedStringWithCanonicalMapping,
                       "</script>", "&<>'", "\u{00A0}\u{0085}"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var direct = 0
        for (k, s) in strings.enumerated() {
            for d in [IndexedDocumentData(id: s, fileID: "F", title: "t", access: 1),
                      IndexedDocumentData(id: "i", fileID: s, title: "t", access: 2),
                      IndexedDocumentData(id: "i", fileID: "f", title: s, access: 3 + k)] {
                let got = try DocumentIndexer.documentData(d)
                XCTAssertEqual(String(decoding: got, as: UTF8.self), String(decoding: try encoder.encode(d), as: UTF8.self), s.debugDescription)
                XCTAssertEqual(try JSONDecoder().decode(IndexedDocumentData.self, from: got), d)
                XCTAssertEqual(DocumentIndexer.readDocumentData(got), d, s.debugDescription)
                if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { direct += 1 }
            }
        }
        XCTAssertGreaterThan(direct, 20)
    }

    /// The reader takes what the writer writes, and otherwise what `JSONDecoder` reads (other spacing, key
    /// order, escapes), and nothing from what is not the data.
    func testTheDataIsReadAsJSONDecoderReadsIt() throws {
        let d = IndexedDocumentData(id: "H49.64.33.2001.160.1", fileID: "H49.64.33.2001.160", title: "Quyết định \"thu hồi\" đất", access: 2)
        let spaced = #"{ "title": "Tờ trình", "id": "A.1", "fileID": "A", "access": 1 }"#
        let escaped = #"{"access":3,"fileID":"A\/B","id":"A.1\u0041","title":"x\ny"}"#
        for text in [spaced, escaped] {
            XCTAssertEqual(DocumentIndexer.readDocumentData(Data(text.utf8)),
                           try JSONDecoder().decode(IndexedDocumentData.self, from: Data(text.utf8)), text)
        }
        XCTAssertEqual(DocumentIndexer.readDocumentData(try DocumentIndexer.documentData(d)), d)
        for bad in ["", "{", #"{"access":"#, #"{"access":1,"fileID":"A","id":"B","title":"C"} x"#,
                    #"{"access":,"fileID":"A","id":"B","title":"C"}"#, #"{"access":1,"fileID":"A","id":"B","title":"C"#, "null"] {
            XCTAssertNil(DocumentIndexer.readDocumentData(Data(bad.utf8)), bad)
        }
    }
}

/// TermCounts (an open-addressing table on each key's byte hash) against a dictionary of byte arrays.
final class TermCountsTests: XCTestCase {
    func testRandomOperationsAgreeWithADictionary() {
        var state: UInt64 = 47
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let words = (0..<3000).map { "F\($0 % 7 == 0 ? "đ" : "")\($0)" } + ["hòa", "hoà", "ho\u{0300}a", ""]
        for round in 0..<20 {
            var counts = TermCounts()
            if round % 2 == 0 { counts.reserveCapacity(next() % 5000) }
            var model: [[UInt8]: Int] = [:]
            for _ in 0..<(next() % 6000) {
                let w = words[next() % words.count]
                switch next() % 10 {
                case 0: counts[w] = nil; model[Array(w.utf8)] = nil
                case 1: counts[w] = 1; model[Array(w.utf8)] = 1
                case 2: let n = next() % 5 + 1; counts.add(UTF8Key(w), count: n); model[Array(w.utf8), default: 0] += n
                default: counts.add(w); model[Array(w.utf8), default: 0] += 1
                }
            }
            XCTAssertEqual(counts.count, model.count)
            for w in words { XCTAssertEqual(counts[w], model[Array(w.utf8)], w) }
            var seen: [[UInt8]: Int] = [:]
            for (term, wdf) in counts { XCTAssertNil(seen[Array(term.utf8)]); seen[Array(term.utf8)] = wdf }
            XCTAssertEqual(seen, model)
            // Equality does not depend on the order terms came in.
            var other = TermCounts()
            for (k, v) in model.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) { other[String(decoding: k, as: UTF8.self)] = v }
            XCTAssertEqual(counts, other)
            if let first = model.first {
                other.add(String(decoding: first.key, as: UTF8.self))
                XCTAssertNotEqual(counts, other)
            }
        }
        // Canonically equivalent but different bytes: different terms.
        var c = TermCounts()
        c.add("hòa"); c.add("ho\u{0300}a")
        XCTAssertEqual(c.count, 2)
    }
}

/// `catalogueTerms` (words from `Analyzer.foldedWords`, deduplicated by a set) against its first writing.
final class CatalogueTermsTests: XCTestCase {
    static func reference(_ doc: IndexableDocument) -> [String] {
        var out: [String] = []
        func add(_ t: String) { if !out.contains(t) { out.append(t) } }
        if let dn = DocumentNumber.fromCatalogue(number: doc.number, symbol: doc.symbol) {
            for k in dn.keys { add(TermPrefix.catalogueNumber + k) }
        }
        if let d = doc.dateSortKey?.trimmingCharacters(in: .whitespaces), d.count == 8,
           d.allSatisfy({ $0.isASCII && $0.isNumber }), !d.hasSuffix("00") {
            add(TermPrefix.catalogueDate + d)
        }
        if let y = doc.year { add(TermPrefix.catalogueYear + String(y)) }
        if let t = doc.documentType.map(Analyzer.fieldValue), !t.isEmpty { add(TermPrefix.catalogueType + t) }
        for field in [doc.title, doc.documentType ?? "", doc.summary ?? ""] {
            for tok in Tokenizer.tokens(field) where tok.isPositional && tok.kind == .word {
                add(TermPrefix.catalogueWord + tok.folded)
                if tok.folded.contains("'") { add(TermPrefix.catalogueWord + tok.folded.replacingOccurrences(of: "'", with: "")) }
            }
        }
        return out
    }

    func testCatalogueTermsAreTheTokenizersWords() {
        let fields = DocumentPlanFastPathTests.traps + DocumentPlanFastPathTests.sampleTexts.map { String($0.prefix(300)) }
            + ["Về việc thu hồi đất của bà H'Hen Niê", "h'\u{0483}hen H’\u{0301}Hen m'gar 1.500.000 12a", "Tờ trình 325/TTr-TNMT"]
        var terms = 0
        for (k, f) in fields.enumerated() {
            let doc = IndexableDocument(id: "A.\(k)", fileID: "A", title: f, documentType: k % 2 == 0 ? f : "Quyết định",
                                        number: "\(k)", symbol: "QĐ-UBND", dateSortKey: "2012021\(k % 10)", year: 2012,
                                        summary: fields[(k + 1) % fields.count], access: 1)
            let got = DocumentIndexer.catalogueTerms(doc)
            XCTAssertEqual(got.map { Array($0.utf8) }, Self.reference(doc).map { Array($0.utf8) }, f.debugDescription)
            terms += got.count
        }
        XCTAssertGreaterThan(terms, 1_000)
    }
}
