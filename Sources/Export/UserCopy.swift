import Access
import Catalogue
import DataFolder
import Foundation
import Search

/// The kinds of copy the archive hands out (Thông tư 05/2025/TT-BNV, Điều 37, 40–42).
public enum CopyKind: String, CaseIterable, Sendable, Codable {
    /// Bản đọc: read on the system only; the archive's name at the bottom centre of every page.
    case reading = "ban-doc"
    /// Bản sao không xác thực: the reading copy's marks and `BẢN SAO` at the top right of the first page.
    case copy = "ban-sao"
    /// Bản sao có xác thực: the bản sao, signed by the command the operator configures (`CopySettings.signCommand`).
    case certified = "ban-sao-xac-thuc"

    /// The kind's name in the request and the audit log.
    public var label: String {
        switch self {
        case .reading: return "bản đọc"
        case .copy: return "bản sao không xác thực"
        case .certified: return "bản sao có xác thực"
        }
    }

    /// The roles that may hand out copies: the counter's staff and above; `public` never.
    public static func allowed(_ role: Role) -> Bool { role != .public }
}

/// Phiếu yêu cầu: the request of the person a copy is made for, its seven fields.
public struct CopyRequest: Sendable, Equatable, Codable {
    /// Họ và tên.
    public var fullName: String
    /// Số CCCD (12 digits) or CMND (9).
    public var citizenID: String
    /// Địa chỉ.
    public var address: String
    /// Mục đích sử dụng.
    public var purpose: String
    /// Tài liệu yêu cầu: the document or hồ sơ id asked for.
    public var item: String
    /// Hình thức: the kind of copy.
    public var kind: CopyKind
    /// Ngày yêu cầu, `DD/MM/YYYY`.
    public var date: String

    public init(fullName: String, citizenID: String = "", address: String = "", purpose: String = "",
                item: String, kind: CopyKind, date: String = CopyRequest.today()) {
        func clean(_ s: String) -> String {
            s.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        self.fullName = clean(fullName); self.citizenID = clean(citizenID); self.address = clean(address)
        self.purpose = clean(purpose); self.item = clean(item); self.kind = kind; self.date = clean(date)
    }

    /// The fields as the request form names them, in its order.
    public var fields: [(label: String, value: String)] {
        [("Họ và tên", fullName), ("Số CCCD", citizenID), ("Địa chỉ", address), ("Mục đích sử dụng", purpose),
         ("Tài liệu yêu cầu", item), ("Hình thức", kind.label), ("Ngày yêu cầu", date)]
    }

    /// Refuses a request without the name of the person it is for, with a malformed id number or date,
    /// or (`complete`, for a DIP) with any field empty.
    public func validate(complete: Bool) throws {
        guard !fullName.isEmpty else { throw HosoError(.usage, "Phiếu yêu cầu thiếu họ và tên người yêu cầu") }
        if !citizenID.isEmpty, !(citizenID.count == 12 || citizenID.count == 9) || !citizenID.allSatisfy(\.isASCII)
            || !citizenID.allSatisfy(\.isNumber) {
            throw HosoError(.usage, "Số CCCD phải có 12 chữ số (CMND: 9): \(citizenID)")
        }
        let parts = date.split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              ArchiveDateValue(year: y, month: m, day: d) != nil, parts[2].count == 4 else {
            throw HosoError(.usage, "Ngày yêu cầu phải có dạng DD/MM/YYYY: \(date)")
        }
        if complete, let empty = fields.first(where: { $0.value.isEmpty }) {
            throw HosoError(.usage, "Phiếu yêu cầu thiếu \(empty.label.lowercased())")
        }
    }

    /// Today, `DD/MM/YYYY`, in Vietnam's time zone.
    public static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%02d/%02d/%04d", c.day ?? 1, c.month ?? 1, c.year ?? 1970)
    }
}

/// How the copies of this archive are made: its name, the font of the marks, the signing command.
public struct CopySettings: Sendable {
    /// The archive's name, printed at the bottom centre of every page.
    public var archiveName: String
    /// A TrueType font file for the marks; nil: the first of `TrueTypeFont.candidates`.
    public var fontPath: String?
    /// The command that signs a bản sao có xác thực, as arguments; hoso appends the unsigned PDF's path and
    /// the path the signed PDF must be written to. Nil: certified copies are refused.
    public var signCommand: [String]?
    /// Options of the underlying two-layer export.
    public var export = PDFExportOptions()

    public static let defaultArchiveName = "Trung tâm Lưu trữ lịch sử"

    public init(archiveName: String = CopySettings.defaultArchiveName, fontPath: String? = nil, signCommand: [String]? = nil) {
        let name = archiveName.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        self.archiveName = name.isEmpty ? Self.defaultArchiveName : name
        self.fontPath = fontPath; self.signCommand = signCommand
    }

    /// From `HOSO_ARCHIVE_NAME`, `HOSO_COPY_FONT` and `HOSO_SIGN_COMMAND` (split on spaces).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CopySettings {
        let sign = environment["HOSO_SIGN_COMMAND"].map { $0.split(separator: " ").map(String.init) }.flatMap { $0.isEmpty ? nil : $0 }
        return CopySettings(archiveName: environment["HOSO_ARCHIVE_NAME"] ?? defaultArchiveName,
                            fontPath: environment["HOSO_COPY_FONT"].flatMap { $0.isEmpty ? nil : $0 }, signCommand: sign)
    }
}

