import Dispatch
import Synchronization

/// Group commit: responses that arrive while a transaction is being written wait, and are all written
/// in the next one, so the cost of making a transaction durable (an fsync) is shared by every response
/// in it, and throughput grows with the load instead of being capped at one fsync per response.
///
/// One writer thread drains the queue; each caller is resumed only after the transaction holding its
/// response has committed.
final class GroupCommitter<Item: Sendable, Outcome: Sendable>: Sendable {
    /// Writes a batch in one transaction and returns one result per item, in order; a failure of the
    /// transaction as a whole is one error for every item.
    typealias Writer = @Sendable ([Item]) -> [Result<Outcome, CollectionStoreError>]

    private struct Waiting: Sendable {
        var item: Item
        var continuation: CheckedContinuation<Result<Outcome, CollectionStoreError>, Never>
    }

    private struct State: Sendable {
        var waiting: [Waiting] = []
        var draining = false
    }

    /// At most this many items in one transaction.
    let maximumBatch: Int
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "junheng.group-commit")
    private let writer: Writer

    init(maximumBatch: Int = 1_024, writer: @escaping Writer) {
        self.maximumBatch = maximumBatch
        self.writer = writer
    }

    /// Queues `item` and returns its outcome once its transaction has committed.
    func submit(_ item: Item) async throws(CollectionStoreError) -> Outcome {
        let result = await withCheckedContinuation { continuation in
            let start = state.withLock { state in
                state.waiting.append(Waiting(item: item, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if start { queue.async { self.drain() } }
        }
        return try result.get()
    }

    private func drain() {
        while true {
            let batch: [Waiting] = state.withLock { state in
                if state.waiting.isEmpty {
                    state.draining = false
                    return []
                }
                let count = min(state.waiting.count, maximumBatch)
                let batch = Array(state.waiting.prefix(count))
                state.waiting.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            let results = writer(batch.map(\.item))
            precondition(results.count == batch.count, "one result per item")
            for (waiting, result) in zip(batch, results) { waiting.continuation.resume(returning: result) }
        }
    }
}
