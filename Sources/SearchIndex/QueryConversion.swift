import Foundation
import IndexSchema
import Query
import Xapian

extension XapianQuery {
    /// Builds the Xapian query for a logical query (QueryNode from the Query module).
    ///
    /// - `term(t, weight:)`: the term itself (already in the term scheme: `đất`, `Fdat`, `N1605/qd-ubnd`…),
    ///   scaled when the weight is not 1.
    /// - `and([])` matches everything; `or([])` and `synonym([])` match nothing; one child is itself.
    /// - `valueRange` on `ValueSlot.year` with whole numbers (`"2010"`…`"2012"`) is compared as numbers
    ///   (the slot holds `sortable_serialise`d years); every other range compares the UTF-8 bytes.
    ///   An empty bound is open.
    public static func from(_ node: QueryNode) throws -> XapianQuery { try build(node) }

    static func build(_ node: QueryNode) throws -> XapianQuery {
        switch node {
        case let .term(term, weight):
            let q = try XapianQuery(term: term)
            return weight == 1 ? q : try q.scaled(by: weight)
        case let .and(children):
            return try list(.and, children, empty: .matchAll())
        case let .or(children):
            return try list(.or, children, empty: .matchNothing())
        case let .synonym(children):
            return try list(.synonym, children, empty: .matchNothing())
        case let .andMaybe(a, b):
            return try XapianQuery(.andMaybe, [build(a), build(b)])
        case let .andNot(a, b):
            return try XapianQuery(.andNot, [build(a), build(b)])
        case let .filter(a, b):
            return try XapianQuery(.filter, [build(a), build(b)])
        case let .scaleWeight(child, factor):
            return try build(child).scaled(by: factor)
        case let .valueRange(slot, from, to):
            return try XapianQuery(valueSlot: slot, from: rangeBound(slot, from), to: rangeBound(slot, to))
        case .matchAll:
            return try .matchAll()
        case .matchNothing:
            return try .matchNothing()
        }
    }

    private static func list(_ op: Operator, _ children: [QueryNode], empty: @autoclosure () throws -> XapianQuery)
        throws -> XapianQuery
    {
        if children.isEmpty { return try empty() }
        if children.count == 1 { return try build(children[0]) }
        return try XapianQuery(op, children.map(build))
    }

    static func rangeBound(_ slot: Int, _ bound: String) throws -> Data {
        if slot == ValueSlot.year, let year = Int(bound.trimmingCharacters(in: .whitespaces)) {
            return try XapianSortable.serialise(Double(year))
        }
        return Data(bound.utf8)
    }
}

extension QueryNode {
    /// The Xapian query for this logical query.
    public func xapianQuery() throws -> XapianQuery { try XapianQuery.build(self) }
}
