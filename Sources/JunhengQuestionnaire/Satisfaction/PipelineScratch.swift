import JunhengStatistics

/// A growable run of plain values (integers, small structs of integers) behind a raw pointer: read and
/// written per response with no reference counting, copy-on-write or exclusivity checks. The owner
/// (``PipelineScratch``) frees it; `Element` must be a trivial type (no references).
struct PodBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    var count: Int
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if _slowPath(count == capacity) { grow(to: capacity * 2) }
        (base + count).initialize(to: value)
        count += 1
    }

    mutating func append(repeating value: Element, count added: Int) {
        if count + added > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + added { newCapacity *= 2 }
            grow(to: newCapacity)
        }
        (base + count).initialize(repeating: value, count: added)
        count += added
    }

    @inline(never)
    private mutating func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Fills every element with `value`.
    @inline(__always)
    func fill(_ value: Element) { base.update(repeating: value, count: count) }

    func copy() -> PodBuffer {
        var other = PodBuffer(capacity: capacity)
        other.base.initialize(from: base, count: count)
        other.count = count
        return other
    }

    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func free() { base.deallocate() }
}

/// Running sums of one stratum's respondents for a ``ClusteredRatioInterval``, kept as whole numbers
/// (Σ clusters, Σy, Σm, Σy², Σm², Σym). Every term is a whole number, so these sums converted to
/// `Double` equal the interval's own running `Double` sums exactly (below 2⁵³), in any order.
struct StratumSum {
    var clusters = 0
    var positive = 0
    var answered = 0
    var sumY2 = 0
    var sumM2 = 0
    var sumYM = 0

    /// One respondent with `y` positive of `m` valid answers (`m > 0`, `0 ≤ y ≤ m`).
    @inline(__always)
    mutating func add(positive y: Int, answered m: Int) {
        clusters += 1
        positive += y
        answered += m
        sumY2 += y * y
        sumM2 += m * m
        sumYM += y * m
    }

    var interval: ClusteredRatioInterval {
        ClusteredRatioInterval(
            clusters: clusters, positive: positive, answered: answered, sumY2: Double(sumY2),
            sumM2: Double(sumM2), sumYM: Double(sumYM))
    }
}

/// One exact value of a reader (``WjxColumnReader/keys``) with its first and last eight bytes as
/// words, so a cell is matched by comparing a length and two words (plus the middle bytes for values
/// longer than 16 bytes).
struct PlanKey {
    var first: UInt64
    var last: UInt64
    var count: Int32
    var option: Int32
    /// Where its bytes start in the plan's key bytes.
    var start: Int32

    /// The two words of `count` bytes at `bytes`: for 8 bytes or more the first and the last eight
    /// (together all of a value up to 16 bytes); for 4–7 the first and last four in one word; fewer,
    /// the bytes themselves. Together with the length they identify a value of up to 16 bytes.
    @inline(__always)
    static func words(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(bytes)
        if count >= 8 {
            return (
                raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            )
        }
        if count >= 4 {
            return (
                UInt64(raw.loadUnaligned(as: UInt32.self))
                    | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32, 0
            )
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return (word, 0)
    }
}

/// The pipeline's per-response working state and running counters, in one block of plain memory the
/// per-record loop writes to directly. ``SatisfactionPipeline`` copies it before writing when the
/// pipeline value was copied (`isKnownUniquelyReferenced`), so the pipeline keeps value semantics.
final class PipelineScratch: @unchecked Sendable {
    struct State {
        /// The current file's readers (``SatisfactionPipeline/ReaderPlan``), their keys and key bytes.
        var plans: PodBuffer<SatisfactionPipeline.ReaderPlan>
        var keys: PodBuffer<PlanKey>
        var keyBytes: PodBuffer<UInt8>
        /// Per item: answered with a counted option (0/1), positive (0/1); per dimension: sums.
        var itemAnswered: PodBuffer<Int>
        var itemPositive: PodBuffer<Int>
        var dimensionAnswered: PodBuffer<Int>
        var dimensionPositive: PodBuffer<Int>
        /// Flat option numbers chosen by the current response.
        var chosen: PodBuffer<Int>
        /// Per flat option: used responses that chose it.
        var optionCounts: PodBuffer<Int>
        /// Used responses per group value number.
        var usedByGroup: PodBuffer<Int>
        /// Stratum table: packed keys (group | township << 32, school | grade << 32) per stratum, and
        /// an open-addressing index (stratum + 1, 0 = empty; a power of two, at most half full).
        var stratumKeys: PodBuffer<(UInt64, UInt64)>
        var stratumSlots: PodBuffer<Int32>
        /// Per stratum, `stride` sums: the response's total, each item, each dimension.
        var sums: PodBuffer<StratumSum>

