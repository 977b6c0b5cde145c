import Catalogue
import Foundation
import VietText
import ZIPFoundation

/// Reads TT 05/2025 information packages (E-ARK CSIP 2.0.4: SIP_hoso, SIP_tailieu, AIP_hoso, AIP_tailieu),
/// as folders or zip files: the hồ sơ and documents from the EAD, the files from the METS fileSec with each
/// file's checksum checked. Rows are checked by `BatchReader.validate`, as the CSV pair's.
public enum PackageReader {
    /// Whether `url` is an information package: a folder whose root holds METS.xml, or a .zip whose root (or
    /// single top folder) holds METS.xml. Cheap: reads only the zip's central directory.
    public static func isPackage(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return false }
        if isDir.boolValue { return rootMETS(in: url.path) != nil }
        guard url.pathExtension.lowercased() == "zip" else { return false }
        return PackageUnpacker.packagePrefix(url) != nil
    }

    /// Reads one package. A zip is unpacked once under `staging/<sha256 of the zip>/` (reused when already
    /// complete: write a completion marker last; a half-unpacked folder from a crash is redone), never outside it.
    /// Never throws for a bad package: everything wrong is an ImportProblem with its place (package path
    /// relative to the batch, and the file inside it). Documents' `path` is the ABSOLUTE path of the file on disk.
    public static func read(package: URL, batch: URL, staging: URL,
                            existingFile: (String) throws -> ArchiveFile?) rethrows -> BatchMetadata {
        let place = placeName(package, batch: batch)
        func refused(_ reason: String) -> BatchMetadata {
            BatchMetadata(problems: [ImportProblem(file: place, reason: reason)])
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: package.path, isDirectory: &isDir) else {
            return refused("không tìm thấy gói thông tin")
        }
        var root = package
        if !isDir.boolValue {
            switch PackageUnpacker.unpack(zip: package, staging: staging) {
            case .success(let r): root = r
            case .failure(let e): return refused(e.message)
            }
        }
        guard let rootReal = BatchReader.realPath(root.path) else { return refused("không đọc được thư mục gói") }
        var contents = PackageContents(root: rootReal, place: place)
        contents.load()
        return try PackageRows(contents: contents).metadata(existingFile: existingFile)
    }

    /// The package's path relative to the batch ("SIP_hoso_H49.64.33.2001.160.zip"), or its name when it
    /// lies elsewhere.
    static func placeName(_ package: URL, batch: URL) -> String {
        if let p = BatchReader.realPath(package.path), let b = BatchReader.realPath(batch.path) {
            let prefix = b.hasSuffix("/") ? b : b + "/"
            if p.hasPrefix(prefix) { return String(p.dropFirst(prefix.count)).precomposedStringWithCanonicalMapping }
        }
        return package.lastPathComponent.precomposedStringWithCanonicalMapping
    }

    /// The name of the root METS file in `folder` ("METS.xml", any letter case).
    static func rootMETS(in folder: String) -> String? {
        if FileManager.default.fileExists(atPath: folder + "/METS.xml") { return "METS.xml" }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).first(where: PackageUnpacker.isMETS)
    }
}

/// What a package holds once its METS files are read: the documents' files with each one's state, and the
/// EAD records. Problems found on the way are collected with their place.
struct PackageContents {
    /// A file of a representation (a scan), listed in a fileSec.
    struct ContentFile {
        /// Path relative to the package root as found on disk, else the href resolved.
        var relative: String
        /// The absolute path when the file can be used, or why it cannot (missing, checksum mismatch …).
        var status: Result<String, CatalogueError>
        /// EAD files (relative paths) that METS links to this file (DMDID, structMap).
        var eadFiles: Set<String>
    }

    /// An EAD file with its records.
    struct EADFile {
        var relative: String
        var records: [EADRecord]
    }

    let root: String
    let place: String
    var problems: [ImportProblem] = []
    var packageType: String?
    var contentFiles: [ContentFile] = []
    var eadFiles: [EADFile] = []
    private var fixity = PREMISFixity()
    private let names = BatchReader.FolderNames()

    init(root: String, place: String) {
        self.root = root
        self.place = place
    }

    /// "<package>/<file inside>", as problems name a file of the package.
    func inside(_ relative: String) -> String { place + "/" + relative }

    private mutating func problem(_ relative: String?, _ reason: String) {
        problems.append(ImportProblem(file: relative.map(inside) ?? place, reason: reason))
    }

    /// A METS fileSec or mdRef entry, resolved, with the METS that names it.
    private struct Listed {
        var relative: String
        var absolute: String?
        var failure: CatalogueError?
        var checksum: String?
        var checksumType: String?
        var size: UInt64?
        var listedIn: String
        var dmdIDs: [String] = []
        /// The mdRef's MDTYPE: a file METS calls EAD must be EAD; another (DC, MODS…) is passed over when it is not.
        var mdType: String?
    }

