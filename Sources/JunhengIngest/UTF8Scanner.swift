/// Finds the first byte that is not valid UTF-8, with an 8-bytes-at-a-time fast path over ASCII.
/// (`package`: the fuzzing harness checks it against the standard library's validation.)
package enum UTF8Scanner {
    /// The offset of the first invalid byte, or `nil` when all is valid.
    /// - Parameter allowTruncatedEnd: treat a multi-byte character cut off by the end of `bytes` as valid
    ///   (more bytes follow in the next chunk).
    static func firstInvalidByte(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Int? {
        switch scan(bytes) {
        case .valid: return nil
        case .truncated(let at): return allowTruncatedEnd ? nil : at
        case .invalid(let at): return at
        }
    }

    /// Whether all of `bytes` is valid UTF-8 (a character cut off at the end is not).
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        // Most fields checked are short and ASCII (times, numbers, IPs): eight bytes at a time.
        while i + 8 <= count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < count, base[i] < 0x80 { i += 1 }
        if i == count { return true }
        return scan(UnsafeRawBufferPointer(start: base + i, count: count - i)) == .valid
    }

    package enum Outcome: Equatable {
        case valid
        /// A multi-byte character starts at this offset and runs past the end.
        case truncated(at: Int)
        case invalid(at: Int)
    }

    package static func scan(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        let count = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .valid }
        var i = 0
        while i < count {
            // Fast path: eight ASCII bytes at a time.
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < count else { break }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // Fast path: a three-byte character led by E1–EC or EE–EF (every CJK ideograph), whose two
            // other bytes may be any continuation byte (80–BF), as the table below also says.
            if lead &- 0xE1 <= 0x0E, lead != 0xED, i + 2 < count, base[i + 1] & 0xC0 == 0x80,
                base[i + 2] & 0xC0 == 0x80
            {
                i += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return .invalid(at: i)
            }
            for k in 1..<length {
                guard i + k < count else { return .truncated(at: i) }
                let byte = base[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
                guard byte >= lo && byte <= hi else { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }
}
