@_spi(Storage) import JunhengIngest

/// Reads cells from their UTF-8 bytes for a file's columns when that is certain to give what
/// ``WjxColumnReader/read(_:)`` gives, with no String and no allocation: an option value written exactly
/// as the questionnaire (or its mode) spells it, a `┋`-joined multiple choice of such values, an option
/// followed by a typed `〖other text〗`, a skip marker (`(跳过)`, `-3`, …), an empty cell, free text, a
/// number-mode 0/1 column. Anything else is ``Code/unknown``: the caller reads the cell's text.
///
/// Built once per file from its ``WjxColumnReader``s; the satisfaction pipeline and the frequency count
/// both read through it, so a cell means the same in both.
final class CellMatcher: @unchecked Sendable {
    /// What a cell's bytes say: an option number (≥ 0), or one of the negative codes.
    enum Code {
        static let empty: Int32 = -1
        static let skipped: Int32 = -2
        static let text: Int32 = -3
        static let unknown: Int32 = -4
        /// The options of a multiple choice, as bits of the caller's mask (option 0 is bit 0).
        static let options: Int32 = -5
    }

    /// How a column's cells are read.
    enum Kind: UInt8 {
        /// One option (single choice, scale, matrix row): exact values, skip markers, `option〖text〗`.
        case choice
        /// `┋`-joined options, each exact or `option〖text〗`; the whole cell exact; skip markers.
        case multiple
        /// Free text: skip markers, else text.
        case text
        /// A number-mode 0/1 column: `1` ticks the column's option, `0` and empty do not.
        case flag
    }

    /// One value a column's cell may hold, matched by its length and two words (``RawBytes/words(_:count:)``)
    /// and, past 16 bytes, its bytes.
    struct Key: BitwiseCopyable {
        var first: UInt64
        var last: UInt64
        var count: Int32
        /// The option, or ``Code/skipped``.
        var code: Int32
        var start: Int32
    }

    /// Keys `start ..< end` of ``keys``, found through a table of `1 << bits` slots from `table` on in
    /// ``slots`` where no two keys share a slot (`bits` 0: looked through one by one).
    struct Span: BitwiseCopyable {
        var start: Int32
        var end: Int32
        var table: Int32 = 0
        var bits: UInt8 = 0
        var seed: UInt64 = 0
        var isEmpty: Bool { start == end }
    }

    struct Column: BitwiseCopyable {
        var kind: Kind
        /// The option a `1` ticks (``Kind/flag``).
        var flagOption: Int32
        /// Exact values of the whole cell (options first, then the skip markers that are not options).
        var keys: Span
        /// Options whose text an `〖other text〗` may follow (text mode; empty when an option's text
        /// holds `〖` itself).
        var others: Span
    }

    private let columns: PlainBuffer<Column>
    /// Per column: its exact values' table when it is a one-option column read through one (``quick(_:_:)``);
    /// `bits` 0 otherwise.
    private let quickSpans: PlainBuffer<Span>
    private let keys: PlainBuffer<Key>
    private let bytes: PlainBuffer<UInt8>
    /// Key numbers by slot (-1: empty), for every span's table.
    private let slots: PlainBuffer<Int32>

    init(readers: [WjxColumnReader]) {
        var columns = PlainBuffer<Column>(capacity: readers.count)
        var quickSpans = PlainBuffer<Span>(capacity: readers.count)
        var keys = PlainBuffer<Key>(capacity: 64)
        var bytes = PlainBuffer<UInt8>(capacity: 1024)
        var slots = PlainBuffer<Int32>(capacity: 256)
        for reader in readers {
            let spelling = reader.byteSpelling
            let column = Column(
                kind: spelling.kind, flagOption: Int32(spelling.flagOption ?? -1),
                keys: Self.add(spelling.exact, to: &keys, &bytes, &slots),
                others: Self.add(spelling.others, to: &keys, &bytes, &slots))
            columns.append(column)
            quickSpans.append(column.kind == .choice ? column.keys : Span(start: 0, end: 0))
        }
        self.columns = columns
        self.quickSpans = quickSpans
        self.keys = keys
        self.bytes = bytes
        self.slots = slots
    }

