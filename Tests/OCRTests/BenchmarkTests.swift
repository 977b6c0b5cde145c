import Foundation
import XCTest
@testable import OCR

/// Measures the preprocessing choices on a folder of pages with true texts (bench/ocr/make_pages.py).
/// Skipped unless HOSO_OCR_BENCH=DIR is set:
///     python3 bench/ocr/make_pages.py /tmp/ocrbench 20
///     OMP_THREAD_LIMIT=1 HOSO_OCR_BENCH=/tmp/ocrbench swift test --filter BenchmarkTests
final class BenchmarkTests: XCTestCase {
    func testPreprocessingVariants() throws {
        guard let dir = ProcessInfo.processInfo.environment["HOSO_OCR_BENCH"] else {
            throw XCTSkip("set HOSO_OCR_BENCH=DIR to measure")
        }
        let folder = URL(fileURLWithPath: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { ["png", "jpg", "tif"].contains(($0 as NSString).pathExtension) }.sorted()
        let reader = ScanReader()
        let pages: [(PageImage, String)] = try names.map { name in
            guard case .image(let img) = try reader.page(1, of: folder.appendingPathComponent(name)) else {
                throw ScanError(file: name, reason: "not an image")
            }
            let truth = try String(contentsOf: folder.appendingPathComponent((name as NSString).deletingPathExtension + ".txt"),
                                   encoding: .utf8)
            return (img, truth)
        }
        func variant(_ name: String, _ configure: (inout RecognitionOptions) -> Void, variables: [(String, String)] = [],
                     showConfidence: Bool = false) throws {
            var options = RecognitionOptions()
            configure(&options)
            let engine = try TesseractEngine(options: options)
            for (k, v) in variables { engine.setVariable(k, v) }
            var edits = 0.0, chars = 0.0, missed = 0.0, words = 0.0
            var seconds = 0.0
            for (img, truth) in pages {
                let start = Date()
                let page = try engine.recognize(img)
                seconds += Date().timeIntervalSince(start)
                if showConfidence { print("BENCH   conf \(page.meanConfidence) \(page.preprocessing)") }
                let n = Double(TextMetrics.flatten(truth).count), w = Double(truth.split(whereSeparator: \.isWhitespace).count)
                edits += TextMetrics.cer(page.text, truth: truth) * n; chars += n
                missed += TextMetrics.wordMissRate(page.text, truth: truth) * w; words += w
            }
            print(String(format: "BENCH %-28@ CER %6.2f%%  word miss %6.2f%%  %.2f s/page (one engine)", name as NSString,
                         100 * edits / chars, 100 * missed / words, seconds / Double(pages.count)))
        }
        try variant("bare (no preprocessing)", {
            $0.detectOrientation = false; $0.deskew = false; $0.upscaleBelow = 0; $0.removeBorders = false
        })
        try variant("deskew, no border removal", { $0.detectOrientation = false; $0.upscaleBelow = 0; $0.removeBorders = false })
        try variant("deskew", { $0.detectOrientation = false; $0.upscaleBelow = 0 }, showConfidence: true)
        try variant("deskew + OSD always", { $0.orientationCheckBelow = 101; $0.upscaleBelow = 0 })
        try variant("deskew + OSD if conf < 80", { $0.upscaleBelow = 0 })
        try variant("deskew + OSD<80 + up 300", { $0.upscaleBelow = 250 })
        try variant("deskew + OSD<80 + up 400", { $0.upscaleBelow = 350; $0.targetResolution = 400 })
        try variant("deskew + OSD<80 + Sauvola", { $0.upscaleBelow = 0 }, variables: [("thresholding_method", "2")])

        // Throughput: one engine vs the pool (one engine per core), same pages, back to back.
        for workers in [1, ProcessInfo.processInfo.activeProcessorCount] {
            let pool = try RecognitionPool(workers: workers, options: RecognitionOptions())
            let start = Date()
            pool.run(Array(pages.indices), load: { .image(pages[$0].0) }, done: { _, _ in })
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "BENCH pool: %d workers, %.2f pages/s", pool.workers, Double(pages.count) / seconds))
        }
    }
}
