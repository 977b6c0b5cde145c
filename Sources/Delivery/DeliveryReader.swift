import Catalogue
import Foundation

/// Reads a delivery (lô giao nộp) in whatever layouts its folder holds — the CSV pair, Excel workbooks, TT 05
/// information packages — and the scans that no row names, into one set of records and problems.
public enum DeliveryReader {
    /// Scan file extensions looked for among the files no row names.
    static let scanExtensions: Set<String> = ["pdf", "tif", "tiff", "jpg", "jpeg", "png", "jp2", "j2k", "bmp", "webp", "gif"]

    /// Reads the batch at `batch`. Zip packages are unpacked under `staging`. Throws only when the batch
    /// cannot be used at all: the folder is missing, the CSV pair is unusable, or nothing in it is metadata.
    public static func read(batch: URL, staging: URL, existingFile: (String) throws -> ArchiveFile?) throws -> BatchMetadata {
        let root = try BatchReader.batchRoot(batch)
        let found = survey(URL(fileURLWithPath: root, isDirectory: true))
        guard found.hasCSV || !found.workbooks.isEmpty || !found.packages.isEmpty else {
            throw CatalogueError("Lô tài liệu \(batch.path) không có \(BatchReader.fileCSV)/\(BatchReader.documentCSV), "
                + "tệp Excel (.xlsx) hay gói thông tin (METS.xml) nào")
        }
        var parts: [BatchMetadata] = []
        var known: [String: ArchiveFile] = [:]
        let lookup: (String) throws -> ArchiveFile? = { id in try known[id] ?? existingFile(id) }
        func add(_ part: BatchMetadata) {
            for file in part.files where known[file.id] == nil { known[file.id] = file }
            parts.append(part)
        }
        if found.hasCSV { add(try BatchReader.read(batch: batch, existingFile: lookup)) }
        for workbook in found.workbooks { add(try WorkbookReader.read(workbook: workbook, batch: batch, existingFile: lookup)) }
        for package in found.packages {
            add(try PackageReader.read(package: package, batch: batch, staging: staging, existingFile: lookup))
        }
        var merged = merge(parts, root: root)
        try addUnnamedScans(found.scans, root: root, into: &merged, existingFile: lookup)
        return merged
    }

    // MARK: - What the folder holds

    struct Survey {
        var hasCSV = false
        var workbooks: [URL] = []
        var packages: [URL] = []
        /// Scan files outside packages, relative to the batch.
        var scans: [String] = []
    }

