import CTesseract
import Foundation
import XCTest
@testable import OCR

/// Real recognition with real Tesseract (`vie`) on the rendered fixtures (see make_fixtures.py).
final class OCRTests: XCTestCase {
    static let fixtures: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static var sharedEngine: TesseractEngine?

    func fixture(_ name: String) -> URL { Self.fixtures.appendingPathComponent(name) }
    func truth(_ name: String) throws -> String { try String(contentsOf: fixture(name), encoding: .utf8) }

    func engine() throws -> TesseractEngine {
        if let e = Self.sharedEngine { return e }
        let e = try TesseractEngine()
        Self.sharedEngine = e
        return e
    }

    func image(_ content: PageContent, file: StaticString = #filePath, line: UInt = #line) throws -> PageImage {
        guard case .image(let image) = content else {
            XCTFail("expected an image page", file: file, line: line)
            throw ScanError(file: "", reason: "not an image")
        }
        return image
    }

    func assertWellFormed(_ page: RecognizedPage, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(page.text, page.text.precomposedStringWithCanonicalMapping, "text is NFC", file: file, line: line)
        XCTAssertFalse(page.words.isEmpty, file: file, line: line)
        for w in page.words {
            XCTAssertTrue(w.x >= 0 && w.y >= 0 && w.width > 0 && w.height > 0 && w.x + w.width <= page.width
                          && w.y + w.height <= page.height, "box of \(w.text) inside the page", file: file, line: line)
            XCTAssertTrue((0...100).contains(w.confidence), file: file, line: line)
        }
        XCTAssertEqual(page.words.map(\.text).joined(separator: " "),
                       page.text.split(separator: "\n").joined(separator: " "), "words are the text, in order",
                       file: file, line: line)
        XCTAssertTrue(page.engine.hasPrefix("tesseract 5"), file: file, line: line)
    }

    /// Share of confident words whose box, in the original image, holds ink.
    func inkedShare(_ page: RecognizedPage, _ image: PageImage) -> Double {
        guard let grey = pixConvertTo8(image.pix, 0) else { return 0 }
        let g = PageImage(taking: grey)
        let words = page.words.filter { $0.confidence > 80 && $0.text.count > 2 }
        var inked = 0
        for w in words {
            var dark = 0, total = 0
            for y in stride(from: w.y, to: w.y + w.height, by: 2) {
                for x in stride(from: w.x, to: w.x + w.width, by: 2) {
                    var v: l_uint32 = 0
                    pixGetPixel(g.pix, l_int32(x), l_int32(y), &v)
                    total += 1
                    if v < 128 { dark += 1 }
                }
            }
            if total > 0, Double(dark) / Double(total) > 0.08 { inked += 1 }
        }
        return words.isEmpty ? 0 : Double(inked) / Double(words.count)
    }

    // MARK: - Recognition quality

    /// 200 dpi colour JPEG with the two-column heading: grey, heading columns apart.
    func testColourPageWithHeading() throws {
        let reader = ScanReader()
        let url = fixture("quyet_dinh_200dpi.jpg")
        XCTAssertEqual(try reader.pageCount(of: url), 1)
        let img = try image(try reader.page(1, of: url))
        XCTAssertEqual(img.resolution, 200)
        XCTAssertEqual(img.depth, 32)
        let page = try engine().recognize(img)
        assertWellFormed(page)
        XCTAssertEqual(page.width, 1654)
        XCTAssertEqual(page.preprocessing.first, "grey:red", "colour scans go through the red channel")
        XCTAssertFalse(page.preprocessing.contains { $0.hasPrefix("scale:") }, "200 dpi pages are not upscaled")
        let truth = try truth("quyet_dinh_200dpi.txt")
        let cer = TextMetrics.cer(page.text, truth: truth)
        print("quyet_dinh_200dpi: CER \(cer) WMR \(TextMetrics.wordMissRate(page.text, truth: truth)) conf \(page.meanConfidence)")
        XCTAssertLessThanOrEqual(cer, 0.02)
        XCTAssertGreaterThan(page.meanConfidence, 80)

        // Heading: each column whole, left first, never two columns on one line.
        let lines = page.text.split(separator: "\n").map(String.init)
        for l in lines {
            XCTAssertFalse(l.contains("NHÂN DÂN") && l.contains("CỘNG HÒA"), "interleaved: \(l)")
            XCTAssertFalse(l.contains("KRÔNG PẮC") && l.contains("Độc lập"), "interleaved: \(l)")
            XCTAssertFalse(l.contains("Số:") && l.contains("ngày 15"), "interleaved: \(l)")
        }
        let left = ["ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG PẮC", "Số: 1605/QĐ-UBND"]
        let right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Krông Pắc, ngày 15 tháng 02 năm 2012"]
        XCTAssertEqual(Array(lines.prefix(6)), left + right)
        XCTAssertTrue(String(TextMetrics.flatten(page.text)).contains("thửa đất số 305, tờ bản đồ số 80"))
    }

