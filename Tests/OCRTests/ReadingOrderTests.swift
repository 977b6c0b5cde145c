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

    /// Words of a 300 dpi line 50 px tall: (x0, x1) pairs at row y.
    func row(_ y: Int, _ xs: [(Int, Int)]) -> [Box] { xs.map { Box(x0: $0.0, y0: y, x1: $0.1, y1: y + 50) } }

    /// The order with the engine's thresholds (TesseractEngine).
    func engineOrder(_ lines: [[Box]]) -> [[Int]] {
        ReadingOrder.arrange(lines, columnGap: { max(3 * $0, 12) }, confirmedGap: { max($0 * 6 / 5, 10) },
                             lineSlack: { 2 * $0 + 4 }).map { [$0.line] + $0.items }
    }

    /// Layouts the samples script does not make: gutters narrower than the one-line threshold (3 × height), other
    /// margins and column widths, three lines on one side and five on the other, columns given as separate lines.
    func testHeadingsFromTheirOwnLayout() {
        let cases: [(name: String, lines: [[Box]], expected: [[Int]])] = [
            ("three left, five right, gutter 1.6 × height, both columns on shared lines",
             [row(0, [(200, 420), (435, 700), (1080, 1300), (1315, 1500)]),      // UBND TỈNH | Mẫu số 04a/ĐK
              row(62, [(180, 520), (535, 1000), (1080, 1600), (1615, 2300)]),    // SỞ TÀI NGUYÊN … | CỘNG HÒA …
              row(124, [(300, 450), (465, 800), (1300, 1700), (1715, 2100)]),    // Số: 215/… | Độc lập …
              row(186, [(1250, 1800), (1815, 2150)]),                             // place, date
              row(248, [(1500, 1900)]),                                           // (Bản số 2)
              row(340, [(1000, 1400)]),                                           // the title, across the gutter
              row(420, [(250, 900), (915, 1500), (1515, 2300)])],                 // body
             [[0, 0, 1], [1, 0, 1], [2, 0, 1], [0, 2, 3], [1, 2, 3], [2, 2, 3], [3, 0, 1], [4, 0], [5, 0], [6, 0, 1, 2]]),
            ("the columns given as separate lines in turn",
             [row(0, [(200, 700)]), row(0, [(1100, 2200)]),
              row(62, [(250, 650)]), row(62, [(1200, 2100)]),
              row(124, [(300, 600)]), row(124, [(1150, 2150)])],
             [[0, 0], [2, 0], [4, 0], [1, 0], [3, 0], [5, 0]]),
            ("a wide left column and a narrow right one, gutter 1.3 × height",
             [row(0, [(100, 700), (715, 1480)]) + row(0, [(1545, 2000)]),
              row(62, [(150, 1400), (1545, 1900)]),
              row(124, [(500, 900), (1600, 1850)])],
             [[0, 0, 1], [1, 0], [2, 0], [0, 2], [1, 1], [2, 1]]),
            ("five left (signature block's Nơi nhận), three right",
             [row(0, [(250, 500), (1500, 1700), (1715, 2000)]),
              row(62, [(250, 700), (1600, 2000)]),
              row(124, [(250, 650)]),
              row(186, [(250, 800)]),
              row(248, [(250, 600), (1550, 2050)])],
             [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [0, 1, 2], [1, 1], [4, 1]]),
            ("the first heading row read as one line across a gutter narrower than the confirmed gap",
             [row(0, [(200, 300), (315, 420), (435, 560), (575, 700), (715, 820), (835, 1000),       // SỞ XÂY … NÔNG
                      (1040, 1200), (1215, 1330), (1345, 1420), (1435, 1540), (1555, 1660), (1675, 1800), (1815, 1950)]),
              row(62, [(400, 520), (535, 600), (615, 700), (1150, 1300), (1315, 1400), (1415, 1500), (1515, 1600)]),
              row(124, [(350, 450), (465, 750), (1100, 1250), (1265, 1350), (1365, 1500)]),
              row(220, [(800, 1200)])],                                                             // the title
             [[0, 0, 1, 2, 3, 4, 5], [1, 0, 1, 2], [2, 0, 1], [0, 6, 7, 8, 9, 10, 11, 12], [1, 3, 4, 5, 6], [2, 2, 3, 4],
              [3, 0]]),
            ("a justified line above a signature band, its widest space not standing out: read as it is",
             [row(0, [(200, 500), (530, 800), (825, 1000), (1045, 1300), (1330, 1600), (1628, 1900)]),
              row(62, [(250, 600), (1500, 1900)]),
              row(124, [(250, 700), (1550, 1850)])],
             [[0, 0, 1, 2, 3, 4, 5], [1, 0], [2, 0], [1, 1], [2, 1]]),
            ("a line whose one wide gap is away from the band's gutter: read as it is",
             [row(0, [(200, 300), (315, 420), (480, 600), (615, 800), (815, 1000), (1015, 1300), (1315, 1600)]),
              row(62, [(250, 600), (1500, 1900)]),
              row(124, [(250, 700), (1550, 1850)])],
             [[0, 0, 1, 2, 3, 4, 5, 6], [1, 0], [2, 0], [1, 1], [2, 1]]),
            ("a table row of seven cells is read across",
             [row(0, [(100, 200), (300, 800), (900, 1100), (1200, 1400), (1500, 1700), (1800, 2000), (2100, 2300)]),
              row(62, [(100, 200), (300, 750), (900, 1050), (1200, 1350), (1500, 1750), (1800, 2050), (2100, 2250)])],
             [[0, 0, 1, 2, 3, 4, 5, 6], [1, 0, 1, 2, 3, 4, 5, 6]]),
            ("one wide space in a justified line, none in its neighbours: read as it is",
             [row(0, [(200, 900), (915, 1600), (1615, 2300)]),
              row(62, [(200, 1000), (1080, 1700), (1715, 2300)]),
              row(124, [(200, 1200), (1215, 2300)])],
             [[0, 0, 1, 2], [1, 0, 1, 2], [2, 0, 1]]),
        ]
        for c in cases {
            XCTAssertEqual(engineOrder(c.lines), c.expected, c.name)
        }
    }

    /// A speck read as `—` in the gutter of a heading row the engine read as one line: it does not close the gutter.
    func testSpeckInAGutterDoesNotCloseIt() {
        let lines = [row(0, [(200, 420), (435, 700), (735, 765), (800, 1000), (1015, 1200), (1215, 1500)]),   // HUYỆN ỦY — CỘNG HÒA XÃ
                     row(62, [(250, 650), (1100, 1400), (1415, 1800)]),                                     // BAN TỔ CHỨC | Độc lập …
                     row(124, [(300, 600)])]                                                                // Số: 442/BTC-HU
        let specks: Set<[Int]> = [[0, 2]]
        let order = ReadingOrder.arrange(lines, columnGap: { max(3 * $0, 12) }, confirmedGap: { max($0 * 6 / 5, 10) },
                                         lineSlack: { 2 * $0 + 4 }, ignorable: { specks.contains([$0, $1]) })
            .map { [$0.line] + $0.items }
        XCTAssertEqual(order, [[0, 0, 1], [1, 0], [2, 0], [0, 2, 3, 4, 5], [1, 1, 2]])
        // Without knowing the speck, the row is one line across and the heading is read row by row.
        XCTAssertEqual(engineOrder(lines).first, [0, 0, 1, 2, 3, 4, 5])
        XCTAssertTrue(TesseractEngine.isSpeck("—", confidence: 31))
        XCTAssertFalse(TesseractEngine.isSpeck("-", confidence: 92), "a dash read with confidence is a word")
        XCTAssertFalse(TesseractEngine.isSpeck("Số:", confidence: 20))
    }

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
