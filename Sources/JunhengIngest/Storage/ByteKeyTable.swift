/// Byte strings → small integers, so a text column with few distinct values (乡镇, 学校) is turned into its
/// label once per distinct spelling rather than once per response. Grows with the distinct keys only.
///
/// The keys' bytes lie end to end in one buffer; an ``OpenAddressingIndex`` of (hash tag, entry number)
/// finds them, comparing bytes only when the 32-bit tags agree.
@_spi(Storage) public struct ByteKeyTable: ~Copyable {
    @usableFromInline struct Entry: BitwiseCopyable {
        @usableFromInline var start: Int
        @usableFromInline var count: Int32
        @usableFromInline var value: Int32

        @inlinable init(start: Int, count: Int32, value: Int32) {
            self.start = start
            self.count = count
            self.value = value
        }
    }

    /// A 32-bit tag of the key's hash and the entry's number + 1 (0: empty).
    @usableFromInline struct Slot: IndexSlot {
        @usableFromInline var tag: UInt32
        @usableFromInline var entry: UInt32

        @inlinable init(tag: UInt32, entry: UInt32) {
            self.tag = tag
            self.entry = entry
        }

        @inlinable static var empty: Slot { Slot(tag: 0, entry: 0) }
        @inlinable var isEmpty: Bool { entry == 0 }
        @inlinable var hash: UInt64 { UInt64(tag) << 32 | UInt64(tag) }
    }

    @usableFromInline var bytes = PlainBuffer<UInt8>(capacity: 256)
    @usableFromInline var entries = PlainBuffer<Entry>(capacity: 16)
    @usableFromInline var index = OpenAddressingIndex<Slot>(capacity: 16)
    /// Bits of the hash kept: all but in tests, which keep few to make keys collide.
    @usableFromInline let hashMask: UInt32

    @inlinable public init() { hashMask = .max }

    /// A table whose keys' hashes keep only the bits of `hashMask` (tests: 0 puts every key on one probe
    /// sequence).
    @inlinable public init(hashMask: UInt32) { self.hashMask = hashMask }

    /// Distinct keys held.
    @inlinable public var count: Int { entries.count }
    /// Bytes reserved for keys, entries and the index.
    @inlinable public var reservedBytes: Int { bytes.reservedBytes + entries.reservedBytes + index.reservedBytes }

    @inlinable @inline(__always)
    func tag(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(truncatingIfNeeded: RawBytes.hash(key) >> 32) & hashMask
    }

    @inlinable @inline(__always)
    func holds(_ slot: Slot, _ tag: UInt32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slot.tag == tag else { return false }
        let entry = entries[Int(slot.entry) - 1]
        guard Int(entry.count) == key.count else { return false }
        guard let start = key.baseAddress, key.count > 0 else { return true }
        return RawBytes.equal(bytes.base + entry.start, start, count: key.count)
    }

    /// The value stored for `key`, if any.
    @inlinable public func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let tag = tag(key)
        guard let slot = index.first(hash: Slot(tag: tag, entry: 1).hash, where: { holds($0, tag, key) }) else {
            return nil
        }
        return entries[Int(slot.entry) - 1].value
    }

    /// Stores `value` for `key`, or returns the value already stored for it.
    @inlinable @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> Int32 {
        precondition(key.count <= Int32.max && entries.count < UInt32.max - 1, "a key table holds what fits 32 bits")
        let tag = tag(key)
        if let slot = index.first(hash: Slot(tag: tag, entry: 1).hash, where: { holds($0, tag, key) }) {
            return entries[Int(slot.entry) - 1].value
        }
        entries.append(Entry(start: bytes.count, count: Int32(key.count), value: value))
        bytes.append(contentsOf: key)
        index.insert(Slot(tag: tag, entry: UInt32(entries.count)))
        return value
    }

    /// Calls `body` with every key and its value, in the order they were stored.
    @inlinable public func forEach<Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>, Int32) throws(Failure) -> Void
    ) throws(Failure) {
        for number in 0..<entries.count {
            let entry = entries[number]
            try body(UnsafeBufferPointer(start: bytes.base + entry.start, count: Int(entry.count)), entry.value)
        }
    }

    /// A copy with its own memory.
    @inlinable public func clone() -> ByteKeyTable {
        var other = ByteKeyTable(hashMask: hashMask)
        other.bytes = bytes.clone()
        other.entries = entries.clone()
        other.index = index.clone()
        return other
    }
}
