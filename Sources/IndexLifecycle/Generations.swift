import DataFolder
import Foundation

/// The index stub `DIR/index.stub` (a Xapian stub database file, `auto index-N`): it names the generation
/// searched, and a switch to a new one is the atomic rename of a new stub into place.
public enum IndexStub {
    /// The generation the stub at `path` names (its folder's path), nil when there is none.
    public static func read(_ path: String) throws -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("auto ") {
            let target = String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).path
        }
        return nil
    }

    /// Points the stub at `target` (a folder name beside it): written beside and renamed into place.
    public static func write(_ path: String, target: String) throws {
        let tmp = path + ".tmp"
        try Data("auto \(target)\n".utf8).write(to: URL(fileURLWithPath: tmp))
        guard rename(tmp, path) == 0 else {
            throw HosoError(.unavailable, "Không chuyển được sang chỉ mục mới (\(String(cString: strerror(errno))))")
        }
    }
    /// N of a generation folder `index-N`.
    static func generationNumber(_ path: String) -> Int? {
        let last = URL(fileURLWithPath: path).lastPathComponent
        guard last.hasPrefix("index-") else { return nil }
        return Int(last.dropFirst("index-".count))
    }
}

/// Holds a rebuild's catalogue marks uncommitted until the new generation is the one searched: `wait` (in the
/// marks' transaction) returns once `open(switched: true)`, and throws once `open(switched: false)`, so the
/// marks are rolled back when the switch did not happen.
final class SwitchGate: @unchecked Sendable {
    private let opened = DispatchSemaphore(value: 0)
    private var switched = false

    func open(switched: Bool) {
        self.switched = switched
        opened.signal()
    }

    func wait() throws {
        opened.wait()
        guard switched else { throw HosoError(.unavailable, "Chỉ mục mới chưa được chuyển sang: không ghi dấu đã lập chỉ mục") }
    }
}
