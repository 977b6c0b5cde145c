import Catalogue
import Foundation

/// The XML files of a DIP: its METS (E-ARK CSIP), the EAD3 of the hồ sơ and its documents, and the
/// user's request (phiếu yêu cầu).
enum DIPMetadata {
    /// The request's seven fields, each an element named without diacritics, labelled in Vietnamese.
    static func request(_ r: CopyRequest, archiveName: String) -> Data {
        let names = ["HoVaTen", "SoCCCD", "DiaChi", "MucDichSuDung", "TaiLieuYeuCau", "HinhThuc", "NgayYeuCau"]
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PhieuYeuCau coQuanLuuTru=\"\(x(archiveName))\">\n"
        for (name, field) in zip(names, r.fields) {
            s += "  <\(name) ten=\"\(x(field.label))\">\(x(field.value))</\(name)>\n"
        }
        return Data((s + "</PhieuYeuCau>\n").utf8)
    }

    /// EAD3: the hồ sơ as the `archdesc` (level file), each document a `c` (level item) pointing at its PDF;
    /// every TT 05 field of the catalogue as an `odd` headed by the field's name.
    static func ead(file: ArchiveFile, documents: [Document]) -> Data {
        func odd(_ fields: [String: String], indent: String) -> String {
            fields.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }
                .map { "\(indent)<odd><head>\(x($0.key))</head><p>\(x($0.value))</p></odd>\n" }.joined()
        }
        var dates = ""
        if let start = file.startDate {
            let range = file.endDate.map { "\(start.display) – \($0.display)" } ?? start.display
            dates = "      <unitdate>\(x(range))</unitdate>\n"
        }
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ead xmlns="http://ead3.archivists.org/schema/">
              <control>
                <recordid>\(x(file.id))</recordid>
                <filedesc><titlestmt><titleproper>\(x(file.title))</titleproper></titlestmt></filedesc>
                <maintenancestatus value="new"/>
                <maintenanceagency><agencyname>hoso</agencyname></maintenanceagency>
              </control>
              <archdesc level="file">
                <did>
                  <unitid>\(x(file.id))</unitid>
                  <unittitle>\(x(file.title))</unittitle>

            """
        s += dates + "    </did>\n" + odd(file.fields, indent: "    ") + "    <dsc>\n"
        for d in documents {
            s += "      <c level=\"item\" id=\"\(x("doc-" + d.id))\">\n        <did>\n"
            s += "          <unitid>\(x(d.id))</unitid>\n          <unittitle>\(x(d.title))</unittitle>\n"
            if let date = d.date { s += "          <unitdate>\(x(date.display))</unitdate>\n" }
            if let issuer = d.issuer { s += "          <origination><corpname><part>\(x(issuer))</part></corpname></origination>\n" }
            s += "          <dao daotype=\"derived\" href=\"../../representations/rep1/data/\(x(d.id)).pdf\"/>\n        </did>\n"
            s += odd(d.fields, indent: "        ") + "      </c>\n"
        }
        s += "    </dsc>\n  </archdesc>\n</ead>\n"
        return Data(s.utf8)
    }

    /// The root METS: the two metadata files (dmdSec) and the PDFs (fileSec, representation rep1), each with
    /// its size and SHA-256, and the structMap CSIP asks for.
    static func mets(id: String, label: String, archiveName: String, created: Date, ead: (String, Data),
                     request: (String, Data), files: [(path: String, data: Data, mime: String)], documentIDs: [String]) -> Data {
        let when = ISO8601DateFormatter().string(from: created)
        func mdRef(_ sec: String, _ path: String, _ data: Data, _ type: String) -> String {
            "  <mets:dmdSec ID=\"\(sec)\" CREATED=\"\(when)\" STATUS=\"CURRENT\">\n"
                + "    <mets:mdRef LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"\(x(path))\" \(type) MIMETYPE=\"text/xml\" "
                + "SIZE=\"\(data.count)\" CREATED=\"\(when)\" CHECKSUM=\"\(SHA256.hex(data))\" CHECKSUMTYPE=\"SHA-256\"/>\n"
                + "  </mets:dmdSec>\n"
        }
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" \
            xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" OBJID="\(x(id))" LABEL="\(x(label))" TYPE="OTHER" \
            csip:OTHERTYPE="DIP" csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="TT05/2025/TT-BNV" \
            PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">
              <mets:metsHdr CREATEDATE="\(when)" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="DIP">
                <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION"><mets:name>\(x(archiveName))</mets:name></mets:agent>
                <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><mets:name>hoso</mets:name></mets:agent>
              </mets:metsHdr>

            """
        s += mdRef("dmd-ead", ead.0, ead.1, "MDTYPE=\"EAD\"")
        s += mdRef("dmd-request", request.0, request.1, "MDTYPE=\"OTHER\" OTHERMDTYPE=\"PhieuYeuCau\"")
        s += "  <mets:fileSec ID=\"filesec\">\n    <mets:fileGrp ID=\"grp-rep1\" USE=\"Representations/rep1\">\n"
        for (i, f) in files.enumerated() {
            s += "      <mets:file ID=\"file-\(i + 1)\" MIMETYPE=\"\(f.mime)\" SIZE=\"\(f.data.count)\" CREATED=\"\(when)\" "
                + "CHECKSUM=\"\(SHA256.hex(f.data))\" CHECKSUMTYPE=\"SHA-256\" DMDID=\"dmd-ead\">\n"
                + "        <mets:FLocat LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"\(x(f.path))\"/>\n      </mets:file>\n"
        }
        s += "    </mets:fileGrp>\n  </mets:fileSec>\n"
        s += "  <mets:structMap ID=\"structmap\" TYPE=\"PHYSICAL\" LABEL=\"CSIP\">\n    <mets:div ID=\"div-root\" LABEL=\"\(x(id))\">\n"
        s += "      <mets:div ID=\"div-metadata\" LABEL=\"Metadata\" DMDID=\"dmd-ead dmd-request\"/>\n"
        s += "      <mets:div ID=\"div-rep1\" LABEL=\"Representations/rep1\">\n"
        for (i, docID) in documentIDs.enumerated() where i < files.count {
            s += "        <mets:div LABEL=\"\(x(docID))\"><mets:fptr FILEID=\"file-\(i + 1)\"/></mets:div>\n"
        }
        s += "      </mets:div>\n    </mets:div>\n  </mets:structMap>\n</mets:mets>\n"
        return Data(s.utf8)
    }

    static func x(_ s: String) -> String { PDFSyntax.xml(s) }
}
