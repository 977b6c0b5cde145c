import CTesseract
import Foundation

/// Specks of toner and dust away from the text, whitened before recognition: a photocopy's specks in the margins
/// and between lines are read by Tesseract as punctuation and marks (`‡ + " 4`, `kiểm:`, `-được`). A speck is a dark
/// component no larger than `maxSpeck` mm either way. One stays when it lies within `reach` mm of a larger component
/// (marks, dots, commas and periods next to their letters), or straight above or below such a speck (a tone mark over
/// a circumflex: in `ế` the acute is near only the circumflex); every other speck goes. Two steps and no further: a
/// chain of specks of any length would carry a photocopy's toner between the lines back to the text.
enum Despeckle {
    /// The page with its far specks whitened and how many were removed, or nil when there were none (or Leptonica
    /// failed: the page is then recognised as it is).
    /// Pages with fewer far specks than `minimumSpecks` are left as they are: a clean scan has 10–35 (some of them
    /// real marks), a photocopy hundreds to thousands.
    static func apply(_ grey: PageImage, resolution: Int, maxSpeck: Double = 0.6, reach: Double = 0.8,
                      minimumSpecks: Int = 150) -> (PageImage, Int)? {
        let perMM = Double(resolution > 0 ? resolution : 300) / 25.4
        let size = max(1, Int((maxSpeck * perMM).rounded()))
        let grow = 2 * max(1, Int((reach * perMM).rounded())) + 1
        guard let b = pixConvertTo1(grey.pix, 150) else { return nil }
        let binary = PageImage(taking: b)
        // Larger than a speck in either direction: letters, rules, seals.
        guard let g = pixSelectBySize(binary.pix, l_int32(size), l_int32(size), 8, l_int32(L_SELECT_IF_EITHER),
                                      l_int32(L_SELECT_IF_GT), nil) else { return nil }
        let large = PageImage(taking: g)
        guard let s = pixSubtract(nil, binary.pix, large.pix) else { return nil }
        let specks = PageImage(taking: s)
        // Specks within the reach of a larger component, whole (a component touching the grown region counts).
        guard let gl = pixDilateBrick(nil, large.pix, l_int32(grow), l_int32(grow)) else { return nil }
        let grownLarge = PageImage(taking: gl)
        guard let near = Self.touching(specks, grownLarge) else { return nil }
        // …and the specks straight above or below those: a mark stacked on a mark.
        guard let st = pixDilateBrick(nil, near.pix, 1, l_int32(grow)) else { return nil }
        let stacked = PageImage(taking: st)
        guard let kept = Self.touching(specks, stacked) else { return nil }
        guard let r = pixSubtract(nil, specks.pix, kept.pix) else { return nil }
        let far = PageImage(taking: r)
        var count: l_int32 = 0
        guard pixCountConnComp(far.pix, 8, &count) == 0, Int(count) >= minimumSpecks else { return nil }
        guard let d = pixDilateBrick(nil, far.pix, 3, 3), let c = pixCopy(nil, grey.pix) else { return nil }
        let mask = PageImage(taking: d), cleaned = PageImage(taking: c)
        guard pixSetMasked(cleaned.pix, mask.pix, 255) == 0 else { return nil }
        cleaned.resolution = grey.resolution
        return (cleaned, Int(count))
    }

    /// The components of `components` that have a pixel inside `region`, whole.
    private static func touching(_ components: PageImage, _ region: PageImage) -> PageImage? {
        guard let seed = pixAnd(nil, components.pix, region.pix) else { return nil }
        let seeds = PageImage(taking: seed)
        guard let filled = pixSeedfillBinary(nil, seeds.pix, components.pix, 8) else { return nil }
        return PageImage(taking: filled)
    }
}
