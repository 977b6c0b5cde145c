import Foundation
import Query
import VietText

/// A remote index shard served by `xapian-tcpsrv --port PORT DB`.
public struct ShardAddress: Hashable, Sendable {
    public var host: String
    public var port: Int
    /// Timeout of each remote operation, in milliseconds.
    public var timeoutMilliseconds: Int
    public init(host: String, port: Int, timeoutMilliseconds: Int = 10_000) {
        self.host = host
        self.port = port
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}

/// Order of the hits.
public enum SearchSort: String, Sendable, Equatable, Codable {
    /// Best first (BM25).
    case relevance
    /// Oldest first (ngày văn bản), then best first.
    case dateAsc
    /// Newest first, then best first.
    case dateDesc
}

/// Restrictions on what is searched. Values within one list are alternatives (OR); lists combine (AND).
public struct SearchFilters: Equatable, Sendable {
    /// Years from…to (inclusive); either bound may be missing.
    public var yearFrom: Int?
    public var yearTo: Int?
    /// Tên loại văn bản (compared folded: `quyet dinh` = `Quyết định`).
    public var documentTypes: [String]
    /// Cơ quan ban hành (compared folded).
    public var issuers: [String]
    /// Tên phông (compared folded).
    public var fonds: [String]
    /// Thời hạn lưu trữ codes (`01` …), exact.
    public var retention: [String]
    /// Mã hồ sơ, exact.
    public var fileIDs: [String]

    public init(yearFrom: Int? = nil, yearTo: Int? = nil, documentTypes: [String] = [], issuers: [String] = [],
                fonds: [String] = [], retention: [String] = [], fileIDs: [String] = []) {
        self.yearFrom = yearFrom
        self.yearTo = yearTo
        self.documentTypes = documentTypes
        self.issuers = issuers
        self.fonds = fonds
        self.retention = retention
        self.fileIDs = fileIDs
    }
}

/// One search.
public struct SearchRequest: Equatable, Sendable {
    public var query: QueryNode
    /// Access levels (chế độ sử dụng) the role may see: public [1], staff [1, 2], secret [1, 2, 3].
    /// Empty sees nothing.
    public var visibleLevels: [Int]
    public var limit: Int
    public var offset: Int
    public var filters: SearchFilters
    public var sort: SearchSort
    /// Value slots to count (`ValueSlot.year`, `.documentType`, `.issuer`, …).
    public var facetSlots: [Int]
    /// At most so many values per facet (0 = all).
    public var facetLimit: Int
    /// Widen a typed word that no visible document holds to the index words within a small edit
    /// distance (a slip `Nguypễn`, `Trnầ`, `tviêu`) instead of finding nothing; what was widened is
    /// in `SearchResponse.expansions`. Only words with no visible match pay for the vocabulary scan;
    /// the normal path costs one frequency lookup per word. Turn off to ask "does this word exist".
    public var expandUnknownWords: Bool = true
    /// Whether each hit lists the query terms it matches (`SearchHit.matchingTerms`). Off by default: Xapian
    /// reads each hit's whole term list for it (from a remote shard, over the network: ~80 ms a search with
    /// three `xapian-tcpsrv` shards, bench/scale/RESULTS.md).
    public var withMatchingTerms: Bool = false
    /// Keep in `SearchResponse.recordedQuery` the Xapian query and match settings this search ran (for
    /// running it again with Xapian alone: bench/server). Off by default.
    public var recordQuery: Bool = false

