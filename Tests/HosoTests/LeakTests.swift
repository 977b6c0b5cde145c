import Access
import Catalogue
import DataFolder
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Ingest
import Search
import VietText
import XCTest

/// A small corpus of `.txt` transcriptions (no OCR needed) where a third of the documents are restricted
/// and some names, words, types, issuers, numbers and years occur only in them. Built three times: the
/// whole corpus, what `staff` may see, and what `public` may see — for differential leak tests.
enum LeakCorpus {
    struct Doc {
        var file: String
        var ordinal: Int
        var type: String
        var number: String
        var date: String
        var issuer: String
        var summary: String
        var signer: String
        /// The document's own Chế độ sử dụng ("" takes the file's).
        var access: String
        var pages: [String]
        var id: String { "\(file).\(ordinal)" }
    }

    struct File {
        var id: String
        var title: String
        var fonds: String
        /// "" takes the default (Sử dụng có điều kiện).
        var access: String
    }

    static let files = [
        File(id: "H49.64.33.2010.001", title: "Hồ sơ thu hồi đất xã Hòa Thắng năm 2010", fonds: "UBND huyện Krông Pắc", access: "Công khai"),
        File(id: "H49.64.33.2011.002", title: "Hồ sơ tuyển dụng, bổ nhiệm cán bộ năm 2011", fonds: "UBND huyện Krông Pắc", access: "Sử dụng có điều kiện"),
        File(id: "H49.64.33.1999.003", title: "Hồ sơ chuyên án Hoa Sữa", fonds: "Công an tỉnh Đắk Lắk", access: "Mật"),
        File(id: "H49.64.33.2014.004", title: "Hồ sơ giải quyết khiếu nại năm 2014", fonds: "UBND huyện Krông Pắc", access: ""),
        File(id: "H49.64.33.2015.005", title: "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất năm 2015", fonds: "UBND huyện Krông Pắc", access: "01"),
    ]

