"""The TT 05/2025 package (E-ARK CSIP 2.0.4): SIP_hoso_<Mã hồ sơ>.zip with METS.xml at its root, an EAD3
file for the hồ sơ and one per document, the representation's METS (SHA-256 of every file) and the scans."""
import hashlib
import zipfile
from xml.sax.saxutils import escape as xml_escape

from delivery_content import dmy
from delivery_zip import zip_write
from render import nfc

PACKAGE_TIME = "2025-06-30T08:00:00+07:00"  # the fixed creation time METS and EAD carry


def x(s):
    return xml_escape(nfc(str(s)), {'"': "&quot;"})


def iso(t):
    d, m, y = t
    return "%d-%02d-%02d" % (y, m, d)


def ead_document(archdesc, record_id, title):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<ead xmlns="http://ead3.archivists.org/schema/" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            '  <control>\n'
            '    <recordid>%s</recordid>\n'
            '    <filedesc><titlestmt><titleproper>%s</titleproper></titlestmt></filedesc>\n'
            '    <maintenancestatus value="new"/>\n'
            '    <maintenanceagency><agencyname>Phòng Tài nguyên và Môi trường huyện Tuy An</agencyname>'
            '</maintenanceagency>\n'
            '    <languagedeclaration><language langcode="vie">Tiếng Việt</language>'
            '<script scriptcode="Latn">Latinh</script></languagedeclaration>\n'
            '    <conventiondeclaration><citation>Thông tư 05/2025/TT-BNV</citation></conventiondeclaration>\n'
            '    <maintenancehistory><maintenanceevent><eventtype value="created"/>'
            '<eventdatetime standarddatetime="%s">30/06/2025</eventdatetime><agenttype value="machine"/>'
            '<agent>MRC ScanSuite 4.2</agent></maintenanceevent></maintenancehistory>\n'
            '  </control>\n%s\n</ead>\n' % (x(record_id), x(title), PACKAGE_TIME, archdesc))


def ead_file(f):
    kw = "".join("<subject><part>%s</part></subject>" % x(k) for k in f["keywords"])
    return ('  <archdesc level="file">\n'
            '    <did>\n'
            '      <unitid>%s</unitid>\n'
            '      <unittitle>%s</unittitle>\n'
            '      <unitdatestructured unitdatetype="inclusive"><daterange><fromdate standarddate="%s">%s</fromdate>'
            '<todate standarddate="%s">%s</todate></daterange></unitdatestructured>\n'
            '      <langmaterial><language langcode="vie">%s</language></langmaterial>\n'
            '      <physdescstructured coverage="whole" physdescstructuredtype="spaceoccupied"><quantity>%d</quantity>'
            '<unittype>tờ</unittype></physdescstructured>\n'
            '      <physdescstructured coverage="whole" physdescstructuredtype="materialtype"><quantity>%d</quantity>'
            '<unittype>trang</unittype></physdescstructured>\n'
            '      <physdesc localtype="Tình trạng vật lý">%s</physdesc>\n'
            '    </did>\n'
            '    <accessrestrict><head>Chế độ sử dụng</head><p>%s</p></accessrestrict>\n'
            '    <controlaccess>%s</controlaccess>\n'
            '    <odd localtype="Thời hạn bảo quản"><p>%s</p></odd>\n'
            '    <odd localtype="Tên phông"><p>%s</p></odd>\n'
            '    <odd localtype="Mục lục"><p>%s</p></odd>\n'
            '    <odd localtype="Hộp số"><p>%s</p></odd>\n'
            '    <odd localtype="Tổng số tài liệu"><p>%d</p></odd>\n'
            '    <odd localtype="Mức độ tin cậy"><p>%s</p></odd>\n'
            '    <odd localtype="Ký hiệu thông tin"><p>%s</p></odd>\n'
            '    <odd localtype="Mã hồ sơ gốc giấy"><p>%s</p></odd>\n'
            '    <odd><head>Ghi chú</head><p>%s</p></odd>\n'
            '  </archdesc>'
            % (x(f["id"]), x(f["title"]), iso(f["start"]), dmy(f["start"]), iso(f["end"]), dmy(f["end"]),
               x(f["lang"]), f["npages"], f["npages"], x(f["tinh_trang"]), x(f["access"]), kw, x(f["han"]),
               x(f["phong"]), x(f["muc_luc"]), x(f["hop"]), f["ndocs"], x(f["tin_cay"]), x(f["kyhieu_tt"]),
               x(f["goc"]), x(f["note"])))


