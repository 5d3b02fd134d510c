import JunhengCore

/// Random bytes for the storage and splitter tests, from the package's seeded generator, so the inputs are
/// the same on every run (a failure can be replayed).
extension SplitMix64 {
    /// `count` random bytes.
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}