    /// A layout the samples script does not make (make_fixtures.py --layouts): a gutter under three line heights,
    /// three heading lines on the left and five on the right, a signature block of five lines and three.
    func testHeadingColumnsFoundFromThePagesOwnLayout() throws {
        let img = try image(try ScanReader().page(1, of: fixture("heading_three_five.png")))
        let page = try engine().recognize(img)
        assertWellFormed(page)
        let lines = page.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(8)), [
            "UBND TỈNH ĐẮK LẮK", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 215/STNMT-ĐĐBĐ", "Mẫu số 04a/ĐK",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Buôn Ma Thuột, ngày 12 tháng 3 năm 1994",
            "(Bản số 2)",
        ], page.text)
        for l in lines {
            XCTAssertFalse(l.contains("Nơi nhận") && l.contains("GIÁM ĐỐC"), "interleaved: \(l)")
        }
        let signature = try XCTUnwrap(lines.firstIndex(of: "KT. GIÁM ĐỐC"), page.text)
        XCTAssertLessThan(try XCTUnwrap(lines.firstIndex(of: "- Ban Giám đốc;"), page.text), signature)
        let truth = try truth("heading_three_five.txt")
        XCTAssertLessThanOrEqual(TextMetrics.cer(page.text, truth: truth), 0.02, page.text)
    }

    /// A page fed upside down comes back upright, with boxes on the original (upside-down) image.
    func testUpsideDownPage() throws {
        let img = try image(try ScanReader().page(1, of: fixture("upside_down.png")))
        let page = try engine().recognize(img)
        assertWellFormed(page)
        XCTAssertTrue(page.preprocessing.contains("rotate180"), "\(page.preprocessing)")
        let truth = try truth("upside_down.txt")
        let cer = TextMetrics.cer(page.text, truth: truth)
        print("upside_down: CER \(cer) WMR \(TextMetrics.wordMissRate(page.text, truth: truth)) \(page.preprocessing)")
        XCTAssertLessThanOrEqual(cer, 0.02)
        XCTAssertTrue(page.text.hasPrefix("Điều 2."))
        // The first line read is at the bottom of the original image.
        let first = try XCTUnwrap(page.words.first)
        XCTAssertGreaterThan(first.y, page.height / 2)
        XCTAssertGreaterThan(inkedShare(page, img), 0.95)
    }

    /// A page scanned sideways is turned upright (OSD), boxes on the sideways original.
    func testSidewaysPage() throws {
        let img = try image(try ScanReader().page(1, of: fixture("sideways.png")))
        XCTAssertGreaterThan(img.height, img.width)
        let page = try engine().recognize(img)
        assertWellFormed(page)
        XCTAssertTrue(page.preprocessing.contains("rotate90"), "\(page.preprocessing)")
        let truth = try truth("sideways.txt")
        let cer = TextMetrics.cer(page.text, truth: truth)
        print("sideways: CER \(cer) \(page.preprocessing)")
        XCTAssertLessThanOrEqual(cer, 0.02)
        XCTAssertGreaterThan(inkedShare(page, img), 0.95)
    }

    /// A page skewed by 2.5° is deskewed; boxes map back onto the ink of the skewed original.
    func testSkewedPage() throws {
        let img = try image(try ScanReader().page(1, of: fixture("skewed.png")))
        let page = try engine().recognize(img)
        assertWellFormed(page)
        let deskew = try XCTUnwrap(page.preprocessing.first { $0.hasPrefix("deskew:") })
        let angle = try XCTUnwrap(Double(deskew.dropFirst("deskew:".count)))
        XCTAssertEqual(abs(angle), 2.5, accuracy: 0.3)
        let truth = try truth("skewed.txt")
        let cer = TextMetrics.cer(page.text, truth: truth)
        print("skewed: CER \(cer) WMR \(TextMetrics.wordMissRate(page.text, truth: truth)) \(page.preprocessing)")
        XCTAssertLessThanOrEqual(cer, 0.02)
        XCTAssertTrue(page.text.contains("066123456789"))
        XCTAssertGreaterThan(inkedShare(page, img), 0.95)

        // Upscaled (off by default at 200 dpi): boxes still map back through deskew and scale.
        var options = RecognitionOptions()
        options.upscaleBelow = 250
        let upscaled = try TesseractEngine(options: options).recognize(img)
        XCTAssertTrue(upscaled.preprocessing.contains("scale:1.50"), "\(upscaled.preprocessing)")
        XCTAssertLessThanOrEqual(TextMetrics.cer(upscaled.text, truth: truth), 0.02)
        XCTAssertGreaterThan(inkedShare(upscaled, img), 0.95)
    }

    /// A dark scanner border is whitened, so that deskew finds the text's angle, not the border's.
    func testBlackBorderIsRemovedBeforeDeskew() throws {
        let img = try image(try ScanReader().page(1, of: fixture("black_border.png")))
        let page = try engine().recognize(img)
        assertWellFormed(page)
        XCTAssertEqual(page.preprocessing.first, "border", "\(page.preprocessing)")
        let deskew = try XCTUnwrap(page.preprocessing.first { $0.hasPrefix("deskew:") })
        XCTAssertEqual(abs(try XCTUnwrap(Double(deskew.dropFirst("deskew:".count)))), 1.2, accuracy: 0.3)
        let truth = try truth("black_border.txt")
        let cer = TextMetrics.cer(page.text, truth: truth)
        print("black_border: CER \(cer) \(page.preprocessing)")
        XCTAssertLessThanOrEqual(cer, 0.01)
        XCTAssertGreaterThan(inkedShare(page, img), 0.95)
    }
}

