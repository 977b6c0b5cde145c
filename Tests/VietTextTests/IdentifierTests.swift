import XCTest
@testable import VietText

final class IdentifierTests: XCTestCase {
    func testPatternsCompile() {
        XCTAssertTrue(IdentifierExtractor.patternsCompiled)
    }

    static let documentNumbers: [(String, [String])] = [
        ("Số: 1605/QĐ-UBND", ["1605/qd-ubnd"]),
        ("Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ", ["43/2014/nd-cp"]),
        ("Tờ trình số 325/TTr-TNMT", ["325/ttr-tnmt"]),
        ("theo Báo cáo 12/BC-TTr của Thanh tra", ["12/bc-ttr"]),
        ("số 1605 / QĐ - UBND ngày", ["1605/qd-ubnd"]),
        ("Thông tư 05/2025/TT-BNV", ["5/2025/tt-bnv"]),
        ("Công văn 1479/BCA-ANCTNB (2025)", ["1479/bca-anctnb"]),
        ("Hợp đồng 123/HĐ/NN", ["123/hd/nn"]),
        ("Quyết định 1605/QĐ-UBND và 1606/QĐ-UBND, 1605/QĐ-UBND", ["1605/qd-ubnd", "1606/qd-ubnd"]),
        ("SỐ: 1605/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["1605/qd-ubnd"]),
        ("1605/QĐ-UBND".decomposedStringWithCanonicalMapping, ["1605/qd-ubnd"]),
        ("ngày 15/02/2012", []),
        ("diện tích 120 m2/người", []),
        ("1/2 diện tích", []),
        ("1605/qd-ubnd", []),   // printed symbols are capitals; lower case only in queries
        ("không có số", []),
    ]

    func testDocumentNumbers() {
        for (text, expected) in Self.documentNumbers {
            XCTAssertEqual(IdentifierExtractor.documentNumbers(in: text).map(\.canonical), expected, text)
        }
    }

    func testLenientDocumentNumbers() {
        let table: [(String, [String])] = [
            ("1605/qd-ubnd", ["1605/qd-ubnd"]), ("1605/QD-UBND", ["1605/qd-ubnd"]), ("1605 / qđ - ubnd", ["1605/qd-ubnd"]),
            ("43/2014/nđ-cp", ["43/2014/nd-cp"]), ("1605/qđ", ["1605/qd"]), ("1605", []), ("qd 1605", []),
        ]
        for (text, expected) in table {
            XCTAssertEqual(IdentifierExtractor.documentNumbers(in: text, lenient: true).map(\.canonical), expected, text)
        }
    }

    func testDocumentNumberKeys() {
        let a = DocumentNumber(number: "43", year: "2014", symbolParts: ["NĐ", "CP"])
        XCTAssertEqual(a.canonical, "43/2014/nd-cp")
        XCTAssertEqual(a.keys, ["43/2014/nd-cp", "43/2014/nd", "43/nd"])
        let b = DocumentNumber(number: "01605", symbolParts: ["QĐ", "UBND"])
        XCTAssertEqual(b.keys, ["1605/qd-ubnd", "1605/qd"])
        XCTAssertEqual(b.symbol, "qd-ubnd")
        XCTAssertEqual(DocumentNumber(number: "7", symbolParts: ["TB"]).keys, ["7/tb"])
    }

    static let citizenIDs: [(String, [String])] = [
        ("CCCD số 079123456789 cấp ngày 01/01/2021", ["079123456789"]),
        ("CMND số: 241234567 do CA Đắk Lắk cấp", ["241234567"]),
        ("CMND 241234567 và CCCD 066190001234", ["241234567", "066190001234"]),
        ("mã 1234567890123", []),                  // 13 digits: part of a longer run
        ("CCCD 179123456789", []),                 // 12 digits must start with 0 (province code)
        ("điện thoại +84 912345678", []),
        ("ĐT: (+84) 912345678", []),
        ("ĐT +84912345678", []),
        ("di động 0912345678", []),                // 10 digits
        ("số tiền 1.500.000.000 đồng", []),
        ("tổng 123456789,5 m2", []),
        ("mã 12345678", []),
    ]

    func testCitizenIDs() {
        for (text, expected) in Self.citizenIDs {
            XCTAssertEqual(IdentifierExtractor.citizenIDs(in: text).map(\.digits), expected, text)
        }
        XCTAssertEqual(CitizenID("079123456789")?.kind, .cccd)
        XCTAssertEqual(CitizenID("241234567")?.kind, .cmnd)
        XCTAssertNil(CitizenID("24123456a"))
    }

    static let parcels: [(String, [String])] = [
        ("thửa đất số 305, tờ bản đồ số 80", ["305/80"]),
        ("thửa số 305 tờ số 80", ["305/80"]),
        ("thửa 305 tờ 80", ["305/80"]),
        ("THỬA ĐẤT SỐ 305, TỜ BẢN ĐỒ SỐ 80", ["305/80"]),
        ("thua dat so 305, to ban do so 80", ["305/80"]),
        ("tờ bản đồ số 80, thửa đất số 305", ["305/80"]),
        ("thửa đất số 305, tờ bản đồ địa chính số 80, diện tích 120 m2", ["305/80"]),
        ("thửa đất số 305", ["305"]),
        ("thửa đất số 12 và thửa đất số 13 thuộc tờ bản đồ số 7", ["12", "13/7"]),
        ("thửa đất số 0305, tờ bản đồ số 080", ["305/80"]),
        ("thửa đất số 305, tờ bản đồ số 80".decomposedStringWithCanonicalMapping, ["305/80"]),
        ("thưa ông", []),
    ]

    func testParcels() {
        for (text, expected) in Self.parcels {
            XCTAssertEqual(IdentifierExtractor.parcels(in: text).map(\.key), expected, text)
        }
    }

    static let dates: [(String, [String])] = [
        ("Đắk Lắk, ngày 15 tháng 02 năm 2012", ["20120215"]),
        ("ngày 15 tháng 2 năm 2012", ["20120215"]),
        ("NGÀY 15 THÁNG 02 NĂM 2012", ["20120215"]),
        ("ngay 15 thang 02 nam 2012", ["20120215"]),
        ("15/02/2012", ["20120215"]), ("15/2/2012", ["20120215"]), ("15-02-2012", ["20120215"]),
        ("15.02.2012", ["20120215"]), ("5/2/2012", ["20120205"]), ("15 / 02 / 2012", ["20120215"]),
        ("tháng 02/2012", ["20120200"]), ("tháng 2 năm 2012", ["20120200"]), ("tháng 12-2011", ["20111200"]),
        ("năm 2012", ["20120000"]),
        ("từ 15/02/2012 đến 20/03/2012", ["20120215", "20120320"]),
        ("ngày 15 tháng 02 năm 2012 và năm 2013", ["20120215", "20130000"]),
        ("31/02/2012", []), ("29/02/2012", ["20120229"]), ("29/02/2013", []), ("15/13/2012", []),
        ("số 1605/02/2012", []), ("năm 20122", []), ("năm nay", []),
        ("ngày 15 tháng 02 năm 2012".decomposedStringWithCanonicalMapping, ["20120215"]),
    ]

    func testDates() {
        for (text, expected) in Self.dates {
            XCTAssertEqual(IdentifierExtractor.dates(in: text).map(\.sortKey), expected, text)
        }
    }

    func testExtractAll() {
        let text = "Quyết định số 1605/QĐ-UBND ngày 15/02/2012 thu hồi thửa đất số 305, tờ bản đồ số 80 của bà H’Hen Niê, CCCD 066190001234."
        let ids = IdentifierExtractor.extract(text)
        XCTAssertEqual(ids.documentNumbers.map(\.canonical), ["1605/qd-ubnd"])
        XCTAssertEqual(ids.dates.map(\.sortKey), ["20120215"])
        XCTAssertEqual(ids.parcels, [Parcel(parcel: "305", sheet: "80")])
        XCTAssertEqual(ids.citizenIDs.map(\.digits), ["066190001234"])
    }
}

final class ArchiveDateTests: XCTestCase {
    func testValidation() {
        XCTAssertNotNil(ArchiveDate(year: 2012, month: 2, day: 29))
        XCTAssertNil(ArchiveDate(year: 2013, month: 2, day: 29))
        XCTAssertNil(ArchiveDate(year: 2012, month: 2, day: 31))
        XCTAssertNil(ArchiveDate(year: 2012, month: 4, day: 31))
        XCTAssertNotNil(ArchiveDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(ArchiveDate(year: 1900, month: 2, day: 29))
        XCTAssertNil(ArchiveDate(year: 2012, month: 13))
        XCTAssertNil(ArchiveDate(year: 2012, month: 0))
        XCTAssertNil(ArchiveDate(year: 2012, month: nil, day: 5))
        XCTAssertNil(ArchiveDate(year: 99))
        XCTAssertEqual(ArchiveDate(year: 2012, month: 2, day: 15)?.sortKey, "20120215")
        XCTAssertEqual(ArchiveDate(year: 2012, month: 2)?.sortKey, "20120200")
        XCTAssertEqual(ArchiveDate(year: 2012)?.sortKey, "20120000")
        XCTAssertEqual(ArchiveDate(year: 2012, month: 2, day: 5)?.description, "05/02/2012")
        XCTAssertEqual(ArchiveDate(year: 2012, month: 2)?.description, "02/2012")
        XCTAssertEqual(ArchiveDate(year: 2012)?.sortKeyRange.to, "20121299")
        XCTAssertEqual(ArchiveDate(year: 2012, month: 2)?.sortKeyRange.from, "20120200")
        XCTAssertEqual(ArchiveDate(year: 2012, month: 2)?.sortKeyRange.to, "20120299")
        if let a = ArchiveDate(year: 2011), let b = ArchiveDate(year: 2011, month: 1, day: 1) { XCTAssertLessThan(a, b) } else { XCTFail() }
    }

    static let csv: [(String, String?)] = [
        ("15/02/2012", "20120215"), ("02/2012", "20120200"), ("2012", "20120000"), (" 5/2/2012 ", "20120205"),
        ("\u{FEFF}2012".replacingOccurrences(of: "\u{FEFF}", with: ""), "20120000"),
        ("15-02-2012", "20120215"), ("15.02.2012", "20120215"), ("2/2012", "20120200"),
        ("31/02/2012", nil), ("2012/02/15", nil), ("abc", nil), ("", nil), ("   ", nil), ("13/2012", nil),
        ("15/02/12", nil), ("00/2012", nil), ("29/02/2000", "20000229"), ("29/02/1900", nil),
        ("15//2012", nil), ("1/1/1/2012", nil), ("15/02/2012 10:30", nil), ("١٥/٠٢/٢٠١٢", nil),
    ]

    func testParseCSVCell() {
        for (cell, expected) in Self.csv {
            XCTAssertEqual(ArchiveDate.parse(csvCell: cell)?.sortKey, expected, cell)
        }
    }

    func testParseFreeText() {
        XCTAssertEqual(ArchiveDate.parse("ngày 15 tháng 02 năm 2012")?.sortKey, "20120215")
        XCTAssertEqual(ArchiveDate.parse("15/2/2012")?.sortKey, "20120215")
        XCTAssertNil(ArchiveDate.parse("hôm qua"))
    }
}

extension IdentifierTests {
    func testFromCatalogue() {
        let table: [(String?, String?, [String]?)] = [
            ("1605", "QĐ-UBND", ["1605/qd-ubnd", "1605/qd"]),
            ("43", "2014/NĐ-CP", ["43/2014/nd-cp", "43/2014/nd", "43/nd"]),
            ("05/2025", "TT-BNV", ["5/2025/tt-bnv", "5/2025/tt", "5/tt"]),
            ("325", "TTr-TNMT", ["325/ttr-tnmt", "325/ttr"]),
            ("1605/QĐ-UBND", nil, ["1605/qd-ubnd", "1605/qd"]),
            (" 12 ", " BC-TTr ", ["12/bc-ttr", "12/bc"]),
            ("1605", nil, nil), (nil, "QĐ-UBND", nil), (nil, nil, nil), ("", "", nil), ("không số", "x", nil),
        ]
        for (n, s, keys) in table {
            XCTAssertEqual(DocumentNumber.fromCatalogue(number: n, symbol: s)?.keys, keys, "\(n ?? "nil") \(s ?? "nil")")
        }
    }
}
