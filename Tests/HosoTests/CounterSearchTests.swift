import Catalogue
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Search
import XCTest

/// Queries as a counter types them, on the real ingest of the samples: raw keys read and said, spoken
/// words said, a word no document holds left out and said, the suggestion in the names' own form — and none
/// of it built from what the role may not see.
final class CounterSearchTests: XCTestCase {
    func search(_ q: String, _ role: Role = .public) throws -> SearchResult {
        try Archive(data: Fixture.get().data).search(SearchRequestSpec(query: q, role: role))
    }

    func testKeysAreReadAndTheSuggestionIsTheNameAsWritten() throws {
        for q in ["nguyeenx vawn hungf", "nguye6n4 va8n hung2", "Nguyeenx vawn hungf"] {
            let r = try search(q)
            XCTAssertEqual(r.hits.first?.id, "H49.64.33.2012.015.2", q)
            XCTAssertEqual(r.decoded?.map(\.read), ["nguyễn", "văn", "hùng"], q)
            XCTAssertEqual(r.suggestion, "Nguyễn Văn Hùng", q)
            XCTAssertNil(r.leftOut, q)
        }
        XCTAssertEqual(try search("nguyeenx vawn hungf").decoded?.first, DecodedWord(typed: "nguyeenx", read: "nguyễn"))
        // Typed with its marks: nothing to say, nothing to suggest.
        let typed = try search("Nguyễn Văn Hùng")
        XCTAssertNil(typed.suggestion)
        XCTAssertNil(typed.decoded)
        XCTAssertNil(typed.expanded)
        XCTAssertNil(typed.leftOut)
        XCTAssertEqual(try search("nguyeenx vawn hungf").hits.map(\.id), typed.hits.map(\.id))
    }

    func testSpokenWordsAreSearchedAndSaid() throws {
        for role in [Role.public, .secret] {
            let r = try search("den bu giai toa ea kly", role)
            XCTAssertEqual(r.hits.first?.id, "H49.64.33.2012.015.4", "\(role)")
            XCTAssertEqual(r.expanded?.first?.typed, "den bu giai toa")
            XCTAssertEqual(r.expanded?.first?.by, "spoken")
            XCTAssertTrue(r.expanded?.first?.to.contains("bồi thường, hỗ trợ") ?? false)
            XCTAssertNil(r.suggestion)
        }
        XCTAssertEqual(try search("so do nguyen van hung").hits.first?.id, "H54.55.12.2019.014.2")
    }

    func testAWordNoDocumentHoldsIsLeftOutAndSaid() throws {
        let plain = try search("Nguyễn Văn Hùng")
        for q in ["Nguyễn Văn Hùng photo", "giùm Nguyễn Văn Hùng", "nguyễn văn hùng xyzzyq"] {
            let r = try search(q)
            XCTAssertEqual(r.leftOut?.count, 1, q)
            XCTAssertEqual(Set(r.hits.map(\.id)), Set(plain.hits.map(\.id)), q)
            XCTAssertEqual(r.total, plain.total, q)
            XCTAssertNil(r.suggestion, "\(q): a suggestion must find more than the answer")
        }
        XCTAssertEqual(try search("Nguyễn Văn Hùng photo").leftOut, ["photo"])
        XCTAssertEqual(try search("giùm Nguyễn Văn Hùng").leftOut, ["giùm"])
    }

    /// What a search says is the same for a word only hidden documents hold as for a word no document holds,
    /// and every word it offers (a near spelling, a suggestion) is found by the role itself.
    func testNothingSaidComesFromWhatTheRoleMayNotSee() throws {
        // `Bih` (Y Bih Niê) is only in documents of Sử dụng có điều kiện.
        let pub = try search("Y Bih Niê Ea Kly", .public)
        XCTAssertEqual(pub.leftOut, ["bih"])
        XCTAssertNil(try search("Y Bih Niê Ea Kly", .staff).leftOut)
        let archive = try Archive(data: Fixture.get().data)
        let store = archive.store
        for q in ["Y Bih Niê Ea Kly", "Y Bih Niê", "nguyeenx vawn hungf", "Nguypễn Văn Hùng", "kích động Tuy An", "lên lương",
                  "bảo vệ bí mật nhà nước photo"] {
            let r = try search(q, .public)
            for h in r.hits { XCTAssertEqual(try store.document(id: h.id)?.access, .open, "\(q): \(h.id)") }
            var offered = (r.expanded ?? []).filter { $0.by == "spelling" }.flatMap(\.to)
            offered += r.suggestion.map { $0.split(separator: " ").map(String.init) } ?? []
            for w in offered {
                XCTAssertGreaterThan(try search(w, .public).total, 0, "\(q): \(w) is not in a public document")
            }
        }
    }

    /// An archivist's `DATA/index-config/spoken.txt` replaces the builtin spoken words, without a rebuild; a
    /// bad line is reported with its file and line.
    func testTheArchivistsSpokenWordsAreRead() throws {
        let data = try Fixture.get().data
        let folder = Archive.configDirectory(data)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "giấy đỏ = giấy chứng nhận quyền sử dụng đất\n".write(to: folder.appendingPathComponent("spoken.txt"), atomically: true, encoding: .utf8)
        let archive = try Archive(data: data)
        let r = try archive.search(SearchRequestSpec(query: "giay do", role: .public))
        XCTAssertEqual(r.hits.first?.id, "H54.55.12.2019.014.2")
        XCTAssertEqual(r.expanded?.first?.to, ["giấy chứng nhận quyền sử dụng đất"])
        XCTAssertNil(try archive.search(SearchRequestSpec(query: "đền bù", role: .public)).expanded, "the file replaces the builtin list")
        try "giấy đỏ = \n".write(to: folder.appendingPathComponent("spoken.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Archive(data: data)) { error in
            XCTAssertTrue("\(error)".contains("spoken.txt, dòng 1"), "\(error)")
        }
    }

    func testTheResultPageSaysHowTheQueryWasRead() async throws {
        let archive = try Archive(data: Fixture.get().data)
        let app = Application(router: buildRouter(archive: archive))
        try await app.test(.router) { client in
            try await client.execute(uri: "/?q=nguyeenx+vawn+hungf+photo", method: .get) { response in
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("Đã đọc phím gõ «nguyeenx» là «nguyễn», «vawn» là «văn», «hungf» là «hùng»"), html)
                XCTAssertTrue(html.contains("không tài liệu nào có «photo» nên đã tìm theo các từ còn lại."), html)
            }
            try await client.execute(uri: "/?q=den+bu+Ea+Kly", method: .get) { response in
                XCTAssertTrue(String(buffer: response.body).contains("«den bu» tìm cả «bồi thường»"))
            }
            try await client.execute(uri: "/api/search?q=nguyeenx+vawn+hungf+photo", method: .get) { response in
                let json = try HTTPTests.json(response.body)
                XCTAssertEqual((json["decoded"] as? [[String: String]])?.first?["read"], "nguyễn")
                XCTAssertEqual(json["left_out"] as? [String], ["photo"])
                XCTAssertEqual(json["suggestion"] as? String, "Nguyễn Văn Hùng")
            }
        }
    }
}
