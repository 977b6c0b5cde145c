import XCTest
@testable import VietText

final class NormalizerTests: XCTestCase {
    func testToneAndFold() {
        let cases: [(String, String, String)] = [
            ("Hoà", "hòa", "hoa"), ("thuý", "thúy", "thuy"), ("khoẻ", "khỏe", "khoe"),
            ("Quyết định", "quyết định", "quyet dinh"), ("ĐẤT", "đất", "dat"), ("hoàng", "hoàng", "hoang"),
        ]
        for (input, norm, folded) in cases {
            XCTAssertEqual(VietNormalizer.normalize(input), norm, input)
            XCTAssertEqual(VietNormalizer.fold(input), folded, input)
        }
    }
}
