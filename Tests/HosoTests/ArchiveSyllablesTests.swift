import Catalogue
import Foundation
import Syllables
import XCTest
@testable import Ingest

/// The correction of an ingest learns the archive's own words from its catalogue, beside the built-in counts.
final class ArchiveSyllablesTests: XCTestCase {
    func testTheModelLearnsTheCataloguesTitlesSummariesAndKeptLayers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-syllables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CatalogueStore(path: dir.appendingPathComponent("catalogue.sqlite").path)
        XCTAssertEqual(ArchiveSyllables.model(from: store).syllables, SyllablePairModel.builtin.syllables,
                       "an empty catalogue: the built-in model")
        let file = ArchiveFile(id: "H49.64.40.2012.001", title: "Hồ sơ thu hồi đất xã Ia Rvê, huyện Ea Súp", access: .open)
        let document = Document(fileID: file.id, ordinal: 1, path: "scans/1.pdf", summary: "Về việc bồi thường tại buôn Đrăng Phok",
                                access: .open)
        try store.upsert(files: [file], documents: [document])
        var layer = Page(documentID: document.id, number: 1, text: "Biên bản kiểm đếm tại bản Ea Rốk", meanConfidence: 100,
                         engine: "layer", sourceHash: "a", width: 2480, height: 3508, textSource: .layer, layerScore: 0.99)
        try store.save(page: layer)
        layer.number = 2
        layer.text = "Biên bản ở Ea Mlây"
        layer.textSource = .ocr
        layer.sourceHash = "b"
        try store.save(page: layer)
        let model = ArchiveSyllables.model(from: store)
        for word in ["súp", "rvê", "phok", "rốk"] {
            XCTAssertEqual(SyllablePairModel.builtin.count(word), 0, word)
            XCTAssertEqual(model.count(word), 1, word)
        }
        XCTAssertEqual(model.count("ea", "súp"), 1)
        XCTAssertEqual(model.count("mlây"), 0, "a recognised page teaches nothing")
        XCTAssertEqual(model.count("quyết"), SyllablePairModel.builtin.count("quyết"))
        XCTAssertEqual(ArchiveSyllables.options(from: store).corrector?.model.count("súp"), 1, "the model the engines correct with")
    }
}
