import Foundation

/// A bounded, ordered hand-over of values from one producer thread to one consumer: the producer waits
/// while ``capacity`` values are in flight, so memory holds at most that many whatever the producer makes.
///
/// The producer calls ``send(_:)`` for each value, then ``finish(throwing:)`` once (with its error when it
/// stopped early). The consumer calls ``receive()`` until it returns `nil` (the end) or throws (the
/// producer's error, after every value sent before it), or stops early with ``cancel()``: the values in
/// flight are dropped and the producer's next (or waiting) ``send(_:)`` throws ``Cancelled``, so a
/// producer that lets that error through ends by itself. ``waitUntilFinished()`` waits for the producer's
/// ``finish(throwing:)``, after which it touches nothing the consumer owns.
///
/// Every state change happens under one lock and wakes every waiter, and nothing is left to dispose when
/// the channel goes away, whatever point either side stopped at (unlike a counting semaphore, which
/// libdispatch refuses to free while its count is below its initial value).
public final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
    /// What ``send(_:)`` throws once the consumer has cancelled.
    public struct Cancelled: Error, Hashable {
        public init() {}
    }

    /// The most values in flight (sent, not yet received).
    public let capacity: Int

    // Guarded by `condition`.
    private let condition = NSCondition()
    /// In flight, oldest first (at most ``capacity``, so taking the first is cheap).
    private var values: [Element] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// - Parameter capacity: the most values in flight; at least 1.
    public init(capacity: Int) {
        precondition(capacity >= 1, "a channel holds at least one value")
        self.capacity = capacity
    }

    // MARK: - Producer

    /// Hands on `value`, waiting while ``capacity`` values are in flight.
    ///
    /// - Throws: ``Cancelled`` when the consumer has cancelled (before or while waiting).
    public func send(_ value: Element) throws(Cancelled) {
        condition.lock()
        defer { condition.unlock() }
        precondition(!finished, "a value sent after the producer finished")
        while values.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { throw Cancelled() }
        values.append(value)
        condition.broadcast()
    }

    /// The producer's end: no more values; `failure` is why it stopped early (the consumer receives it
    /// after the values sent before). Only the first call counts.
    public func finish(throwing failure: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        guard !finished else { return }
        finished = true
        self.failure = failure
        condition.broadcast()
    }

    // MARK: - Consumer

    /// The next value in the order sent, waiting for it; `nil` at the end, and after ``cancel()``.
    ///
    /// - Throws: the producer's failure, once every value sent before it has been received (and again
    ///   on every later call).
    public func receive() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while values.isEmpty, !finished, !cancelled { condition.wait() }
        if cancelled { return nil }
        if !values.isEmpty {
            condition.broadcast()
            return values.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer early: drops the values in flight; its next ``send(_:)`` throws ``Cancelled``.
    public func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        values.removeAll()
        condition.broadcast()
    }

    /// Waits until the producer has called ``finish(throwing:)``.
    public func waitUntilFinished() {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
    }

    /// Whether the producer has called ``finish(throwing:)``.
    public var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return finished
    }
}
