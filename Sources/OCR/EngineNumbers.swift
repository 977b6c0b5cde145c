import CTesseract
import CTesseractGuard
import Foundation
import Syllables

/// Handwritten numbers in a form's cells, which `vie` reads as digits mixed with marks and letters no number has
/// (`3⁄1`, `I99%6`, `ƒ384,7`): each such word is cut out, scaled up twice and read again as one word, and kept when it
/// reads, sure, as a number.
extension TesseractEngine {
    /// A word that is a number read wrongly: digits, and beside them (its punctuation aside) at most as many other
    /// characters, none of them two capitals in a row (`04/ĐK`, `TT05`, `466/UBND` are codes) nor a lower-case run
    /// of two letters (`phố5`: a glued word).
    static func isGarbledNumber(_ text: String) -> Bool {
        let core = Array(SyllablePairModel.core(of: text).core)
        let digits = core.filter(\.isNumber).count
        let others = core.filter { !$0.isNumber && !".,/".contains($0) }
        guard digits >= 1, !others.isEmpty, others.count <= digits else { return false }
        for (a, b) in zip(core, core.dropFirst()) where a.isLetter && b.isLetter {
            if a.isUppercase && b.isUppercase { return false }
            if a.isLowercase && b.isLowercase { return false }
        }
        return true
    }

    /// What a number read again may hold.
    static let numberCharacters = "0123456789,."

    /// `lines` with their garbled numbers read again; also how many were replaced.
    func readNumbers(_ work: PageImage, lines: [[EngineWord]], _ failed: String) throws -> (lines: [[EngineWord]], kept: Int) {
        var result = lines, kept = 0
        for j in result.indices {
            for i in result[j].indices where Self.isGarbledNumber(result[j][i].text) {
                let b = result[j][i].box, pad = max(2, (b.y1 - b.y0) / 4)
                let around = ReadingOrder.Box(x0: max(0, b.x0 - pad), y0: max(0, b.y0 - pad),
                                              x1: min(work.width, b.x1 + pad), y1: min(work.height, b.y1 + pad))
                guard let found = try readAlone(work, around, mode: Self.singleWord, failed)?.flatMap({ $0 }),
                      found.count == 1, let w = found.first, w.confidence >= 60,
                      w.text.contains(where: \.isNumber), w.text.allSatisfy({ Self.numberCharacters.contains($0) }) else { continue }
                let (lead, _, trail) = SyllablePairModel.core(of: result[j][i].text)
                result[j][i].text = String(lead) + w.text + String(trail)
                result[j][i].confidence = w.confidence
                result[j][i].choices = []
                kept += 1
            }
        }
        return (result, kept)
    }
}