/// The pool: one engine per worker, results handed over one at a time.
final class RecognitionPoolTests: XCTestCase {
    func testTextLayersNeedNoEngine() throws {
        let pdf = OCRTests.fixtures.appendingPathComponent("two_layer.pdf")
        let pool = try RecognitionPool(workers: 2)
        var pages: [RecognizedPage] = []
        pool.run([1, 1], scan: { _ in pdf.path }, load: { try ScanReader().page($0, of: pdf) }, done: { pages.append(try! $1.get()) })
        XCTAssertEqual(pages.map(\.source), [.layer, .layer])
        XCTAssertEqual(pool.enginesMade, 0, "no Tesseract model loaded for pages that carry a good layer")
    }

    /// Options made on demand are made once, by the first engine, and not at all for text layers alone.
    func testOptionsAreMadeOnceWhenAnEngineIs() throws {
        let made = NSLock()
        var times = 0
        let count = { made.withLock { times } }
        let pool = try RecognitionPool(workers: 2, makingOptions: { made.withLock { times += 1 }; return RecognitionOptions() })
        let layer = OCRTests.fixtures.appendingPathComponent("two_layer.pdf")
        pool.run([1], load: { try ScanReader().page($0, of: layer) }, done: { _, _ in })
        XCTAssertEqual(count(), 0, "a text layer needs no engine, nor its options")
        let scan = OCRTests.fixtures.appendingPathComponent("two_pages.tif")
        var failures = 0
        pool.run([1, 2], scan: { "\($0)" }, load: { try ScanReader().page($0, of: scan) },
                 done: { if case .failure = $1 { failures += 1 } })
        XCTAssertEqual(failures, 0)
        XCTAssertEqual(pool.enginesMade, 2)
        XCTAssertEqual(count(), 1, "two engines, one making of the options")
    }

