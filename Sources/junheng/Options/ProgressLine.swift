import Foundation
import Synchronization

/// A one-line progress meter on standard error for long reads: shown only when standard error is a
/// terminal and the file is large, updated at most once per percent, erased when done.
final class ProgressLine: Sendable {
    private let label: String
    private let lastPercent = Mutex(-1)

    /// Files smaller than this finish too fast to need a meter.
    static let minimumBytes = 32 << 20

    init(label: String) {
        self.label = label
    }

    /// A callback for the library's `progress` parameters, or `nil` when no meter should be shown.
    static func callback(label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let line = ProgressLine(label: label)
        return { read, total in line.update(read: read, total: total) }
    }

    func update(read: Int, total: Int) {
        guard total >= Self.minimumBytes else { return }
        let percent = Int(Double(read) / Double(total) * 100)
        let changed = lastPercent.withLock { last in
            guard percent != last else { return false }
            last = percent
            return true
        }
        guard changed else { return }
        let megabytes = Double(read) / 1_048_576
        var text = String(format: "\r%@ %3d%% (%.0f / %.0f MB)", label, percent, megabytes, Double(total) / 1_048_576)
        if read >= total { text = "\r" + String(repeating: " ", count: text.count) + "\r" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
