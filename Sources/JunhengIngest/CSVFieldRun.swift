/// Consecutive fields of a ``CSVRow`` at once: their bytes end to end, as the reader's buffer holds them,
/// and where each ends. Valid only while the row is (inside the reader's row callback).
public struct CSVFieldRun {
    /// The fields' bytes, end to end.
    public let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let ends: UnsafePointer<Int>
    @usableFromInline let start: Int
    /// The number of fields.
    public let count: Int

    @usableFromInline init(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafePointer<Int>, start: Int, count: Int) {
        self.bytes = bytes
        self.ends = ends
        self.start = start
        self.count = count
    }

    /// Where field `index` of the run (0-based) ends within ``bytes``.
    @inlinable public func end(_ index: Int) -> Int {
        precondition(index >= 0 && index < count, "a field of the run")
        return ends[index] - start
    }
}
