/// SplitMix64 (Steele, Lea & Flood 2014): a seeded generator of well-mixed 64-bit values, the same on
/// every run, for the package's tests, its benchmark data and its fuzz targets. (`package`: not part of
/// the library's API; no figure junheng computes draws a random number.)
package struct SplitMix64: RandomNumberGenerator {
    package var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// Seeded with the FNV-1a hash of `bytes`, so that the same input draws the same values (a fuzz
    /// target's cuts, taken from its input).
    package init(hashing bytes: some Sequence<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = hash
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0 ..< bound` (0 when `bound` is at most 1).
    package mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
