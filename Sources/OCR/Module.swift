// OCR module: see docs/ARCHITECTURE.md
