import Dispatch
import Synchronization

/// Runs async library work (a PostgreSQL store) from a command whose `run()` is synchronous: the calling
/// thread (the main thread, never one of Swift's cooperative threads) waits for it.
enum Blocking {
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
