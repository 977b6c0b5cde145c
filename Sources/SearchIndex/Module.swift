// SearchIndex module: see docs/ARCHITECTURE.md