def ead_item(d):
    if d["stt"] == 4:   # one document dated by <unitdate normal=…>, the others by <unitdatestructured>
        date = '<unitdate normal="%s">ngày %02d tháng %d năm %d</unitdate>' % ((iso(d["date"]),) + d["date"])
    else:
        date = ('<unitdatestructured><datesingle standarddate="%s">%s</datesingle></unitdatestructured>'
                % (iso(d["date"]), dmy(d["date"])))
    if d["so"]:
        sokh = '<odd localtype="Số và ký hiệu"><p>%s/%s</p></odd>' % (x(d["so"]), x(d["kyhieu"]))
    else:
        sokh = '<odd localtype="Ký hiệu"><p>%s</p></odd>' % x(d["kyhieu"])
    access = ("    <accessrestrict><head>Chế độ sử dụng</head><p>%s</p></accessrestrict>\n" % x(d["access"])
              if d["access"] else "")
    return ('  <archdesc level="item">\n'
            '    <did>\n'
            '      <unitid>%s</unitid>\n'
            '      <unittitle>%s</unittitle>\n'
            '      %s\n'
            '      <origination><corpname><part>%s</part></corpname></origination>\n'
            '      <langmaterial><language langcode="vie">Tiếng Việt</language></langmaterial>\n'
            '      <physdescstructured coverage="whole" physdescstructuredtype="materialtype"><quantity>%d</quantity>'
            '<unittype>trang</unittype></physdescstructured>\n'
            '      <physdesc localtype="Tình trạng vật lý">%s</physdesc>\n'
            '      <dao daotype="derived" linktitle="%s" href="../../representations/rep1/data/%s.pdf"/>\n'
            '    </did>\n'
            '%s'
            '    <controlaccess><subject><part>%s</part></subject></controlaccess>\n'
            '    <odd localtype="Tên loại văn bản"><p>%s</p></odd>\n'
            '    %s\n'
            '    <odd localtype="Người ký"><p>%s</p></odd>\n'
            '    <odd localtype="Mức độ tin cậy"><p>Số hóa</p></odd>\n'
            '    <odd localtype="Tờ số"><p>%s</p></odd>\n'
            '  </archdesc>'
            % (x(d["id"]), x(d["trich_yeu"]), date, x(d["issuer"]), len(d["pages"]), x(d["tinh_trang"]),
               x(d["id"]), x(d["id"]), access, x(d["keywords"]), x(d["kind"]), sokh, x(d["signer"]),
               x(d["to_so"])))


METS_NS = ('xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.loc.gov/METS/ schemas/mets1_12.xsd '
           'http://www.w3.org/1999/xlink schemas/xlink.xsd"')
AGENT = ('    <agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><name>MRC ScanSuite</name>'
         '<note csip:NOTETYPE="SOFTWARE VERSION">4.2</note></agent>\n'
         '    <agent ROLE="ARCHIVIST" TYPE="ORGANIZATION"><name>Phòng Tài nguyên và Môi trường huyện Tuy An</name>'
         '</agent>\n')


def sums(data):
    return 'SIZE="%d" CHECKSUM="%s" CHECKSUMTYPE="SHA-256"' % (len(data), hashlib.sha256(data).hexdigest().upper())


