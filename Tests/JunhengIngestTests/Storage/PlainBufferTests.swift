import JunhengCore
@_spi(Storage) import JunhengIngest
import Testing

/// `PlainBuffer` against `Array` doing the same things. Memory errors (a read past the end, a double free,
/// a leak) are what `make asan` catches over these tests; here every method's result is checked.
@Suite struct PlainBufferTests {
    struct Pair: BitwiseCopyable, Equatable {
        var start: Int
        var count: Int32
    }

    @Test func emptyBuffersHoldRoomForAtLeastOne() {
        let none = PlainBuffer<Int>(capacity: 0)
        #expect(none.count == 0 && none.isEmpty && none.capacity == 1 && none.array == [])
        let some = PlainBuffer<UInt32>(capacity: 10)
        #expect(some.capacity == 10 && some.reservedBytes == 40 && some.isEmpty)
        let pairs = PlainBuffer<Pair>(capacity: 3)
        #expect(pairs.reservedBytes == 3 * MemoryLayout<Pair>.stride)
    }

    @Test func repeatingHoldsItsCopies() {
        #expect(PlainBuffer(repeating: 7 as UInt8, count: 5).array == [7, 7, 7, 7, 7])
        let empty = PlainBuffer(repeating: 7 as UInt8, count: 0)
        #expect(empty.isEmpty && empty.capacity == 1)
    }

