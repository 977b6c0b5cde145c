import Foundation
import IndexSchema
import Query
import VietText
import Xapian

/// Searches one or several index databases (local directories, stub files or remote shards) as one.
/// Access is enforced inside the Xapian query, so totals, facets and suggestions never count what
/// the role may not see. Safe to share between threads (calls are serialised).
public final class Searcher: @unchecked Sendable {
    public let database: XapianDatabase
    /// The local databases given at opening.
    public let databasePaths: [String]
    /// Totals are exact up to offset + limit + this many matches (and always when facets are asked).
    public var exactTotalMargin = 1000
    /// BM25 parameters.
    public var bm25 = (k1: 1.2, k2: 0.0, k3: 1.0, b: 0.5, minNormLength: 0.5)
    /// Reopen the database before each call, so a search sees what the writer last committed.
    public var reopenBeforeEachCall = true
    private let lock = NSLock()
    /// Master switch for `SearchRequest.expandUnknownWords`.
    public var expandUnknownWords = true
    /// Weight of a widened word relative to a word found as typed.
    public var expansionWeight = 0.7
    /// At most so many index words per widened word (closest, then most frequent).
    public var maxExpansions = 6
    /// Set per search (under the lock): nothing is filtered and the role may see every document of the
    /// databases, so a term frequency answers `visibleMatch` without an enquire.
    var seesEverything = false
    /// Per search (under the lock): words that exist but were likely typed for another, see `realWordSlips`.
    var slipWidenings: [String: [String]] = [:]
    /// Per search (under the lock): `nearWords` of each unknown word, found once.
    var nearWordsFound: [String: [String]] = [:]

    /// Opens local databases (directories or stub files) and remote shards, searched as one.
    public init(databasePaths: [String], shards: [ShardAddress] = []) throws {
        guard !databasePaths.isEmpty || !shards.isEmpty else {
            throw SearchIndexError.invalidRequest("không có cơ sở dữ liệu chỉ mục nào để tìm")
        }
        database = try XapianDatabase()
        self.databasePaths = databasePaths
        for path in databasePaths { try database.add(path: path) }
        for s in shards { try database.addRemote(host: s.host, port: s.port, timeoutMilliseconds: s.timeoutMilliseconds) }
    }

    public convenience init(shards: [ShardAddress]) throws { try self.init(databasePaths: [], shards: shards) }

    /// Sees the latest committed changes; true when something changed.
    @discardableResult
    public func reopen() throws -> Bool {
        try locked {
            let changed = try database.reopen()
            if changed { forgetRevision() }
            return changed
        }
    }

    public func documentCount() throws -> Int { try lockedFresh { try database.documentCount() } }

    /// The filter every search and suggestion goes through: OR of the visible `XA` terms plus the
    /// request's filters. nil when the role sees nothing.
    static func filterQuery(visibleLevels: [Int], filters: SearchFilters) throws -> XapianQuery? {
        let levels = Set(visibleLevels.filter { (1...3).contains($0) }).sorted()
        guard !levels.isEmpty else { return nil }
        var parts: [XapianQuery] = []
        parts.append(try XapianQuery(.or, levels.map { try XapianQuery(term: TermPrefix.access + String($0)) }))
        func anyOf(_ terms: [String]) throws {
            let unique = Array(Set(terms)).sorted()
            if !unique.isEmpty { parts.append(try XapianQuery(.or, unique.map { try XapianQuery(term: $0) })) }
        }
        try anyOf(filters.documentTypes.compactMap { DocumentIndexer.filterTerm(TermPrefix.documentType, $0) })
        try anyOf(filters.issuers.compactMap { DocumentIndexer.filterTerm(TermPrefix.issuingBody, $0) })
        try anyOf(filters.fonds.compactMap { DocumentIndexer.filterTerm(TermPrefix.fonds, $0) })
        try anyOf(filters.fileIDs.map { TermPrefix.fileID + $0.trimmingCharacters(in: .whitespaces) })
        let retention = Array(Set(filters.retention.map { $0.trimmingCharacters(in: .whitespaces) })).sorted()
        if !retention.isEmpty {
            parts.append(try XapianQuery(.or, retention.map {
                try XapianQuery(valueSlot: ValueSlot.retention, from: Data($0.utf8), to: Data($0.utf8))
            }))
        }
        if filters.yearFrom != nil || filters.yearTo != nil {
            if let a = filters.yearFrom, let b = filters.yearTo, a > b {
                throw SearchIndexError.invalidRequest("năm bắt đầu \(a) sau năm kết thúc \(b)")
            }
            let from = try filters.yearFrom.map { try XapianSortable.serialise(Double($0)) } ?? Data()
            let to = try filters.yearTo.map { try XapianSortable.serialise(Double($0)) } ?? Data()
            parts.append(try XapianQuery(valueSlot: ValueSlot.year, from: from, to: to))
        }
        return parts.count == 1 ? parts[0] : try XapianQuery(.and, parts)
    }

