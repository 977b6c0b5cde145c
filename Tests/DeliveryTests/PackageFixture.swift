import Catalogue
import Foundation
import ZIPFoundation

/// Builds a realistic TT 05/2025 information package (E-ARK CSIP 2.0.4) for tests: a root METS whose
/// fileSec and structMap point to the metadata and to `representations/rep1/METS.xml`, an EAD3 for the hồ
/// sơ, one `EAD_doc_<n>.xml` per document (or `<c level="item">` components), a PREMIS file for AIPs,
/// the scans, and every file's SHA-256 in METS.
///
///     var fixture = PackageFixture.standard(.sipHoso)
///     let folder = try fixture.writeFolder(in: batch)      // batch/SIP_hoso_H49.64.33.2001.160/
///     let zip = try fixture.writeZip(in: batch)            // batch/SIP_hoso_H49.64.33.2001.160.zip
///     try fixture.writeCSV(batch: other)                   // the same records as ho_so.csv + tai_lieu.csv
struct PackageFixture {
    enum Kind: String { case sipHoso = "SIP_hoso", sipTailieu = "SIP_tailieu", aipHoso = "AIP_hoso", aipTailieu = "AIP_tailieu" }
    /// How documents are described: an `EAD_doc_<n>.xml` each, `<c level="item">` components in the hồ sơ's
    /// EAD, or not at all (each takes its id from its file name).
    enum DocumentStyle { case eadDocFiles, components, none }

    /// One document: its EAD values as the package writes them and its scan.
    struct Doc {
        var ordinal: Int
        var type: String? = "Quyết định"
        /// Số and Ký hiệu as one value, `12/QĐ-UBND`.
        var numberSymbol: String?
        /// As EAD writes it (`2012-02-15`).
        var date: String?
        var issuer: String?
        var summary: String?
        var signer: String?
        var access: String?
        /// `<odd localtype="…">` values the contract does not name.
        var extra: [(String, String)] = []
        var content: Data = PackageFixture.pdf("Tài liệu")
        /// The checksum METS gives, when not the content's SHA-256 (another algorithm, a wrong value).
        var checksumType = "SHA-256"
        var checksum: String?
        /// The FLocat href in the representation METS, when not `data/<name>`.
        var href: String?
    }

    var kind: Kind = .sipHoso
    var fileID = "H49.64.33.2001.160"
    /// nil: no unittitle.
    var title: String? = "Hồ sơ về việc thu hồi đất, bồi thường, hỗ trợ tái định cư dự án đường Hồ Chí Minh qua xã Ea H'leo"
    /// false: the hồ sơ's EAD has no unitid.
    var writeUnitID = true
    var retention = "Vĩnh viễn"
    var access = "Công khai"
    var startDate = "2012-02-15"
    var endDate = "2012-12-31"
    var language = "Tiếng Việt"
    var fonds = "Phông Ủy ban nhân dân tỉnh Đắk Lắk"
    var sheets = "25"
    var keywords = ["thu hồi đất", "bồi thường"]
    var note = "Bản gốc lưu tại Chi cục Văn thư - Lưu trữ"
    /// Hồ sơ values the contract does not name, as `<odd localtype="…">`.
    var extra: [(String, String)] = [("Hộp số", "05"), ("Mục lục", "01")]
    var documents: [Doc] = []
    var style: DocumentStyle = .eadDocFiles
    /// Whether each document's EAD names its file (`dao href`); otherwise it is found by its name.
    var linkByDao = true
    /// Whether the representation METS gives each file's CHECKSUM (AIPs may leave it to PREMIS).
    var metsChecksums = true

    /// Three documents of a land-clearance file, with Vietnamese values.
    static func standard(_ kind: Kind = .sipHoso) -> PackageFixture {
        var f = PackageFixture()
        f.kind = kind
        f.documents = [
            Doc(ordinal: 1, type: "Quyết định", numberSymbol: "1605/QĐ-UBND", date: "2012-02-15",
                issuer: "Ủy ban nhân dân tỉnh Đắk Lắk",
                summary: "Về việc thu hồi đất để thực hiện dự án đường Hồ Chí Minh", signer: "Y Bih Niê",
                access: "Công khai", extra: [("Tờ số", "1-3")], content: pdf("QUYẾT ĐỊNH Về việc thu hồi đất")),
            Doc(ordinal: 2, type: "Tờ trình", numberSymbol: "325/TTr-TNMT", date: "2012-03-01",
                issuer: "Sở Tài nguyên và Môi trường", summary: "Đề nghị phê duyệt phương án bồi thường, hỗ trợ",
                signer: "Nguyễn Văn Hùng", access: "Sử dụng có điều kiện", content: pdf("TỜ TRÌNH phương án bồi thường")),
            Doc(ordinal: 3, type: "Biên bản", numberSymbol: "12/BB-HĐBT", date: "2012-12-31",
                issuer: "Hội đồng bồi thường huyện Ea H'leo", summary: "Kiểm kê đất đai, tài sản của hộ bà H'Hen Niê",
                signer: "Trần Thị Mai", content: pdf("BIÊN BẢN kiểm kê")),
        ]
        return f
    }

