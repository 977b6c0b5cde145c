// HosoCore module: see docs/ARCHITECTURE.md
