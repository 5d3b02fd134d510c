import JunhengIngest

/// One response's cells as the pipeline reads them: the raw UTF-8 bytes of a column (the fast path,
/// no String made) or the decoded text (the slow path: problems, labels, unusual values).
///
/// Both a kept ``CSVRecord`` (tests, the first records buffered for mode detection) and the reader's
/// ``CSVRow`` (already checked as UTF-8) conform, so one implementation serves both.
protocol ResponseFields {
    var line: Int { get }
    /// The column's bytes; an empty buffer when the record has no such column.
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
    /// The column's text, `nil` when the record has no such column.
    func text(_ column: Int) -> String?
}

extension CSVRecord: ResponseFields {
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard column < fields.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        var value = fields[column]
        return value.withUTF8(body)
    }

    func text(_ column: Int) -> String? { self[column: column] }
}

/// A ``CSVRow`` whose fields were all checked as UTF-8 (``CSVRow/validate()``).
struct ValidatedRow: ResponseFields {
    let row: CSVRow

    var line: Int { row.line }

    @inline(__always)
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard column < row.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return row.withUTF8(column, body)
    }

    func text(_ column: Int) -> String? {
        guard column < row.count else { return nil }
        return row.withUTF8(column) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A 128-bit hash of a response's IP and answers, byte for byte, eight bytes at a time in two
/// independent multiply–rotate lanes; each value's length is mixed in after it, so `["ab", "c"]` and
/// `["a", "bc"]` differ. Not cryptographic: it only has to make accidental collisions between honest
/// responses (a wrongly screened duplicate) vanishingly unlikely.
struct ResponseHash {
    private(set) var a: UInt64 = 0x243F_6A88_85A3_08D3
    private(set) var b: UInt64 = 0x1319_8A2E_0370_7344

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* 0x9E37_79B9_7F4A_7C15).rotatedLeft(by: 29)
        b = ((b &+ word) &* 0xC2B2_AE3D_27D4_EB4F).rotatedLeft(by: 31)
    }

    @inline(__always)
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            if offset < count {
                // The last 1–7 bytes, zero-extended, as a little-endian word.
                let rest = count - offset
                var tail: UInt64 = 0
                #if _endian(little)
                    if count >= 8 {
                        // The word ending at the last byte, its first 8 − rest bytes (already mixed) shifted out.
                        tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> UInt64(8 * (8 - rest))
                    } else if rest >= 4 {
                        tail =
                            UInt64(raw.loadUnaligned(as: UInt32.self))
                            | (UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
                                >> UInt64(8 * (8 - rest))) << 32
                    } else {
                        for index in 0..<rest { tail |= UInt64(base[offset + index]) << UInt64(8 * index) }
                    }
                #else
                    withUnsafeMutableBytes(of: &tail) {
                        $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[offset...]))
                    }
                    tail = UInt64(littleEndian: tail)
                #endif
                mix(tail)
            }
        }
        mix(UInt64(count) | 0xFF00_0000_0000_0000)
    }

    /// Feeds the digit groups of a cell (`2024/5/20 8:05:14` → 2024, 5, 20, 8, 5, 14), so the same value
    /// written `2024-05-20 08:05:14` (as Excel re-saves it) gives the same hash; false when the cell has
    /// no digit. A group of more than 19 digits wraps (it only has to hash alike when it is alike).
    @inline(__always)
    mutating func feedDigitGroups(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var value: UInt64 = 0
        var inGroup = false
        var groups: UInt64 = 0
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                value = value &* 10 &+ UInt64(byte - 0x30)
                inGroup = true
            } else if inGroup {
                mix(value)
                groups += 1
                value = 0
                inGroup = false
            }
        }
        if inGroup {
            mix(value)
            groups += 1
        }
        mix(groups | 0xFE00_0000_0000_0000)
        return groups > 0
    }

    /// The final 128 bits (lanes finalised with a murmur-style avalanche).
    var value: (UInt64, UInt64) {
        func avalanche(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return z ^ (z >> 33)
        }
        return (avalanche(a ^ b.rotatedLeft(by: 17)), avalanche(b ^ a.rotatedLeft(by: 41)))
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(by shift: UInt64) -> UInt64 { (self << shift) | (self >> (64 - shift)) }
}

