import Catalogue
import Foundation
import SearchIndex

/// One search, as the command line and the server ask it.
public struct SearchRequestSpec: Sendable {
    public var query: String
    public var role: Role
    public var limit: Int
    public var offset: Int
    public var filters: SearchFilters
    public var sort: SearchSort
    public var facets: Bool
    /// Keep the Xapian query the search ran in `SearchResult.indexQuery` (`hoso search --xapian-query`).
    public var recordIndexQuery = false

    public init(query: String, role: Role = .public, limit: Int = 10, offset: Int = 0,
                filters: SearchFilters = .init(), sort: SearchSort = .relevance, facets: Bool = false) {
        self.query = query; self.role = role; self.limit = limit; self.offset = offset
        self.filters = filters; self.sort = sort; self.facets = facets
    }

    /// Largest page of results and deepest offset a caller may ask for.
    public static let maxLimit = 100
    public static let maxWindow = 10_000
    public static let maxQueryLength = 1000
}

/// One document in the results: the `hits[]` of CONTRACT.md plus more keys.
public struct SearchHit: Codable, Sendable, Equatable {
    public var id: String
    public var file: String
    public var title: String
    public var pages: [Int]
    public var snippet: String
    public var score: Double
    public var snippetHTML: String
    public var type: String?
    public var number: String?
    public var date: String?
    public var issuer: String?

    enum CodingKeys: String, CodingKey {
        case id, file, title, pages, snippet, score, type, number, date, issuer
        case snippetHTML = "snippet_html"
    }
}

/// A facet: value → count among the documents the role may see.
public struct FacetValue: Codable, Sendable, Equatable {
    /// The value filtered on (a TT 05 code for coded fields: `01`).
    public var value: String
    public var count: Int
    /// The value's name when it is a code (`Vĩnh viễn` for the retention `01`).
    public var label: String?

    public init(value: String, count: Int, label: String? = nil) {
        self.value = value; self.count = count; self.label = label
    }
}

/// A word typed as raw Telex or VNI keys and the syllable it was read as (`nguyeenx` → `nguyễn`).
public struct DecodedWord: Codable, Sendable, Equatable {
    public var typed: String
    public var read: String
    public init(typed: String, read: String) { self.typed = typed; self.read = read }
}

/// Words also searched as others: a citizen's words as the terms of the records (`by` = `spoken`: `đền bù` →
/// `bồi thường`), or a word no visible document holds as the near words they do hold (`spelling`).
public struct ExpandedWords: Codable, Sendable, Equatable {
    public var typed: String
    public var to: [String]
    public var by: String
    public init(typed: String, to: [String], by: String) { self.typed = typed; self.to = to; self.by = by }
}

/// The JSON of `hoso search --json` and `GET /api/search`.
public struct SearchResult: Codable, Sendable, Equatable {
    public var total: Int
    public var hits: [SearchHit]
    /// "Có phải bạn muốn tìm: …" — a corrected query, when the words look mistyped: offered only when it
    /// finds more than the words as typed.
    public var suggestion: String?
    /// True when the strict query found nothing and a more tolerant one was used.
    public var relaxed: Bool
    public var facets: [String: [FacetValue]]?
    /// Words read from raw keys; nil when none.
    public var decoded: [DecodedWord]?
    /// Words also searched as others (spoken words, near spellings); nil when none.
    public var expanded: [ExpandedWords]?
    /// Typed words no document the role may see holds, which the search did not require (it answered on the
    /// other words); nil when none.
    public var leftOut: [String]?
    /// The Xapian query and match settings, when `SearchRequestSpec.recordIndexQuery` asked: not part of
    /// the API's JSON.
    public var indexQuery: RecordedQuery? = nil

    enum CodingKeys: String, CodingKey {
        case total, hits, suggestion, relaxed, facets, decoded, expanded
        case leftOut = "left_out"
    }

    public init(total: Int, hits: [SearchHit], suggestion: String? = nil, relaxed: Bool = false,
                facets: [String: [FacetValue]]? = nil) {
        self.total = total; self.hits = hits; self.suggestion = suggestion; self.relaxed = relaxed
        self.facets = facets
    }
}

/// `GET /api/documents/{id}`: a document's metadata, its pages, its file and neighbours.
public struct DocumentView: Codable, Sendable {
    public struct PageInfo: Codable, Sendable {
        public var number: Int
        public var confidence: Double
        public var width: Int
        public var height: Int
        public var chars: Int
    }
    public struct Neighbour: Codable, Sendable {
        public var id: String
        public var title: String
    }
    public var document: Document
    public var file: ArchiveFile
    public var access: String
    public var pages: [PageInfo]
    public var previous: Neighbour?
    public var next: Neighbour?
}

public extension JSONEncoder {
    /// Stable, readable JSON for the command line and the API.
    static var hoso: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// The recognised text of a document, page by page.
public struct DocumentText: Codable, Sendable {
    public var id: String
    public var pages: [String]
    public init(id: String, pages: [String]) { self.id = id; self.pages = pages }
}
