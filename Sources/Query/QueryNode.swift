import Foundation
import IndexSchema
import VietText

/// The logical query (truy vấn), independent of Xapian; SearchIndex maps each case to a
/// `Xapian::Query`. Terms carry their prefix (see `TermPrefix` and docs/ARCHITECTURE.md).
public indirect enum QueryNode: Equatable, Sendable, CustomStringConvertible {
    /// One Xapian term, prefix included; `weight` scales its contribution (1 = as is).
    case term(String, weight: Double = 1)
    case and([QueryNode])
    case or([QueryNode])
    /// OP_SYNONYM: the subqueries count as one term (an abbreviation and its expansion).
    case synonym([QueryNode])
    /// OP_AND_MAYBE: matches the left; the right only adds weight.
    case andMaybe(QueryNode, QueryNode)
    case andNot(QueryNode, QueryNode)
    /// OP_FILTER: matches both; only the left gives weight.
    case filter(QueryNode, QueryNode)
    case scaleWeight(QueryNode, Double)
    /// A string value range on a value slot (date slot 1, "YYYYMMDD"), bounds included.
    case valueRange(slot: Int, from: String, to: String)
    case matchAll
    case matchNothing

    /// Stable text for table tests:
    /// `AND(OR(đất, Fdat), BFquyen_su)`, `RANGE(1, 20100000..20151299)`, `Fdat^0.5`.
    public var description: String {
        switch self {
        case let .term(t, weight):
            return QueryNode.quote(t) + (weight == 1 ? "" : "^" + QueryNode.format(weight))
        case let .and(qs): return "AND(" + qs.map(\.description).joined(separator: ", ") + ")"
        case let .or(qs): return "OR(" + qs.map(\.description).joined(separator: ", ") + ")"
        case let .synonym(qs): return "SYN(" + qs.map(\.description).joined(separator: ", ") + ")"
        case let .andMaybe(a, b): return "AND_MAYBE(\(a), \(b))"
        case let .andNot(a, b): return "AND_NOT(\(a), \(b))"
        case let .filter(a, b): return "FILTER(\(a), \(b))"
        case let .scaleWeight(a, w): return "SCALE(\(a), \(QueryNode.format(w)))"
        case let .valueRange(slot, from, to): return "RANGE(\(slot), \(from)..\(to))"
        case .matchAll: return "ALL"
        case .matchNothing: return "NOTHING"
        }
    }

    static func quote(_ t: String) -> String {
        t.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == "\"" }) ? "\"\(t)\"" : t
    }

    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e9 { return String(Int(d)) }
        return String(d)
    }

    /// Every term the node mentions (for tests and term statistics).
    public var terms: [String] {
        switch self {
        case let .term(t, _): return [t]
        case let .and(qs), let .or(qs), let .synonym(qs): return qs.flatMap(\.terms)
        case let .andMaybe(a, b), let .andNot(a, b), let .filter(a, b): return a.terms + b.terms
        case let .scaleWeight(a, _): return a.terms
        case .valueRange, .matchAll, .matchNothing: return []
        }
    }

    /// Folded words one after the other. The index keeps no positions (term scheme 3): adjacency is in
    /// the `BF` pair terms, so this is the conjunction of the pairs: `["thu", "hoi", "dat"]` →
    /// `AND(BFthu_hoi, BFhoi_dat)`; one word is its `F` term.
    public static func adjacent(_ folded: [String]) -> QueryNode {
        if folded.count == 1 { return .term(TermPrefix.folded + folded[0]) }
        return .all(zip(folded, folded.dropFirst()).map { .term(Analyzer.pairTerm($0, $1)) })
    }

    /// `.and` of the nodes, or the node itself when there is one.
    static func all(_ nodes: [QueryNode]) -> QueryNode {
        nodes.count == 1 ? nodes[0] : .and(nodes)
    }
    /// `.or` of the nodes, or the node itself when there is one.
    static func any(_ nodes: [QueryNode]) -> QueryNode {
        nodes.count == 1 ? nodes[0] : .or(nodes)
    }
    /// `.synonym` of the nodes, or the node itself when there is one.
    static func synonymOf(_ nodes: [QueryNode]) -> QueryNode {
        nodes.count == 1 ? nodes[0] : .synonym(nodes)
    }
}

/// The result of parsing what the user typed.
public struct ParsedQuery: Equatable, Sendable {
    /// The strict query: every word must match (AND), adjacent pairs boost.
    public var node: QueryNode
    /// Folded words to highlight in snippets (compare with `Token.folded`).
    public var highlightWords: [String]
    /// The plain words as typed (normalised, accents kept), for spelling suggestions.
    public var textWords: [String]
    /// The tolerant query: the same clauses joined by OR instead of AND (filters and exclusions
    /// kept). For the searcher to run when the strict query finds little; nil when there is nothing
    /// to relax (one clause, or an explicit OR query).
    public var relaxedNode: QueryNode?
    /// How typed words were read: raw keys as the syllables they spell, spoken words as the terms of the
    /// records searched beside them. In the order typed.
    public var readings: [QueryReading]

    public init(node: QueryNode, highlightWords: [String], textWords: [String], relaxedNode: QueryNode? = nil,
                readings: [QueryReading] = []) {
        self.node = node
        self.highlightWords = highlightWords
        self.textWords = textWords
        self.relaxedNode = relaxedNode
        self.readings = readings
    }
}

/// One way a query's words were read besides as typed.
public struct QueryReading: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// Raw Telex or VNI keys read as the syllable they spell: `nguyeenx` → `nguyễn`.
        case keys
        /// A spoken phrase also searched as the terms of the records: `đền bù` → `bồi thường`.
        case spoken
    }
    public var kind: Kind
    /// The words as typed (`nguyeenx`, `den bu`).
    public var typed: String
    /// What they were read as: the syllable (`nguyễn`), or the terms of the records.
    public var read: [String]
    public init(kind: Kind, typed: String, read: [String]) {
        self.kind = kind
        self.typed = typed
        self.read = read
    }
}

/// The tolerant form of a parsed query (`q.relaxedNode` as a query), or nil.
public func relaxed(_ q: ParsedQuery) -> ParsedQuery? {
    guard let r = q.relaxedNode else { return nil }
    return ParsedQuery(node: r, highlightWords: q.highlightWords, textWords: q.textWords, relaxedNode: nil,
                       readings: q.readings)
}

/// A query that cannot be understood. `message` is Vietnamese and can be shown to the user;
/// `position` is the character offset in the query, when one place is at fault.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var message: String
    public var position: Int?
    public init(message: String, position: Int? = nil) {
        self.message = message
        self.position = position
    }
    public var description: String { message }
    public var errorDescription: String? { message }
}
