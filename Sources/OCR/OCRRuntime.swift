import CTesseract
import CTesseractGuard
import Foundation
import Syllables

/// Process-wide settings for Tesseract.
public enum OCRRuntime {
    /// The value of OMP_THREAD_LIMIT when the process started (before `prepare()` sets it).
    /// Unless it is "1", Tesseract runs with OpenMP threads — about 3× slower per page on a busy
    /// small machine; see `ensureSingleThreadedOpenMP()`.
    public private(set) static var openMPThreadLimitAtStart: String?

    private static let prepared: Void = {
        openMPThreadLimitAtStart = ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"]
        // See TesseractEngine: one OpenMP thread per engine; one engine per core.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        _ = setMsgSeverity(l_int32(L_SEVERITY_NONE))
        hoso_tess_plain_line_images(OCRSwitches.isOn("lineimages") ? 1 : 0)
        hoso_tess_serial_openmp(OCRSwitches.isOn("openmp") ? 1 : 0)
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

/// Recognition steps switched off for a whole process by `HOSO_OCR_OFF` (a comma-separated list: `sizing`, `crop`,
/// `blank`, `despeckle`, `correct`, `general`, `gutters`, `secondlook`, `numbers`, `lineimages`, `openmp`, …), so that a bench can measure what each step brings with the same build.
public enum OCRSwitches {
    public static let off: Set<String> = Set((ProcessInfo.processInfo.environment["HOSO_OCR_OFF"] ?? "")
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    public static func isOn(_ step: String) -> Bool { !off.contains(step) }
    /// The correction's prior for words the archive never writes: Vietnamese at large, or none (`general` off).
    public static var generalSyllables: GeneralSyllables { isOn("general") ? .builtin : GeneralSyllables() }
    /// `HOSO_OCR_GLYPH_HEIGHT`: the glyph height in pixels PDF pages are rendered for (PageSizing), for benches.
    public static let glyphHeight: Double? = ProcessInfo.processInfo.environment["HOSO_OCR_GLYPH_HEIGHT"].flatMap(Double.init)
    /// `HOSO_OCR_CHOICE_ITERATIONS`: Tesseract's cascading beam searches for the symbols' alternatives (default 1).
    public static let choiceIterations = ProcessInfo.processInfo.environment["HOSO_OCR_CHOICE_ITERATIONS"].flatMap(Int.init) ?? 1
    /// `HOSO_TESS_VARS=name=value,…`: Tesseract parameters set on every engine after hoso's own, for benches.
    public static let tesseractVariables: [(String, String)] = (ProcessInfo.processInfo.environment["HOSO_TESS_VARS"] ?? "")
        .split(separator: ",").compactMap { pair in
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return kv.count == 2 ? (kv[0], kv[1]) : nil
        }
}
