import JunhengCore
import Testing

@testable import JunhengQuestionnaire

/// `FingerprintSet` against a `Dictionary` from fingerprint to the place it was first seen.
@Suite struct FingerprintSetTests {
    /// Records `fingerprints` at places 1, 2, … and checks each answer against the model.
    func record(_ fingerprints: [UInt64], into set: inout FingerprintSet) -> [UInt64: UInt32] {
        var model: [UInt64: UInt32] = [:]
        for (offset, fingerprint) in fingerprints.enumerated() {
            let place = UInt32(offset + 1)
            #expect(set.firstPlace(of: fingerprint, recording: place) == model[fingerprint])
            if model[fingerprint] == nil { model[fingerprint] = place }
        }
        return model
    }

    func expectHolds(_ set: borrowing FingerprintSet, _ model: [UInt64: UInt32]) {
        #expect(set.count == model.count)
        for (fingerprint, place) in model { #expect(set.place(of: fingerprint) == place) }
    }

    @Test func theFirstPlaceOfAFingerprintIsKept() {
        var set = FingerprintSet(capacity: 4)
        #expect(set.place(of: 42) == nil && set.count == 0)
        #expect(set.firstPlace(of: 42, recording: 7) == nil)
        #expect(set.firstPlace(of: 42, recording: 9) == 7)
        #expect(set.firstPlace(of: 0, recording: 3) == nil)  // 0 is a fingerprint like any other
        #expect(set.firstPlace(of: .max, recording: 4) == nil)
        #expect(set.place(of: 0) == 3 && set.place(of: .max) == 4 && set.place(of: 42) == 7)
        #expect(set.count == 3 && set.place(of: 43) == nil)
    }

    @Test func repeatsAndGrowthFromOne() {
        var source = SplitMix64(seed: 31)
        let distinct = (0..<2000).map { _ in source.next() }
        // Every fingerprint twice, the second time 2000 places later.
        var set = FingerprintSet(capacity: 1)
        let model = record(distinct + distinct, into: &set)
        expectHolds(set, model)
        #expect(model.count == 2000 && set.count * 100 <= set.reservedBytes / 12 * 80)
    }

    @Test func fingerprintsThatShareTheirHighBits() {
        // One home slot for all: found by the whole 64 bits.
        let fingerprints = (0..<500).map { 0xDEAD_BEEF_0000_0000 | UInt64($0) * 0x1_0001 }
        var set = FingerprintSet(capacity: 16)
        let model = record(fingerprints + fingerprints.reversed(), into: &set)
        expectHolds(set, model)
        #expect(set.place(of: 0xDEAD_BEEF_0000_0000 | 1) == nil)
    }

    @Test func reserveKeepsWhatIsHeld() {
        var set = FingerprintSet(capacity: 2)
        let model = record([5, 6, 7], into: &set)
        set.reserve(10_000)
        #expect(set.reservedBytes >= 10_000 * 100 / 80 * 12)
        expectHolds(set, model)
    }

    @Test func sharesAnyFindsOneCommonFingerprint() {
        var source = SplitMix64(seed: 32)
        let first = (0..<300).map { _ in source.next() }
        let second = (0..<300).map { _ in source.next() }
        var a = FingerprintSet(capacity: 8)
        var b = FingerprintSet(capacity: 8)
        _ = record(first, into: &a)
        _ = record(second, into: &b)
        let empty = FingerprintSet()
        // (Each answer is taken first: `#expect` cannot look inside a call with a noncopyable argument.)
        let disjoint = [a.sharesAny(with: b), b.sharesAny(with: a)]
        let withEmpty = [a.sharesAny(with: empty), empty.sharesAny(with: a), empty.sharesAny(with: empty)]
        #expect(disjoint == [false, false] && withEmpty == [false, false, false])
        _ = b.firstPlace(of: first[150], recording: 1000)
        let sharing = [a.sharesAny(with: b), b.sharesAny(with: a)]
        #expect(sharing == [true, true])
    }

    @Test func anEmptySetTakesTheOtherWhole() {
        var source = SplitMix64(seed: 33)
        var other = FingerprintSet(capacity: 8)
        let model = record((0..<100).map { _ in source.next() }, into: &other)
        let reserved = other.reservedBytes
        var set = FingerprintSet(capacity: 1)
        set.absorb(&other)
        expectHolds(set, model)
        #expect(set.reservedBytes == reserved)
        #expect(other.count == 0 && other.place(of: model.keys.first!) == nil)
        // What was taken is not shared: the other set can fill again on its own.
        _ = other.firstPlace(of: 1, recording: 1)
        #expect(set.place(of: 1) == nil && other.count == 1)
    }

    @Test func absorbingIntoAFilledSetMerges() {
        var source = SplitMix64(seed: 34)
        var set = FingerprintSet(capacity: 4)
        var other = FingerprintSet(capacity: 4)
        let mine = record((0..<700).map { _ in source.next() }, into: &set)
        // The other's places go on from 701, as the lines of a later chunk do.
        var theirs: [UInt64: UInt32] = [:]
        for place in UInt32(701)...1200 {
            let fingerprint = source.next()
            #expect(other.firstPlace(of: fingerprint, recording: place) == nil)
            theirs[fingerprint] = place
        }
        let shared = set.sharesAny(with: other)
        #expect(!shared)
        set.absorb(&other)
        expectHolds(set, mine.merging(theirs) { first, _ in first })
        #expect(set.count == 1200)
        // A fingerprint recorded after the merge gives the place it had in either part.
        let fromOther = theirs.first!
        #expect(set.firstPlace(of: fromOther.key, recording: 5000) == fromOther.value)
    }

    @Test func aCloneHasItsOwnTable() {
        var original = FingerprintSet(capacity: 4)
        let model = record([10, 20, 30], into: &original)
        var copy = original.clone()
        _ = copy.firstPlace(of: 40, recording: 4)
        _ = original.firstPlace(of: 50, recording: 5)
        #expect(copy.place(of: 40) == 4 && original.place(of: 40) == nil)
        #expect(original.place(of: 50) == 5 && copy.place(of: 50) == nil)
        for (fingerprint, place) in model { #expect(copy.place(of: fingerprint) == place) }
    }
}
