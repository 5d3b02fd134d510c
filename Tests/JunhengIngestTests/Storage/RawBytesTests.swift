import JunhengCore
@_spi(Storage) import JunhengIngest
import Testing

/// `RawBytes` against byte-by-byte models: `Array ==` for equality, words assembled byte by byte in
/// little-endian order, and properties every hash of the pipeline relies on.
@Suite struct RawBytesTests {
    /// Calls `body` with `bytes` copied to `shift` bytes past an 8-aligned address (so the word loads are
    /// unaligned and the bytes after the value are not part of it).
    func placed<Result>(_ bytes: [UInt8], shift: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: bytes.count + 16, alignment: 8)
        defer { storage.deallocate() }
        // Bytes around the value differ from it, so a load that strays outside would notice.
        storage.initializeMemory(as: UInt8.self, repeating: 0xA5, count: bytes.count + 16)
        let start = (storage + shift).assumingMemoryBound(to: UInt8.self)
        start.update(from: bytes, count: bytes.count)
        return body(UnsafeBufferPointer(start: start, count: bytes.count))
    }

    /// The little-endian number of `bytes` (at most eight), built one byte at a time.
    func littleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for (place, byte) in bytes.enumerated() { word += UInt64(byte) << (8 * UInt64(place)) }
        return word
    }

    /// What `words` should give, from its documentation.
    func expectedWords(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        let n = bytes.count
        if n >= 8 { return (littleEndian(bytes[0..<8]), littleEndian(bytes[(n - 8)..<n])) }
        if n >= 4 { return (littleEndian(bytes[0..<4]) + littleEndian(bytes[(n - 4)..<n]) * (1 << 32), 0) }
        return (littleEndian(bytes[...]), 0)
    }

    func equal(_ a: [UInt8], _ b: [UInt8], shifts: (Int, Int)) -> Bool {
        placed(a, shift: shifts.0) { x in placed(b, shift: shifts.1) { y in RawBytes.equal(x, y) } }
    }

    func hash(_ bytes: [UInt8], shift: Int = 0) -> UInt64 { placed(bytes, shift: shift) { RawBytes.hash($0) } }

    @Test func equalAgreesWithArrayEqualityForEveryLengthAndPosition() {
        var random = SplitMix64(seed: 1)
        for length in 0...40 {
            let value = random.bytes(length)
            for shifts in [(0, 0), (1, 0), (3, 5), (7, 1)] {
                #expect(equal(value, value, shifts: shifts), "length \(length), shifts \(shifts)")
                // One byte different, at every position, by one bit and by every bit.
                for position in 0..<length {
                    for flip: UInt8 in [0x01, 0x80, 0xFF] {
                        var other = value
                        other[position] ^= flip
                        #expect(
                            !equal(value, other, shifts: shifts), "length \(length), byte \(position) ^ \(flip)")
                    }
                }
            }
        }
    }

    @Test func equalOfRandomPairsMatchesTheModel() {
        var random = SplitMix64(seed: 2)
        for _ in 0..<2000 {
            let length = Int.random(in: 0...40, using: &random)
            // Few distinct bytes, so equal values and values equal but for a few bytes are common.
            let a = (0..<length).map { _ in UInt8.random(in: 0...1, using: &random) }
            let b = (0..<length).map { _ in UInt8.random(in: 0...1, using: &random) }
            #expect(equal(a, b, shifts: (1, 2)) == (a == b), "\(a) vs \(b)")
        }
    }

    @Test func buffersOfDifferentLengthsOrEmptyOnes() {
        #expect(!equal([1, 2, 3], [1, 2, 3, 4], shifts: (0, 0)))
        #expect(!equal([], [0], shifts: (0, 0)))
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        #expect(RawBytes.equal(none, none))
        #expect(placed([]) { RawBytes.equal(none, $0) })
        // The pointer form with a count of zero compares nothing.
        #expect(placed([1]) { x in placed([2]) { y in RawBytes.equal(x.baseAddress!, y.baseAddress!, count: 0) } })
    }

    @Test func wordsAreTheLittleEndianFirstAndLastBytes() {
        var random = SplitMix64(seed: 3)
        for length in 0...40 {
            for shift in [0, 1, 5] {
                let value = random.bytes(length)
                let words = placed(value, shift: shift) { RawBytes.words($0.baseAddress!, count: length) }
                let expected = expectedWords(value)
                #expect(words.0 == expected.0 && words.1 == expected.1, "length \(length), shift \(shift)")
            }
        }
        // By hand: "abc" is 0x636261; "abcdef" is "abcd" low and "cdef" high.
        #expect(placed(Array("abc".utf8), shift: 0) { RawBytes.words($0.baseAddress!, count: 3) } == (0x63_6261, 0))
        #expect(
            placed(Array("abcdef".utf8), shift: 0) { RawBytes.words($0.baseAddress!, count: 6) }
                == (0x6665_6463_6463_6261, 0))
    }

    @Test func wordsAndLengthTellApartValuesUpTo16Bytes() {
        var random = SplitMix64(seed: 4)
        for length in 0...16 {
            let value = random.bytes(length)
            let words = placed(value, shift: 0) { RawBytes.words($0.baseAddress!, count: length) }
            for position in 0..<length {
                var other = value
                other[position] ^= 0x10
                let changed = placed(other, shift: 3) { RawBytes.words($0.baseAddress!, count: length) }
                #expect(changed != words, "length \(length), byte \(position)")
            }
        }
    }

    @Test func hashDependsOnTheBytesOnlyNotWhereTheyLie() {
        var random = SplitMix64(seed: 5)
        for length in 0...40 {
            let value = random.bytes(length)
            let reference = hash(value)
            for shift in 1..<8 { #expect(hash(value, shift: shift) == reference, "length \(length), shift \(shift)") }
        }
        #expect(RawBytes.hash(UnsafeBufferPointer(start: nil, count: 0)) == hash([]))
    }

    @Test func hashChangesWithEveryByteAndWithTheLength() {
        var random = SplitMix64(seed: 6)
        for length in 0...40 {
            let value = random.bytes(length)
            var seen: Set<UInt64> = [hash(value)]
            for position in 0..<length {
                for bit in 0..<8 {
                    var other = value
                    other[position] ^= 1 << bit
                    seen.insert(hash(other))
                }
            }
            #expect(seen.count == 1 + 8 * length, "length \(length): a one-bit change left the hash as it was")
        }
        // Runs of zeros differ only in their length.
        let zeros = Set((0...40).map { hash([UInt8](repeating: 0, count: $0)) })
        #expect(zeros.count == 41)
    }

    @Test func highBitsOfTheHashSpreadEvenly() {
        // 25 600 keys like a column of row labels into 256 buckets by the top 8 bits (what places a key in
        // an index): 100 a bucket expected, standard deviation about 10.
        var buckets = [Int](repeating: 0, count: 256)
        for row in 0..<25_600 { buckets[Int(hash(Array("第\(row)行".utf8)) >> 56)] += 1 }
        #expect(buckets.min()! >= 50 && buckets.max()! <= 150, "buckets from \(buckets.min()!) to \(buckets.max()!)")
    }
}
