import XCTest
@testable import Catalogue

final class ValueTests: XCTestCase {
    func testDateParsing() {
        let table: [(String, ArchiveDateValue?, String?, String?)] = [
            // input, expected, sortKey, display
            ("15/02/2012", ArchiveDateValue(year: 2012, month: 2, day: 15), "20120215", "15/02/2012"),
            ("5/2/2012", ArchiveDateValue(year: 2012, month: 2, day: 5), "20120205", "05/02/2012"),
            (" 01/07/2025 ", ArchiveDateValue(year: 2025, month: 7, day: 1), "20250701", "01/07/2025"),
            ("02/2012", ArchiveDateValue(year: 2012, month: 2), "20120200", "02/2012"),
            ("2/2012", ArchiveDateValue(year: 2012, month: 2), "20120200", "02/2012"),
            ("1975", ArchiveDateValue(year: 1975), "19750000", "1975"),
            ("29/02/2012", ArchiveDateValue(year: 2012, month: 2, day: 29), "20120229", "29/02/2012"),
            ("29/02/2000", ArchiveDateValue(year: 2000, month: 2, day: 29), "20000229", "29/02/2000"),
            ("15-02-2012", ArchiveDateValue(year: 2012, month: 2, day: 15), "20120215", "15/02/2012"),
            ("15.02.2012", ArchiveDateValue(year: 2012, month: 2, day: 15), "20120215", "15/02/2012"),
            ("2012-02-15", ArchiveDateValue(year: 2012, month: 2, day: 15), "20120215", "15/02/2012"),
            ("31/02/2012", nil, nil, nil),
            ("29/02/2013", nil, nil, nil),
            ("29/02/1900", nil, nil, nil),
            ("31/04/2012", nil, nil, nil),
            ("00/01/2012", nil, nil, nil),
            ("13/2012", nil, nil, nil),
            ("15/02/12", nil, nil, nil),
            ("12", nil, nil, nil),
            ("", nil, nil, nil),
            ("ngày 15 tháng 02 năm 2012", nil, nil, nil),
            ("15/02-2012", nil, nil, nil),
            ("15//2012", nil, nil, nil),
            ("2012/02/15", nil, nil, nil),
            ("１５/02/2012", nil, nil, nil), // full-width digits
        ]
        for (input, expected, key, display) in table {
            let d = ArchiveDateValue.parse(input)
            XCTAssertEqual(d, expected, input)
            XCTAssertEqual(d?.sortKey, key, input)
            XCTAssertEqual(d?.display, display, input)
            if let d { XCTAssertEqual(ArchiveDateValue(sortKey: d.sortKey), d, input) }
        }
        // Stored sort keys read back, and what is not one refused.
        let keys: [(String, ArchiveDateValue?)] = [
            ("20120215", ArchiveDateValue(year: 2012, month: 2, day: 15)), ("20120200", ArchiveDateValue(year: 2012, month: 2)),
            ("19750000", ArchiveDateValue(year: 1975)), ("20120015", nil), ("20121315", nil), ("20120231", nil),
            ("2012021", nil), ("201202150", nil), ("2012-2-15", nil), ("", nil), ("٢٠١٢٠٢١٥", nil), ("２０１２０２１５", nil),
            ("2012021a", nil), (" 20120215", nil),
        ]
        for (key, expected) in keys { XCTAssertEqual(ArchiveDateValue(sortKey: key), expected, key) }
        XCTAssertNotNil(ArchiveDateValue(year: 2012, month: 2, day: 15))
        XCTAssertNil(ArchiveDateValue(year: 2012, month: nil, day: 15))
        XCTAssertTrue(ArchiveDateValue.parse("2011")! < ArchiveDateValue.parse("01/01/2012")!)
        XCTAssertTrue(ArchiveDateValue.parse("2012")! < ArchiveDateValue.parse("01/2012")!)
    }

