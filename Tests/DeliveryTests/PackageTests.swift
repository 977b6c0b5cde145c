import Catalogue
@testable import Delivery
import Foundation
import XCTest
import ZIPFoundation

final class PackageTests: XCTestCase {
    private var work: URL!
    private var batch: URL { work.appendingPathComponent("batch") }
    private var staging: URL { work.appendingPathComponent("staging") }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-package-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    private func read(_ package: URL, existingFile: (String) -> ArchiveFile? = { _ in nil }) -> BatchMetadata {
        PackageReader.read(package: package, batch: batch, staging: staging, existingFile: existingFile)
    }

    private let fileID = "H49.64.33.2001.160"
    private let title = "Hồ sơ về việc thu hồi đất, bồi thường, hỗ trợ tái định cư dự án đường Hồ Chí Minh qua xã Ea H'leo"

    // MARK: - A good package

    /// The hồ sơ of `PackageFixture.standard`, as every layout must give it.
    private var expectedFile: ArchiveFile {
        ArchiveFile(id: fileID, title: title, fonds: "Phông Ủy ban nhân dân tỉnh Đắk Lắk", retention: "01", access: .open,
                    startDate: ArchiveDateValue(year: 2012, month: 2, day: 15), endDate: ArchiveDateValue(year: 2012, month: 12, day: 31),
                    fields: [Column.fileID: fileID, Column.fileTitle: title, Column.retention: "01", Column.access: "01",
                             Column.language: "01", Column.startDate: "15/02/2012", Column.endDate: "31/12/2012",
                             Column.sheetCount: "25", Column.keywords: "thu hồi đất; bồi thường",
                             Column.fonds: "Phông Ủy ban nhân dân tỉnh Đắk Lắk", Column.reliability: "02",
                             Column.note: "Bản gốc lưu tại Chi cục Văn thư - Lưu trữ"],
                    extra: ["Hộp số": "05", "Mục lục": "01"])
    }

    /// The three documents of `PackageFixture.standard`, path and Tệp left empty.
    private var expectedDocuments: [Document] {
        func doc(_ n: Int, _ type: String, _ number: String, _ symbol: String, _ date: ArchiveDateValue?, _ issuer: String,
                 _ summary: String, _ signer: String, _ access: AccessLevel, accessCode: String?, extra: [String: String] = [:]) -> Document {
            var fields = [Column.fileID: fileID, Column.ordinal: String(n), Column.type: type, Column.number: number,
                          Column.symbol: symbol, Column.date: date!.display, Column.issuer: issuer, Column.summary: summary,
                          Column.signer: signer, Column.language: "01", Column.pageCount: "3"]
            fields[Column.access] = accessCode
            return Document(fileID: fileID, ordinal: n, path: "", type: type, number: number, symbol: symbol, date: date,
                            issuer: issuer, summary: summary, signer: signer, access: access, fields: fields, extra: extra)
        }
        return [
            doc(1, "Quyết định", "1605", "QĐ-UBND", ArchiveDateValue(year: 2012, month: 2, day: 15), "Ủy ban nhân dân tỉnh Đắk Lắk",
                "Về việc thu hồi đất để thực hiện dự án đường Hồ Chí Minh", "Y Bih Niê", .open, accessCode: "01", extra: ["Tờ số": "1-3"]),
            doc(2, "Tờ trình", "325", "TTr-TNMT", ArchiveDateValue(year: 2012, month: 3, day: 1), "Sở Tài nguyên và Môi trường",
                "Đề nghị phê duyệt phương án bồi thường, hỗ trợ", "Nguyễn Văn Hùng", .conditional, accessCode: "02"),
            doc(3, "Biên bản", "12", "BB-HĐBT", ArchiveDateValue(year: 2012, month: 12, day: 31), "Hội đồng bồi thường huyện Ea H'leo",
                "Kiểm kê đất đai, tài sản của hộ bà H'Hen Niê", "Trần Thị Mai", .open, accessCode: nil),
        ]
    }

    private func withoutPaths(_ docs: [Document]) -> [Document] {
        docs.map { var d = $0; d.path = ""; d.fields[Column.path] = nil; return d }
    }

