import Foundation
import Synchronization

/// Submissions per sender per minute (`--rate-limit N`; 0 turns it off): a fixed one-minute window per
/// sender, keyed by the HMAC of the address (the address itself is not kept, even in memory).
final class RateLimiter: Sendable {
    private struct Window {
        var minute: Int64
        var count: Int
    }

    let limit: Int
    private let windows = Mutex([String: Window]())

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts one submission from `sender` at `now`; `false` when it is over the limit.
    func allow(_ sender: String, now: Date = Date()) -> Bool {
        guard limit > 0 else { return true }
        let minute = Int64(now.timeIntervalSince1970 / 60)
        return windows.withLock { windows in
            if windows.count > 100_000 {
                // Forget the windows of earlier minutes, so memory stays bounded.
                windows = windows.filter { $0.value.minute == minute }
            }
            var window = windows[sender] ?? Window(minute: minute, count: 0)
            if window.minute != minute { window = Window(minute: minute, count: 0) }
            window.count += 1
            windows[sender] = window
            return window.count <= limit
        }
    }
}
