import Foundation

/// The test names a contract's file declares and those a backend's subclass names again (Linux's test discovery
/// runs only the tests a class declares itself): compared, so a contract test added without its line in the
/// subclass does not silently skip that backend.
enum InheritedTests {
    /// `func testName()` as a contract declares it (at class level).
    static let declared = #"\n    func (test\w+)\(\)"#
    /// `override func testName()` as a subclass names it again.
    static let overridden = #"override func (test\w+)\(\)"#

    /// The names `pattern`'s first group matches in `file`, a file of this test folder.
    static func names(in file: String, _ pattern: String, folder: String = #filePath) throws -> Set<String> {
        let url = URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: pattern)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }
}