    mutating func load() {
        guard let metsName = PackageReader.rootMETS(in: root) else {
            problem(nil, "gói không có METS.xml ở thư mục gốc")
            return
        }
        guard let mets = parseMETS(metsName) else { return }
        packageType = mets.type

        var representationMETS: [Listed] = []
        var descriptive: [Listed] = []
        var preservation: [Listed] = []
        var content: [Listed] = []
        var others: [Listed] = []
        let rootDmd = dmdPaths(mets, base: "")

        for ref in mets.metadata {
            let l = listed(ref.href, base: "", listedIn: metsName, ref.checksum, ref.checksumType, ref.size)
            if isPREMIS(ref.type, l.relative) { preservation.append(l) }
            else if ref.section == "dmdSec" { var d = l; d.mdType = ref.type; descriptive.append(d) } else { others.append(l) }
        }
        for file in mets.files {
            var l = listed(file.href, base: "", listedIn: metsName, file.checksum, file.checksumType, file.size)
            l.dmdIDs = file.dmdIDs + (file.id.flatMap { mets.dmdIDsByFileID[$0] } ?? [])
            switch kind(l.relative) {
            case .mets: representationMETS.append(l)
            case .descriptive: descriptive.append(l)
            case .preservation: preservation.append(l)
            case .content: content.append(l)
            case .other: others.append(l)
            }
        }
        for href in mets.pointers where !representationMETS.contains(where: { $0.relative == normalised(href, base: "") }) {
            representationMETS.append(listed(href, base: "", listedIn: metsName, nil, nil, nil))
        }
        // Tolerance: representation METS files and EAD files present but not listed are read too.
        for rep in listing("representations") {
            let rel = "representations/\(rep)"
            if let m = PackageReader.rootMETS(in: root + "/" + rel),
               !representationMETS.contains(where: { $0.relative.lowercased() == "\(rel)/\(m)".lowercased() }) {
                representationMETS.append(listed("\(rel)/\(m)", base: "", listedIn: metsName, nil, nil, nil))
            }
        }
        for name in listing("metadata/descriptive") where name.lowercased().hasSuffix(".xml")
            && !descriptive.contains(where: { $0.relative == "metadata/descriptive/\(name)" }) {
            descriptive.append(listed("metadata/descriptive/\(name)", base: "", listedIn: metsName, nil, nil, nil))
        }
        for name in listing("metadata/preservation") where name.lowercased().contains("premis")
            && !preservation.contains(where: { $0.relative == "metadata/preservation/\(name)" }) {
            preservation.append(listed("metadata/preservation/\(name)", base: "", listedIn: metsName, nil, nil, nil))
        }
        var contentDmd: [String: Set<String>] = [:] // content relative path → EAD files linked
        func link(_ l: Listed, _ dmd: [String: String]) {
            for id in l.dmdIDs { if let ead = dmd[id] { contentDmd[l.relative, default: []].insert(ead) } }
        }
        for l in content { link(l, rootDmd) }

        // Representations.
        for rep in representationMETS {
            guard let data = usable(rep, what: "METS của thành phần") else { continue }
            let base = directory(of: rep.relative)
            let repMETS: METSDocument
            do { repMETS = try METSDocument.parse(data) } catch {
                problem(rep.relative, xmlReason(error, "METS")); continue
            }
            let dmd = dmdPaths(repMETS, base: base)
            for ref in repMETS.metadata {
                let l = listed(ref.href, base: base, listedIn: rep.relative, ref.checksum, ref.checksumType, ref.size)
                if isPREMIS(ref.type, l.relative) { preservation.append(l) }
                else if ref.section == "dmdSec" { var d = l; d.mdType = ref.type; descriptive.append(d) } else { others.append(l) }
            }
            for file in repMETS.files {
                var l = listed(file.href, base: base, listedIn: rep.relative, file.checksum, file.checksumType, file.size)
                l.dmdIDs = file.dmdIDs + (file.id.flatMap { repMETS.dmdIDsByFileID[$0] } ?? [])
                switch kind(l.relative) {
                case .descriptive: descriptive.append(l)
                case .preservation: preservation.append(l)
                case .content: content.append(l); link(l, dmd)
                case .mets, .other:
                    // A file the representation names but that is not in the package is still one of its files.
                    if l.failure != nil { content.append(l); link(l, dmd) } else { others.append(l) }
                }
            }
        }

        // PREMIS first: its fixity stands in for a checksum METS does not give.
        for p in unique(preservation) {
            guard let data = usable(p, what: "PREMIS") else { continue }
            do {
                let f = try PREMISFixity.parse(data)
                fixity.digests.merge(f.digests) { a, _ in a }
            } catch { problem(p.relative, xmlReason(error, "PREMIS")) }
        }
        for o in unique(others) { _ = usable(o, what: "tệp", read: false) }

        for c in unique(content) {
            let status: Result<String, CatalogueError>
            if let failure = c.failure { status = .failure(failure) }
            else if let abs = c.absolute, let bad = verify(c, absolute: abs) { status = .failure(bad) }
            else { status = .success(c.absolute ?? "") }
            contentFiles.append(ContentFile(relative: c.relative, status: status, eadFiles: contentDmd[c.relative] ?? []))
        }

        let docPrefix = "ead_doc"
        let ordered = unique(descriptive).sorted { a, b in
            let da = fileName(a.relative).lowercased().hasPrefix(docPrefix), db = fileName(b.relative).lowercased().hasPrefix(docPrefix)
            if da != db { return !da }
            return a.relative.compare(b.relative, options: .numeric) == .orderedAscending
        }
        let tailieu = VietNormalizer.fold(packageType ?? "").filter(\.isLetter).contains("tailieu")
        for e in ordered {
            guard let data = usable(e, what: "EAD") else { continue }
            let level: EADRecord.Level = fileName(e.relative).lowercased().hasPrefix(docPrefix) || tailieu ? .item : .file
            let expectEAD = e.mdType.map { $0.uppercased().contains("EAD") } ?? fileName(e.relative).lowercased().hasPrefix("ead")
            do {
                eadFiles.append(EADFile(relative: e.relative, records: try EADReader.parse(data, defaultLevel: level)))
            } catch is CatalogueError where !expectEAD {
                continue // other descriptive metadata (Dublin Core …), not read here
            } catch { problem(e.relative, xmlReason(error, "EAD")) }
        }
        if eadFiles.isEmpty {
            problem(metsName, "gói không có tệp EAD mô tả hồ sơ, tài liệu (metadata/descriptive/EAD.xml)")
        }
    }

