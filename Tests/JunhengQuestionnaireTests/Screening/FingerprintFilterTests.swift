import JunhengCore
import Testing

@testable import JunhengQuestionnaire

/// The chunk pipeline's filter never says "not seen" of a fingerprint it was given, and says "maybe" of
/// others about as rarely as Bloom's formula gives; `FingerprintSet.merge` keeps the earlier place.
@Suite struct FingerprintFilterTests {
    /// Well-mixed fingerprints, the same on every run (``SplitMix64``).
    static func fingerprints(_ count: Int, seed: UInt64) -> [UInt64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in random.next() }
    }

    @Test func noFalseNegativesAndFewFalsePositives() {
        let added = Self.fingerprints(100_000, seed: 1)
        var filter = FingerprintFilter(count: added.count)
        for fingerprint in added { filter.add(fingerprint) }
        #expect(added.allSatisfy { filter.mayContain($0) })
        // 2^20 bits for 10^5 fingerprints (10.5 a fingerprint): (1 − e^(−3/10.5))³ ≈ 1.7 %.
        let others = Self.fingerprints(100_000, seed: 2)
        let positives = others.filter { filter.mayContain($0) }.count
        #expect(positives < 3_000)
        #expect(FingerprintFilter(count: 0).mayContain(42) == false)
    }

    @Test func mergeKeepsTheEarlierPlaceAndSaysWhetherAnyWasShared() {
        var first = FingerprintSet(capacity: 4)
        _ = first.firstPlace(of: 10, recording: 1)
        _ = first.firstPlace(of: 20, recording: 2)
        var second = FingerprintSet(capacity: 4)
        _ = second.firstPlace(of: 30, recording: 5)
        #expect(first.merge(&second) == false)
        #expect(second.count == 0)
        var third = FingerprintSet(capacity: 4)
        _ = third.firstPlace(of: 20, recording: 7)
        _ = third.firstPlace(of: 40, recording: 8)
        #expect(first.merge(&third) == true)
        #expect(first.place(of: 20) == 2)
        #expect(first.place(of: 40) == 8)
        #expect(first.place(of: 30) == 5)
        #expect(first.count == 4)
        // An empty set with less room takes the other's table.
        var empty = FingerprintSet(capacity: 1)
        #expect(empty.merge(&first) == false)
        #expect(empty.count == 4)
        #expect(empty.place(of: 10) == 1)
    }
}