    static let docs: [Doc] = [
        Doc(file: "H49.64.33.2010.001", ordinal: 1, type: "Tờ trình", number: "325/TTr-TNMT", date: "10/02/2010",
            issuer: "Phòng Tài nguyên và Môi trường", summary: "Về việc đề nghị thu hồi đất tại xã Hòa Thắng", signer: "Trần Thị Hoa",
            access: "", pages: ["Tờ trình đề nghị thu hồi đất của các hộ gia đình tại xã Hòa Thắng.", "Kính trình Ủy ban nhân dân huyện xem xét."]),
        Doc(file: "H49.64.33.2010.001", ordinal: 2, type: "Quyết định", number: "1605/QĐ-UBND", date: "15/02/2010",
            issuer: "UBND huyện Krông Pắc", summary: "Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng", signer: "Nguyễn Văn Hưng",
            access: "", pages: ["Quyết định thu hồi đất của hộ ông Nguyễn Văn Hùng, thửa đất số 305, tờ bản đồ số 80.",
                                "Điều 2. Giao Phòng Tài nguyên và Môi trường tổ chức thực hiện."]),
        Doc(file: "H49.64.33.2010.001", ordinal: 3, type: "Biên bản", number: "12/BB", date: "20/02/2010",
            issuer: "UBND xã Hòa Thắng", summary: "Biên bản kiểm đếm tài sản trên đất", signer: "Y Bih Niê",
            access: "", pages: ["Biên bản kiểm đếm nhà cửa, cây cối trên đất của hộ ông Nguyễn Văn Hùng."]),
        Doc(file: "H49.64.33.2010.001", ordinal: 4, type: "Thông báo", number: "45/TB-UBND", date: "01/03/2010",
            issuer: "UBND huyện Krông Pắc", summary: "Thông báo thu hồi đất để mở rộng Tỉnh lộ 10", signer: "Nguyễn Văn Hưng",
            access: "", pages: ["Thông báo thu hồi đất để mở rộng Tỉnh lộ 10 đoạn qua xã Hòa Thắng."]),
        Doc(file: "H49.64.33.2010.001", ordinal: 5, type: "Quyết định", number: "1702/QĐ-UBND", date: "05/03/2010",
            issuer: "UBND huyện Krông Pắc", summary: "Phê duyệt phương án bồi thường, hỗ trợ", signer: "Nguyễn Văn Hưng",
            access: "Công khai", pages: ["Phê duyệt phương án bồi thường, hỗ trợ và tái định cư cho hộ gia đình bị thu hồi đất."]),
        // A Mật document inside a public file.
        Doc(file: "H49.64.33.2010.001", ordinal: 6, type: "Báo cáo", number: "9/BC-CA", date: "07/03/2010",
            issuer: "Công an huyện Krông Pắc", summary: "Báo cáo về đối tượng Phạm Thị Xuyến", signer: "Đinh Công Tráng",
            access: "Mật", pages: ["Báo cáo về đối tượng Phạm Thị Xuyến, mật danh Hoa Sữa, hoạt động tại xã Hòa Thắng.",
                                   "Đề nghị tiếp tục theo dõi Phạm Thị Xuyến."]),
        Doc(file: "H49.64.33.2011.002", ordinal: 1, type: "Quyết định", number: "215/QĐ-UBND", date: "03/06/2011",
            issuer: "UBND huyện Krông Pắc", summary: "Về việc bổ nhiệm bà Lò Thị Nguyệt", signer: "Nguyễn Văn Hưng",
            access: "", pages: ["Quyết định bổ nhiệm bà Lò Thị Nguyệt giữ chức Trưởng phòng Nội vụ."]),
        Doc(file: "H49.64.33.2011.002", ordinal: 2, type: "Bản nhận xét", number: "7/NX", date: "01/06/2011",
            issuer: "Phòng Nội vụ", summary: "Nhận xét, đánh giá cán bộ Lò Thị Nguyệt", signer: "Trần Thị Hoa",
            access: "02", pages: ["Nhận xét bà Lò Thị Nguyệt: hoàn thành tốt nhiệm vụ."]),
        Doc(file: "H49.64.33.2011.002", ordinal: 3, type: "Thông báo", number: "30/TB-UBND", date: "10/05/2011",
            issuer: "UBND huyện Krông Pắc", summary: "Thông báo tuyển dụng công chức năm 2011", signer: "Nguyễn Văn Hưng",
            access: "Công khai", pages: ["Thông báo tuyển dụng công chức cấp xã năm 2011."]),
        Doc(file: "H49.64.33.1999.003", ordinal: 1, type: "Công điện", number: "77/CĐ-CA", date: "12/08/1999",
            issuer: "Công an tỉnh Đắk Lắk", summary: "Công điện về chuyên án Hoa Sữa", signer: "Đinh Văn Khuê",
            access: "", pages: ["Công điện khẩn về chuyên án Hoa Sữa.", "Đồng chí Đinh Văn Khuê chỉ đạo lực lượng."]),
        Doc(file: "H49.64.33.1999.003", ordinal: 2, type: "Công điện", number: "78/CĐ-CA", date: "15/08/1999",
            issuer: "Công an tỉnh Đắk Lắk", summary: "Công điện kết thúc chuyên án", signer: "Đinh Văn Khuê",
            access: "03", pages: ["Kết thúc chuyên án Hoa Sữa, lập hồ sơ đối tượng Phạm Thị Xuyến."]),
        Doc(file: "H49.64.33.2014.004", ordinal: 1, type: "Đơn", number: "", date: "02/04/2014",
            issuer: "Công dân", summary: "Đơn khiếu nại của ông Đinh Văn Khuê", signer: "Đinh Văn Khuê",
            access: "", pages: ["Đơn khiếu nại của ông Đinh Văn Khuê về việc bồi thường đất."]),
        Doc(file: "H49.64.33.2014.004", ordinal: 2, type: "Quyết định", number: "88/QĐ-UBND", date: "20/05/2014",
            issuer: "UBND huyện Krông Pắc", summary: "Quyết định giải quyết khiếu nại lần đầu", signer: "Nguyễn Văn Hưng",
            access: "01", pages: ["Quyết định giải quyết khiếu nại lần đầu về bồi thường đất tại xã Hòa Thắng."]),
        Doc(file: "H49.64.33.2015.005", ordinal: 1, type: "Giấy chứng nhận", number: "BĐ 123456", date: "11/11/2015",
            issuer: "UBND huyện Krông Pắc", summary: "Cấp giấy chứng nhận cho hộ bà H Hen Niê", signer: "Nguyễn Văn Hưng",
            access: "", pages: ["Giấy chứng nhận quyền sử dụng đất cho hộ bà H Hen Niê, thửa 12 tờ 5."]),
        Doc(file: "H49.64.33.2015.005", ordinal: 2, type: "Tờ trình", number: "401/TTr-TNMT", date: "01/11/2015",
            issuer: "Phòng Tài nguyên và Môi trường", summary: "Đề nghị cấp giấy chứng nhận", signer: "Trần Thị Hoa",
            access: "", pages: ["Đề nghị cấp giấy chứng nhận quyền sử dụng đất lần đầu."]),
        Doc(file: "H49.64.33.2015.005", ordinal: 3, type: "Biên bản", number: "33/BB", date: "20/10/2015",
            issuer: "UBND xã Hòa Thắng", summary: "Biên bản xác minh nguồn gốc đất", signer: "Y Bih Niê",
            access: "", pages: ["Biên bản xác minh nguồn gốc sử dụng đất của hộ bà H Hen Niê."]),
        Doc(file: "H49.64.33.2015.005", ordinal: 4, type: "Đơn", number: "", date: "15/10/2015",
            issuer: "Công dân", summary: "Đơn đề nghị cấp giấy chứng nhận", signer: "H Hen Niê",
            access: "", pages: ["Đơn đề nghị cấp giấy chứng nhận quyền sử dụng đất."]),
        Doc(file: "H49.64.33.2015.005", ordinal: 5, type: "Quyết định", number: "990/QĐ-UBND", date: "25/11/2015",
            issuer: "UBND huyện Krông Pắc", summary: "Quyết định cấp giấy chứng nhận đợt 3", signer: "Nguyễn Văn Hưng",
            access: "", pages: ["Quyết định cấp giấy chứng nhận quyền sử dụng đất đợt 3 năm 2015."]),
    ]