    // MARK: - Files

    private enum Kind { case mets, descriptive, preservation, content, other }

    /// What a file of the package is, by where it lies (CSIP's layout).
    private func kind(_ relative: String) -> Kind {
        let parts = relative.lowercased().split(separator: "/").map(String.init)
        guard let name = parts.last else { return .other }
        if parts.first == "representations", parts.count >= 3 {
            if PackageUnpacker.isMETS(name) && parts.count == 3 { return .mets }
            let inRep = Array(parts.dropFirst(2))
            if inRep.first == "data" { return .content }
            if inRep.first == "metadata" { return inRep.contains("preservation") ? .preservation : .descriptive }
            return .other
        }
        if parts.first == "metadata" {
            if parts.contains("preservation") || name.contains("premis") { return .preservation }
            return parts.contains("descriptive") ? .descriptive : .other
        }
        return .other
    }

    private func isPREMIS(_ type: String?, _ relative: String) -> Bool {
        (type?.uppercased().contains("PREMIS") ?? false) || fileName(relative).lowercased().contains("premis")
    }

    /// The METS's dmdSec IDs → the metadata files they point to (relative to the package root).
    private func dmdPaths(_ mets: METSDocument, base: String) -> [String: String] {
        var out: [String: String] = [:]
        for ref in mets.metadata where ref.section == "dmdSec" {
            if let id = ref.id { out[id] = normalised(ref.href, base: base) }
        }
        return out
    }

    private func listing(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
    }

    private func unique(_ items: [Listed]) -> [Listed] {
        var seen: [String: Int] = [:]
        var out: [Listed] = []
        for l in items {
            let key = l.relative.lowercased()
            if let i = seen[key] {
                if out[i].checksum == nil, l.checksum != nil { out[i].checksum = l.checksum; out[i].checksumType = l.checksumType }
                if out[i].size == nil { out[i].size = l.size }
                out[i].dmdIDs += l.dmdIDs
            } else {
                seen[key] = out.count
                out.append(l)
            }
        }
        return out
    }