def build_sip(f, docs, pdfs, path):
    """pdfs: {doc id: bytes}. Writes SIP_hoso_<Mã hồ sơ>.zip with METS.xml at its root."""
    files = {}   # path inside the package → bytes (in the zip's order)
    for d in docs:
        files["representations/rep1/data/%s.pdf" % d["id"]] = pdfs[d["id"]]
    rep_files = "".join(
        '      <file ID="file-%d" MIMETYPE="application/pdf" %s CREATED="%s">\n'
        '        <FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="data/%s.pdf"/>\n      </file>\n'
        % (d["stt"], sums(pdfs[d["id"]]), PACKAGE_TIME, x(d["id"])) for d in docs)
    rep_divs = "".join('        <div ID="div-doc-%d" LABEL="%s"><fptr FILEID="file-%d"/></div>\n'
                       % (d["stt"], x(d["id"]), d["stt"]) for d in docs)
    rep_mets = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<mets %s OBJID="%s-rep1" TYPE="OTHER" csip:OTHERTYPE="SIP_hoso" csip:CONTENTINFORMATIONTYPE="OTHER" '
                'PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">\n'
                '  <metsHdr CREATEDATE="%s" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">\n%s  </metsHdr>\n'
                '  <fileSec ID="fileSec-rep1">\n    <fileGrp ID="grp-rep1-data" USE="Data">\n%s    </fileGrp>\n'
                '  </fileSec>\n'
                '  <structMap ID="structMap-rep1" TYPE="PHYSICAL" LABEL="CSIP">\n'
                '    <div ID="div-rep1" LABEL="%s-rep1">\n      <div ID="div-rep1-data" LABEL="Data">\n%s'
                '      </div>\n    </div>\n  </structMap>\n</mets>\n'
                % (METS_NS, x(f["id"]), PACKAGE_TIME, AGENT, rep_files, x(f["id"]), rep_divs)).encode("utf-8")
    files["representations/rep1/METS.xml"] = rep_mets
    meta = [("dmd-hoso", "metadata/descriptive/EAD.xml",
             ead_document(ead_file(f), f["id"], f["title"]).encode("utf-8"))]
    for d in docs:
        meta.append(("dmd-doc-%d" % d["stt"], "metadata/descriptive/EAD_doc_%s.xml" % d["id"],
                     ead_document(ead_item(d), d["id"], d["trich_yeu"]).encode("utf-8")))
    for _, rel, data in meta:
        files[rel] = data
    schema = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- placeholder: the EAD3 schema '
              b'(https://www.loc.gov/ead/ead3.xsd) is not copied into this sample -->\n'
              b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
              b'targetNamespace="http://ead3.archivists.org/schema/"/>\n')
    files["schemas/ead3.xsd"] = schema
    dmd = "".join('  <dmdSec ID="%s" CREATED="%s" STATUS="CURRENT">\n    <mdRef LOCTYPE="URL" MDTYPE="EAD" '
                  'MIMETYPE="text/xml" xlink:type="simple" xlink:href="%s" %s/>\n  </dmdSec>\n'
                  % (i, PACKAGE_TIME, rel, sums(data)) for i, rel, data in meta)
    root = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<mets %s OBJID="%s" LABEL="%s" TYPE="OTHER" csip:OTHERTYPE="SIP_hoso" '
            'csip:CONTENTINFORMATIONTYPE="OTHER" PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml">\n'
            '  <metsHdr CREATEDATE="%s" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">\n%s  </metsHdr>\n%s'
            '  <fileSec ID="fileSec">\n'
            '    <fileGrp ID="grp-schemas" USE="Schemas">\n'
            '      <file ID="schema-ead3" MIMETYPE="application/xml" %s CREATED="%s">'
            '<FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="schemas/ead3.xsd"/></file>\n'
            '    </fileGrp>\n'
            '    <fileGrp ID="grp-rep1" USE="Representations/rep1">\n'
            '      <file ID="rep1-mets" MIMETYPE="text/xml" %s CREATED="%s">'
            '<FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="representations/rep1/METS.xml"/></file>\n'
            '    </fileGrp>\n'
            '  </fileSec>\n'
            '  <structMap ID="structMap" TYPE="PHYSICAL" LABEL="CSIP">\n'
            '    <div ID="div-root" LABEL="%s">\n'
            '      <div ID="div-metadata" LABEL="Metadata" DMDID="%s"/>\n'
            '      <div ID="div-schemas" LABEL="Schemas"><fptr FILEID="schema-ead3"/></div>\n'
            '      <div ID="div-rep1" LABEL="Representations/rep1"><mptr LOCTYPE="URL" xlink:type="simple" '
            'xlink:href="representations/rep1/METS.xml" xlink:title="rep1-mets"/></div>\n'
            '    </div>\n  </structMap>\n</mets>\n'
            % (METS_NS, x(f["id"]), x(f["title"]), PACKAGE_TIME, AGENT, dmd, sums(schema), PACKAGE_TIME,
               sums(rep_mets), PACKAGE_TIME, x(f["id"]), " ".join(i for i, _, _ in meta))).encode("utf-8")
    order = ["METS.xml"] + [rel for _, rel, _ in meta] + ["representations/rep1/METS.xml"] + \
            ["representations/rep1/data/%s.pdf" % d["id"] for d in docs] + ["schemas/ead3.xsd"]
    files["METS.xml"] = root
    with zipfile.ZipFile(path, "w") as z:
        for rel in order:
            zip_write(z, rel, files[rel], compress=not rel.endswith(".pdf"))
