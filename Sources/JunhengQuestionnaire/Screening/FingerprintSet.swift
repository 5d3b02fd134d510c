@_spi(Storage) import JunhengIngest

/// The responses a duplicate screen has seen, each as a 64-bit fingerprint (``ResponseHash``) and the
/// place it was first seen, never the response itself: 12 bytes an entry, in an
/// ``OpenAddressingIndex`` kept at most 80 % full and sized, where the caller can tell, to the rows to
/// come, so it need not grow while it fills.
///
/// Two different responses share a fingerprint with a probability of about n² / 2⁶⁵ for n responses
/// (3 in 100 million for a million): that is what wrongly screening an honest response would take, and the
/// excluded row would still be listed with the line it was taken for.
///
/// A place is a line ordinal: the line within its file plus the lines of the files before it
/// (``ResponseTally``), so one 32-bit number names file and line.
struct FingerprintSet: ~Copyable {
    struct Entry: IndexSlot {
        var low: UInt32
        var high: UInt32
        /// The line ordinal where it was first seen; 0: empty.
        var place: UInt32

        static var empty: Entry { Entry(low: 0, high: 0, place: 0) }
        var isEmpty: Bool { place == 0 }
        var hash: UInt64 { UInt64(high) << 32 | UInt64(low) }

        init(low: UInt32, high: UInt32, place: UInt32) {
            self.low = low
            self.high = high
            self.place = place
        }

        init(hash: UInt64, place: UInt32) {
            self.init(low: UInt32(truncatingIfNeeded: hash), high: UInt32(truncatingIfNeeded: hash >> 32), place: place)
        }
    }

    private var index: OpenAddressingIndex<Entry>

    /// An empty set with room for `capacity` fingerprints before it grows.
    init(capacity: Int = 1024) {
        index = OpenAddressingIndex(capacity: capacity, maxLoadPercent: 80)
    }

    var count: Int { index.count }
    var reservedBytes: Int { index.reservedBytes }

    /// Asks for `fingerprint`'s place in the table ahead of ``firstPlace(of:recording:)`` or
    /// ``place(of:)`` (a cache hint: changes nothing).
    func prefetch(_ fingerprint: UInt64) {
        index.prefetch(hash: fingerprint)
    }

    /// Where `fingerprint` was first seen, if it was.
    func place(of fingerprint: UInt64) -> UInt32? {
        index.first(hash: fingerprint, where: { $0.hash == fingerprint })?.place
    }

    /// Records `fingerprint` as seen at `place` (a line ordinal > 0), or returns where it was first seen.
    mutating func firstPlace(of fingerprint: UInt64, recording place: UInt32) -> UInt32? {
        precondition(place > 0, "a place is a line ordinal from 1")
        let (entry, inserted) = index.firstOrInsert(
            hash: fingerprint, where: { $0.hash == fingerprint }, make: { Entry(hash: fingerprint, place: place) })
        return inserted ? nil : entry.place
    }

    /// Calls `body` with every fingerprint held, in the order of the table.
    func forEachFingerprint(_ body: (UInt64) -> Void) {
        index.forEachSlot { body($0.hash) }
    }

    /// Makes room for `count` fingerprints in all.
    mutating func reserve(_ count: Int) { index.reserve(count) }

    /// Whether any fingerprint of `other` is in this set too. (Both are walked in the order of their slots,
    /// which follows the fingerprints' value, so the probes here go through memory in order.)
    func sharesAny(with other: borrowing FingerprintSet) -> Bool {
        var shared = false
        other.index.forEachSlot { entry in
            if !shared, place(of: entry.hash) != nil { shared = true }
        }
        return shared
    }

    /// Adds every fingerprint of `other` (none of which this set holds: check with ``sharesAny(with:)``);
    /// an empty set with no more room takes `other`'s table whole, leaving `other` empty.
    mutating func absorb(_ other: inout FingerprintSet) {
        if index.count == 0, other.index.capacity >= index.capacity {
            swap(&index, &other.index)
            return
        }
        index.reserve(index.count + other.count)
        other.index.forEachSlot { entry in index.insert(entry) }
    }

    /// Adds the fingerprints of `other` this set lacks, keeping this set's place for those it has (the
    /// earlier, when `other` was seen after this set's responses), and empties `other`; an empty set with
    /// no more room takes `other`'s table whole.
    /// - Returns: whether this set held any fingerprint of `other`.
    @discardableResult
    mutating func merge(_ other: inout FingerprintSet) -> Bool {
        if index.count == 0, other.index.capacity >= index.capacity {
            swap(&index, &other.index)
            return false
        }
        index.reserve(index.count + other.count)
        var shared = false
        other.index.forEachSlot { entry in
            let (_, inserted) = index.firstOrInsert(
                hash: entry.hash, where: { $0.hash == entry.hash }, make: { entry })
            if !inserted { shared = true }
        }
        other = FingerprintSet(capacity: 1)
        return shared
    }

    func clone() -> FingerprintSet {
        var copy = FingerprintSet(capacity: 1)
        copy.index = index.clone()
        return copy
    }
}
