import Foundation
import JunhengCore
import Synchronization
import Testing

/// The channel between a producer thread and its consumer: order, the bound, the producer's error at
/// each point, and the consumer stopping at each point.
@Suite struct BoundedChannelTests {
    struct Broken: Error, Equatable {
        var after: Int
    }

    /// Everything the producer did, seen from the test thread.
    final class Record: Sendable {
        private let sentCount = Atomic<Int>(0)
        private let sawCancel = Atomic<Bool>(false)
        private let sawEnd = Atomic<Bool>(false)

        /// Values sent.
        var sent: Int { sentCount.load(ordering: .sequentiallyConsistent) }
        /// Whether a send threw because the consumer stopped.
        var cancelled: Bool { sawCancel.load(ordering: .sequentiallyConsistent) }
        /// Whether the producer's body has returned or thrown.
        var ended: Bool { sawEnd.load(ordering: .sequentiallyConsistent) }

        func didSend() { sentCount.add(1, ordering: .sequentiallyConsistent) }
        func didSeeCancel() { sawCancel.store(true, ordering: .sequentiallyConsistent) }
        func didEnd() { sawEnd.store(true, ordering: .sequentiallyConsistent) }
    }

    /// A producer of `0..<count` that throws `Broken` after `failAfter` values, when given.
    static func producer(count: Int, capacity: Int, failAfter: Int? = nil, record: Record = Record())
        -> BackgroundProducer<Int>
    {
        BackgroundProducer(name: "test-producer", capacity: capacity) { send in
            defer { record.didEnd() }
            for value in 0..<count {
                if value == failAfter { throw Broken(after: value) }
                do {
                    try send(value)
                } catch {
                    record.didSeeCancel()
                    throw error
                }
                record.didSend()
            }
            if failAfter == count { throw Broken(after: count) }
        }
    }

    /// Waits (up to 5 s) for `condition`, polling.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return true
    }

    // MARK: - Order and bound

    @Test(arguments: [1, 2, 4, 64])
    func valuesArriveInOrder(capacity: Int) throws {
        let producer = Self.producer(count: 10_000, capacity: capacity)
        var received: [Int] = []
        while let value = try producer.next() { received.append(value) }
        #expect(received == Array(0..<10_000))
        // The end stays the end.
        #expect(try producer.next() == nil)
        #expect(try producer.next() == nil)
    }

    @Test func anEmptyProducerEndsAtOnce() throws {
        let producer = Self.producer(count: 0, capacity: 3)
        #expect(try producer.next() == nil)
    }

    /// A producer of 100 values before a consumer that takes none reads ahead exactly `capacity`, then
    /// waits; each value taken lets it make one more.
    @Test(arguments: [1, 3])
    func theProducerWaitsAtTheCapacity(capacity: Int) throws {
        let record = Record()
        let producer = Self.producer(count: 100, capacity: capacity, record: record)
        #expect(Self.eventually { record.sent == capacity })
        Thread.sleep(forTimeInterval: 0.05)
        #expect(record.sent == capacity)
        #expect(try producer.next() == 0)
        #expect(Self.eventually { record.sent == capacity + 1 })
        Thread.sleep(forTimeInterval: 0.05)
        #expect(record.sent == capacity + 1)
        #expect(!producer.isFinished)
    }

    // MARK: - The producer's error, at each point

    /// Failing before any value, after some, and after the last: the consumer takes every value sent
    /// before the error, then the error, and the error again on every later call.
    @Test(arguments: 0...6)
    func aProducersErrorComesAfterItsValues(failAfter: Int) throws {
        let producer = Self.producer(count: 6, capacity: 2, failAfter: failAfter)
        var received: [Int] = []
        #expect(throws: Broken(after: failAfter)) {
            while let value = try producer.next() { received.append(value) }
        }
        #expect(received == Array(0..<failAfter))
        #expect(throws: Broken(after: failAfter)) { _ = try producer.next() }
    }

    /// The channel alone: an error given at `finish` after values still sitting in the channel.
    @Test func anErrorAtFinishWaitsBehindTheValuesInFlight() throws {
        let channel = BoundedChannel<String>(capacity: 3)
        try channel.send("a")
        try channel.send("b")
        channel.finish(throwing: Broken(after: 2))
        channel.finish()  // only the first finish counts
        #expect(try channel.receive() == "a")
        #expect(try channel.receive() == "b")
        #expect(throws: Broken(after: 2)) { _ = try channel.receive() }
        #expect(channel.isFinished)
    }

    // MARK: - The consumer stopping early, at each point

    /// Stopping after taking 0…10 of 10 values, with values in flight or not, with the producer waiting or
    /// finished: `stop()` returns once the producer has ended, a producer still sending was told so, and
    /// nothing is received afterwards.
    @Test(arguments: 0...10)
    func theConsumerStopsEarly(taken: Int) throws {
        let record = Record()
        let producer = Self.producer(count: 10, capacity: 2, record: record)
        for expected in 0..<taken { #expect(try producer.next() == expected) }
        producer.stop()
        #expect(producer.isFinished)
        #expect(record.ended)
        #expect(try producer.next() == nil)
        // Had it been waiting to send, it learned of the stop; it sent no more than it had room for.
        let sent = record.sent
        #expect(sent <= taken + 2)
        if sent < 10 { #expect(record.cancelled) }
        producer.stop()  // twice is harmless
    }

    /// A consumer that goes away without stopping (an error thrown past it) stops the producer too, and
    /// waits for it: the values in flight are dropped with the channel.
    @Test(arguments: [0, 1, 5])
    func aConsumerThatGoesAwayStopsTheProducer(taken: Int) throws {
        let record = Record()
        do {
            let producer = Self.producer(count: 1_000, capacity: 4, record: record)
            for expected in 0..<taken { #expect(try producer.next() == expected) }
            #expect(Self.eventually { record.sent == taken + 4 })
        }
        #expect(record.ended)
        #expect(record.cancelled)
    }

    /// Cancelling the channel alone: the producer's waiting send throws, later sends throw, and the
    /// consumer receives nothing more.
    @Test func cancellingWakesAWaitingProducer() throws {
        let channel = BoundedChannel<Int>(capacity: 1)
        try channel.send(1)
        let outcome = Mutex<Result<Void, BoundedChannel<Int>.Cancelled>?>(nil)
        let thread = Thread {
            let result = Result { () throws(BoundedChannel<Int>.Cancelled) in try channel.send(2) }
            outcome.withLock { $0 = result }
            channel.finish()
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.02)
        #expect(outcome.withLock { $0 } == nil)  // waiting for room
        channel.cancel()
        channel.waitUntilFinished()
        #expect(outcome.withLock { $0.map { (try? $0.get()) == nil } } == true)
        #expect(try channel.receive() == nil)
    }

    @Test func aSendAfterCancellingThrows() throws {
        let channel = BoundedChannel<Int>(capacity: 2)
        try channel.send(1)
        channel.cancel()
        #expect(throws: BoundedChannel<Int>.Cancelled()) { try channel.send(2) }
        #expect(try channel.receive() == nil)
    }
}
