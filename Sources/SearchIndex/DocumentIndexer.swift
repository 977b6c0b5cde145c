import Foundation
import IndexSchema
import VietText
import Xapian

/// What the index needs to know about one document (văn bản / tài liệu): its catalogue metadata,
/// a few fields of its file (hồ sơ) and the recognised text of its pages, in page order.
/// `IndexLifecycle` maps catalogue `Document` + `ArchiveFile` + page texts onto this.
public struct IndexableDocument: Equatable, Sendable {
    /// Document id `<Mã hồ sơ>.<Số thứ tự>`, e.g. `H49.64.33.2001.160.1`.
    public var id: String
    /// File id (Mã hồ sơ), e.g. `H49.64.33.2001.160`.
    public var fileID: String
    /// Display title of the document.
    public var title: String
    /// Tên loại văn bản, e.g. `Quyết định`.
    public var documentType: String?
    /// Số, e.g. `1605`.
    public var number: String?
    /// Ký hiệu, e.g. `QĐ-UBND`.
    public var symbol: String?
    /// Ngày văn bản as `YYYYMMDD`, missing parts `00` (e.g. `20120215`, `20120200`).
    public var dateSortKey: String?
    /// Year of the document.
    public var year: Int?
    /// Cơ quan ban hành.
    public var issuer: String?
    /// Trích yếu nội dung.
    public var summary: String?
    /// Người ký.
    public var signer: String?
    /// Tiêu đề hồ sơ (the file's title), searchable.
    public var fileTitle: String?
    /// Tên phông.
    public var fonds: String?
    /// Thời hạn lưu trữ code (`01` … `07`).
    public var retention: String?
    /// Chế độ sử dụng: 1 Công khai, 2 Sử dụng có điều kiện, 3 Mật.
    public var access: Int
    /// Other metadata columns (name → value), searchable.
    public var extra: [String: String]
    /// Recognised text of each page, page 1 first.
    public var pages: [String]

    public init(id: String, fileID: String, title: String, documentType: String? = nil, number: String? = nil,
                symbol: String? = nil, dateSortKey: String? = nil, year: Int? = nil, issuer: String? = nil,
                summary: String? = nil, signer: String? = nil, fileTitle: String? = nil, fonds: String? = nil,
                retention: String? = nil, access: Int, extra: [String: String] = [:], pages: [String] = []) {
        self.id = id
        self.fileID = fileID
        self.title = title
        self.documentType = documentType
        self.number = number
        self.symbol = symbol
        self.dateSortKey = dateSortKey
        self.year = year
        self.issuer = issuer
        self.summary = summary
        self.signer = signer
        self.fileTitle = fileTitle
        self.fonds = fonds
        self.retention = retention
        self.access = access
        self.extra = extra
        self.pages = pages
    }
}

/// The small JSON kept as each Xapian document's data: what a hit shows without the catalogue.
public struct IndexedDocumentData: Codable, Equatable, Sendable {
    public var id: String
    public var fileID: String
    public var title: String
    public var access: Int
}

/// Terms with their counts (wdf), keyed by their UTF-8 bytes: terms are NFC already, and String's own
/// hashing normalizes every non-ASCII term again (a tenth of indexing time went to counting).
///
/// Each term is held once, in `entries`, found through an open-addressing table on the hash code its
/// `UTF8Key` computed once (`Analyzer.countIndexTerms` hands out keys it keeps): adding a term costs a probe
/// and a byte comparison, not a hash of its bytes (a Dictionary's seeded hash would be most of the cost
/// of counting).
public struct TermCounts: Equatable, Sendable, Sequence {
    private var entries: [(key: UTF8Key, count: Int)] = []
    /// Positions in `entries`, -1 for none; a power of two long, at most half full.
    private var slots: [Int32] = []

    public init() {}