    func testSIPHosoAsZipAndFolderGivesTheFileAndDocuments() throws {
        let fixture = PackageFixture.standard(.sipHoso)
        let cases: [(name: String, make: () throws -> URL, place: String, under: () -> String)] = [
            ("folder", { try fixture.writeFolder(in: self.batch) }, "SIP_hoso_\(fileID)",
             { BatchReader.realPath(self.batch.appendingPathComponent("SIP_hoso_\(self.fileID)").path)! }),
            ("zip", { try fixture.writeZip(in: self.batch) }, "SIP_hoso_\(fileID).zip",
             { BatchReader.realPath(self.staging.path)! }),
            ("zip with one top folder", { try fixture.writeZip(in: self.batch, topFolder: true) }, "SIP_hoso_\(fileID).zip",
             { BatchReader.realPath(self.staging.path)! }),
        ]
        for c in cases {
            try? FileManager.default.removeItem(at: batch)
            try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
            let package = try c.make()
            XCTAssertTrue(PackageReader.isPackage(package), c.name)
            let result = read(package)
            XCTAssertEqual(result.problems, [], c.name)
            XCTAssertEqual(result.files, [expectedFile], c.name)
            XCTAssertEqual(withoutPaths(result.documents), expectedDocuments, c.name)
            XCTAssertEqual(result.documents.map(\.id), ["\(fileID).1", "\(fileID).2", "\(fileID).3"], c.name)
            for (d, source) in zip(result.documents, fixture.documents) {
                XCTAssertTrue(d.path.hasPrefix(c.under() + "/"), "\(c.name): \(d.path)")
                XCTAssertTrue(d.path.hasSuffix("/representations/rep1/data/\(d.id).pdf"), "\(c.name): \(d.path)")
                XCTAssertEqual(FileManager.default.contents(atPath: d.path), source.content, c.name)
                XCTAssertEqual(d.fields[Column.path], "\(c.place)/representations/rep1/data/\(d.id).pdf", c.name)
            }
            XCTAssertEqual(result.documents.first?.title, "Quyết định số 1605/QĐ-UBND: Về việc thu hồi đất để thực hiện dự án đường Hồ Chí Minh")
        }
    }

    func testPackageGivesTheSameRecordsAsTheCSVPair() throws {
        let fixture = PackageFixture.standard(.sipHoso)
        let csvBatch = work.appendingPathComponent("csv")
        try fixture.writeCSV(batch: csvBatch)
        let csv = try BatchReader.read(batch: csvBatch)
        XCTAssertEqual(csv.problems, [])
        XCTAssertEqual(csv.documents.map(\.path), fixture.documents.map { "pdf/" + fixture.documentName($0) })

        let package = read(try fixture.writeZip(in: batch))
        XCTAssertEqual(package.problems, [])
        XCTAssertEqual(package.files, csv.files)
        XCTAssertEqual(withoutPaths(package.documents), withoutPaths(csv.documents))
        XCTAssertEqual(withoutPaths(csv.documents), expectedDocuments)
    }

