import Catalogue
import Foundation

/// A field whose value differs between the target catalogue and a source, both as shown to people.
public struct FieldDifference: Codable, Equatable, Sendable {
    /// The field's Vietnamese name ("Tiêu đề hồ sơ", "Mã băm nguồn của trang 2" …).
    public var field: String
    /// In the target catalogue (nil: none).
    public var target: String?
    /// In the source (nil: none).
    public var source: String?
}

/// A record a merge refused, and why: which record, from which source, which fields differ.
public struct MergeRefusal: Codable, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        case file = "ho_so", document = "tai_lieu", token, source = "nguon"
    }
    public var kind: Kind
    /// Mã hồ sơ, document id, token name, or the source itself.
    public var id: String
    public var source: String
    public var reason: String
    public var differences: [FieldDifference]

    /// "Tài liệu H49….1 (từ parts/1/catalogue.sqlite): … — Trích yếu nội dung: “…” ở đích, “…” ở nguồn".
    public var description: String {
        let name: String
        switch kind {
        case .file: name = "Hồ sơ \(id)"
        case .document: name = "Tài liệu \(id)"
        case .token: name = "Token “\(id)”"
        case .source: name = "Nguồn"
        }
        var line = "\(name) (từ \(source)): \(reason)"
        if !differences.isEmpty {
            line += " — " + differences.map { d in
                "\(d.field): \(d.target.map { "“\($0)”" } ?? "(không có)") ở đích, \(d.source.map { "“\($0)”" } ?? "(không có)") ở nguồn"
            }.joined(separator: "; ")
        }
        return line
    }
}

/// What one source brought into the target.
public struct MergeSourceSummary: Codable, Equatable, Sendable {
    public var source: String
    public var files = 0
    public var documents = 0
    /// Documents already stored that gained pages or their ingest state.
    public var documentsCompleted = 0
    public var pages = 0
    public var tokens = 0
    public var audit = 0
    /// Hồ sơ and documents already stored alike (nothing to do).
    public var unchanged = 0

    enum CodingKeys: String, CodingKey {
        case source, files, documents, pages, tokens, audit, unchanged
        case documentsCompleted = "documents_completed"
    }
}

/// The outcome of `hoso merge`: per source what came in, every record refused, and what needs indexing.
public struct MergeReport: Codable, Equatable, Sendable {
    public var target: String
    public var sources: [MergeSourceSummary] = []
    public var refused: [MergeRefusal] = []
    /// Documents this merge added or completed: not in the target's index yet (`hoso reindex` or the next ingest).
    public var needsIndex = 0
    public var seconds = 0.0

    public var exitCode: Int32 { refused.isEmpty ? 0 : 1 }

    enum CodingKeys: String, CodingKey {
        case target, sources, refused, seconds
        case needsIndex = "needs_index"
    }
}

/// The fields of a hồ sơ and of a tài liệu by their Vietnamese names, to say which ones differ.
enum MergeFields {
    static func differences(_ target: ArchiveFile, _ source: ArchiveFile) -> [FieldDifference] {
        diff(fields(target), fields(source))
    }

    static func differences(_ target: Document, _ source: Document) -> [FieldDifference] {
        diff(fields(target), fields(source))
    }

    static func fields(_ f: ArchiveFile) -> [(String, String?)] {
        [("Tiêu đề hồ sơ", f.title), ("Tên phông", f.fonds), ("Thời hạn lưu trữ", f.retention), ("Chế độ sử dụng", f.access.label),
         ("Thời gian bắt đầu", f.startDate?.display), ("Thời gian kết thúc", f.endDate?.display)]
            + keyed(f.fields, "") + keyed(f.extra, "cột khác ")
    }

    static func fields(_ d: Document) -> [(String, String?)] {
        [("Mã hồ sơ", d.fileID), ("Số thứ tự", String(d.ordinal)), ("Tệp", d.path), ("Tên loại văn bản", d.type),
         ("Số", d.number), ("Ký hiệu", d.symbol), ("Ngày văn bản", d.date?.display), ("Cơ quan ban hành", d.issuer),
         ("Trích yếu nội dung", d.summary), ("Người ký", d.signer), ("Chế độ sử dụng", d.access.label)]
            + keyed(d.fields, "") + keyed(d.extra, "cột khác ")
    }

    /// A column map as named fields; `fields` repeats typed columns under the same names, told apart by a mark.
    static func keyed(_ map: [String: String], _ prefix: String) -> [(String, String?)] {
        map.keys.sorted().map { ("\(prefix)\($0)\(prefix.isEmpty ? " (cột)" : "")", map[$0]) }
    }

    static func diff(_ a: [(String, String?)], _ b: [(String, String?)]) -> [FieldDifference] {
        var names: [String] = []
        var left: [String: String?] = [:], right: [String: String?] = [:]
        for (n, v) in a { if left[n] == nil && right[n] == nil { names.append(n) }; left[n] = v }
        for (n, v) in b { if left[n] == nil && right[n] == nil { names.append(n) }; right[n] = v }
        return names.compactMap { n in
            let t = left[n] ?? nil, s = right[n] ?? nil
            return t == s ? nil : FieldDifference(field: n, target: t, source: s)
        }
    }
}
