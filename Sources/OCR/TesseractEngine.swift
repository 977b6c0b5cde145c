import CTesseract
import Foundation

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
    /// Size of the original page image (0 × 0 for a PDF text layer).
    public var width: Int
    public var height: Int

    public init(text: String, words: [RecognizedWord], meanConfidence: Double, preprocessing: [String],
                engine: String, width: Int, height: Int) {
        self.text = text; self.words = words; self.meanConfidence = meanConfidence
        self.preprocessing = preprocessing; self.engine = engine; self.width = width; self.height = height
    }

    /// A page whose text came from a PDF text layer (no recognition).
    public static func textLayer(_ text: String) -> RecognizedPage {
        RecognizedPage(text: text.precomposedStringWithCanonicalMapping, words: [], meanConfidence: 100,
                       preprocessing: ["pdf-text-layer"], engine: "pdftotext", width: 0, height: 0)
    }
}

/// Preprocessing choices. The defaults were chosen by measurement on the test fixtures (see
/// `TesseractEngine` and bench/ocr).
public struct RecognitionOptions: Sendable {
    /// Pages with a known resolution below this are scaled up to `targetResolution`.
    public var upscaleBelow = 250
    public var targetResolution = 300
    /// Detect pages that are upside down or sideways (Tesseract OSD, osd.traineddata).
    public var detectOrientation = true
    /// OSD confidence above which the page is turned without a second look; below it (and above 0)
    /// the page is recognised both ways and the more confident result is kept.
    public var orientationConfidence: Float = 5
    /// Correct skew (Leptonica pixFindSkew, ±7°).
    public var deskew = true
    public init() {}
}