    private static func add(
        _ values: [(text: String, code: Int32)], to keys: inout PlainBuffer<Key>, _ bytes: inout PlainBuffer<UInt8>,
        _ slots: inout PlainBuffer<Int32>
    ) -> Span {
        let first = Int32(keys.count)
        for (text, code) in values {
            let utf8 = Array(text.utf8)
            let start = Int32(bytes.count)
            utf8.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            let (firstWord, lastWord) = utf8.withUnsafeBufferPointer {
                RawBytes.words($0.baseAddress!, count: $0.count)
            }
            keys.append(Key(first: firstWord, last: lastWord, count: Int32(utf8.count), code: code, start: start))
        }
        var span = Span(start: first, end: Int32(keys.count))
        // A table where every key has a slot of its own: the smallest that some seed gives.
        let count = values.count
        guard count > 2 else { return span }
        var bits = 2
        while 1 << bits < 2 * count { bits += 1 }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<64 {
            var table = [Int32](repeating: -1, count: 1 << bits)
            var placed = true
            for index in Int(first)..<keys.count {
                let key = keys[index]
                let slot = Self.slot(key.first, key.last, Int(key.count), seed: seed, bits: bits)
                if table[slot] >= 0 {
                    placed = false
                    break
                }
                table[slot] = Int32(index)
            }
            if placed {
                span.table = Int32(slots.count)
                span.bits = UInt8(bits)
                span.seed = seed
                table.withUnsafeBufferPointer { slots.append(contentsOf: $0) }
                return span
            }
            seed = seed &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB
            if bits < 10, seed & 7 == 0 { bits += 1 }
        }
        return span
    }