    public subscript(term: String) -> Int? {
        get { position(UTF8Key(term)).map { entries[$0].count } }
        set {
            let key = UTF8Key(term)
            if let i = position(key) {
                if let newValue { entries[i].count = newValue } else { remove(at: i) }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    public mutating func add(_ term: String, count: Int = 1) { add(UTF8Key(term), count: count) }

    /// `add` of a term already made a key (hashed once: `Analyzer.countIndexTerms(_:keys:)` keeps them).
    public mutating func add(_ term: UTF8Key, count: Int) {
        if slots.isEmpty { rebuild(minimumCapacity: 64) }
        let mask = slots.count - 1
        var s = Self.slot(term, mask)
        while true {
            let i = Int(slots[s])
            if i < 0 { break }
            if entries[i].key == term { entries[i].count += count; return }
            s = (s + 1) & mask
        }
        slots[s] = Int32(entries.count)
        entries.append((term, count))
        if entries.count * 2 > slots.count { rebuild(minimumCapacity: entries.count) }
    }

    public mutating func reserveCapacity(_ n: Int) {
        entries.reserveCapacity(n)
        if n * 2 > slots.count { rebuild(minimumCapacity: n) }
    }

    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key.string) }

    public func makeIterator() -> AnyIterator<(term: String, wdf: Int)> {
        var it = entries.makeIterator()
        return AnyIterator { it.next().map { (term: $0.key.string, wdf: $0.count) } }
    }

    public static func == (a: TermCounts, b: TermCounts) -> Bool {
        a.entries.count == b.entries.count && a.entries.allSatisfy { e in b.position(e.key).map { b.entries[$0].count } == e.count }
    }

    @inline(__always) private static func slot(_ key: UTF8Key, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key.code &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private func position(_ key: UTF8Key) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var s = Self.slot(key, mask)
        while true {
            let i = Int(slots[s])
            if i < 0 { return nil }
            if entries[i].key == key { return i }
            s = (s + 1) & mask
        }
    }

    private mutating func append(_ key: UTF8Key, _ count: Int) { add(key, count: count) }

    /// A table for at least `minimumCapacity` entries, at most half full, filled from `entries`.
    private mutating func rebuild(minimumCapacity: Int) {
        var size = 64
        while size < Swift.max(minimumCapacity, entries.count) * 2 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (i, e) in entries.enumerated() {
            var s = Self.slot(e.key, mask)
            while table[s] >= 0 { s = (s + 1) & mask }
            table[s] = Int32(i)
        }
        slots = table
    }

    private mutating func remove(at i: Int) {
        let last = entries.count - 1
        if i != last { entries[i] = entries[last] }
        entries.removeLast()
        rebuild(minimumCapacity: entries.count)
    }
}

/// Everything one document puts into the index, before it becomes a Xapian document.
public struct DocumentPlan: Equatable, Sendable {
    /// Terms with their wdf (words, folded words, pairs, identifiers, catalogue terms). No positions:
    /// term scheme 3 keeps adjacency in pair terms.
    public var terms = TermCounts()
    /// Boolean filter terms (Q, XF, XL, XC, XP, XY, XA).
    public var booleanTerms: Set<String> = []
    public var values: [Int: Data] = [:]
    public var data: Data = Data()
    /// The unique id term used to replace the document.
    public var uniqueTerm: String = ""
}

/// A Xapian document built and not yet written. Owned by one thread at a time: built by a worker,
/// handed to the writer.
public struct PreparedDocument: @unchecked Sendable {
    public let uniqueTerm: String
    public let document: XapianDocument
}

/// Builds the Xapian document of one archival document, following the term scheme of
/// docs/ARCHITECTURE.md: metadata fields as searchable text, then the pages, prefixed filter terms,
/// value slots and a small JSON as data.
public struct DocumentIndexer: Sendable {
    /// Xapian refuses terms longer than 245 bytes; longer ones (OCR noise) are skipped.
    public static let maxTermBytes = 240

    /// Text → index terms, each as often as it occurs (VietText's `Analyzer.indexTerms`). Setting it
    /// replaces the analyzer's counting fast path (`Analyzer.countIndexTerms`, the same terms) with it.
    public var analyze: @Sendable (_ text: String) -> [String] {
        didSet { analyzer = nil }
    }

    /// The analyzer whose `countIndexTerms` counts the terms of `analyze` (nil once `analyze` is replaced).
    private var analyzer: Analyzer?

    public init(analyzer: Analyzer = Analyzer()) {
        analyze = { analyzer.indexTerms($0) }
        self.analyzer = analyzer
    }

    /// The unique id term of a document: `Q` + id.
    public static func uniqueTerm(documentID: String) -> String { TermPrefix.documentID + documentID }

    /// Filter term for a metadata value compared loosely (type, issuer, fonds): folded, single spaces.
    public static func filterTerm(_ prefix: String, _ value: String) -> String? {
        let folded = Analyzer.foldedSingleSpacedMemo(value)
        return folded.isEmpty ? nil : prefix + folded
    }

