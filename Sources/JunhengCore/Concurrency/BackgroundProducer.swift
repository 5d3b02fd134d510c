import Foundation

/// A producer run on a thread of its own, handing its values to the consumer through a
/// ``BoundedChannel``: the thread reads ahead by at most `capacity` values while the consumer works.
///
/// `produce` is given a `send` function; whatever it throws (or its return) finishes the channel, so the
/// consumer always sees the end. ``stop()`` (and `deinit`) cancels the channel and waits for the thread's
/// end, so no producer outlives its consumer, whichever side stopped first and wherever it stopped: in
/// the middle of a value, with values in flight, after an error, or after the end.
public final class BackgroundProducer<Element: Sendable>: Sendable {
    private let channel: BoundedChannel<Element>

    /// Starts `produce` on a new thread named `name`.
    ///
    /// - Parameters:
    ///   - capacity: the most values made but not yet taken.
    ///   - produce: makes the values, handing each to `send`, which waits for room and throws
    ///     ``BoundedChannel/Cancelled`` once the consumer has stopped (let it through).
    public init(
        name: String, capacity: Int,
        produce: @escaping @Sendable (_ send: (Element) throws -> Void) throws -> Void
    ) {
        let channel = BoundedChannel<Element>(capacity: capacity)
        self.channel = channel
        let thread = Thread {
            do {
                try produce { value in try channel.send(value) }
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        thread.name = name
        thread.start()
    }

    /// The next value, `nil` at the end (and after ``stop()``).
    ///
    /// - Throws: what `produce` threw, after every value it sent before.
    public func next() throws -> Element? {
        try channel.receive()
    }

    /// Stops the producer and waits for its thread to finish; the values in flight are dropped.
    public func stop() {
        channel.cancel()
        channel.waitUntilFinished()
    }

    /// Whether the producer has finished (its values may still be in flight).
    public var isFinished: Bool { channel.isFinished }

    deinit {
        stop()
    }
}
