/// Comparing and hashing short runs of bytes (option texts, township names, answers) word by word, with
/// unaligned loads that stay inside the bytes given.
@_spi(Storage) public enum RawBytes {
    /// Whether `count` bytes at `a` and `b` are equal: word-wide loads (the last one overlapping), as the
    /// values compared are short.
    @inlinable @inline(__always)
    public static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
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
    @inlinable @inline(__always)
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return equal(x, y, count: a.count)
    }

    /// The first and last eight bytes of `count` bytes at `bytes` as two words (for 4–7 bytes the first
    /// and last four in one word; fewer, the bytes themselves): with the length they identify a value of
    /// up to 16 bytes, so a short value is matched by comparing a length and two words.
    @inlinable @inline(__always)
    public static func words(_ bytes: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(bytes)
        if count >= 8 {
            return (
                raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            )
        }
        if count >= 4 {
            return (
                UInt64(raw.loadUnaligned(as: UInt32.self))
                    | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32, 0
            )
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return (word, 0)
    }

    /// A 64-bit hash of `bytes`, eight bytes at a time, its length mixed in, finished with MurmurHash3's
    /// 64-bit avalanche so every bit depends on every byte. Not cryptographic.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(bytes.count) &* 0xC2B2_AE3D_27D4_EB4F)
        if let base = bytes.baseAddress, bytes.count > 0 {
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                h =
                    (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                offset += 8
            }
            if offset < bytes.count {
                var tail: UInt64 = 0
                for index in offset..<bytes.count { tail |= UInt64(base[index]) << UInt64(8 * (index - offset)) }
                h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
            }
        }
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