    /// `N` term of a document number: `NUMBER/SYMBOL` folded, without spaces (`N1605/qd-ubnd`).
    public static func numberTerm(number: String?, symbol: String?) -> String? {
        let parts = [number, symbol].compactMap { $0?.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        return TermPrefix.documentNumber + VietNormalizer.fold(parts.joined(separator: "/"))
    }

    /// Weighted catalogue (sổ) terms: what the document IS, as opposed to what its text mentions.
    /// The query boosts them, so a document's own number, date, type, year and trích yếu words
    /// outrank pages that merely cite them: `XSN` its number (every key, as `N`), `XSD` its date
    /// `YYYYMMDD` (full dates only), `XSY` its year, `XST` its type (folded), `XSW` each folded
    /// syllable of its title, type and trích yếu (each once).
    public static func catalogueTerms(_ doc: IndexableDocument) -> [String] {
        var out: [String] = []
        var seen = Set<UTF8Key>()
        func add(_ t: String) { if seen.insert(UTF8Key(t)).inserted { out.append(t) } }
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
            for folded in Analyzer.foldedWords(field) {
                add(TermPrefix.catalogueWord + folded)
                // Character semantics, as first written: an apostrophe carrying a combining mark is not "'".
                if folded.utf8.contains(0x27), folded.contains("'") { add(TermPrefix.catalogueWord + folded.replacingOccurrences(of: "'", with: "")) }
            }
        }
        return out
    }

    /// The plan of the document: terms, postings, values and data.
    public func plan(_ doc: IndexableDocument) throws -> DocumentPlan {
        let id = doc.id.trimmingWhitespace()
        guard !id.isEmpty else { throw SearchIndexError.invalidDocument(id: doc.id, reason: "thiếu mã tài liệu") }
        guard !id.contains(where: { $0.isWhitespace }) else {
            throw SearchIndexError.invalidDocument(id: doc.id, reason: "mã tài liệu chứa khoảng trắng")
        }
        guard (1...3).contains(doc.access) else {
            throw SearchIndexError.invalidDocument(id: id, reason: "chế độ sử dụng không hợp lệ (\(doc.access))")
        }
        let uniqueTerm = Self.uniqueTerm(documentID: id)
        guard uniqueTerm.utf8.count <= Self.maxTermBytes else {
            throw SearchIndexError.invalidDocument(id: id, reason: "mã tài liệu quá dài")
        }
        var plan = DocumentPlan()
        plan.uniqueTerm = uniqueTerm
        plan.terms.reserveCapacity(doc.pages.reduce(256) { $0 + $1.utf8.count / 4 })
        // Metadata as searchable text, each field on its own (no pair spans two fields).
        var fields: [String] = [doc.title]
        fields.append(contentsOf: [doc.documentType, doc.summary].compactMap { $0 })
        let numberSymbol = [doc.number, doc.symbol].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/")
        if !numberSymbol.isEmpty { fields.append(numberSymbol) }
        fields.append(contentsOf: [doc.issuer, doc.signer, doc.fileTitle, doc.fonds].compactMap { $0 })
        for key in doc.extra.keys.sorted() { if let v = doc.extra[key] { fields.append(v) } }
        // The fields and the pages, each analysed on its own (no pair spans two of them).
        var texts = fields.filter { !$0.allSatisfy(\.isWhitespace) }
        texts.append(contentsOf: doc.pages)
        if let analyzer {
            // Counted without listing them: the same terms as `analyze` (Analyzer.indexTerms), each distinct
            // one added once.
            analyzer.countIndexTerms(texts, maxTermBytes: Self.maxTermBytes, keys: { plan.terms.add($0, count: $1) })
        } else {
            for text in texts {
                for t in analyze(text) where !t.isEmpty && t.utf8.count <= Self.maxTermBytes { plan.terms.add(t) }
            }
        }

        if let n = Self.numberTerm(number: doc.number, symbol: doc.symbol), n.utf8.count <= Self.maxTermBytes {
            plan.terms.add(n)
        }
        for t in Self.catalogueTerms(doc) where t.utf8.count <= Self.maxTermBytes { plan.terms[t] = 1 }

        // Filter terms.
        func boolean(_ term: String?) {
            if let term, term.utf8.count <= Self.maxTermBytes { plan.booleanTerms.insert(term) }
        }
        boolean(uniqueTerm)
        let fileID = doc.fileID.trimmingWhitespace()
        if !fileID.isEmpty { boolean(TermPrefix.fileID + fileID) }
        if let t = doc.documentType { boolean(Self.filterTerm(TermPrefix.documentType, t)) }
        if let t = doc.issuer { boolean(Self.filterTerm(TermPrefix.issuingBody, t)) }
        if let t = doc.fonds { boolean(Self.filterTerm(TermPrefix.fonds, t)) }
        if let y = doc.year { boolean(TermPrefix.year + String(y)) }
        boolean(TermPrefix.access + String(doc.access))

        // Values.
        func value(_ slot: Int, _ s: String?) {
            guard let s = s?.trimmingWhitespace(), !s.isEmpty else { return }
            plan.values[slot] = Data(s.utf8)
        }
        value(ValueSlot.documentID, id)
        value(ValueSlot.date, doc.dateSortKey)
        if let y = doc.year { plan.values[ValueSlot.year] = try XapianSortable.serialise(Double(y)) }
        value(ValueSlot.documentType, doc.documentType)
        value(ValueSlot.issuer, doc.issuer)
        value(ValueSlot.fonds, doc.fonds)
        value(ValueSlot.retention, doc.retention)
        value(ValueSlot.access, String(doc.access))
        value(ValueSlot.fileID, fileID)

        plan.data = try Self.documentData(IndexedDocumentData(id: id, fileID: fileID, title: doc.title, access: doc.access))
        return plan
    }