/// One Tesseract engine (TessBaseAPI, `vie` model by default) — used by one thread at a time; freed in
/// deinit. Create one per worker thread (see RecognitionPool).
///
/// Threads: Tesseract's LSTM uses OpenMP. On a small machine its threads only fight each other and
/// the other engines: one page at 200 dpi took 2.9 s wall with OpenMP and 0.84 s with
/// `OMP_THREAD_LIMIT=1`. The first engine sets `OMP_THREAD_LIMIT=1` in the environment (unless set),
/// but libgomp reads it when it is loaded, i.e. at process start: a program should call
/// `OCRRuntime.ensureSingleThreadedOpenMP()` first thing in `main` (it re-executes the process with
/// the variable set), or be started with `OMP_THREAD_LIMIT=1`.
public final class TesseractEngine {
    private let api: OpaquePointer
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
        self.dataPath = dataPath ?? Self.defaultDataPath
        guard let api = TessBaseAPICreate() else { throw OCREngineError(reason: "Không tạo được Tesseract") }
        // Quiet: Tesseract's warnings ("Estimating resolution …") go nowhere; results are values.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        if TessBaseAPIInit2(api, self.dataPath, language, OEM_LSTM_ONLY) != 0 {
            TessBaseAPIDelete(api)
            throw OCREngineError(reason: "Không nạp được mô hình Tesseract '\(language)' (thư mục tessdata: \(self.dataPath ?? "mặc định"))")
        }
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        self.api = api
        let version = TessVersion().map { String(cString: $0) } ?? "?"
        engineDescription = "tesseract \(version) \(language) LSTM"
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
        if let osd {
            TessBaseAPIEnd(osd)
            TessBaseAPIDelete(osd)
        }
    }

    /// Recognises one page content: an image is recognised; a text layer is passed through.
    public func recognize(_ content: PageContent) throws -> RecognizedPage {
        switch content {
        case .image(let image): return try recognize(image)
        case .text(let text): return .textLayer(text)
        }
    }

    /// Recognises one page image: grey → orientation → deskew → upscale to ~300 dpi → Tesseract
    /// (PSM 3, its own Otsu binarisation) → reading order (heading columns kept apart) → NFC.
    public func recognize(_ image: PageImage) throws -> RecognizedPage {
        var steps: [String] = []
        var transform = Transform()
        let origW = image.width, origH = image.height
        var resolution = image.resolution
        if resolution < 50 || resolution > 2400 { resolution = 0 }

        // 1. Greyscale, 8 bits.
        var work: PageImage
        if pixGetDepth(image.pix) == 8 && pixGetColormap(image.pix) == nil {
            guard let p = pixClone(image.pix) else { throw OCREngineError(reason: "Hết bộ nhớ") }
            work = PageImage(taking: p)
        } else {
            guard let p = pixConvertTo8(image.pix, 0) else {
                throw OCREngineError(reason: "Không chuyển được ảnh sang thang xám (độ sâu \(image.depth) bit)")
            }
            work = PageImage(taking: p)
            steps.append("grey")
        }

        // 2. Orientation (OSD), on the grey image at its own resolution.
        var alternative: (image: PageImage, quads: Int)?
        if options.detectOrientation, let (degrees, confidence) = detectOrientation(work, resolution: resolution),
           degrees != 0 {
            // Tesseract reports the page's orientation; turning it back takes (360 - deg) clockwise.
            let quads = ((360 - degrees) / 90) % 4
            if let p = pixRotateOrth(work.pix, l_int32(quads)) {
                let turned = PageImage(taking: p)
                if confidence >= options.orientationConfidence {
                    transform.steps.append(.rotateOrth(quads: quads, width: work.width, height: work.height))
                    work = turned
                    steps.append("rotate\(quads * 90)")
                } else {
                    alternative = (turned, quads)
                }
            }
        }

        var result = try recognizeUpright(work, resolution: resolution, transform: transform, steps: steps,
                                          originalSize: (origW, origH))
        if let alt = alternative {
            var t = transform
            t.steps.append(.rotateOrth(quads: alt.quads, width: work.width, height: work.height))
            let other = try recognizeUpright(alt.image, resolution: resolution, transform: t,
                                             steps: steps + ["rotate\(alt.quads * 90)"], originalSize: (origW, origH))
            if other.meanConfidence > result.meanConfidence { result = other }
        }
        return result
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

        // 5. Recognise.
        TessBaseAPISetImage2(api, work.pix)
        if resolution > 0 { TessBaseAPISetSourceResolution(api, Int32(resolution)) }
        defer { TessBaseAPIClear(api) }
        guard TessBaseAPIRecognize(api, nil) == 0 else {
            throw OCREngineError(reason: "Tesseract không nhận dạng được trang")
        }
        let meanConfidence = Double(TessBaseAPIMeanTextConf(api))

        struct RawWord { var text: String; var box: ReadingOrder.Box; var confidence: Double }
        var lines: [[RawWord]] = []
        if let it = TessBaseAPIGetIterator(api) {
            defer { TessResultIteratorDelete(it) }
            let pit = TessResultIteratorGetPageIterator(it)
            repeat {
                guard let cText = TessResultIteratorGetUTF8Text(it, RIL_WORD) else { continue }
                let text = String(cString: cText).precomposedStringWithCanonicalMapping
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                TessDeleteText(cText)
                if text.isEmpty { continue }
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                guard TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &t, &r, &b) != 0 else { continue }
                let word = RawWord(text: text, box: .init(x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b)),
                                   confidence: Double(TessResultIteratorConfidence(it, RIL_WORD)))
                if TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE) != 0 || lines.isEmpty {
                    lines.append([word])
                } else {
                    lines[lines.count - 1].append(word)
                }
            } while TessResultIteratorNext(it, RIL_WORD) != 0
        }

        // 6. Reading order, boxes back to the original page.
        let pieces = ReadingOrder.arrange(lines.map { $0.map(\.box) },
                                          columnGap: { h in max(3 * h, 12) },
                                          lineSlack: { h in 2 * h + 4 })
        var words: [RecognizedWord] = []
        var textLines: [String] = []
        let (ow, oh) = originalSize
        for piece in pieces {
            var parts: [String] = []
            for i in piece.items {
                let w = lines[piece.line][i]
                parts.append(w.text)
                let box = transform.boxToOriginal(w.box, width: ow, height: oh)
                words.append(RecognizedWord(text: w.text, x: box.x0, y: box.y0, width: box.x1 - box.x0,
                                            height: box.y1 - box.y0, confidence: w.confidence))
            }
            textLines.append(parts.joined(separator: " "))
        }
        return RecognizedPage(text: textLines.joined(separator: "\n"), words: words,
                              meanConfidence: words.isEmpty ? 0 : meanConfidence,
                              preprocessing: steps, engine: engineDescription, width: ow, height: oh)
    }

    /// Tesseract OSD: the page's orientation in degrees (0, 90, 180, 270) and its confidence, or nil
    /// when OSD is unavailable (no osd.traineddata) or finds too little text.
    func detectOrientation(_ image: PageImage, resolution: Int) -> (Int, Float)? {
        if !osdTried {
            osdTried = true
            if let h = TessBaseAPICreate() {
                _ = TessBaseAPISetVariable(h, "debug_file", "/dev/null")
                if TessBaseAPIInit2(h, dataPath, "osd", OEM_TESSERACT_ONLY) == 0 {
                    _ = TessBaseAPISetVariable(h, "debug_file", "/dev/null")
                    TessBaseAPISetPageSegMode(h, PSM_OSD_ONLY)
                    osd = h
                } else {
                    TessBaseAPIDelete(h)
                }
            }
        }
        guard let osd else { return nil }
        TessBaseAPISetImage2(osd, image.pix)
        if resolution > 0 { TessBaseAPISetSourceResolution(osd, Int32(resolution)) }
        defer { TessBaseAPIClear(osd) }
        var degrees: Int32 = 0, conf: Float = 0, scriptConf: Float = 0
        // script_name is left nil: Tesseract 5 returns a pointer into its own unicharset there (not a
        // copy, whatever capi.h says), and freeing it corrupts the heap.
        guard TessBaseAPIDetectOrientationScript(osd, &degrees, &conf, nil, &scriptConf) != 0 else { return nil }
        return (Int(degrees), conf)
    }
}

