import CXapian
import Foundation

/// An error reported by Xapian (lỗi chỉ mục): the message and the Xapian error class, e.g.
/// `DatabaseLockError`, `DatabaseOpeningError`, `NetworkError`, `InvalidArgumentError`.
public struct XapianError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var message: String
    public var errorClass: String

    public init(message: String, errorClass: String) {
        self.message = message
        self.errorClass = errorClass
    }

    /// Takes ownership of a C error value (and frees it).
    init(consuming error: OpaquePointer?) {
        if let error {
            message = String(cString: hx_error_message(error))
            errorClass = String(cString: hx_error_class(error))
            hx_error_free(error)
        } else {
            message = "lỗi không rõ trong Xapian"
            errorClass = "unknown"
        }
    }

    public var description: String { "\(errorClass): \(message)" }
    public var errorDescription: String? { "Lỗi chỉ mục tìm kiếm (\(errorClass)): \(message)" }
}

/// Runs one C entry point and turns its status + error value into a Swift throw.
@inline(__always)
func hxCall(_ body: (UnsafeMutablePointer<OpaquePointer?>) -> Int32) throws {
    var err: OpaquePointer? = nil
    if body(&err) != HX_OK { throw XapianError(consuming: err) }
    if let err { hx_error_free(err) }
}

/// Runs a C constructor and returns the new handle.
@inline(__always)
func hxMake(_ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> Int32) throws
    -> OpaquePointer
{
    var out: OpaquePointer? = nil
    try hxCall { body(&out, $0) }
    guard let out else { throw XapianError(message: "Xapian không trả về đối tượng", errorClass: "unknown") }
    return out
}

/// Reads a malloc'ed byte buffer from the C side and frees it.
func hxTakeBytes(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>,
                          UnsafeMutablePointer<OpaquePointer?>) -> Int32) throws -> Data {
    var out: UnsafeMutablePointer<CChar>? = nil
    var len = 0
    try hxCall { body(&out, &len, $0) }
    defer { hx_free(out) }
    guard let out, len > 0 else { return Data() }
    return Data(bytes: out, count: len)
}

/// The next term of a term list handle with its frequency (termfreq, wdf or count); nil at the end.
func hxNextTerm(_ list: OpaquePointer) throws -> (term: Data, frequency: Int)? {
    var has: Int32 = 0
    var term: UnsafePointer<CChar>? = nil
    var len = 0
    var freq: UInt32 = 0
    try hxCall { hx_termlist_next(list, &has, &term, &len, &freq, $0) }
    guard has != 0 else { return nil }
    return (term.map { Data(bytes: $0, count: len) } ?? Data(), Int(freq))
}

/// Drains a term list handle (and frees it): terms with their frequency (termfreq, wdf or count).
func hxDrain(_ list: OpaquePointer) throws -> [(term: Data, frequency: Int)] {
    defer { hx_termlist_free(list) }
    var result: [(term: Data, frequency: Int)] = []
    while let next = try hxNextTerm(list) { result.append(next) }
    return result
}

