import Catalogue
import Foundation
import OCR
import Syllables

/// The syllable-pair model the correction of recognised pages chooses with: the built-in counts, and added to
/// them the archive's own writing (its hồ sơ titles, trích yếu and kept text layers: ArchiveCatalogue.ownTexts).
/// A district's records name its own communes, villages, streets and people, and repeat its own formulas, which no
/// built-in list holds.
enum ArchiveSyllables {
    /// Pages of kept layers and transcriptions read (the last saved): about 1 MB of text a thousand pages.
    static let pageLimit = 3_000
    /// Titles and trích yếu read, of each.
    static let metadataLimit = 200_000

    /// The built-in model with the catalogue's own texts learned; the built-in one alone when the catalogue has none
    /// or cannot be read (the correction then works as before).
    static func model(from store: any ArchiveCatalogue) -> SyllablePairModel {
        var model = SyllablePairModel.builtin
        guard let texts = try? store.ownTexts(pageLimit: pageLimit, metadataLimit: metadataLimit,
                                              layerScoreAtLeast: TextLayerQuality.poorBelow),
              !texts.isEmpty else { return model }
        model.learn(texts)
        return model
    }

    /// Recognition options whose correction (when it is on) chooses with the archive's model.
    static func options(from store: any ArchiveCatalogue) -> RecognitionOptions {
        var options = RecognitionOptions()
        if options.corrector != nil { options.corrector = OCRCorrector(model: model(from: store), general: OCRSwitches.generalSyllables) }
        return options
    }
}
