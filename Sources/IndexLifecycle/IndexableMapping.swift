import Catalogue
import Foundation
import SearchIndex

extension IndexableDocument {
    /// The index form of a catalogue document (văn bản) in its hồ sơ, with its page texts in order: the
    /// document's own fields, the hồ sơ's title, fonds and retention (as its TT 05 code when it has one), the
    /// year of the hồ sơ when the document has no date, and the extra columns of both (the document's win).
    public init(document: Document, file: ArchiveFile, pages: [String]) {
        self.init(document: document, file: file, retention: file.retentionCode ?? file.retention, pages: pages)
    }

    /// The same with the hồ sơ's retention worked out already (once per hồ sơ in a rebuild).
    init(document d: Document, file: ArchiveFile, retention: String?, pages: [String]) {
        var extra = file.extra
        for (k, v) in d.extra { extra[k] = v }
        self.init(id: d.id, fileID: d.fileID, title: d.title, documentType: d.type, number: d.number, symbol: d.symbol,
                  dateSortKey: d.date?.sortKey, year: d.date?.year ?? file.startDate?.year, issuer: d.issuer,
                  summary: d.summary, signer: d.signer, fileTitle: file.title, fonds: file.fonds,
                  retention: retention, access: d.access.rawValue, extra: extra, pages: pages)
    }
}

/// The hồ sơ of the document read last by one thread.
final class LastFileCache {
    /// A hồ sơ and what its documents take from it, worked out once.
    struct Entry {
        let file: ArchiveFile
        /// Thời hạn lưu trữ as its code, or as written when it is none.
        let retention: String?
        init(_ file: ArchiveFile) {
            self.file = file
            retention = file.retentionCode ?? file.retention
        }
    }
    var entry: Entry?
}