    /// The JSON of a document's data, keys sorted, slashes as they are: written directly when no string
    /// needs an escape (`"`, `\`, control characters), which is what `JSONEncoder` writes for it; by
    /// `JSONEncoder` otherwise.
    static func documentData(_ d: IndexedDocumentData) throws -> Data {
        func plain(_ s: String) -> Bool { !s.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        if plain(d.id), plain(d.fileID), plain(d.title) {
            var out = Data()
            out.reserveCapacity(48 + d.id.utf8.count + d.fileID.utf8.count + d.title.utf8.count)
            out.append(contentsOf: #"{"access":"#.utf8)
            out.append(contentsOf: String(d.access).utf8)
            out.append(contentsOf: #","fileID":""#.utf8)
            out.append(contentsOf: d.fileID.utf8)
            out.append(contentsOf: #"","id":""#.utf8)
            out.append(contentsOf: d.id.utf8)
            out.append(contentsOf: #"","title":""#.utf8)
            out.append(contentsOf: d.title.utf8)
            out.append(contentsOf: #""}"#.utf8)
            return out
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(d)
    }

    /// A document's data as `documentData` writes it when no string needs an escape, read without a
    /// decoder (`JSONDecoder` is slow for a read per hit); anything else (an escape, other
    /// spacing or order) by `JSONDecoder`. Nil when neither reads it.
    public static func readDocumentData(_ data: Data) -> IndexedDocumentData? {
        let direct: IndexedDocumentData? = data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            func literal(_ s: StaticString) -> Bool {
                s.withUTF8Buffer { l in
                    guard i + l.count <= b.count, memcmp(b.baseAddress! + i, l.baseAddress!, l.count) == 0 else { return false }
                    i += l.count
                    return true
                }
            }
            // A string up to its closing quote, with no escape in it.
            func string() -> String? {
                let start = i
                while i < b.count, b[i] != 0x22 {
                    if b[i] == 0x5C || b[i] < 0x20 { return nil }
                    i += 1
                }
                guard i < b.count else { return nil }
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            }
            guard b.count > 0, literal(#"{"access":"#) else { return nil }
            var access = 0, digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39, digits < 9 { access = access * 10 + Int(b[i] - 0x30); i += 1; digits += 1 }
            guard digits > 0, literal(#","fileID":""#), let fileID = string(), literal(#","id":""#), let id = string(),
                  literal(#","title":""#), let title = string(), literal("}"), i == b.count else { return nil }
            return IndexedDocumentData(id: id, fileID: fileID, title: title, access: access)
        }
        return direct ?? (try? JSONDecoder().decode(IndexedDocumentData.self, from: data))
    }

    /// The Xapian document for a plan.
    public func xapianDocument(_ plan: DocumentPlan) throws -> XapianDocument {
        let d = try XapianDocument()
        for (term, wdf) in plan.terms { try d.addTerm(term, wdf: wdf) }
        for term in plan.booleanTerms.sorted() { try d.addBooleanTerm(term) }
        for (slot, v) in plan.values.sorted(by: { $0.key < $1.key }) { try d.addValue(slot: slot, v) }
        try d.setData(plan.data)
        return d
    }

    /// The Xapian document of one archival document with its unique id term, ready for
    /// `IndexWriter.replace`: built off the writer's thread, so analysis runs on every core.
    public func prepare(_ doc: IndexableDocument) throws -> PreparedDocument {
        let plan = try plan(doc)
        return PreparedDocument(uniqueTerm: plan.uniqueTerm, document: try xapianDocument(plan))
    }

    /// The Xapian document for one archival document.
    public func xapianDocument(_ doc: IndexableDocument) throws -> XapianDocument {
        try xapianDocument(plan(doc))
    }
}
