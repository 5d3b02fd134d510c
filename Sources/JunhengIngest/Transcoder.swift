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
    func convert(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Outcome {
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