    /// Runs a search.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        guard request.limit >= 0, request.offset >= 0 else {
            throw SearchIndexError.invalidRequest("giới hạn và vị trí bắt đầu phải không âm")
        }
        guard request.facetSlots.allSatisfy({ $0 >= 0 }) else {
            throw SearchIndexError.invalidRequest("ô giá trị của bộ lọc nhóm không hợp lệ")
        }
        guard let filter = try Self.filterQuery(visibleLevels: request.visibleLevels, filters: request.filters) else {
            return SearchResponse(total: 0, totalIsExact: true, hits: [],
                                  facets: Dictionary(uniqueKeysWithValues: request.facetSlots.map { ($0, []) }))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var response = try lockedFresh {
            try retryingOnModification {
                var expansions: [String: [String]] = [:], leftOut: [String] = []
                seesEverything = try request.filters == SearchFilters() && holdsNoHiddenLevel(request.visibleLevels)
                var node = request.query
                if expandUnknownWords && request.expandUnknownWords {
                    slipWidenings = try realWordSlips(node, access: filter)
                    nearWordsFound = [:]
                    if request.spareUnknownWords {
                        node = try sparingUnknownWords(node, access: filter, expansions: &expansions, leftOut: &leftOut)
                    }
                    node = try expandingUnknown(node, access: filter, into: &expansions)
                }
                node = try droppingCommonAccents(node)
                let main = try XapianQuery.build(node)
                var response = try run(try XapianQuery(.filter, [main, filter]), request)
                response.expansions = expansions
                response.leftOut = leftOut
                return response
            }
        }
        response.indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return response
    }

    /// Master switch for `droppingCommonAccents`.
    public var dropCommonAccents = true

    func run(_ query: XapianQuery, _ request: SearchRequest) throws -> SearchResponse {
        let enquire = try XapianEnquire(database: database)
        try enquire.setQuery(query)
        try enquire.setBM25(k1: bm25.k1, k2: bm25.k2, k3: bm25.k3, b: bm25.b, minNormLength: bm25.minNormLength)
        switch request.sort {
        case .relevance: try enquire.setSort(.relevance)
        case .dateAsc: try enquire.setSort(.valueThenRelevance(slot: ValueSlot.date, reverse: false))
        case .dateDesc: try enquire.setSort(.valueThenRelevance(slot: ValueSlot.date, reverse: true))
        }
        for slot in request.facetSlots { try enquire.addFacet(slot: slot) }
        var checkAtLeast = request.offset + request.limit + max(0, exactTotalMargin)
        if !request.facetSlots.isEmpty { checkAtLeast = max(checkAtLeast, try database.documentCount()) }
        checkAtLeast = min(checkAtLeast, Int(UInt32.max))
        let valueSlots = [ValueSlot.date, ValueSlot.documentID, ValueSlot.fileID, ValueSlot.access]
        let set = try enquire.matches(offset: request.offset, limit: request.limit, checkAtLeast: checkAtLeast,
                                      valueSlots: valueSlots, facetLimit: request.facetLimit,
                                      matchingTerms: request.withMatchingTerms)
        var hits: [IndexHit] = []
        for m in set.matches {
            // The data JSON; should it be unreadable, the values still name the document.
            let data = DocumentIndexer.readDocumentData(m.data) ?? IndexedDocumentData(
                id: m.values[ValueSlot.documentID].map(hxString) ?? "", fileID: m.values[ValueSlot.fileID].map(hxString) ?? "",
                title: "", access: Int(m.values[ValueSlot.access].map(hxString) ?? "") ?? 3)
            let date = m.values[ValueSlot.date].map(hxString).flatMap { $0.isEmpty ? nil : $0 }
            hits.append(IndexHit(id: data.id, fileID: data.fileID, title: data.title, access: data.access,
                                  score: Double(m.percent) / 100,
                                  // Filter terms (access, type…: all `X…`) are not what the user searched for.
                                  matchingTerms: m.matchingTerms.filter { !$0.hasPrefix("X") }, date: date))
        }
        var facets: [Int: [FacetCount]] = [:]
        for (i, slot) in request.facetSlots.enumerated() where i < set.facets.count {
            facets[slot] = try set.facets[i].map { v in
                let shown = slot == ValueSlot.year ? String(Int(try XapianSortable.unserialise(v.value))) : hxString(v.value)
                return FacetCount(value: shown, count: v.count)
            }
        }
        var response = SearchResponse(total: set.estimated, totalIsExact: set.lowerBound == set.upperBound, hits: hits,
                                      facets: facets)
        if request.recordQuery {
            let sort: String
            switch request.sort {
            case .relevance: sort = "relevance"
            case .dateAsc: sort = "date-asc"
            case .dateDesc: sort = "date-desc"
            }
            response.recordedQuery = RecordedQuery(
                query: try query.serialised(), databases: databasePaths, offset: request.offset, limit: request.limit,
                checkAtLeast: checkAtLeast, bm25: [bm25.k1, bm25.k2, bm25.k3, bm25.b, bm25.minNormLength], sort: sort,
                facetSlots: request.facetSlots, valueSlots: valueSlots)
        }
        return response
    }

    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    func lockedFresh<T>(_ body: () throws -> T) throws -> T {
        try locked {
            if reopenBeforeEachCall, try database.reopen() { forgetRevision() }
            return try body()
        }
    }

    /// A reader may see `DatabaseModifiedError` when the writer commits meanwhile: reopen once, retry.
    func retryingOnModification<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as XapianError where e.errorClass == "DatabaseModifiedError" {
            try database.reopen()
            forgetRevision()
            return try body()
        }
    }

    /// `holdsNoHiddenLevel` per set of hidden levels, for the current revision.
    var noHiddenLevel: [[Int]: Bool] = [:]

    /// The words of the database as of its current revision (caller holds the lock).
    var vocabulary: Vocabulary?

    /// What was read from the last revision: forgotten when the database changes.
    func forgetRevision() {
        vocabulary = nil
        noHiddenLevel = [:]
    }

    func currentVocabulary() throws -> Vocabulary {
        if let vocabulary { return vocabulary }
        let v = try Vocabulary(database)
        vocabulary = v
        return v
    }
}
