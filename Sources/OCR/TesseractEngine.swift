import CTesseract
import CTesseractGuard
import Foundation
import Syllables
import VietText

/// One recognised word (từ) with its box in the coordinates of the original page image.
public struct RecognizedWord: Codable, Equatable, Sendable {
    public var text: String
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    /// Tesseract's word confidence, 0…100.
    public var confidence: Double

    public init(text: String, x: Int, y: Int, width: Int, height: Int, confidence: Double) {
        self.text = text; self.x = x; self.y = y; self.width = width; self.height = height
        self.confidence = confidence
    }
}

/// The recognised text of one page (trang) and how it was obtained.
public struct RecognizedPage: Codable, Equatable, Sendable {
    /// NFC, reading order, lines separated by "\n".
    public var text: String
    /// Words in reading order; boxes in the coordinates of the ORIGINAL page image.
    public var words: [RecognizedWord]
    /// 0…100.
    public var meanConfidence: Double
    /// What was done to the image before recognition, in order, e.g.
    /// ["grey", "rotate180", "deskew:2.5", "scale:1.50"]; ["pdf-text-layer"] for a PDF text layer.
    public var preprocessing: [String]
    /// e.g. "tesseract 5.3.0 vie LSTM".
    public var engine: String
    /// Size of the original page image (0 × 0 for a transcription).
    public var width: Int
    public var height: Int
    /// Where the text came from.
    public var source: TextSource
    /// The PDF text layer's score (share of well-formed words, 0…1), when the page had one.
    public var layerScore: Double?
    /// The text as Tesseract recognised it, when the Vietnamese correction changed it (`text` is corrected).
    public var recognizedText: String?

    public init(text: String, words: [RecognizedWord], meanConfidence: Double, preprocessing: [String],
                engine: String, width: Int, height: Int, source: TextSource = .ocr, layerScore: Double? = nil) {
        self.text = text; self.words = words; self.meanConfidence = meanConfidence
        self.preprocessing = preprocessing; self.engine = engine; self.width = width; self.height = height
        self.source = source; self.layerScore = layerScore
    }

    /// A page whose text came from a transcription (no recognition, no image).
    public static func transcript(_ text: String) -> RecognizedPage {
        RecognizedPage(text: text.precomposedStringWithCanonicalMapping, words: [], meanConfidence: 100,
                       preprocessing: ["text"], engine: "text", width: 0, height: 0, source: .transcript)
    }

    /// A page whose text is its PDF's own text layer; its confidence is the layer's score.
    public static func layer(_ layer: TextLayerPage) -> RecognizedPage {
        RecognizedPage(text: layer.text, words: layer.words, meanConfidence: (layer.quality.score * 1000).rounded() / 10,
                       preprocessing: ["pdf-text-layer"], engine: "pdf text layer", width: layer.width, height: layer.height,
                       source: .layer, layerScore: layer.quality.score)
    }
}

/// Where a page's text came from: recognised by hoso, the PDF's own text layer, or a transcription.
public enum TextSource: String, Codable, Sendable {
    case ocr
    case layer
    case transcript
}

