@_spi(Storage) import JunhengIngest

/// A Bloom filter over fingerprints (``ResponseHash``): says "not seen" for certain and "maybe seen" with a
/// small false-positive rate, in a few bits a fingerprint. The chunked satisfaction pipeline passes every
/// chunk's fingerprints through one, in file order, to find the few that may repeat an earlier chunk's,
/// and looks only those up in the earlier chunks' own sets.
///
/// Three bit positions a fingerprint, taken from its own (well-mixed) bits; with 8 bits a fingerprint the
/// false-positive rate is (1 − e^(−3/8))³ ≈ 3 % (Bloom 1970, with k = 3, m/n = 8).
struct FingerprintFilter: ~Copyable {
    private var bits: PlainBuffer<UInt64>
    private let mask: UInt64

    /// A filter for about `count` fingerprints (at least 8 bits each, a power of two in all).
    init(count: Int) {
        var size = 1 << 12
        while size < max(count, 1) * 8 { size <<= 1 }
        bits = PlainBuffer(repeating: 0, count: size / 64)
        mask = UInt64(size - 1)
    }

    @inline(__always)
    private func positions(_ fingerprint: UInt64) -> (Int, Int, Int) {
        (
            Int(fingerprint & mask), Int(fingerprint.rotatedLeft(by: 21) & mask),
            Int(fingerprint.rotatedLeft(by: 42) & mask)
        )
    }

    /// Whether `fingerprint` may have been added (false: it certainly was not).
    func mayContain(_ fingerprint: UInt64) -> Bool {
        let (a, b, c) = positions(fingerprint)
        return bits[a >> 6] & (1 << UInt64(a & 63)) != 0 && bits[b >> 6] & (1 << UInt64(b & 63)) != 0
            && bits[c >> 6] & (1 << UInt64(c & 63)) != 0
    }

    mutating func add(_ fingerprint: UInt64) {
        let (a, b, c) = positions(fingerprint)
        bits[a >> 6] |= 1 << UInt64(a & 63)
        bits[b >> 6] |= 1 << UInt64(b & 63)
        bits[c >> 6] |= 1 << UInt64(c & 63)
    }
}
