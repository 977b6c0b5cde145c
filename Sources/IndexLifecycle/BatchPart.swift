import DataFolder
import Foundation

/// One part of a batch split across machines (`hoso ingest --part i/n`): each machine takes the hồ sơ
/// whose stable hash falls in its part and builds its own index shard, so a hồ sơ's documents stay together.
public struct BatchPart: Sendable, Equatable, CustomStringConvertible {
    /// 1-based part number.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, count <= 4096, (1...count).contains(index) else {
            throw HosoError(.usage, "Phần lô phải có dạng i/n với 1 ≤ i ≤ n ≤ 4096 (nhận được \(index)/\(count))")
        }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`, e.g. `2/3`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw HosoError(.usage, "Phần lô phải có dạng i/n, ví dụ 2/3 (nhận được “\(text)”)")
        }
        try self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// True when the hồ sơ (Mã hồ sơ) belongs to this part.
    public func contains(fileID: String) -> Bool {
        Int(Self.stableHash(fileID) % UInt64(count)) == index - 1
    }

    /// FNV-1a 64 of the UTF-8 bytes (NFC): the same on every machine and every run, unlike `hashValue`.
    public static func stableHash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.precomposedStringWithCanonicalMapping.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
