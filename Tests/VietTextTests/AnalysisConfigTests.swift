import XCTest
@testable import VietText

final class AnalysisConfigTests: XCTestCase {
    static var configDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("index-config")
    }

    func testBuiltinEqualsTheFile() throws {
        let fromFile = try AnalysisConfig.load(directory: Self.configDirectory)
        XCTAssertEqual(fromFile, AnalysisConfig.builtin,
                       "index-config/synonyms.txt and BuiltinSynonyms.swift differ: run index-config/generate-builtin.sh")
        let text = try String(contentsOf: Self.configDirectory.appendingPathComponent("synonyms.txt"), encoding: .utf8)
        XCTAssertEqual(text, builtinSynonymsText + "\n")
        XCTAssertGreaterThan(AnalysisConfig.builtin.synonyms.count, 60)
        let spoken = try String(contentsOf: Self.configDirectory.appendingPathComponent("spoken.txt"), encoding: .utf8)
        XCTAssertEqual(spoken, builtinSpokenText + "\n", "index-config/spoken.txt and BuiltinSpoken.swift differ: run index-config/generate-builtin.sh")
        XCTAssertGreaterThan(AnalysisConfig.builtin.spoken.entries.count, 30)
    }

    /// The spoken words the counters need, typed with and without marks, old and new tone placement.
    func testRequiredSpokenWords() {
        let required: [(String, String)] = [
            ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"), ("sổ hồng", "quyền sở hữu nhà ở"),
            ("so do", "giấy chứng nhận quyền sử dụng đất"), ("đền bù", "bồi thường"), ("den bu", "bồi thường"),
            ("giải tỏa", "thu hồi đất"), ("giải toả", "giải phóng mặt bằng"), ("giai toa", "thu hồi đất"),
            ("lấy đất", "thu hồi đất"), ("lay dat", "giải phóng mặt bằng"), ("lên lương", "nâng bậc lương"),
            ("đơn thư", "đơn khiếu nại"), ("đơn thư", "tố cáo"), ("chứng minh thư", "chứng minh nhân dân"),
            ("chung minh thu", "căn cước công dân"), ("hộ khẩu", "đăng ký thường trú"), ("ho khau", "đăng ký thường trú"),
            ("Sổ Đỏ", "giấy chứng nhận quyền sử dụng đất"),
        ]
        let v = AnalysisConfig.builtin.spoken
        for (phrase, term) in required {
            let words = Tokenizer.tokens(phrase).map(\.text)
            XCTAssertTrue(v.terms(forTyped: words).contains(term), "\(phrase): \(v.terms(forTyped: words))")
        }
        // Marks typed are kept: `sơ đồ` (a diagram) and `số đo` (a measure) are not `sổ đỏ`; `sổ do` is.
        XCTAssertEqual(v.terms(forTyped: ["sơ", "đồ"]), [])
        XCTAssertEqual(v.terms(forTyped: ["số", "đo"]), [])
        XCTAssertFalse(v.terms(forTyped: ["sổ", "do"]).isEmpty)
        XCTAssertEqual(v.terms(forTyped: ["đền"]), [])
    }

    func testParseSpoken() throws {
        let v = try SpokenVocabulary.parse("\u{FEFF}# chú thích\nĐền bù, đền  bù tiền = Bồi thường   # cuối dòng\n\ngiải toả = thu hồi đất | giải phóng mặt bằng\n", file: "s.txt")
        XCTAssertEqual(v.entries, [
            SpokenEntry(phrases: ["đền bù", "đền bù tiền"], terms: ["bồi thường"]),
            SpokenEntry(phrases: ["giải tỏa"], terms: ["thu hồi đất", "giải phóng mặt bằng"]),
        ])
        XCTAssertEqual(v.maxLength, 3)
        XCTAssertEqual(v.terms(forTyped: ["giải", "tỏa"]), ["thu hồi đất", "giải phóng mặt bằng"])
        let bad: [(String, Int, String)] = [
            ("đền bù = bồi thường\nđền bù bồi thường", 2, "thiếu dấu \"=\""),
            (" = bồi thường", 1, "thiếu lời nói"),
            ("đền bù, = bồi thường", 1, "thiếu lời nói"),
            ("đền bù = ", 1, "thiếu thuật ngữ"),
            ("đền bù = bồi thường |", 1, "thiếu thuật ngữ"),
            ("đền bù 2 = bồi thường", 1, "chỉ được gồm chữ"),
            ("a = b = c", 1, "một dấu \"=\""),
        ]
        for (text, line, fragment) in bad {
            XCTAssertThrowsError(try SpokenVocabulary.parse(text, file: "spoken.txt"), text) { error in
                guard let e = error as? AnalysisConfigError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.line, line, text)
                XCTAssertTrue(e.message.contains(fragment), "\(text): \(e.message)")
            }
        }
    }

    func testRequiredAbbreviations() {
        let required: [(String, String)] = [
            ("UBND", "ủy ban nhân dân"), ("HĐND", "hội đồng nhân dân"), ("QĐ", "quyết định"), ("TTr", "tờ trình"),
            ("BC", "báo cáo"), ("CV", "công văn"), ("KH", "kế hoạch"), ("TB", "thông báo"),
            ("NĐ-CP", "nghị định chính phủ"), ("TT", "thông tư"), ("QSDĐ", "quyền sử dụng đất"),
            ("GCN", "giấy chứng nhận"), ("GCNQSDĐ", "giấy chứng nhận quyền sử dụng đất"),
            ("TNMT", "tài nguyên và môi trường"), ("TĐC", "tái định cư"), ("GPMB", "giải phóng mặt bằng"),
            ("CCCD", "căn cước công dân"), ("CMND", "chứng minh nhân dân"), ("KNTC", "khiếu nại tố cáo"),
            ("TCD", "tiếp công dân"), ("BNV", "bộ nội vụ"), ("LĐTBXH", "lao động thương binh và xã hội"),
            ("NĐCP", "nghị định chính phủ"), ("ubnd", "ủy ban nhân dân"), ("qd", "quyết định"), ("Uỷ", ""),
        ]
        let c = AnalysisConfig.builtin
        for (abbr, expansion) in required {
            if expansion.isEmpty { XCTAssertEqual(c.expansions(of: abbr), [], abbr); continue }
            XCTAssertTrue(c.expansions(of: abbr).contains(expansion), "\(abbr): \(c.expansions(of: abbr))")
        }
    }

    func testDiacriticsSelectTheEntry() {
        let c = AnalysisConfig.builtin
        XCTAssertEqual(c.expansions(of: "HĐ"), ["hợp đồng", "hội đồng"])
        XCTAssertEqual(Set(c.expansions(of: "hd")), Set(["hướng dẫn", "hợp đồng", "hội đồng"]))
        XCTAssertEqual(c.expansions(of: "HD"), c.expansions(of: "hd"))
    }

    func testReverseLookup() {
        let c = AnalysisConfig.builtin
        XCTAssertEqual(c.abbreviations(ofExpansion: ["ủy", "ban", "nhân", "dân"]), ["ubnd"])
        XCTAssertEqual(c.abbreviations(ofExpansion: ["uỷ", "ban", "nhan", "dan"]), ["ubnd"])
        XCTAssertEqual(c.abbreviations(ofExpansion: ["quyền", "sử", "dụng", "đất"]), ["qsdđ"])
        XCTAssertEqual(c.abbreviations(ofExpansion: ["ủy", "ban"]), ["ub"])
        XCTAssertEqual(c.abbreviations(ofExpansion: ["ủy", "ban", "nhân"]), [])
        XCTAssertGreaterThanOrEqual(c.maxExpansionLength, 6)
    }

    func testParseFormat() throws {
        let text = """
        \u{FEFF}# chú thích
        ubnd = ủy ban nhân dân   # cuối dòng

        HĐ, hđồng = Hợp đồng | hội   đồng
        nđ-cp = nghị định chính phủ
        """
        let c = try AnalysisConfig.parse(text, file: "x.txt")
        XCTAssertEqual(c.synonyms, [
            SynonymEntry(abbreviations: ["ubnd"], expansions: ["ủy ban nhân dân"]),
            SynonymEntry(abbreviations: ["hđ", "hđồng"], expansions: ["hợp đồng", "hội đồng"]),
            SynonymEntry(abbreviations: ["nđ-cp"], expansions: ["nghị định chính phủ"]),
        ])
        XCTAssertEqual(c.expansions(of: "HĐỒNG"), ["hợp đồng", "hội đồng"])
        XCTAssertEqual(c.expansions(of: "NĐ-CP"), ["nghị định chính phủ"])
    }

    func testBadLines() {
        let table: [(String, Int, String)] = [
            ("ubnd = ủy ban nhân dân\nubnd ủy ban", 2, "thiếu dấu \"=\""),
            ("# a\n\n = ủy ban", 3, "thiếu từ viết tắt"),
            ("ubnd = ", 1, "thiếu cụm từ đầy đủ"),
            ("ubnd = ủy ban |", 1, "thiếu cụm từ đầy đủ"),
            ("u b = ủy ban", 1, "không có khoảng trắng"),
            ("a = b = c", 1, "một dấu \"=\""),
            ("ubnd, = ủy ban", 1, "thiếu từ viết tắt"),
            ("123 = số", 1, "chỉ được gồm chữ"),
        ]
        for (text, line, fragment) in table {
            do {
                _ = try AnalysisConfig.parse(text, file: "synonyms.txt")
                XCTFail("no error for \(text)")
            } catch let e as AnalysisConfigError {
                XCTAssertEqual(e.line, line, text)
                XCTAssertEqual(e.file, "synonyms.txt")
                XCTAssertTrue(e.message.contains(fragment), "\(text): \(e.message)")
                XCTAssertTrue(e.description.contains("dòng \(line)"), e.description)
            } catch { XCTFail("\(error)") }
        }
    }

    func testLoad() throws {
        XCTAssertEqual(try AnalysisConfig.load(directory: nil), .builtin)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try AnalysisConfig.load(directory: dir), .builtin, "folder without synonyms.txt")
        try "xyz = xã yên zô\n".write(to: dir.appendingPathComponent("synonyms.txt"), atomically: true, encoding: .utf8)
        let c = try AnalysisConfig.load(directory: dir)
        XCTAssertEqual(c.expansions(of: "XYZ"), ["xã yên zô"])
        XCTAssertEqual(c.expansions(of: "ubnd"), [], "the file replaces the builtin list")
        try "ok = được\nhỏng\n".write(to: dir.appendingPathComponent("synonyms.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try AnalysisConfig.load(directory: dir)) { error in
            guard let e = error as? AnalysisConfigError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.line, 2)
            XCTAssertTrue(e.file.hasSuffix("synonyms.txt"))
        }
        try Data([0xFF, 0xFE, 0x41]).write(to: dir.appendingPathComponent("synonyms.txt"))
        XCTAssertThrowsError(try AnalysisConfig.load(directory: dir))
        // spoken.txt is read beside synonyms.txt, each file replacing its own builtin list.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("synonyms.txt"))
        try "bìa xanh = giấy chứng nhận quyền sử dụng đất\n".write(to: dir.appendingPathComponent("spoken.txt"), atomically: true, encoding: .utf8)
        let s = try AnalysisConfig.load(directory: dir)
        XCTAssertEqual(s.synonyms, AnalysisConfig.builtin.synonyms)
        XCTAssertEqual(s.spoken.terms(forTyped: ["bia", "xanh"]), ["giấy chứng nhận quyền sử dụng đất"])
        XCTAssertEqual(s.spoken.terms(forTyped: ["sổ", "đỏ"]), [], "the file replaces the builtin list")
        try "sổ đỏ\n".write(to: dir.appendingPathComponent("spoken.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try AnalysisConfig.load(directory: dir)) { error in
            XCTAssertTrue((error as? AnalysisConfigError)?.file.hasSuffix("spoken.txt") ?? false, "\(error)")
        }
    }
}