/// Preprocessing choices, chosen by measurement (BenchmarkTests over bench/ocr/make_pages.py pages:
/// 24 pages at 200 dpi and 12 at 150 dpi, colour JPEG and grey PNG, skewed ±3°, blurred, noisy,
/// 3 upside down; `vie` 4.1 LSTM, OMP_THREAD_LIMIT=1, one engine, a loaded 2-core machine):
///
/// | 200 dpi set                    | CER     | word miss | s/page |
/// |--------------------------------|---------|-----------|--------|
/// | bare Tesseract                 | 17.48 % | 17.62 %   | 0.29   |
/// | deskew                         | 11.93 % | 14.36 %   | 0.32   |
/// | deskew + OSD on every page     |  0.22 % |  0.73 %   | 0.65   |
/// | deskew + OSD if conf < 80      |  0.22 % |  0.73 %   | 0.51   |  ← default
/// | … + upscale to 300 dpi         |  0.23 % |  0.73 %   | 0.72   |
/// | … + upscale to 400 dpi         |  0.24 % |  0.87 %   | 0.85   |
/// | … + Sauvola binarisation       |  0.21 % |  0.69 %   | 0.65   |
///
/// At 150 dpi: default 0.19 % / 0.69 % (0.54 s), upscaled to 300 dpi 0.19 % / 0.69 % (0.95 s),
/// Sauvola 0.17 % / 0.60 % (0.71 s). The LSTM normalises line height itself: upscaling 150–200 dpi
/// pages costs 40–75 % more time for no fewer missed words, so it is off at ≥ 150 dpi. Sauvola
/// (Tesseract's `thresholding_method` 2) saves about one word in 1 000 for 30 % more time: off.
/// Bare `tesseract -l vie` also reads the two heading columns as one line (001: CER 8 % for 0.5 %
/// missed words); the reading order below fixes that.
///
/// Throughput on the same 24 pages (release build, OMP_THREAD_LIMIT=1, 2 cores under load 5 from
/// other work, so absolute numbers are low): RecognitionPool 1.97 pages/s with 1 worker, 2.07 with
/// 2; bench/ocr/run.sh (bare `tesseract` CLI, one process per core) 1.53 pages/s at 19.8 % CER.
public struct RecognitionOptions: Sendable {
    /// Pages with a known resolution below this are scaled up to `targetResolution` (not measured
    /// below 150 dpi; Tesseract wants an x-height of about 20 px).
    public var upscaleBelow = 150
    public var targetResolution = 300
    /// Detect pages that are upside down or sideways (Tesseract OSD, osd.traineddata).
    public var detectOrientation = true
    /// OSD runs only for pages whose first reading has a mean confidence below this (0…100; 101 =
    /// always). Upright pages read at 89–96 on the bench set, degraded ones down to ~80; pages upside
    /// down or sideways read below 50.
    public var orientationCheckBelow: Double = 80
    /// Correct skew (Leptonica pixFindSkew, ±7°).
    public var deskew = true
    /// Whiten dark regions touching the page edge (scanner borders, shadows) before deskewing.
    public var removeBorders = true
    /// Pages without glyph-sized marks (PageLayout) are not recognised.
    public var skipBlank = OCRSwitches.isOn("blank")
    /// Blank margins are cut off before recognition, leaving this much (mm) round the text. Off: on the sample
    /// batch it changed what Tesseract read (words missed 2.91 % without, 3.01 % with; `Cư M'gar` read `Cư Mar`)
    /// for no measured gain; PDF pages are rendered without their margins anyway (PageSizing).
    public var cropMargins = false
    /// Specks far from the text are whitened (Despeckle).
    public var despeckle = OCRSwitches.isOn("despeckle")
    public var cropMarginMillimetres = 4.0
    /// Corrects the recognised Vietnamese (OCRCorrector: marks, digits read as letters); nil leaves the text as
    /// Tesseract read it.
    public var corrector: OCRCorrector? = OCRSwitches.isOn("correct") ? OCRCorrector(general: OCRSwitches.generalSyllables) : nil
    /// Heading columns found from gutters two or more lines share (ReadingOrder), not only from one line's gap.
    public var confirmedGutters = OCRSwitches.isOn("gutters")
    /// Blocks of text-shaped ink Tesseract's page layout left out are recognised again on their own (UnreadInk).
    public var secondLook = OCRSwitches.isOn("secondlook")
    /// Numbers read with marks no number has (a form's handwritten cells) are read again one by one (EngineNumbers).
    public var rereadNumbers = OCRSwitches.isOn("numbers")
    public init() {}
}

