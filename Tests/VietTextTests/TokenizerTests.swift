import XCTest
@testable import VietText

final class TokenizerTests: XCTestCase {
    /// Tokens rendered "text@position", compounds marked "text@position*".
    static func render(_ s: String) -> [String] {
        Tokenizer.tokens(s).map { "\($0.text)@\($0.position)\($0.kind == .compound ? "*" : "")" }
    }

    static let table: [(String, [String])] = [
        ("Quyết định số 1605/QĐ-UBND", ["quyết@0", "định@1", "số@2", "1605/qđ-ubnd@3*", "1605@3", "qđ@4", "ubnd@5"]),
        ("Số: 43/2014/NĐ-CP.", ["số@0", "43/2014/nđ-cp@1*", "43@1", "2014@2", "nđ@3", "cp@4"]),
        ("325/TTr-TNMT; 12/BC-TTr", ["325/ttr-tnmt@0*", "325@0", "ttr@1", "tnmt@2", "12/bc-ttr@3*", "12@3", "bc@4", "ttr@5"]),
        ("bà H'Hen Niê, Cư M’gar", ["bà@0", "h'hen@1", "niê@2", "cư@3", "m'gar@4"]),
        ("Y Bih Niê, Ea H'leo", ["y@0", "bih@1", "niê@2", "ea@3", "h'leo@4"]),
        ("ngày 15/02/2012", ["ngày@0", "15/02/2012@1*", "15@1", "02@2", "2012@3"]),
        ("ngày 15.02.2012.", ["ngày@0", "15.02.2012@1*", "15@1", "02@2", "2012@3"]),
        ("số tiền 1.500.000 đồng", ["số@0", "tiền@1", "1.500.000@2", "đồng@3"]),
        ("hồ sơ H49.64.33.2001.160", ["hồ@0", "sơ@1", "h49.64.33.2001.160@2*", "h49@2", "64@3", "33@4", "2001@5", "160@6"]),
        ("Độc lập - Tự do - Hạnh phúc", ["độc@0", "lập@1", "tự@2", "do@3", "hạnh@4", "phúc@5"]),
        ("Điều 1. Nay quyết định", ["điều@0", "1@1", "nay@2", "quyết@3", "định@4"]),
        ("TP.HCM, v.v.", ["tp@0", "hcm@1", "v@2", "v@3"]),
        ("người Ê-đê", ["người@0", "ê-đê@1*", "ê@1", "đê@2"]),
        ("  'trích' (ghi chú) -- UBND- ", ["trích@0", "ghi@1", "chú@2", "ubnd@3"]),
        ("diện tích 120 m², hoà", ["diện@0", "tích@1", "120@2", "m@3", "hòa@4"]),
        ("", []),
        ("... --- ///", []),
    ]

    func testTable() {
        for (input, expected) in Self.table {
            XCTAssertEqual(Self.render(input), expected, input)
            // NFD input gives the same tokens.
            XCTAssertEqual(Self.render(input.decomposedStringWithCanonicalMapping), expected, "NFD " + input)
        }
    }

    func testRangesAreInTheOriginalString() {
        for input in ["Quyết định số 1605/QĐ-UBND của UBND huyện Cư M’gar",
                      "Quyết định số 1605/QĐ-UBND của UBND huyện Cư M’gar".decomposedStringWithCanonicalMapping] {
            for t in Tokenizer.tokens(input) {
                XCTAssertEqual(VietNormalizer.normalize(String(input[t.range])), t.text)
                XCTAssertEqual(VietNormalizer.fold(String(input[t.range])), t.folded)
            }
        }
    }

    func testPositionsAreConsecutive() {
        let toks = Tokenizer.tokens("Số 1605/QĐ-UBND ngày 15/02/2012 về thửa đất số 305").filter(\.isPositional)
        XCTAssertEqual(toks.map(\.position), Array(0..<toks.count))
    }
}
