import Glibc
import JunhengCore

/// Converts GB18030 or UTF-16 to UTF-8 as the stream is read, with glibc's iconv. It never replaces a
/// byte: an invalid sequence is reported by offset, and an incomplete one at a chunk's end is left for
/// the next chunk.
final class Transcoder {
    private let descriptor: iconv_t
    let source: TextEncoding

    init(from source: TextEncoding, file: String) throws(IngestError) {
        let name: String
        switch source {
        case .gb18030: name = "GB18030"
        case .utf16le: name = "UTF-16LE"
        case .utf16be: name = "UTF-16BE"
        case .utf8: preconditionFailure("UTF-8 needs no transcoding")
        }
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else {
            throw IngestError(
                kind: .unreadable, location: SourceLocation(file: file),
                message: IngestMessage.iconvMissing(name))
        }
        self.descriptor = descriptor
        self.source = source
    }

    deinit {
        iconv_close(descriptor)
    }

    struct Outcome {
        /// Input bytes converted.
        var consumed: Int
        /// Set when the byte at `consumed` cannot be decoded.
        var invalid: Bool
    }

    /// Converts as much of `input` as forms whole characters, appending UTF-8 to `output`.
    ///
    /// GB18030's ASCII and two-byte codes are converted through ``GB18030Table`` (iconv's own output for
    /// each code), everything else by iconv, so the result is iconv's either way.
    func convert(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Outcome {
        source == .gb18030 ? convertGB18030(input, into: &output) : convertWithIconv(input, into: &output)
    }

    /// The GB18030 fast path: runs of ASCII and table codes written straight into `output`; at any other
    /// byte, iconv converts the one character there (up to four bytes), or says it is invalid or cut.
    private func convertGB18030(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Outcome {
        let count = input.count
        guard count > 0 else { return Outcome(consumed: 0, invalid: false) }
        var written = 0
        var read = 0
        var outcome: Outcome?
        var slow: [UInt8] = []
        let source = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // A byte gives at most one, two bytes at most three, four bytes at most four; the ASCII step stores
        // eight bytes wherever it stands, at most 1.5 × (count − 8) + 8 bytes into the buffer.
        let converted = [UInt8](unsafeUninitializedCapacity: count + count / 2 + 4) { out, initialized in
            defer { initialized = written }
            GB18030Table.entries.withUnsafeBufferPointer { table in
                let target = out.baseAddress!
                while read < count {
                    if read + 8 <= count {
                        // ASCII: eight bytes stored at once, and as many taken as lead the word (all eight,
                        // or those before its first byte ≥ 0x80: the trailing zero bits of the high bits, 64
                        // when there are none). No branch on where a run of ASCII ends.
                        let word = UnsafeRawPointer(source + read).loadUnaligned(as: UInt64.self)
                        UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                        let ascii = (word & 0x8080_8080_8080_8080).trailingZeroBitCount &>> 3
                        written &+= ascii
                        read &+= ascii
                        if ascii == 8 { continue }
                    } else if source[read] < 0x80 {
                        target[written] = source[read]
                        written += 1
                        read += 1
                        continue
                    }
                    // A run of two-byte codes (Chinese text) through the table: each entry stored whole, four
                    // bytes (its count byte lands past the character and is overwritten by the next one, or
                    // left past `written`; the buffer has four bytes of room past any character).
                    var tookRun = false
                    while read + 1 < count, source[read] >= 0x80 {
                        let entry = GB18030Table.entry(lead: source[read], source[read + 1], in: table)
                        if entry == 0 { break }
                        UnsafeMutableRawPointer(target + written).storeBytes(of: entry.littleEndian, as: UInt32.self)
                        written &+= Int(entry &>> 24)
                        read &+= 2
                        tookRun = true
                    }
                    if tookRun { continue }
                    // One character by iconv: a four-byte code, an invalid byte, or a character cut at the end.
                    let end = min(count, read + 4)
                    slow.removeAll(keepingCapacity: true)
                    let one = convertWithIconv(UnsafeRawBufferPointer(rebasing: input[read..<end]), into: &slow)
                    for byte in slow {
                        target[written] = byte
                        written += 1
                    }
                    if one.invalid || one.consumed == 0 {
                        // Invalid here, or the character goes on past the input (left for the next block).
                        outcome = Outcome(consumed: read + one.consumed, invalid: one.invalid)
                        return
                    }
                    read += one.consumed
                }
            }
        }
        if output.isEmpty { output = converted } else { output.append(contentsOf: converted) }
        return outcome ?? Outcome(consumed: count, invalid: false)
    }

    /// Converts as much of `input` as forms whole characters with iconv, appending UTF-8 to `output`.
    func convertWithIconv(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Outcome {
        guard let base = input.baseAddress, input.count > 0 else { return Outcome(consumed: 0, invalid: false) }
        var inPointer = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        var scratch = [UInt8](repeating: 0, count: input.count * 2 + 64)
        while inLeft > 0 {
            let produced: Int
            let result: Int
            let failure: Int32
            (produced, result, failure) = scratch.withUnsafeMutableBytes { raw in
                var outPointer: UnsafeMutablePointer<CChar>? = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = raw.count
                var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                let result = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                let failure = result == -1 ? errno : 0
                inPointer = inOptional!
                return (raw.count - outLeft, result, failure)
            }
            output.append(contentsOf: scratch[0..<produced])
            if result != -1 { continue }
            switch failure {
            case E2BIG: continue
            case EINVAL: return Outcome(consumed: input.count - inLeft, invalid: false)
            default: return Outcome(consumed: input.count - inLeft, invalid: true)
            }
        }
        return Outcome(consumed: input.count, invalid: false)
    }
}
