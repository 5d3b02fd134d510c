/// Turns the file's bytes, block by block, into UTF-8 for the parser: the bytes themselves when the
/// file is UTF-8, else glibc's iconv output (see ``Transcoder``). An incomplete character at the end of
/// a block is left for the next one; an undecodable byte stops decoding.
///
/// UTF-8 is not checked here: its bytes are validated where they become text (every field a caller
/// decodes, every header name, every field `junheng inspect` reads), so an undecodable byte is
/// reported with its line and column, and never replaced.
final class TextDecoder {
    /// `nil` for UTF-8.
    let transcoder: Transcoder?
    private var decoded: [UInt8] = []
    private var atStart = true

    init(encoding: TextEncoding, file: String) throws(IngestError) {
        transcoder = encoding == .utf8 ? nil : try Transcoder(from: encoding, file: file)
    }

    /// What one block gave.
    enum Outcome {
        /// The text, and how many input bytes it covers (the rest starts an incomplete character).
        case text(DecodedText, consumed: Int)
        /// The text before the byte at `offset`, which cannot be decoded.
        case invalid(DecodedText, offset: Int)
    }

    /// Decodes `input`; at the end of the file, an incomplete last character is invalid too.
    func decode(_ input: UnsafeRawBufferPointer, endOfFile: Bool) -> Outcome {
        guard let transcoder else {
            atStart = false
            return .text(.original(input), consumed: input.count)
        }
        decoded.removeAll(keepingCapacity: true)
        let outcome = transcoder.convert(input, into: &decoded)
        // A BOM that came through the conversion is dropped (only at the very start of the text).
        if atStart && decoded.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.removeFirst(3) }
        atStart = false
        if outcome.invalid || (endOfFile && outcome.consumed < input.count) {
            return .invalid(.converted(decoded), offset: outcome.consumed)
        }
        return .text(.converted(decoded), consumed: outcome.consumed)
    }
}
