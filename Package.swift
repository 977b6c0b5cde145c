// swift-tools-version: 6.0
import PackageDescription

// hoso: full-text search for digitised Vietnamese archival records.
// Data flows one way, the targets below in its order: IndexSchema → VietText → Syllables → Query → Xapian → SearchIndex;
// OCR, Catalogue (CataloguePostgres), Delivery → DataFolder → IndexLifecycle → Ingest; Access → Search → Export, Operations →
// HosoServer → hoso (command line). C and C++ stay at the edge (CTesseract, CTesseractGuard, CXapian, CPoppler, CLibPQ).
// Linux only: it reads /proc/self/exe and Linux's stat fields; no Apple platform is declared.
let swift5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "hoso",
    products: [
        .executable(name: "hoso", targets: ["hoso"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // Tesseract + Leptonica C APIs (system libraries, pkg-config, apt).
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]
        ),
        // Xapian behind a plain C API of opaque handles; every exception caught in C++.
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian"), .linkedLibrary("stdc++")]
        ),
        // poppler-glib (with cairo): a page's images, which poppler-cpp cannot reach (system library, pkg-config, apt).
        .systemLibrary(
            name: "CPopplerGlib",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // poppler's C++ library behind a plain C API (PDF text with word boxes, page rendering, with poppler-glib a page's
        // images); every exception caught in C++.
        .target(
            name: "CPoppler",
            dependencies: ["CPopplerGlib"],
            linkerSettings: [.linkedLibrary("poppler-cpp"), .linkedLibrary("stdc++")]
        ),
        // Tesseract's calls behind a plain C API; every exception caught in C++ (capi.h lets them through).
        .target(
            name: "CTesseractGuard",
            dependencies: ["CTesseract"],
            linkerSettings: [
                .linkedLibrary("tesseract"), .linkedLibrary("lept"), .linkedLibrary("stdc++"), .linkedLibrary("dl"),
                // tesseract_calls.cpp's definitions, exported for libtesseract's calls to bind to: the linker exports
                // pixWriteMem by itself, not the GOMP entry points, whose references carry libgomp's versions.
                .unsafeFlags(["GOMP_parallel", "GOMP_parallel_sections", "GOMP_sections_next", "GOMP_sections_end_nowait"]
                    .flatMap { ["-Xlinker", "--export-dynamic-symbol=\($0)"] }),
            ]
        ),
        // The index's schema, written once: term prefixes, value slots, metadata keys, the scheme's version.
        .target(name: "IndexSchema", swiftSettings: swift5),
        // Vietnamese analysis: NFC, tone placement, folding, identifiers, index terms.
        .target(name: "VietText", dependencies: ["IndexSchema"], swiftSettings: swift5),
        // What a Vietnamese syllable is and what is judged from it: text-layer quality, the correction of
        // Tesseract's misreadings, raw Telex/VNI keys read as syllables.
        .target(name: "Syllables", dependencies: ["VietText"], swiftSettings: swift5),
        // Query syntax → a logical query of prefixed terms.
        .target(name: "Query", dependencies: ["VietText", "Syllables", "IndexSchema"], swiftSettings: swift5),
        // Xapian's Swift face over CXapian: databases, writers, queries, errors as values.
        .target(name: "Xapian", dependencies: ["CXapian"], swiftSettings: swift5),
        // Documents → Xapian documents; the searcher.
        .target(name: "SearchIndex", dependencies: ["Xapian", "IndexSchema", "VietText", "Query"], swiftSettings: swift5),
        // Scans page by page: PDF text layers and images (poppler), recognition (Tesseract).
        .target(name: "OCR", dependencies: ["CTesseract", "CTesseractGuard", "CPoppler", "VietText", "Syllables"], swiftSettings: swift5),
        // The system of record (SQLite through GRDB).
        .target(name: "Catalogue", dependencies: [
            "VietText", "Syllables", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swift5),
        // libpq, PostgreSQL's own client library (system library, pkg-config, apt).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // The catalogue on a shared PostgreSQL server, over libpq (synchronous, as the catalogue's interface is).
        .target(name: "CataloguePostgres", dependencies: ["Catalogue", "CLibPQ"], swiftSettings: swift5),
        // Deliveries as contractors hand them over: Excel workbooks and TT 05 information packages (METS, EAD).
        .target(name: "Delivery", dependencies: [
            "Catalogue", "VietText", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swift5),
        // The acceptance (nghiệm thu) of a delivery against TT 05: reads it as Delivery does, measures its scans.
        .target(name: "Acceptance", dependencies: ["Delivery", "Catalogue", "OCR", "VietText", "Syllables"], swiftSettings: swift5),
        // The data folder (catalogue, index generations, caches) and the errors every command reports.
        .target(name: "DataFolder", dependencies: ["Catalogue", "CataloguePostgres"], swiftSettings: swift5),
        // The index kept in step with the catalogue: in-place updates, whole rebuilds, generations.
        .target(name: "IndexLifecycle", dependencies: [
            "DataFolder", "Catalogue", "IndexSchema", "SearchIndex", "Xapian",
        ], swiftSettings: swift5),
        // Batches in: scans recognised page by page into the catalogue, then the index updated.
        .target(name: "Ingest", dependencies: [
            "DataFolder", "Catalogue", "Delivery", "OCR", "Syllables", "IndexLifecycle",
        ], swiftSettings: swift5),
        // Who asks: tokens, callers and the audit log.
        .target(name: "Access", dependencies: ["DataFolder", "Catalogue"], swiftSettings: swift5),
        // The read side: searches, documents, texts and page images, each checked against the role.
        .target(name: "Search", dependencies: [
            "DataFolder", "Catalogue", "Access", "IndexLifecycle", "IndexSchema", "SearchIndex", "Xapian", "Query",
            "OCR", "VietText",
        ], swiftSettings: swift5),
        // zlib (system library) for the PDF writer's streams.
        .systemLibrary(name: "CHosoZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Documents out as PDF/A, with their text layer; the copies the archive hands out (bản đọc, bản sao, DIP).
        .target(name: "Export", dependencies: [
            "Search", "Access", "DataFolder", "Catalogue", "OCR", "CHosoZlib",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: swift5),
        // Backup, verification and restore of a data folder.
        .target(name: "Operations", dependencies: ["DataFolder", "Catalogue", "IndexLifecycle", "IndexSchema", "Xapian"], swiftSettings: swift5),
        // Hummingbird 2: the JSON API and the web pages.
        .target(name: "HosoServer", dependencies: [
            "DataFolder", "Catalogue", "Access", "SearchIndex", "Search", "Export", "Acceptance",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], swiftSettings: swift5),
        // jemalloc's settings for the command line (malloc_conf).
        .target(name: "CAllocator"),
        // jemalloc as the process's allocator: Xapian's term maps and the analysis allocate for every term, and
        // glibc's malloc is slower at it (bench/scale/RESULTS.md).
        .executableTarget(name: "hoso", dependencies: [
            "CAllocator", "DataFolder", "Catalogue", "IndexLifecycle", "Ingest", "Access", "Search", "Export", "Operations",
            "HosoServer", "OCR", "Acceptance", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: swift5, linkerSettings: [.linkedLibrary("jemalloc")]),

        .testTarget(name: "VietTextTests", dependencies: ["VietText", "IndexSchema"], swiftSettings: swift5),
        .testTarget(name: "QueryTests", dependencies: ["Query", "VietText", "IndexSchema"], swiftSettings: swift5),
        .testTarget(name: "SyllablesTests", dependencies: ["Syllables", "VietText"], swiftSettings: swift5),
        .testTarget(name: "OCRTests", dependencies: ["OCR", "VietText", "Syllables"], exclude: ["make_fixtures.py"], resources: [.copy("Fixtures")],
                    swiftSettings: swift5),
        // The private PostgreSQL server the tests of both catalogue backends run on.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport", swiftSettings: swift5),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "CataloguePostgres", "PostgresTestSupport"], swiftSettings: swift5),
        .testTarget(name: "DeliveryTests", dependencies: [
            "Delivery", "Catalogue", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: swift5),
        .testTarget(name: "AcceptanceTests", dependencies: ["Acceptance", "Catalogue", "OCR", "VietText", "Syllables"], swiftSettings: swift5),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "IndexSchema", "Xapian", "Query", "VietText"], swiftSettings: swift5),
        .testTarget(name: "HosoTests", dependencies: [
            "DataFolder", "IndexLifecycle", "Ingest", "Access", "Search", "Export", "Operations", "HosoServer",
            "SearchIndex", "IndexSchema", "Xapian", "Catalogue", "OCR", "Acceptance",
            .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"), "PostgresTestSupport",
        ], exclude: ["openapi_check.py"], swiftSettings: swift5),
    ],
    cxxLanguageStandard: .cxx17
)
