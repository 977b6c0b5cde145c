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
            ("the right column given as a block before the left one (Tesseract's blocks on a typewritten page)",
             [row(0, [(1100, 1500)]), row(62, [(900, 2200)]), row(124, [(1000, 2100)]), row(186, [(1050, 2150)]),
              row(0, [(250, 650)]), row(62, [(300, 600)]), row(124, [(280, 620)]),
              row(300, [(900, 1300)])],
             [[4, 0], [5, 0], [6, 0], [0, 0], [1, 0], [2, 0], [3, 0], [7, 0]]),
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

    /// A photocopy's streak down a heading's gutter, read as a speck on every line (`:`, `` ` ``, `ị`, `h`) and as
    /// lines of its own (`Ị +`, `— ,`, `‡`), and a word's box made tall by it (`NAM`): the heading is still read left column
    /// first (boxes from the bench's photocopied page H99.01.02.2027.001.56, page 2, with a narrower gutter in the
    /// second row and a fourth line on the left; `*`: dropped by the corrector).
    func testSpecksOfAStreakDoNotPartTheHeading() {
        let page = [
            "Ị*@521,132,525,147 +*@654,142,661,150",
            "HUYỆN@101,148,209,184 ỦY@215,139,253,188 EA@268,146,306,182 H'LEO@311,154,410,178 :*@521,148,525,156 '*@697,143,702,147 Mẫu@803,149,870,178 số@878,152,907,178 02/ĐK@918,152,1008,182",
            "—*@380,189,700,193 ,*@820,190,824,194",
            "BAN@145,195,212,219 TỔ@221,185,264,219 CHỨC@275,188,366,219 `*@400,185,411,226 CỘNG@450,188,542,225 HÒA@551,188,624,224 XÃ@633,188,679,227 HỘI@688,188,749,224" +
                " CHỦ@758,186,826,219 NGHĨA@836,188,945,229 VIỆT@953,181,1028,233 NAM@1038,150,1108,233",
            "Số:@143,232,183,259 187/BTC-HU@196,226,369,262 ',*@520,228,579,267 Độc@687,232,745,265 lập@754,234,802,266",
            ",*@365,281,370,286 ị*@521,269,526,308 Ea@635,275,673,299 H'leo,@681,274,761,303 ngày@771,274,841,307",
            "V/v@150,312,200,340 giao@210,312,260,340 h*@520,312,526,351 (Bản@832,312,898,349 số@908,312,941,340 3)@947,315,975,342",
            "‡*@521,350,526,365",
            "THÔNG@518,385,661,425 BÁO@669,364,742,421",
        ].map { line in line.split(separator: " ").map { word -> (String, Box) in
            let parts = word.split(separator: "@"), n = parts[1].split(separator: ",").map { Int($0)! }
            return (String(parts[0]), Box(x0: n[0], y0: n[1], x1: n[2], y1: n[3]))
        } }
        func read(_ specks: Bool) -> [String] {
            ReadingOrder.arrange(page.map { $0.map(\.1) }, columnGap: { max(3 * $0, 12) }, confirmedGap: { max($0 * 6 / 5, 10) },
                                 lineSlack: { 2 * $0 + 4 }, ignorable: { specks && page[$0][$1].0.hasSuffix("*") })
                .map { piece in piece.items.map { page[piece.line][$0].0 }.filter { !$0.hasSuffix("*") }.joined(separator: " ") }
                .filter { !$0.isEmpty }
        }
        XCTAssertEqual(read(true), ["HUYỆN ỦY EA H'LEO", "BAN TỔ CHỨC", "Số: 187/BTC-HU", "V/v giao", "Mẫu số 02/ĐK",
                                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "Độc lập", "Ea H'leo, ngày", "(Bản số 3)", "THÔNG BÁO"])
        XCTAssertNotEqual(read(false), read(true), "the specks taken for words part the heading row by row")
    }

    /// A seal over the signature read as one tall speck (`` ` ``, a line of its own beside the recipients' list): it
    /// takes no line into its row (sample delivery H49.64.33.2016.003.2, page 2).
    func testASealReadAsOneSpeckTakesNoLineIntoItsRow() {
        let lines = [[Box(x0: 375, y0: 272, x1: 466, y1: 312), Box(x0: 482, y0: 273, x1: 629, y1: 323)],   // Nơi nhận:
                     [Box(x0: 1621, y0: 279, x1: 1737, y1: 365), Box(x0: 1772, y0: 281, x1: 1909, y1: 349)], // CHỦ TỊCH
                     [Box(x0: 1374, y0: 292, x1: 1741, y1: 451)],                                              // `
                     [Box(x0: 376, y0: 353, x1: 389, y1: 357), Box(x0: 403, y0: 333, x1: 658, y1: 378)],     // - Như Điều 2;
                     [Box(x0: 374, y0: 451, x1: 387, y1: 473), Box(x0: 401, y0: 451, x1: 662, y1: 493)],     // - Lưu: VT, NV.
                     [Box(x0: 1568, y0: 716, x1: 1970, y1: 766)]]                                              // Lê Minh Tuấn
        let order = ReadingOrder.arrange(lines, columnGap: { max(3 * $0, 12) }, confirmedGap: { max($0 * 6 / 5, 10) },
                                         lineSlack: { 2 * $0 + 4 }, ignorable: { line, _ in line == 2 })
            .map(\.line).filter { $0 != 2 }
        XCTAssertEqual(order, [0, 3, 4, 1, 5])
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
