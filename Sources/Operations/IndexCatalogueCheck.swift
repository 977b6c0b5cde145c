import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import IndexSchema
import Xapian

/// What `hoso verify` finds when it lays the index beside the catalogue.
public struct IndexCatalogueComparison: Sendable, Equatable {
    /// Documents in the index, by their unique term, over every level.
    public var indexed = 0
    /// Documents the index holds that the catalogue does not (a search would show hits it cannot describe).
    public var notInCatalogue: [String] = []
    /// Documents held in more than one access level's database.
    public var inSeveralLevels: [String] = []
    /// Documents the catalogue records as indexed (of this generation's part, when it holds one) that the index lacks.
    public var missing: [String] = []
    /// Catalogue documents of this part not yet indexed (no stamp): what the next ingest or reindex writes.
    public var pending = 0
    /// The part of the catalogue this generation was built for (`hoso reindex --part`), nil for all of it.
    public var part: BatchPart?
}

extension DataFolderVerifier {
    /// The index of the current generation against the catalogue: each document the index holds is in the catalogue
    /// and in one level only; each document of the catalogue (of the generation's part) recorded as indexed is in it.
    public static func compareIndex(_ data: DataDirectory, store: any ArchiveCatalogue) throws -> IndexCatalogueComparison? {
        guard let generation = try? IndexStub.read(data.indexStubPath), IndexLayout.kind(of: generation) == .split else { return nil }
        var result = IndexCatalogueComparison(part: DocumentSelection.recordedPart(generation: generation))
        var levelOf: [String: Int] = [:]
        for level in IndexLayout.levels {
            let database = try XapianDatabase(path: IndexLayout.levelPath(generation, level: level))
            try database.visitTerms(prefix: TermPrefix.documentID) { term, _ in
                let id = String(term.dropFirst(TermPrefix.documentID.count))
                if levelOf.updateValue(level, forKey: id) != nil { result.inSeveralLevels.append(id) }
                return .next
            }
        }
        result.indexed = levelOf.count
        var known = Set<String>()
        for key in try store.allDocumentKeys() {
            known.insert(key.id)
            if let part = result.part, !part.contains(fileID: key.fileID) { continue }
            guard levelOf[key.id] == nil else { continue }
            if try store.documentState(id: key.id).indexedVersion != nil { result.missing.append(key.id) } else { result.pending += 1 }
        }
        result.notInCatalogue = levelOf.keys.filter { !known.contains($0) }.sorted()
        result.inSeveralLevels.sort()
        return result
    }

    /// `compareIndex` as the verify report says it. On a shared catalogue the documents other machines index are
    /// not this folder's: those it lacks are said, not counted as damage.
    static func checkIndexAgainstCatalogue(_ data: DataDirectory, _ check: inout DataFolderCheck) {
        guard !check.catalogueDamaged, check.problems.isEmpty else { return }
        let reindex = "hãy chạy hoso reindex để lập lại chỉ mục từ danh mục"
        do {
            let store = try data.openCatalogue()
            defer { try? store.close() }
            guard let c = try compareIndex(data, store: store) else { return }
            func some(_ ids: [String]) -> String { ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? ", …" : "") }
            let scope = c.part.map { "phần \($0) của danh mục" } ?? "danh mục"
            check.checked.append("chỉ mục so với \(scope): \(c.indexed) tài liệu trong chỉ mục, \(c.pending) tài liệu chưa lập chỉ mục")
            if !c.notInCatalogue.isEmpty {
                check.problems.append("\(c.notInCatalogue.count) tài liệu có trong chỉ mục mà không có trong danh mục (\(some(c.notInCatalogue))); \(reindex)")
            }
            if !c.inSeveralLevels.isEmpty {
                check.problems.append("\(c.inSeveralLevels.count) tài liệu nằm ở nhiều mức truy cập của chỉ mục (\(some(c.inSeveralLevels))); \(reindex)")
            }
            guard !c.missing.isEmpty else { return }
            let missing = "\(c.missing.count) tài liệu danh mục ghi là đã lập chỉ mục mà chỉ mục này không có (\(some(c.missing)))"
            if data.sharesCatalogue {
                check.checked.append("\(missing): do máy khác lập chỉ mục, hoặc chạy hoso reindex --part cho mảnh của máy này")
            } else {
                check.problems.append("\(missing); \(reindex)")
            }
        } catch {
            check.problems.append("Không so được chỉ mục với danh mục: \(error)")
        }
    }
}
