import XCTest
@testable import Delivery

/// `<Mã hồ sơ>.<số thứ tự>` read one way for workbook cells, orphan scans and the acceptance check.
final class ScanFileNameTests: XCTestCase {
    func testNamesAsDeliveriesWriteThem() {
        let table: [(String, Bool, String?, Int?)] = [
            // path, is a folder, Mã hồ sơ, số thứ tự
            ("H49.64.33.2001.160.001.pdf", false, "H49.64.33.2001.160", 1),
            ("H49.64.33.2012.015.3.PDF", false, "H49.64.33.2012.015", 3),
            (#"D:\SoHoa\Phong 64\H49.64.33.2012.015.003.pdf"#, false, "H49.64.33.2012.015", 3),
            ("anh/H49.64.33.2012.015.3", true, "H49.64.33.2012.015", 3),
            ("anh/H1.3", false, "H1", 3),
            ("H1.2.TIF", false, "H1", 2),
            ("H49.64.33.2012.015.3.pdf", true, nil, nil),           // a folder named like a file
            ("001.PDF", false, nil, 1),                              // an ordinal without a Mã hồ sơ
            ("ban-scan.pdf", false, nil, nil),
            ("H49.64.33.2012.015.3a.pdf", false, nil, nil),
            ("H49.64.33.2012.015.0.pdf", false, nil, nil),
            ("H49..015.3.pdf", false, nil, 3),                      // an empty part: no Mã hồ sơ
            ("H49.64.33.2012.015.1234567890.pdf", false, nil, nil),  // ten digits: not an ordinal
            ("Đ49.64.33.2012.015.2.pdf".decomposedStringWithCanonicalMapping, false, "Đ49.64.33.2012.015", 2),
        ]
        for (path, isFolder, fileID, ordinal) in table {
            let parsed = ScanFileName.parse(path, isFolder: isFolder)
            XCTAssertEqual(parsed?.fileID, fileID, path)
            if fileID != nil { XCTAssertEqual(parsed?.ordinal, ordinal, path) }
            XCTAssertEqual(ScanFileName.ordinal(path, isFolder: isFolder), ordinal, path)
        }
    }

    /// A scan with no metadata row is taken in only under a full, valid Mã hồ sơ.
    func testOrphanScansNeedAFullFileID() {
        XCTAssertTrue(DeliveryReader.documentID(fromFileName: "H49.64.33.2012.015.3.pdf")! == ("H49.64.33.2012.015", 3))
        XCTAssertNil(DeliveryReader.documentID(fromFileName: "scan.1.pdf"))
        XCTAssertNil(DeliveryReader.documentID(fromFileName: "H49.3.pdf"))
    }
}
