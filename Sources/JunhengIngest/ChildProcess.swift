import CChildProcess
import Foundation

/// A program started in a box of its own (``CChildProcess``: every inherited descriptor closed, limits on
/// its memory and processor time, killed if this process ends), that this process talks to over one
/// socket, its standard input and output. The one door to `jh_spawn_confined`; no C type leaves this file.
///
/// Reading waits at most a given time for the child's next bytes, so a child that hangs is found; writing
/// never raises SIGPIPE, so a child that died is found as a failed write. The child is killed (if still
/// running) and reaped when this goes away, so none outlives it and none is left a zombie.
final class ChildProcess {
    /// How the child ended.
    enum Termination: Hashable, Sendable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// What a read found.
    enum ReadOutcome: Hashable {
        case bytes([UInt8])
        /// The child closed its end (it ended, or crashed) before the bytes were all there.
        case end
        /// No byte came for the time given.
        case timedOut
        /// The child's resident memory passed the limit given (it is still running).
        case overMemory(Int)
    }

    /// The child's limits (`setrlimit(2)`).
    struct Limits: Hashable, Sendable {
        /// Its heap and other private memory (RLIMIT_DATA); `nil` for none (under AddressSanitizer, whose
        /// shadow memory alone is terabytes of such mappings).
        var dataBytes: Int?
        /// Its processor time (RLIMIT_CPU): a child spinning with no one reading ends.
        var cpuSeconds: Int
    }

    let pid: pid_t
    private let socket: Int32
    private var termination: Termination?
    /// When the child's memory was last looked at.
    private var lastMemoryCheck = ContinuousClock.now
    /// Bytes read from the socket and not yet taken: `pending[taken...]`.
    private var pending: [UInt8] = []
    private var taken = 0

    /// Starts `executable` with `arguments` (after its own name) and this process's environment plus
    /// `environment`.
    ///
    /// - Throws: ``SystemError`` when no socket or process can be made. A program that cannot be run
    ///   starts, and exits with status 127.
    init(executable: String, arguments: [String], environment: [String: String] = [:], limits: Limits)
        throws(SystemError)
    {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw SystemError.current
        }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.sorted().map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        let started = jh_spawn_confined(
            executable, argv, envp, ends[1], Int64(limits.dataBytes ?? 0), limits.cpuSeconds)
        close(ends[1])
        guard started > 0 else {
            close(ends[0])
            throw SystemError(rawValue: -Int32(started))
        }
        pid = started
        socket = ends[0]
    }

    deinit {
        if termination == nil {
            kill()
            _ = wait()
        }
        close(socket)
    }

    /// Writes all of `bytes` to the child; `false` when it is gone.
    func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if SystemError.current == .interrupted { continue }
                return false
            }
            sent += count
        }
        return true
    }

    /// Exactly `count` bytes from the child, waiting at most `timeout` for each arrival of bytes, and,
    /// when `memoryLimit` is given, looking at the child's resident memory every 100 ms meanwhile.
    func read(exactly count: Int, timeout: Duration, memoryLimit: Int? = nil) -> ReadOutcome {
        while pending.count - taken < count {
            if taken > 0 {
                pending.removeFirst(taken)
                taken = 0
            }
            switch waitForBytes(timeout: timeout, memoryLimit: memoryLimit) {
            case .bytes: break
            case let other: return other
            }
            let start = pending.count
            let want = max(count - start, 1 << 16)
            pending.append(contentsOf: repeatElement(0, count: want))
            let got = pending.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + start, want, 0) }
            pending.removeLast(want - max(got, 0))
            if got < 0 {
                if SystemError.current == .interrupted { continue }
                return .end
            }
            if got == 0 { return .end }
        }
        let bytes = Array(pending[taken..<taken + count])
        taken += count
        return .bytes(bytes)
    }

    /// Waits until the socket has bytes (`.bytes([])`) or is closed (`.bytes([])` too: `recv` then
    /// finds the end), for at most `timeout`.
    private func waitForBytes(timeout: Duration, memoryLimit: Int?) -> ReadOutcome {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let memoryLimit, clock.now - lastMemoryCheck >= .milliseconds(100) {
                lastMemoryCheck = clock.now
                if let resident = residentBytes(), resident > memoryLimit { return .overMemory(resident) }
            }
            let left = deadline - clock.now
            guard left > .zero else { return .timedOut }
            let slice = memoryLimit == nil ? left : min(left, .milliseconds(100))
            let (seconds, attoseconds) = slice.components
            let milliseconds = max(1, Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000))
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0, SystemError.current != .interrupted { return .end }
            if ready > 0 { return .bytes([]) }
        }
    }

    /// The child's resident memory (`/proc/PID/statm`, its second field in pages).
    private func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Ends the child at once (SIGKILL); it is reaped by ``wait()``.
    func kill() {
        if termination == nil { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Waits for the child to end and says how (once reaped, the same answer again).
    func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, SystemError.current == .interrupted {}
        return reaped(status)
    }

    /// Waits at most `timeout` for the child to end (it has said its last word, or closed its socket), then
    /// kills it; says how it ended.
    func wait(killingAfter timeout: Duration) -> Termination {
        if let termination { return termination }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        while clock.now < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return reaped(status) }
            if result < 0, SystemError.current != .interrupted { break }
            usleep(2_000)
        }
        kill()
        return wait()
    }

    /// How the child ended, from `waitpid`'s status (<sys/wait.h>'s macros, which Swift does not import:
    /// the low 7 bits are the signal, 0 for an exit).
    private func reaped(_ status: Int32) -> Termination {
        let result: Termination = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        termination = result
        return result
    }
}