func hxString(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

func hxUInt32(_ value: Int, _ what: String) throws -> UInt32 {
    guard value >= 0, value <= Int(UInt32.max) else {
        throw XapianError(message: "\(what) ngoài phạm vi: \(value)", errorClass: "InvalidArgumentError")
    }
    return UInt32(value)
}

/// `Xapian::sortable_serialise`: numbers as byte strings that sort in numeric order (for value slots).
public enum XapianSortable {
    public static func serialise(_ value: Double) throws -> Data {
        var buffer = [CChar](repeating: 0, count: 18)
        var len = 0
        try hxCall { hx_sortable_serialise(value, &buffer, &len, $0) }
        return buffer.prefix(len).withUnsafeBufferPointer { Data(buffer: $0) }
    }

    public static func unserialise(_ bytes: Data) throws -> Double {
        var out = 0.0
        try bytes.withUnsafeBytes { raw in
            try hxCall { hx_sortable_unserialise(raw.baseAddress, raw.count, &out, $0) }
        }
        return out
    }
}

/// A Xapian document under construction: terms, postings, values and data.
public final class XapianDocument {
    let handle: OpaquePointer

    public init() throws { handle = try hxMake { hx_doc_new($0, $1) } }
    deinit { hx_doc_free(handle) }

    /// Adds a term without position; `wdf` 0 makes it a boolean (filter) term.
    public func addTerm(_ term: String, wdf: Int = 1) throws {
        let w = try hxUInt32(wdf, "wdf")
        try hxCall { hx_doc_add_term(handle, term, w, $0) }
    }

    /// Adds a boolean filter term (wdf 0), e.g. `XA1`.
    public func addBooleanTerm(_ term: String) throws { try addTerm(term, wdf: 0) }

    /// Adds a term at a position (positions start at 1 in Xapian; 0 is accepted too).
    public func addPosting(_ term: String, position: Int, wdf: Int = 1) throws {
        let p = try hxUInt32(position, "vị trí"), w = try hxUInt32(wdf, "wdf")
        try hxCall { hx_doc_add_posting(handle, term, p, w, $0) }
    }

    public func addValue(slot: Int, _ bytes: Data) throws {
        let s = try hxUInt32(slot, "ô giá trị")
        try bytes.withUnsafeBytes { raw in try hxCall { hx_doc_add_value(handle, s, raw.baseAddress, raw.count, $0) } }
    }

    public func addValue(slot: Int, _ string: String) throws { try addValue(slot: slot, Data(string.utf8)) }

    public func setData(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { raw in try hxCall { hx_doc_set_data(handle, raw.baseAddress, raw.count, $0) } }
    }
}

/// A Xapian database open for writing. Xapian allows one writer per database: a second one fails
/// with `DatabaseLockError`. Use from one thread at a time.
public final class XapianWritableDatabase {
    public enum OpenMode: Sendable {
        case createOrOpen, createOrOverwrite, create, open
        var raw: Int32 {
            switch self {
            case .createOrOpen: return Int32(HX_DB_CREATE_OR_OPEN)
            case .createOrOverwrite: return Int32(HX_DB_CREATE_OR_OVERWRITE)
            case .create: return Int32(HX_DB_CREATE)
            case .open: return Int32(HX_DB_OPEN)
            }
        }
    }

    let handle: OpaquePointer
    public let path: String

    /// `sync: false` opens it with Xapian's `DB_NO_SYNC`: a commit is written (a process killed after it
    /// loses nothing) but not fsynced, so a machine that stops may lose it, or tear it. Only for a database
    /// that nothing counts on until its owner has made its files durable itself.
    public init(path: String, mode: OpenMode = .createOrOpen, sync: Bool = true) throws {
        self.path = path
        let flags = sync ? 0 : Int32(HX_DB_NO_SYNC)
        handle = try hxMake { hx_wdb_open(path, mode.raw, flags, $0, $1) }
    }

    /// Closes the database, committing what is pending (outside a transaction).
    deinit { hx_wdb_free(handle) }

    public func close() throws { try hxCall { hx_wdb_close(handle, $0) } }
    public func commit() throws { try hxCall { hx_wdb_commit(handle, $0) } }
    public func beginTransaction(flushed: Bool = true) throws {
        try hxCall { hx_wdb_begin_transaction(handle, flushed ? 1 : 0, $0) }
    }
    public func commitTransaction() throws { try hxCall { hx_wdb_commit_transaction(handle, $0) } }
    public func cancelTransaction() throws { try hxCall { hx_wdb_cancel_transaction(handle, $0) } }

    /// Replaces the document(s) indexed by `uniqueTerm` (e.g. `QH49.64.33.2001.160.1`), or adds it.
    @discardableResult
    public func replace(uniqueTerm: String, document: XapianDocument) throws -> UInt32 {
        var docid: UInt32 = 0
        try hxCall { hx_wdb_replace_by_term(handle, uniqueTerm, document.handle, &docid, $0) }
        return docid
    }

    /// Adds a document under the next docid without looking for an older copy: only for a database
    /// being built that cannot hold the document yet (otherwise `replace(uniqueTerm:document:)`).
    @discardableResult
    public func add(document: XapianDocument) throws -> UInt32 {
        var docid: UInt32 = 0
        try hxCall { hx_wdb_add_document(handle, document.handle, &docid, $0) }
        return docid
    }

    public func delete(uniqueTerm: String) throws { try hxCall { hx_wdb_delete_by_term(handle, uniqueTerm, $0) } }

    public func documentCount() throws -> Int {
        var n: UInt32 = 0
        try hxCall { hx_wdb_doc_count(handle, &n, $0) }
        return Int(n)
    }

    public func termFrequency(_ term: String) throws -> Int {
        var n: UInt32 = 0
        try hxCall { hx_wdb_termfreq(handle, term, &n, $0) }
        return Int(n)
    }

    /// User metadata (e.g. the schema version); empty when the key is not set.
    public func metadata(forKey key: String) throws -> Data {
        try hxTakeBytes { hx_wdb_get_metadata(handle, key, $0, $1, $2) }
    }

    public func setMetadata(_ value: Data, forKey key: String) throws {
        try value.withUnsafeBytes { raw in
            try hxCall { hx_wdb_set_metadata(handle, key, raw.baseAddress, raw.count, $0) }
        }
    }
}

/// A read-only Xapian database: one database, or several (local paths, stub files, remote
/// `xapian-tcpsrv` shards) searched as one. Use from one thread at a time.
public final class XapianDatabase {
    let handle: OpaquePointer

    /// An empty database with no shard; add shards with `add(path:)` and `addRemote(...)`.
    public init() throws { handle = try hxMake { hx_db_new($0, $1) } }

    /// Opens a database directory or a stub database file.
    public init(path: String) throws { handle = try hxMake { hx_db_open(path, $0, $1) } }

    deinit { hx_db_free(handle) }

    public func add(path: String) throws { try hxCall { hx_db_add_local(handle, path, $0) } }

    /// Adds a shard served by `xapian-tcpsrv --port PORT DB` (timeouts in milliseconds).
    public func addRemote(host: String, port: Int, timeoutMilliseconds: Int = 10_000,
                          connectTimeoutMilliseconds: Int = 10_000) throws {
        let p = try hxUInt32(port, "cổng"), t = try hxUInt32(timeoutMilliseconds, "thời hạn"),
            c = try hxUInt32(connectTimeoutMilliseconds, "thời hạn kết nối")
        guard p > 0, p < 65536 else {
            throw XapianError(message: "cổng không hợp lệ: \(port)", errorClass: "InvalidArgumentError")
        }
        try hxCall { hx_db_add_remote(handle, host, p, t, c, $0) }
    }

    /// Brings the database to its latest committed revision; true when it changed.
    @discardableResult
    public func reopen() throws -> Bool {
        var changed: Int32 = 0
        try hxCall { hx_db_reopen(handle, &changed, $0) }
        return changed != 0
    }

    public func close() throws { try hxCall { hx_db_close(handle, $0) } }

    /// Writes a compacted copy to the new directory `path` (Xapian's `compact`, as `xapian-compact`
    /// does): full blocks. A freshly built index shrinks by about half. Several databases (`add(path:)`)
    /// are merged into one: with `renumber` the documents of each follow those of the ones before it,
    /// in order; without, docids are kept (their ranges must not overlap).
    public func compact(to path: String, renumber: Bool = false) throws {
        try hxCall { hx_db_compact(handle, path, renumber ? 1 : 0, $0) }
    }

    public func documentCount() throws -> Int {
        var n: UInt32 = 0
        try hxCall { hx_db_doc_count(handle, &n, $0) }
        return Int(n)
    }

    public func metadata(forKey key: String) throws -> Data {
        try hxTakeBytes { hx_db_get_metadata(handle, key, $0, $1, $2) }
    }

    /// Number of documents containing the term (over all documents, whatever their access level).
    public func termFrequency(_ term: String) throws -> Int {
        var n: UInt32 = 0
        try hxCall { hx_db_termfreq(handle, term, &n, $0) }
        return Int(n)
    }

    public func termExists(_ term: String) throws -> Bool {
        var out: Int32 = 0
        try hxCall { hx_db_term_exists(handle, term, &out, $0) }
        return out != 0
    }

    /// Every term starting with `prefix`, with its document frequency, in byte order.
    public func allTerms(prefix: String = "") throws -> [(term: String, frequency: Int)] {
        let list = try hxMake { hx_db_allterms(handle, prefix, $0, $1) }
        return try hxDrain(list).map { (hxString($0.term), $0.frequency) }
    }

    /// What to do after visiting a term.
    public enum TermVisit: Sendable, Equatable {
        case next
        /// Continue with the first term >= this one.
        case skip(to: String)
        case stop
    }

    /// Visits the terms starting with `prefix` in byte order without loading them all.
    public func visitTerms(prefix: String = "", _ body: (_ term: String, _ frequency: Int) throws -> TermVisit) throws {
        let list = try hxMake { hx_db_allterms(handle, prefix, $0, $1) }
        defer { hx_termlist_free(list) }
        while let (term, freq) = try hxNextTerm(list) {
            let text = hxString(term)
            switch try body(text, freq) {
            case .next: continue
            case .stop: return
            case let .skip(to): try hxCall { hx_termlist_skip_to(list, to, $0) }
            }
        }
    }

    /// The terms of one document with their wdf.
    public func documentTerms(docid: UInt32) throws -> [(term: String, wdf: Int)] {
        let list = try hxMake { hx_db_doc_terms(handle, docid, $0, $1) }
        return try hxDrain(list).map { (hxString($0.term), $0.frequency) }
    }

    public func documentData(docid: UInt32) throws -> Data {
        try hxTakeBytes { hx_db_doc_data(handle, docid, $0, $1, $2) }
    }

    public func positions(docid: UInt32, term: String) throws -> [Int] {
        var out: UnsafeMutablePointer<UInt32>? = nil
        var count = 0
        try hxCall { hx_db_positions(handle, docid, term, &out, &count, $0) }
        defer { hx_free(out) }
        guard let out else { return [] }
        return (0..<count).map { Int(out[$0]) }
    }
}

/// A Xapian query: an immutable tree. Children may be released once combined.
public final class XapianQuery: CustomStringConvertible {
    /// Xapian query operators.
    public enum Operator: Sendable {
        case and, or, andNot, xor, andMaybe, filter, synonym, phrase, near, eliteSet, max
        var raw: Int32 {
            switch self {
            case .and: return Int32(HX_OP_AND)
            case .or: return Int32(HX_OP_OR)
            case .andNot: return Int32(HX_OP_AND_NOT)
            case .xor: return Int32(HX_OP_XOR)
            case .andMaybe: return Int32(HX_OP_AND_MAYBE)
            case .filter: return Int32(HX_OP_FILTER)
            case .synonym: return Int32(HX_OP_SYNONYM)
            case .phrase: return Int32(HX_OP_PHRASE)
            case .near: return Int32(HX_OP_NEAR)
            case .eliteSet: return Int32(HX_OP_ELITE_SET)
            case .max: return Int32(HX_OP_MAX)
            }
        }
    }

    let handle: OpaquePointer
    init(handle: OpaquePointer) { self.handle = handle }
    deinit { hx_query_free(handle) }

    /// A term, with its within-query frequency and (for phrase building) query position.
    public convenience init(term: String, wqf: Int = 1, position: Int = 0) throws {
        let w = try hxUInt32(wqf, "wqf"), p = try hxUInt32(position, "vị trí")
        self.init(handle: try hxMake { hx_query_term(term, w, p, $0, $1) })
    }

    /// Combines subqueries; `parameter` is the window of phrase/near (0 = number of terms) or the
    /// elite-set size.
    public convenience init(_ op: Operator, _ subqueries: [XapianQuery], parameter: Int = 0) throws {
        let param = try hxUInt32(parameter, "tham số")
        let handles: [OpaquePointer] = subqueries.map { $0.handle }
        let made = try withExtendedLifetime(subqueries) {
            try handles.withUnsafeBufferPointer { buf in
                try hxMake { hx_query_combine(op.raw, buf.baseAddress, buf.count, param, $0, $1) }
            }
        }
        self.init(handle: made)
    }

    /// Documents whose value in `slot` lies in `from…to` (byte order); an empty bound is open.
    public convenience init(valueSlot slot: Int, from: Data, to: Data) throws {
        let s = try hxUInt32(slot, "ô giá trị")
        let made = try from.withUnsafeBytes { f in
            try to.withUnsafeBytes { t in
                try hxMake { hx_query_value_range(s, f.baseAddress, f.count, t.baseAddress, t.count, $0, $1) }
            }
        }
        self.init(handle: made)
    }

    public static func matchAll() throws -> XapianQuery { XapianQuery(handle: try hxMake { hx_query_match_all($0, $1) }) }
    public static func matchNothing() throws -> XapianQuery {
        XapianQuery(handle: try hxMake { hx_query_match_nothing($0, $1) })
    }

    /// This query with every weight multiplied by `factor` (OP_SCALE_WEIGHT).
    public func scaled(by factor: Double) throws -> XapianQuery {
        XapianQuery(handle: try hxMake { hx_query_scale(handle, factor, $0, $1) })
    }

    /// Xapian's own serialisation (`Query::serialise`): the very query, to be run again by Xapian alone
    /// (`Xapian::Query::unserialise`; bench/server compares the server with it).
    public func serialised() throws -> Data {
        try hxTakeBytes { hx_query_serialise(handle, $0, $1, $2) }
    }

    /// Xapian's own description, e.g. `Query((đất@1 PHRASE 2 ở@2))`.
    public var description: String {
        (try? hxString(hxTakeBytes { hx_query_description(handle, $0, $1, $2) })) ?? "Query(?)"
    }
}

/// How the matches are ordered.
public enum XapianSort: Sendable, Equatable {
    case relevance
    case value(slot: Int, reverse: Bool)
    case valueThenRelevance(slot: Int, reverse: Bool)
    case relevanceThenValue(slot: Int, reverse: Bool)
}

/// One match of a result page.
public struct XapianMatch: Sendable {
    public var docid: UInt32
    public var rank: Int
    public var weight: Double
    public var percent: Int
    public var data: Data
    public var values: [Int: Data]
    /// The query terms this document matches (Enquire::get_matching_terms), in query order; empty unless
    /// `matches(…, matchingTerms: true)`.
    public var matchingTerms: [String]
}

/// One value counted by a facet and how many matching documents carry it.
public struct XapianFacetValue: Sendable, Equatable {
    public var value: Data
    public var count: Int
}

/// A page of matches with the bounds of the total and the facet counts.
public struct XapianMatchSet: Sendable {
    public var lowerBound: Int
    public var estimated: Int
    public var upperBound: Int
    public var matches: [XapianMatch]
    /// Facet counts, in the order the facets were added, most frequent first.
    public var facets: [[XapianFacetValue]]
}

/// A search session over a database (Xapian::Enquire).
public final class XapianEnquire {
    let handle: OpaquePointer
    public let database: XapianDatabase
    private var facetCount = 0

    public init(database: XapianDatabase) throws {
        self.database = database
        handle = try hxMake { hx_enquire_new(database.handle, $0, $1) }
    }
    deinit { hx_enquire_free(handle) }

    public func setQuery(_ query: XapianQuery) throws {
        try withExtendedLifetime(query) { try hxCall { hx_enquire_set_query(handle, query.handle, $0) } }
    }

    /// BM25 weighting (Xapian's defaults: k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5).
    public func setBM25(k1: Double = 1, k2: Double = 0, k3: Double = 1, b: Double = 0.5,
                        minNormLength: Double = 0.5) throws {
        try hxCall { hx_enquire_set_bm25(handle, k1, k2, k3, b, minNormLength, $0) }
    }

    /// Every match weighs the same (for pure filtering / browsing).
    public func setBoolWeighting() throws { try hxCall { hx_enquire_set_bool_weighting(handle, $0) } }

    public enum DocidOrder: Sendable { case ascending, descending, dontCare }
    public func setDocidOrder(_ order: DocidOrder) throws {
        let raw: Int32
        switch order {
        case .ascending: raw = Int32(HX_DOCID_ASCENDING)
        case .descending: raw = Int32(HX_DOCID_DESCENDING)
        case .dontCare: raw = Int32(HX_DOCID_DONT_CARE)
        }
        try hxCall { hx_enquire_set_docid_order(handle, raw, $0) }
    }

    public func setSort(_ sort: XapianSort) throws {
        let mode: Int, slot: Int, reverse: Bool
        switch sort {
        case .relevance: (mode, slot, reverse) = (Int(HX_SORT_RELEVANCE), 0, false)
        case let .value(s, r): (mode, slot, reverse) = (Int(HX_SORT_VALUE), s, r)
        case let .valueThenRelevance(s, r): (mode, slot, reverse) = (Int(HX_SORT_VALUE_THEN_RELEVANCE), s, r)
        case let .relevanceThenValue(s, r): (mode, slot, reverse) = (Int(HX_SORT_RELEVANCE_THEN_VALUE), s, r)
        }
        let s = try hxUInt32(slot, "ô giá trị")
        try hxCall { hx_enquire_set_sort(handle, Int32(mode), s, reverse ? 1 : 0, $0) }
    }

    /// Keeps at most `max` matches per distinct value of `slot`; `max` 0 turns collapsing off.
    public func setCollapseKey(slot: Int, max: Int = 1) throws {
        let s = try hxUInt32(slot, "ô giá trị"), m = try hxUInt32(max, "số lượng")
        try hxCall { hx_enquire_set_collapse_key(handle, s, m, $0) }
    }

    /// Counts the values of `slot` among the matches (ValueCountMatchSpy); returns the facet index.
    @discardableResult
    public func addFacet(slot: Int) throws -> Int {
        let s = try hxUInt32(slot, "ô giá trị")
        var index = 0
        try hxCall { hx_enquire_add_facet(handle, s, &index, $0) }
        facetCount += 1
        return index
    }

    /// Runs the search. `checkAtLeast`: at least so many matches are examined, so the total is exact
    /// below it (and facets count every examined match). `valueSlots`: values to read for each hit.
    public func matches(offset: Int, limit: Int, checkAtLeast: Int = 0, valueSlots: [Int] = [],
                        facetLimit: Int = 0, matchingTerms: Bool = false) throws -> XapianMatchSet {
        let o = try hxUInt32(offset, "vị trí bắt đầu"), l = try hxUInt32(limit, "giới hạn"),
            c = try hxUInt32(checkAtLeast, "số tài liệu cần xét")
        let mset = try hxMake { hx_enquire_get_mset(handle, o, l, c, $0, $1) }
        defer { hx_mset_free(mset) }
        var lower: UInt32 = 0, estimated: UInt32 = 0, upper: UInt32 = 0
        try hxCall { hx_mset_totals(mset, &lower, &estimated, &upper, $0) }
        var matches: [XapianMatch] = []
        let size = hx_mset_size(mset)
        matches.reserveCapacity(size)
        for i in 0..<size {
            var hit = hx_hit()
            try hxCall { hx_mset_hit(mset, i, &hit, $0) }
            var ptr: UnsafePointer<CChar>? = nil
            var len = 0
            try hxCall { hx_mset_data(mset, i, &ptr, &len, $0) }
            let data = ptr.map { Data(bytes: $0, count: len) } ?? Data()
            var values: [Int: Data] = [:]
            for slot in valueSlots {
                let s = try hxUInt32(slot, "ô giá trị")
                try hxCall { hx_mset_value(mset, i, s, &ptr, &len, $0) }
                values[slot] = ptr.map { Data(bytes: $0, count: len) } ?? Data()
            }
            // Read from the hit's term list: only when asked (costly on remote shards).
            let terms = matchingTerms ? try hxDrain(try hxMake { hx_mset_matching_terms(mset, i, $0, $1) }).map { hxString($0.term) } : []
            matches.append(XapianMatch(docid: hit.docid, rank: Int(hit.rank), weight: hit.weight,
                                       percent: Int(hit.percent), data: data, values: values, matchingTerms: terms))
        }
        var facets: [[XapianFacetValue]] = []
        for f in 0..<facetCount {
            let list = try hxMake { hx_mset_facet(mset, f, max(0, facetLimit), $0, $1) }
            facets.append(try hxDrain(list).map { XapianFacetValue(value: $0.term, count: $0.frequency) })
        }
        return XapianMatchSet(lowerBound: Int(lower), estimated: Int(estimated), upperBound: Int(upper),
                              matches: matches, facets: facets)
    }
}
