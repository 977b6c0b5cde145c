import Catalogue
import DataFolder
import Foundation

/// `hoso merge`: the catalogues of separate data folders (the parts of `hoso ingest --part i/n`, or any SQLite
/// catalogue) brought into one target catalogue, SQLite or PostgreSQL, through `ArchiveCatalogue`.
///
/// Hồ sơ, tài liệu with their pages and ingest state, tokens (by hash) and audit lines (appended with their
/// times) come in; what the target already holds alike is left untouched, so merging a source twice changes
/// nothing. A record that contradicts the target (a hồ sơ or document stored with other content, a page or scan
/// with another hash, a token hash under another name or role, an active token name with another hash) is
/// refused with the fields that differ, and the rest goes in. Each hồ sơ, each document with its pages and
/// state, each token and each batch of audit lines is one transaction: a merge killed half-way keeps what it
/// wrote, and run again finishes. The target only ever gains: a stored record is never overwritten.
public final class CatalogueMerge {
    let target: any ArchiveCatalogue
    let quiet: Bool
    /// Audit lines written per transaction.
    static let auditBatch = 500

    public init(target: any ArchiveCatalogue, quiet: Bool = true) {
        self.target = target
        self.quiet = quiet
    }

    /// Merges each source in order; a source that cannot be read is refused as a whole and the others go on.
    public func merge(sources: [String]) -> MergeReport {
        let started = Date()
        var report = MergeReport(target: target.location)
        for path in sources {
            do {
                let source = try CatalogueStore(path: path)
                defer { try? source.close() }
                let summary = try merge(source: source, label: path, refused: &report.refused)
                report.sources.append(summary)
                if !quiet {
                    printError("Đã gộp \(path): \(summary.files) hồ sơ, \(summary.documents) tài liệu mới (\(summary.documentsCompleted) tài liệu được bổ sung), \(summary.pages) trang, \(summary.tokens) token, \(summary.audit) dòng nhật ký; \(summary.unchanged) bản ghi đã có sẵn.")
                }
            } catch {
                report.refused.append(MergeRefusal(kind: .source, id: path, source: path,
                                                   reason: "không đọc được danh mục nguồn: \(Self.message(error))", differences: []))
            }
        }
        report.needsIndex = report.sources.reduce(0) { $0 + $1.documents + $1.documentsCompleted }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// One source: hồ sơ first (a document needs its hồ sơ), then documents hồ sơ by hồ sơ, tokens, audit.
    func merge(source: any ArchiveCatalogue, label: String, refused: inout [MergeRefusal]) throws -> MergeSourceSummary {
        var summary = MergeSourceSummary(source: label)
        var refusedFiles = Set<String>()
        let files = try source.allFiles()
        let progress = ProgressReporter(label: "Gộp \(label)", total: files.count, quiet: quiet)
        for file in files {
            defer { progress.advance() }
            do {
                if let stored = try target.file(id: file.id), stored != file {
                    refusedFiles.insert(file.id)
                    refused.append(MergeRefusal(kind: .file, id: file.id, source: label,
                                                reason: "đích đã có hồ sơ này với nội dung khác; hồ sơ và các tài liệu của nó không được gộp",
                                                differences: MergeFields.differences(stored, file)))
                    continue
                }
                if try target.insertIfAbsent(file: file) { summary.files += 1 } else { summary.unchanged += 1 }
            } catch {
                refusedFiles.insert(file.id)
                refused.append(MergeRefusal(kind: .file, id: file.id, source: label, reason: Self.message(error), differences: []))
                continue
            }
            for document in try source.documents(inFile: file.id) {
                do {
                    if let refusal = try merge(document: document, from: source, label: label, into: &summary) {
                        refused.append(refusal)
                    }
                } catch {
                    refused.append(MergeRefusal(kind: .document, id: document.id, source: label, reason: Self.message(error), differences: []))
                }
            }
        }
        progress.finish()
        for token in try source.tokenRecords() {
            do {
                if let refusal = try merge(token: token, label: label) { refused.append(refusal) } else if try target.mergeToken(token) {
                    summary.tokens += 1
                }
            } catch {
                refused.append(MergeRefusal(kind: .token, id: token.name, source: label, reason: Self.message(error), differences: []))
            }
        }
        let lines = try source.audit(from: nil, to: nil, token: nil)
        var start = 0
        while start < lines.count {
            let end = min(start + Self.auditBatch, lines.count)
            summary.audit += try target.appendAuditLines(Array(lines[start..<end]))
            start = end
        }
        return summary
    }

    /// A document with its pages: refused when it contradicts what the target holds, otherwise what the target
    /// lacks of it written in one transaction (nothing when it lacks nothing).
    func merge(document: Document, from source: any ArchiveCatalogue, label: String,
               into summary: inout MergeSourceSummary) throws -> MergeRefusal? {
        let state = try source.documentState(id: document.id)
        let stored = try target.document(id: document.id)
        var storedHashes: [Int: String] = [:]
        var needsState = true
        if let stored {
            if stored != document {
                return MergeRefusal(kind: .document, id: document.id, source: label,
                                    reason: "đích đã có tài liệu này với nội dung khác", differences: MergeFields.differences(stored, document))
            }
            let storedState = try target.documentState(id: document.id)
            var differences: [FieldDifference] = []
            if let a = storedState.scanHash, let b = state.scanHash, a != b {
                differences.append(FieldDifference(field: "Mã băm tệp quét", target: a, source: b))
            }
            if let a = storedState.pageCount, let b = state.pageCount, a != b, storedState.scanHash != nil, state.scanHash != nil {
                differences.append(FieldDifference(field: "Số trang đã quét", target: String(a), source: String(b)))
            }
            storedHashes = try target.pageSourceHashes(documentID: document.id)
            let sourceHashes = try source.pageSourceHashes(documentID: document.id)
            for number in sourceHashes.keys.sorted() {
                if let a = storedHashes[number], let b = sourceHashes[number], a != b {
                    differences.append(FieldDifference(field: "Mã băm nguồn của trang \(number)", target: a, source: b))
                }
            }
            if !differences.isEmpty {
                return MergeRefusal(kind: .document, id: document.id, source: label,
                                    reason: "trang hoặc tệp quét của tài liệu khác với ở đích", differences: differences)
            }
            needsState = storedState.scanHash == nil && state.scanHash != nil
            if !needsState && sourceHashes.keys.allSatisfy({ storedHashes[$0] != nil }) {
                summary.unchanged += 1
                return nil
            }
        }
        let pages = try source.pages(documentID: document.id).filter { storedHashes[$0.number] == nil }
        let merged = try target.mergeDocument(document, pageCount: needsState ? state.pageCount : nil,
                                              scanHash: needsState ? state.scanHash : nil, pages: pages)
        if merged.documentAdded { summary.documents += 1 } else if merged.changed { summary.documentsCompleted += 1 } else { summary.unchanged += 1 }
        summary.pages += merged.pagesAdded
        return nil
    }

    /// A token that contradicts the target: its hash stored under another name or role, or its name held by
    /// another active token.
    func merge(token: TokenRecord, label: String) throws -> MergeRefusal? {
        let stored = try target.tokenRecords()
        if let same = stored.first(where: { $0.hash == token.hash }) {
            var differences: [FieldDifference] = []
            if same.name != token.name { differences.append(FieldDifference(field: "Tên", target: same.name, source: token.name)) }
            if same.role != token.role {
                differences.append(FieldDifference(field: "Vai trò", target: same.role.rawValue, source: token.role.rawValue))
            }
            return differences.isEmpty ? nil : MergeRefusal(kind: .token, id: token.name, source: label,
                                                            reason: "đích đã có token này dưới tên hoặc vai trò khác", differences: differences)
        }
        if !token.revoked, stored.contains(where: { $0.name == token.name && !$0.revoked }) {
            return MergeRefusal(kind: .token, id: token.name, source: label,
                                reason: "đích đã có một token khác đang dùng tên này (mã băm khác); hãy thu hồi một trong hai rồi gộp lại",
                                differences: [])
        }
        return nil
    }

    static func message(_ error: Error) -> String {
        if let e = error as? CatalogueError { return e.message }
        if let e = error as? HosoError { return e.message }
        return "\(error)"
    }
}