    /// The level each document ends with (its own, else its file's, else conditional).
    static func level(_ d: Doc) -> AccessLevel {
        func parse(_ s: String) -> AccessLevel? {
            switch s {
            case "Công khai", "01": return .open
            case "Sử dụng có điều kiện", "02": return .conditional
            case "Mật", "03": return .secret
            default: return nil
            }
        }
        return parse(d.access) ?? files.first { $0.id == d.file }.flatMap { parse($0.access) } ?? .conditional
    }

    static func restrictedIDs(for role: Role) -> Set<String> { Set(docs.filter { !role.canSee(level($0)) }.map(\.id)) }

    /// Words found only in documents the role may not see (checked against the corpus below, folded).
    static func hiddenWords(for role: Role) -> [String] {
        let candidates = ["Xuyến", "Sữa", "chuyên", "Công điện", "Khuê", "Nguyệt", "Nội vụ", "Đắk"]
        func words(_ d: Doc) -> String {
            VietNormalizer.fold(([d.type, d.number, d.issuer, d.summary, d.signer] + d.pages
                + [files.first { $0.id == d.file }?.title ?? "", files.first { $0.id == d.file }?.fonds ?? ""]).joined(separator: " ").lowercased())
        }
        let visible = docs.filter { role.canSee(level($0)) }.map(words).joined(separator: " ")
        return candidates.filter { !visible.contains(VietNormalizer.fold($0.lowercased())) }
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Writes a batch holding the documents `keep` accepts (every file row is kept as it is).
    static func writeBatch(_ keep: (Doc) -> Bool, extraScans: [(name: String, data: Data)] = []) throws -> URL {
        let batch = try Fixture.temporaryDirectory("leak-batch")
        let scans = batch.appendingPathComponent("scans")
        try FileManager.default.createDirectory(at: scans, withIntermediateDirectories: true)
        var hoSo = "\u{FEFF}Mã hồ sơ,Tiêu đề hồ sơ,Tên phông,Chế độ sử dụng\r\n"
        for f in files { hoSo += [f.id, f.title, f.fonds, f.access].map(csvField).joined(separator: ",") + "\r\n" }
        var taiLieu = "Mã hồ sơ,Số thứ tự,Tệp,Tên loại văn bản,Số,Ngày văn bản,Cơ quan ban hành,Trích yếu nội dung,Người ký,Chế độ sử dụng\r\n"
        for d in docs where keep(d) {
            let name = "\(d.id).txt"
            try Data(d.pages.joined(separator: "\u{0C}").utf8).write(to: scans.appendingPathComponent(name))
            taiLieu += [d.file, String(d.ordinal), "scans/\(name)", d.type, d.number, d.date, d.issuer, d.summary, d.signer, d.access]
                .map(csvField).joined(separator: ",") + "\r\n"
        }
        for scan in extraScans { try scan.data.write(to: scans.appendingPathComponent(scan.name)) }
        try Data(hoSo.utf8).write(to: batch.appendingPathComponent("ho_so.csv"))
        try Data(taiLieu.utf8).write(to: batch.appendingPathComponent("tai_lieu.csv"))
        return batch
    }

    struct Built {
        var data: DataDirectory
        var summary: IngestSummary
        var staffToken: String
        var secretToken: String
    }

    static func ingest(_ keep: (Doc) -> Bool) throws -> Built {
        let batch = try writeBatch(keep)
        let data = try DataDirectory(path: Fixture.temporaryDirectory("leak-data").path)
        let store = try data.openCatalogue()
        var options = IngestOptions()
        options.quiet = true
        options.workers = 1
        let summary = try Ingestor(data: data, store: store, options: options).ingest(batch: batch)
        let tokens = TokenService(store: store)
        return Built(data: data, summary: summary, staffToken: try tokens.create(role: .staff, name: "quầy một cửa"),
                     secretToken: try tokens.create(role: .secret, name: "lưu trữ viên"))
    }

    nonisolated(unsafe) private static var cache: [String: Built] = [:]
    private static let lock = NSLock()

    /// The corpus as a role sees it: everything (`nil`), or only what `role` may see.
    static func get(visibleTo role: Role?) throws -> Built {
        lock.lock(); defer { lock.unlock() }
        let key = role?.rawValue ?? "all"
        if let built = cache[key] { return built }
        let built = try ingest { d in role.map { $0.canSee(level(d)) } ?? true }
        cache[key] = built
        return built
    }
}

/// Differential leak test: every query and every document route, asked as `public` and as `staff` of the
/// whole corpus through the real router, must answer exactly as the same request to a corpus that holds
/// only what the role may see — scores and order of the hits included, since each role searches only the
/// index databases of its own access levels (issue 6) — and must never show a restricted id or a word
/// found only in restricted documents.
final class LeakTests: XCTestCase {
    struct Leak: CustomStringConvertible {
        var role: Role
        var request: String
        var what: String
        var description: String { "[\(role.rawValue)] \(request): \(what)" }
    }