/// One Tesseract engine (TessBaseAPI, `vie` model by default) — used by one thread at a time; freed in
/// deinit. Create one per worker thread (see RecognitionPool). Tesseract is called through CTesseractGuard:
/// an exception inside it comes back as an OCREngineError for that page, never a crash.
///
/// Threads: Tesseract's LSTM uses OpenMP. On a small machine its threads only fight each other and
/// the other engines: one page at 200 dpi took 2.9 s wall with OpenMP and 0.84 s with
/// `OMP_THREAD_LIMIT=1`. The first engine sets `OMP_THREAD_LIMIT=1` in the environment (unless set),
/// but libgomp reads it when it is loaded, i.e. at process start: a program should call
/// `OCRRuntime.ensureSingleThreadedOpenMP()` first thing in `main` (it re-executes the process with
/// the variable set), or be started with `OMP_THREAD_LIMIT=1`.
public final class TesseractEngine {
    let api: OpaquePointer
    private var osd: OpaquePointer?
    private var osdTried = false
    private let dataPath: String?
    public let language: String
    public var options: RecognitionOptions
    /// e.g. "tesseract 5.3.0 vie LSTM".
    public let engineDescription: String

    /// Default tessdata folder: TESSDATA_PREFIX, else Debian's, else Tesseract's built-in default.
    public static var defaultDataPath: String? {
        if let env = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !env.isEmpty { return env }
        for dir in ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                    "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata"]
            where FileManager.default.fileExists(atPath: dir + "/eng.traineddata") || FileManager.default.fileExists(atPath: dir + "/vie.traineddata") {
            return dir
        }
        return nil
    }

    public init(language: String = "vie", dataPath: String? = nil, options: RecognitionOptions = RecognitionOptions()) throws {
        OCRRuntime.prepare()
        self.language = language
        self.options = options
        let dataPath = dataPath ?? Self.defaultDataPath
        self.dataPath = dataPath
        var created: OpaquePointer?
        try Tess.call("Không tạo được Tesseract") { hoso_tess_create(&created, $0) }
        guard let api = created else { throw OCREngineError(reason: "Không tạo được Tesseract") }
        // Quiet: Tesseract's warnings ("Estimating resolution …") go nowhere; results are values.
        Tess.quiet(api)
        do {
            try Tess.call("Không nạp được mô hình Tesseract '\(language)' (thư mục tessdata: \(dataPath ?? "mặc định"))") {
                hoso_tess_init(api, dataPath, language, Int32(HOSO_TESS_OEM_LSTM_ONLY), $0)
            }
        } catch {
            hoso_tess_delete(api)
            throw error
        }
        Tess.quiet(api)
        do {
            try Tess.call("Không tạo được Tesseract") { hoso_tess_set_page_seg_mode(api, Int32(HOSO_TESS_PSM_AUTO), $0) }
        } catch {
            _ = hoso_tess_end(api, nil)
            hoso_tess_delete(api)
            throw error
        }
        // Tesseract's alternatives for each symbol feed the correction (its choice iterator), from one beam search
        // beyond the best path rather than its default five: as good on the bench's pages, for less recognition time.
        if options.corrector != nil {
            _ = hoso_tess_set_variable(api, "lstm_choice_mode", "2", nil, nil)
            _ = hoso_tess_set_variable(api, "lstm_choice_iterations", "\(OCRSwitches.choiceIterations)", nil, nil)
        }
        // Whether each row is fixed-pitch, by Tesseract's quicker test: the same text on the bench's 200 pages,
        // typewritten ones included, for 1.5 % less recognition time (FPCUTPT::assign in its slower test).
        _ = hoso_tess_set_variable(api, "textord_fast_pitch_test", "1", nil, nil)
        for (name, value) in OCRSwitches.tesseractVariables { _ = hoso_tess_set_variable(api, name, value, nil, nil) }
        self.api = api
        let version = hoso_tess_version().map { String(cString: $0) } ?? "?"
        engineDescription = "tesseract \(version) \(language) LSTM"
    }

    deinit {
        _ = hoso_tess_end(api, nil)
        hoso_tess_delete(api)
        if let osd {
            _ = hoso_tess_end(osd, nil)
            hoso_tess_delete(osd)
        }
    }

    /// Sets a Tesseract parameter (e.g. "thresholding_method" = "2" for Sauvola). False when unknown (or Tesseract failed).
    @discardableResult
    public func setVariable(_ name: String, _ value: String) -> Bool {
        var accepted: Int32 = 0
        return hoso_tess_set_variable(api, name, value, &accepted, nil) == HOSO_TESS_OK && accepted != 0
    }

    /// Recognises one page content: an image is recognised; a text layer is passed through.
    public func recognize(_ content: PageContent) throws -> RecognizedPage {
        switch content {
        case .image(let image): return try recognize(image)
        case .text(let text): return .transcript(text)
        case .layer(let layer): return .layer(layer)
        case .layerAndImage(let layer, let image):
            // Recognised again; the text with more well-formed words is kept (a share alone would prefer a
            // recognition that dropped a paragraph).
            var page = try recognize(image)
            // Judged as recognised, before the correction: the rule was set on Tesseract's own reading.
            let raw = (page.recognizedText ?? page.text).split(whereSeparator: \.isWhitespace).map(String.init)
            let recognised = TextLayerQuality.measure(words: raw)
            let judged = "pdf-text-layer-poor:\(String(format: "%.2f", layer.quality.score))"
            // Replaced only when clearly better (2 % and two words more): a layer just under the bar whose
            // handwritten numbers were misread reads as well as the recognition, and keeps its own boxes.
            let layerGood = layer.quality.words - layer.quality.malformed
            if recognised.words - recognised.malformed <= layerGood + max(2, layerGood / 50) {
                var kept = RecognizedPage.layer(layer)
                kept.preprocessing.append(judged)
                return kept
            }
            page.layerScore = layer.quality.score
            page.preprocessing.append(judged)
            return page
        }
    }

    /// Recognises one page image: grey → dark borders whitened → deskew → upscale (below 150 dpi only)
    /// → Tesseract (PSM 3 auto, its own Otsu binarisation, source resolution set) → blocks of ink it left unread
    /// read again on their own (UnreadInk), and numbers read with marks (EngineNumbers) → if the mean
    /// confidence is below 80, orientation by OSD and a second reading of the turned page → reading
    /// order (heading columns kept apart) → NFC, boxes mapped back to the original image.
    public func recognize(_ image: PageImage) throws -> RecognizedPage {
        var page = try recognizeImage(image)
        // A window of a page (rendered without its blank margins): boxes and size on the whole page.
        if let w = image.window {
            page.width = w.pageWidth
            page.height = w.pageHeight
            for i in page.words.indices {
                page.words[i].x += w.x
                page.words[i].y += w.y
            }
        }
        return page
    }

    /// A page with nothing to recognise, and why.
    private func blankPage(_ image: PageImage, steps: [String]) -> RecognizedPage {
        RecognizedPage(text: "", words: [], meanConfidence: 0, preprocessing: steps + ["blank"], engine: engineDescription,
                       width: image.width, height: image.height)
    }

    private func recognizeImage(_ image: PageImage) throws -> RecognizedPage {
        var steps: [String] = image.origin
        let origW = image.width, origH = image.height
        if image.layout?.isBlank == true { return blankPage(image, steps: steps) }
        var resolution = image.resolution
        // A resolution that makes the page wider than 17 in (A2) or implausibly small is a default
        // written by the scanner software (often 72 dpi), not the truth: let Tesseract estimate it.
        if resolution < 50 || resolution > 2400 || Double(min(origW, origH)) / Double(max(resolution, 1)) > 17 {
            resolution = 0
        }

        // 1. Greyscale, 8 bits (transparent areas on white).
        var source = image
        if pixGetSpp(image.pix) == 4, pixGetDepth(image.pix) == 32, let p = pixAlphaBlendUniform(image.pix, 0xFFFF_FF00) {
            source = PageImage(taking: p)
        }
        var grey: PageImage
        if pixGetDepth(source.pix) == 32, let p = pixGetRGBComponent(source.pix, l_int32(COLOR_RED)) {
            // Colour scans: the red channel. Red seals and stamps, which sit on the signature block of
            // nearly every Vietnamese administrative document, turn almost white in it while black and
            // blue ink stay dark. Measured on the sample signature pages: words missed 18–37 % with a
            // luminance grey, 4–8 % with the red channel; body pages unchanged (within ±0.5 %).
            grey = PageImage(taking: p)
            steps.append("grey:red")
        } else if pixGetDepth(source.pix) == 8 && pixGetColormap(source.pix) == nil {
            guard let p = pixClone(source.pix) else { throw OCREngineError(reason: "Hết bộ nhớ") }
            grey = PageImage(taking: p)
        } else {
            guard let p = pixConvertTo8(source.pix, 0) else {
                throw OCREngineError(reason: "Không chuyển được ảnh sang thang xám (độ sâu \(image.depth) bit)")
            }
            grey = PageImage(taking: p)
            steps.append("grey")
        }

        // 2. Dark scanner borders and shadows off (they also fool skew detection).
        if options.removeBorders, let cleaned = Self.whitenBorders(grey) {
            grey = cleaned
            steps.append("border")
        }

        // 2a. Specks far from the text whitened.
        if options.despeckle, let (cleaned, count) = Despeckle.apply(grey, resolution: resolution > 0 ? resolution : 300) {
            grey = cleaned
            steps.append("despeckle:\(count)")
        }

        // 2b. Blank pages are not recognised; blank margins are cut off (a window of a page was cut already).
        var start = Transform()
        if options.skipBlank || options.cropMargins, image.window == nil {
            let layout = PageLayout.measure(grey, assumedResolution: resolution > 0 ? resolution : 300)
            if options.skipBlank, layout.isBlank { return blankPage(image, steps: steps) }
            if options.cropMargins, let box = layout.contentBox(marginMillimetres: options.cropMarginMillimetres,
                                                                atResolution: layout.resolution),
               box.width * box.height < grey.width * grey.height * 9 / 10,
               let cropped = grey.cropped(box) {
                start.steps.append(.crop(x: box.x0, y: box.y0))
                steps.append("crop:\(box.x0),\(box.y0),\(box.width),\(box.height)")
                grey = cropped
            }
        }

        // 3–5. Deskew, upscale, recognise as it stands.
        let result = try recognizeUpright(grey, resolution: resolution, transform: start, steps: steps,
                                          originalSize: (origW, origH))
        // 6. Orientation: only a page read with low confidence is checked with Tesseract OSD (it costs
        //    about as much as recognising the page); when OSD says the page is turned, the turned page is
        //    recognised too and the more confident reading kept.
        guard options.detectOrientation, result.meanConfidence < options.orientationCheckBelow,
              let (degrees, _) = try detectOrientation(grey, resolution: resolution), degrees != 0 else {
            return result
        }
        // Tesseract reports the page's orientation; turning it back takes (360 − deg) clockwise.
        let quads = ((360 - degrees) / 90) % 4
        guard let p = pixRotateOrth(grey.pix, l_int32(quads)) else { return result }
        var transform = start
        transform.steps.append(.rotateOrth(quads: quads, width: grey.width, height: grey.height))
        let turned = try recognizeUpright(PageImage(taking: p), resolution: resolution, transform: transform,
                                          steps: steps + ["rotate\(quads * 90)"], originalSize: (origW, origH))
        return turned.meanConfidence > result.meanConfidence ? turned : result
    }

    /// Deskew, upscale, recognise an upright grey page.
    private func recognizeUpright(_ upright: PageImage, resolution: Int, transform initial: Transform, steps initialSteps: [String],
                                  originalSize: (Int, Int)) throws -> RecognizedPage {
        var work = upright
        var transform = initial
        var steps = initialSteps
        var resolution = resolution

        // 3. Deskew.
        if options.deskew, let binary = pixConvertTo1(work.pix, 160) {
            let b = PageImage(taking: binary)
            var angle: l_float32 = 0, conf: l_float32 = 0
            if pixFindSkew(b.pix, &angle, &conf) == 0, conf >= 3, abs(angle) >= 0.1 {
                let radians = angle * .pi / 180
                if let p = pixRotate(work.pix, radians, l_int32(L_ROTATE_AREA_MAP), l_int32(L_BRING_IN_WHITE), 0, 0) {
                    transform.steps.append(.rotate(radians: Double(radians), width: work.width, height: work.height))
                    work = PageImage(taking: p)
                    steps.append(String(format: "deskew:%.2f", angle))
                }
            }
        }

        // 4. Upscale low-resolution scans to about 300 dpi.
        if resolution > 0, resolution < options.upscaleBelow {
            let factor = Float(options.targetResolution) / Float(resolution)
            if let p = pixScaleGrayLI(work.pix, factor, factor) {
                transform.steps.append(.scale(Double(pixGetWidth(p)) / Double(work.width),
                                              Double(pixGetHeight(p)) / Double(work.height)))
                work = PageImage(taking: p)
                steps.append(String(format: "scale:%.2f", factor))
                resolution = options.targetResolution
            }
        }

        // 5. Recognise. Cleared afterwards, after a failure too: the engine goes on with the next page.
        let failed = "Tesseract không nhận dạng được trang"
        defer { _ = hoso_tess_clear(api, nil) }
        try Tess.call(failed) { hoso_tess_set_image(api, work.pix, $0) }
        if resolution > 0 { try Tess.call(failed) { hoso_tess_set_source_resolution(api, Int32(resolution), $0) } }
        try Tess.call(failed) { hoso_tess_recognize(api, $0) }
        var mean: Int32 = 0
        try Tess.call(failed) { hoso_tess_mean_text_conf(api, &mean, $0) }
        let meanConfidence = Double(mean)

        var lines = try readLines(failed)
        // 5a. Blocks of text-shaped ink the page layout left out, read again on their own.
        if options.secondLook {
            let found = try readUnread(work, lines: lines, failed)
            lines = found.lines
            if found.kept > 0 { steps.append("unread:\(found.kept)") }
        }

        // 5b. Handwritten numbers read as marks, read again as digits.
        if options.rereadNumbers {
            let found = try readNumbers(work, lines: lines, failed)
            lines = found.lines
            if found.kept > 0 { steps.append("numbers:\(found.kept)") }
        }

        // 6. Reading order, boxes back to the original page. The words the corrector drops from the engine's lines
        //    (specks, a photocopy's streak read as `h` or `‡` on every line) neither close nor narrow a gutter.
        let dropped = options.corrector.map { corrector in
            lines.map { line in corrector.correct(line: line.map(Self.correctorWord)).map(\.isEmpty) }
        }
        let pieces = ReadingOrder.arrange(lines.map { $0.map(\.box) },
                                          columnGap: { h in max(3 * h, 12) },
                                          confirmedGap: options.confirmedGutters ? { h in max(h * 6 / 5, 10) } : nil,
                                          lineSlack: { h in 2 * h + 4 },
                                          ignorable: { j, i in
                                              // Uncorrected, inside a line only: a line's first dash is a list's bullet.
                                              dropped?[j][i] ?? (i > 0 && i < lines[j].count - 1
                                                  && Self.isSpeck(lines[j][i].text, confidence: lines[j][i].confidence))
                                          })
        // 7. Vietnamese correction within each output line; the recognised text is kept beside it.
        var words: [RecognizedWord] = []
        var textLines: [String] = [], rawLines: [String] = []
        var changed = 0
        let (ow, oh) = originalSize
        for piece in pieces {
            let raw = piece.items.map { lines[piece.line][$0] }
            let texts = options.corrector?.correct(line: raw.map(Self.correctorWord)) ?? raw.map(\.text)
            for (w, text) in zip(raw, texts) where !text.isEmpty {
                let box = transform.boxToOriginal(w.box, width: ow, height: oh)
                words.append(RecognizedWord(text: text, x: box.x0, y: box.y0, width: box.x1 - box.x0,
                                            height: box.y1 - box.y0, confidence: w.confidence))
            }
            changed += zip(raw, texts).filter { $0.0.text != $0.1 }.count
            let kept = texts.filter { !$0.isEmpty }
            if !kept.isEmpty { textLines.append(kept.joined(separator: " ")) }
            rawLines.append(raw.map(\.text).joined(separator: " "))
        }
        let text = textLines.joined(separator: "\n"), recognized = rawLines.joined(separator: "\n")
        var page = RecognizedPage(text: text, words: words, meanConfidence: words.isEmpty ? 0 : meanConfidence,
                                  preprocessing: steps, engine: engineDescription, width: ow, height: oh)
        if recognized != text {
            page.recognizedText = recognized
            page.preprocessing.append("corrected:\(changed)")
        }
        return page
    }

    /// A word that is only punctuation read with little confidence: a speck (often in a heading's gutter), which must
    /// not hide the gutter from the reading order. A dash read with confidence ("Độc lập - Tự do") is a word.
    static func isSpeck(_ text: String, confidence: Double) -> Bool {
        confidence < 70 && !text.contains { $0.isLetter || $0.isNumber }
    }

    /// Whitens the dark regions that touch the edge of the page (scanner borders, book-edge shadows):
    /// the 8-connected dark components touching the border, grown by 2 px. Nil when they are too
    /// small to matter (< 0.2 % of the page: letters cut at the edge) or implausibly large (> 40 %:
    /// a dark or inverted page, left alone).
    static func whitenBorders(_ grey: PageImage) -> PageImage? {
        guard let b = pixConvertTo1(grey.pix, 128) else { return nil }
        let binary = PageImage(taking: b)
        guard let k = pixRemoveBorderConnComps(binary.pix, 8) else { return nil }
        let kept = PageImage(taking: k)
        guard let m = pixSubtract(nil, binary.pix, kept.pix) else { return nil }
        let border = PageImage(taking: m)
        var count: l_int32 = 0
        guard pixCountPixels(border.pix, &count, nil) == 0 else { return nil }
        let area = Double(grey.width) * Double(grey.height)
        guard Double(count) >= 0.002 * area, Double(count) <= 0.4 * area else { return nil }
        guard let g = pixDilateBrick(nil, border.pix, 5, 5) else { return nil }
        let grown = PageImage(taking: g)
        guard let c = pixCopy(nil, grey.pix) else { return nil }
        let cleaned = PageImage(taking: c)
        guard pixSetMasked(cleaned.pix, grown.pix, 255) == 0 else { return nil }
        cleaned.resolution = grey.resolution
        return cleaned
    }

    /// Tesseract OSD: the page's orientation in degrees (0, 90, 180, 270) and its confidence, or nil
    /// when OSD is unavailable (no osd.traineddata, or its engine failed to start) or finds too little
    /// text. Throws when Tesseract fails while detecting (an exception inside it).
    func detectOrientation(_ image: PageImage, resolution: Int) throws -> (Int, Float)? {
        if !osdTried {
            osdTried = true
            var created: OpaquePointer?
            if hoso_tess_create(&created, nil) == HOSO_TESS_OK, let h = created {
                Tess.quiet(h)
                if hoso_tess_init(h, dataPath, "osd", Int32(HOSO_TESS_OEM_TESSERACT_ONLY), nil) == HOSO_TESS_OK {
                    Tess.quiet(h)
                    if hoso_tess_set_page_seg_mode(h, Int32(HOSO_TESS_PSM_OSD_ONLY), nil) == HOSO_TESS_OK {
                        osd = h
                    } else {
                        _ = hoso_tess_end(h, nil)
                        hoso_tess_delete(h)
                    }
                } else {
                    hoso_tess_delete(h)
                }
            }
        }
        guard let osd else { return nil }
        let failed = "Tesseract không xác định được hướng trang"
        defer { _ = hoso_tess_clear(osd, nil) }
        try Tess.call(failed) { hoso_tess_set_image(osd, image.pix, $0) }
        if resolution > 0 { try Tess.call(failed) { hoso_tess_set_source_resolution(osd, Int32(resolution), $0) } }
        var degrees: Int32 = 0, conf: Float = 0, scriptConf: Float = 0, found: Int32 = 0
        try Tess.call(failed) { hoso_tess_detect_orientation(osd, &degrees, &conf, &scriptConf, &found, $0) }
        guard found != 0 else { return nil }
        return (Int(degrees), conf)
    }
}
