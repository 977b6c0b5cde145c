import Foundation
import IndexSchema
import Query
import VietText
import XCTest
@testable import SearchIndex

/// A small corpus of real-looking Vietnamese archival documents (NFC).
enum Corpus {
    static let file = "H49.64.33.2001.160"

    static let documents: [IndexableDocument] = [
        IndexableDocument(
            id: "H49.64.33.2001.160.1", fileID: file,
            title: "Quyết định về việc cấp giấy chứng nhận quyền sử dụng đất",
            documentType: "Quyết định", number: "1605", symbol: "QĐ-UBND", dateSortKey: "20120215", year: 2012,
            issuer: "UBND huyện Krông Pắc",
            summary: "Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Y Bih Niê",
            signer: "Nguyễn Văn An", fileTitle: "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất năm 2012",
            fonds: "UBND huyện Krông Pắc", retention: "01", access: 1,
            extra: ["Từ khóa": "đất đai; cấp giấy"],
            pages: ["ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC\nSố: 1605/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc cấp giấy chứng nhận quyền sử dụng đất",
                    "Điều 1. Cấp giấy chứng nhận cho thửa đất số 305, tờ bản đồ số 80 tại xã Ea Kly."]),
        IndexableDocument(
            id: "H49.64.33.2001.160.2", fileID: file, title: "Tờ trình về việc thu hồi đất",
            documentType: "Tờ trình", number: "325", symbol: "TTr-TNMT", dateSortKey: "20110310", year: 2011,
            issuer: "Phòng Tài nguyên và Môi trường", summary: "Về việc thu hồi đất nông nghiệp",
            fonds: "UBND huyện Krông Pắc", retention: "02", access: 2,
            pages: ["Phòng Tài nguyên và Môi trường kính trình thu hồi đất của hộ bà H'Hen Niê.",
                    "Diện tích thu hồi 250 m² đất nông nghiệp."]),
        IndexableDocument(
            id: "H49.64.33.2001.160.3", fileID: file, title: "Báo cáo tình hình giải phóng mặt bằng",
            documentType: "Báo cáo", number: "12", symbol: "BC-UBND", dateSortKey: "20130520", year: 2013,
            issuer: "UBND huyện Krông Pắc", fonds: "UBND huyện Krông Pắc", retention: "01", access: 1,
            pages: ["Báo cáo kết quả giải phóng mặt bằng dự án đường giao thông. Việc sử dụng đất đúng quy hoạch."]),
        IndexableDocument(
            id: "H49.64.33.2001.160.4", fileID: file, title: "Biên bản họp về vụ việc khiếu nại",
            documentType: "Biên bản", dateSortKey: "20120901", year: 2012, issuer: "Thanh tra huyện",
            fonds: "UBND huyện Krông Pắc", retention: "01", access: 3,
            pages: ["Biên bản làm việc về đơn khiếu nại của công dân. Phương án xử lý vụ việc tại xã Ea Kly."]),
        IndexableDocument(
            id: "H49.64.33.2001.160.5", fileID: file, title: "Công văn về việc đo đạc lại thửa đất",
            documentType: "Công văn", number: "88", symbol: "CV-TNMT", dateSortKey: "20121105", year: 2012,
            issuer: "Phòng Tài nguyên và Môi trường", fonds: "UBND huyện Krông Pắc", retention: "03", access: 1,
            pages: ["Đề nghị đo đạc lại thửa đất số 305 tờ bản đồ số 80. Quyền sử dụng",
                    "đất của hộ gia đình."]),
        IndexableDocument(
            id: "H49.64.33.2002.7.1", fileID: "H49.64.33.2002.7", title: "Thông báo kết luận thanh tra",
            documentType: "Thông báo", dateSortKey: "20100000", year: 2010, issuer: "Thanh tra huyện",
            fonds: "UBND huyện Krông Pắc", retention: "04", access: 1,
            pages: ["Thông báo kết luận thanh tra về việc quản lý đất đai năm 2010."]),
    ]

    static func doc(_ suffix: String) -> IndexableDocument {
        documents.first { $0.id.hasSuffix(suffix) }!
    }
}

/// A temporary folder removed at the end of the test.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Builds a database at `path` holding `docs`.
func buildIndex(_ path: String, _ docs: [IndexableDocument]) throws {
    let writer = try IndexWriter(path: path)
    for d in docs { try writer.replace(d) }
    try writer.close()
}

/// Query helpers: words as the tokenizer sees them.
func word(_ w: String) -> QueryNode { .term(VietNormalizer.normalize(w)) }
func phrase(_ text: String) -> QueryNode {
    QueryNode.adjacent(Analyzer().tokens(text).map(\.folded))
}

let publicLevels = [1], staffLevels = [1, 2], secretLevels = [1, 2, 3]

/// A port nobody listens on right now.
func freePort() throws -> Int {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw XCTSkip("no socket") }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
    }
    XCTAssertEqual(bound, 0)
    let got = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    XCTAssertEqual(got, 0)
    return Int(UInt16(bigEndian: addr.sin_port))
}
