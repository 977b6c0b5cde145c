// Query module: query syntax → logical query (QueryNode). See docs/ARCHITECTURE.md
