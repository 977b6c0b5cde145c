import Foundation
import IndexSchema
import Xapian

/// The one writer of an index database (chỉ mục). Documents are replaced by their unique id term
/// (`Q<id>`), never by docid, so indexing the same document twice leaves one copy. Changes are
/// committed every `batchSize` documents and on `commit()`/`close()`; use from one thread at a time.
public final class IndexWriter {
    /// Version of the term scheme written in the index metadata (`hoso.schema`).
    public static let schemaVersion = String(IndexSchema.version)

    public let database: XapianWritableDatabase
    public let indexer: DocumentIndexer
    public var batchSize: Int
    /// Changes not committed yet.
    public private(set) var pending = 0

    /// Opens (or creates) the database at `path`. Fails with `XapianError` class `DatabaseLockError`
    /// when another writer holds it, and with `SearchIndexError.schemaMismatch` when the index was
    /// built with another term scheme. `sync: false`: commits not fsynced (`XapianWritableDatabase`).
    public init(path: String, batchSize: Int = 200, indexer: DocumentIndexer = DocumentIndexer(), sync: Bool = true) throws {
        database = try XapianWritableDatabase(path: path, mode: .createOrOpen, sync: sync)
        self.indexer = indexer
        self.batchSize = max(1, batchSize)
        let found = hxString(try database.metadata(forKey: IndexMetadataKey.schemaVersion))
        if found.isEmpty {
            try database.setMetadata(Data(Self.schemaVersion.utf8), forKey: IndexMetadataKey.schemaVersion)
            try database.commit()
        } else if found != Self.schemaVersion {
            throw SearchIndexError.schemaMismatch(found: found, expected: Self.schemaVersion)
        }
    }

    /// The term scheme version written in the index at `path` ("" when none).
    public static func schemaVersion(at path: String) throws -> String {
        let db = try XapianDatabase(path: path)
        return hxString(try db.metadata(forKey: IndexMetadataKey.schemaVersion))
    }

    /// Adds the document, or replaces the one with the same id. Returns the Xapian docid.
    @discardableResult
    public func replace(_ doc: IndexableDocument) throws -> UInt32 {
        try replace(try indexer.prepare(doc))
    }

    /// Writes a document prepared beforehand (`indexer.prepare`, which is safe on other threads).
    @discardableResult
    public func replace(_ prepared: PreparedDocument) throws -> UInt32 {
        let docid = try database.replace(uniqueTerm: prepared.uniqueTerm, document: prepared.document)
        try counted()
        return docid
    }

    /// Adds a prepared document without looking for an older copy: for a database being built that
    /// cannot hold it yet (a fresh reindex generation). Returns the Xapian docid.
    @discardableResult
    public func add(_ prepared: PreparedDocument) throws -> UInt32 {
        let docid = try database.add(document: prepared.document)
        try counted()
        return docid
    }

    /// Removes the document with this id (nothing happens when there is none).
    public func delete(documentID: String) throws {
        try database.delete(uniqueTerm: DocumentIndexer.uniqueTerm(documentID: documentID))
        try counted()
    }

    public func commit() throws {
        try database.commit()
        pending = 0
    }

    /// Commits and releases the database lock.
    public func close() throws {
        try commit()
        try database.close()
    }

    public func documentCount() throws -> Int { try database.documentCount() }

    private func counted() throws {
        pending += 1
        if pending >= batchSize { try commit() }
    }
}
