/// A slot of an ``OpenAddressingIndex``: a plain value that knows whether it is empty and the hash that
/// places it.
@_spi(Storage) public protocol IndexSlot: BitwiseCopyable {
    /// The value of a slot that holds nothing.
    static var empty: Self { get }
    var isEmpty: Bool { get }
    /// The hash that places the slot: its probe sequence starts at this hash scaled to the capacity
    /// (the high bits decide), so the hash must be well mixed in its high bits.
    var hash: UInt64 { get }
}

/// The one hash index of the satisfaction pipeline: open addressing with linear probing, slots stored
/// inline (a fingerprint, or a short tag and the number of an entry kept elsewhere).
///
/// The capacity need not be a power of two: a hash is placed at `hash × capacity / 2⁶⁴` (the high
/// 64 bits of the product), so a table can be sized to what it will hold and grows by half when it is
/// more than ``maxLoad`` full, never doubling a large table at once. Deleting is not supported (nothing
/// the pipeline counts is ever taken back).
///
/// - Complexity: a lookup or insertion probes 1 / (1 − load)² slots on average when the key is absent
///   (linear probing), ½ (1 + 1 / (1 − load)) when it is there; the slots probed are adjacent in memory.
@_spi(Storage) public struct OpenAddressingIndex<Slot: IndexSlot>: ~Copyable {
    @usableFromInline var slots: PlainBuffer<Slot>
    @usableFromInline var occupied = 0
    /// Occupied slots allowed per 100 before the table grows.
    @usableFromInline let maxLoadPercent: Int
    @usableFromInline var growAt: Int

    /// An empty index with room for `capacity` entries before it grows.
    /// - Parameter maxLoadPercent: how full (50–95 %) it may be before it grows.
    @inlinable public init(capacity: Int = 8, maxLoadPercent: Int = 75) {
        precondition((50...95).contains(maxLoadPercent), "a load between 50 and 95 %")
        self.maxLoadPercent = maxLoadPercent
        let size = Swift.max(4, (Swift.max(capacity, 1) * 100 + maxLoadPercent - 1) / maxLoadPercent)
        slots = PlainBuffer(repeating: Slot.empty, count: size)
        growAt = size * maxLoadPercent / 100
    }

    /// Entries held.
    @inlinable public var count: Int { occupied }
    /// Slots (held and empty).
    @inlinable public var capacity: Int { slots.count }
    /// Bytes reserved for the slots.
    @inlinable public var reservedBytes: Int { slots.reservedBytes }

    /// Where `hash`'s probe sequence starts.
    @inlinable @inline(__always)
    func home(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(slots.count)).high)
    }

    /// Asks the processor for the slot where `hash`'s probe sequence starts, ahead of a lookup a few
    /// hundred instructions later (``Prefetch``); changes nothing.
    @inlinable @inline(__always)
    public func prefetch(hash: UInt64) {
        slots.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { Prefetch.read(UnsafeRawPointer(base + home(hash))) }
        }
    }

    /// The first slot on `hash`'s probe sequence that `matches`, or `nil` when an empty slot comes first.
    @inlinable @inline(__always)
    public func first(hash: UInt64, where matches: (Slot) -> Bool) -> Slot? {
        let size = slots.count
        var position = home(hash)
        while true {
            let slot = slots[position]
            if slot.isEmpty { return nil }
            if matches(slot) { return slot }
            position += 1
            if position == size { position = 0 }
        }
    }

    /// The slot that `matches` on `hash`'s probe sequence, or, when there is none, `make()` stored in the
    /// first empty slot (its ``IndexSlot/hash`` must be `hash`).
    @inlinable @inline(__always)
    public mutating func firstOrInsert(
        hash: UInt64, where matches: (Slot) -> Bool, make: () -> Slot
    ) -> (slot: Slot, inserted: Bool) {
        let size = slots.count
        var position = home(hash)
        while true {
            let slot = slots[position]
            if slot.isEmpty { break }
            if matches(slot) { return (slot, false) }
            position += 1
            if position == size { position = 0 }
        }
        let made = make()
        assert(made.hash == hash && !made.isEmpty, "an inserted slot is placed by the hash it was looked up by")
        slots[position] = made
        occupied += 1
        if _slowPath(occupied > growAt) { grow() }
        return (made, true)
    }

    /// Stores `slot`, which the index must not hold yet.
    @inlinable public mutating func insert(_ slot: Slot) {
        precondition(!slot.isEmpty, "an empty slot is not an entry")
        place(slot)
        occupied += 1
        if occupied > growAt { grow() }
    }

    @inlinable @inline(__always)
    mutating func place(_ slot: Slot) {
        let size = slots.count
        var position = home(slot.hash)
        while !slots[position].isEmpty {
            position += 1
            if position == size { position = 0 }
        }
        slots[position] = slot
    }

    /// Makes room for `count` entries in all before it has to grow again.
    @inlinable public mutating func reserve(_ count: Int) {
        let size = (count * 100 + maxLoadPercent - 1) / maxLoadPercent
        if size > slots.count { rehash(size: size) }
    }

    @usableFromInline @inline(never)
    mutating func grow() {
        rehash(size: slots.count + slots.count / 2 + 4)
    }

    @usableFromInline
    mutating func rehash(size: Int) {
        var old = PlainBuffer<Slot>(repeating: Slot.empty, count: size)
        swap(&old, &slots)
        growAt = size * maxLoadPercent / 100
        old.withUnsafeBufferPointer { held in
            for slot in held where !slot.isEmpty { place(slot) }
        }
    }

    /// Calls `body` with every slot held, in slot order.
    @inlinable public func forEachSlot<Failure: Error>(_ body: (Slot) throws(Failure) -> Void) throws(Failure) {
        try slots.withUnsafeBufferPointer { (held) throws(Failure) in
            for slot in held where !slot.isEmpty { try body(slot) }
        }
    }

    /// A copy with its own memory.
    @inlinable public func clone() -> OpenAddressingIndex<Slot> {
        var other = OpenAddressingIndex(capacity: 1, maxLoadPercent: maxLoadPercent)
        other.slots = slots.clone()
        other.occupied = occupied
        other.growAt = growAt
        return other
    }
}
