import CTesseract
import CTesseractGuard
import Foundation
import Syllables

/// One word as Tesseract gave it: text (NFC), box in the pixels of the image recognised, confidence, and its
/// alternatives for each symbol when the correction wants them.
struct EngineWord {
    var text: String
    var box: ReadingOrder.Box
    var confidence: Double
    var choices: [[(text: String, confidence: Double)]] = []
}

extension TesseractEngine {
    /// A recognised word as the corrector weighs it: text, confidence, Tesseract's alternatives, box size.
    static func correctorWord(_ w: EngineWord) -> OCRCorrector.Word {
        OCRCorrector.Word(text: w.text, confidence: w.confidence, choices: w.choices.map { $0.map(\.text) },
                          width: w.box.x1 - w.box.x0, height: w.box.y1 - w.box.y0)
    }

    /// The words of the last recognition, in Tesseract's lines and order.
    func readLines(_ failed: String) throws -> [[EngineWord]] {
        var lines: [[EngineWord]] = []
        var iterator: OpaquePointer?
        try Tess.call(failed) { hoso_tess_words_begin(api, &iterator, $0) }
        guard let it = iterator else { return lines }
        defer { hoso_tess_words_delete(it) }
        let word = Int32(HOSO_TESS_RIL_WORD), textLine = Int32(HOSO_TESS_RIL_TEXTLINE)
        func next() throws -> Bool {
            var more: Int32 = 0
            try Tess.call(failed) { hoso_tess_words_next(it, word, &more, $0) }
            return more != 0
        }
        repeat {
            var cText: UnsafeMutablePointer<CChar>?
            try Tess.call(failed) { hoso_tess_words_text(it, word, &cText, $0) }
            guard let cText else { continue }
            let text = String(cString: cText).precomposedStringWithCanonicalMapping
                .trimmingCharacters(in: .whitespacesAndNewlines)
            hoso_tess_free(cText)
            if text.isEmpty { continue }
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0, hasBox: Int32 = 0
            try Tess.call(failed) { hoso_tess_words_box(it, word, &l, &t, &r, &b, &hasBox, $0) }
            guard hasBox != 0 else { continue }
            var confidence: Float = 0, begins: Int32 = 0
            try Tess.call(failed) { hoso_tess_words_confidence(it, word, &confidence, $0) }
            var raw = EngineWord(text: text, box: .init(x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b)),
                                 confidence: Double(confidence))
            if let corrector = options.corrector, corrector.wantsChoices(text: text, confidence: raw.confidence) {
                raw.choices = try Tess.symbolChoices(it, failed)
            }
            try Tess.call(failed) { hoso_tess_words_begins(it, textLine, &begins, $0) }
            if begins != 0 || lines.isEmpty {
                lines.append([raw])
            } else {
                lines[lines.count - 1].append(raw)
            }
        } while try next()
        return lines
    }

    /// `lines` with the blocks of unread ink on `work` (the image just recognised) read again one by one: each block
    /// cut out, scaled up twice (the worn, bold letters that ran together come apart) and recognised as one line or
    /// one block of text. A block's reading is kept when at least half its words, and two or more, are well-formed
    /// Vietnamese syllables (a signature's scrawl or a seal's ring reads as marks and malformed words); its lines go
    /// in before the first line lower on the page; also returned, how many blocks were kept.
    func readUnread(_ work: PageImage, lines: [[EngineWord]], _ failed: String) throws -> (lines: [[EngineWord]], kept: Int) {
        let read = lines.flatMap { $0.map(\.box) }
        let regions = UnreadInk.regions(work, read: read)
        guard !regions.isEmpty else { return (lines, 0) }
        func covered(_ w: ReadingOrder.Box) -> Bool { read.contains { UnreadInk.centreInside(w, $0) } }
        var result = lines, kept = 0
        for (r, g) in regions {
            // A block less than 4.5 letters tall (two letter heights of padding) holds one line.
            let psm = Double(r.y1 - r.y0) < 4.5 * g ? Self.singleLine : Self.singleBlock
            guard let again = try readAlone(work, r, mode: psm, failed) else { continue }
            let found = again.map { $0.filter { !covered($0.box) } }.filter { !$0.isEmpty }
            let quality = TextLayerQuality.measure(words: found.flatMap { $0.map(\.text) })
            let good = quality.words - quality.malformed
            guard good >= 2, good * 2 >= quality.words else { continue }
            kept += 1
            for line in found {
                let top = line.map(\.box.y0).min() ?? 0
                let at = result.firstIndex { ($0.map(\.box.y0).min() ?? 0) > top } ?? result.count
                result.insert(line, at: at)
            }
        }
        return (result, kept)
    }

    /// Tesseract's own page segmentation modes: a single block, a single line, a single word.
    static let singleBlock: Int32 = 6, singleLine: Int32 = 7, singleWord: Int32 = 8

    /// The lines read in `box` of `work` cut out, scaled up twice and recognised alone in page segmentation `mode`,
    /// their boxes back in `work`'s pixels; nil when the cut-out cannot be made. The engine is left in its own mode.
    func readAlone(_ work: PageImage, _ box: ReadingOrder.Box, mode: Int32, _ failed: String) throws -> [[EngineWord]]? {
        let k = 2.0
        guard let crop = work.cropped(PageLayout.Box(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1)),
              let p = pixScaleGrayLI(crop.pix, Float(k), Float(k)) else { return nil }
        let big = PageImage(taking: p)
        defer { _ = hoso_tess_set_page_seg_mode(api, Int32(HOSO_TESS_PSM_AUTO), nil) }
        try Tess.call(failed) { hoso_tess_set_page_seg_mode(api, mode, $0) }
        try Tess.call(failed) { hoso_tess_set_image(api, big.pix, $0) }
        if work.resolution > 0 {
            try Tess.call(failed) { hoso_tess_set_source_resolution(api, Int32(Double(work.resolution) * k), $0) }
        }
        try Tess.call(failed) { hoso_tess_recognize(api, $0) }
        func back(_ b: ReadingOrder.Box) -> ReadingOrder.Box {
            ReadingOrder.Box(x0: box.x0 + Int(Double(b.x0) / k), y0: box.y0 + Int(Double(b.y0) / k),
                             x1: box.x0 + Int(Double(b.x1) / k), y1: box.y0 + Int(Double(b.y1) / k))
        }
        return try readLines(failed).map { $0.map { w in var w = w; w.box = back(w.box); return w } }
    }
}
