@_spi(Storage) import JunhengIngest
import JunhengStatistics

/// One combination of a respondent's grouping values: group, township, school and grade, as value numbers
/// (``QuestionnaireLayout/values``, then the free-text values of a ``ResponseTally``).
struct StratumKey: Hashable, BitwiseCopyable {
    var group: Int32
    var township: Int32
    var school: Int32
    var grade: Int32

    /// A 64-bit hash of the four numbers, well mixed in its high bits (they place it in the index).
    var hash: UInt64 {
        let a = UInt64(UInt32(bitPattern: group)) | UInt64(UInt32(bitPattern: township)) << 32
        let b = UInt64(UInt32(bitPattern: school)) | UInt64(UInt32(bitPattern: grade)) << 32
        var mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 32)
    }
}

/// Running sums of one stratum's respondents for a ``ClusteredRatioInterval``, kept as whole numbers
/// (Σ clusters, Σy, Σm, Σy², Σm², Σym). Every term is a whole number, so these sums converted to
/// `Double` equal the interval's own running `Double` sums exactly (below 2⁵³), in any order: strata
/// summed in another order, or chunks of a file merged, give the same figures to the last bit.
struct StratumSum: BitwiseCopyable {
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

    /// Adds another stratum's sums (the same respondents' cell, counted elsewhere).
    mutating func add(_ other: StratumSum) {
        clusters += other.clusters
        positive += other.positive
        answered += other.answered
        sumY2 += other.sumY2
        sumM2 += other.sumM2
        sumYM += other.sumYM
    }

    var interval: ClusteredRatioInterval {
        ClusteredRatioInterval(
            clusters: clusters, positive: positive, answered: answered, sumY2: Double(sumY2),
            sumM2: Double(sumM2), sumYM: Double(sumYM))
    }
}

/// The running sums of every stratum seen: `stride` ``StratumSum``s per stratum (the response's total,
/// each item, each dimension), found by key through an ``OpenAddressingIndex``; every cell of every
/// breakdown is a sum of strata, made at the end.
struct StratumTable: ~Copyable {
    /// A 32-bit tag of the key's hash and the stratum's number + 1 (0: empty).
    struct Slot: IndexSlot {
        var tag: UInt32
        var stratum: UInt32

        static var empty: Slot { Slot(tag: 0, stratum: 0) }
        var isEmpty: Bool { stratum == 0 }
        var hash: UInt64 { UInt64(tag) << 32 | UInt64(tag) }
    }

    let stride: Int
    private(set) var keys = PlainBuffer<StratumKey>(capacity: 64)
    private var sums: PlainBuffer<StratumSum>
    private var index = OpenAddressingIndex<Slot>(capacity: 64)

    init(stride: Int) {
        self.stride = stride
        sums = PlainBuffer(capacity: 64 * stride)
    }

    /// Strata held.
    var count: Int { keys.count }

    /// The number of `key`'s stratum, added (with `stride` empty sums) when new.
    @inline(__always)
    mutating func stratum(_ key: StratumKey) -> Int {
        let tag = UInt32(truncatingIfNeeded: key.hash >> 32)
        let hash = Slot(tag: tag, stratum: 1).hash
        if let found = index.first(hash: hash, where: { $0.tag == tag && keys[Int($0.stratum) - 1] == key }) {
            return Int(found.stratum) - 1
        }
        keys.append(key)
        sums.append(repeating: StratumSum(), count: stride)
        index.insert(Slot(tag: tag, stratum: UInt32(keys.count)))
        return keys.count - 1
    }

    /// Sum `offset` (0: the response's total, 1 + item, 1 + items + dimension) of stratum `stratum`.
    @inline(__always)
    subscript(stratum: Int, offset: Int) -> StratumSum {
        get { sums[stratum * stride + offset] }
        set { sums[stratum * stride + offset] = newValue }
    }

    /// Adds every stratum of `other`, its value numbers renumbered by `renumber`.
    mutating func absorb(_ other: borrowing StratumTable, renumber: (Int32) -> Int32) {
        precondition(other.stride == stride, "strata of one questionnaire")
        for source in 0..<other.count {
            let key = other.keys[source]
            let target = stratum(
                StratumKey(
                    group: renumber(key.group), township: renumber(key.township), school: renumber(key.school),
                    grade: renumber(key.grade)))
            for offset in 0..<stride { self[target, offset].add(other[source, offset]) }
        }
    }

    /// Every stratum's sums as intervals, `stride` a stratum, in the order of ``keys``.
    var intervals: [ClusteredRatioInterval] { sums.array.map(\.interval) }

    func clone() -> StratumTable {
        var copy = StratumTable(stride: stride)
        copy.keys = keys.clone()
        copy.sums = sums.clone()
        copy.index = index.clone()
        return copy
    }
}
