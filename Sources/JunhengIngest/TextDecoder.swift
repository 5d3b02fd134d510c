/// Turns the file's bytes, block by block, into UTF-8 for the parser: the bytes themselves when the
/// file is UTF-8, else glibc's iconv output (see ``Transcoder``). An incomplete character at the end of
/// a block is left for the next one; an undecodable byte stops decoding.
///
/// UTF-8 is not checked here: its bytes are validated where they become text (every field a caller
/// decodes, every header name, every field `junheng inspect` reads), so an undecodable byte is
/// reported with its line and column, and never replaced.
package final class TextDecoder {
    /// `nil` for UTF-8.
    let transcoder: Transcoder?
    private var atStart = true
    /// The last bytes of UTF-8 text seen (up to 3), to tell whether the file ends inside a character.
    private var lastBytes: [UInt8] = []

    /// - Parameter atStart: whether the bytes begin the file (a BOM converted at the very start is
    ///   dropped); false for a chunk read from the middle of a file.
    init(encoding: TextEncoding, file: String, atStart: Bool = true) throws(IngestError) {
        transcoder = encoding == .utf8 ? nil : try Transcoder(from: encoding, file: file)
        self.atStart = atStart
    }

    /// What one block gave. The text is UTF-8: the block's own bytes (a UTF-8 file needs no conversion) or
    /// the converted text in the ``Transcoder``'s buffer; either is valid until the next block is read or
    /// decoded.
    enum Outcome {
        /// The text, and how many input bytes it covers (the rest starts an incomplete character).
        case text(UnsafeRawBufferPointer, consumed: Int)
        /// The text before the byte at `offset`, which cannot be decoded.
        case invalid(UnsafeRawBufferPointer, offset: Int)
        /// The text before the file's last bytes, `tail`, which begin a character that never ends.
        case truncated(UnsafeRawBufferPointer, tail: [UInt8])
    }

    /// Decodes `input`; at the end of the file, an incomplete last character is invalid too.
    func decode(_ input: UnsafeRawBufferPointer, endOfFile: Bool) -> Outcome {
        guard let transcoder else {
            atStart = false
            if input.count >= 3 {
                lastBytes = Array(input.suffix(3))
            } else {
                lastBytes = Array((lastBytes + input).suffix(3))
            }
            if endOfFile, let cut = Self.incompleteUTF8Tail(lastBytes) {
                return .truncated(
                    UnsafeRawBufferPointer(rebasing: input.dropLast(min(cut, input.count))),
                    tail: Array(lastBytes.suffix(cut)))
            }
            return .text(input, consumed: input.count)
        }
        var (decoded, outcome) = transcoder.convert(input)
        // A BOM that came through the conversion is dropped (only at the very start of the text).
        if atStart && decoded.starts(with: [0xEF, 0xBB, 0xBF]) {
            decoded = UnsafeRawBufferPointer(rebasing: decoded[3...])
        }
        atStart = false
        if outcome.invalid {
            return .invalid(decoded, offset: outcome.consumed)
        }
        if endOfFile && outcome.consumed < input.count {
            return .truncated(decoded, tail: Array(input[outcome.consumed...]))
        }
        return .text(decoded, consumed: outcome.consumed)
    }

    /// How many of the last bytes of UTF-8 text begin a character that does not end there (1–3), or
    /// `nil` when the text ends on a whole character (or on bytes that are invalid anyway, which the
    /// field check reports).
    package static func incompleteUTF8Tail(_ last: [UInt8]) -> Int? {
        // Walk back over at most three continuation bytes to the lead byte.
        var continuation = 0
        for byte in last.reversed() {
            if byte & 0xC0 == 0x80 {
                continuation += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return nil
            }
            return continuation + 1 < length ? continuation + 1 : nil
        }
        return nil
    }
}
