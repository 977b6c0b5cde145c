import Foundation
import Query
import Xapian

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
public enum SearchSort: String, Sendable, Equatable, Codable, CaseIterable {
    /// Best first (BM25).
    case relevance
    /// Oldest first (ngày văn bản), then best first.
    case dateAsc = "date"
    /// Newest first, then best first.
    case dateDesc = "-date"
}

/// Restrictions on what is searched. Values within one list are alternatives (OR); lists combine (AND).
public struct SearchFilters: Codable, Equatable, Sendable {
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

    public var isEmpty: Bool { self == SearchFilters() }
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
    /// With `expandUnknownWords`: a word no visible document holds, in a query with other words that are
    /// found, is no longer required (`SearchResponse.leftOut`); the query is answered on the other words, the
    /// unknown one (widened when it can be) only ranking.
    public var spareUnknownWords: Bool = true
    /// Whether each hit lists the query terms it matches (`IndexHit.matchingTerms`). Off by default: Xapian
    /// reads each hit's whole term list for it (from a remote shard, over the network).
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
public struct IndexHit: Equatable, Sendable {
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
    public var hits: [IndexHit]
    /// Facet counts per value slot, most frequent first.
    public var facets: [Int: [FacetCount]]
    /// Typed words (folded `F` terms, prefix removed) that no visible document holds, with the index
    /// words they were widened to (edit distance 1–2): `["nguypen": ["nguyen"]]`. Empty when every
    /// word was found as typed.
    public var expansions: [String: [String]] = [:]
    /// Typed words (folded, as in `expansions`) no visible document holds that the search stopped requiring,
    /// in the order of the query: it was answered on the other words (`SearchRequest.spareUnknownWords`).
    public var leftOut: [String] = []
    /// Time this search spent in Xapian (reopening, widening unknown words, the match), in seconds. Not
    /// part of equality: two searches with the same answer are equal.
    public var indexSeconds: Double = 0
    /// The Xapian query and settings of the match, when the request asked (`recordQuery`). Not part of equality.
    public var recordedQuery: RecordedQuery? = nil

    public static func == (a: SearchResponse, b: SearchResponse) -> Bool {
        a.total == b.total && a.totalIsExact == b.totalIsExact && a.hits == b.hits && a.facets == b.facets
            && a.expansions == b.expansions && a.leftOut == b.leftOut
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
