import Foundation
import XCTest

/// poppler's command-line tools, as the tests of exports and copies use them: words with their boxes
/// (`pdftotext -bbox`), a rendered corner (`pdftoppm`), any tool's output.
enum PDFTools {
    static func require(_ name: String) throws {
        let found = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        if !found { throw XCTSkip("\(name) (poppler-utils) is not installed") }
    }

    static func write(_ data: Data, _ name: String) throws -> URL {
        let url = try Fixture.temporaryDirectory("pdf").appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8)).pdf")
        try data.write(to: url)
        return url
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Each page's size and words (`pdftotext -bbox`: points from the top left), text in NFC.
    static func words(_ url: URL) throws -> [CopyTests.Page] {
        let html = try run("pdftotext", ["-bbox", "-enc", "UTF-8", url.path, "-"])
        func number(_ name: String, in tag: Substring) -> Double {
            guard let r = tag.range(of: "\(name)=\"") else { return 0 }
            return Double(tag[r.upperBound...].prefix { $0 != "\"" }) ?? 0
        }
        var pages: [CopyTests.Page] = []
        for chunk in html.components(separatedBy: "<page ").dropFirst() {
            let head = Substring(chunk.prefix { $0 != ">" })
            var page = CopyTests.Page(width: number("width", in: head), height: number("height", in: head), words: [])
            for piece in chunk.components(separatedBy: "<word ").dropFirst() {
                guard let close = piece.range(of: ">"), let end = piece.range(of: "</word>") else { continue }
                let tag = piece[..<close.lowerBound]
                let text = String(piece[close.upperBound..<end.lowerBound])
                    .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                page.words.append(CopyTests.Word(text: text.precomposedStringWithCanonicalMapping,
                                                 xMin: number("xMin", in: tag), yMin: number("yMin", in: tag),
                                                 xMax: number("xMax", in: tag), yMax: number("yMax", in: tag)))
            }
            pages.append(page)
        }
        return pages
    }

    /// Dark pixels (grey < 128) of the top right corner where `BẢN SAO` goes, rendered at 144 dpi.
    static func darkPixels(_ url: URL, page: Int, width: Double) throws -> Int {
        let root = try Fixture.temporaryDirectory("pdf").appendingPathComponent("corner-\(UUID().uuidString.prefix(8))")
        let scale = 2.0   // 144 dpi
        let x = Int((width - 28.35 - 80) * scale), y = Int(20 * scale)
        _ = try run("pdftoppm", ["-f", "\(page)", "-l", "\(page)", "-r", "144", "-gray", "-singlefile",
                                 "-x", "\(x)", "-y", "\(y)", "-W", "\(Int(80 * scale))", "-H", "\(Int(25 * scale))", url.path, root.path])
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathExtension("pgm")))
        // P5 header: magic, width, height, maxval, each followed by white space.
        var fields = 0, i = 0
        while fields < 4, i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A { i += 1 }
            while i < bytes.count, bytes[i] != 0x20 && bytes[i] != 0x0A { i += 1 }
            fields += 1
        }
        return bytes[min(i + 1, bytes.count)...].filter { $0 < 128 }.count
    }
}
