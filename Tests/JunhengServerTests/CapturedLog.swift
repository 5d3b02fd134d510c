import Logging
import Synchronization

/// A log handler that keeps every message, for tests that read what the server logged.
struct CapturedLog: LogHandler, Sendable {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    let storage = Lines()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        storage.lines.withLock { $0.append("\(event.level) \(event.message)") }
    }

    var lines: [String] { storage.lines.withLock { $0 } }
}