    public init(query: QueryNode, visibleLevels: [Int], limit: Int = 10, offset: Int = 0,
                filters: SearchFilters = SearchFilters(), sort: SearchSort = .relevance, facetSlots: [Int] = [],
                facetLimit: Int = 20) {
        self.query = query
        self.visibleLevels = visibleLevels
        self.limit = limit
        self.offset = offset
        self.filters = filters
        self.sort = sort
        self.facetSlots = facetSlots
        self.facetLimit = facetLimit
    }
}

/// One hit: a document (văn bản).
public struct SearchHit: Equatable, Sendable {
    public var id: String
    public var fileID: String
    public var title: String
    public var access: Int
    /// Relevance 0…1 (Xapian percent / 100); 0 when the query has no weight (browsing).
    public var score: Double
    /// The query terms found in this document (to find the pages and build snippets); filter terms
    /// (`X…`) left out.
    public var matchingTerms: [String]
    /// Date `YYYYMMDD` when known.
    public var date: String?
}

/// A value of a facet and how many visible matching documents carry it.
public struct FacetCount: Hashable, Sendable {
    /// The value as shown (the year as digits for `ValueSlot.year`).
    public var value: String
    public var count: Int
}

/// The answer to a search.
public struct SearchResponse: Equatable, Sendable {
    /// Number of matching documents the role may see (an estimate when `totalIsExact` is false).
    public var total: Int
    public var totalIsExact: Bool
    public var hits: [SearchHit]
    /// Facet counts per value slot, most frequent first.
    public var facets: [Int: [FacetCount]]
    /// Typed words (folded `F` terms, prefix removed) that no visible document holds, with the index
    /// words they were widened to (edit distance 1–2): `["nguypen": ["nguyen"]]`. Empty when every
    /// word was found as typed.
    public var expansions: [String: [String]] = [:]
    /// Time this search spent in Xapian (reopening, widening unknown words, the match), in seconds. Not
    /// part of equality: two searches with the same answer are equal.
    public var indexSeconds: Double = 0
    /// The Xapian query and settings of the match, when the request asked (`recordQuery`). Not part of equality.
    public var recordedQuery: RecordedQuery? = nil

