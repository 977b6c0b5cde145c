import XCTest
@testable import OCR

/// Column-aware reading order on synthetic word boxes and on `pdftotext -layout` text.
final class ReadingOrderTests: XCTestCase {
    typealias Box = ReadingOrder.Box

    /// A line of words: (x0, x1) pairs at row y (height 30).
    func line(_ y: Int, _ xs: [(Int, Int)]) -> [Box] { xs.map { Box(x0: $0.0, y0: y, x1: $0.1, y1: y + 30) } }

    func order(_ lines: [[Box]]) -> [[Int]] {
        // Encode each output piece as [line, item, item …].
        ReadingOrder.arrange(lines, columnGap: { 3 * $0 }, lineSlack: { 2 * $0 }).map { [$0.line] + $0.items }
    }

    func testTable() {
        let cases: [(name: String, lines: [[Box]], expected: [[Int]])] = [
            ("body lines stay as they are",
             [line(0, [(0, 100), (110, 200), (210, 400)]), line(40, [(0, 150), (160, 300)])],
             [[0, 0, 1, 2], [1, 0, 1]]),
            ("two-column heading on shared lines: left column first",
             [line(0, [(50, 150), (160, 300), (700, 800), (810, 1000)]),
              line(40, [(60, 290), (720, 980)]),
              line(90, [(70, 280), (700, 1000)]),
              line(160, [(300, 700)])],
             [[0, 0, 1], [1, 0], [2, 0], [0, 2, 3], [1, 1], [2, 1], [3, 0]]),
            ("a lone right-column line before the band joins it",
             [line(0, [(700, 1000)]), line(0, [(50, 300)]), line(40, [(60, 290), (720, 980)])],
             [[1, 0], [2, 0], [0, 0], [2, 1]]),
            ("words out of x order are sorted",
             [line(0, [(110, 200), (0, 100)])],
             [[0, 1, 0]]),
            ("a line far below does not join the band",
             [line(0, [(50, 300), (700, 1000)]), line(400, [(50, 300)])],
             [[0, 0], [0, 1], [1, 0]]),
        ]
        for c in cases {
            XCTAssertEqual(order(c.lines), c.expected, c.name)
        }
    }

    func testLayoutTextColumnsComeOutOneAfterTheOther() {
        let layout = """
               ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
               HUYỆN KRÔNG PẮC                   Độc lập - Tự do - Hạnh phúc

              Số: 1605/QĐ-UBND            Krông Pắc, ngày 15 tháng 02 năm 2012

                                   QUYẾT ĐỊNH
          Căn cứ Luật Đất đai ngày 26 tháng 11 năm 2003;
        \u{0C}
        """
        XCTAssertEqual(ReadingOrder.arrangeLayoutText(layout), """
        ỦY BAN NHÂN DÂN
        HUYỆN KRÔNG PẮC
        Số: 1605/QĐ-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Krông Pắc, ngày 15 tháng 02 năm 2012
        QUYẾT ĐỊNH
        Căn cứ Luật Đất đai ngày 26 tháng 11 năm 2003;
        """)
    }

    /// Boxes go back through scale, deskew and quarter turns to the original image.
    func testTransformRoundTrip() {
        let w = 1000, h = 600
        // Forward maps matching Transform.Step semantics.
        var t = Transform()
        t.steps = [.rotateOrth(quads: 1, width: w, height: h), .scale(1.5, 1.5)]
        // Original point (100, 50) → rotate 90° clockwise: (h − y, x) = (550, 100) → scale: (825, 150).
        let (x, y) = t.toOriginal(825, 150)
        XCTAssertEqual(x, 100, accuracy: 1e-9)
        XCTAssertEqual(y, 50, accuracy: 1e-9)
        var t2 = Transform()
        t2.steps = [.rotateOrth(quads: 2, width: w, height: h)]
        let (x2, y2) = t2.toOriginal(900, 550)
        XCTAssertEqual(x2, 100, accuracy: 1e-9)
        XCTAssertEqual(y2, 50, accuracy: 1e-9)
        var t3 = Transform()
        t3.steps = [.rotateOrth(quads: 3, width: w, height: h)]
        // forward: (y, w − x) = (50, 900)
        let (x3, y3) = t3.toOriginal(50, 900)
        XCTAssertEqual(x3, 100, accuracy: 1e-9)
        XCTAssertEqual(y3, 50, accuracy: 1e-9)
    }
}