    /// Jobs are handed out by scan: a worker takes the next page of a scan nobody is loading from, else the
    /// next page in order; a scan's pages keep their order.
    func testJobQueueSpreadsLoadsOverScans() {
        typealias Step = (action: String, key: String, expected: Int?)
        let cases: [(name: String, keys: [String], steps: [Step])] = [
            ("two workers on two-page files take different files",
             ["a", "a", "b", "b", "c"],
             [("take", "", 0), ("take", "", 2), ("loaded", "a", nil), ("take", "", 1), ("loaded", "b", nil),
              ("take", "", 3), ("loaded", "a", nil), ("take", "", 4), ("loaded", "b", nil), ("loaded", "c", nil),
              ("take", "", nil)]),
            ("one long file: both workers on it, in order",
             ["a", "a", "a"],
             [("take", "", 0), ("take", "", 1), ("loaded", "a", nil), ("take", "", 2), ("take", "", nil)]),
            ("a file being loaded is passed over, the first free one taken",
             ["a", "b", "c"],
             [("take", "", 0), ("take", "", 1), ("loaded", "a", nil), ("take", "", 2), ("take", "", nil)]),
        ]
        for c in cases {
            let queue = RecognitionPool.JobQueue(keys: c.keys)
            for (i, step) in c.steps.enumerated() {
                if step.action == "loaded" { queue.loaded(step.key); continue }
                XCTAssertEqual(queue.take()?.0, step.expected, "\(c.name), step \(i + 1)")
            }
        }
    }

    func testPoolRecognisesEveryJobAndSerialisesDone() throws {
        let reader = ScanReader()
        let tiff = OCRTests.fixtures.appendingPathComponent("two_pages.tif")
        let pdf = OCRTests.fixtures.appendingPathComponent("two_layer.pdf")
        let bad = OCRTests.fixtures.appendingPathComponent("empty.png")
        let jobs: [(url: URL, page: Int)] = [(tiff, 1), (tiff, 2), (pdf, 1), (bad, 1)]
        let pool = try RecognitionPool(workers: 2)
        XCTAssertEqual(pool.workers, 2)
        let truths = try String(contentsOf: OCRTests.fixtures.appendingPathComponent("two_pages.txt"), encoding: .utf8)
            .components(separatedBy: "\n\u{0C}\n")
        var results: [String: Result<RecognizedPage, Error>] = [:]
        var inside = 0, overlapped = false
        pool.run(jobs, load: { try reader.page($0.page, of: $0.url) }, done: { job, result in
            inside += 1
            if inside > 1 { overlapped = true }
            results["\(job.url.lastPathComponent)#\(job.page)"] = result
            Thread.sleep(forTimeInterval: 0.01)
            inside -= 1
        })
        XCTAssertFalse(overlapped, "done was called concurrently")
        XCTAssertEqual(results.count, 4)
        for (n, truth) in truths.enumerated() {
            let page = try XCTUnwrap(results["two_pages.tif#\(n + 1)"]).get()
            XCTAssertEqual(page.preprocessing.first, "grey", "1-bit pages are made grey")
            XCTAssertFalse(page.preprocessing.contains { $0.hasPrefix("deskew") || $0.hasPrefix("scale") }, "\(page.preprocessing)")
            let cer = TextMetrics.cer(page.text, truth: truth)
            print("two_pages.tif#\(n + 1): CER \(cer) WMR \(TextMetrics.wordMissRate(page.text, truth: truth)) \(page.preprocessing)")
            XCTAssertLessThanOrEqual(cer, 0.02)
        }
        let layer = try XCTUnwrap(results["two_layer.pdf#1"]).get()
        XCTAssertEqual(layer.preprocessing, ["pdf-text-layer"])
        XCTAssertEqual(layer.source, .layer)
        XCTAssertGreaterThanOrEqual(layer.meanConfidence, 97, "the layer's score, as a percentage")
        XCTAssertGreaterThan(layer.words.count, 20, "the layer's words keep their boxes")
        XCTAssertTrue(layer.text.contains("TỜ TRÌNH"))
        XCTAssertThrowsError(try XCTUnwrap(results["empty.png#1"]).get()) { error in
            XCTAssertEqual((error as? ScanError)?.reason, "Tệp rỗng (0 byte)")
        }
    }
}
