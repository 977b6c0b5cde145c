import XCTest
@testable import Catalogue

/// The catalogue's own reader of `fields`/`extra` against Foundation's JSONDecoder: the same map for
/// what the store writes (JSONEncoder, sorted keys) and for hand-written JSON; nil (the caller then uses
/// JSONDecoder) for anything else.
final class StringMapJSONTests: XCTestCase {
    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e }()

    func reference(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    func testWhatTheStoreWritesReadsBackTheSame() throws {
        let cells = ["", "Sử dụng có điều kiện", "UBND huyện Krông Pắc", "1605/QĐ-UBND", "scans/H49/a.pdf", "a\"b\\c",
                     "dòng 1\ndòng 2\r\n\tthụt", "\u{1}\u{1F}\u{7F}", "H’Hen Niê 😀", "\u{2028}\u{2029}", "Quyết định".decomposedStringWithCanonicalMapping,
                     "</script>", "{\"x\":1}"]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for round in 0..<400 {
            var map: [String: String] = [:]
            for _ in 0..<(round == 0 ? 0 : next() % 12) {
                map[cells[next() % cells.count] + String(next() % 5)] = cells[next() % cells.count] + cells[next() % cells.count]
            }
            let text = String(decoding: try Self.encoder.encode(map), as: UTF8.self)
            XCTAssertEqual(StringMapJSON.decode(text), map, text)
            XCTAssertEqual(StringMapJSON.decode(text), reference(text))
        }
    }

    func testHandWrittenJSON() {
        let cases: [(String, [String: String]?)] = [
            ("{}", [:]),
            (" { } ", [:]),
            ("{\"Số\":\"05\"}", ["Số": "05"]),
            ("{ \"a\" : \"b\" ,\n \"c\":\"d\" }", ["a": "b", "c": "d"]),
            ("{\"k\":\"\\u0110\\u1EA5t \\ud83d\\ude00 \\/\\b\\f\"}", ["k": "Đất 😀 /\u{8}\u{C}"]),
            // Not taken: the caller falls back to JSONDecoder.
            ("{\"a\":1}", nil), ("{\"a\":null}", nil), ("{\"a\":{\"b\":\"c\"}}", nil), ("[]", nil), ("", nil),
            ("{\"a\":\"b\",}", nil), ("{\"a\":\"b\"} x", nil), ("{\"a\":\"b\"", nil), ("{\"a\" \"b\"}", nil),
            ("{\"a\":\"\\ud83d\"}", nil), ("{\"a\":\"\\x\"}", nil), ("{\"a\":\"b\",\"a\":\"c\"}", nil), ("{\"a\":\"\n\"}", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(StringMapJSON.decode(text), expected, text)
            if let expected { XCTAssertEqual(reference(text), expected, text) }
        }
    }
}
