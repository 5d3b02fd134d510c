/// A block of UTF-8 text for the parser: the file's own bytes (a UTF-8 file needs no conversion) or the
/// converted text, which the decoder's ``Transcoder`` owns; either is valid until the next block is
/// read or decoded.
enum DecodedText {
    case converted(UnsafeRawBufferPointer)
    case original(UnsafeRawBufferPointer)

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .converted(let text), .original(let text): try body(text)
        }
    }
}
