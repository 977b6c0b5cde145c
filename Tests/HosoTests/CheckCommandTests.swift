import Foundation
import XCTest

/// `hoso check` (`hoso nghiem-thu`) as an operator runs it: the table on standard output, the CSV and HTML files,
/// the unit price, and the exit codes of CONTRACT.md (0 all met, 1 findings, 2 unusable input or bad usage).
final class CheckCommandTests: XCTestCase {
    static let check = Fixture.samples.appendingPathComponent("delivery/check")

    func testTheFaultyDeliveryExitsOneAndWritesItsCSVAndHTML() throws {
        let out = try Fixture.temporaryDirectory("check-out")
        let csv = out.appendingPathComponent("nghiem-thu.csv"), html = out.appendingPathComponent("nghiem-thu.html")
        let run = try Fixture.hoso(["check", Self.check.appendingPathComponent("loi").path, "--unit-price", "1000",
                                    "--csv", csv.path, "--html", html.path])
        XCTAssertEqual(run.code, 1, run.err)
        XCTAssertTrue(run.out.contains("Tổng số trang: 13\nTrang nghiệm thu đạt: 5\nTrang không đạt: 8\n"), run.out)
        XCTAssertTrue(run.out.contains("Thành tiền: 5.000 đồng"), run.out)
        XCTAssertTrue(run.out.contains("150 dpi, dưới 200 dpi"), run.out)
        XCTAssertTrue(run.err.contains("Nghiệm thu: 5/13 trang đạt, 12 lỗi"), run.err)
        let bytes = try Data(contentsOf: csv)
        XCTAssertEqual([UInt8](bytes.prefix(3)), [0xEF, 0xBB, 0xBF])   // a byte-order mark, for spreadsheets
        let table = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(table.hasPrefix("Mã hồ sơ,Mã tài liệu,Trang,Yêu cầu,Kết quả,Chi tiết,Vị trí"), String(table.prefix(200)))
        XCTAssertTrue(table.contains(",,,Thành tiền,5000,"), table)
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(page.contains("BIÊN BẢN NGHIỆM THU KẾT QUẢ SỐ HÓA TÀI LIỆU"))
        XCTAssertTrue(page.contains("5.000 đồng"))
    }

    func testTheCleanDeliveryExitsZero() throws {
        let run = try Fixture.hoso(["nghiem-thu", Self.check.appendingPathComponent("sach").path])
        XCTAssertEqual(run.code, 0, run.out + run.err)
        XCTAssertTrue(run.out.contains("LỖI (0):\n  không có\n"), run.out)
        XCTAssertTrue(run.out.contains("Thành tiền: 26.304 đồng"), run.out)   // 6 pages × 4.384
    }

    func testUnusableInputExitsTwo() throws {
        let missing = try Fixture.hoso(["check", "/khong/co/lo/nay"])
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.err.contains("Không tìm thấy thư mục lô tài liệu: /khong/co/lo/nay"), missing.err)
        let empty = try Fixture.temporaryDirectory("check-empty")
        let nothing = try Fixture.hoso(["check", empty.path])
        XCTAssertEqual(nothing.code, 2)
        XCTAssertTrue(nothing.err.contains("không có ho_so.csv/tai_lieu.csv"), nothing.err)
        XCTAssertEqual(try Fixture.hoso(["check", Self.check.appendingPathComponent("sach").path, "--unit-price", "-5"]).code, 2)
    }
}
