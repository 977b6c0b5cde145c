// swift-tools-version: 6.0
import PackageDescription

// hoso: full-text search for digitised Vietnamese archival records.
// Data flows one way: VietText (analysis) → OCR → Catalogue → SearchIndex → HosoCore (pipeline)
// → HosoServer → hoso (command line). C and C++ stay at the edge (CTesseract, CXapian, CPoppler).
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
        // poppler's C++ library behind a plain C API (PDF text with word boxes, page rendering); every
        // exception caught in C++.
        .target(
            name: "CPoppler",
            linkerSettings: [.linkedLibrary("poppler-cpp"), .linkedLibrary("stdc++")]
        ),
        // Tesseract's calls behind a plain C API; every exception caught in C++ (capi.h lets them through).
        .target(
            name: "CTesseractGuard",
            dependencies: ["CTesseract"],
            linkerSettings: [.linkedLibrary("tesseract"), .linkedLibrary("lept"), .linkedLibrary("stdc++")]
        ),
        .target(name: "VietText", swiftSettings: swift5),
        .target(name: "OCR", dependencies: ["CTesseract", "CTesseractGuard", "CPoppler", "VietText"], swiftSettings: swift5),
        .target(name: "Catalogue", dependencies: [
            "VietText", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swift5),
        // Deliveries as contractors hand them over: Excel workbooks and TT 05 information packages (METS, EAD).
        .target(name: "Delivery", dependencies: [
            "Catalogue", "VietText", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swift5),
        .target(name: "Query", dependencies: ["VietText"], swiftSettings: swift5),
        .target(name: "SearchIndex", dependencies: ["CXapian", "VietText", "Query", "Catalogue"], swiftSettings: swift5),
        .target(name: "HosoCore", dependencies: [
            "VietText", "OCR", "Catalogue", "Delivery", "SearchIndex", "Query",
            .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: swift5),
        .target(name: "HosoServer", dependencies: [
            "HosoCore", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ], swiftSettings: swift5),
        // jemalloc as the process's allocator: Xapian's term maps and the analysis allocate for every term, and
        // glibc's malloc was ~8 % of a reindex (bench/scale/RESULTS.md: 11.5 → 10.4 s for 19,966 pages).
        .executableTarget(name: "hoso", dependencies: [
            "HosoCore", "HosoServer", "OCR", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: swift5, linkerSettings: [.linkedLibrary("jemalloc")]),

        .testTarget(name: "VietTextTests", dependencies: ["VietText", "Query"], swiftSettings: swift5),
        .testTarget(name: "OCRTests", dependencies: ["OCR", "VietText"], exclude: ["make_fixtures.py"], resources: [.copy("Fixtures")],
                    swiftSettings: swift5),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue"], swiftSettings: swift5),
        .testTarget(name: "DeliveryTests", dependencies: [
            "Delivery", "Catalogue", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: swift5),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex"], swiftSettings: swift5),
        .testTarget(name: "HosoTests", dependencies: [
            "HosoCore", "HosoServer", "SearchIndex", "Catalogue",
            .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
        ], exclude: ["openapi_check.py"], swiftSettings: swift5),
    ],
    cxxLanguageStandard: .cxx17
)
