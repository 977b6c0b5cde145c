import Catalogue
import CataloguePostgres
import Foundation

/// A failure that the command line and the server turn into an exit code or an HTTP status.
/// `message` is Vietnamese and safe to show to the caller.
public struct HosoError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The caller's mistake: bad usage, a malformed query, unusable input (exit 2, HTTP 400).
        case usage
        /// The thing asked for does not exist, or the role may not see it — the two answer alike (exit 1, HTTP 404).
        case notFound
        /// The data folder cannot be used right now: missing index, locked database (exit 2, HTTP 503).
        case unavailable
        /// A bearer token that hoso does not know (HTTP 401).
        case unauthorized
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }

    public static func documentNotFound(_ id: String) -> HosoError {
        .init(.notFound, "Không tìm thấy tài liệu \(id)")
    }
}

/// The folder given by `--data`: everything hoso keeps.
///
/// ```
/// DIR/catalogue.sqlite   the catalogue, the system of record
/// DIR/index.stub         names the current index generation (`auto index-N`)
/// DIR/index-N/           the Xapian databases, one per access level (l1, l2, l3), derived from the catalogue
/// DIR/cache/pages/       page images rendered for the viewer (derived)
/// DIR/deliveries/        information packages unpacked from their zip files
/// ```
///
/// The catalogue is `DIR/catalogue.sqlite` unless `catalogue` names a shared one (`postgresql://…`): the one
/// place where the backend is chosen.
public struct DataDirectory: Sendable {
    public let url: URL
    /// The shared catalogue's URL (`--catalogue` or `HOSO_CATALOGUE`); nil for the SQLite file in the folder.
    public let catalogueURL: String?

    public init(path: String, create: Bool = true, catalogue: String? = nil) throws {
        let catalogue = catalogue.flatMap { $0.isEmpty ? nil : $0 }
        if let catalogue, !PostgresURL.isPostgres(catalogue) {
            throw HosoError(.usage, "--catalogue phải là địa chỉ postgresql://… (nhận “\(catalogue.prefix(40))…”)")
        }
        catalogueURL = catalogue
        url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw HosoError(.usage, "--data \(path) không phải là thư mục")
            }
        } else if create {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw HosoError(.usage, "Không tạo được thư mục dữ liệu \(path): \(error.localizedDescription)")
            }
        } else {
            throw HosoError(.usage, "Thư mục dữ liệu \(path) không tồn tại")
        }
    }

    public var cataloguePath: String { url.appendingPathComponent("catalogue.sqlite").path }
    /// The Xapian stub database file naming the current index generation (`auto index-N`).
    public var indexStubPath: String { url.appendingPathComponent("index.stub").path }

    /// Page images rendered for the viewer, by page source hash (derived; may be deleted at any time).
    public var pageImageCache: URL { url.appendingPathComponent("cache/pages", isDirectory: true) }

    /// Information packages unpacked from their zip files, one folder per zip's SHA-256.
    public var deliveries: URL { url.appendingPathComponent("deliveries", isDirectory: true) }

    /// True once an ingest has created the catalogue (a shared catalogue is always there to be asked).
    public var hasCatalogue: Bool { catalogueURL != nil || FileManager.default.fileExists(atPath: cataloguePath) }

    /// True when the catalogue is on a PostgreSQL server rather than in the folder.
    public var sharesCatalogue: Bool { catalogueURL != nil }

    /// Where the catalogue is, for messages: the SQLite file, or the URL without its password.
    public var catalogueLocation: String {
        guard let catalogueURL else { return cataloguePath }
        return (try? PostgresURL(catalogueURL).display) ?? "postgresql://…"
    }

    /// Opens (creating when missing) the catalogue, with errors in Vietnamese.
    public func openCatalogue() throws -> any ArchiveCatalogue {
        do {
            if let catalogueURL { return try PostgresCatalogue(url: catalogueURL) }
            return try CatalogueStore(path: cataloguePath)
        } catch let e as CatalogueError where catalogueURL != nil {
            throw HosoError(.unavailable, e.message)
        } catch let e as CatalogueError {
            throw DiskSpace.mapped(HosoError(.unavailable, e.message), writing: "mở danh mục", folder: url.path)
        }
    }
}

/// Identifiers of TT 05/2025: Mã hồ sơ and `<Mã hồ sơ>.<Số thứ tự>`. Checked before any lookup, so no
/// path or query is ever built from an arbitrary string.
public enum DocumentIdentifier {
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 200, !id.hasPrefix("."), !id.contains("..") else { return false }
        return id.unicodeScalars.allSatisfy { s in
            (s.value < 128 && (CharacterSet.alphanumerics.contains(s) || "._-".unicodeScalars.contains(s)))
        }
    }
}