/// A copy made: the PDF and what it holds.
public struct UserCopy: Sendable {
    public var pdf: Data
    public var kind: CopyKind
    /// The document id, or the Mã hồ sơ of a whole hồ sơ.
    public var item: String
    /// The documents in it, in order.
    public var documentIDs: [String]
    /// The file name to give it: `<item>.<kind>.pdf`.
    public var fileName: String { "\(item).\(kind.rawValue).pdf" }
}

extension Archive {
    /// Cấp bản sao: a copy of a document or of a whole hồ sơ (the documents of it the role may see), as a
    /// two-layer PDF/A-2b with the marks of its kind, recorded in the audit log (who, for whom, what, which
    /// kind) whatever the document's access level. A role that may not hand out copies is refused; an unknown
    /// id and one the role may not see answer alike (`notFound`).
    public func userCopy(_ request: CopyRequest, by caller: Caller, settings: CopySettings) throws -> UserCopy {
        guard CopyKind.allowed(caller.role) else {
            throw HosoError(.usage, "Vai trò \(caller.role.rawValue) không được cấp bản sao; cần vai trò staff hoặc secret")
        }
        try request.validate(complete: false)
        if request.kind == .certified, settings.signCommand == nil {
            throw HosoError(.unavailable, "Chưa cấu hình lệnh ký số cho bản sao có xác thực (HOSO_SIGN_COMMAND)")
        }
        let (ids, title) = try copyContents(request.item, role: caller.role)
        let font: TrueTypeFont
        do { font = try TrueTypeFont.load(path: settings.fontPath) } catch {
            throw HosoError(.unavailable, "\(error)")
        }
        var pages: [PDFPage] = []
        for id in ids { pages += try pdfPages(id: id, role: caller.role, options: settings.export).1 }
        for i in pages.indices {
            pages[i].marks = [PDFMark(settings.archiveName, at: .bottomCentre)]
            if i == 0, request.kind != .reading { pages[i].marks.append(PDFMark("BẢN SAO", at: .topRight)) }
        }
        var metadata = PDFMetadata(title: title, subject: "\(request.kind.label.capitalizedFirst) — \(settings.archiveName)",
                                   author: settings.archiveName)
        metadata.producer = "hoso (bản sao)"
        if let created = settings.export.created { metadata.created = created }
        var pdf: Data
        do { pdf = try PDFExport.build(pages: pages, metadata: metadata, markFont: font) } catch let e as HosoError { throw e } catch {
            throw HosoError(.unavailable, "Không tạo được bản sao \(request.item): \(error)")
        }
        if request.kind == .certified, let command = settings.signCommand { pdf = try CopySigner.sign(pdf, command: command) }
        try access.record(.copy, target: Self.copyAuditTarget(request), by: caller, level: nil)
        return UserCopy(pdf: pdf, kind: request.kind, item: request.item, documentIDs: ids)
    }

    /// The audit line's target: what, which kind, for whom.
    static func copyAuditTarget(_ r: CopyRequest, kind: String? = nil) -> String {
        var who = r.fullName
        if !r.citizenID.isEmpty { who += ", CCCD \(r.citizenID)" }
        return "\(r.item) | \(kind ?? r.kind.label) | cho: \(who)" + (r.purpose.isEmpty ? "" : " | \(r.purpose)")
    }

    /// The documents of a copy and its title: one document, or the visible documents of a hồ sơ.
    func copyContents(_ item: String, role: Role) throws -> ([String], String) {
        if DocumentIdentifier.isValid(item), let d = try store.document(id: item), role.canSee(d.access) {
            return ([item], d.title)
        }
        guard DocumentIdentifier.isValid(item), let file = try store.file(id: item),
              let ids = try? exportableDocumentIDs(role: role, fileID: item) else {
            throw HosoError.documentNotFound(item)
        }
        return (ids, "Hồ sơ \(file.id): \(file.title)")
    }
}

/// The hook of the bản sao có xác thực: an operator-configured command (a PAdES signing tool, or a script
/// that writes a detached signature beside the file) signs the PDF. hoso makes no signature itself.
enum CopySigner {
    static func sign(_ pdf: Data, command: [String]) throws -> Data {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("hoso-sign-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("ban-sao.pdf"), output = dir.appendingPathComponent("ban-sao-ky.pdf")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try pdf.write(to: input)
        } catch { throw HosoError(.unavailable, "Không ghi được tệp tạm để ký số") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + [input.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw HosoError(.unavailable, "Không chạy được lệnh ký số \(command[0])") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let signed = fm.contents(atPath: output.path), signed.starts(with: Data("%PDF-".utf8)) else {
            let why = String(decoding: message.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw HosoError(.unavailable, "Lệnh ký số không tạo được bản sao có xác thực" + (why.isEmpty ? "" : ": \(why)"))
        }
        return signed
    }
}

extension String {
    /// The string with its first letter in capitals ("bản sao" → "Bản sao").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