/// The geometric steps applied to the page before recognition, to map word boxes back.
struct Transform {
    enum Step {
        /// Clockwise by quads × 90° (Leptonica pixRotateOrth); width/height before the turn.
        case rotateOrth(quads: Int, width: Int, height: Int)
        /// Leptonica pixRotate about the centre, same size; positive is clockwise.
        case rotate(radians: Double, width: Int, height: Int)
        case scale(Double, Double)
    }
    var steps: [Step] = []

    /// Maps a point of the processed image back to the original image.
    func toOriginal(_ x: Double, _ y: Double) -> (Double, Double) {
        var (x, y) = (x, y)
        for step in steps.reversed() {
            switch step {
            case .scale(let sx, let sy):
                x /= sx; y /= sy
            case .rotate(let a, let w, let h):
                let cx = Double(w) / 2, cy = Double(h) / 2
                let dx = x - cx, dy = y - cy
                // Forward (clockwise by a, y down): x' = cx + dx cos a − dy sin a, y' = cy + dx sin a + dy cos a.
                x = cx + dx * cos(a) + dy * sin(a)
                y = cy - dx * sin(a) + dy * cos(a)
            case .rotateOrth(let q, let w, let h):
                switch q {
                case 1: (x, y) = (y, Double(h) - x)          // forward: x' = h − y, y' = x
                case 2: (x, y) = (Double(w) - x, Double(h) - y)
                case 3: (x, y) = (Double(w) - y, x)          // forward: x' = y, y' = w − x
                default: break
                }
            }
        }
        return (x, y)
    }

    /// The bounding box, in the original image, of a processed-image box; clamped to the page.
    func boxToOriginal(_ b: ReadingOrder.Box, width: Int, height: Int) -> ReadingOrder.Box {
        let corners = [(b.x0, b.y0), (b.x1, b.y0), (b.x0, b.y1), (b.x1, b.y1)]
            .map { toOriginal(Double($0.0), Double($0.1)) }
        let xs = corners.map(\.0), ys = corners.map(\.1)
        func clamp(_ v: Double, _ hi: Int) -> Int { min(max(Int(v.rounded()), 0), hi) }
        return .init(x0: clamp(xs.min() ?? 0, width), y0: clamp(ys.min() ?? 0, height),
                     x1: clamp(xs.max() ?? 0, width), y1: clamp(ys.max() ?? 0, height))
    }
}

/// Process-wide settings for Tesseract.
public enum OCRRuntime {
    private static let prepared: Void = {
        // See TesseractEngine: one OpenMP thread per engine; one engine per core.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        _ = setMsgSeverity(l_int32(L_SEVERITY_NONE))
    }()

    /// Sets OMP_THREAD_LIMIT=1 (unless set) and silences Leptonica. Called by every engine.
    public static func prepare() { _ = prepared }

    /// Call first thing in `main`: when OMP_THREAD_LIMIT is not set, sets it to 1 and re-executes the
    /// program (libgomp reads the variable only when it is loaded, before `main`). Returns when the
    /// variable was already set (or the re-execution failed).
    public static func ensureSingleThreadedOpenMP() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let args = CommandLine.arguments
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
        cargs.append(nil)
        execv("/proc/self/exe", &cargs)
        // execv only returns on failure: carry on with OpenMP threads.
        for p in cargs { free(p) }
    }
}