    private func fileName(_ relative: String) -> String { relative.split(separator: "/").last.map(String.init) ?? relative }
    private func directory(of relative: String) -> String {
        relative.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// An href made a path relative to the package root, without checking the disk: `file:` and `./`
    /// removed, `\` as `/`, `..` applied; nil when it is absolute, a URL, or leaves the package.
    func normalised(_ href: String, base: String) -> String? {
        var h = href.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\\", with: "/")
        if h.lowercased().hasPrefix("file://") { return nil }
        if h.lowercased().hasPrefix("file:") { h = String(h.dropFirst(5)) }
        if h.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) != nil { return nil }
        if h.hasPrefix("/") || h.hasPrefix("~") || (h.count >= 2 && h.first?.isLetter == true && h.dropFirst().first == ":") { return nil }
        var parts = base.split(separator: "/").map(String.init)
        for p in h.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { if parts.isEmpty { return nil }; parts.removeLast(); continue }
            parts.append(String(p))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Resolves an href of the METS `listedIn` (relative to `base`) to a file on disk inside the package.
    private func listed(_ href: String, base: String, listedIn: String, _ checksum: String?, _ type: String?,
                        _ size: UInt64?) -> Listed {
        var l = Listed(relative: href, checksum: checksum, checksumType: type, size: size, listedIn: listedIn)
        var candidates: [String] = []
        if let n = normalised(href, base: base) { candidates.append(n) }
        if let decoded = href.removingPercentEncoding, decoded != href, let n = normalised(decoded, base: base) {
            candidates.append(n)
        }
        guard let first = candidates.first else {
            l.failure = CatalogueError("\(listedIn) nêu tệp “\(href)” nằm ngoài gói (đường dẫn tuyệt đối, URL hoặc có “..”)")
            return l
        }
        l.relative = first
        let rootPrefix = root.hasSuffix("/") ? root : root + "/"
        for c in candidates {
            var found: String?
            if FileManager.default.fileExists(atPath: root + "/" + c) { found = c }
            else { found = names.match(c.split(separator: "/").map(String.init), under: root) }
            guard let rel = found, let real = BatchReader.realPath(root + "/" + rel) else { continue }
            guard real.hasPrefix(rootPrefix) else {
                l.failure = CatalogueError("tệp “\(href)” là liên kết trỏ ra ngoài gói")
                return l
            }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: real, isDirectory: &isDir), isDir.boolValue { continue }
            l.relative = rel
            l.absolute = real
            return l
        }
        l.failure = CatalogueError("\(listedIn) nêu tệp “\(href)” nhưng gói không có tệp này")
        return l
    }

    /// Why a listed file's size or checksum differs from what METS (or PREMIS) records; nil when it agrees.
    /// The checksum is compared when one is given (a mismatch names both values); the size otherwise.
    private func verify(_ l: Listed, absolute: String) -> CatalogueError? {
        var expected: (type: String, value: String, source: String)?
        if let c = l.checksum { expected = (l.checksumType ?? "SHA-256", c, l.listedIn) }
        else if let f = fixity.lookup(l.relative) { expected = (f.algorithm, f.digest, "PREMIS") }
        guard let expected else {
            if let size = l.size, let actual = (try? FileManager.default.attributesOfItem(atPath: absolute))?[.size] as? NSNumber,
               actual.uint64Value != size {
                return CatalogueError("kích thước tệp “\(l.relative)” (\(actual.uint64Value) byte) khác kích thước ghi trong \(l.listedIn) (\(size) byte)")
            }
            return nil
        }
        guard let algorithm = PackageChecksum.Algorithm(name: expected.type) else {
            return CatalogueError("không kiểm được mã kiểm tra loại “\(expected.type)” của tệp “\(l.relative)” (dùng SHA-256, SHA-384, SHA-512, SHA-1 hoặc MD5)")
        }
        let actual: String
        do { actual = try PackageChecksum.hex(of: URL(fileURLWithPath: absolute), algorithm) } catch {
            return CatalogueError("không đọc được tệp “\(l.relative)”: \(error.localizedDescription)")
        }
        guard PackageChecksum.same(actual, expected.value) else {
            return CatalogueError("mã kiểm tra \(algorithm.rawValue) của tệp “\(l.relative)” không khớp: \(expected.source) ghi \(expected.value.lowercased()), tệp có \(actual)")
        }
        return nil
    }

    /// The content of a listed metadata file when it exists and agrees with its checksum; a problem otherwise.
    private mutating func usable(_ l: Listed, what: String, read: Bool = true) -> Data? {
        if let failure = l.failure { problem(l.listedIn, failure.message); return nil }
        guard let abs = l.absolute else { return nil }
        if let bad = verify(l, absolute: abs) { problem(l.relative, "\(bad.message); \(what) này bị bỏ qua"); return nil }
        guard read else { return nil }
        do { return try Data(contentsOf: URL(fileURLWithPath: abs)) } catch {
            problem(l.relative, "không đọc được \(what): \(error.localizedDescription)")
            return nil
        }
    }

    private mutating func parseMETS(_ name: String) -> METSDocument? {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + name)) } catch {
            problem(name, "không đọc được METS.xml: \(error.localizedDescription)")
            return nil
        }
        do { return try METSDocument.parse(data) } catch {
            problem(name, xmlReason(error, "METS") + "; gói bị bỏ qua")
            return nil
        }
    }

    private func xmlReason(_ error: Error, _ what: String) -> String {
        if let x = error as? PackageXMLError { return "tệp \(what) \(x.message)" }
        if let c = error as? CatalogueError { return c.message }
        return "không đọc được tệp \(what): \(error.localizedDescription)"
    }
}
