// Catalogue module: see docs/ARCHITECTURE.md