    func testAccessParsing() {
        let table: [(String, AccessLevel?)] = [
            ("Công khai", .open), ("công khai", .open), ("CÔNG KHAI", .open), ("cong khai", .open),
            ("01", .open), ("1", .open), (" 01 ", .open), ("01 - Công khai", .open), ("01. Công khai", .open),
            ("Công  khai", .open), ("Công khai".decomposedStringWithCanonicalMapping, .open),
            ("Sử dụng có điều kiện", .conditional), ("SỬ DỤNG CÓ ĐIỀU KIỆN", .conditional),
            ("su dung co dieu kien", .conditional), ("02", .conditional), ("2", .conditional),
            ("Hạn chế", .conditional), ("02 - Sử dụng có điều kiện", .conditional),
            ("Mật", .secret), ("mật", .secret), ("MAT", .secret), ("03", .secret), ("3", .secret),
            ("", nil), ("04", nil), ("0", nil), ("Tối mật", nil), ("Tuyệt mật", nil), ("001", nil),
            ("01 - Mật", nil), ("Công khai (01)", .open), ("Mật (03)", .secret), ("Mật (01)", nil), ("công khai một phần", nil), ("x", nil),
        ]
        for (input, expected) in table { XCTAssertEqual(AccessLevel.parse(input), expected, input) }
        XCTAssertEqual(AccessLevel.allCases.map(\.label), ["Công khai", "Sử dụng có điều kiện", "Mật"])
        for level in AccessLevel.allCases {
            XCTAssertEqual(AccessLevel.parse(level.label), level)
            XCTAssertEqual(AccessLevel.parse(level.code), level)
        }
    }

    func testRoles() {
        let table: [(Role, [AccessLevel])] = [
            (.public, [.open]), (.staff, [.open, .conditional]), (.secret, [.open, .conditional, .secret]),
        ]
        for (role, visible) in table {
            XCTAssertEqual(role.visibleLevels, visible, role.rawValue)
            for level in AccessLevel.allCases { XCTAssertEqual(role.canSee(level), visible.contains(level), "\(role) \(level)") }
        }
        XCTAssertEqual(Role(rawValue: "staff"), .staff)
        XCTAssertNil(Role(rawValue: "admin"))
    }

    func testColumnMatching() {
        let f = Column.fileColumns, d = Column.documentColumns
        let table: [(String, [String], String?)] = [
            ("Mã hồ sơ", f, "Mã hồ sơ"), ("MA HO SO", f, "Mã hồ sơ"), ("ma_ho_so", f, "Mã hồ sơ"),
            ("  Mã Hồ Sơ ", f, "Mã hồ sơ"), ("Mã hồ sơ".decomposedStringWithCanonicalMapping, f, "Mã hồ sơ"),
            ("MÃ_HỒ_SƠ", f, "Mã hồ sơ"), ("mahoso", f, "Mã hồ sơ"),
            ("Thời hạn lưu trữ", f, "Thời hạn lưu trữ"), ("Thời hạn bảo quản", f, "Thời hạn lưu trữ"),
            ("THOI_HAN_BAO_QUAN", f, "Thời hạn lưu trữ"),
            ("Mã hồ sơ gốc giấy", f, "Mã hồ sơ gốc giấy"), ("Tên phông", f, "Tên phông"), ("ĐTên phông", f, nil),
            ("Từ khoá", f, "Từ khóa"), ("tu khoa", f, "Từ khóa"),
            ("Tên loại văn bản", f, nil), ("Người lập", f, nil), ("", f, nil),
            ("Số thứ tự", d, "Số thứ tự"), ("so_thu_tu", d, "Số thứ tự"), ("STT", d, "Số thứ tự"),
            ("Số", d, "Số"), ("SO", d, "Số"), ("Ký hiệu", d, "Ký hiệu"), ("Ký hiệu thông tin", d, "Ký hiệu thông tin"),
            ("Tệp", d, "Tệp"), ("TEP", d, "Tệp"), ("tệp", d, "Tệp"), ("Ngày văn bản", d, "Ngày văn bản"),
            ("ngay_van_ban", d, "Ngày văn bản"), ("Trích yếu nội dung", d, "Trích yếu nội dung"),
            ("Người ký", d, "Người ký"), ("Bút tích", d, "Bút tích"), ("Cơ quan ban hành", d, "Cơ quan ban hành"),
            ("Tiêu đề hồ sơ", d, nil), ("Tên phông", d, nil), ("Số trang gốc", d, nil),
        ]
        for (header, known, expected) in table {
            XCTAssertEqual(Column.canonical(header, among: known), expected, header)
        }
    }

