import CXapian
import Foundation

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
