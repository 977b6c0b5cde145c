// TEMPORARY copy of the Query module's QueryNode (shape given in the SearchIndex brief), so that
// SearchIndex builds before the Query helper's code lands in main. Delete when merging main.

/// A logical query: what the query parser produces and SearchIndex turns into a Xapian query.
public indirect enum QueryNode: Equatable, Sendable {
    case term(String, weight: Double = 1)
    case phrase([String], window: Int)
    case near([String], window: Int)
    case and([QueryNode]), or([QueryNode]), synonym([QueryNode])
    case andMaybe(QueryNode, QueryNode), andNot(QueryNode, QueryNode), filter(QueryNode, QueryNode)
    case scaleWeight(QueryNode, Double)
    case valueRange(slot: Int, from: String, to: String)
    case matchAll, matchNothing
}
