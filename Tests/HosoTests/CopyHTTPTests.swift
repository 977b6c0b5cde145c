import Access
import Catalogue
import Export
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Search
import XCTest

/// The viewer's "Cấp bản sao": the form for staff only, the copy through the real router (a bản đọc inline,
/// a bản sao as a download), 403 for the public, 404 alike for hidden and unknown documents.
final class CopyHTTPTests: XCTestCase {
    func form(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.subtracting(CharacterSet(charactersIn: "+&="))
        return ByteBuffer(string: fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
    }

    func testCopyFromTheViewer() async throws {
        try PDFTools.require("pdftotext")
        let (app, archive) = try HTTPTests.app()
        let token = try TokenService(store: archive.store).create(role: .staff, name: "phòng đọc \(UUID().uuidString.prefix(6))")
        let id = "H49.64.33.2012.015.2"
        let staff: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/x-www-form-urlencoded"]
        let request = ["ho_ten": "Nguyễn Thị Hoa", "cccd": "066179004321", "dia_chi": "Buôn Ma Thuột", "muc_dich": "Nghiên cứu"]
        let name = CopySettings.fromEnvironment().archiveName
        try await app.test(.router) { client in
            try await client.execute(uri: "/tai-lieu/\(id)", method: .get, headers: staff) { response in
                XCTAssertTrue(String(buffer: response.body).contains("Cấp bản sao"))
            }
            try await client.execute(uri: "/tai-lieu/\(id)", method: .get) { response in
                XCTAssertFalse(String(buffer: response.body).contains("Cấp bản sao"), "no copy form for the public")
            }
            var fields = request
            fields["loai"] = "ban-doc"
            try await client.execute(uri: "/tai-lieu/\(id)/ban-sao", method: .post, headers: staff, body: self.form(fields)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/pdf")
                XCTAssertEqual(response.headers[.contentDisposition], "inline; filename=\"\(id).ban-doc.pdf\"")
                XCTAssertEqual(response.headers[.cacheControl], "no-store")
                let url = try PDFTools.write(Data(response.body.readableBytesView), "web-ban-doc")
                try CopyTests.assertMarks(try PDFTools.words(url), copy: false, name: name)
            }
            fields["loai"] = "ban-sao"
            fields["pham_vi"] = "ho-so"
            try await client.execute(uri: "/tai-lieu/\(id)/ban-sao", method: .post, headers: staff, body: self.form(fields)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"H49.64.33.2012.015.ban-sao.pdf\"")
                let url = try PDFTools.write(Data(response.body.readableBytesView), "web-ban-sao")
                try CopyTests.assertMarks(try PDFTools.words(url), copy: true, name: name)
            }
            fields["loai"] = "dip"
            try await client.execute(uri: "/tai-lieu/\(id)/ban-sao", method: .post, headers: staff, body: self.form(fields)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/zip")
                XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"DIP_H49.64.33.2012.015.zip\"")
            }
            var anonymous = HTTPFields()
            anonymous[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/tai-lieu/\(id)/ban-sao", method: .post, headers: anonymous, body: self.form(fields)) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertTrue(String(buffer: response.body).contains("được cấp bản sao"))
            }
            var bodies: [String] = []
            for other in ["H54.55.12.2012.031.3", "H49.64.33.9999.999.1"] {
                try await client.execute(uri: "/tai-lieu/\(other)/ban-sao", method: .post, headers: staff, body: self.form(fields)) { response in
                    XCTAssertEqual(response.status, .notFound, other)
                    bodies.append(String(buffer: response.body).replacingOccurrences(of: other, with: "ID"))
                }
            }
            XCTAssertEqual(bodies.count, 2)
            XCTAssertEqual(bodies.first, bodies.last, "a hidden document answers as an unknown one")
            fields["loai"] = "ban-in"
            try await client.execute(uri: "/tai-lieu/\(id)/ban-sao", method: .post, headers: staff, body: self.form(fields)) { response in
                XCTAssertEqual(response.status, .badRequest)
            }
        }
    }
}