        func copy() -> State {
            State(
                plans: plans.copy(), keys: keys.copy(), keyBytes: keyBytes.copy(), itemAnswered: itemAnswered.copy(),
                itemPositive: itemPositive.copy(), dimensionAnswered: dimensionAnswered.copy(),
                dimensionPositive: dimensionPositive.copy(), chosen: chosen.copy(), optionCounts: optionCounts.copy(),
                usedByGroup: usedByGroup.copy(), stratumKeys: stratumKeys.copy(), stratumSlots: stratumSlots.copy(),
                sums: sums.copy())
        }

        func free() {
            plans.free()
            keys.free()
            keyBytes.free()
            itemAnswered.free()
            itemPositive.free()
            dimensionAnswered.free()
            dimensionPositive.free()
            chosen.free()
            optionCounts.free()
            usedByGroup.free()
            stratumKeys.free()
            stratumSlots.free()
            sums.free()
        }

        /// The stratum of a packed key, added (with `stride` empty sums) when new.
        @inline(__always)
        mutating func stratum(_ key: (UInt64, UInt64), stride: Int) -> (index: Int, isNew: Bool) {
            var mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F)
            mixed ^= mixed >> 29
            let mask = stratumSlots.count - 1
            var slot = Int(truncatingIfNeeded: mixed) & mask
            while true {
                let entry = Int(stratumSlots[slot])
                if entry == 0 { break }
                let stored = stratumKeys[entry - 1]
                if stored.0 == key.0, stored.1 == key.1 { return (entry - 1, false) }
                slot = (slot + 1) & mask
            }
            let index = stratumKeys.count
            stratumKeys.append(key)
            sums.append(repeating: StratumSum(), count: stride)
            stratumSlots[slot] = Int32(index + 1)
            if stratumKeys.count * 2 > stratumSlots.count { rehash() }
            return (index, true)
        }

        private mutating func rehash() {
            let size = stratumSlots.count * 2
            stratumSlots.free()
            stratumSlots = PodBuffer(repeating: 0, count: size)
            let mask = size - 1
            for index in 0..<stratumKeys.count {
                let key = stratumKeys[index]
                var mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F)
                mixed ^= mixed >> 29
                var slot = Int(truncatingIfNeeded: mixed) & mask
                while stratumSlots[slot] != 0 { slot = (slot + 1) & mask }
                stratumSlots[slot] = Int32(index + 1)
            }
        }
    }

    let state: UnsafeMutablePointer<State>

    init(items: Int, dimensions: Int, options: Int, values: Int) {
        state = .allocate(capacity: 1)
        state.initialize(
            to: State(
                plans: PodBuffer(capacity: 64), keys: PodBuffer(capacity: 256), keyBytes: PodBuffer(capacity: 2048),
                itemAnswered: PodBuffer(repeating: 0, count: items),
                itemPositive: PodBuffer(repeating: 0, count: items),
                dimensionAnswered: PodBuffer(repeating: 0, count: dimensions),
                dimensionPositive: PodBuffer(repeating: 0, count: dimensions), chosen: PodBuffer(capacity: 64),
                optionCounts: PodBuffer(repeating: 0, count: options),
                usedByGroup: PodBuffer(repeating: 0, count: values),
                stratumKeys: PodBuffer(capacity: 64), stratumSlots: PodBuffer(repeating: 0, count: 64),
                sums: PodBuffer(capacity: 1024)))
    }

    private init(copying other: PipelineScratch) {
        state = .allocate(capacity: 1)
        state.initialize(to: other.state.pointee.copy())
    }

    func copy() -> PipelineScratch { PipelineScratch(copying: self) }

    deinit {
        state.pointee.free()
        state.deinitialize(count: 1)
        state.deallocate()
    }
}