/// Finds repeated responses (the same answers and IP, or the same 序号 and submission time: one table
/// each) while keeping only a 128-bit hash per
/// response (``ResponseHash``) and where it was first seen, never the response itself: 24 bytes an
/// entry, in an open-addressing table kept at most half full (the hash is already well mixed, so it
/// picks the slot directly).
struct ResponseFingerprints {
    private struct Entry {
        var a: UInt64
        var b: UInt64
        /// File number in the top 24 bits, line in the low 40; `UInt64.max`: empty slot.
        var place: UInt64
    }

    private static let empty = Entry(a: 0, b: 0, place: .max)
    private var slots = [Entry](repeating: ResponseFingerprints.empty, count: 1024)
    private var count = 0

    /// Records a response; returns the first response's place if this one repeats it.
    mutating func check(_ response: ResponseHash, file: Int, line: Int) -> (file: Int, line: Int)? {
        precondition(file >= 0 && file < 1 << 24 - 1 && line >= 0 && line < 1 << 40, "file \(file), line \(line)")
        let hash = response.value
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash.0) & mask
        let found: (file: Int, line: Int)? = slots.withUnsafeMutableBufferPointer { slots in
            while slots[slot].place != .max {
                if slots[slot].a == hash.0, slots[slot].b == hash.1 {
                    let place = slots[slot].place
                    return (Int(place >> 40), Int(place & (1 << 40 - 1)))
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Entry(a: hash.0, b: hash.1, place: UInt64(file) << 40 | UInt64(line))
            return nil
        }
        if found != nil { return found }
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = [Entry](repeating: Self.empty, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.place != .max {
            var slot = Int(truncatingIfNeeded: entry.a) & mask
            while slots[slot].place != .max { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

/// Raw cell bytes → a small integer, so a text column with few distinct values (乡镇, 学校) is turned
/// into its label once per distinct value rather than once per response. Grows with the number of
/// distinct values only.
struct ByteInterner {
    private var bytes: [UInt8] = []
    /// Per entry: start in `bytes`, length, hash, value.
    private var entries: [(start: Int, count: Int, hash: UInt64, value: Int)] = []
    /// Open addressing: entry index + 1, 0 = empty. Size a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    /// Eight bytes at a time (``ResponseHash``'s word reading), then a murmur-style finish so the low
    /// bits that pick the slot depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = ResponseHash()
        hash.feed(key)
        var z = hash.a ^ hash.b.rotatedLeft(by: 23)
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return z ^ (z >> 33)
    }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == h, entry.count == key.count,
                key.count == 0
                    || bytes.withUnsafeBufferPointer({
                        memcmpEqual($0.baseAddress! + entry.start, key.baseAddress!, key.count)
                    })
            {
                return entry.value
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key` (not yet stored).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) {
        let h = Self.hash(key)
        entries.append((bytes.count, key.count, h, value))
        bytes.append(contentsOf: key)
        if entries.count * 2 > slots.count {
            grow()
            return
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        // Checked: one entry per distinct township or school text, each from a response of its own, so
        // far fewer than 2^31 before memory runs out.
        slots[slot] = Int32(entries.count)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}

/// Whether `count` bytes at `a` and `b` are equal: word-wide loads (the last one overlapping), as the
/// values compared are short option texts.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let x = UnsafeRawPointer(a)
    let y = UnsafeRawPointer(b)
    if count >= 8 {
        var offset = 0
        while offset + 8 < count {
            if x.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        return x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
    if count >= 4 {
        return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
            && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    }
    for index in 0..<count where a[index] != b[index] { return false }
    return true
}

/// Whether two byte buffers hold the same bytes.
@inline(__always)
func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0 else { return true }
    return memcmpEqual(a.baseAddress!, b.baseAddress!, a.count)
}