    var packageName: String { "\(kind.rawValue)_\(fileID)" }
    static func documentName(_ fileID: String, _ ordinal: Int) -> String { "\(fileID).\(ordinal).pdf" }
    func documentName(_ d: Doc) -> String { Self.documentName(fileID, d.ordinal) }
    var isAIP: Bool { kind == .aipHoso || kind == .aipTailieu }
    /// SIP_hoso and AIP_hoso describe the hồ sơ; SIP_tailieu and AIP_tailieu only documents of a hồ sơ
    /// catalogued before.
    var describesFile: Bool { kind == .sipHoso || kind == .aipHoso }

    /// A small PDF whose only text is `text`.
    static func pdf(_ text: String) -> Data {
        Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% \(text)\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    }

    // MARK: - Writing

    /// Writes the package as the folder `<in>/<packageName>` and returns it.
    @discardableResult
    func writeFolder(in parent: URL) throws -> URL {
        let root = parent.appendingPathComponent(packageName, isDirectory: true)
        try write(root: root)
        return root
    }

    /// Writes the package as `<in>/<packageName>.zip` (its files at the zip's root, or inside one top
    /// folder) and returns it.
    @discardableResult
    func writeZip(in parent: URL, topFolder: Bool = false) throws -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pkgfixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent(packageName)
        try write(root: root)
        let zip = parent.appendingPathComponent(packageName + ".zip")
        try Self.zip(folder: root, to: zip, prefix: topFolder ? packageName : nil)
        return zip
    }

    /// Writes the same records as `ho_so.csv` and `tai_lieu.csv` in `batch`, the scans under `batch/pdf/`,
    /// with the values as the package reader stores them (TT 05 codes, `DD/MM/YYYY`, Số and Ký hiệu apart).
    func writeCSV(batch: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: batch.appendingPathComponent("pdf"), withIntermediateDirectories: true)
        var fileHeader = [Column.fileID, Column.fileTitle, Column.retention, Column.access, Column.language,
                          Column.startDate, Column.endDate, Column.sheetCount, Column.keywords, Column.fonds,
                          Column.reliability, Column.note]
        var fileRow = [fileID, title ?? "", code(retention, FieldCode.retention), code(access, FieldCode.access),
                       code(language, FieldCode.language), dmy(startDate), dmy(endDate), sheets,
                       keywords.joined(separator: "; "), fonds, "02", note]
        for (k, v) in extra { fileHeader.append(k); fileRow.append(v) }
        try Self.csv([fileHeader, fileRow]).write(to: batch.appendingPathComponent("ho_so.csv"))

        let extraNames = documents.flatMap { $0.extra.map(\.0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let docHeader = [Column.fileID, Column.ordinal, Column.path, Column.type, Column.number, Column.symbol,
                         Column.date, Column.issuer, Column.summary, Column.signer, Column.access, Column.language,
                         Column.pageCount] + extraNames
        var rows = [docHeader]
        for d in documents {
            let parts = d.numberSymbol.map { ns -> (String, String) in
                let i = ns.firstIndex(of: "/")!
                return (String(ns[..<i]), String(ns[ns.index(after: i)...]))
            }
            try d.content.write(to: batch.appendingPathComponent("pdf/" + documentName(d)))
            var row = [fileID, String(d.ordinal), "pdf/" + documentName(d), d.type ?? "", parts?.0 ?? "", parts?.1 ?? "",
                       d.date.map(dmy) ?? "", d.issuer ?? "", d.summary ?? "", d.signer ?? "",
                       d.access.map { code($0, FieldCode.access) } ?? "", "01", "3"]
            for name in extraNames { row.append(d.extra.first { $0.0 == name }?.1 ?? "") }
            rows.append(row)
        }
        try Self.csv(rows).write(to: batch.appendingPathComponent("tai_lieu.csv"))
    }

    private func code(_ v: String, _ table: [String: String]) -> String { FieldCode.code(v, in: table) ?? v }
    private func dmy(_ iso: String) -> String {
        let p = iso.split(separator: "-")
        return p.count == 3 ? "\(p[2])/\(p[1])/\(p[0])" : iso
    }

    private static func csv(_ rows: [[String]]) -> Data {
        Data(rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
            .joined(separator: "\r\n").appending("\r\n").utf8)
    }

    private func write(root: URL) throws {
        let fm = FileManager.default
        for dir in ["metadata/descriptive", "metadata/preservation", "representations/rep1/data", "schemas"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        func put(_ rel: String, _ data: Data) throws { try data.write(to: root.appendingPathComponent(rel)) }

        // Scans and the representation's METS.
        var repFiles = ""
        var repDivs = ""
        for d in documents {
            try put("representations/rep1/data/" + documentName(d), d.content)
            let rel = d.href ?? "data/" + documentName(d)
            let sum = metsChecksums
                ? " CHECKSUM=\"\(d.checksum ?? Catalogue.SHA256.hex(d.content))\" CHECKSUMTYPE=\"\(d.checksumType)\"" : ""
            repFiles += """
                      <file ID="file-\(d.ordinal)" MIMETYPE="application/pdf" SIZE="\(d.content.count)"\(sum) CREATED="2024-05-20T08:00:00+07:00">
                        <FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="\(rel)"/>
                      </file>\n
                """
            repDivs += "        <fptr FILEID=\"file-\(d.ordinal)\"/>\n"
        }
        try put("representations/rep1/METS.xml", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" OBJID="\(fileID)-rep1" TYPE="OTHER" csip:OTHERTYPE="\(kind.rawValue)" PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">
              <metsHdr CREATEDATE="2024-05-20T08:00:00+07:00" csip:OAISPACKAGETYPE="\(isAIP ? "AIP" : "SIP")"/>
              <fileSec ID="fileSec-rep1">
                <fileGrp ID="grp-data" USE="Data">
            \(repFiles)    </fileGrp>
              </fileSec>
              <structMap ID="structMap-rep1" TYPE="PHYSICAL" LABEL="CSIP">
                <div ID="div-rep1" LABEL="rep1">
                  <div ID="div-data" LABEL="Data">
            \(repDivs)      </div>
                </div>
              </structMap>
            </mets>
            """.utf8))

        // Descriptive metadata.
        var metadataFiles: [(id: String, rel: String, type: String)] = []
        if describesFile {
            try put("metadata/descriptive/EAD.xml", Data(Self.eadDocument(fileEAD()).utf8))
            metadataFiles.append(("dmd-hoso", "metadata/descriptive/EAD.xml", "EAD"))
        }
        if style == .eadDocFiles || (style == .components && !describesFile) {
            for d in documents {
                let rel = "metadata/descriptive/EAD_doc_\(d.ordinal).xml"
                try put(rel, Data(Self.eadDocument(item(d, dao: "../../representations/rep1/data/" + documentName(d))).utf8))
                metadataFiles.append(("dmd-doc-\(d.ordinal)", rel, "EAD"))
            }
        }
        if isAIP {
            try put("metadata/preservation/PREMIS.xml", Data(premis().utf8))
            metadataFiles.append(("premis", "metadata/preservation/PREMIS.xml", "PREMIS"))
        }
        try put("schemas/ead3.xsd", Data("<?xml version=\"1.0\"?><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>\n".utf8))

        // Root METS.
        func attrs(_ rel: String) throws -> String {
            let data = try Data(contentsOf: root.appendingPathComponent(rel))
            return "SIZE=\"\(data.count)\" CHECKSUM=\"\(Catalogue.SHA256.hex(data))\" CHECKSUMTYPE=\"SHA-256\""
        }
        var dmd = "", amd = ""
        for m in metadataFiles {
            let ref = try "<mdRef LOCTYPE=\"URL\" MDTYPE=\"\(m.type)\" MIMETYPE=\"text/xml\" xlink:type=\"simple\" xlink:href=\"\(m.rel)\" \(attrs(m.rel))/>"
            if m.type == "PREMIS" { amd += "    <digiprovMD ID=\"\(m.id)\">\(ref)</digiprovMD>\n" }
            else { dmd += "  <dmdSec ID=\"\(m.id)\" CREATED=\"2024-05-20T08:00:00+07:00\">\(ref)</dmdSec>\n" }
        }
        let dmdIDs = metadataFiles.filter { $0.type == "EAD" }.map(\.id).joined(separator: " ")
        try put("METS.xml", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" OBJID="\(fileID)" TYPE="OTHER" csip:OTHERTYPE="\(kind.rawValue)" LABEL="\(Self.escape(title ?? ""))" PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">
              <metsHdr CREATEDATE="2024-05-20T08:00:00+07:00" csip:OAISPACKAGETYPE="\(isAIP ? "AIP" : "SIP")">
                <agent ROLE="CREATOR" TYPE="ORGANIZATION"><name>Công ty Cổ phần Số hóa Tây Nguyên</name></agent>
              </metsHdr>
            \(dmd)  <amdSec ID="amd">
            \(amd)  </amdSec>
              <fileSec ID="fileSec">
                <fileGrp ID="grp-schemas" USE="Schemas">
                  <file ID="schema-ead3" MIMETYPE="application/xml" \(attrs("schemas/ead3.xsd"))><FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="schemas/ead3.xsd"/></file>
                </fileGrp>
                <fileGrp ID="grp-rep1" USE="Representations/rep1">
                  <file ID="rep1-mets" MIMETYPE="text/xml" \(attrs("representations/rep1/METS.xml"))><FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="representations/rep1/METS.xml"/></file>
                </fileGrp>
              </fileSec>
              <structMap ID="structMap" TYPE="PHYSICAL" LABEL="CSIP">
                <div ID="div-root" LABEL="\(fileID)">
                  <div ID="div-metadata" LABEL="Metadata" DMDID="\(dmdIDs)"/>
                  <div ID="div-schemas" LABEL="Schemas"><fptr FILEID="schema-ead3"/></div>
                  <div ID="div-rep1" LABEL="Representations/rep1"><mptr LOCTYPE="URL" xlink:type="simple" xlink:href="representations/rep1/METS.xml" xlink:title="rep1-mets"/></div>
                </div>
              </structMap>
            </mets>
            """.utf8))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// An EAD3 file around `archdesc`.
    static func eadDocument(_ archdesc: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ead xmlns="http://ead3.archivists.org/schema/">
          <control>
            <recordid>\(UUID().uuidString)</recordid>
            <filedesc><titlestmt><titleproper>Mô tả theo Thông tư 05/2025/TT-BNV</titleproper></titlestmt></filedesc>
            <maintenancestatus value="new"/>
            <maintenanceagency><agencyname>Trung tâm Lưu trữ lịch sử tỉnh Đắk Lắk</agencyname></maintenanceagency>
            <maintenancehistory><maintenanceevent><eventtype value="created"/><eventdatetime>2024-05-20</eventdatetime><agenttype value="machine"/><agent>hoso-fixture</agent></maintenanceevent></maintenancehistory>
          </control>
        \(archdesc)
        </ead>
        """
    }

    private func fileEAD() -> String {
        let e = Self.escape
        var did = ""
        if writeUnitID { did += "      <unitid>\(e(fileID))</unitid>\n" }
        if let title { did += "      <unittitle>\(e(title))</unittitle>\n" }
        did += """
                  <unitdatestructured unitdatetype="inclusive"><daterange><fromdate standarddate="\(startDate)">\(dmy(startDate))</fromdate><todate standarddate="\(endDate)">\(dmy(endDate))</todate></daterange></unitdatestructured>
                  <langmaterial><language langcode="vie">\(e(language))</language></langmaterial>
                  <physdescstructured coverage="whole" physdescstructuredtype="spaceoccupied"><quantity>\(sheets)</quantity><unittype>tờ</unittype></physdescstructured>\n
            """
        var body = """
                <accessrestrict><head>Chế độ sử dụng</head><p>\(e(access))</p></accessrestrict>
                <odd localtype="Thời hạn bảo quản"><p>\(e(retention))</p></odd>
                <odd localtype="Tên phông"><p>\(e(fonds))</p></odd>
                <odd localtype="Mức độ tin cậy"><p>Số hóa</p></odd>
                <controlaccess>\(keywords.map { "<subject><part>\(e($0))</part></subject>" }.joined())</controlaccess>
                <odd><head>Ghi chú</head><p>\(e(note))</p></odd>\n
            """
        for (k, v) in extra { body += "    <odd localtype=\"\(e(k))\"><p>\(e(v))</p></odd>\n" }
        if style == .components {
            body += "    <dsc>\n"
            for d in documents {
                body += item(d, dao: linkByDao ? "../../representations/rep1/data/" + documentName(d) : nil, component: true)
            }
            body += "    </dsc>\n"
        }
        return "  <archdesc level=\"file\">\n    <did>\n\(did)    </did>\n\(body)  </archdesc>"
    }

    /// A document's description: an archdesc of level item, or a `<c level="item">` component.
    private func item(_ d: Doc, dao: String?, component: Bool = false) -> String {
        let e = Self.escape
        let tag = component ? "c" : "archdesc"
        var did = "      <unitid>\(e(fileID)).\(d.ordinal)</unitid>\n"
        if let ns = d.numberSymbol { did += "      <unitid localtype=\"Số và ký hiệu\">\(e(ns))</unitid>\n" }
        if let s = d.summary { did += "      <unittitle>\(e(s))</unittitle>\n" }
        if let date = d.date { did += "      <unitdate normal=\"\(date)\">\(dmy(date))</unitdate>\n" }
        var origination = ""
        if let i = d.issuer { origination += "<corpname><part>\(e(i))</part></corpname>" }
        if let s = d.signer { origination += "<persname localtype=\"Người ký\"><part>\(e(s))</part></persname>" }
        if !origination.isEmpty { did += "      <origination>\(origination)</origination>\n" }
        did += "      <langmaterial><language langcode=\"vie\"/></langmaterial>\n"
        did += "      <physdescstructured coverage=\"whole\" physdescstructuredtype=\"materialtype\"><quantity>3</quantity><unittype>trang</unittype></physdescstructured>\n"
        if let dao, linkByDao { did += "      <dao daotype=\"derived\" href=\"\(e(dao))\"/>\n" }
        var body = ""
        if let t = d.type { body += "    <controlaccess><genreform><part>\(e(t))</part></genreform></controlaccess>\n" }
        if let a = d.access { body += "    <accessrestrict><p>\(e(a))</p></accessrestrict>\n" }
        for (k, v) in d.extra { body += "    <odd localtype=\"\(e(k))\"><p>\(e(v))</p></odd>\n" }
        return "  <\(tag) level=\"item\">\n    <did>\n\(did)    </did>\n\(body)  </\(tag)>\n"
    }

    private func premis() -> String {
        var objects = ""
        for d in documents {
            let rel = "representations/rep1/data/" + documentName(d)
            objects += """
                  <premis:object xsi:type="premis:file">
                    <premis:objectIdentifier><premis:objectIdentifierType>local</premis:objectIdentifierType><premis:objectIdentifierValue>\(rel)</premis:objectIdentifierValue></premis:objectIdentifier>
                    <premis:objectCharacteristics>
                      <premis:compositionLevel>0</premis:compositionLevel>
                      <premis:fixity><premis:messageDigestAlgorithm>\(d.checksumType)</premis:messageDigestAlgorithm><premis:messageDigest>\(d.checksum ?? Catalogue.SHA256.hex(d.content))</premis:messageDigest></premis:fixity>
                      <premis:size>\(d.content.count)</premis:size>
                      <premis:format><premis:formatDesignation><premis:formatName>PDF/A-2b</premis:formatName></premis:formatDesignation></premis:format>
                    </premis:objectCharacteristics>
                    <premis:originalName>\(documentName(d))</premis:originalName>
                  </premis:object>\n
                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <premis:premis xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0">
            \(objects)  <premis:event>
                <premis:eventIdentifier><premis:eventIdentifierType>local</premis:eventIdentifierType><premis:eventIdentifierValue>ingest-1</premis:eventIdentifierValue></premis:eventIdentifier>
                <premis:eventType>ingestion</premis:eventType>
                <premis:eventDateTime>2024-05-21T09:00:00+07:00</premis:eventDateTime>
              </premis:event>
            </premis:premis>
            """
    }

    // MARK: - Zips

    /// Zips every file under `folder` into `zip` (deflated), under `prefix/` when given.
    static func zip(folder: URL, to zip: URL, prefix: String? = nil) throws {
        let archive = try Archive(url: zip, accessMode: .create, pathEncoding: nil)
        let base = folder.resolvingSymlinksInPath().path
        let walker = FileManager.default.enumerator(atPath: base)
        var paths: [String] = []
        while let p = walker?.nextObject() as? String { paths.append(p) }
        for rel in paths.sorted() {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), isDir.boolValue { continue }
            try archive.addEntry(with: prefix.map { "\($0)/\(rel)" } ?? rel, fileURL: URL(fileURLWithPath: base + "/" + rel),
                                 compressionMethod: .deflate)
        }
    }

    /// A zip of the given entries as written (a `..` path, a link): for refusal tests.
    static func zip(entries: [(path: String, data: Data, symlink: Bool)], to zip: URL) throws {
        let archive = try Archive(url: zip, accessMode: .create, pathEncoding: nil)
        for e in entries {
            try archive.addEntry(with: e.path, type: e.symlink ? .symlink : .file, uncompressedSize: Int64(e.data.count),
                                 compressionMethod: e.symlink ? .none : .deflate) { position, size in
                e.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
