import Foundation

/// Fixed resources of a two-layer PDF: the glyphless font of the hidden text layer, its ToUnicode map,
/// the sRGB ICC profile of the PDF/A output intent, and the XMP metadata packet.
enum PDFResources {
    /// Tesseract's "GlyphLessFont" (tessdata/pdf.ttf, Apache License 2.0): a TrueType font of two glyphs,
    /// .notdef (empty) and glyph 1 (advance 1024 of 2048 units, i.e. 500/1000), to which every character
    /// code of the hidden text is mapped. The text is never painted (render mode 3), so the shape does not
    /// matter; what matters is that the font is embedded (PDF/A) and that ToUnicode gives the real text.
    static let glyphlessFont: Data = Data(base64Encoded: """
        AAEAAAAKAIAAAwAgT1MvMlbeyJQAAAEoAAAAYGNtYXAACgA0AAABkAAAAB5nbHlmFSJBJAAAAbgAAAAYaGVhZAt48WUAAACsAAAA\
        NmhoZWEMAgQCAAAA5AAAACRobXR4BAAAAAAAAYgAAAAIbG9jYQAMAAAAAAGwAAAABm1heHAABAAFAAABCAAAACBuYW1l8usW2gAA\
        AdAAAABLcG9zdAABAAEAAAIcAAAAIAABAAAAAQAAsJRxEF8PPPUEBwgAAAAAAM+a/G4AAAAA1MOn8gAAAAAEAAgAAAAAEAACAAAA\
        AAAAAAEAAAgA//8AAAQAAAAAAAQAAAEAAAAAAAAAAAAAAAAAAAACAAEAAAACAAQAAQAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAwAA\
        AZAABQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUAAQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAR09PRwBAAAAAAAAB//8AAAABAAGA\
        AAAAAAAAAAAAAAAAAAABAAAAAAAABAAAAAAAAAIAAQAAAAAAFAADAAAAAAAUAAYACgAAAAAAAAAAAAAAAAAMAAAAAQAAAAAEAAgA\
        AAMAADEhESEEAPwACAAAAAADACoAAAADAAAABQAWAAAAAQAAAAAABQALABYAAwABBAkABQAWAAAAVgBlAHIAcwBpAG8AbgAgADEA\
        LgAwVmVyc2lvbiAxLjAAAAEAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAA=
        """) ?? Data()

    /// Glyph width of the glyphless font in text space units (per 1000 em).
    static let glyphWidth = 500.0

    /// Character codes are UTF-16 code units (two bytes, Identity-H); ToUnicode maps each code to itself.
    /// Codes below U+0020 and the surrogate range are left out (never written).
    static let toUnicodeCMap: Data = {
        var ranges: [String] = ["<0020> <00FF> <0020>"]
        for high in 0x01...0xFF where !(0xD8...0xDF).contains(high) {
            let h = String(format: "%02X", high)
            ranges.append("<\(h)00> <\(h)FF> <\(h)00>")
        }
        return toUnicode(ranges, kind: "bfrange")
    }()

