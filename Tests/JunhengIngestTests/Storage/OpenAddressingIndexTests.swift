import JunhengCore
@_spi(Storage) import JunhengIngest
import Testing

/// `OpenAddressingIndex` against a `Set` of the same keys, with a slot whose hash the test chooses: well
/// mixed, colliding on purpose (equal high bits: one home for all), or homed on the last slot (probes wrap).
@Suite struct OpenAddressingIndexTests {
    /// A key (0: empty) and the hash the test gives it.
    struct Slot: IndexSlot, Equatable {
        var key: UInt32
        var hash: UInt64

        static var empty: Slot { Slot(key: 0, hash: 0) }
        var isEmpty: Bool { key == 0 }
    }

    /// How the keys of a test are hashed.
    enum Hashing: CaseIterable {
        /// SplitMix64 of the key.
        case mixed
        /// The same top 32 bits for all, the key in the low bits: every key starts on one slot.
        case sameHome
        /// Near 2⁶⁴: every key starts on the last slot, so its probes wrap to slot 0.
        case lastSlot

        func hash(_ key: UInt32) -> UInt64 {
            switch self {
            case .mixed:
                var generator = SplitMix64(seed: UInt64(key))
                return generator.next()
            case .sameHome: return 0x5A5A_5A5A_0000_0000 | UInt64(key)
            case .lastSlot: return UInt64.max - UInt64(key)
            }
        }
    }

    func slot(_ key: UInt32, _ hashing: Hashing) -> Slot { Slot(key: key, hash: hashing.hash(key)) }

    /// Looks `key` up, its slot asked for first (as the duplicate screen does: a hint that changes nothing).
    func find(_ key: UInt32, _ hashing: Hashing, in index: borrowing OpenAddressingIndex<Slot>) -> Slot? {
        index.prefetch(hash: hashing.hash(key))
        return index.first(hash: hashing.hash(key), where: { $0.key == key })
    }

    func held(_ index: borrowing OpenAddressingIndex<Slot>) -> [UInt32] {
        var keys: [UInt32] = []
        index.forEachSlot { keys.append($0.key) }
        return keys
    }

    @Test func capacityIsWhatTheLoadAllows() {
        // ⌈capacity × 100 / load⌉ slots, at least 4.
        #expect(OpenAddressingIndex<Slot>().capacity == 11)  // ⌈800 / 75⌉
        #expect(OpenAddressingIndex<Slot>(capacity: 0).capacity == 4)
        #expect(OpenAddressingIndex<Slot>(capacity: 1).capacity == 4)
        #expect(OpenAddressingIndex<Slot>(capacity: 100, maxLoadPercent: 50).capacity == 200)
        #expect(OpenAddressingIndex<Slot>(capacity: 100, maxLoadPercent: 80).capacity == 125)
        #expect(OpenAddressingIndex<Slot>(capacity: 10, maxLoadPercent: 95).capacity == 11)  // ⌈1000 / 95⌉
        let index = OpenAddressingIndex<Slot>(capacity: 100, maxLoadPercent: 80)
        #expect(index.count == 0 && index.reservedBytes == 125 * MemoryLayout<Slot>.stride)
        #expect(find(1, .mixed, in: index) == nil && held(index).isEmpty)
    }