    func testDocumentTitleAndNumberSymbol() {
        func doc(type: String?, number: String?, symbol: String?, summary: String?) -> Document {
            Document(fileID: "H49.64.33.2001.160", ordinal: 3, path: "a.pdf", type: type, number: number, symbol: symbol,
                     summary: summary, access: .open)
        }
        let table: [(Document, String?, String)] = [
            (doc(type: "Quyết định", number: "1605", symbol: "QĐ-UBND", summary: "Về việc thu hồi đất"),
             "1605/QĐ-UBND", "Quyết định số 1605/QĐ-UBND: Về việc thu hồi đất"),
            (doc(type: "Tờ trình", number: "325", symbol: "/TTr-TNMT", summary: nil), "325/TTr-TNMT", "Tờ trình số 325/TTr-TNMT"),
            (doc(type: nil, number: "43/2014/NĐ-CP", symbol: nil, summary: "Quy định chi tiết thi hành Luật Đất đai"),
             "43/2014/NĐ-CP", "Số 43/2014/NĐ-CP: Quy định chi tiết thi hành Luật Đất đai"),
            (doc(type: "Nghị định", number: "43/2014/NĐ-CP", symbol: "NĐ-CP", summary: nil), "43/2014/NĐ-CP", "Nghị định số 43/2014/NĐ-CP"),
            (doc(type: "Báo cáo", number: nil, symbol: "BC-TTr", summary: "Kết quả tiếp công dân"),
             "BC-TTr", "Báo cáo số BC-TTr: Kết quả tiếp công dân"),
            (doc(type: "Biên bản", number: nil, symbol: nil, summary: "Họp dân"), nil, "Biên bản: Họp dân"),
            (doc(type: nil, number: nil, symbol: nil, summary: "Danh sách hộ ông/bà bị ảnh hưởng"), nil, "Danh sách hộ ông/bà bị ảnh hưởng"),
            (doc(type: nil, number: nil, symbol: nil, summary: nil), nil, "Tài liệu H49.64.33.2001.160.3"),
        ]
        for (d, ns, title) in table {
            XCTAssertEqual(d.numberSymbol, ns, title)
            XCTAssertEqual(d.title, title)
        }
        XCTAssertEqual(doc(type: nil, number: nil, symbol: nil, summary: nil).id, "H49.64.33.2001.160.3")
    }

