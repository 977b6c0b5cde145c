import XCTest
import Catalogue
@testable import Delivery

/// A temporary batch folder, removed at the end.
private final class WorkbookTestBatch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func file(_ path: String, _ content: String = "%PDF-1.4\n") throws -> URL {
        let u = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: u)
        return u
    }
    func bytes(_ path: String, _ data: Data) throws -> URL {
        let u = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u
    }
    func workbook(_ path: String, _ sheets: [XLSXSheet], date1904: Bool = false) throws -> URL {
        let u = url.appendingPathComponent(path)
        try XLSXWriter.write(sheets, to: u, date1904: date1904)
        return u
    }
    func read(_ workbook: URL) -> BatchMetadata {
        WorkbookReader.read(workbook: workbook, batch: url, existingFile: { _ in nil })
    }
}

final class WorkbookTests: XCTestCase {
    static let hs1 = "001.03.08.H30.81.2024.K4.01.01"
    static let hs2 = "001.03.08.H30.81.2024.K4.01.02"
    static let title1 = "Hồ sơ về việc giải quyết khiếu nại của công dân xã Ea Tu năm 2024"
    static let title2 = "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất xã Ea H'leo"

    // MARK: - The real delivery's layout

    /// One sheet, a row per document, with every quirk of the contractor's delivery: a merged title above the
    /// header, a blank row, a row of column numbers, an NFD header, rich text, split dates, codes as words,
    /// numbers as numbers and as text with leading zeros, Số and Ký hiệu apart, names written twice, Windows
    /// paths from the delivery's top folder, relative to `PDF_Files`, with the top folder missing and letter
    /// case differing, a hồ sơ's title merged down its rows, and cells missing in the middle of rows.
    fileprivate func makeDelivery(_ batch: WorkbookTestBatch) throws -> URL {
        let (hs1, hs2) = (Self.hs1, Self.hs2)
        for n in 1...3 { try batch.file("Phông/hopso01/hoso01/\(hs1).00\(n).pdf") }
        for n in 1...2 { try batch.file("PDF_Files/hoso02/\(hs2).00\(n).pdf") }
        let header: [XLSXCell] = [
            "Phông", "Mục lục", "Hộp số", "Số và ký hiệu hồ sơ", .text("Tiêu đề hồ sơ".decomposedStringWithCanonicalMapping),
            "Thời hạn bảo quản", "Chế độ sử dụng", "Ngôn ngữ", "Ngày bắt đầu", "Tháng bắt đầu", "Năm bắt đầu",
            "Ngày kết thúc", "Tháng kết thúc", "Năm kết thúc", "Ghi chú", "Số thứ tự văn bản trong hồ sơ",
            "Số của văn bản", "Ký hiệu của văn bản", "Ngày văn bản", "Tháng văn bản", "Năm văn bản", "Tên loại văn bản",
            "Trích yếu nội dung", "Tác giả văn bản", "Người ký", "Ngôn ngữ", "Chế độ sử dụng", "Ghi chú", "Tờ số",
            "Loại tài liệu", "Đường dẫn file", "Người nhập", "Người nhập",
        ]
        let e = XLSXCell.empty
        let hs1Cells: [XLSXCell] = ["001", .inline("03"), "08", "01"]
        let hs1Fields: [XLSXCell] = ["Vĩnh viễn", "Công khai", "Tiếng Việt", 5, "01", 2024, e, 12, 2024, "Hồ sơ đầy đủ"]
        let rows: [[XLSXCell]] = [
            ["DANH MỤC HỒ SƠ, TÀI LIỆU SỐ HÓA"],
            [],
            header,
            (1...33).map { .number(Double($0)) },
            hs1Cells + [.rich(["Hồ sơ về việc ", "giải quyết khiếu nại", " của công dân xã Ea Tu năm 2024"])] + hs1Fields
                + [1, 12, "/QĐ-CC", 15, 2, 2024, "Quyết định", "Về việc thụ lý đơn khiếu nại của ông Y Bih Niê",
                   "Thanh tra huyện Krông Pắc", "Nguyễn Văn An", e, e, e, "1-3", "Văn bản hành chính",
                   .text(#"\Phông\hopso01\hoso01\\#(hs1).001.pdf"#), "Lê Văn Cường", "Phạm Thị Dung"],
            hs1Cells + [.text(Self.title1)] + hs1Fields
                + ["02", "25", "/BC - CC", e, "03", 2024, "Báo cáo",
                   "Báo cáo kết quả xác minh nội dung khiếu nại của bà H'Hen Niê", "Thanh tra huyện Krông Pắc",
                   "Trần Thị Bình", "01", "Mật", "Bản sao y bản chính", "4-7", "Văn bản hành chính",
                   .text(#"\Giao nộp\Phông\hopso01\hoso01\\#(hs1).002.pdf"#)],
            hs1Cells + [.text(Self.title1)] + hs1Fields
                + [3, e, e, e, e, 2024, "Biên bản", "Biên bản đối thoại với công dân tại xã Ea Tu",
                   "Thanh tra huyện Krông Pắc", e, e, "02", e, 8, "Văn bản hành chính", .text("Phông/HOPSO01/hoso01/\(hs1).003.pdf")],
            [e, .inline("   ")],
            ["001", "03", "08", "02", .text(Self.title2), .text("01"), e, e, e, e, 2023, e, e, 2024, e,
             e, "1605", "QĐ-UBND", 15, 2, 2023, "Quyết định",
             "Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Y Bih Niê", "UBND huyện Ea H'leo", "Lê Văn Cường",
             e, e, e, e, e, .text(#"\hoso02\\#(hs2).001.pdf"#)],
            [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e,
             2, "86", "TB-UBND", e, 4, 2023, "Thông báo", "Thông báo lịch tiếp công dân", "UBND huyện Ea H'leo", e,
             e, e, e, e, e, .text(#"PDF_Files\hoso02\\#(hs2).002.pdf"#)],
        ]
        return try batch.workbook("metadata.xlsx", [XLSXSheet(name: "Danh mục", rows: rows, merges: ["A1:AG1", "E9:E10"])])
    }

    static var expectedFiles: [ArchiveFile] {
        [
            ArchiveFile(id: hs1, title: title1, fonds: "001", retention: "01", access: .open,
                        startDate: ArchiveDateValue(year: 2024, month: 1, day: 5), endDate: ArchiveDateValue(year: 2024, month: 12),
                        fields: ["Mã hồ sơ": hs1, "Tên phông": "001", "Tiêu đề hồ sơ": title1, "Thời hạn lưu trữ": "01",
                                 "Chế độ sử dụng": "01", "Ngôn ngữ": "01", "Thời gian bắt đầu": "05/01/2024",
                                 "Thời gian kết thúc": "12/2024", "Ghi chú": "Hồ sơ đầy đủ"],
                        extra: ["Mục lục": "03", "Hộp số": "08", "Số và ký hiệu hồ sơ": "01"]),
            ArchiveFile(id: hs2, title: title2, fonds: "001", retention: "01", access: .conditional,
                        startDate: ArchiveDateValue(year: 2023), endDate: ArchiveDateValue(year: 2024),
                        fields: ["Mã hồ sơ": hs2, "Tên phông": "001", "Tiêu đề hồ sơ": title2, "Thời hạn lưu trữ": "01",
                                 "Thời gian bắt đầu": "2023", "Thời gian kết thúc": "2024"],
                        extra: ["Mục lục": "03", "Hộp số": "08", "Số và ký hiệu hồ sơ": "02"]),
        ]
    }

    static var expectedDocuments: [Document] {
        let p1 = "Phông/hopso01/hoso01/\(hs1)", p2 = "PDF_Files/hoso02/\(hs2)"
        let issuer1 = "Thanh tra huyện Krông Pắc"
        return [
            Document(fileID: hs1, ordinal: 1, path: "\(p1).001.pdf", type: "Quyết định", number: "12", symbol: "QĐ-CC",
                     date: ArchiveDateValue(year: 2024, month: 2, day: 15), issuer: issuer1,
                     summary: "Về việc thụ lý đơn khiếu nại của ông Y Bih Niê", signer: "Nguyễn Văn An", access: .open,
                     fields: ["Mã hồ sơ": hs1, "Số thứ tự": "1", "Tệp": "\(p1).001.pdf", "Số": "12", "Ký hiệu": "QĐ-CC",
                              "Ngày văn bản": "15/02/2024", "Tên loại văn bản": "Quyết định",
                              "Trích yếu nội dung": "Về việc thụ lý đơn khiếu nại của ông Y Bih Niê",
                              "Cơ quan ban hành": issuer1, "Người ký": "Nguyễn Văn An"],
                     extra: ["Tờ số": "1-3", "Loại tài liệu": "Văn bản hành chính", "Người nhập": "Lê Văn Cường",
                             "Người nhập (2)": "Phạm Thị Dung"]),
            Document(fileID: hs1, ordinal: 2, path: "\(p1).002.pdf", type: "Báo cáo", number: "25", symbol: "BC-CC",
                     date: ArchiveDateValue(year: 2024, month: 3), issuer: issuer1,
                     summary: "Báo cáo kết quả xác minh nội dung khiếu nại của bà H'Hen Niê", signer: "Trần Thị Bình",
                     access: .secret,
                     fields: ["Mã hồ sơ": hs1, "Số thứ tự": "02", "Tệp": "\(p1).002.pdf", "Số": "25", "Ký hiệu": "BC-CC",
                              "Ngày văn bản": "03/2024", "Tên loại văn bản": "Báo cáo",
                              "Trích yếu nội dung": "Báo cáo kết quả xác minh nội dung khiếu nại của bà H'Hen Niê",
                              "Cơ quan ban hành": issuer1, "Người ký": "Trần Thị Bình", "Ngôn ngữ": "01",
                              "Chế độ sử dụng": "03", "Ghi chú": "Bản sao y bản chính"],
                     extra: ["Tờ số": "4-7", "Loại tài liệu": "Văn bản hành chính"]),
            Document(fileID: hs1, ordinal: 3, path: "\(p1).003.pdf", type: "Biên bản", date: ArchiveDateValue(year: 2024),
                     issuer: issuer1, summary: "Biên bản đối thoại với công dân tại xã Ea Tu", access: .conditional,
                     fields: ["Mã hồ sơ": hs1, "Số thứ tự": "3", "Tệp": "\(p1).003.pdf", "Ngày văn bản": "2024",
                              "Tên loại văn bản": "Biên bản", "Trích yếu nội dung": "Biên bản đối thoại với công dân tại xã Ea Tu",
                              "Cơ quan ban hành": issuer1, "Chế độ sử dụng": "02"],
                     extra: ["Tờ số": "8", "Loại tài liệu": "Văn bản hành chính"]),
            Document(fileID: hs2, ordinal: 1, path: "\(p2).001.pdf", type: "Quyết định", number: "1605", symbol: "QĐ-UBND",
                     date: ArchiveDateValue(year: 2023, month: 2, day: 15), issuer: "UBND huyện Ea H'leo",
                     summary: "Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Y Bih Niê", signer: "Lê Văn Cường",
                     access: .conditional,
                     fields: ["Mã hồ sơ": hs2, "Số thứ tự": "1", "Tệp": "\(p2).001.pdf", "Số": "1605", "Ký hiệu": "QĐ-UBND",
                              "Ngày văn bản": "15/02/2023", "Tên loại văn bản": "Quyết định",
                              "Trích yếu nội dung": "Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Y Bih Niê",
                              "Cơ quan ban hành": "UBND huyện Ea H'leo", "Người ký": "Lê Văn Cường"]),
            Document(fileID: hs2, ordinal: 2, path: "\(p2).002.pdf", type: "Thông báo", number: "86", symbol: "TB-UBND",
                     date: ArchiveDateValue(year: 2023, month: 4), issuer: "UBND huyện Ea H'leo",
                     summary: "Thông báo lịch tiếp công dân", access: .conditional,
                     fields: ["Mã hồ sơ": hs2, "Số thứ tự": "2", "Tệp": "\(p2).002.pdf", "Số": "86", "Ký hiệu": "TB-UBND",
                              "Ngày văn bản": "04/2023", "Tên loại văn bản": "Thông báo",
                              "Trích yếu nội dung": "Thông báo lịch tiếp công dân", "Cơ quan ban hành": "UBND huyện Ea H'leo"]),
        ]
    }

    func testTheDeliveryGivesTheExpectedRecords() throws {
        let batch = try WorkbookTestBatch()
        let result = batch.read(try makeDelivery(batch))
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.files.count, 2)
        for (got, want) in zip(result.files, Self.expectedFiles) { XCTAssertEqual(got, want) }
        XCTAssertEqual(result.documents.map(\.id), Self.expectedDocuments.map(\.id))
        for (got, want) in zip(result.documents, Self.expectedDocuments) { XCTAssertEqual(got, want, want.id) }
        XCTAssertEqual(result.documents.first?.numberSymbol, "12/QĐ-CC")
    }

    /// The same records as ho_so.csv and tai_lieu.csv (codes where the workbook has words, the scans' paths as
    /// found, the extra columns under the same names) give exactly the same hồ sơ and documents.
    func testTheSameRecordsAsCSVAreEqual() throws {
        let batch = try WorkbookTestBatch()
        let workbook = batch.read(try makeDelivery(batch))
        let (hs1, hs2, t1, t2) = (Self.hs1, Self.hs2, Self.title1, Self.title2)
        try batch.file("ho_so.csv", [
            "Mã hồ sơ,Tên phông,Tiêu đề hồ sơ,Thời hạn lưu trữ,Chế độ sử dụng,Ngôn ngữ,Thời gian bắt đầu,Thời gian kết thúc,Ghi chú,Mục lục,Hộp số,Số và ký hiệu hồ sơ",
            "\(hs1),001,\(t1),01,01,01,05/01/2024,12/2024,Hồ sơ đầy đủ,03,08,01",
            "\(hs2),001,\(t2),01,,,2023,2024,,03,08,02",
        ].joined(separator: "\r\n"))
        let p1 = "Phông/hopso01/hoso01/\(hs1)", p2 = "PDF_Files/hoso02/\(hs2)"
        try batch.file("tai_lieu.csv", [
            "Mã hồ sơ,Số thứ tự,Tệp,Số,Ký hiệu,Ngày văn bản,Tên loại văn bản,Trích yếu nội dung,Cơ quan ban hành,Người ký,Ngôn ngữ,Chế độ sử dụng,Ghi chú,Tờ số,Loại tài liệu,Người nhập,Người nhập",
            "\(hs1),1,\(p1).001.pdf,12,QĐ-CC,15/02/2024,Quyết định,Về việc thụ lý đơn khiếu nại của ông Y Bih Niê,Thanh tra huyện Krông Pắc,Nguyễn Văn An,,,,1-3,Văn bản hành chính,Lê Văn Cường,Phạm Thị Dung",
            "\(hs1),02,\(p1).002.pdf,25,BC-CC,03/2024,Báo cáo,Báo cáo kết quả xác minh nội dung khiếu nại của bà H'Hen Niê,Thanh tra huyện Krông Pắc,Trần Thị Bình,01,03,Bản sao y bản chính,4-7,Văn bản hành chính,,",
            "\(hs1),3,\(p1).003.pdf,,,2024,Biên bản,Biên bản đối thoại với công dân tại xã Ea Tu,Thanh tra huyện Krông Pắc,,,02,,8,Văn bản hành chính,,",
            "\(hs2),1,\(p2).001.pdf,1605,QĐ-UBND,15/02/2023,Quyết định,Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Y Bih Niê,UBND huyện Ea H'leo,Lê Văn Cường,,,,,,,",
            "\(hs2),2,\(p2).002.pdf,86,TB-UBND,04/2023,Thông báo,Thông báo lịch tiếp công dân,UBND huyện Ea H'leo,,,,,,,,",
        ].joined(separator: "\r\n"))
        let csv = try BatchReader.read(batch: batch.url)
        XCTAssertEqual(csv.problems, [])
        XCTAssertEqual(workbook.problems, [])
        XCTAssertEqual(csv.files, workbook.files)
        XCTAssertEqual(csv.documents, workbook.documents)
        // The extra columns are the same on both sides: the hồ sơ's Mục lục, Hộp số, Số và ký hiệu hồ sơ; the
        // documents' Tờ số, Loại tài liệu and the two Người nhập.
        XCTAssertEqual(Set(workbook.files.flatMap(\.extra.keys)), ["Mục lục", "Hộp số", "Số và ký hiệu hồ sơ"])
        XCTAssertEqual(Set(workbook.documents.flatMap(\.extra.keys)), ["Tờ số", "Loại tài liệu", "Người nhập", "Người nhập (2)"])
    }

    // MARK: - Ids, ordinals, disagreements

    static let simpleHeader: [XLSXCell] = ["Mã hồ sơ", "Tiêu đề hồ sơ", "Số thứ tự", "Đường dẫn file"]

    /// Without a Mã hồ sơ column: from the scans' names when they agree within a hồ sơ, else from Phông, Mục lục,
    /// Hộp số and Số và ký hiệu hồ sơ; the ordinal from the name when there is no column.
    func testFileIDsAndOrdinalsWithoutColumns() throws {
        struct Case { var name: String; var header: [XLSXCell]; var rows: [[XLSXCell]]; var files: [String]; var ids: [String] }
        let cases = [
            Case(name: "names agree", header: ["Tiêu đề hồ sơ", "Đường dẫn file"],
                 rows: [["Hồ sơ A", "H49.64.33.2001.160.1.pdf"], ["Hồ sơ A", "H49.64.33.2001.160.02.pdf"]],
                 files: ["H49.64.33.2001.160.1.pdf", "H49.64.33.2001.160.02.pdf"],
                 ids: ["H49.64.33.2001.160.1", "H49.64.33.2001.160.2"]),
            Case(name: "names disagree within the hồ sơ: Phông.Mục lục.Hộp số.Số và ký hiệu hồ sơ",
                 header: ["Phông", "Mục lục", "Hộp số", "Số và ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Đường dẫn file"],
                 rows: [["H49", "64", 33, "160", "Hồ sơ B", "scan.001.pdf"], ["H49", "64", 33, "160", "Hồ sơ B", "khac.002.pdf"]],
                 files: ["scan.001.pdf", "khac.002.pdf"], ids: ["H49.64.33.160.1", "H49.64.33.160.2"]),
            Case(name: "a folder of page images named by the id", header: ["Tiêu đề hồ sơ", "Số thứ tự", "Tệp"],
                 rows: [["Hồ sơ C", 7, "anh/H49.64.33.2012.7.1"]], files: ["anh/H49.64.33.2012.7.1/001.png"],
                 ids: ["H49.64.33.2012.7.7"]),
        ]
        for c in cases {
            let batch = try WorkbookTestBatch()
            for f in c.files { try batch.file(f) }
            let result = batch.read(try batch.workbook("m.xlsx", [XLSXSheet(name: "Sheet1", rows: [c.header] + c.rows)]))
            XCTAssertEqual(result.problems, [], c.name)
            XCTAssertEqual(result.documents.map(\.id), c.ids, c.name)
            XCTAssertEqual(result.files.count, 1, c.name)
        }
    }

    /// A hồ sơ repeated with a different field: a problem on that row and column, the first value kept, the
    /// document still in. An empty hồ sơ cell on a later row is no disagreement.
    func testRepeatedFileDisagreeing() throws {
        let batch = try WorkbookTestBatch()
        for n in 1...3 { try batch.file("H1.\(n).pdf") }
        let result = batch.read(try batch.workbook("m.xlsx", [XLSXSheet(name: "Sheet1", rows: [
            ["Mã hồ sơ", "Tiêu đề hồ sơ", "Thời hạn bảo quản", "Số thứ tự", "Đường dẫn file"],
            ["H1", "Hồ sơ xây dựng trụ sở", "Vĩnh viễn", 1, "H1.1.pdf"],
            ["H1", "Hồ sơ xây dựng trụ sở UBND", "01", 2, "H1.2.pdf"],
            ["H1", .empty, "70 năm", 3, "H1.3.pdf"],
        ])]))
        XCTAssertEqual(result.problems.map { [$0.file, "\($0.row ?? 0)", $0.column ?? ""] }, [
            ["m.xlsx, trang “Sheet1”", "3", "Tiêu đề hồ sơ"],
            ["m.xlsx, trang “Sheet1”", "4", "Thời hạn lưu trữ"],
        ])
        XCTAssertTrue(result.problems[0].reason.contains("giữ giá trị của dòng 2"), result.problems[0].reason)
        XCTAssertEqual(result.files.map(\.title), ["Hồ sơ xây dựng trụ sở"])
        XCTAssertEqual(result.files.map(\.retention), ["01"])
        XCTAssertEqual(result.documents.count, 3)
    }

    /// A name written once that a hồ sơ and a document share is the document's; the hồ sơ takes it when its rows
    /// agree, and for Chế độ sử dụng the most restricted value.
    func testNameWrittenOnce() throws {
        let batch = try WorkbookTestBatch()
        for n in 1...4 { try batch.file("s/H\(n / 3 + 1).\(n).pdf") }
        let result = batch.read(try batch.workbook("m.xlsx", [XLSXSheet(name: "Sheet1", rows: [
            ["Mã hồ sơ", "Tiêu đề hồ sơ", "Số thứ tự", "Chế độ sử dụng", "Ngôn ngữ", "Đường dẫn file"],
            ["H1", "Hồ sơ một", 1, "Công khai", "Tiếng Việt", "s/H1.1.pdf"],
            ["H1", "Hồ sơ một", 2, "01", "Hán Nôm", "s/H1.2.pdf"],
            ["H2", "Hồ sơ hai", 3, "Công khai", "01", "s/H2.3.pdf"],
            ["H2", "Hồ sơ hai", 4, "Mật", "01", "s/H2.4.pdf"],
        ])]))
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.files.map(\.access), [.open, .secret])
        XCTAssertEqual(result.files.map { $0.fields["Ngôn ngữ"] }, [nil, "01"])
        XCTAssertEqual(result.documents.map(\.access), [.open, .open, .open, .secret])
        XCTAssertEqual(result.documents.map { $0.fields["Ngôn ngữ"] }, ["01", "09", "01", "01"])
    }

    /// A workbook in its hồ sơ's folder (one per hồ sơ): paths relative to the batch, to the workbook's folder,
    /// to a folder below it, from the contractor's drive, to a file whose name is NFD on disk; a date cell.
    func testPathsOfAWorkbookPerFileFolder() throws {
        let batch = try WorkbookTestBatch()
        let folder = "Phông/hopso01/hoso01"
        let nfd = "Biên bản".decomposedStringWithCanonicalMapping
        let cases: [(cell: String, disk: String)] = [
            (#"\Phông\hopso01\hoso01\H5.1.pdf"#, "\(folder)/H5.1.pdf"),
            ("H5.2.pdf", "\(folder)/H5.2.pdf"),
            (#"\H5.3.pdf"#, "\(folder)/PDF/H5.3.pdf"),
            (#"D:\Số hóa\Phông\hopso01\hoso01\H5.4.pdf"#, "\(folder)/H5.4.pdf"),
            ("Biên bản/H5.5.pdf", "\(folder)/\(nfd)/H5.5.pdf"),
            (#"hoso01\H5.6.pdf"#, "\(folder)/H5.6.pdf"),
        ]
        for c in cases { try batch.file(c.disk) }
        let rows: [[XLSXCell]] = [["Tiêu đề hồ sơ", "Ngày văn bản", "Đường dẫn file"]]
            + cases.map { ["Hồ sơ năm", .date(40954), .text($0.cell)] }
        let result = batch.read(try batch.workbook("\(folder)/ho_so.xlsx", [XLSXSheet(name: "Sheet1", rows: rows)]))
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.documents.map(\.path), cases.map(\.disk))
        XCTAssertEqual(result.documents.map(\.id), (1...6).map { "H5.\($0)" })
        XCTAssertEqual(Set(result.documents.map(\.date)), [ArchiveDateValue(year: 2012, month: 2, day: 15)])
    }

    // MARK: - Refused workbooks and rows

    private struct BadCase {
        var name: String
        /// Writes the bad workbook into the batch (its scans too) and returns it.
        var make: (WorkbookTestBatch) throws -> URL
        var file: String
        var row: Int?
        var column: String?
        var reason: String
        /// Documents the bad workbook still gives.
        var documents: [String] = []
    }

    private static var badCases: [BadCase] {
        let header = simpleHeader
        func sheet(_ rows: [[XLSXCell]], name: String = "Sheet1", merges: [String] = []) -> XLSXSheet {
            XLSXSheet(name: name, rows: rows, merges: merges)
        }
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        return [
            BadCase(name: "not a zip", make: { try $0.file("hong.xlsx", "Đây không phải bảng tính") },
                    file: "hong.xlsx", reason: "không phải bảng tính .xlsx"),
            BadCase(name: "a truncated zip", make: { b in
                        let good = try b.workbook("tmp/x.xlsx", [sheet([header])])
                        let data = try Data(contentsOf: good)
                        try FileManager.default.removeItem(at: good)
                        return try b.bytes("cat.xlsx", data.prefix(data.count / 2))
                    }, file: "cat.xlsx", reason: "tệp hỏng"),
            BadCase(name: "an old .xls under the name .xlsx", make: { try $0.bytes("cu.xlsx", Data(ole2 + Array("Workbook".utf8))) },
                    file: "cu.xlsx", reason: "lưu lại dưới dạng Excel Workbook (.xlsx)"),
            BadCase(name: "an encrypted workbook", make: { b in
                        try b.bytes("mat.xlsx", Data(ole2 + "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
                    }, file: "mat.xlsx", reason: "mật khẩu"),
            BadCase(name: "no known columns", make: { try $0.workbook("lạ.xlsx", [sheet([["Họ và tên", "Địa chỉ"], ["Y Bih Niê", "Cư M'gar"]])]) },
                    file: "lạ.xlsx, trang “Sheet1”", reason: "không có trang nào có các cột siêu dữ liệu"),
            BadCase(name: "a merged header; the next sheet is read", make: { b in
                        try b.file("H9.1.pdf")
                        return try b.workbook("gop.xlsx", [
                            sheet([["Thông tin hồ sơ", .empty, "Tệp", "Số thứ tự"], ["Mã hồ sơ", "Tiêu đề hồ sơ", "Tệp", "Số thứ tự"]],
                                  name: "Cũ", merges: ["A1:B1"]),
                            sheet([header, ["H9", "Hồ sơ chín", 1, "H9.1.pdf"]], name: "Mới"),
                        ])
                    }, file: "gop.xlsx, trang “Cũ”", row: 1, reason: "tiêu đề có ô gộp A1:B1", documents: ["H9.1"]),
            BadCase(name: "a sheet without the path column", make: { try $0.workbook("thieu.xlsx", [sheet([["Mã hồ sơ", "Tiêu đề hồ sơ", "Số thứ tự"], ["H1", "Hồ sơ", 1]])]) },
                    file: "thieu.xlsx, trang “Sheet1”", row: 1, reason: "thiếu cột bắt buộc: Đường dẫn file"),
            BadCase(name: "a header without rows", make: { try $0.workbook("trong.xlsx", [sheet([["Tiêu đề"], [], header])]) },
                    file: "trong.xlsx, trang “Sheet1”", row: 3, reason: "không có dòng dữ liệu nào"),
            BadCase(name: "a row without a scan", make: { b in
                        try b.file("H1.1.pdf")
                        return try b.workbook("m.xlsx", [sheet([header, ["H1", "Hồ sơ", 1, "H1.1.pdf"], ["H1", "Hồ sơ", 2]])])
                    }, file: "m.xlsx, trang “Sheet1”", row: 3, column: "Tệp", reason: "dòng không có tệp quét", documents: ["H1.1"]),
            BadCase(name: "a scan not found", make: { b in
                        try b.file("H1.1.pdf")
                        return try b.workbook("m.xlsx", [sheet([header, ["H1", "Hồ sơ", 1, "H1.1.pdf"], ["H1", "Hồ sơ", 2, #"\Phông\H1.2.pdf"#]])])
                    }, file: "m.xlsx, trang “Sheet1”", row: 3, column: "Tệp", reason: "không tìm thấy tệp", documents: ["H1.1"]),
            BadCase(name: "a path leaving the batch", make: { b in
                        try b.file("H1.1.pdf")
                        return try b.workbook("m.xlsx", [sheet([header, ["H1", "Hồ sơ", 1, "H1.1.pdf"], ["H1", "Hồ sơ", 2, #"..\..\etc\passwd"#]])])
                    }, file: "m.xlsx, trang “Sheet1”", row: 3, column: "Tệp", reason: "trỏ ra ngoài thư mục lô", documents: ["H1.1"]),
            BadCase(name: "a scan that is a link out of the batch", make: { b in
                        try b.file("H1.1.pdf")
                        try FileManager.default.createSymbolicLink(atPath: b.url.appendingPathComponent("H1.2.pdf").path,
                                                                   withDestinationPath: "/etc/hostname")
                        return try b.workbook("m.xlsx", [sheet([header, ["H1", "Hồ sơ", 1, "H1.1.pdf"], ["H1", "Hồ sơ", 2, "H1.2.pdf"]])])
                    }, file: "m.xlsx, trang “Sheet1”", row: 3, column: "Tệp", reason: "liên kết trỏ ra ngoài thư mục lô", documents: ["H1.1"]),
            BadCase(name: "a formula error", make: { b in
                        try b.file("H1.1.pdf")
                        return try b.workbook("m.xlsx", [sheet([header + ["Người ký"], ["H1", "Hồ sơ", 1, "H1.1.pdf", .error("#N/A")]])])
                    }, file: "m.xlsx, trang “Sheet1”", row: 2, column: "Người ký", reason: "lỗi công thức “#N/A”", documents: ["H1.1"]),
            BadCase(name: "a month that does not exist", make: { b in
                        for n in 1...2 { try b.file("H1.\(n).pdf") }
                        return try b.workbook("m.xlsx", [sheet([header + ["Ngày văn bản", "Tháng văn bản", "Năm văn bản"],
                                                                 ["H1", "Hồ sơ", 1, "H1.1.pdf", 5, 13, 2012],
                                                                 ["H1", "Hồ sơ", 2, "H1.2.pdf", 5, 12, 2012]])])
                    }, file: "m.xlsx, trang “Sheet1”", row: 2, column: "Ngày văn bản", reason: "ngày “05/13/2012” không hợp lệ", documents: ["H1.2"]),
            BadCase(name: "a second sheet of metadata", make: { b in
                        for n in 1...2 { try b.file("H1.\(n).pdf") }
                        return try b.workbook("hai.xlsx", [sheet([header, ["H1", "Hồ sơ", 1, "H1.1.pdf"]], name: "Hộp 1"),
                                                           sheet([header, ["H1", "Hồ sơ", 2, "H1.2.pdf"]], name: "Hộp 2")])
                    }, file: "hai.xlsx, trang “Hộp 2”", row: 1, reason: "chỉ trang “Hộp 1” được đọc", documents: ["H1.1"]),
            BadCase(name: "a row beyond Excel's last", make: { b in
                        var s = sheet([header, ["H1", "Hồ sơ", 1, "H1.1.pdf"]])
                        s.firstRow = Workbook.maxRows
                        return try b.workbook("dai.xlsx", [s])
                    }, file: "dai.xlsx, trang “Sheet1”", reason: "vượt giới hạn 1048576 dòng"),
        ]
    }

    func testBadWorkbooksAndRows() throws {
        for c in Self.badCases {
            let batch = try WorkbookTestBatch()
            // A good workbook in its own folder of the same batch, unaffected.
            try batch.file("tot/scans/H7.1.pdf")
            let good = try batch.workbook("tot/metadata.xlsx", [XLSXSheet(name: "Sheet1", rows: [Self.simpleHeader, ["H7", "Hồ sơ bảy", 1, #"scans\H7.1.pdf"#]])])
            let bad = try c.make(batch)
            let result = batch.read(bad)
            XCTAssertEqual(result.problems.count, 1, "\(c.name): \(result.problems)")
            if let p = result.problems.first {
                XCTAssertEqual(p.file, c.file, c.name)
                XCTAssertEqual(p.row, c.row, c.name)
                XCTAssertEqual(p.column, c.column, c.name)
                XCTAssertTrue(p.reason.contains(c.reason), "\(c.name): \(p.reason)")
            }
            XCTAssertEqual(result.documents.map(\.id), c.documents, c.name)
            let other = batch.read(good)
            XCTAssertEqual(other.problems, [], c.name)
            XCTAssertEqual(other.documents.map(\.path), ["tot/scans/H7.1.pdf"], c.name)
        }
    }

    /// Excel's lock file while a workbook is open is no delivery file: nothing read, nothing reported.
    func testExcelLockFileIsIgnored() throws {
        let batch = try WorkbookTestBatch()
        let lock = try batch.bytes("~$metadata.xlsx", Data([0x0B]) + Data("Nguyễn Văn An".utf8))
        let result = batch.read(lock)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.documents, [])
    }

    // MARK: - Cells

    /// Typed cells as read: shared strings with rich runs (phonetic runs left out), inline strings, numbers
    /// (`1` not `1.0`, `12.5`), booleans, formulas' cached results, `_x000D_` escapes, date serials in built-in and
    /// custom formats, a number format that is not a date, cells and references missing in the middle of a row.
    func testCells() throws {
        let batch = try WorkbookTestBatch()
        let url = try batch.workbook("o.xlsx", [
            XLSXSheet(name: "Ô", rows: [
                [.rich(["Quyết định ", "số 1605", "/QĐ-UBND"]), .inline("Tờ trình\rsố 325"), 1, 12.5, .bool(true), .empty,
                 .formula("A1&\"\"", result: "Kế hoạch"), .date(40954), .formatted(40954.75, format: "dd/mm/yyyy"),
                 .formatted(40954, format: "#,##0.00"), .formatted(45658, format: #"[$-42A]d "tháng" m "năm" yyyy"#), "01"],
            ]),
            XLSXSheet(name: "Không địa chỉ", rows: [[], ["a", .empty, "c"], ["d"]], omitReferences: true),
        ])
        let book = try Workbook.open(url)
        XCTAssertEqual(book.sheets.map(\.name), ["Ô", "Không địa chỉ"])
        let row = try XCTUnwrap(book.read(book.sheets[0]).rows.first)
        XCTAssertEqual(row.number, 1)
        let texts = (0..<12).map { row.cells[$0]?.text }
        XCTAssertEqual(texts, ["Quyết định số 1605/QĐ-UBND", "Tờ trình\rsố 325", "1", "12.5", "TRUE", nil, "Kế hoạch",
                               "15/02/2012", "15/02/2012", "40954", "01/01/2025", "01"])
        XCTAssertEqual(row.cells[7], .date(year: 2012, month: 2, day: 15))
        // Without references, rows and cells follow one another (a missing <c> cannot be told without them).
        let plain = try book.read(book.sheets[1]).rows
        XCTAssertEqual(plain.map(\.number), [1, 2])
        XCTAssertEqual(plain[0].cells, [0: .text("a"), 1: .text("c")])
    }

    /// Sheet XML as other tools write it (prefixed namespace), and XML refused: a DOCTYPE (entities could
    /// expand without bound), broken XML, a part over the size limit.
    func testSheetXML() throws {
        let batch = try WorkbookTestBatch()
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let prefixed = #"<x:worksheet xmlns:x="\#(ns)"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Hồ sơ</x:t></x:is></x:c><x:c r="D2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        let doctype = #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><worksheet xmlns="\#(ns)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>"#
        let broken = #"<worksheet xmlns="\#(ns)"><sheetData><row r="1"><c r="A1"><v>1</v></row>"#
        let big = XLSXSheet(name: "Lớn", rows: [[.inline(String(repeating: "Biên bản họp dân ", count: 400))]])
        let url = try batch.workbook("x.xlsx", [
            XLSXSheet(name: "Tiền tố", rows: [], xml: prefixed), XLSXSheet(name: "DTD", rows: [], xml: doctype),
            XLSXSheet(name: "Hỏng", rows: [], xml: broken), big,
        ])
        let book = try Workbook.open(url, maxPartSize: 4000)
        XCTAssertEqual(try book.read(book.sheets[0]).rows, [Workbook.Row(number: 2, cells: [1: .text("Hồ sơ"), 3: .number(7)])])
        let failures: [(Int, String)] = [(1, "DOCTYPE"), (2, "không đọc được XML"), (3, "quá lớn")]
        for (index, reason) in failures {
            XCTAssertThrowsError(try book.read(book.sheets[index]), reason) { error in
                let message = (error as? Workbook.Failure)?.message ?? ""
                XCTAssertTrue(message.contains(reason), message)
            }
        }
        // Through the reader: each refused sheet is a problem at its place, and no sheet has metadata.
        let result = batch.read(url)
        XCTAssertEqual(result.problems.map(\.file), ["x.xlsx, trang “DTD”", "x.xlsx, trang “Hỏng”"])
    }

    func testDateSerials() throws {
        let cases: [(serial: Double, date1904: Bool, date: String?)] = [
            (1, false, "01/01/1900"), (59, false, "28/02/1900"), (60, false, "29/02/1900"), (61, false, "01/03/1900"),
            (40909, false, "01/01/2012"), (40954, false, "15/02/2012"), (40954.999, false, "15/02/2012"),
            (45658, false, "01/01/2025"), (2_958_465, false, "31/12/9999"), (0, false, nil), (0.5, false, nil),
            (0, true, "01/01/1904"), (39492, true, "15/02/2012"),
        ]
        for c in cases {
            let got = Workbook.civilDate(serial: c.serial, date1904: c.date1904).map { Workbook.Cell.date(year: $0.0, month: $0.1, day: $0.2).text! }
            XCTAssertEqual(got, c.date, "\(c.serial) \(c.date1904)")
        }
        // In a workbook of the 1904 system, and the 29/02/1900 Excel invents refused by the date check.
        let batch = try WorkbookTestBatch()
        let url = try batch.workbook("d.xlsx", [XLSXSheet(name: "S", rows: [[.date(39492)]])], date1904: true)
        let book = try Workbook.open(url)
        XCTAssertTrue(book.date1904)
        XCTAssertEqual(try book.read(book.sheets[0]).rows.first?.cells[0], .date(year: 2012, month: 2, day: 15))
        XCTAssertNil(ArchiveDateValue.parse("29/02/1900"))

        let formats: [(String, Bool)] = [
            ("dd/mm/yyyy", true), ("m/yyyy", true), ("[$-42A]d mmmm yyyy", true), ("yyyy", true), ("h:mm", false),
            ("mm:ss", false), ("0.00", false), ("#,##0", false), ("General", false), (#""ngày" 0"#, false), ("[Red]0", false),
        ]
        for (code, isDate) in formats { XCTAssertEqual(Workbook.isDateFormat(code), isDate, code) }
    }

    func testValues() {
        let symbols = [("/QĐ-CC", "QĐ-CC"), ("/BC - CC", "BC-CC"), ("  TTr – TNMT ", "TTr-TNMT"), ("2014/NĐ-CP", "2014/NĐ-CP"),
                       ("QĐ-UBND", "QĐ-UBND"), ("/ KH-UBND", "KH-UBND")]
        for (cell, want) in symbols { XCTAssertEqual(cleanSymbol(cell), want, cell) }
        XCTAssertEqual(WorkbookRows.cleanNumber("12/"), "12")
        XCTAssertTrue(WorkbookRows.splitNumberSymbol("12/QĐ-CC") == ("12", "QĐ-CC"))
        XCTAssertTrue(WorkbookRows.splitNumberSymbol("43/2014/NĐ-CP") == ("43", "2014/NĐ-CP"))

        let codes = [("Thời hạn lưu trữ", "Vĩnh viễn", "01"), ("Thời hạn lưu trữ", "70 NĂM", "02"), ("Thời hạn lưu trữ", "1", "01"),
                     ("Thời hạn lưu trữ", "Theo quy định", "Theo quy định"), ("Chế độ sử dụng", "Sử dụng có điều kiện", "02"),
                     ("Ngôn ngữ", "Tiếng Việt, Hán Nôm", "01, 09"), ("Ngôn ngữ", "Tiếng Việt, Tiếng Pháp", "Tiếng Việt, Tiếng Pháp"),
                     ("Tình trạng vật lý", "Tốt", "01"), ("Trích yếu nội dung", "01", "01")]
        for (column, cell, want) in codes { XCTAssertEqual(FieldCode.codes(cell, forColumn: column), want, cell) }

        let dates: [([WorkbookDatePart: String], String)] = [
            ([.day: "5", .month: "2", .year: "2012"], "05/02/2012"), ([.month: "02", .year: "2012"], "02/2012"),
            ([.year: "2012"], "2012"), ([.day: "5", .year: "2012"], "05//2012"),
            ([.day: "15/02/2012"], "15/02/2012"), ([.day: "15/02/2012", .year: "2012"], "15/02/2012"),
        ]
        for (parts, want) in dates { XCTAssertEqual(WorkbookRows.joinDate(parts), want) }

    }

    /// Header names as people write them: line breaks, NFD, `STT` that only counts alone, the same unknown name
    /// twice, a known column written twice (kept as extra, reported), `Số và ký hiệu` in one cell.
    func testHeader() {
        let h = WorkbookHeader(row: 4, cells: [
            0: "STT", 1: "Số thứ tự\nvăn bản trong hồ sơ", 2: "Mã hồ sơ", 3: "Tiêu đề hồ sơ".decomposedStringWithCanonicalMapping,
            4: "Số và ký hiệu", 5: "Người nhập", 6: "Người nhập", 7: "Trích yếu", 8: "Trích yếu nội dung", 10: "Tệp tin",
        ])
        XCTAssertEqual(h.columns[0], .documentExtra("STT"))
        XCTAssertEqual(h.columns[1], .documentField("Số thứ tự"))
        XCTAssertEqual(h.columns[2], .fileID)
        XCTAssertEqual(h.columns[3], .fileField("Tiêu đề hồ sơ"))
        XCTAssertEqual(h.columns[4], .numberAndSymbol)
        XCTAssertEqual(h.columns[5], .documentExtra("Người nhập"))
        XCTAssertEqual(h.columns[6], .documentExtra("Người nhập (2)"))
        XCTAssertEqual(h.columns[7], .documentField("Trích yếu nội dung"))
        XCTAssertEqual(h.columns[8], .documentExtra("Trích yếu nội dung"))
        XCTAssertEqual(h.columns[10], .documentField("Tệp"))
        XCTAssertEqual(h.problems.map(\.column), ["Trích yếu nội dung"])
        XCTAssertTrue(h.hasPath && h.hasTitle && h.hasFileID && h.hasOrdinal)
        XCTAssertEqual(h.names[1], "Số thứ tự văn bản trong hồ sơ")
    }
}