    /// Walks the batch once: the CSV pair at its top, workbooks anywhere, packages (folders holding METS.xml,
    /// and zips) not descended into, and every scan file.
    static func survey(_ root: URL) -> Survey {
        var survey = Survey()
        let fm = FileManager.default
        let top = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        survey.hasCSV = top.contains { [BatchReader.fileCSV, BatchReader.documentCSV].contains($0.lowercased()) }
        func walk(_ folder: URL, _ relative: String) {
            let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? [])
                .sorted { $0.compare($1, options: [.numeric, .caseInsensitive]) == .orderedAscending }
            if !relative.isEmpty, names.contains(where: { $0.lowercased() == "mets.xml" }) {
                survey.packages.append(folder)
                return
            }
            for name in names where !name.hasPrefix(".") && !name.hasPrefix("~$") {
                let url = folder.appendingPathComponent(name)
                let rel = relative.isEmpty ? name : relative + "/" + name
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    walk(url, rel)
                    continue
                }
                switch url.pathExtension.lowercased() {
                case "xlsx", "xlsm", "xls": survey.workbooks.append(url)
                // Every zip is read as a package: one that is corrupt or holds no METS.xml is reported by the reader.
                case "zip": survey.packages.append(url)
                case let ext where scanExtensions.contains(ext): survey.scans.append(rel)
                default: break
                }
            }
        }
        walk(root, "")
        return survey
    }

    // MARK: - Merging the layouts

    /// One set of records: a hồ sơ or document that two sources both give is kept from the first, and the
    /// second reported.
    static func merge(_ parts: [BatchMetadata], root: String) -> BatchMetadata {
        var out = BatchMetadata()
        var files: Set<String> = [], documents: [String: String] = [:]
        for part in parts {
            out.problems += part.problems
            for file in part.files where files.insert(file.id).inserted { out.files.append(file) }
            for document in part.documents {
                if let first = documents[document.id] {
                    out.problems.append(ImportProblem(file: display(document.path, root: root),
                        reason: "tài liệu “\(document.id)” đã có từ \(first); giữ bản đầu, bỏ bản này"))
                    continue
                }
                documents[document.id] = display(document.path, root: root)
                out.documents.append(document)
            }
        }
        return out
    }

    // MARK: - Scans without a row

    /// Every scan file that no record names is reported; one named `<Mã hồ sơ>.<số thứ tự>` goes in under that
    /// id (its hồ sơ made when unknown, access failing closed) so that nothing delivered is lost.
    static func addUnnamedScans(_ scans: [String], root: String, into metadata: inout BatchMetadata,
                                existingFile: (String) throws -> ArchiveFile?) throws {
        let named = Set(metadata.documents.flatMap { d -> [String] in
            let rel = display(d.path, root: root)
            return [rel, rel.precomposedStringWithCanonicalMapping.lowercased()]
        })
        // A scan inside a folder of page images that a record names belongs to that record.
        func isNamed(_ rel: String) -> Bool {
            var path = rel
            while true {
                if named.contains(path) || named.contains(path.precomposedStringWithCanonicalMapping.lowercased()) { return true }
                guard let slash = path.lastIndex(of: "/") else { return false }
                path = String(path[..<slash])
            }
        }
        var files = Set(metadata.files.map(\.id))
        var documents = Set(metadata.documents.map(\.id))
        for rel in scans where !isNamed(rel) {
            let name = (rel as NSString).lastPathComponent
            guard let (fileID, ordinal) = documentID(fromFileName: name) else {
                metadata.problems.append(ImportProblem(file: rel,
                    reason: "tệp quét không có dòng siêu dữ liệu nào, tên tệp không phải mã tài liệu <Mã hồ sơ>.<số thứ tự>: bỏ qua"))
                continue
            }
            let id = Document.id(fileID: fileID, ordinal: ordinal)
            guard !documents.contains(id) else {
                metadata.problems.append(ImportProblem(file: rel,
                    reason: "tệp quét không có dòng siêu dữ liệu nào, và tài liệu “\(id)” đã có tệp khác: bỏ qua"))
                continue
            }
            var file = metadata.files.first { $0.id == fileID }
            if file == nil { file = try existingFile(fileID) }
            if file == nil, !files.contains(fileID) {
                let made = ArchiveFile(id: fileID, title: "Hồ sơ \(fileID) (chưa có siêu dữ liệu)", access: .conditional)
                metadata.files.append(made)
                files.insert(fileID)
                file = made
            }
            let access = file?.access ?? .conditional
            metadata.documents.append(Document(fileID: fileID, ordinal: ordinal, path: rel, access: access))
            documents.insert(id)
            metadata.problems.append(ImportProblem(file: rel,
                reason: "tệp quét không có dòng siêu dữ liệu nào: đã đưa vào với mã “\(id)”, thiếu siêu dữ liệu"))
        }
    }

    /// A scan without a metadata row is taken in only under a full Mã hồ sơ (`H49.64.33.2012.015.3.pdf`, at
    /// least two parts, a valid id): a stray `scan.1.pdf` is reported, not made into hồ sơ `scan`.
    static func documentID(fromFileName name: String) -> (String, Int)? {
        guard let parsed = ScanFileName.parse(name), parsed.fileID.contains("."),
              BatchReader.idProblem(parsed.fileID) == nil else { return nil }
        return (parsed.fileID, parsed.ordinal)
    }

    /// A document's path as an operator finds it in the delivery: relative to the batch when inside it.
    static func display(_ path: String, root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
