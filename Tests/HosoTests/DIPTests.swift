import Access
import Catalogue
import Foundation
import FoundationXML
import XCTest
import ZIPFoundation
@testable import DataFolder
@testable import Export
@testable import Search

/// Gói DIP (TT 05/2025, Phụ lục V) unzipped: the E-ARK CSIP tree, every checksum of its METS recomputed,
/// the request's seven fields, the EAD of the documents; the copy command and the viewer's action.
final class DIPTests: XCTestCase {
    /// An attribute by its local name (`xlink:href` is `href`).
    func attr(_ e: XMLElement, _ local: String) -> String? {
        e.attributes?.first { $0.localName == local || $0.name == local }?.stringValue
    }

    func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try ZIPFoundation.Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    func testDIPOfAHoSoUnzipsToTheCSIPTreeWithItsChecksumsRight() throws {
        let archive = try Search.Archive(data: Fixture.get().data)
        let file = "H49.64.33.2012.015"
        let package = try archive.dip(CopyTests.request(file, .copy), by: CopyTests.staff(), settings: CopyTests.settings())
        let ids = try archive.exportableDocumentIDs(role: .staff, fileID: file)
        XCTAssertEqual(package.documentIDs, ids)
        let files = try unzip(package.zip)
        let root = "DIP_\(file)/"
        XCTAssertEqual(Set(files.keys), Set(["METS.xml", "metadata/descriptive/EAD.xml", "metadata/other/PhieuYeuCau.xml"]
            .map { root + $0 } + ids.map { root + "representations/rep1/data/\($0).pdf" }))

        // Every file the METS names (mdRef and FLocat), with its SHA-256 and size, recomputed.
        let mets = try XMLDocument(data: try XCTUnwrap(files[root + "METS.xml"]))
        let listed = try mets.nodes(forXPath: "//*[local-name()='mdRef'] | //*[local-name()='file']")
        XCTAssertEqual(listed.count, 2 + ids.count)
        var named: Set<String> = []
        for case let node as XMLElement in listed {
            let location = try node.nodes(forXPath: "*[local-name()='FLocat']").first as? XMLElement
            let href = try XCTUnwrap(attr(node, "href") ?? location.flatMap { attr($0, "href") })
            let data = try XCTUnwrap(files[root + href], href)
            XCTAssertEqual(attr(node, "CHECKSUMTYPE"), "SHA-256")
            XCTAssertEqual(attr(node, "CHECKSUM"), SHA256.hex(data), href)
            XCTAssertEqual(attr(node, "SIZE"), String(data.count), href)
            named.insert(href)
        }
        XCTAssertEqual(named.count, 2 + ids.count)
        XCTAssertEqual(mets.rootElement().flatMap { attr($0, "OTHERTYPE") }, "DIP")
        XCTAssertEqual(mets.rootElement().flatMap { attr($0, "OBJID") }, "DIP_\(file)")

        // The request, its seven fields.
        let form = try XMLDocument(data: try XCTUnwrap(files[root + "metadata/other/PhieuYeuCau.xml"]))
        let fields = (form.rootElement()?.children ?? []).compactMap { $0 as? XMLElement }
            .map { (attr($0, "ten") ?? "", $0.stringValue ?? "") }
        XCTAssertEqual(fields.map(\.0), ["Họ và tên", "Số CCCD", "Địa chỉ", "Mục đích sử dụng", "Tài liệu yêu cầu",
                                         "Hình thức", "Ngày yêu cầu"])
        XCTAssertEqual(fields.map(\.1), ["Nguyễn Văn Hùng", "066079001234", "thôn 3, xã Ea Kly, huyện Krông Pắc",
                                         "Làm thủ tục cấp giấy chứng nhận quyền sử dụng đất", file, "bản sao không xác thực",
                                         "03/12/2026"])

        // The EAD: the hồ sơ and each document, pointing at its PDF.
        let ead = try XMLDocument(data: try XCTUnwrap(files[root + "metadata/descriptive/EAD.xml"]))
        let units = try ead.nodes(forXPath: "//*[local-name()='c']/*[local-name()='did']/*[local-name()='unitid']").map { $0.stringValue ?? "" }
        XCTAssertEqual(units, ids)
        XCTAssertEqual(try ead.nodes(forXPath: "//*[local-name()='archdesc']/*[local-name()='did']/*[local-name()='unitid']")
            .first?.stringValue, file)

        // Each PDF is a bản sao: BẢN SAO on its first page.
        try PDFTools.require("pdftotext")
        for id in ids {
            let url = try PDFTools.write(try XCTUnwrap(files[root + "representations/rep1/data/\(id).pdf"]), id)
            try CopyTests.assertMarks(try PDFTools.words(url), copy: true)
        }
    }