    /// A ToUnicode CMap over two-byte codes from `entries` (`bfrange` or `bfchar` lines), in blocks of 100.
    static func toUnicode(_ entries: [String], kind: String) -> Data {
        var s = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + 100, entries.count)]
            s += "\(chunk.count) begin\(kind)\n" + chunk.joined(separator: "\n") + "\nend\(kind)\n"
            start += 100
        }
        s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return Data(s.utf8)
    }

    /// The codes of a word: its UTF-16 units; characters the map does not carry (controls, characters
    /// outside the Basic Multilingual Plane) become U+FFFD.
    static func codes(_ text: String) -> [UInt16] {
        text.unicodeScalars.map { s in
            s.value >= 0x20 && s.value <= 0xFFFF && !(0xD800...0xDFFF).contains(s.value) ? UInt16(s.value) : 0xFFFD
        }
    }

    /// CIDToGIDMap: every code up to `maxCode` to glyph 1 (never to .notdef, which PDF/A forbids using).
    static func cidToGIDMap(maxCode: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: 2 * (maxCode + 1))
        for i in stride(from: 1, to: bytes.count, by: 2) { bytes[i] = 1 }
        return Data(bytes)
    }

    // MARK: ICC

    /// A display-class ICC v2.1 profile for sRGB IEC 61966-2.1: D50-adapted colorants (Bradford),
    /// the sRGB tone curve sampled at 1024 points, D50 white point.
    static let sRGBProfile: Data = {
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func sig(_ s: String) -> [UInt8] { Array(s.utf8.prefix(4)) }
        func s15(_ v: Double) -> [UInt8] { be32(UInt32(bitPattern: Int32((v * 65536).rounded()))) }
        func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] { sig("XYZ ") + [0, 0, 0, 0] + s15(x) + s15(y) + s15(z) }
        func pad(_ b: [UInt8]) -> [UInt8] { b + [UInt8](repeating: 0, count: (4 - b.count % 4) % 4) }

        let name = "sRGB IEC61966-2.1"
        var desc = sig("desc") + [0, 0, 0, 0] + be32(UInt32(name.utf8.count + 1)) + Array(name.utf8) + [0]
        desc += be32(0) + be32(0)              // Unicode language code and count
        desc += be16(0) + [0] + [UInt8](repeating: 0, count: 67)   // ScriptCode code, count, 67 bytes
        let cprt = sig("text") + [0, 0, 0, 0] + Array("No copyright, use freely".utf8) + [0]
        var curve = sig("curv") + [0, 0, 0, 0] + be32(1024)
        for i in 0..<1024 {
            let v = Double(i) / 1023
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            curve += be16(UInt16((linear * 65535).rounded()))
        }
        let tags: [(String, [UInt8])] = [
            ("desc", pad(desc)), ("cprt", pad(cprt)),
            ("wtpt", xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", pad(curve)),
        ]
        // gTRC and bTRC share rTRC's data.
        let tableCount = tags.count + 2
        var offset = 128 + 4 + 12 * tableCount
        var table = be32(UInt32(tableCount))
        var body: [UInt8] = []
        var trcOffset = 0, trcSize = 0
        for (name, bytes) in tags {
            table += sig(name) + be32(UInt32(offset)) + be32(UInt32(bytes.count))
            if name == "rTRC" { trcOffset = offset; trcSize = bytes.count }
            body += bytes
            offset += bytes.count
        }
        for name in ["gTRC", "bTRC"] { table += sig(name) + be32(UInt32(trcOffset)) + be32(UInt32(trcSize)) }
        let size = 128 + table.count + body.count
        var header = be32(UInt32(size)) + [0, 0, 0, 0] + be32(0x0210_0000) + sig("mntr") + sig("RGB ") + sig("XYZ ")
        header += be16(2025) + be16(1) + be16(1) + be16(0) + be16(0) + be16(0)   // date
        header += sig("acsp") + [0, 0, 0, 0] + be32(0) + [0, 0, 0, 0] + [0, 0, 0, 0] + [UInt8](repeating: 0, count: 8)
        header += be32(0)                                        // rendering intent: perceptual
        header += s15(0.9642) + s15(1.0) + s15(0.8249)           // PCS illuminant D50
        header += [0, 0, 0, 0]                                   // creator
        header += [UInt8](repeating: 0, count: 128 - header.count)
        return Data(header + table + body)
    }()

    // MARK: XMP

    /// The XMP packet of a PDF/A-2b file; values equal those of the Info dictionary.
    static func xmp(title: String, subject: String?, author: String?, producer: String, created: String, documentID: String) -> Data {
        let t = PDFSyntax.xml(title)
        var description = ""
        if let subject, !subject.isEmpty {
            description = "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(PDFSyntax.xml(subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        if let author, !author.isEmpty {
            description += "<dc:creator><rdf:Seq><rdf:li>\(PDFSyntax.xml(author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        let s = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>2</pdfaid:part>
            <pdfaid:conformance>B</pdfaid:conformance>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(t)</rdf:li></rdf:Alt></dc:title>
            \(description)<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>\(created)</xmp:CreateDate>
            <xmp:ModifyDate>\(created)</xmp:ModifyDate>
            <xmp:CreatorTool>\(PDFSyntax.xml(producer))</xmp:CreatorTool>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>\(PDFSyntax.xml(producer))</pdf:Producer>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
            <xmpMM:DocumentID>uuid:\(documentID)</xmpMM:DocumentID>
            <xmpMM:InstanceID>uuid:\(documentID)</xmpMM:InstanceID>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Data(s.utf8)
    }
}
