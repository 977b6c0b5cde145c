import XCTest
@testable import Catalogue

final class CSVReaderTests: XCTestCase {
    struct Case { var name: String; var input: [UInt8]; var records: [CSVRecord]; var problemLines: [Int] }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func r(_ line: Int, _ fields: String...) -> CSVRecord { CSVRecord(line: line, fields: fields) }

    static let cases: [Case] = [
        Case(name: "plain LF", input: bytes("Mã hồ sơ,Tiêu đề hồ sơ\nH49.1,Hồ sơ đất đai\n"),
             records: [r(1, "Mã hồ sơ", "Tiêu đề hồ sơ"), r(2, "H49.1", "Hồ sơ đất đai")], problemLines: []),
        Case(name: "CRLF, no final newline", input: bytes("a,b\r\nQuyết định,Tờ trình"),
             records: [r(1, "a", "b"), r(2, "Quyết định", "Tờ trình")], problemLines: []),
        Case(name: "UTF-8 BOM", input: [0xEF, 0xBB, 0xBF] + bytes("Mã hồ sơ,Tệp\r\nH49.1,a.pdf\r\n"),
             records: [r(1, "Mã hồ sơ", "Tệp"), r(2, "H49.1", "a.pdf")], problemLines: []),
        Case(name: "quoted comma", input: bytes("x,\"Về việc thu hồi đất, bồi thường\",y\n"),
             records: [r(1, "x", "Về việc thu hồi đất, bồi thường", "y")], problemLines: []),
        Case(name: "doubled quotes", input: bytes("\"Dự án \"\"Đường Hồ Chí Minh\"\"\",2\n"),
             records: [r(1, "Dự án \"Đường Hồ Chí Minh\"", "2")], problemLines: []),
        Case(name: "embedded LF keeps line numbers", input: bytes("a,\"dòng một\ndòng hai\"\nb,c\n"),
             records: [r(1, "a", "dòng một\ndòng hai"), r(3, "b", "c")], problemLines: []),
        Case(name: "embedded CRLF becomes LF", input: bytes("\"Nơi nhận:\r\n- Như trên\",x\r\ny,z\r\n"),
             records: [r(1, "Nơi nhận:\n- Như trên", "x"), r(3, "y", "z")], problemLines: []),
        Case(name: "empty fields and trailing comma", input: bytes("a,,c\n,\nd,"),
             records: [r(1, "a", "", "c"), r(2, "", ""), r(3, "d", "")], problemLines: []),
        Case(name: "blank lines skipped", input: bytes("a\n\n\r\nb\n"),
             records: [r(1, "a"), r(4, "b")], problemLines: []),
        Case(name: "lone CR line ends", input: bytes("a,b\rc,d\r"),
             records: [r(1, "a", "b"), r(2, "c", "d")], problemLines: []),
        Case(name: "empty quoted field", input: bytes("\"\",\"x\"\n"),
             records: [r(1, "", "x")], problemLines: []),
        Case(name: "stray quote in unquoted field", input: bytes("a,b\nCư M\"gar,1\nEa H'leo,2\n"),
             records: [r(1, "a", "b"), r(3, "Ea H'leo", "2")], problemLines: [2]),
        Case(name: "text after closing quote", input: bytes("\"Krông\" Pắc,1\nok,2\n"),
             records: [r(2, "ok", "2")], problemLines: [1]),
        Case(name: "unterminated quote resumes on the next line", input: bytes("a,b\nx,\"không đóng\ny,1\nz,2\n"),
             records: [r(1, "a", "b"), r(3, "y", "1"), r(4, "z", "2")], problemLines: [2]),
        Case(name: "invalid UTF-8 row", input: bytes("a,b\n") + [0x48, 0xE0, 0x2C, 0x31, 0x0A] + bytes("ok,2\n"),
             records: [r(1, "a", "b"), r(3, "ok", "2")], problemLines: [2]),
        Case(name: "apostrophes are ordinary", input: bytes("H'Hen Niê,Y Bih Niê\n"),
             records: [r(1, "H'Hen Niê", "Y Bih Niê")], problemLines: []),
    ]

    func testTable() {
        for c in Self.cases {
            let (records, problems) = CSVReader.parse(Data(c.input))
            XCTAssertEqual(records, c.records, c.name)
            XCTAssertEqual(problems.map(\.line), c.problemLines, c.name)
            for p in problems { XCTAssertTrue(p.reason.hasPrefix("dòng"), c.name) }
        }
    }

    func testUTF16WithBOM() {
        let text = "Mã hồ sơ,Tiêu đề hồ sơ\r\nH49.1,Hồ sơ Ủy ban nhân dân\r\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian) ?? Data())
        let (records, problems) = CSVReader.parse(data)
        XCTAssertEqual(records, [Self.r(1, "Mã hồ sơ", "Tiêu đề hồ sơ"), Self.r(2, "H49.1", "Hồ sơ Ủy ban nhân dân")])
        XCTAssertEqual(problems, [])
    }

    func testEmptyInput() {
        XCTAssertEqual(CSVReader.parse(Data()).records, [])
        XCTAssertEqual(CSVReader.parse(Data([0xEF, 0xBB, 0xBF])).records, [])
    }
}
