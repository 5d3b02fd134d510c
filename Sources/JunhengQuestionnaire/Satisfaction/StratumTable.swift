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
    init() {}

    init(clusters: Int, positive: Int, answered: Int, sumY2: Int, sumM2: Int, sumYM: Int) {
        self.clusters = clusters
        self.positive = positive
        self.answered = answered
        self.sumY2 = sumY2
        self.sumM2 = sumM2
        self.sumYM = sumYM
    }

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

/// Running sums of one item's respondents in one stratum. Each respondent gives the item one answer or
/// none (m_i = 1, y_i = 0 or 1), so its ``StratumSum`` is clusters = Σm = Σm² = n and positive = Σy = Σy² =
/// Σym: two numbers say it all, and a response adds to two counters per item instead of six.
struct ItemSum: BitwiseCopyable {
    var respondents = 0
    var positive = 0

    var sum: StratumSum {
        StratumSum(
            clusters: respondents, positive: positive, answered: respondents, sumY2: positive, sumM2: respondents,
            sumYM: positive)
    }
}

/// The running sums of every stratum seen: per stratum the response's total and each dimension
/// (``StratumSum``) and each item (``ItemSum``), found by key through an ``OpenAddressingIndex``; every
/// cell of every breakdown is a sum of strata, made at the end.
struct StratumTable: ~Copyable {
    /// A 32-bit tag of the key's hash and the stratum's number + 1 (0: empty).
    struct Slot: IndexSlot {
        var tag: UInt32
        var stratum: UInt32

        static var empty: Slot { Slot(tag: 0, stratum: 0) }
        var isEmpty: Bool { stratum == 0 }
        var hash: UInt64 { UInt64(tag) << 32 | UInt64(tag) }
    }

    let items: Int
    let dimensions: Int
    private(set) var keys = PlainBuffer<StratumKey>(capacity: 64)
    /// Per stratum: the total, then each dimension.
    private var sums: PlainBuffer<StratumSum>
    /// Per stratum: each item.
    private var itemSums: PlainBuffer<ItemSum>
    private var index = OpenAddressingIndex<Slot>(capacity: 64)

    init(items: Int, dimensions: Int) {
        self.items = items
        self.dimensions = dimensions
        sums = PlainBuffer(capacity: 64 * (1 + dimensions))
        itemSums = PlainBuffer(capacity: 64 * items)
    }

    /// Strata held.
    var count: Int { keys.count }
    /// Sums per stratum in ``intervals``: the total, each item, each dimension.
    var stride: Int { 1 + items + dimensions }

    /// The number of `key`'s stratum, added (with empty sums) when new.
    @inline(__always)
    mutating func stratum(_ key: StratumKey) -> Int {
        let tag = UInt32(truncatingIfNeeded: key.hash >> 32)
        let hash = Slot(tag: tag, stratum: 1).hash
        if let found = index.first(hash: hash, where: { $0.tag == tag && keys[Int($0.stratum) - 1] == key }) {
            return Int(found.stratum) - 1
        }
        keys.append(key)
        sums.append(repeating: StratumSum(), count: 1 + dimensions)
        itemSums.append(repeating: ItemSum(), count: items)
        index.insert(Slot(tag: tag, stratum: UInt32(keys.count)))
        return keys.count - 1
    }

    /// One respondent's `y` positive of `m` answers over all the items (`m > 0`).
    @inline(__always)
    mutating func addTotal(_ stratum: Int, positive y: Int, answered m: Int) {
        sums[stratum * (1 + dimensions)].add(positive: y, answered: m)
    }

    /// One respondent's answer to item `item`, positive or not.
    @inline(__always)
    mutating func addItem(_ stratum: Int, item: Int, positive: Int) {
        let slot = stratum * items + item
        itemSums[slot].respondents += 1
        itemSums[slot].positive += positive
    }

    /// One respondent's `y` positive of `m` answers over the items of dimension `dimension` (`m > 0`).
    @inline(__always)
    mutating func addDimension(_ stratum: Int, dimension: Int, positive y: Int, answered m: Int) {
        sums[stratum * (1 + dimensions) + 1 + dimension].add(positive: y, answered: m)
    }

    /// Adds every stratum of `other`, its value numbers renumbered by `renumber`.
    mutating func absorb(_ other: borrowing StratumTable, renumber: (Int32) -> Int32) {
        precondition(other.items == items && other.dimensions == dimensions, "strata of one questionnaire")
        for source in 0..<other.count {
            let key = other.keys[source]
            let target = stratum(
                StratumKey(
                    group: renumber(key.group), township: renumber(key.township), school: renumber(key.school),
                    grade: renumber(key.grade)))
            for offset in 0..<(1 + dimensions) {
                sums[target * (1 + dimensions) + offset].add(other.sums[source * (1 + dimensions) + offset])
            }
            for item in 0..<items {
                itemSums[target * items + item].respondents += other.itemSums[source * items + item].respondents
                itemSums[target * items + item].positive += other.itemSums[source * items + item].positive
            }
        }
    }

    /// Every stratum's sums as intervals, ``stride`` a stratum (the total, each item, each dimension), in
    /// the order of ``keys``.
    var intervals: [ClusteredRatioInterval] {
        var result: [ClusteredRatioInterval] = []
        result.reserveCapacity(count * stride)
        for stratum in 0..<count {
            result.append(sums[stratum * (1 + dimensions)].interval)
            for item in 0..<items { result.append(itemSums[stratum * items + item].sum.interval) }
            for dimension in 0..<dimensions { result.append(sums[stratum * (1 + dimensions) + 1 + dimension].interval) }
        }
        return result
    }

    func clone() -> StratumTable {
        var copy = StratumTable(items: items, dimensions: dimensions)
        copy.keys = keys.clone()
        copy.sums = sums.clone()
        copy.itemSums = itemSums.clone()
        copy.index = index.clone()
        return copy
    }
}
