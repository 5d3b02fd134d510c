/// A growable run of plain values (integers, small structs of integers) in memory it owns: read and
/// written in the per-record loops with no reference counting, copy-on-write or exclusivity checks.
///
/// It cannot be copied by accident (`~Copyable`): one owner, and the memory is freed in `deinit`.
/// ``clone()`` makes an explicit copy. Indexes are checked with `assert` (debug builds, the tests and
/// the AddressSanitizer run, `make asan`), not in release builds, where the per-record loops use it;
/// growing and every method that takes a count checks with `precondition`.
///
/// (`@_spi(Storage)`: public only to the package's modules that import it so, `@inlinable` so the
/// per-record loops that use it are specialised and inlined across modules; not part of the API.)
@_spi(Storage) public struct PlainBuffer<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var storedCount: Int
    @usableFromInline var storedCapacity: Int

    /// An empty buffer with room for `capacity` elements (at least one).
    @inlinable public init(capacity: Int = 16) {
        precondition(capacity >= 0, "a capacity is not negative")
        storedCapacity = Swift.max(capacity, 1)
        base = .allocate(capacity: storedCapacity)
        storedCount = 0
    }

    /// `count` copies of `value`.
    @inlinable public init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        storedCount = count
    }

    deinit {
        base.deallocate()
    }

    /// The number of elements.
    @inlinable public var count: Int { storedCount }
    /// Elements it holds room for before it grows.
    @inlinable public var capacity: Int { storedCapacity }
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    /// Bytes reserved (for the memory accounting of the benchmark and tests).
    @inlinable public var reservedBytes: Int { storedCapacity * MemoryLayout<Element>.stride }

    @inlinable public subscript(index: Int) -> Element {
        @inline(__always) get {
            assert(index >= 0 && index < storedCount, "index \(index) out of 0..<\(storedCount)")
            return base[index]
        }
        @inline(__always) set {
            assert(index >= 0 && index < storedCount, "index \(index) out of 0..<\(storedCount)")
            base[index] = newValue
        }
    }

    /// Adds `value` at the end, growing (doubling) when full.
    @inlinable @inline(__always)
    public mutating func append(_ value: Element) {
        if _slowPath(storedCount == storedCapacity) { grow(toAtLeast: storedCount + 1) }
        (base + storedCount).initialize(to: value)
        storedCount += 1
    }

    /// Adds `count` copies of `value` at the end.
    @inlinable public mutating func append(repeating value: Element, count added: Int) {
        precondition(added >= 0, "a count is not negative")
        if storedCount + added > storedCapacity { grow(toAtLeast: storedCount + added) }
        (base + storedCount).initialize(repeating: value, count: added)
        storedCount += added
    }

    /// Adds the elements of `other` at the end.
    @inlinable public mutating func append(contentsOf other: UnsafeBufferPointer<Element>) {
        guard let source = other.baseAddress, other.count > 0 else { return }
        if storedCount + other.count > storedCapacity { grow(toAtLeast: storedCount + other.count) }
        (base + storedCount).initialize(from: source, count: other.count)
        storedCount += other.count
    }

    /// Empties the buffer, keeping its memory.
    @inlinable @inline(__always)
    public mutating func removeAll() { storedCount = 0 }

    /// Keeps the first `count` elements.
    @inlinable public mutating func truncate(to count: Int) {
        precondition(count >= 0 && count <= storedCount, "truncate to \(count) of \(storedCount)")
        storedCount = count
    }

    /// Sets every element to `value`.
    @inlinable @inline(__always)
    public func fill(_ value: Element) { base.update(repeating: value, count: storedCount) }

    /// Makes room for at least `capacity` elements.
    @inlinable public mutating func reserve(_ capacity: Int) {
        if capacity > storedCapacity { grow(toAtLeast: capacity) }
    }

    /// Replaces the memory with room for `capacity` elements (at least the count), giving back what a
    /// long record made it take.
    @inlinable public mutating func shrink(toCapacity capacity: Int) {
        let target = Swift.max(capacity, storedCount, 1)
        guard target < storedCapacity else { return }
        let smaller = UnsafeMutablePointer<Element>.allocate(capacity: target)
        smaller.moveInitialize(from: base, count: storedCount)
        base.deallocate()
        base = smaller
        storedCapacity = target
    }

    @usableFromInline @inline(never)
    mutating func grow(toAtLeast needed: Int) {
        var newCapacity = Swift.max(storedCapacity * 2, 16)
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: storedCount)
        base.deallocate()
        base = grown
        storedCapacity = newCapacity
    }

    /// The elements, for reading inside `body` only.
    @inlinable @inline(__always)
    public func withUnsafeBufferPointer<Result, Failure>(
        _ body: (UnsafeBufferPointer<Element>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: base, count: storedCount))
    }

    /// The elements, for reading and writing inside `body` only (not for growing).
    @inlinable @inline(__always)
    public mutating func withUnsafeMutableBufferPointer<Result, Failure>(
        _ body: (UnsafeMutableBufferPointer<Element>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeMutableBufferPointer(start: base, count: storedCount))
    }

    /// A copy with its own memory.
    @inlinable public func clone() -> PlainBuffer<Element> {
        var other = PlainBuffer(capacity: storedCapacity)
        other.base.initialize(from: base, count: storedCount)
        other.storedCount = storedCount
        return other
    }

    /// The elements as an array.
    @inlinable public var array: [Element] { Array(UnsafeBufferPointer(start: base, count: storedCount)) }
}
