import Glibc

/// A failed system call's `errno`, wrapped once (as swift-system's `Errno` does): the reader compares
/// it with ``interrupted`` to retry, and words it with the system's own text.
struct SystemError: RawRepresentable, Error, Hashable, CustomStringConvertible {
    var rawValue: Int32

    init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The calling thread's `errno` now (read right after the failed call).
    static var current: SystemError { SystemError(rawValue: errno) }

    /// `EINTR`: a signal interrupted the call; it is simply made again.
    static let interrupted = SystemError(rawValue: EINTR)

    /// The system's wording (`strerror`), e.g. "No such file or directory".
    var description: String { String(cString: strerror(rawValue)) }
}