    func testDIPNeedsTheWholeRequest() throws {
        let archive = try Search.Archive(data: Fixture.get().data)
        for blank in ["citizenID", "address", "purpose"] {
            var r = CopyTests.request("H49.64.33.2012.015.2", .copy)
            switch blank {
            case "citizenID": r.citizenID = ""
            case "address": r.address = ""
            default: r.purpose = ""
            }
            XCTAssertThrowsError(try archive.dip(r, by: CopyTests.staff(), settings: CopyTests.settings()), blank) { error in
                XCTAssertEqual((error as? HosoError)?.kind, .usage)
            }
        }
        var wrong = CopyTests.request("H49.64.33.2012.015.2", .copy)
        wrong.citizenID = "12345"
        XCTAssertThrowsError(try archive.dip(wrong, by: CopyTests.staff(), settings: CopyTests.settings()))
        wrong = CopyTests.request("H49.64.33.2012.015.2", .copy)
        wrong.date = "31/02/2026"
        XCTAssertThrowsError(try archive.userCopy(wrong, by: CopyTests.staff(), settings: CopyTests.settings()))
    }

    /// `hoso copy` (CONTRACT.md: `hoso copy --data DIR [--role R] ID OUT.pdf`): exit 0 with the file, 1 for an
    /// unknown or hidden id, 2 for a role that may not copy.
    func testCopyCommandExitCodes() throws {
        let built = try Fixture.get()
        let out = try Fixture.temporaryDirectory("copy-cli")
        let data = built.data.url.path
        let name = ["--ho-ten", "Y Bih Niê", "--ten-co-quan", CopyTests.archiveName]
        let ok = try Fixture.hoso(["copy", "--data", data, "--role", "staff"] + name
                                  + ["H49.64.33.2012.015.2", out.appendingPathComponent("a.pdf").path])
        XCTAssertEqual(ok.code, 0, ok.err)
        try CopyTests.assertMarks(try PDFTools.words(out.appendingPathComponent("a.pdf")), copy: true)
        let reading = try Fixture.hoso(["copy", "--data", data, "--role", "staff", "--loai", "ban-doc"] + name
                                       + ["H49.64.33.2012.015.2", out.appendingPathComponent("b.pdf").path])
        XCTAssertEqual(reading.code, 0, reading.err)
        try CopyTests.assertMarks(try PDFTools.words(out.appendingPathComponent("b.pdf")), copy: false)
        let dip = try Fixture.hoso(["copy", "--data", data, "--role", "staff", "--cccd", "066079001234", "--dia-chi", "Buôn Ma Thuột",
                                    "--muc-dich", "Nghiên cứu"] + name + ["H49.64.33.2012.015", out.appendingPathComponent("c.zip").path])
        XCTAssertEqual(dip.code, 0, dip.err)
        XCTAssertTrue(try unzip(Data(contentsOf: out.appendingPathComponent("c.zip"))).keys.contains("DIP_H49.64.33.2012.015/METS.xml"))
        let hidden = try Fixture.hoso(["copy", "--data", data, "--role", "staff"] + name
                                      + ["H54.55.12.2012.031.3", out.appendingPathComponent("d.pdf").path])
        let unknown = try Fixture.hoso(["copy", "--data", data, "--role", "staff"] + name
                                       + ["H49.64.33.9999.999.1", out.appendingPathComponent("d.pdf").path])
        XCTAssertEqual(hidden.code, 1)
        XCTAssertEqual(unknown.code, 1)
        XCTAssertEqual(hidden.err.replacingOccurrences(of: "H54.55.12.2012.031.3", with: "ID"),
                       unknown.err.replacingOccurrences(of: "H49.64.33.9999.999.1", with: "ID"))
        let refused = try Fixture.hoso(["copy", "--data", data] + name + ["H49.64.33.2012.015.2", out.appendingPathComponent("e.pdf").path])
        XCTAssertEqual(refused.code, 2)
        XCTAssertTrue(refused.err.contains("không được cấp bản sao"), refused.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("d.pdf").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("e.pdf").path))
    }
}
