import Foundation

/// A token as stored, with the hash of its secret: what a merge of catalogues carries over.
public struct TokenRecord: Equatable, Sendable {
    public var hash: String
    public var name: String
    public var role: Role
    public var created: Date
    public var revoked: Bool

    public init(hash: String, name: String, role: Role, created: Date, revoked: Bool) {
        self.hash = hash; self.name = name; self.role = role; self.created = created; self.revoked = revoked
    }
}

/// What `mergeDocument` added to the catalogue.
public struct MergedDocument: Equatable, Sendable {
    /// The document was not stored and was added.
    public var documentAdded: Bool
    /// Its page count and scan hash were set (none was stored).
    public var stateSet: Bool
    public var pagesAdded: Int

    public init(documentAdded: Bool = false, stateSet: Bool = false, pagesAdded: Int = 0) {
        self.documentAdded = documentAdded; self.stateSet = stateSet; self.pagesAdded = pagesAdded
    }

    public var changed: Bool { documentAdded || stateSet || pagesAdded > 0 }
}

/// The rule both backends store page texts by: U+0000 is removed (PostgreSQL's text cannot hold it, and it is
/// no character of any text); every other character, control characters included, is kept as it is.
public enum StoredText {
    public static func clean(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0 }))
    }

    public static func clean(_ page: Page) -> Page {
        guard page.text.utf8.contains(0) || page.recognizedText?.utf8.contains(0) == true else { return page }
        var p = page
        p.text = clean(p.text)
        p.recognizedText = p.recognizedText.map(clean)
        return p
    }
}