    func testAIPTakesChecksumsFromPREMIS() throws {
        var fixture = PackageFixture.standard(.aipHoso)
        fixture.metsChecksums = false
        let folder = try fixture.writeFolder(in: batch)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("metadata/preservation/PREMIS.xml").path))
        var result = read(folder)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.files, [expectedFile])
        XCTAssertEqual(withoutPaths(result.documents), expectedDocuments)

        // PREMIS's fixity is checked: a changed scan is refused, the others go in.
        try PackageFixture.pdf("bản khác").write(to: folder.appendingPathComponent("representations/rep1/data/\(fileID).2.pdf"))
        result = read(folder)
        XCTAssertEqual(result.documents.map(\.id), ["\(fileID).1", "\(fileID).3"])
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertEqual(result.problems.first?.column, Column.path)
        XCTAssertTrue(result.problems.first?.reason.contains("PREMIS ghi \(Catalogue.SHA256.hex(fixture.documents[1].content))") == true,
                      "\(result.problems)")
    }

    func testDocumentsDescribedAsComponentsOrOnlyByTheirFileNames() throws {
        let cases: [(name: String, style: PackageFixture.DocumentStyle, dao: Bool)] = [
            ("components with dao", .components, true),
            ("components linked by name", .components, false),
            ("EAD_doc files linked by name", .eadDocFiles, false),
        ]
        for c in cases {
            var fixture = PackageFixture.standard(.sipHoso)
            fixture.style = c.style
            fixture.linkByDao = c.dao
            let dir = work.appendingPathComponent(c.name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let result = read(try fixture.writeFolder(in: dir))
            XCTAssertEqual(result.problems, [], c.name)
            XCTAssertEqual(result.files, [expectedFile], c.name)
            XCTAssertEqual(withoutPaths(result.documents), expectedDocuments, c.name)
        }

        // No document description at all: id and ordinal from the file names, the hồ sơ's access.
        var fixture = PackageFixture.standard(.sipHoso)
        fixture.style = .none
        let result = read(try fixture.writeFolder(in: batch))
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(withoutPaths(result.documents), (1...3).map {
            Document(fileID: fileID, ordinal: $0, path: "", access: .open, fields: [Column.fileID: fileID, Column.ordinal: String($0)])
        })
    }

    func testOtherDescriptiveMetadataIsPassedOverAndABrokenEADReported() throws {
        let folder = try PackageFixture.standard(.sipHoso).writeFolder(in: batch)
        let dc = "<?xml version=\"1.0\"?><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Hồ sơ</dc:title></metadata>"
        try Data(dc.utf8).write(to: folder.appendingPathComponent("metadata/descriptive/DC.xml"))
        var result = read(folder)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.documents.count, 3)

        // An EAD file found beside the listed ones is read too, and reported when broken.
        try Data("<ead><archdesc level=\"item\"><did><unitid>".utf8)
            .write(to: folder.appendingPathComponent("metadata/descriptive/EAD_doc_9.xml"))
        result = read(folder)
        XCTAssertEqual(result.documents.count, 3)
        XCTAssertEqual(result.problems.map(\.file), ["\(folder.lastPathComponent)/metadata/descriptive/EAD_doc_9.xml"])
        XCTAssertTrue(result.problems.first?.reason.contains("không phải XML hợp lệ") == true, "\(result.problems)")

        // Entities that expand without bound ("billion laughs") are refused before parsing, with their line.
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE ead [\n<!ENTITY a \"hahahahaha\">\n"
            + (1...9).map { "<!ENTITY \(Character(UnicodeScalar(UInt8(97 + $0)))) \"" + String(repeating: "&\(Character(UnicodeScalar(UInt8(96 + $0))));", count: 10) + "\">" }.joined(separator: "\n")
            + "\n]>\n<ead><archdesc level=\"item\"><did><unitid>&j;</unitid></did></archdesc></ead>"
        try Data(laughs.utf8).write(to: folder.appendingPathComponent("metadata/descriptive/EAD_doc_9.xml"))
        result = read(folder)
        XCTAssertEqual(result.documents.count, 3)
        XCTAssertEqual(result.problems.map(\.file), ["\(folder.lastPathComponent)/metadata/descriptive/EAD_doc_9.xml"])
        XCTAssertTrue(result.problems.first?.reason.contains("dòng 3") == true, "\(result.problems)")
        XCTAssertTrue(result.problems.first?.reason.contains("<!ENTITY") == true, "\(result.problems)")
    }

    func testSIPTailieuJoinsAHosoCataloguedBefore() throws {
        var fixture = PackageFixture.standard(.sipTailieu)
        fixture.documents[2].access = nil
        let zip = try fixture.writeZip(in: batch)
        let known = ArchiveFile(id: fileID, title: title, access: .secret)
        let result = read(zip) { $0 == self.fileID ? known : nil }
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.files, [])
        XCTAssertEqual(result.documents.map(\.id), ["\(fileID).1", "\(fileID).2", "\(fileID).3"])
        XCTAssertEqual(result.documents.map(\.access), [.open, .conditional, .secret])

        // Unknown hồ sơ: every document reported, none in.
        let alone = read(zip)
        XCTAssertEqual(alone.documents, [])
        XCTAssertEqual(alone.problems.count, 3)
        XCTAssertTrue(alone.problems.allSatisfy { $0.reason.contains("hồ sơ “\(fileID)” không có trong") }, "\(alone.problems)")
    }

    // MARK: - Checksums

    func testChecksumAlgorithmsAndSpellings() throws {
        let abc = Data("abc".utf8)
        let cases: [(type: String, digest: String, accepted: Bool)] = [
            ("SHA-256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true),
            ("sha256", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", true),
            ("SHA-384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", true),
            ("SHA512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", true),
            ("sha-1", "a9993e364706816aba3e25717850c26c9cd0d89d", true),
            ("MD5", "900150983cd24fb0d6963f7d28e17f72", true),
            ("MD5", "900150983cd24fb0d6963f7d28e17f73", false),
            ("CRC32", "352441c2", false),
        ]
        for (i, c) in cases.enumerated() {
            var fixture = PackageFixture.standard(.sipHoso)
            fixture.documents[0].content = abc
            fixture.documents[0].checksumType = c.type
            fixture.documents[0].checksum = c.digest
            let dir = work.appendingPathComponent("case\(i)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let result = read(try fixture.writeFolder(in: dir))
            XCTAssertEqual(result.documents.map(\.ordinal), c.accepted ? [1, 2, 3] : [2, 3], "\(c.type) \(c.digest)")
            XCTAssertEqual(result.problems.count, c.accepted ? 0 : 1, "\(c.type): \(result.problems)")
        }
    }

    func testChecksumsStreamLargeFiles() throws {
        let big = Data((0..<(2_500_000)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let url = work.appendingPathComponent("big.bin")
        try big.write(to: url)
        XCTAssertEqual(try PackageChecksum.hex(of: url, .sha256), Catalogue.SHA256.hex(big))
        for algorithm in PackageChecksum.Algorithm.allCases {
            XCTAssertEqual(try PackageChecksum.hex(of: url, algorithm), PackageChecksum.hex(of: big, algorithm), algorithm.rawValue)
        }
        let names: [(String, PackageChecksum.Algorithm?)] = [
            ("SHA-256", .sha256), ("SHA256", .sha256), ("sha-256", .sha256), ("SHA_512", .sha512), ("SHA-384", .sha384),
            ("SHA-1", .sha1), ("MD5", .md5), ("md5", .md5), ("Adler-32", nil), ("WHIRLPOOL", nil),
        ]
        for (name, algorithm) in names { XCTAssertEqual(PackageChecksum.Algorithm(name: name), algorithm, name) }
    }

    // MARK: - Refused packages

    func testBadPackagesAreReportedAndTheOthersGoIn() throws {
        struct Case {
            var name: String
            var make: (URL) throws -> URL
            var reason: String
            var documents: [Int]
            var column: String? = nil
        }
        let standard = PackageFixture.standard(.sipHoso)
        func folder(_ dir: URL, _ f: PackageFixture = standard) throws -> URL { try f.writeFolder(in: dir) }
        func zipped(_ folder: URL) throws -> URL {
            let zip = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".zip")
            try PackageFixture.zip(folder: folder, to: zip)
            try FileManager.default.removeItem(at: folder)
            return zip
        }
        let cases: [Case] = [
            Case(name: "corrupt zip", make: { dir in
                let url = dir.appendingPathComponent("SIP_hoso_hong.zip")
                try Data("PK\u{3}\u{4} không phải zip".utf8).write(to: url)
                return url
            }, reason: "tệp zip bị hỏng", documents: []),
            Case(name: "truncated zip", make: { dir in
                let zip = try standard.writeZip(in: dir)
                let data = try Data(contentsOf: zip)
                try data.prefix(data.count / 2).write(to: zip)
                return zip
            }, reason: "tệp zip bị hỏng", documents: []),
            Case(name: "zip without METS.xml", make: { dir in
                let root = try folder(dir)
                try FileManager.default.removeItem(at: root.appendingPathComponent("METS.xml"))
                return try zipped(root)
            }, reason: "không có METS.xml", documents: []),
            Case(name: "METS that is not XML", make: { dir in
                let root = try folder(dir)
                try Data("<mets><fileSec>Không phải XML".utf8).write(to: root.appendingPathComponent("METS.xml"))
                return try zipped(root)
            }, reason: "không phải XML hợp lệ", documents: []),
            Case(name: "METS names a missing file", make: { dir in
                let root = try folder(dir)
                try FileManager.default.removeItem(at: root.appendingPathComponent("representations/rep1/data/\(self.fileID).2.pdf"))
                return try zipped(root)
            }, reason: "representations/rep1/METS.xml nêu tệp “data/\(fileID).2.pdf” nhưng gói không có tệp này", documents: [1, 3],
                 column: Column.path),
            Case(name: "checksum mismatch", make: { dir in
                let root = try folder(dir)
                try PackageFixture.pdf("đã bị sửa").write(to: root.appendingPathComponent("representations/rep1/data/\(self.fileID).2.pdf"))
                return try zipped(root)
            }, reason: "mã kiểm tra SHA-256 của tệp “representations/rep1/data/\(fileID).2.pdf” không khớp: representations/rep1/METS.xml ghi \(Catalogue.SHA256.hex(standard.documents[1].content)), tệp có \(Catalogue.SHA256.hex(PackageFixture.pdf("đã bị sửa")))",
                 documents: [1, 3], column: Column.path),
            Case(name: "href leaving the package", make: { dir in
                var f = standard
                f.documents[1].href = "../../../../\(self.fileID).2.pdf"
                return try zipped(try folder(dir, f))
            }, reason: "nằm ngoài gói", documents: [1, 3], column: Column.path),
            Case(name: "EAD without unitid", make: { dir in
                var f = standard
                f.writeUnitID = false
                return try zipped(try folder(dir, f))
            }, reason: "EAD không có unitid (Mã hồ sơ)", documents: [], column: Column.fileID),
            Case(name: "EAD without unittitle", make: { dir in
                var f = standard
                f.title = nil
                return try zipped(try folder(dir, f))
            }, reason: "EAD không có unittitle (Tiêu đề hồ sơ)", documents: [], column: Column.fileTitle),
        ]
        // Every bad package lies in one batch beside a good one, which goes in whole.
        var good = PackageFixture.standard(.sipHoso)
        good.fileID = "H49.64.33.2001.161"
        for c in cases {
            let dir = work.appendingPathComponent(c.name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let package = try c.make(dir)
            let result = PackageReader.read(package: package, batch: dir, staging: staging, existingFile: { _ in nil })
            XCTAssertEqual(result.documents.map(\.ordinal), c.documents, c.name)
            XCTAssertEqual(result.files.count, c.documents.isEmpty ? 0 : 1, c.name)
            XCTAssertEqual(result.problems.count, 1, "\(c.name): \(result.problems)")
            let problem = result.problems.first
            XCTAssertTrue(problem?.reason.contains(c.reason) == true, "\(c.name): \(result.problems)")
            XCTAssertTrue(problem?.file.hasPrefix(package.lastPathComponent) == true, "\(c.name): \(result.problems)")
            XCTAssertEqual(problem?.column, c.column, c.name)

            let other = PackageReader.read(package: try good.writeZip(in: dir), batch: dir, staging: staging, existingFile: { _ in nil })
            XCTAssertEqual(other.problems, [], c.name)
            XCTAssertEqual(other.documents.count, 3, c.name)
        }
    }

    func testUnsafeZipEntriesAreRefused() throws {
        let mets = Data("<?xml version=\"1.0\"?><mets xmlns=\"http://www.loc.gov/METS/\" OBJID=\"X\"/>".utf8)
        let cases: [(name: String, entries: [(path: String, data: Data, symlink: Bool)], reason: String)] = [
            ("zip slip", [("METS.xml", mets, false), ("../../ngoai.txt", Data("xấu".utf8), false)], "trỏ ra ngoài thư mục giải nén"),
            ("absolute path", [("METS.xml", mets, false), ("/tmp/hoso-ngoai.txt", Data("xấu".utf8), false)], "trỏ ra ngoài thư mục giải nén"),
            ("symbolic link", [("METS.xml", mets, false), ("representations/rep1/data/X.1.pdf", Data("/etc/passwd".utf8), true)],
             "chứa liên kết"),
        ]
        for c in cases {
            let zip = batch.appendingPathComponent("SIP_hoso_\(c.name).zip")
            try PackageFixture.zip(entries: c.entries, to: zip)
            let result = read(zip)
            XCTAssertEqual(result.documents, [], c.name)
            XCTAssertEqual(result.problems.count, 1, c.name)
            XCTAssertTrue(result.problems.first?.reason.contains(c.reason) == true, "\(c.name): \(result.problems)")
            XCTAssertEqual(result.problems.first?.file, zip.lastPathComponent, c.name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("ngoai.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.deletingLastPathComponent().appendingPathComponent("ngoai.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/hoso-ngoai.txt"))
        // Nothing was unpacked at all.
        let staged = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
        XCTAssertEqual(staged, [])
    }

    func testZipBombLimits() throws {
        let mets = Data("<mets/>".utf8)
        let zeros = Data(count: 3 << 20)
        let zip = batch.appendingPathComponent("SIP_hoso_bom.zip")
        try PackageFixture.zip(entries: [("METS.xml", mets, false), ("representations/rep1/data/X.1.pdf", zeros, false)], to: zip)
        let cases: [(PackageUnpacker.Limits, String?)] = [
            (PackageUnpacker.Limits(totalBytes: 1 << 20, ratio: 100_000), "quá giới hạn"),
            (PackageUnpacker.Limits(ratio: 20), "nghi là bom zip"),
            (PackageUnpacker.Limits(ratio: 100_000), nil),
        ]
        for (limits, reason) in cases {
            switch PackageUnpacker.unpack(zip: zip, staging: staging, limits: limits) {
            case .success: XCTAssertNil(reason)
            case .failure(let e): XCTAssertTrue(reason.map { e.message.contains($0) } ?? false, e.message)
            }
        }
    }

    func testUnpackingIsReusedAndRedoneAfterACrash() throws {
        let zip = try PackageFixture.standard(.sipHoso).writeZip(in: batch)
        let first = read(zip)
        XCTAssertEqual(first.documents.count, 3)
        let folders = try FileManager.default.contentsOfDirectory(atPath: staging.path)
        XCTAssertEqual(folders, [try PackageChecksum.hex(of: zip, .sha256)])
        let folder = staging.appendingPathComponent(folders[0])
        let marker = folder.appendingPathComponent(PackageUnpacker.marker)
        let scan = URL(fileURLWithPath: first.documents[0].path)
        XCTAssertEqual(scan.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path, BatchReader.realPath(folder.path))

        // Reused: nothing is written again (the dates set in the past stay).
        let past = Date(timeIntervalSince1970: 946_684_800)
        for url in [marker, scan] { try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path) }
        let second = read(zip)
        XCTAssertEqual(second.documents, first.documents)
        for url in [marker, scan] {
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date, past, url.lastPathComponent)
        }

        // A half-unpacked folder (no marker, a file missing, a stray part) is unpacked again.
        try FileManager.default.removeItem(at: marker)
        try FileManager.default.removeItem(at: scan)
        try Data("dở dang".utf8).write(to: folder.appendingPathComponent("dang-giai-nen.tmp"))
        let third = read(zip)
        XCTAssertEqual(third.problems, [])
        XCTAssertEqual(third.documents, first.documents)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: scan.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("dang-giai-nen.tmp").path))

        // Marker present but a staged file gone: not used as it is.
        try FileManager.default.removeItem(at: scan)
        XCTAssertEqual(read(zip).documents, first.documents)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scan.path))
    }

    func testIsPackage() throws {
        let fixture = PackageFixture.standard(.sipHoso)
        let folder = try fixture.writeFolder(in: batch)
        let zip = try fixture.writeZip(in: batch)
        let top = work.appendingPathComponent("top")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        let topZip = try fixture.writeZip(in: top, topFolder: true)
        let plainZip = work.appendingPathComponent("anh.zip")
        try PackageFixture.zip(entries: [("anh/trang1.png", Data("png".utf8), false)], to: plainZip)
        let notZip = work.appendingPathComponent("hong.zip")
        try Data("không phải zip".utf8).write(to: notZip)
        let cases: [(URL, Bool)] = [
            (folder, true), (zip, true), (topZip, true), (plainZip, false), (notZip, false),
            (folder.appendingPathComponent("representations"), false), (folder.appendingPathComponent("METS.xml"), false),
            (work.appendingPathComponent("khong-co"), false),
        ]
        for (url, expected) in cases { XCTAssertEqual(PackageReader.isPackage(url), expected, url.path) }
    }

    // MARK: - EAD profiles and values

    func testEADProfilesGiveTheSameRows() throws {
        let ead3 = """
            <ead xmlns="http://ead3.archivists.org/schema/"><control/><archdesc level="file"><did>
              <unitid>X.1</unitid><unittitle>Hồ sơ đất đai</unittitle>
              <unitdatestructured><daterange><fromdate standarddate="2012-02-15"/><todate standarddate="2012-12-31"/></daterange></unitdatestructured>
              <langmaterial><language langcode="vie">Tiếng Việt</language></langmaterial>
              <physdescstructured coverage="whole" physdescstructuredtype="spaceoccupied"><quantity>25</quantity><unittype>tờ</unittype></physdescstructured>
            </did>
            <accessrestrict><p>Sử dụng có điều kiện</p></accessrestrict>
            <odd localtype="Thời hạn bảo quản"><p>70 năm</p></odd>
            <controlaccess><subject><part>đất đai</part></subject></controlaccess>
            <dsc><c level="item"><did>
              <unitid>X.1.2</unitid><unitid localtype="Số và ký hiệu">12/QĐ-UBND</unitid>
              <unittitle>Về việc giao đất</unittitle><unitdate>2012-02-15</unitdate>
              <origination><corpname><part>UBND huyện Cư M'gar</part></corpname></origination>
            </did><odd localtype="Người ký"><p>H'Hen Niê</p></odd><controlaccess><genreform><part>Quyết định</part></genreform></controlaccess>
            </c></dsc></archdesc></ead>
            """
        let ead3Prefixed = """
            <e:ead xmlns:e="http://ead3.archivists.org/schema/"><e:archdesc level="file"><e:did>
              <e:unitid>X.1</e:unitid><e:unittitle>Hồ sơ đất đai</e:unittitle>
              <e:unitdate normal="2012-02-15/2012-12-31">15/02/2012 - 31/12/2012</e:unitdate>
              <e:langmaterial><e:language langcode="vie"/></e:langmaterial>
              <e:physdesc>25 tờ</e:physdesc>
            </e:did>
            <e:accessrestrict><e:head>Chế độ sử dụng</e:head><e:p>02</e:p></e:accessrestrict>
            <e:odd><e:head>Thời hạn bảo quản</e:head><e:p>02</e:p></e:odd>
            <e:controlaccess><e:subject><e:part>đất đai</e:part></e:subject></e:controlaccess>
            <e:dsc><e:c level="item"><e:did>
              <e:unitid>X.1.2</e:unitid><e:unittitle>Về việc giao đất</e:unittitle>
              <e:unitdatestructured><e:datesingle standarddate="2012-02-15">15/02/2012</e:datesingle></e:unitdatestructured>
              <e:origination><e:corpname><e:part>UBND huyện Cư M'gar</e:part></e:corpname><e:persname localtype="Người ký"><e:part>H'Hen Niê</e:part></e:persname></e:origination>
            </e:did><e:odd localtype="Số, ký hiệu"><e:p>12/QĐ-UBND</e:p></e:odd><e:odd localtype="Tên loại văn bản"><e:p>Quyết định</e:p></e:odd>
            </e:c></e:dsc></e:archdesc></e:ead>
            """
        let ead2002 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ead xmlns:xlink="http://www.w3.org/1999/xlink"><eadheader><eadid>X.1</eadid></eadheader><archdesc level="file"><did>
              <unitid>X.1</unitid><unittitle>Hồ sơ đất đai</unittitle>
              <unitdate type="inclusive" normal="2012-02-15/2012-12-31">15/02/2012 - 31/12/2012</unitdate>
              <langmaterial><language langcode="vie">Tiếng Việt</language></langmaterial>
              <physdesc><extent unit="tờ">25</extent></physdesc>
            </did>
            <accessrestrict><p>Sử dụng có điều kiện</p></accessrestrict>
            <odd type="Thời hạn bảo quản"><p>70 năm</p></odd>
            <controlaccess><subject>đất đai</subject></controlaccess>
            <dsc><c01 level="item"><did>
              <unitid label="Số và ký hiệu">12/QĐ-UBND</unitid><unitid>X.1.2</unitid>
              <unittitle>Về việc giao đất</unittitle><unitdate normal="20120215">ngày 15 tháng 02 năm 2012</unitdate>
              <origination>UBND huyện Cư M'gar</origination>
              <dao xlink:href="X.1.2.pdf"/>
            </did><note><head>Người ký</head><p>H'Hen Niê</p></note><controlaccess><genreform>Quyết định</genreform></controlaccess>
            </c01></dsc></archdesc></ead>
            """
        let fileFields = [Column.fileID: "X.1", Column.fileTitle: "Hồ sơ đất đai", Column.startDate: "15/02/2012",
                          Column.endDate: "31/12/2012", Column.language: "01", Column.sheetCount: "25", Column.access: "02",
                          Column.retention: "02", Column.keywords: "đất đai"]
        let documentFields = [Column.summary: "Về việc giao đất", Column.date: "15/02/2012", Column.number: "12",
                              Column.symbol: "QĐ-UBND", Column.issuer: "UBND huyện Cư M'gar", Column.signer: "H'Hen Niê",
                              Column.type: "Quyết định"]
        for (name, xml) in [("EAD3", ead3), ("EAD3 with a prefix", ead3Prefixed), ("EAD 2002", ead2002)] {
            let records = try EADReader.parse(Data(xml.utf8), defaultLevel: .file)
            XCTAssertEqual(records.map(\.level), [.file, .item], name)
            XCTAssertEqual(records.map(\.unitID), ["X.1", "X.1.2"], name)
            XCTAssertEqual(records.last?.parentFileID, "X.1", name)
            XCTAssertEqual(PackageRows.row(records[0], known: Column.fileColumns, source: name).fields, fileFields, name)
            let doc = PackageRows.row(records[1], known: Column.documentColumns, source: name)
            XCTAssertEqual(doc.fields, documentFields, name)
            XCTAssertEqual(doc.extra, [:], name)
        }
        XCTAssertThrowsError(try EADReader.parse(Data("<ead><archdesc>".utf8), defaultLevel: .file))
        XCTAssertThrowsError(try EADReader.parse(Data("<mets/>".utf8), defaultLevel: .file))
    }

    func testValues() {
        let dates: [(String, String)] = [
            ("2012-02-15", "15/02/2012"), ("15/02/2012", "15/02/2012"), ("2012", "2012"), ("2012-02", "02/2012"),
            ("20120215", "15/02/2012"), ("2012-02-15T08:00:00+07:00", "15/02/2012"), ("ngày 15 tháng 02 năm 2012", "15/02/2012"),
            ("tháng 2 năm 2012", "02/2012"), ("không rõ", "không rõ"),
        ]
        for (raw, expected) in dates { XCTAssertEqual(PackageValues.date(raw), expected, raw) }
        let ranges: [(String, String, String?)] = [
            ("2012-02-15/2012-12-31", "2012-02-15", "2012-12-31"), ("15/02/2012 - 31/12/2012", "15/02/2012", "31/12/2012"),
            ("2012–2015", "2012", "2015"), ("từ 2012 đến 2015", "2012", "2015"), ("2012-2015", "2012", "2015"),
            ("15/02/2012", "15/02/2012", nil), ("2012-02-15", "2012-02-15", nil), ("2012/2015", "2012", "2015"),
        ]
        for (raw, start, end) in ranges {
            let (s, e) = PackageValues.splitRange(raw)
            XCTAssertEqual(s, start, raw)
            XCTAssertEqual(e, end, raw)
        }
        let codes: [(String, String, String)] = [
            ("Vĩnh viễn", Column.retention, "01"), ("01", Column.retention, "01"), ("70 NĂM", Column.retention, "02"),
            ("Công khai", Column.access, "01"), ("Mật", Column.access, "03"), ("Tiếng Việt, Hán Nôm", Column.language, "01, 09"),
            ("Tiếng Pháp", Column.language, "Tiếng Pháp"), ("Quyết định", Column.type, "Quyết định"),
        ]
        for (raw, column, expected) in codes { XCTAssertEqual(FieldCode.codes(raw, forColumn: column), expected, raw) }
        let numbers: [(String, String?, String?)] = [
            ("12/QĐ-UBND", "12", "QĐ-UBND"), ("Số: 1605/QĐ-UBND", "1605", "QĐ-UBND"), ("43/2014/NĐ-CP", "43", "2014/NĐ-CP"),
            ("12/BC - CC", "12", "BC-CC"), ("12", "12", nil),
        ]
        for (raw, number, symbol) in numbers {
            let (n, s) = PackageValues.numberSymbol(raw)
            XCTAssertEqual(n, number, raw)
            XCTAssertEqual(s, symbol, raw)
        }
    }
}
