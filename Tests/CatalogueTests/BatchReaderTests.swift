import XCTest
@testable import Catalogue

final class BatchReaderTests: XCTestCase {
    /// A good batch, written the way a contractor's spreadsheet exports it: BOM, CRLF, quoted commas,
    /// an alias column, an extra column, NFD in one header.
    func makeGoodBatch() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "\u{FEFF}" + [
            "MÃ HỒ SƠ,Tiêu đề hồ sơ,Thời hạn bảo quản,Chế độ sử dụng,Thời gian bắt đầu,Thời gian kết thúc,Tên phông,Người lập",
            "H49.64.33.2001.160,\"Hồ sơ giải phóng mặt bằng dự án đường Hồ Chí Minh, đoạn qua huyện Krông Pắc\",Vĩnh viễn,01,15/02/2001,12/2001,UBND huyện Krông Pắc,Y Bih Niê",
            "H49.64.33.2012.7,Hồ sơ cấp giấy chứng nhận quyền sử dụng đất xã Ea H'leo,70 năm,,2012,2012,UBND huyện Ea H'leo,",
        ].joined(separator: "\r\n") + "\r\n")
        let tep = "Tệp".decomposedStringWithCanonicalMapping
        try dir.write("tai_lieu.csv", "\u{FEFF}" + [
            "ma_ho_so,so_thu_tu,\(tep),Tên loại văn bản,Số,Ký hiệu,Ngày văn bản,Cơ quan ban hành,Trích yếu nội dung,Người ký,Chế độ sử dụng,Số trang gốc",
            "H49.64.33.2001.160,1,scans/160/H49.64.33.2001.160.1.pdf,Quyết định,1605,QĐ-UBND,15/02/2001,UBND huyện Krông Pắc,\"Về việc thu hồi đất, bồi thường cho hộ ông Y Bih Niê\",Nguyễn Văn An,,3",
            "H49.64.33.2001.160,02,scans/160/H49.64.33.2001.160.2.pdf,Tờ trình,325,TTr-TNMT,03/2001,Phòng Tài nguyên và Môi trường,\"Đề nghị phê duyệt phương án\nbồi thường, hỗ trợ\",,Mật,",
            "H49.64.33.2012.7,1,scans\\7\\trang,Biên bản,,,2012,UBND xã Ea H'leo,Biên bản họp dân,H'Hen Niê,,",
        ].joined(separator: "\r\n"))
        try dir.write("scans/160/H49.64.33.2001.160.1.pdf", "%PDF-1.4")
        try dir.write("scans/160/H49.64.33.2001.160.2.pdf", "%PDF-1.4")
        try dir.write("scans/7/trang/001.png", "png")
        return dir
    }

    func testGoodBatch() throws {
        let dir = try makeGoodBatch()
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.files.map(\.id), ["H49.64.33.2001.160", "H49.64.33.2012.7"])
        XCTAssertEqual(batch.documents.map(\.id), ["H49.64.33.2001.160.1", "H49.64.33.2001.160.2", "H49.64.33.2012.7.1"])

        let f = batch.files[0]
        XCTAssertEqual(f.title, "Hồ sơ giải phóng mặt bằng dự án đường Hồ Chí Minh, đoạn qua huyện Krông Pắc")
        // Written as its name, kept as its TT 05 code.
        XCTAssertEqual(f.retention, "01")
        XCTAssertEqual(f.fields["Thời hạn lưu trữ"], "01")
        XCTAssertEqual(f.fields["Mã hồ sơ"], "H49.64.33.2001.160")
        XCTAssertEqual(f.fonds, "UBND huyện Krông Pắc")
        XCTAssertEqual(f.access, .open)
        XCTAssertEqual(f.startDate, ArchiveDateValue(year: 2001, month: 2, day: 15))
        XCTAssertEqual(f.endDate, ArchiveDateValue(year: 2001, month: 12))
        XCTAssertEqual(f.extra, ["Người lập": "Y Bih Niê"])
        // No Chế độ sử dụng: fails closed.
        XCTAssertEqual(batch.files[1].access, .conditional)
        XCTAssertEqual(batch.files[1].extra, [:])
        XCTAssertNil(batch.files[1].fields["Chế độ sử dụng"])

        let d1 = batch.documents[0]
        XCTAssertEqual(d1.fileID, "H49.64.33.2001.160")
        XCTAssertEqual(d1.ordinal, 1)
        XCTAssertEqual(d1.path, "scans/160/H49.64.33.2001.160.1.pdf")
        XCTAssertEqual(d1.type, "Quyết định")
        XCTAssertEqual(d1.numberSymbol, "1605/QĐ-UBND")
        XCTAssertEqual(d1.title, "Quyết định số 1605/QĐ-UBND: Về việc thu hồi đất, bồi thường cho hộ ông Y Bih Niê")
        XCTAssertEqual(d1.date, ArchiveDateValue(year: 2001, month: 2, day: 15))
        XCTAssertEqual(d1.issuer, "UBND huyện Krông Pắc")
        XCTAssertEqual(d1.signer, "Nguyễn Văn An")
        XCTAssertEqual(d1.access, .open, "inherits the file's access")
        XCTAssertEqual(d1.extra, ["Số trang gốc": "3"])
        XCTAssertEqual(d1.fields["Tệp"], "scans/160/H49.64.33.2001.160.1.pdf")

        let d2 = batch.documents[1]
        XCTAssertEqual(d2.ordinal, 2)
        XCTAssertEqual(d2.access, .secret, "own access wins")
        XCTAssertEqual(d2.summary, "Đề nghị phê duyệt phương án\nbồi thường, hỗ trợ")
        XCTAssertEqual(d2.date?.display, "03/2001")
        XCTAssertNil(d2.signer)
        XCTAssertEqual(d2.extra, [:])

        let d3 = batch.documents[2]
        XCTAssertEqual(d3.path, "scans/7/trang", "backslashes become slashes; a folder of page images is fine")
        XCTAssertEqual(d3.access, .conditional, "inherits the file's fail-closed access")
        XCTAssertEqual(d3.signer, "H'Hen Niê")
        XCTAssertNil(d3.numberSymbol)
        XCTAssertEqual(d3.title, "Biên bản: Biên bản họp dân")
    }

    func testEveryProblemHasItsPlace() throws {
        let dir = try TempDir()
        let outside = try TempDir()
        try outside.write("bí mật.pdf", "%PDF")
        try dir.write("ho_so.csv", [
            "Mã hồ sơ,Tiêu đề hồ sơ,Thời gian bắt đầu,Chế độ sử dụng",   // 1
            "H49.1,Hồ sơ đất đai xã Ea Tul,2001,Công khai",               // 2 good
            "H49.2,,2001,",                                               // 3 missing title
            "H49.3,Hồ sơ tiếp công dân,31/02/2012,",                      // 4 impossible date
            "H49.1,Hồ sơ trùng mã,2002,",                                 // 5 duplicate id
            "H49.4,Hồ sơ khiếu nại,2003,Tối mật",                         // 6 unknown access
            ",Hồ sơ không mã,2003,",                                      // 7 missing id
            "H49 5,Hồ sơ mã có khoảng trắng,2003,",                        // 8 bad id
            "H49.7,\"Hồ sơ\" lỗi ngoặc,2003,",                            // 9 malformed CSV
            "H49.6,Hồ sơ mật,,Mật",                                       // 10 good
            "H49.8,Hồ sơ thừa cột,2004,01,thừa",                           // 11 too many fields
        ].joined(separator: "\n") + "\n")
        try dir.write("a.pdf", "%PDF")
        try dir.write("sub/dir/b.png", "png")
        try dir.write("Quyết định.pdf".decomposedStringWithCanonicalMapping, "%PDF")
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("link.pdf").path,
                                                   withDestinationPath: outside.url.appendingPathComponent("bí mật.pdf").path)
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("inside.pdf").path,
                                                   withDestinationPath: "a.pdf")
        let outsideRelative = "../" + outside.url.lastPathComponent + "/bí mật.pdf"
        try dir.write("tai_lieu.csv", [
            "Mã hồ sơ,Số thứ tự,Tệp,Ngày văn bản,Chế độ sử dụng,Trích yếu nội dung",  // 1
            "H49.1,1,a.pdf,15/02/2012,,Quyết định thu hồi đất",                    // 2 good
            "H49.1,0,a.pdf,,,",                                                     // 3 ordinal 0
            "H49.1,hai,a.pdf,,,",                                                   // 4 ordinal not a number
            "H49.1,3,,,,",                                                          // 5 missing Tệp
            "H49.1,4,không có.pdf,,,",                                              // 6 file missing
            "H49.1,5,\(outsideRelative),,,",                                        // 7 escapes with ..
            "H49.1,6,\(dir.url.appendingPathComponent("a.pdf").path),,,",          // 8 absolute
            "H49.1,7,link.pdf,,,",                                                  // 9 symlink out
            "H49.9,1,a.pdf,,,",                                                     // 10 file not in ho_so.csv
            "H49.2,1,a.pdf,,,",                                                     // 11 file rejected
            "H49.1,8,a.pdf,13/2012,,",                                              // 12 bad date
            "H49.1,1,a.pdf,,,Trùng",                                                // 13 duplicate
            "H49.1,9,a.pdf,,04,",                                                   // 14 unknown access
            "H49.1,2,sub/dir/b.png,,,\"Về việc bồi thường,",                        // 15 good (multi-line)
            "hỗ trợ tái định cư\"",                                                 // 16
            "H49.6,1,./sub/../Quyết định.pdf,,,",                                   // 17 good: NFD name on disk, inside
            "H49.1,10,inside.pdf,,Công khai,",                                      // 18 good: symlink inside
            "H49.1,+11,a.pdf,,,",                                                   // 19 ordinal with sign
            ",,,,,",                                                                // 20 empty row: ignored
            "H49.1,12,C:\\scans\\a.pdf,,,",                                         // 21 Windows absolute
        ].joined(separator: "\r\n") + "\r\n")

        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.files.map(\.id), ["H49.1", "H49.6"])
        XCTAssertEqual(batch.files.map(\.access), [.open, .secret])
        XCTAssertEqual(batch.documents.map(\.id), ["H49.1.1", "H49.1.2", "H49.6.1", "H49.1.10"],
                       "\(batch.problems.map(\.description).joined(separator: "\n"))")
        guard batch.documents.count == 4 else { return }
        XCTAssertEqual(batch.documents[1].summary, "Về việc bồi thường,\nhỗ trợ tái định cư")
        XCTAssertEqual(batch.documents[2].path, "Quyết định.pdf".decomposedStringWithCanonicalMapping)
        XCTAssertEqual(batch.documents[2].access, .secret)
        XCTAssertEqual(batch.documents[3].path, "inside.pdf")

        struct Place: Hashable, CustomStringConvertible {
            var file: String, row: Int?, column: String?
            var description: String { "\(file):\(row.map(String.init) ?? "-"):\(column ?? "-")" }
        }
        let h = "ho_so.csv", t = "tai_lieu.csv"
        let expected: [Place] = [
            Place(file: h, row: 3, column: "Tiêu đề hồ sơ"),
            Place(file: h, row: 4, column: "Thời gian bắt đầu"),
            Place(file: h, row: 5, column: "Mã hồ sơ"),
            Place(file: h, row: 6, column: "Chế độ sử dụng"),
            Place(file: h, row: 7, column: "Mã hồ sơ"),
            Place(file: h, row: 8, column: "Mã hồ sơ"),
            Place(file: h, row: 9, column: nil),
            Place(file: h, row: 11, column: nil),
            Place(file: t, row: 3, column: "Số thứ tự"),
            Place(file: t, row: 4, column: "Số thứ tự"),
            Place(file: t, row: 5, column: "Tệp"),
            Place(file: t, row: 6, column: "Tệp"),
            Place(file: t, row: 7, column: "Tệp"),
            Place(file: t, row: 8, column: "Tệp"),
            Place(file: t, row: 9, column: "Tệp"),
            Place(file: t, row: 10, column: "Mã hồ sơ"),
            Place(file: t, row: 11, column: "Mã hồ sơ"),
            Place(file: t, row: 12, column: "Ngày văn bản"),
            Place(file: t, row: 13, column: "Số thứ tự"),
            Place(file: t, row: 14, column: "Chế độ sử dụng"),
            Place(file: t, row: 19, column: "Số thứ tự"),
            Place(file: t, row: 21, column: "Tệp"),
        ]
        let actual = batch.problems.map { Place(file: $0.file, row: $0.row, column: $0.column) }
        XCTAssertEqual(Set(actual), Set(expected), "\(batch.problems.map(\.description).joined(separator: "\n"))")
        XCTAssertEqual(actual, expected, "one problem per bad row, in reading order")

        func reason(_ file: String, _ row: Int) -> String {
            batch.problems.first { $0.file == file && $0.row == row }?.reason ?? ""
        }
        XCTAssertTrue(reason(h, 4).contains("31/02/2012"))
        XCTAssertTrue(reason(h, 5).contains("dòng 2"))
        XCTAssertTrue(reason(t, 7).contains("ngoài thư mục lô"), reason(t, 7))
        XCTAssertTrue(reason(t, 8).contains("tuyệt đối"), reason(t, 8))
        XCTAssertTrue(reason(t, 9).contains("liên kết"), reason(t, 9))
        XCTAssertTrue(reason(t, 10).contains("không có trong ho_so.csv"), reason(t, 10))
        XCTAssertTrue(reason(t, 11).contains("dòng 3"), reason(t, 11))
        XCTAssertTrue(reason(t, 13).contains("dòng 2"), reason(t, 13))
        XCTAssertTrue(reason(t, 6).contains("không tìm thấy"), reason(t, 6))
    }

    func testSeveralProblemsInOneRowAreAllReported() throws {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ\nH1,Hồ sơ một\n")
        try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp,Ngày văn bản\nH2,-1,../x.pdf,32/01/2020\n")
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.documents, [])
        XCTAssertEqual(Set(batch.problems.map { $0.column ?? "" }), ["Mã hồ sơ", "Số thứ tự", "Tệp", "Ngày văn bản"])
        XCTAssertEqual(Set(batch.problems.map { $0.row ?? 0 }), [2])
    }

    /// TT 05 coded values are kept as codes whether written as codes or as names; anything else as written.
    func testCodedValuesAreKeptAsCodes() throws {
        let cases: [(column: String, cell: String, kept: String)] = [
            ("Thời hạn lưu trữ", "Vĩnh viễn", "01"), ("Thời hạn lưu trữ", "70 NĂM", "02"), ("Thời hạn lưu trữ", "1", "01"),
            ("Thời hạn lưu trữ", "01 - Vĩnh viễn", "01"), ("Thời hạn lưu trữ", "Theo quy định", "Theo quy định"),
            ("Ngôn ngữ", "Tiếng Việt", "01"), ("Ngôn ngữ", "Tiếng Việt, Hán Nôm", "01, 09"), ("Ngôn ngữ", "Tiếng Việt, Tiếng Chăm", "Tiếng Việt, Tiếng Chăm"),
            ("Tình trạng vật lý", "bình thường", "02"), ("Mức độ tin cậy", "Số hóa", "02"),
            ("Chế độ sử dụng", "Công khai", "01"), ("Chế độ sử dụng", "Sử dụng có điều kiện", "02"),
        ]
        for c in cases {
            let dir = try TempDir()
            try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ,\(c.column)\nH1,Hồ sơ một,\"\(c.cell)\"\n")
            try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
            let file = try XCTUnwrap(try BatchReader.read(batch: dir.url).files.first, c.cell)
            XCTAssertEqual(file.fields[c.column], c.kept, "\(c.column): \(c.cell)")
        }
    }

    func testDuplicateColumnIsReportedAndKeptAsExtra() throws {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ,Thời hạn lưu trữ,Thời hạn bảo quản\nH1,Hồ sơ một,Vĩnh viễn,70 năm\n")
        try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.files.first?.retention, "01")
        XCTAssertEqual(batch.files.first?.extra, ["Thời hạn bảo quản": "70 năm"])
        XCTAssertEqual(batch.problems.map { [$0.file, String($0.row ?? 0), $0.column ?? ""] }, [["ho_so.csv", "1", "Thời hạn bảo quản"]])
    }

    func testUnusableBatchThrows() throws {
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch let e as CatalogueError { return e.message } catch { return "\(error)" }
        }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("khong-co-\(UUID().uuidString)")
        XCTAssertTrue(message { _ = try BatchReader.read(batch: missing) }.contains("Không tìm thấy thư mục"))

        let noFiles = try TempDir()
        try noFiles.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
        XCTAssertTrue(message { _ = try BatchReader.read(batch: noFiles.url) }.contains("ho_so.csv"))

        let noDocuments = try TempDir()
        try noDocuments.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ\n")
        XCTAssertTrue(message { _ = try BatchReader.read(batch: noDocuments.url) }.contains("tai_lieu.csv"))

        let noTep = try TempDir()
        try noTep.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ\nH1,Hồ sơ\n")
        try noTep.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Đường dẫn\nH1,1,a.pdf\n")
        let m = message { _ = try BatchReader.read(batch: noTep.url) }
        XCTAssertTrue(m.contains("thiếu cột bắt buộc: Tệp"), m)

        let empty = try TempDir()
        try empty.write("ho_so.csv", "")
        try empty.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
        XCTAssertTrue(message { _ = try BatchReader.read(batch: empty.url) }.contains("trống"))

        let semicolons = try TempDir()
        try semicolons.write("ho_so.csv", "Mã hồ sơ;Tiêu đề hồ sơ\nH1;Hồ sơ\n")
        try semicolons.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
        XCTAssertTrue(message { _ = try BatchReader.read(batch: semicolons.url) }.contains("chấm phẩy"))
    }

    func testCSVFileNamesIgnoreCase() throws {
        let dir = try TempDir()
        try dir.write("HO_SO.CSV", "Mã hồ sơ,Tiêu đề hồ sơ\nH1,Hồ sơ một\n")
        try dir.write("Tai_Lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\nH1,1,a.pdf\n")
        try dir.write("a.pdf", "%PDF")
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.documents.map(\.id), ["H1.1"])
        XCTAssertEqual(batch.problems, [])
    }

    func testDocumentsOfAFileFromAnEarlierBatch() throws {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ\n")
        try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\nH49.64.33.2001.160,5,a.pdf\nH49.khác,1,a.pdf\n")
        try dir.write("a.pdf", "%PDF")
        let stored = ArchiveFile(id: "H49.64.33.2001.160", title: "Hồ sơ đã có", access: .secret)
        let batch = try BatchReader.read(batch: dir.url) { $0 == stored.id ? stored : nil }
        XCTAssertEqual(batch.documents.map(\.id), ["H49.64.33.2001.160.5"])
        XCTAssertEqual(batch.documents.first?.access, .secret)
        XCTAssertEqual(batch.problems.map { $0.row ?? 0 }, [3])
        // Without the catalogue, both rows are problems.
        XCTAssertEqual(try BatchReader.read(batch: dir.url).problems.count, 2)
    }

    func testSecretGradesAboveMatAreRefusedWithAReason() throws {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ,Chế độ sử dụng\nH1,Hồ sơ,Tối mật\nH2,Hồ sơ,Tuyệt mật\nH3,Hồ sơ,Mật\n")
        try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.files.map(\.id), ["H3"])
        XCTAssertEqual(batch.problems.map(\.row), [2, 3])
        for p in batch.problems { XCTAssertTrue(p.reason.contains("không được đưa vào"), p.reason) }
    }

    func testRepeatedExtraHeadersAreKeptApart() throws {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ,Người lập,Người lập,\nH1,Hồ sơ,Y Bih Niê,H'Hen Niê,thêm\n")
        try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\n")
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.files.first?.extra, ["Người lập": "Y Bih Niê", "Người lập (2)": "H'Hen Niê", "Cột 5": "thêm"])
    }

    func testScanNamesDifferingInCaseAreFound() throws {
        let dir = try TempDir()
        try dir.write("ho_so.csv", "Mã hồ sơ,Tiêu đề hồ sơ\nH1,Hồ sơ\n")
        try dir.write("tai_lieu.csv", "Mã hồ sơ,Số thứ tự,Tệp\nH1,1,SCANS/Quyết Định.PDF\nH1,2,scans/hai.pdf\nH1,3,Scans/Ba.pdf\n")
        try dir.write("scans/quyết định.pdf".decomposedStringWithCanonicalMapping, "%PDF")
        try dir.write("scans/Hai.pdf", "%PDF")
        try dir.write("scans/HAI.pdf", "%PDF") // two candidates: ambiguous, not guessed
        try dir.write("scans/ba.pdf", "%PDF")
        let batch = try BatchReader.read(batch: dir.url)
        XCTAssertEqual(batch.documents.map(\.ordinal), [1, 3])
        XCTAssertEqual(batch.documents.first.map { Array($0.path.utf8) }, Array("scans/quyết định.pdf".decomposedStringWithCanonicalMapping.utf8))
        XCTAssertEqual(batch.documents.last?.path, "scans/ba.pdf")
        XCTAssertEqual(batch.problems.map { $0.row ?? 0 }, [3])
    }

    func testImportingTheSameBatchTwiceChangesNothing() throws {
        let dir = try makeGoodBatch()
        let store = try CatalogueStore(path: dir.url.appendingPathComponent("data/catalogue.sqlite").path)
        let first = try BatchReader.read(batch: dir.url)
        let changed = try store.upsert(files: first.files, documents: first.documents)
        XCTAssertEqual(changed.files, 2); XCTAssertEqual(changed.documents, 3)
        let again = try store.upsert(files: try BatchReader.read(batch: dir.url).files, documents: try BatchReader.read(batch: dir.url).documents)
        XCTAssertEqual(again.files, 0); XCTAssertEqual(again.documents, 0)
        XCTAssertEqual(try store.documents(inFile: "H49.64.33.2001.160"), Array(first.documents.prefix(2)))
        XCTAssertEqual(try store.file(id: "H49.64.33.2012.7"), first.files[1])
    }
}