    public static func == (a: SearchResponse, b: SearchResponse) -> Bool {
        a.total == b.total && a.totalIsExact == b.totalIsExact && a.hits == b.hits && a.facets == b.facets
            && a.expansions == b.expansions
    }
}

/// A match as Xapian ran it: the query (`Query::serialise`) and the settings around it, enough for Xapian
/// alone to run the very same match (bench/server/xapian_exact.py).
public struct RecordedQuery: Codable, Equatable, Sendable {
    /// `Xapian::Query::serialise()`, base64 in JSON.
    public var query: Data
    /// The local databases searched as one (remote shards are not recorded).
    public var databases: [String]
    public var offset: Int
    public var limit: Int
    public var checkAtLeast: Int
    /// BM25 parameters `k1 k2 k3 b min_normlen`.
    public var bm25: [Double]
    /// `relevance`, `date-asc` or `date-desc` (date: value slot `ValueSlot.date`, then relevance).
    public var sort: String
    public var facetSlots: [Int]
    /// Value slots read for each hit.
    public var valueSlots: [Int]
}

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
        parts.append(try XapianQuery(.or, levels.map { try XapianQuery(term: IndexPrefix.access + String($0)) }))
        func anyOf(_ terms: [String]) throws {
            let unique = Array(Set(terms)).sorted()
            if !unique.isEmpty { parts.append(try XapianQuery(.or, unique.map { try XapianQuery(term: $0) })) }
        }
        try anyOf(filters.documentTypes.compactMap { DocumentIndexer.filterTerm(IndexPrefix.documentType, $0) })
        try anyOf(filters.issuers.compactMap { DocumentIndexer.filterTerm(IndexPrefix.issuer, $0) })
        try anyOf(filters.fonds.compactMap { DocumentIndexer.filterTerm(IndexPrefix.fonds, $0) })
        try anyOf(filters.fileIDs.map { IndexPrefix.fileID + $0.trimmingCharacters(in: .whitespaces) })
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
                var expansions: [String: [String]] = [:]
                seesEverything = try request.filters == SearchFilters() && holdsNoHiddenLevel(request.visibleLevels)
                var node = request.query
                if expandUnknownWords && request.expandUnknownWords {
                    slipWidenings = try realWordSlips(node, access: filter)
                    node = try expandingUnknown(node, access: filter, into: &expansions)
                }
                node = try droppingCommonAccents(node)
                let main = try XapianQuery.build(node)
                var response = try run(try XapianQuery(.filter, [main, filter]), request)
                response.expansions = expansions
                return response
            }
        }
        response.indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return response
    }

    /// Master switch for `droppingCommonAccents`.
    public var dropCommonAccents = true

    /// `node` without the accented alternatives that cannot change the order but cost the most: an
    /// accented term (`đất` beside `Fdat`) held by more than half of the visible documents and by at least
    /// nine in ten of those holding its folded form. BM25 gives a term in more than half of the documents
    /// almost no weight (Xapian scales its idf into [0.5, 1), whose log is below 0.41), and nearly every
    /// document the folded term matches holds the accented one too; yet Xapian walks its posting list for
    /// every candidate, which at a million pages doubled the time of queries made of common words
    /// (bench/scale/RESULTS.md). Matching never changes: the folded term stays. In a word, `(đất OR Fdat)`
    /// becomes `Fdat`; in a phrase, the common accented words leave the `AND_MAYBE` that ranks exact accents.
    func droppingCommonAccents(_ node: QueryNode) throws -> QueryNode {
        guard dropCommonAccents else { return node }
        var total: Int? = nil          // read only when a query holds an accented alternative
        var cache: [String: Bool] = [:]
        func common(_ accented: String) throws -> Bool {
            if let known = cache[accented] { return known }
            let all = try total ?? database.documentCount()
            total = all
            let n = try database.termFrequency(accented)
            let folded = try database.termFrequency(IndexPrefix.folded + VietNormalizer.fold(accented))
            let answer = n * 2 > all && n * 10 >= folded * 9
            cache[accented] = answer
            return answer
        }
        func isAccented(_ t: String) -> Bool { t.first.map { !($0.isASCII && $0.isUppercase) } ?? false }
        func rewrite(_ node: QueryNode) throws -> QueryNode {
            switch node {
            case let .or(qs) where qs.count == 2:
                if case let .term(a, _) = qs[0], case let .term(f, _) = qs[1], isAccented(a),
                   f == IndexPrefix.folded + VietNormalizer.fold(a), try common(a) {
                    return qs[1]
                }
                return .or(try qs.map(rewrite))
            case let .andMaybe(a, b):
                let left = try rewrite(a)
                var right: [QueryNode]
                if case let .and(qs) = b { right = qs } else { right = [b] }
                let plain = right.allSatisfy { if case let .term(t, _) = $0 { return isAccented(t) } else { return false } }
                guard plain else { return .andMaybe(left, try rewrite(b)) }
                right = try right.filter { if case let .term(t, _) = $0 { return !(try common(t)) } else { return true } }
                if right.isEmpty { return left }
                return .andMaybe(left, right.count == 1 ? right[0] : .and(right))
            case let .and(qs): return .and(try qs.map(rewrite))
            case let .or(qs): return .or(try qs.map(rewrite))
            case let .synonym(qs): return .synonym(try qs.map(rewrite))
            case let .scaleWeight(a, w): return .scaleWeight(try rewrite(a), w)
            case let .filter(a, b): return .filter(try rewrite(a), b)
            case let .andNot(a, b): return .andNot(try rewrite(a), b)
            default: return node
            }
        }
        return try rewrite(node)
    }

    /// Master switch for `SearchRequest.expandUnknownWords`.
    public var expandUnknownWords = true
    /// Weight of a widened word relative to a word found as typed.
    public var expansionWeight = 0.7
    /// At most so many index words per widened word (closest, then most frequent).
    public var maxExpansions = 6

    /// `node` with each unknown `F` word term replaced by `SCALE(SYN(near words), expansionWeight)`.
    func expandingUnknown(_ node: QueryNode, access: XapianQuery, into expansions: inout [String: [String]]) throws -> QueryNode {
        switch node {
        case let .term(t, weight):
            guard t.hasPrefix(IndexPrefix.folded), !t.hasPrefix(IndexPrefix.foldedPair) else { return node }
            let word = String(t.dropFirst(IndexPrefix.folded.count))
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= 3, scalars.contains(where: { ("a"..."z").contains($0) }) else { return node }
            if let slips = slipWidenings[word] {
                // A real word typed for another (`Lanh` for `Linh`): kept, its neighbour-consistent near
                // words added at a lower weight.
                expansions[word] = slips
                return .or([node, .scaleWeight(.synonym(slips.map { .term(IndexPrefix.folded + $0) }), expansionWeight * weight)])
            }
            guard try !visibleMatch(t, access: access) else { return node }
            let near = try nearWords(scalars, access: access)
            guard !near.isEmpty else { return node }
            expansions[word] = near
            let syn = QueryNode.synonym(near.map { .term(IndexPrefix.folded + $0) })
            return .scaleWeight(syn, expansionWeight * weight)
        case let .and(qs): return .and(try qs.map { try expandingUnknown($0, access: access, into: &expansions) })
        case let .or(qs): return .or(try qs.map { try expandingUnknown($0, access: access, into: &expansions) })
        case let .synonym(qs): return .synonym(try qs.map { try expandingUnknown($0, access: access, into: &expansions) })
        case let .andMaybe(a, b):
            // The boosts after the words, so pairs can follow their words' expansions.
            let left = try expandingUnknown(a, access: access, into: &expansions)
            return .andMaybe(left, expansions.isEmpty ? b : try expandingPairs(b, expansions))
        case let .andNot(a, b): return .andNot(try expandingUnknown(a, access: access, into: &expansions), b)
        case let .filter(a, b): return .filter(try expandingUnknown(a, access: access, into: &expansions), b)
        case let .scaleWeight(a, w): return .scaleWeight(try expandingUnknown(a, access: access, into: &expansions), w)
        case .valueRange, .matchAll, .matchNothing: return node
        }
    }

    /// Folded pair terms (`BFcog_dinh`) of widened words, replaced by the pairs of their expansions
    /// that the index holds (`BFcong_dinh`): among the near words, those next to the typed neighbour.
    func expandingPairs(_ node: QueryNode, _ expansions: [String: [String]]) throws -> QueryNode {
        switch node {
        case let .term(t, weight):
            guard t.hasPrefix(IndexPrefix.foldedPair) else { return node }
            let parts = t.dropFirst(IndexPrefix.foldedPair.count).split(separator: "_", maxSplits: 1).map(String.init)
            guard parts.count == 2, expansions[parts[0]] != nil || expansions[parts[1]] != nil else { return node }
            var found: [QueryNode] = []
            for a in [parts[0]] + (expansions[parts[0]] ?? []) {
                for b in [parts[1]] + (expansions[parts[1]] ?? []) {
                    let pair = IndexPrefix.foldedPair + a + "_" + b
                    if try database.termFrequency(pair) > 0 { found.append(.term(pair)) }
                }
            }
            return found.isEmpty ? node : .scaleWeight(.synonym(found), expansionWeight * weight)
        case let .or(qs): return .or(try qs.map { try expandingPairs($0, expansions) })
        case let .and(qs): return .and(try qs.map { try expandingPairs($0, expansions) })
        case let .synonym(qs): return .synonym(try qs.map { try expandingPairs($0, expansions) })
        case let .scaleWeight(a, w): return .scaleWeight(try expandingPairs(a, expansions), w)
        default: return node
        }
    }

    /// Set per search (under the lock): nothing is filtered and the role may see every document of the
    /// databases, so a term frequency answers `visibleMatch` without an enquire.
    private var seesEverything = false

    /// Whether no document of the databases has an access level outside `visibleLevels`: no `XA` term of
    /// another level has any posting (every document has its one `XA` term). True for every role over the
    /// per-level databases it opens (the public searcher opens `l1` only); then the words' checks need no
    /// filtered enquire each (one per typed word). Read once per revision (two lookups; a round trip each to
    /// a remote shard).
    private func holdsNoHiddenLevel(_ visibleLevels: [Int]) throws -> Bool {
        let hidden = Set(1...3).subtracting(visibleLevels).sorted()
        if hidden.isEmpty { return true }
        if let known = noHiddenLevel[hidden] { return known }
        var none = true
        for level in hidden where try database.termFrequency(IndexPrefix.access + String(level)) > 0 { none = false }
        noHiddenLevel[hidden] = none
        return none
    }

    /// `holdsNoHiddenLevel` per set of hidden levels, for the current revision.
    private var noHiddenLevel: [[Int]: Bool] = [:]

    /// Per search (under the lock): words that exist but were likely typed for another, see `realWordSlips`.
    private var slipWidenings: [String: [String]] = [:]

    /// A slip that makes another real word (`Diệu Lanh` for `Diệu Linh`, `Hoàng Tin` for `Hoàng Tiến`):
    /// for each typed folded pair `a_b` that no document holds while both words exist, the words `s`
    /// one edit from `b` such that a visible document holds the pair `a_s` (a prefix scan of `BFa_`,
    /// never the whole vocabulary). At most 3 per word, most frequent pair first.
    func realWordSlips(_ node: QueryNode, access: XapianQuery) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        func isWord(_ w: String) -> Bool {
            !w.isEmpty && w.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "'" }
        }
        for t in Set(node.terms) where t.hasPrefix(IndexPrefix.foldedPair) {
            let parts = t.dropFirst(IndexPrefix.foldedPair.count).split(separator: "_", maxSplits: 1).map(String.init)
            guard parts.count == 2, isWord(parts[0]), isWord(parts[1]), parts[1].count >= 3, out[parts[1]] == nil,
                  try database.termFrequency(t) == 0,
                  try database.termFrequency(IndexPrefix.folded + parts[0]) > 0,
                  try database.termFrequency(IndexPrefix.folded + parts[1]) > 0 else { continue }
            let typed = Array(parts[1].unicodeScalars)
            let prefix = IndexPrefix.foldedPair + parts[0] + "_"
            var found: [(word: String, frequency: Int)] = []
            try database.visitTerms(prefix: prefix) { term, frequency in
                let s = String(term.dropFirst(prefix.count))
                if !s.contains("_"), Self.editDistance(Array(s.unicodeScalars), typed, limit: 1, transpositions: true) == 1 {
                    found.append((s, frequency))
                }
                return .next
            }
            found.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.word < $1.word }
            var near: [String] = []
            for c in found where near.count < 3 {
                if try visibleMatch(prefix + c.word, access: access) { near.append(c.word) }
            }
            if !near.isEmpty { out[parts[1]] = near }
        }
        return out
    }

    /// Whether a document the filter lets through holds `term`.
    private func visibleMatch(_ term: String, access: XapianQuery) throws -> Bool {
        guard try database.termFrequency(term) > 0 else { return false }
        if seesEverything { return true }
        return try visibleMatch(try XapianQuery(term: term), access: access)
    }

    /// Whether a document the filter lets through matches `query`.
    private func visibleMatch(_ query: XapianQuery, access: XapianQuery) throws -> Bool {
        let enquire = try XapianEnquire(database: database)
        try enquire.setQuery(try XapianQuery(.filter, [query, access]))
        try enquire.setBoolWeighting()
        return try enquire.matches(offset: 0, limit: 1, checkAtLeast: 1).matches.count > 0
    }

    /// Folded index words within edit distance 1 (words of 4 letters or fewer) or 2 of `word`
    /// (transpositions count 1) that a document the filter lets through holds; only those at the
    /// smallest such distance, most frequent first. A word only in hidden documents is never used.
    func nearWords(_ word: [Unicode.Scalar], access: XapianQuery) throws -> [String] {
        let maxDistance = word.count <= 4 ? 1 : 2
        var found: [(term: String, distance: Int, frequency: Int)] = []
        for entry in try currentVocabulary().folded(lengths: (word.count - maxDistance)...(word.count + maxDistance)) {
            let d = Self.editDistance(entry.scalars, word, limit: maxDistance, transpositions: true)
            if d <= maxDistance { found.append((entry.word, d, entry.frequency)) }
        }
        found.sort { a, b in
            a.distance != b.distance ? a.distance < b.distance
                : a.frequency != b.frequency ? a.frequency > b.frequency : a.term < b.term
        }
        var out: [String] = []
        var best: Int? = nil
        for c in found.prefix(Self.maxSuggestionCandidates) {
            if let best, c.distance > best { break }
            guard try visibleMatch(IndexPrefix.folded + c.term, access: access) else { continue }
            best = c.distance
            out.append(c.term)
            if out.count >= maxExpansions { break }
        }
        return out
    }

    private func run(_ query: XapianQuery, _ request: SearchRequest) throws -> SearchResponse {
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
        var hits: [SearchHit] = []
        for m in set.matches {
            // The data JSON; should it be unreadable, the values still name the document.
            let data = DocumentIndexer.readDocumentData(m.data) ?? IndexedDocumentData(
                id: m.values[ValueSlot.documentID].map(hxString) ?? "", fileID: m.values[ValueSlot.fileID].map(hxString) ?? "",
                title: "", access: Int(m.values[ValueSlot.access].map(hxString) ?? "") ?? 3)
            let date = m.values[ValueSlot.date].map(hxString).flatMap { $0.isEmpty ? nil : $0 }
            hits.append(SearchHit(id: data.id, fileID: data.fileID, title: data.title, access: data.access,
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

    /// Spelling suggestions for one word, from the words of the documents the role may see: index
    /// words whose folded form is within edit distance 2 (1 for words of 4 letters or fewer) of the
    /// folded word (two swapped letters count as one edit), closest first, then most frequent among
    /// visible documents. A word found only in documents the
    /// role may not see is never suggested. The word itself (same accents) is not suggested.
    ///
    /// `previous` / `next`: the typed neighbours of the word, when known. Among candidates at the same
    /// distance, those that stand next to a neighbour in a visible document (an existing `BF` pair:
    /// "văn hunng" → "hùng" rather than "hưng" when only "Văn Hùng" occurs) come first.
    public func termSuggestions(for word: String, visibleLevels: [Int], limit: Int = 5,
                                previous: String? = nil, next: String? = nil) throws -> [String] {
        let normalized = VietNormalizer.normalize(word.trimmingCharacters(in: .whitespacesAndNewlines))
        let folded = Array(VietNormalizer.fold(normalized).unicodeScalars)
        guard !folded.isEmpty, limit > 0,
              let access = try Self.filterQuery(visibleLevels: visibleLevels, filters: SearchFilters())
        else { return [] }
        let maxDistance = folded.count <= 4 ? 1 : 2
        return try lockedFresh {
            try retryingOnModification {
                // The words: unprefixed terms (words with diacritics) and `F` terms (every word folded; a
                // word without diacritics has only this one). `term` is what to count, `word` what to show.
                var candidates: [(word: String, term: String, distance: Int, frequency: Int)] = []
                var accentedFolds = Set<String>()
                let vocabulary = try currentVocabulary()
                let lengths = (folded.count - maxDistance)...(folded.count + maxDistance)
                for entry in vocabulary.accented(lengths: lengths) + vocabulary.folded(lengths: lengths) where entry.word != normalized {
                    let d = Self.editDistance(entry.foldedScalars, folded, limit: maxDistance, transpositions: true)
                    guard d <= maxDistance else { continue }
                    if !entry.isFolded { accentedFolds.insert(String(String.UnicodeScalarView(entry.foldedScalars))) }
                    candidates.append((entry.word, entry.term, d, entry.frequency))
                }
                // A folded word stands for itself only when no accented word folds to it.
                candidates.removeAll { $0.term.hasPrefix(IndexPrefix.folded) && accentedFolds.contains($0.word) }
                // Closest and most common (over all documents) first; only these are counted per role.
                candidates.sort { a, b in
                    a.distance != b.distance ? a.distance < b.distance
                        : a.frequency != b.frequency ? a.frequency > b.frequency : a.word < b.word
                }
                candidates = Array(candidates.prefix(Self.maxSuggestionCandidates))
                guard !candidates.isEmpty else { return [] }
                let all = try database.documentCount()
                func neighbour(_ w: String?) -> String? {
                    guard let w else { return nil }
                    let n = VietNormalizer.normalize(w.trimmingCharacters(in: .whitespacesAndNewlines))
                    return n.isEmpty || n.contains(where: \.isWhitespace) ? nil : n
                }
                let before = neighbour(previous), after = neighbour(next)
                // Next to the neighbour as typed (a `BF` pair), and with the neighbour's marks as typed.
                func paired(_ word: String) throws -> Bool {
                    let sides = [before.map { (a: $0, b: word, other: $0) }, after.map { (a: word, b: $0, other: $0) }]
                    for (a, b, other) in sides.compactMap({ $0 }) {
                        let pair = Analyzer.pairTerm(VietNormalizer.fold(a), VietNormalizer.fold(b))
                        var query = try XapianQuery(term: pair)
                        if other != VietNormalizer.fold(other) { query = try XapianQuery(.and, [query, try XapianQuery(term: other)]) }
                        if try visibleMatch(query, access: access) { return true }
                    }
                    return false
                }
                let typed = Array(normalized.unicodeScalars)
                seesEverything = false
                var ranked: [(term: String, distance: Int, visible: Int, paired: Bool, marks: Int)] = []
                for c in candidates {
                    let enquire = try XapianEnquire(database: database)
                    try enquire.setQuery(try XapianQuery(.filter, [try XapianQuery(term: c.term), access]))
                    try enquire.setBoolWeighting()
                    // Exact up to a thousand documents (a candidate is kept only when one visible document
                    // holds it), estimated beyond: the count only orders common words.
                    let set = try enquire.matches(offset: 0, limit: 0, checkAtLeast: min(all, 1000))
                    if set.lowerBound > 0 {
                        let marks = Self.editDistance(Array(c.word.unicodeScalars), typed, limit: 4)
                        ranked.append((c.word, c.distance, set.estimated, try paired(c.word), marks))
                    }
                }
                // Closest first (a one-letter slip over a common word two edits away), then most frequent.
                ranked.sort { a, b in
                    if a.distance != b.distance { return a.distance < b.distance }
                    if a.paired != b.paired { return a.paired }
                    if a.marks != b.marks { return a.marks < b.marks }   // closer with the marks as typed
                    if a.visible != b.visible { return a.visible > b.visible }
                    return a.term < b.term
                }
                return ranked.prefix(limit).map { $0.term }
            }
        }
    }

    /// At most so many candidate words are counted among visible documents per suggestion.
    static let maxSuggestionCandidates = 200

    /// Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then).
    /// With `transpositions`, two swapped neighbours count as one edit (optimal string alignment).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int, transpositions: Bool = false) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func lockedFresh<T>(_ body: () throws -> T) throws -> T {
        try locked {
            if reopenBeforeEachCall, try database.reopen() { forgetRevision() }
            return try body()
        }
    }

    /// A reader may see `DatabaseModifiedError` when the writer commits meanwhile: reopen once, retry.
    private func retryingOnModification<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as XapianError where e.errorClass == "DatabaseModifiedError" {
            try database.reopen()
            forgetRevision()
            return try body()
        }
    }

    /// The words of the database as of its current revision (caller holds the lock).
    private var vocabulary: Vocabulary?

    /// What was read from the last revision: forgotten when the database changes.
    private func forgetRevision() {
        vocabulary = nil
        noHiddenLevel = [:]
    }

    private func currentVocabulary() throws -> Vocabulary {
        if let vocabulary { return vocabulary }
        let v = try Vocabulary(database)
        vocabulary = v
        return v
    }
}

/// The words of an index, read once per revision of the database: the folded words (`F` terms that start
/// with a letter) and the accented words (unprefixed terms), with their document frequencies, grouped by
/// length. Typo widening and suggestions scan it in memory: walking the term list through Xapian for
/// every search with an unknown word cost a third of a second at 100,000 pages (bench/server).
final class Vocabulary {
    struct Entry {
        /// The word as shown: `hùng`, `hung`.
        let word: String
        /// The index term: `hùng`, `Fhung`.
        let term: String
        let frequency: Int
        let isFolded: Bool
        /// The word's scalars, and those of its folded form.
        let scalars: [Unicode.Scalar]
        let foldedScalars: [Unicode.Scalar]
    }
    private var foldedByLength: [Int: [Entry]] = [:]
    private var accentedByLength: [Int: [Entry]] = [:]

    init(_ database: XapianDatabase) throws {
        try database.visitTerms { term, frequency in
            guard let first = term.unicodeScalars.first else { return .next }
            if term.hasPrefix(IndexPrefix.folded) {
                guard let letter = term.unicodeScalars.dropFirst().first else { return .next }
                // Numbers are not words to widen to: jump over `F0`…`F9`.
                if ("0"..."9").contains(letter) { return .skip(to: IndexPrefix.folded + "a") }
                let word = String(term.dropFirst(IndexPrefix.folded.count))
                let scalars = Array(word.unicodeScalars)
                foldedByLength[scalars.count, default: []].append(
                    Entry(word: word, term: term, frequency: frequency, isFolded: true, scalars: scalars, foldedScalars: scalars))
                return .next
            }
            // Other prefixed terms (ASCII capitals): to the `F` terms, then past every prefix.
            if ("A"..."Z").contains(first) { return .skip(to: term < IndexPrefix.folded ? IndexPrefix.folded : "[") }
            let scalars = Array(term.unicodeScalars)
            accentedByLength[scalars.count, default: []].append(
                Entry(word: term, term: term, frequency: frequency, isFolded: false, scalars: scalars,
                      foldedScalars: Array(VietNormalizer.fold(term).unicodeScalars)))
            return .next
        }
    }

    func folded(lengths: ClosedRange<Int>) -> [Entry] { lengths.flatMap { foldedByLength[$0] ?? [] } }
    func accented(lengths: ClosedRange<Int>) -> [Entry] { lengths.flatMap { accentedByLength[$0] ?? [] } }
}