    static func queries() -> [String] {
        var q = ["thu hồi đất", "Nguyễn Văn Hùng", "nguyen van hung", "quyết định", "tuyển dụng", "khiếu nại", "giấy chứng nhận",
                 "Phạm Thị Xuyến", "pham thi xuyen", "Lò Thị Nguyệt", "lo thi nguyet", "Đinh Văn Khuê", "dinh van khue",
                 "\"mật danh Hoa Sữa\"", "mật danh", "chuyên án", "chuyen an", "Hoa Sữa", "hoa sua", "công điện", "cong dien",
                 "so:77/CĐ-CA", "so:77", "so:9/BC-CA", "so:215/QĐ-UBND", "so:1605/QĐ-UBND",
                 "hoso:H49.64.33.1999.003", "hoso:H49.64.33.2011.002", "hoso:H49.64.33.2010.001",
                 "loai:\"công điện\"", "loai:cong dien", "loai:\"bản nhận xét\"", "loai:\"quyết định\"", "loai:báo cáo",
                 "nam:1999", "nam:1990..2000", "nam:2011", "nam:2010..2015", "coquan:\"Công an tỉnh Đắk Lắk\"", "phong:\"Công an tỉnh Đắk Lắk\"",
                 "thu hồi đất Xuyến", "Nguyệt OR Hùng", "đất -Hùng", "Khuê bồi thường", "Hòa Thắng", "nội vụ", "Xuyến*", "Nguy*",
                 "Trưởng phòng", "đối tượng", "theo dõi", "Đắk Lắk", "Krông Pắc", "xã Hòa Thắng thu hồi", "lực lượng"]
        // One-letter typos and folded forms of the words that only restricted documents hold, to provoke suggestions.
        for word in ["Xuyến", "Nguyệt", "Khuê", "Sữa", "chuyên", "điện", "nhận xét", "Hùng", "thắng", "tuyển"] {
            let folded = VietNormalizer.fold(word.lowercased())
            q.append(folded)
            let chars = Array(word)
            if chars.count > 3 {
                q.append(String(chars.dropLast()))                                   // dropped last letter
                q.append(String(chars[0]) + String(chars.dropFirst(2)))              // dropped second letter
                var swapped = chars; swapped.swapAt(1, 2); q.append(String(swapped)) // transposition
                var replaced = Array(folded); replaced[replaced.count / 2] = "x"; q.append(String(replaced))
            }
        }
        return q
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// The JSON of a search with sorted keys: hits in their order, with their scores.
    static func normalisedSearch(_ body: ByteBuffer) -> String {
        guard let json = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] else {
            return String(buffer: body)
        }
        let data = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The scores of the hits of a search answer, in order.
    static func scores(_ body: ByteBuffer) -> [Double] {
        let json = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
        return (json?["hits"] as? [[String: Any]] ?? []).map { $0["score"] as? Double ?? -1 }
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        let folded = " " + VietNormalizer.fold(text.lowercased()).map { $0.isLetter || $0.isNumber ? $0 : " " } + " "
        let w = VietNormalizer.fold(word.lowercased())
        return folded.replacingOccurrences(of: "  ", with: " ").contains(" \(w) ")
    }

    func testNothingRestrictedLeaksThroughAnyRoute() async throws {
        let full = try LeakCorpus.get(visibleTo: nil)
        XCTAssertEqual(full.summary.documents, LeakCorpus.docs.count, "\(full.summary.skipped)")
        XCTAssertEqual(LeakCorpus.restrictedIDs(for: .public).count * 3, LeakCorpus.docs.count, "a third restricted")
        XCTAssertEqual(Set(LeakCorpus.hiddenWords(for: .public)), ["Xuyến", "Sữa", "chuyên", "Công điện", "Khuê", "Nguyệt", "Nội vụ", "Đắk"])
        XCTAssertEqual(Set(LeakCorpus.hiddenWords(for: .staff)), ["Xuyến", "Sữa", "chuyên", "Công điện", "Đắk"])

        let fullApp = Application(router: buildRouter(archive: try Archive(data: full.data), options: ServerOptions(rateLimit: .off)))
        var leaks: [Leak] = []
        var requests = 0
        var suggestionsSeen = 0
        var hitsSeen = 0
        var scoreDifferences = 0
        var scoresCompared = 0

        for role in [Role.public, .staff] {
            let reduced = try LeakCorpus.get(visibleTo: role)
            let reducedApp = Application(router: buildRouter(archive: try Archive(data: reduced.data), options: ServerOptions(rateLimit: .off)))
            let restricted = LeakCorpus.restrictedIDs(for: role)
            let hidden = LeakCorpus.hiddenWords(for: role)
            func headers(_ built: LeakCorpus.Built) -> HTTPFields {
                var h = HTTPFields()
                if role == .staff { h[.authorization] = "Bearer \(built.staffToken)" }
                return h
            }
            // Answers from the whole corpus and from the reduced one, for the same request.
            var answers: [(uri: String, full: (HTTPResponse.Status, ByteBuffer, String?), reduced: (HTTPResponse.Status, ByteBuffer, String?))] = []
            var uris: [String] = []
            for q in Self.queries() {
                let e = Self.encode(q)
                uris.append("/api/search?q=\(e)&limit=100&facets=1")
                uris.append("/api/search?q=\(e)&limit=1&offset=1")
                uris.append("/?q=\(e)")
            }
            for filter in ["loai=\(Self.encode("Công điện"))", "coquan=\(Self.encode("Công an tỉnh Đắk Lắk"))",
                           "phong=\(Self.encode("Công an tỉnh Đắk Lắk"))", "from=1999&to=1999", "from=2011&to=2011",
                           "hoso=H49.64.33.1999.003", "hoso=H49.64.33.2011.002", "hoso=H49.64.33.2010.001",
                           "loai=\(Self.encode("Bản nhận xét"))", "from=1990"] {
                uris.append("/api/search?\(filter)&limit=100&facets=1")
                uris.append("/api/search?q=\(Self.encode("đất"))&\(filter)&limit=100&facets=1")
                uris.append("/?\(filter)")
            }
            var ids = LeakCorpus.docs.map(\.id)
            ids += LeakCorpus.files.map { "\($0.id).99" } + ["H49.64.33.1999.004.1", "H49.64.33.2010.001.7"]
            for id in ids {
                uris += ["/api/documents/\(id)", "/api/documents/\(id)/text", "/api/documents/\(id)/pages/1/image",
                         "/api/documents/\(id)/pages/2/image", "/api/documents/\(id)/pages/1/words?q=\(Self.encode("Xuyến Nguyệt đất"))",
                         "/api/documents/\(id)/pages/3/words", "/tai-lieu/\(id)", "/tai-lieu/\(id)?trang=2&q=\(Self.encode("Khuê"))"]
            }
            typealias Answer = (status: HTTPResponse.Status, body: ByteBuffer, type: String?)
            func ask(_ app: some ApplicationProtocol, _ uris: [String], _ headers: HTTPFields) async throws -> [Answer] {
                try await app.test(.router) { client in
                    var out: [Answer] = []
                    for uri in uris {
                        let r = try await client.execute(uri: uri, method: .get, headers: headers)
                        out.append((r.status, r.body, r.headers[.contentType]))
                    }
                    return out
                }
            }
            let asked = uris
            let fromFull = try await ask(fullApp, asked, headers(full))
            let fromReduced = try await ask(reducedApp, asked, headers(reduced))
            answers = asked.indices.map { i in
                (asked[i], (fromFull[i].status, fromFull[i].body, fromFull[i].type),
                 (fromReduced[i].status, fromReduced[i].body, fromReduced[i].type))
            }
            requests += answers.count * 2

            for a in answers {
                func leak(_ what: String) { leaks.append(Leak(role: role, request: a.uri, what: what)) }
                let (status, body, type) = a.full
                let text = String(buffer: body)
                if status.code >= 500 { leak("HTTP \(status.code)") }
                if a.uri.hasPrefix("/api/search") {
                    let json = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
                    let hits = json["hits"] as? [[String: Any]] ?? []
                    hitsSeen += hits.count
                    for h in hits {
                        if let id = h["id"] as? String, restricted.contains(id) { leak("restricted hit \(id)") }
                        for key in ["snippet", "snippet_html", "title"] {
                            for w in hidden where Self.containsWord(h[key] as? String ?? "", w) { leak("\(key) shows «\(w)»") }
                        }
                    }
                    if let s = json["suggestion"] as? String {
                        suggestionsSeen += 1
                        for w in hidden where Self.containsWord(s, w) { leak("suggestion «\(s)» shows «\(w)»") }
                    }
                    let facetText = (json["facets"] as? [String: [[String: Any]]])?.values.flatMap { $0.compactMap { $0["value"] as? String } } ?? []
                    for v in facetText { for w in hidden where Self.containsWord(v, w) { leak("facet value «\(v)»") } }
                    if facetText.contains("1999") { leak("facet year 1999") }
                    let f = Self.normalisedSearch(body), r = Self.normalisedSearch(a.reduced.1)
                    if f != r || status != a.reduced.0 { leak("differs from the \(role.rawValue)-only corpus:\n  \(f)\n  \(r)") }
                    if Self.scores(body) != Self.scores(a.reduced.1) { scoreDifferences += 1 }
                    scoresCompared += Self.scores(body).count
                } else if a.uri.hasPrefix("/?") {
                    // HTML search page: byte for byte (hits in the same order), and links, total, suggestion and
                    // facets named when they differ.
                    func shown(_ html: String) -> (ids: Set<String>, total: String, rest: String) {
                        let ids = Set(html.components(separatedBy: "href=\"/tai-lieu/").dropFirst().map { String($0.prefix { $0 != "?" && $0 != "\"" }) })
                        let total = html.components(separatedBy: "<p class=\"total\">").dropFirst().first.map { String($0.prefix { $0 != "<" }) } ?? ""
                        let rest = (html.components(separatedBy: "<p class=\"suggest\">").dropFirst().first.map { String($0.prefix(300)) } ?? "")
                            + (html.components(separatedBy: "<aside").dropFirst().first?.components(separatedBy: "</aside>").first ?? "")
                        return (ids, total, rest)
                    }
                    let f = shown(text), r = shown(String(buffer: a.reduced.1))
                    for id in f.ids where restricted.contains(id) { leak("HTML links restricted \(id)") }
                    if f.ids != r.ids || f.total != r.total || f.rest != r.rest || status != a.reduced.0 {
                        leak("HTML differs: \(f.total) vs \(r.total), \(f.ids.symmetricDifference(r.ids))")
                    } else if body != a.reduced.1 {
                        leak("HTML differs from the \(role.rawValue)-only corpus (order of the hits)")
                    }
                    if type != "text/html; charset=utf-8" { leak("HTML page with content type \(type ?? "none")") }
                } else {
                    // Documents, texts, images, words, viewer: byte for byte what the reduced corpus answers.
                    if status != a.reduced.0 || body != a.reduced.1 || type != a.reduced.2 {
                        leak("answers \(status.code) \(text.prefix(160)) where the \(role.rawValue)-only corpus answers \(a.reduced.0.code) \(String(buffer: a.reduced.1).prefix(160))")
                    }
                    let id = a.uri.split(separator: "/").dropFirst(a.uri.hasPrefix("/api") ? 2 : 1).first.map { String($0.prefix { $0 != "?" }) } ?? ""
                    if restricted.contains(id), status == .ok { leak("200 for a forbidden document") }
                    if a.uri.hasPrefix("/api"), type != "application/json; charset=utf-8", status != .ok { leak("error not JSON") }
                }
            }
        }
        print("LeakTests: \(requests) requests tried (public and staff, whole corpus and role-only corpus), \(hitsSeen) hits, \(scoresCompared) scores and \(suggestionsSeen) suggestions checked, \(leaks.count) leaks; \(scoreDifferences) searches whose scores differ")
        for l in leaks.prefix(30) { print("LEAK \(l)") }
        XCTAssertGreaterThan(hitsSeen, 100, "the test must see hits to be able to fail")
        XCTAssertGreaterThan(suggestionsSeen, 5, "the test must see suggestions to be able to fail")
        XCTAssertEqual(scoreDifferences, 0, "scores must not depend on documents the role may not see")
        XCTAssertEqual(leaks.count, 0, leaks.prefix(10).map(\.description).joined(separator: "\n"))
    }

    /// The secret role sees everything: its answers must include the restricted documents (so the test
    /// above is not passing because nothing restricted was ever indexed).
    func testSecretRoleSeesRestrictedDocuments() async throws {
        let full = try LeakCorpus.get(visibleTo: nil)
        let archive = try Archive(data: full.data)
        let secret = try archive.search(SearchRequestSpec(query: "Phạm Thị Xuyến", role: .secret, limit: 100))
        XCTAssertEqual(Set(secret.hits.map(\.id)), ["H49.64.33.2010.001.6", "H49.64.33.1999.003.2"])
        let staff = try archive.search(SearchRequestSpec(query: "Lò Thị Nguyệt", role: .staff, limit: 100))
        XCTAssertEqual(Set(staff.hits.map(\.id)), ["H49.64.33.2011.002.1", "H49.64.33.2011.002.2"])
        let asPublic = try archive.search(SearchRequestSpec(query: "Lò Thị Nguyệt", role: .public, limit: 100))
        XCTAssertTrue(asPublic.hits.allSatisfy { !$0.id.hasPrefix("H49.64.33.2011.002.1") && !$0.id.hasPrefix("H49.64.33.2011.002.2") })
        XCTAssertFalse(try archive.search(SearchRequestSpec(query: "Nguyệt", role: .public)).hits.contains { $0.id.hasPrefix("H49.64.33.2011") && $0.id != "H49.64.33.2011.002.3" })
        XCTAssertEqual(try archive.text(id: "H49.64.33.1999.003.1", role: .secret).count, 2)
    }
}