    /// The slot of a value by its two words and length.
    @inline(__always)
    private static func slot(_ first: UInt64, _ last: UInt64, _ count: Int, seed: UInt64, bits: Int) -> Int {
        let mixed = first ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(count) &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: (mixed &* seed) >> UInt64(64 - bits))
    }

    /// The exact value among `range` that `cell` is, as its code; `nil` for none.
    @inline(__always)
    private func exact(_ cell: UnsafePointer<UInt8>, count: Int, in range: Span) -> Int32? {
        let (firstWord, lastWord) = RawBytes.words(cell, count: count)
        if range.bits > 0 {
            let index = slots[
                Int(range.table) + Self.slot(firstWord, lastWord, count, seed: range.seed, bits: Int(range.bits))]
            guard index >= 0 else { return nil }
            let key = keys[Int(index)]
            guard Int(key.count) == count, key.first == firstWord, key.last == lastWord else { return nil }
            if count > 16,
                !bytes.withUnsafeBufferPointer({ RawBytes.equal($0.baseAddress! + Int(key.start), cell, count: count) })
            {
                return nil
            }
            return key.code
        }
        for index in Int(range.start)..<Int(range.end) {
            let key = keys[index]
            if Int(key.count) == count, key.first == firstWord, key.last == lastWord,
                count <= 16
                    || bytes.withUnsafeBufferPointer({
                        RawBytes.equal($0.baseAddress! + Int(key.start), cell, count: count)
                    })
            {
                return key.code
            }
        }
        return nil
    }

    /// The common cell of a one-option column (a scale answer, a single choice) at the least cost: a value
    /// of 1–16 bytes that is exactly one of the column's values, looked up in the column's table. `nil`
    /// for anything else, which ``read(_:_:options:)`` then reads in full (and gives the same code for a
    /// cell this reads).
    @inline(__always)
    func quick(_ index: Int, _ cell: UnsafeBufferPointer<UInt8>) -> Int32? {
        let span = quickSpans[index]
        let count = cell.count
        guard span.bits > 0, count > 0, count <= 16, let start = cell.baseAddress else { return nil }
        let (firstWord, lastWord) = RawBytes.words(start, count: count)
        let found = slots[
            Int(span.table) + Self.slot(firstWord, lastWord, count, seed: span.seed, bits: Int(span.bits))]
        guard found >= 0 else { return nil }
        let key = keys[Int(found)]
        guard Int(key.count) == count, key.first == firstWord, key.last == lastWord else { return nil }
        return key.code
    }

    /// Reads the cell of reader `index` (in the order the matcher was built with).
    ///
    /// A multiple choice is read from its bytes when its options are among the first 64, each named once
    /// (a repeated option is left to the text reader, which counts it twice).
    ///
    /// - Parameter options: set to a multiple choice's options, one bit each (``Code/options``).
    /// - Returns: an option number, or a ``Code``.
    @inline(__always)
    func read(_ index: Int, _ cell: UnsafeBufferPointer<UInt8>, options: inout UInt64) -> Int32 {
        guard let start = cell.baseAddress, !cell.isEmpty else { return Code.empty }
        let column = columns[index]
        let count = cell.count
        switch column.kind {
        case .text:
            return exact(start, count: count, in: column.keys) == nil ? Code.text : Code.skipped
        case .flag:
            guard count == 1 else { return Code.unknown }
            return start[0] == 0x31 ? column.flagOption : start[0] == 0x30 ? Code.empty : Code.unknown
        case .choice:
            if let code = exact(start, count: count, in: column.keys) { return code }
            if Self.find(Self.separator, in: start, count) != nil { return Code.unknown }
            return other(start, count: count, in: column.others) ?? Code.unknown
        case .multiple:
            if let code = exact(start, count: count, in: column.keys) {
                guard code >= 0 else { return code }
                guard code < 64 else { return Code.unknown }
                options = 1 << UInt64(code)
                return Code.options
            }
            var mask: UInt64 = 0
            var partStart = 0
            while partStart <= count {
                let found = Self.find(Self.separator, in: start + partStart, count - partStart)
                let partEnd = found.map { partStart + $0 } ?? count
                if partEnd > partStart {
                    let part = start + partStart
                    let length = partEnd - partStart
                    guard
                        let option = exact(part, count: length, in: column.keys).flatMap({ $0 >= 0 ? $0 : nil })
                            ?? other(part, count: length, in: column.others),
                        option < 64, mask & (1 << UInt64(option)) == 0
                    else { return Code.unknown }
                    mask |= 1 << UInt64(option)
                }
                partStart = partEnd + 3
            }
            // Only separators: what that means is left to the reader (it is rare).
            guard mask != 0 else { return Code.unknown }
            options = mask
            return Code.options
        }
    }

    /// `option〖typed text〗`: the option whose text comes before the first `〖`, when the bytes after it
    /// cannot change how the text splits into characters (an ASCII byte or a CJK ideograph, or nothing).
    @inline(__always)
    private func other(_ cell: UnsafePointer<UInt8>, count: Int, in range: Span) -> Int32? {
        guard !range.isEmpty, let mark = Self.find(Self.openOther, in: cell, count), mark > 0 else { return nil }
        if mark + 3 < count {
            let next = cell[mark + 3]
            guard next < 0x80 || (0xE4...0xE9).contains(next) else { return nil }
        }
        return exact(cell, count: mark, in: range)
    }

    /// `┋` (U+250B) and `〖` (U+3016) in UTF-8.
    private static let separator: (UInt8, UInt8, UInt8) = (0xE2, 0x94, 0x8B)
    private static let openOther: (UInt8, UInt8, UInt8) = (0xE3, 0x80, 0x96)

    /// The offset of the first occurrence of a three-byte character in `count` bytes.
    @inline(__always)
    private static func find(_ character: (UInt8, UInt8, UInt8), in bytes: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        var index = 0
        while index + 2 < count {
            if bytes[index] == character.0, bytes[index + 1] == character.1, bytes[index + 2] == character.2 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The options of a mask, in order.
    static func options(_ mask: UInt64) -> [Int] {
        (0..<64).filter { mask & (1 << UInt64($0)) != 0 }
    }
}
