import JunhengIngest

/// The hash of a response's IP and answers (or of its 序号, submission time and time taken), byte for
/// byte, in two independent multiply–rotate lanes: sixteen bytes a step (a word to each lane), then the
/// rest eight at a time into both; each value's length is mixed in after it, so `["ab", "c"]` and
/// `["a", "bc"]` differ. Not cryptographic: it only has to make accidental collisions between honest
/// responses (a wrongly screened duplicate) vanishingly unlikely; its 64-bit ``fingerprint`` is what
/// ``FingerprintSet`` keeps.
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
            // Sixteen bytes a step, a word to each lane: two independent chains, each half as long.
            while offset + 16 <= count {
                let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                a = ((a ^ first) &* 0x9E37_79B9_7F4A_7C15).rotatedLeft(by: 29)
                b = ((b &+ second) &* 0xC2B2_AE3D_27D4_EB4F).rotatedLeft(by: 31)
                offset += 16
            }
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

    /// Feeds `count` consecutive cells at once, `run` holding the first of them (a row may lack the
    /// rest): their bytes end to end as one value (``feed(_:)``), then where each cell ends within them, two
    /// 32-bit offsets a word, then the number of cells. The ends cut the bytes back into the cells, so
    /// `["ab", "c"]` and `["a", "bc"]` still differ, and a cell the row lacks is empty: what was fed names
    /// the cells exactly. Eight bytes a mix for the whole run, where feeding the cells one by one mixes at
    /// least twice a cell. (A run holds far fewer than 2³² bytes, ``CSVLimits``; a longer one traps.)
    @inline(__always)
    mutating func feed(run: CSVFieldRun, count: Int) {
        precondition(run.count <= count, "a run of at most the cells fed")
        feed(run.bytes)
        let total = UInt64(UInt32(run.bytes.count))
        var index = 0
        while index + 1 < count {
            let first = index < run.count ? UInt64(UInt32(run.end(index))) : total
            let second = index + 1 < run.count ? UInt64(UInt32(run.end(index + 1))) : total
            mix(first | second << 32)
            index += 2
        }
        if index < count { mix(index < run.count ? UInt64(UInt32(run.end(index))) : total) }
        mix(UInt64(count) | 0xFD00_0000_0000_0000)
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

    /// The two lanes folded into 64 bits, finalised with MurmurHash3's avalanche so every bit depends on
    /// every byte fed.
    var fingerprint: UInt64 {
        var z = a ^ b.rotatedLeft(by: 17)
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(by shift: UInt64) -> UInt64 { (self << shift) | (self >> (64 - shift)) }
}
