import Glibc

/// The UTF-8 of every two-byte GB18030 code (lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE), as glibc's
/// iconv converts it, so that ``Transcoder`` converts the common text of a GB18030 export (ASCII and
/// two-byte Chinese) without a call into iconv per block: the same bytes, several times faster. Four-byte
/// codes, invalid bytes and anything else not in the table still go through iconv, so the output and the
/// errors are iconv's, byte for byte.
///
/// Built once, on first use, by asking iconv for each of the 23,940 codes (a few milliseconds).
enum GB18030Table {
    /// Entry `(lead − 0x80) × 256 + trail` for any lead 0x80–0xFF and any trail: the UTF-8 bytes in the
    /// low three bytes, first byte lowest, and their count in the top byte; 0 for a code iconv does not
    /// convert alone, and for the leads 0x80 and 0xFF and the trails below 0x40, 0x7F and 0xFF, which no
    /// two-byte code has (so that a lookup with a lead ≥ 0x80 checks nothing).
    static let entries: [UInt32] = build()

    /// The entry of `lead`, `trail`, or 0 when either is outside the two-byte ranges.
    static func entry(_ lead: UInt8, _ trail: UInt8) -> UInt32 {
        guard lead >= 0x80 else { return 0 }
        return entries.withUnsafeBufferPointer { entry(lead: lead, trail, in: $0) }
    }

    /// ``entry(_:_:)`` in `table` (``entries``, taken once for a whole block), for a `lead` ≥ 0x80.
    @inline(__always)
    static func entry(lead: UInt8, _ trail: UInt8, in table: UnsafeBufferPointer<UInt32>) -> UInt32 {
        table[Int(lead & 0x7F) &<< 8 | Int(trail)]
    }

    private static func build() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 128 * 256)
        let descriptor = iconv_open("UTF-8", "GB18030")
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return table }
        defer { iconv_close(descriptor) }
        var input: [CChar] = [0, 0]
        var output = [CChar](repeating: 0, count: 8)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                input[0] = CChar(bitPattern: UInt8(lead))
                input[1] = CChar(bitPattern: UInt8(trail))
                let produced: Int? = input.withUnsafeMutableBufferPointer { source in
                    output.withUnsafeMutableBufferPointer { target in
                        var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress
                        var inLeft = 2
                        var outPointer: UnsafeMutablePointer<CChar>? = target.baseAddress
                        var outLeft = target.count
                        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                        // Back to the initial state after a failure (GB18030 has no shift state).
                        if result == -1 { iconv(descriptor, nil, nil, nil, nil) }
                        return result == -1 || inLeft != 0 ? nil : target.count - outLeft
                    }
                }
                guard let produced, (1...3).contains(produced) else { continue }
                var entry = UInt32(produced) << 24
                for index in 0..<produced { entry |= UInt32(UInt8(bitPattern: output[index])) << (8 * UInt32(index)) }
                table[(lead - 0x80) * 256 + trail] = entry
            }
        }
        return table
    }
}
