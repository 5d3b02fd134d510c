import Dispatch
import Foundation
import Synchronization

/// A bounded hand-over of chunks from one producer thread to one consumer, in order; the producer
/// waits while `capacity` chunks are in flight. Cancelling makes the producer's next `put` throw.
final class ZipChunkChannel: Sendable {
    private struct State {
        var chunks: [Data] = []
        var finished = false
        var failure: (any Error)?
        var cancelled = false
    }

    struct Cancelled: Error {}

    private let state = Mutex(State())
    private let items = DispatchSemaphore(value: 0)
    private let slots: DispatchSemaphore
    private let done = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        slots = DispatchSemaphore(value: capacity)
    }

    /// Producer: hands on one chunk (waits for room).
    func put(_ data: Data) throws {
        slots.wait()
        let cancelled = state.withLock { state in
            if state.cancelled { return true }
            state.chunks.append(data)
            return false
        }
        if cancelled {
            slots.signal()
            throw Cancelled()
        }
        items.signal()
    }

    /// Producer: no more chunks (`failure` says why it ended early).
    func finish(_ failure: (any Error)?) {
        state.withLock { state in
            state.finished = true
            state.failure = failure
        }
        items.signal()
        done.signal()
    }

    /// Consumer: the next chunk, `nil` at the end, or the producer's failure.
    func take() -> Result<Data?, any Error> {
        items.wait()
        return state.withLock { state in
            if !state.chunks.isEmpty {
                let data = state.chunks.removeFirst()
                slots.signal()
                return .success(data)
            }
            // The end: leave the signal for the next take, which ends the same way.
            items.signal()
            if let failure = state.failure { return .failure(failure) }
            return .success(nil)
        }
    }

    /// Consumer: stop the producer early.
    func cancel() {
        state.withLock { $0.cancelled = true }
        slots.signal()
    }

    /// Waits until the producer has finished (once).
    func waitUntilDone() {
        done.wait()
        done.signal()
    }
}
