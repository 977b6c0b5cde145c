import CXapian
import Foundation

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
