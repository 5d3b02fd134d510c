/// A block of UTF-8 text for the parser: the file's own bytes (a UTF-8 file needs no conversion) or
/// iconv's output, which the decoder owns.
enum DecodedText {
    case converted([UInt8])
    case original(UnsafeRawBufferPointer)

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .converted(let array): try array.withUnsafeBytes(body)
        case .original(let slice): try body(slice)
        }
    }
}