    @Test func appendingOneAtATimeKeepsEveryValue() {
        var buffer = PlainBuffer<Int>(capacity: 1)
        var model: [Int] = []
        for value in 0..<1000 {
            buffer.append(value * 3)
            model.append(value * 3)
            #expect(buffer.count == model.count && buffer.capacity >= buffer.count)
        }
        #expect(buffer.array == model)
        #expect(buffer.reservedBytes == buffer.capacity * MemoryLayout<Int>.stride)
        for index in [0, 1, 15, 16, 17, 511, 999] { #expect(buffer[index] == model[index]) }
    }

    @Test func growingDoublesFromSixteen() {
        // Worked out from the rule: at least 16, then twice the capacity until the count fits.
        var buffer = PlainBuffer<UInt8>(capacity: 1)
        buffer.append(1)
        #expect(buffer.capacity == 1)
        buffer.append(2)
        #expect(buffer.capacity == 16)
        buffer.append(repeating: 0, count: 15)
        #expect(buffer.capacity == 32 && buffer.count == 17)
        buffer.append(repeating: 9, count: 100)
        #expect(buffer.capacity == 128 && buffer.count == 117)
    }

    @Test func appendingRunsAndBuffersMatchesTheModel() {
        var random = SplitMix64(seed: 11)
        var buffer = PlainBuffer<UInt16>(capacity: 2)
        var model: [UInt16] = []
        for step in 0..<300 {
            let count = Int.random(in: 0...70, using: &random)
            if step % 2 == 0 {
                let value = UInt16(step)
                buffer.append(repeating: value, count: count)
                model += Array(repeating: value, count: count)
            } else {
                let values = (0..<count).map { _ in UInt16.random(in: 0...UInt16.max, using: &random) }
                values.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
                model += values
            }
        }
        #expect(buffer.array == model)
        buffer.append(contentsOf: UnsafeBufferPointer(start: nil, count: 0))
        #expect(buffer.count == model.count)
    }

    @Test func subscriptWritesAndMutableBufferWrites() {
        var buffer = PlainBuffer(repeating: Pair(start: 0, count: 0), count: 4)
        buffer[2] = Pair(start: 20, count: 2)
        #expect(buffer[2] == Pair(start: 20, count: 2) && buffer[1] == Pair(start: 0, count: 0))
        buffer.withUnsafeMutableBufferPointer { elements in
            #expect(elements.count == 4)
            for index in elements.indices { elements[index].start += index }
        }
        #expect(buffer.array.map(\.start) == [0, 1, 22, 3])
        let sum = buffer.withUnsafeBufferPointer { $0.reduce(0) { $0 + $1.start } }
        #expect(sum == 26)
    }

    @Test func removeAllAndTruncateKeepTheMemory() {
        var buffer = PlainBuffer<Int>(capacity: 4)
        for value in 1...40 { buffer.append(value) }
        let capacity = buffer.capacity
        buffer.truncate(to: 25)
        #expect(buffer.array == Array(1...25) && buffer.capacity == capacity)
        buffer.truncate(to: 25)
        #expect(buffer.count == 25)
        buffer.append(99)
        #expect(buffer[25] == 99 && buffer.count == 26)
        buffer.truncate(to: 0)
        #expect(buffer.count == 0)
        buffer.append(5)
        buffer.removeAll()
        #expect(buffer.isEmpty && buffer.capacity == capacity)
    }

    @Test func fillSetsOnlyTheHeldElements() {
        var buffer = PlainBuffer<UInt8>(capacity: 8)
        buffer.append(repeating: 1, count: 6)
        buffer.truncate(to: 3)
        buffer.fill(4)
        #expect(buffer.array == [4, 4, 4])
        buffer.append(repeating: 2, count: 2)
        #expect(buffer.array == [4, 4, 4, 2, 2])
        PlainBuffer<UInt8>(capacity: 0).fill(1)
    }

    @Test func reserveMakesRoomAndKeepsTheValues() {
        var buffer = PlainBuffer<Int>(capacity: 4)
        buffer.append(repeating: 8, count: 3)
        buffer.reserve(2)
        #expect(buffer.capacity == 4)
        buffer.reserve(1000)
        #expect(buffer.capacity >= 1000 && buffer.array == [8, 8, 8])
        let reserved = buffer.capacity
        for value in 0..<997 { buffer.append(value) }
        #expect(buffer.capacity == reserved && buffer.count == 1000 && buffer[999] == 996)
    }

    @Test func shrinkGivesBackMemoryButNeverTheValues() {
        var buffer = PlainBuffer<Int>(capacity: 16)
        buffer.append(repeating: 1, count: 10_000)
        buffer.truncate(to: 10)
        buffer.shrink(toCapacity: 4)
        #expect(buffer.capacity == 10 && buffer.array == Array(repeating: 1, count: 10))
        buffer.shrink(toCapacity: 100)
        #expect(buffer.capacity == 10)
        buffer.append(2)
        #expect(buffer.count == 11 && buffer[10] == 2 && buffer.capacity >= 11)
        buffer.removeAll()
        buffer.shrink(toCapacity: 0)
        #expect(buffer.capacity == 1 && buffer.isEmpty)
        buffer.append(3)
        buffer.append(4)
        #expect(buffer.array == [3, 4])
    }

    @Test func aCloneHasItsOwnMemory() {
        var original = PlainBuffer<Int>(capacity: 4)
        for value in 0..<20 { original.append(value) }
        var copy = original.clone()
        #expect(copy.array == original.array && copy.capacity == original.capacity)
        copy[0] = -1
        copy.append(20)
        original[1] = -2
        #expect(original.array == [0, -2] + Array(2..<20))
        #expect(copy.array == [-1] + Array(1..<21))
        let emptyCopy = PlainBuffer<Int>(capacity: 0).clone()
        #expect(emptyCopy.count == 0)
    }

    /// Buffers made, moved, replaced and dropped in every way the owners do: each freed once (ASan checks).
    @Test func lifetimes() {
        func take(_ buffer: consuming PlainBuffer<UInt64>) -> Int { buffer.count }
        struct Owner: ~Copyable {
            var first = PlainBuffer<UInt64>(capacity: 2)
            var second = PlainBuffer<UInt32>(capacity: 0)
        }
        var total = 0
        for round in 0..<200 {
            var buffer = PlainBuffer<UInt64>(capacity: round % 5)
            buffer.append(repeating: UInt64(round), count: round)
            var replaced = PlainBuffer<UInt64>(capacity: 1)
            replaced.append(1)
            replaced = buffer.clone()  // the first one is freed here
            swap(&buffer, &replaced)
            total += take(buffer) + replaced.count
            var owner = Owner()
            owner.first.append(UInt64(round))
            owner.second = PlainBuffer(repeating: 1, count: round)
            total += owner.first.count + owner.second.count
            _ = consume owner
        }
        // Σ 2·round + (1 + round) over 0..<200.
        #expect(total == 3 * (199 * 200 / 2) + 200)
    }
}