    @Test(arguments: Hashing.allCases, [50, 75, 95])
    func everyKeyIsFoundAfterGrowing(hashing: Hashing, load: Int) {
        var index = OpenAddressingIndex<Slot>(capacity: 1, maxLoadPercent: load)
        var model = Set<UInt32>()
        var random = SplitMix64(seed: 21)
        for _ in 0..<600 {
            let key = UInt32.random(in: 1...100_000, using: &random)
            if model.insert(key).inserted { index.insert(slot(key, hashing)) }
            // Never fuller than the load allows, so an empty slot always ends a probe.
            #expect(index.count == model.count && index.count * 100 <= index.capacity * load)
        }
        for key in model { #expect(find(key, hashing, in: index) == slot(key, hashing)) }
        for key: UInt32 in 100_001...100_200 { #expect(find(key, hashing, in: index) == nil) }
        #expect(held(index).sorted() == model.sorted())
    }

    @Test func growingAddsHalfAndFour() {
        // 11 slots hold 8 (75 %); the 9th grows them to 11 + 5 + 4 = 20, which hold 15; the 16th to 34.
        var index = OpenAddressingIndex<Slot>(capacity: 8)
        var capacities: [Int] = []
        for key: UInt32 in 1...16 {
            index.insert(slot(key, .sameHome))
            capacities.append(index.capacity)
        }
        #expect(capacities == Array(repeating: 11, count: 8) + Array(repeating: 20, count: 7) + [34])
        #expect(held(index).sorted() == Array(1...16))
    }

    @Test(arguments: Hashing.allCases)
    func firstOrInsertInsertsOnceAndReturnsWhatIsHeld(hashing: Hashing) {
        var index = OpenAddressingIndex<Slot>(capacity: 4)
        var made = 0
        for round in 0..<3 {
            for key: UInt32 in 1...50 {
                let hash = hashing.hash(key)
                let (found, inserted) = index.firstOrInsert(
                    hash: hash, where: { $0.key == key },
                    make: {
                        made += 1
                        return Slot(key: key, hash: hash)
                    })
                #expect(found == slot(key, hashing) && inserted == (round == 0), "key \(key), round \(round)")
            }
        }
        #expect(made == 50 && index.count == 50 && index.count * 100 <= index.capacity * 75)
    }

    @Test func theFirstMatchOnTheProbeIsReturned() {
        // Two slots with one hash: the predicate decides which is found; a miss stops at the empty slot.
        var index = OpenAddressingIndex<Slot>(capacity: 8)
        index.insert(Slot(key: 1, hash: 42 << 56))
        index.insert(Slot(key: 2, hash: 42 << 56))
        #expect(index.first(hash: 42 << 56, where: { $0.key == 2 })?.key == 2)
        #expect(index.first(hash: 42 << 56, where: { _ in true })?.key == 1)
        #expect(index.first(hash: 42 << 56, where: { $0.key == 3 }) == nil)
        #expect(index.first(hash: 15 << 60, where: { _ in true }) == nil)
    }

    @Test func reserveMakesRoomSoFillingDoesNotGrow() {
        var index = OpenAddressingIndex<Slot>(capacity: 2)
        index.insert(slot(7, .mixed))
        index.reserve(1000)
        #expect(index.capacity >= 1334)  // ⌈1000 × 100 / 75⌉
        let reserved = index.capacity
        #expect(find(7, .mixed, in: index) == slot(7, .mixed))
        for key: UInt32 in 100..<1099 { index.insert(slot(key, .mixed)) }
        #expect(index.count == 1000 && index.capacity == reserved)
        index.reserve(10)
        #expect(index.capacity == reserved)
        for key: UInt32 in 100..<1099 { #expect(find(key, .mixed, in: index) != nil) }
    }

    @Test(arguments: Hashing.allCases)
    func aCloneHasItsOwnSlots(hashing: Hashing) {
        var original = OpenAddressingIndex<Slot>(capacity: 4, maxLoadPercent: 60)
        for key: UInt32 in 1...30 { original.insert(slot(key, hashing)) }
        var copy = original.clone()
        #expect(copy.count == 30 && copy.capacity == original.capacity)
        for key: UInt32 in 31...80 { copy.insert(slot(key, hashing)) }
        original.insert(slot(500, hashing))
        #expect(original.count == 31 && copy.count == 80)
        #expect(held(original).sorted() == Array(1...30) + [500])
        #expect(held(copy).sorted() == Array(1...80))
        // The clone keeps the load: it grows under 60 % as the original does.
        #expect(copy.count * 100 <= copy.capacity * 60)
    }

    @Test(arguments: Hashing.allCases)
    func forEachSlotVisitsEachEntryOnce(hashing: Hashing) {
        var index = OpenAddressingIndex<Slot>(capacity: 3)
        var random = SplitMix64(seed: 22)
        var model = Set<UInt32>()
        for _ in 0..<300 {
            let key = UInt32.random(in: 1...UInt32.max, using: &random)
            if model.insert(key).inserted { index.insert(slot(key, hashing)) }
        }
        let visited = held(index)
        #expect(visited.count == model.count && Set(visited) == model)
    }

    @Test func forEachSlotStopsAtAThrownError() {
        struct Stop: Error {}
        var index = OpenAddressingIndex<Slot>(capacity: 10)
        for key: UInt32 in 1...10 { index.insert(slot(key, .mixed)) }
        var calls = 0
        #expect(throws: Stop.self) {
            try index.forEachSlot { (_: Slot) throws(Stop) in
                calls += 1
                if calls == 3 { throw Stop() }
            }
        }
        #expect(calls == 3)
    }
}
