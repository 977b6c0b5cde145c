import Catalogue
import Foundation

/// What hoso reads of a METS file (E-ARK CSIP): the package's type and id, the metadata files it points to
/// (dmdSec, amdSec), the files of its fileSec with their checksums, and the structMap's links between
/// descriptive metadata and files.
struct METSDocument {
    /// A dmdSec or amdSec `mdRef`: a metadata file of the package.
    struct MetadataRef {
        /// The dmdSec/digiprovMD/… ID.
        var id: String?
        var href: String
        /// `EAD`, `PREMIS`, `OTHER` …
        var type: String?
        /// `dmdSec`, `techMD`, `digiprovMD` …
        var section: String
        var checksum: String?
        var checksumType: String?
        var size: UInt64?
    }

    /// A fileSec `file` and its `FLocat`.
    struct File {
        var id: String?
        var href: String
        var mimeType: String?
        var size: UInt64?
        var checksum: String?
        var checksumType: String?
        /// The dmdSec IDs the file names (`DMDID`).
        var dmdIDs: [String]
        /// The fileGrp's USE (`Representations/rep1`, `Schemas`, `Documentation`…).
        var use: String?
    }

    /// mets/@OBJID.
    var objectID: String?
    /// mets/@TYPE, or csip:OTHERTYPE when TYPE is `OTHER`.
    var type: String?
    var metadata: [MetadataRef] = []
    var files: [File] = []
    /// structMap `mptr` hrefs: the representations' METS files.
    var pointers: [String] = []
    /// structMap links: a file ID → the dmdSec IDs of the divs that hold it.
    var dmdIDsByFileID: [String: [String]] = [:]

    /// Reads a METS file; throws `PackageXMLError` when it is not XML, `CatalogueError` when it is XML
    /// but not METS.
    static func parse(_ data: Data) throws -> METSDocument {
        let root = try PackageXMLElement.parse(data)
        guard root.name.lowercased() == "mets" else {
            throw CatalogueError("không phải tệp METS (phần tử gốc là <\(root.name)>, cần <mets>)")
        }
        var mets = METSDocument()
        mets.objectID = root.attribute("OBJID")
        mets.type = root.attribute("TYPE")
        if let t = mets.type, t.uppercased() == "OTHER", let other = root.attribute("OTHERTYPE") { mets.type = other }

        for section in ["dmdSec", "techMD", "rightsMD", "sourceMD", "digiprovMD"] {
            for sec in root.descendants(section) {
                for ref in sec.descendants("mdRef") {
                    guard let href = ref.attribute("href") else { continue }
                    mets.metadata.append(MetadataRef(
                        id: sec.attribute("ID"), href: href, type: ref.attribute("OTHERMDTYPE") ?? ref.attribute("MDTYPE"),
                        section: section, checksum: ref.attribute("CHECKSUM"), checksumType: ref.attribute("CHECKSUMTYPE"),
                        size: ref.attribute("SIZE").flatMap { UInt64($0) }))
                }
            }
        }

        if let fileSec = root.descendants("fileSec").first {
            func walk(_ group: PackageXMLElement, use: String?) {
                let use = group.attribute("USE") ?? use
                for child in group.children {
                    switch child.name {
                    case "fileGrp": walk(child, use: use)
                    case "file": files(child, use: use)
                    default: break
                    }
                }
            }
            func files(_ file: PackageXMLElement, use: String?) {
                let dmd = (file.attribute("DMDID") ?? "").split(separator: " ").map(String.init)
                for loc in file.children("FLocat") {
                    guard let href = loc.attribute("href") else { continue }
                    mets.files.append(File(
                        id: file.attribute("ID"), href: href, mimeType: file.attribute("MIMETYPE"),
                        size: file.attribute("SIZE").flatMap { UInt64($0) }, checksum: file.attribute("CHECKSUM"),
                        checksumType: file.attribute("CHECKSUMTYPE"), dmdIDs: dmd, use: use))
                }
                for nested in file.children("file") { files(nested, use: use) }
            }
            walk(fileSec, use: nil)
        }

        for structMap in root.children("structMap") {
            for mptr in structMap.descendants("mptr") {
                if let href = mptr.attribute("href") { mets.pointers.append(href) }
            }
            func walk(_ div: PackageXMLElement, inherited: [String]) {
                let own = (div.attribute("DMDID") ?? "").split(separator: " ").map(String.init)
                let dmd = own.isEmpty ? inherited : own
                for child in div.children {
                    if child.name == "fptr", let fileID = child.attribute("FILEID"), !dmd.isEmpty {
                        mets.dmdIDsByFileID[fileID, default: []] += dmd
                    }
                    if child.name == "div" { walk(child, inherited: dmd) }
                }
            }
            for div in structMap.children("div") { walk(div, inherited: []) }
        }
        return mets
    }
}

/// Fixity a PREMIS file records for the package's files: a file's path or name → (algorithm, digest).
/// Used for a file whose METS entry gives no checksum (AIPs carry both).
struct PREMISFixity {
    var digests: [String: (algorithm: String, digest: String)] = [:]

    static func parse(_ data: Data) throws -> PREMISFixity {
        let root = try PackageXMLElement.parse(data)
        var fixity = PREMISFixity()
        for object in root.descendants("object") {
            guard let fix = object.descendants("fixity").first,
                  let algorithm = fix.descendants("messageDigestAlgorithm").first?.text().pkgNonEmpty,
                  let digest = fix.descendants("messageDigest").first?.text().pkgNonEmpty else { continue }
            var names: [String] = []
            for id in object.descendants("objectIdentifier") {
                if let v = id.descendants("objectIdentifierValue").first?.text().pkgNonEmpty { names.append(v) }
            }
            for tag in ["originalName", "contentLocationValue"] {
                for e in object.descendants(tag) { if let v = e.text().pkgNonEmpty { names.append(v) } }
            }
            for name in names { fixity.digests[PREMISFixity.key(name)] = (algorithm, digest) }
        }
        return fixity
    }

    /// The fixity recorded for a file at `relativePath` in the package, by its path or else its name.
    func lookup(_ relativePath: String) -> (algorithm: String, digest: String)? {
        if let d = digests[PREMISFixity.key(relativePath)] { return d }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return digests[PREMISFixity.key(name)]
    }

    /// A path as PREMIS writes it (`file:`, `./`, percent escapes, `\`) reduced to compare with a package path.
    private static func key(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\\", with: "/")
        if t.lowercased().hasPrefix("file:") { t = String(t.dropFirst(5)) }
        t = t.removingPercentEncoding ?? t
        while t.hasPrefix("./") || t.hasPrefix("/") { t = String(t.dropFirst(t.hasPrefix("./") ? 2 : 1)) }
        return t.precomposedStringWithCanonicalMapping.lowercased()
    }
}

extension String {
    /// Self, or nil when empty.
    var pkgNonEmpty: String? { isEmpty ? nil : self }
}
