import Acceptance
import Foundation
import OCR
import XCTest

/// `hoso check` on the sample deliveries: the faulty one (samples/delivery/check/loi, EXPECTED.md) gives every
/// planted defect and nothing else, the clean one nothing; the page counts add up.
final class SampleDeliveryTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/delivery")
    static let fileA = "000.00.64.H49.12.2016.K4.01.01", fileB = "000.00.64.H49.12.2017.K4.01.02"

    /// One check per delivery per test process (each renders every page).
    nonisolated(unsafe) private static var reports: [String: AcceptanceReport] = [:]
    private static let lock = NSLock()

    static func report(_ relative: String) throws -> AcceptanceReport {
        lock.lock(); defer { lock.unlock() }
        if let done = reports[relative] { return done }
        let report = try DeliveryCheck().run(batch: samples.appendingPathComponent(relative))
        reports[relative] = report
        return report
    }

    struct Key: Hashable, CustomStringConvertible {
        var requirement: Requirement, fileID: String?, documentID: String?, page: Int?
        var description: String { "\(requirement.rawValue) \(documentID ?? fileID ?? "-") \(page.map(String.init) ?? "")" }
    }

    func keys(_ findings: [Finding]) -> Set<Key> {
        Set(findings.map { Key(requirement: $0.requirement, fileID: $0.fileID, documentID: $0.documentID, page: $0.page) })
    }

    func testTheFaultyDeliveryGivesEveryPlantedDefectAndNothingElse() throws {
        let report = try Self.report("check/loi")
        let a = Self.fileA, b = Self.fileB
        let expected: Set<Key> = [
            Key(requirement: .resolution, fileID: a, documentID: a + ".1", page: 1),   // 150 dpi
            Key(requirement: .colour, fileID: a, documentID: a + ".2", page: 2),       // grey page in a colour file
            Key(requirement: .order, fileID: a, documentID: nil, page: nil),             // ordinal 3 missing
            Key(requirement: .doubled, fileID: a, documentID: a + ".4", page: 2),      // page 1 scanned twice
            Key(requirement: .completeness, fileID: b, documentID: b + ".1", page: nil), // Số lượng trang 3, file 2
            Key(requirement: .blank, fileID: b, documentID: b + ".2", page: 2),        // blank page
            Key(requirement: .pdfa, fileID: b, documentID: b + ".3", page: nil),       // not PDF/A
            // what follows from them: hồ sơ A lacks a document and its pages, hồ sơ B's page total is one too many
            Key(requirement: .completeness, fileID: a, documentID: nil, page: nil),
            Key(requirement: .completeness, fileID: b, documentID: nil, page: nil),
        ]
        let found = keys(report.findings)
        XCTAssertEqual(found.subtracting(expected).map(\.description).sorted(), [], "findings not planted")
        XCTAssertEqual(expected.subtracting(found).map(\.description).sorted(), [], "planted defects not found")
        XCTAssertEqual(report.reviews.map(\.line), [])
        XCTAssertEqual(report.exitCode, 1)

        func message(_ r: Requirement, _ document: String?) -> String {
            report.findings.filter { $0.requirement == r && $0.documentID == document }.map(\.message).joined(separator: " | ")
        }
        XCTAssertTrue(message(.resolution, a + ".1").contains("150 dpi"), message(.resolution, a + ".1"))
        XCTAssertTrue(message(.order, nil).contains("số thứ tự 3"), message(.order, nil))
        XCTAssertTrue(message(.completeness, b + ".1").contains("ghi 3, tệp có 2"), message(.completeness, b + ".1"))
        XCTAssertTrue(message(.doubled, a + ".4").contains("trang 1"), message(.doubled, a + ".4"))
        let blank = report.findings.first { $0.requirement == .blank }
        XCTAssertEqual(blank?.place, "\(b)/\(b).002.pdf, trang 2")
    }

    func testTheFaultyDeliverysPagesAddUp() throws {
        let report = try Self.report("check/loi")
        // 1 + 2 + 3 pages in hồ sơ A, 2 + 3 + 2 in B; refused: the 150 dpi, grey, doubled and blank pages, and
        // every page of the document whose count is wrong and of the one that is not PDF/A.
        XCTAssertEqual(report.pages, 13)
        XCTAssertEqual(report.refusedPages, 1 + 1 + 1 + 2 + 1 + 2)
        XCTAssertEqual(report.acceptedPages + report.refusedPages, report.pages)
        XCTAssertEqual(report.files.map(\.acceptedPages).reduce(0, +), report.acceptedPages)
        XCTAssertEqual(report.amount, report.acceptedPages * 4_384)
        for d in report.documents {
            let scan = Self.samples.appendingPathComponent("check/loi").appendingPathComponent(d.path)
            XCTAssertEqual(d.pages.count, try PDFDocument(url: scan).pageCount, d.id)
            XCTAssertEqual(d.acceptedPages + d.refusedPages, d.pages.count, d.id)
        }
        let b2 = try XCTUnwrap(report.documents.first { $0.id == Self.fileB + ".2" })
        XCTAssertEqual(b2.pages.map(\.accepted), [true, false, true])
    }

    func testTheCleanDeliveryGivesNothing() throws {
        let report = try Self.report("check/sach")
        XCTAssertEqual(report.allFindings.map(\.line), [])
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.pages, 6)
        XCTAssertEqual(report.acceptedPages, 6)
        XCTAssertEqual(report.amount, 6 * 4_384)
        for page in report.documents.flatMap(\.pages) {
            XCTAssertEqual(page.ppi, 300)          // the print layer of a mixed-raster page
            XCTAssertEqual(page.bitsPerPixel, 24)  // its colour background
            XCTAssertTrue(page.hasColour)
        }
    }

    /// The package delivery is clean; the Excel one lacks the text layer on one page (planted for ingest), and its
    /// poor layers are for a person's look, not refused.
    func testTheOtherSampleDeliveries() throws {
        let sip = try Self.report("sip")
        XCTAssertEqual(sip.findings.map(\.line), [])
        XCTAssertEqual(sip.pages, 6)
        XCTAssertTrue(sip.documents.allSatisfy { $0.path.hasSuffix("\($0.id).pdf") }, sip.documents.map(\.path).joined(separator: ", "))
        let xlsx = try Self.report("xlsx")
        XCTAssertEqual(keys(xlsx.findings).map(\.description),
                       [Key(requirement: .pdfa, fileID: Self.fileA, documentID: Self.fileA + ".4", page: 2).description])
        XCTAssertEqual(xlsx.refusedPages, 1)
        XCTAssertFalse(xlsx.reviews.isEmpty)
        XCTAssertTrue(xlsx.reviews.allSatisfy { $0.requirement == .legibility }, xlsx.reviews.map(\.line).joined(separator: "\n"))
    }

    func testTheReportAsCSVAndHTML() throws {
        let report = try Self.report("check/loi")
        let csv = ReportCSV.render(report)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Mã hồ sơ,Mã tài liệu,Trang,Yêu cầu,Kết quả"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(Self.fileB),\(Self.fileB).2,2,Không trang trắng,lỗi,\"trang trắng (mực 0,") },
                      lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(Self.fileA),,,Thứ tự,lỗi,\"thiếu tài liệu số thứ tự 3 (") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix(",,,Tổng cộng,,,") && $0.hasSuffix(",13,5,8") }, lines.last ?? "")
        XCTAssertTrue(lines.contains { $0.hasPrefix(",,,Thành tiền,21920,") }, lines.joined(separator: "\n"))
        let html = ReportHTML.render(report)
        XCTAssertTrue(html.hasPrefix("<!doctype html>"))
        XCTAssertTrue(html.contains("<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("21.920 đồng"))
        for finding in report.findings { XCTAssertTrue(html.contains(ReportHTMLEscape.esc(finding.place)), finding.place) }
        XCTAssertEqual(html.components(separatedBy: "<td class=\"loi\">").count - 1,
                       report.files.map { f in Set(f.findings.map(\.requirement)).count
                           + f.documents.map { d in Set(d.findings.filter { $0.kind == .finding }.map(\.requirement)).count }.reduce(0, +) }
                           .reduce(0, +))
        let text = ReportText.render(report)
        XCTAssertTrue(text.contains("Trang nghiệm thu đạt: 5"))
        XCTAssertTrue(text.contains("Thành tiền: 21.920 đồng"))
    }
}

/// The HTML escaping the report uses, for comparing places (paths hold no markup, but `&` may occur).
enum ReportHTMLEscape {
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
