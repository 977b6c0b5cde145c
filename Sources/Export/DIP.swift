import Access
import Catalogue
import DataFolder
import Foundation
import Search
import ZIPFoundation

/// Gói thông tin truy cập (DIP, Thông tư 05/2025/TT-BNV, Phụ lục V): a zip holding one folder in the
/// E-ARK CSIP structure —
///
/// ```
/// DIP_<item>/METS.xml                                   the package: files with SHA-256 and size, structMap
/// DIP_<item>/metadata/descriptive/EAD.xml               the hồ sơ and its documents (EAD3)
/// DIP_<item>/metadata/other/PhieuYeuCau.xml             the user's request, its seven fields
/// DIP_<item>/representations/rep1/data/<id>.pdf         each document as a copy of the requested kind
/// ```
public struct DIPPackage: Sendable {
    public var zip: Data
    /// The folder inside the zip.
    public var root: String
    /// Paths inside `root` with their SHA-256, as METS lists them.
    public var checksums: [String: String]
    public var documentIDs: [String]
}

extension Search.Archive {
    /// The DIP of a document or a hồ sơ for a request; every document a copy of the request's kind (each
    /// recorded in the audit log, and the package once more), the request complete (all seven fields).
    public func dip(_ request: CopyRequest, by caller: Caller, settings: CopySettings) throws -> DIPPackage {
        guard CopyKind.allowed(caller.role) else {
            throw HosoError(.usage, "Vai trò \(caller.role.rawValue) không được cấp bản sao; cần vai trò staff hoặc secret")
        }
        try request.validate(complete: true)
        let (ids, _) = try copyContents(request.item, role: caller.role)
        var files: [(path: String, data: Data, mime: String)] = []
        var documents: [Document] = []
        for id in ids {
            var one = request
            one.item = id
            let copy = try userCopy(one, by: caller, settings: settings)
            files.append(("representations/rep1/data/\(id).pdf", copy.pdf, "application/pdf"))
            if let d = try store.document(id: id) { documents.append(d) }
        }
        guard let first = documents.first, let file = try store.file(id: first.fileID) else { throw HosoError.documentNotFound(request.item) }
        let ead = DIPMetadata.ead(file: file, documents: documents)
        let form = DIPMetadata.request(request, archiveName: settings.archiveName)
        let root = "DIP_\(request.item)"
        let mets = DIPMetadata.mets(id: root, label: "\(request.kind.label.capitalizedFirst): \(request.item)",
                                    archiveName: settings.archiveName, created: settings.export.created ?? Date(),
                                    ead: ("metadata/descriptive/EAD.xml", ead), request: ("metadata/other/PhieuYeuCau.xml", form),
                                    files: files.map { ($0.path, $0.data, $0.mime) }, documentIDs: ids)
        let entries = [("METS.xml", mets), ("metadata/descriptive/EAD.xml", ead), ("metadata/other/PhieuYeuCau.xml", form)]
            + files.map { ($0.path, $0.data) }
        var checksums: [String: String] = [:]
        for (path, data) in entries where path != "METS.xml" { checksums[path] = SHA256.hex(data) }
        let zip: Data
        do {
            let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
            let modified = settings.export.created ?? Date()
            for (path, data) in entries {
                let whole = "\(root)/\(path)"
                try archive.addEntry(with: whole, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                     compressionMethod: path.hasSuffix(".pdf") ? .none : .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw HosoError(.unavailable, "Không đóng được gói DIP") }
            zip = bytes
        } catch let e as HosoError { throw e } catch {
            throw HosoError(.unavailable, "Không tạo được gói DIP: \(error)")
        }
        try access.record(.copy, target: Self.copyAuditTarget(request, kind: "gói DIP (\(request.kind.label))"), by: caller, level: nil)
        return DIPPackage(zip: zip, root: root, checksums: checksums, documentIDs: ids)
    }
}
