import CTesseractGuard
import Foundation

/// Calls into CTesseractGuard (hoso_tesseract.h).
enum Tess {
    /// Runs one guarded call (`body` gets the error out-parameter). A failure Tesseract reported throws an
    /// OCREngineError with `reason`; a C++ exception caught in the shim adds its message to it.
    static func call(_ reason: @autoclosure () -> String,
                     _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = body(&error)
        defer { hoso_tess_free(error) }
        guard status != HOSO_TESS_OK else { return }
        if status == HOSO_TESS_EXCEPTION {
            let message = error.map { String(cString: $0) } ?? "không rõ"
            throw OCREngineError(reason: "\(reason()) (lỗi bên trong Tesseract: \(message))")
        }
        throw OCREngineError(reason: reason())
    }

    /// Tesseract's alternatives for each symbol of the word at `it`, best first, with their confidences (0…100).
    static func symbolChoices(_ it: OpaquePointer, _ reason: @autoclosure () -> String) throws -> [[(text: String, confidence: Double)]] {
        var cText: UnsafeMutablePointer<CChar>?
        try call(reason()) { hoso_tess_words_symbol_choices(it, &cText, $0) }
        guard let cText else { return [] }
        defer { hoso_tess_free(cText) }
        var symbols: [[(text: String, confidence: Double)]] = []
        for line in String(cString: cText).split(separator: "\n") {
            let f = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard f.count == 3, let index = Int(f[0]), index >= 0, index <= symbols.count else { continue }
            if index == symbols.count { symbols.append([]) }
            symbols[index].append((String(f[2]).precomposedStringWithCanonicalMapping, Double(f[1]) ?? 0))
        }
        return symbols
    }

    /// Sends Tesseract's warnings ("Estimating resolution …") nowhere; a failure here changes nothing.
    static func quiet(_ handle: OpaquePointer) {
        _ = hoso_tess_set_variable(handle, "debug_file", "/dev/null", nil, nil)
    }
}