    /// Số and Ký hiệu trimmed without Foundation when nothing is to be trimmed: the same as Foundation always.
    func testTrimmingAgreesWithFoundation() {
        let cells = ["", " ", "1605", " 1605 ", "QĐ-UBND/", "/QĐ-UBND", "\t05\u{00A0}", "\u{3000}12", "12\n", "\n12", "/", "//", "a/b",
                     "\u{2003}BC-TTr\u{2003}", "Đ", "\u{85}x", "x\u{2028}"]
        for cell in cells {
            for slash in [false, true] {
                let set = slash ? CharacterSet.whitespaces.union(CharacterSet(charactersIn: "/")) : CharacterSet.whitespaces
                let expected = cell.trimmingCharacters(in: set)
                XCTAssertEqual(Document.trimmed(cell, slash: slash), expected.isEmpty ? nil : expected, cell.debugDescription)
            }
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
                XCTAssertEqual(Document.trimming(cell, set), cell.trimmingCharacters(in: set), cell.debugDescription)
            }
        }
    }

    func testSHA256KnownVectors() {
        let table: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ]
        for (input, hex) in table { XCTAssertEqual(SHA256.hex(Data(input.utf8)), hex, input) }
        // One million "a", fed in uneven chunks.
        var h = SHA256()
        let chunk = Data(repeating: 0x61, count: 999)
        var fed = 0
        while fed < 1_000_000 { let n = min(999, 1_000_000 - fed); h.update(chunk.prefix(n)); fed += n }
        XCTAssertEqual(SHA256.hexString(h.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256OfFile() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("quyết định.txt")
        let content = Data(String(repeating: "Cộng hòa xã hội chủ nghĩa Việt Nam\n", count: 50_000).utf8)
        try content.write(to: url)
        XCTAssertEqual(try SHA256.hex(fileAt: url), SHA256.hex(content))
        XCTAssertThrowsError(try SHA256.hex(fileAt: dir.url.appendingPathComponent("không có.pdf")))
        XCTAssertNotEqual(Page.sourceHash(scanHash: "abc", page: 1), Page.sourceHash(scanHash: "abc", page: 2))
    }

    func testWordCodecRoundTrip() throws {
        let words = [
            StoredWord(text: "CỘNG", x: 812, y: 96, width: 120, height: 34, confidence: 96.25),
            StoredWord(text: "Krông", x: 0, y: 0, width: 1, height: 1, confidence: 0),
            StoredWord(text: "H'Hen", x: -3, y: 70000, width: 2_000_000, height: 5, confidence: 33.333333333333336),
            StoredWord(text: "", x: 1, y: 2, width: 3, height: 4, confidence: 100),
        ]
        let data = WordCodec.encode(words)
        XCTAssertEqual(try WordCodec.decode(data), words)
        XCTAssertEqual(try WordCodec.decode(WordCodec.encode([])), [])
        XCTAssertThrowsError(try WordCodec.decode(data.dropLast()))
        XCTAssertThrowsError(try WordCodec.decode(Data([9, 0])))
        XCTAssertThrowsError(try WordCodec.decode(Data()))
        XCTAssertLessThan(data.count, 100)
    }

    func testProblemDescription() {
        let p = ImportProblem(file: "tai_lieu.csv", row: 5, column: "Ngày văn bản", reason: "ngày “31/02/2012” không hợp lệ")
        XCTAssertEqual(p.description, "tai_lieu.csv, dòng 5, cột “Ngày văn bản”: ngày “31/02/2012” không hợp lệ")
        XCTAssertEqual(ImportProblem(file: "a.pdf", reason: "hỏng").description, "a.pdf: hỏng")
    }
}

/// A temporary folder removed at the end of the test.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

final class FieldCodeTests: XCTestCase {
    func testCodesAndLabels() {
        let r = FieldCode.retention
        let codes: [(String, [String: String], String?)] = [
            ("Vĩnh viễn", r, "01"), ("VĨNH VIỄN", r, "01"), ("vinh vien", r, "01"), ("01", r, "01"), ("1", r, "01"),
            ("70 năm", r, "02"), ("70 NAM", r, "02"), ("02 - 70 năm", r, "02"), ("10 năm", r, "06"), ("07", r, "07"),
            ("08", r, nil), ("15 năm", r, nil), ("", r, nil), ("01 - 70 năm", r, nil),
            ("Số hóa", FieldCode.reliability, "02"), ("so hoa", FieldCode.reliability, "02"),
            ("Hỏng", FieldCode.physicalState, "03"), ("Hán Nôm", FieldCode.language, "09"), ("11", FieldCode.language, "11"),
        ]
        for (cell, table, expected) in codes { XCTAssertEqual(FieldCode.code(cell, in: table), expected, cell) }

        let labels: [(String, [String: String], String)] = [
            ("01", r, "Vĩnh viễn"), ("2", r, "70 năm"), ("Vĩnh viễn", r, "Vĩnh viễn"), ("theo quy định", r, "theo quy định"),
            ("01, 09", FieldCode.language, "Tiếng Việt, Hán Nôm"), ("01; 05", FieldCode.language, "01; 05"),
            ("02", FieldCode.physicalState, "Bình thường"),
        ]
        for (cell, table, expected) in labels { XCTAssertEqual(FieldCode.label(cell, in: table), expected, cell) }

        XCTAssertEqual(ArchiveFile(id: "H1", title: "Hồ sơ", retention: "70 năm").retentionCode, "02")
        XCTAssertNil(ArchiveFile(id: "H1", title: "Hồ sơ").retentionCode)
        XCTAssertEqual(FieldCode.table(forColumn: "Thời hạn lưu trữ"), r)
        XCTAssertNil(FieldCode.table(forColumn: "Ghi chú"))
    }
}
