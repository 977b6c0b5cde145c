import Foundation

/// The pages of a TIFF counted by walking its chain of image file directories (IFDs) ourselves, before
/// libtiff sees the file: a chain that loops back, points outside the file, or runs past `maxPages` is
/// refused with a reason instead of being followed.
enum TIFFPages {
    /// Pages one TIFF may have.
    static let maxPages = 10_000

    /// The number of IFDs in the TIFF at `url`. Throws ScanError.
    static func count(_ url: URL, file: String) throws -> Int {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ScanError(file: file, reason: "Không có quyền đọc tệp")
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard offset <= size, UInt64(count) <= size - offset else { return nil }
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count),
                  data.count == count else { return nil }
            return [UInt8](data)
        }
        let damaged = { (why: String) in ScanError(file: file, reason: "Ảnh TIFF hỏng: \(why)") }
        guard let header = read(0, 16) ?? read(0, 8) else { throw damaged("tệp quá ngắn") }
        let little = header[0] == 0x49
        func uint(_ b: ArraySlice<UInt8>) -> UInt64 {
            let bytes = little ? Array(b.reversed()) : Array(b)
            return bytes.reduce(0) { $0 << 8 | UInt64($1) }
        }
        let magic = uint(header[2..<4])
        let big = magic == 43   // BigTIFF: 8-byte offsets and counts
        guard magic == 42 || (big && header.count >= 16) else { throw damaged("không phải TIFF") }
        var offset = big ? uint(header[8..<16]) : uint(header[4..<8])
        var seen = Set<UInt64>()
        while offset != 0 {
            guard seen.count < maxPages else {
                throw ScanError(file: file, reason: "Ảnh TIFF có hơn \(maxPages) trang, vượt giới hạn một tệp")
            }
            guard seen.insert(offset).inserted else { throw damaged("chuỗi thư mục ảnh (IFD) vòng lại chính nó") }
            let countSize = big ? 8 : 2, entrySize = big ? 20 : 12, nextSize = big ? 8 : 4
            guard let countBytes = read(offset, countSize) else { throw damaged("thư mục ảnh (IFD) nằm ngoài tệp") }
            let entries = uint(countBytes[...])
            guard entries > 0, entries <= 4096 else { throw damaged("thư mục ảnh (IFD) có \(entries) mục") }
            let nextAt = offset + UInt64(countSize) + entries * UInt64(entrySize)
            guard let next = read(nextAt, nextSize) else { throw damaged("thư mục ảnh (IFD) bị cắt cụt") }
            offset = uint(next[...])
        }
        guard !seen.isEmpty else { throw damaged("không có trang nào") }
        return seen.count
    }
}
