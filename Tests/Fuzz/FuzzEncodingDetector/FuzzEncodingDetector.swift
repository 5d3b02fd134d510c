import JunhengIngest

// libFuzzer target: encoding detection and the UTF-8 scanner (Tests/Fuzz/README.md).
//
// The scanner is checked against the standard library's own UTF-8 validation: valid exactly when the
// standard library accepts the bytes, and at an invalid or cut-off character, everything before it
// valid. The cut-off tail the decoder reports at the end of a file agrees with the scanner.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncodingDetector(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = EncodingDetector.detect(bytes)
    let valid = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) != nil
    func validPrefix(_ end: Int) -> Bool {
        String(validating: UnsafeBufferPointer(start: data, count: end), as: UTF8.self) != nil
    }
    switch UTF8Scanner.scan(bytes) {
    case .valid:
        precondition(valid, "the scanner accepts bytes the standard library rejects")
    case .truncated(let at):
        precondition(!valid && validPrefix(at), "a cut character must follow valid text")
        precondition(size - at <= 3, "a cut character is at most 3 bytes")
        let tail = TextDecoder.incompleteUTF8Tail(Array(bytes.suffix(3)))
        precondition(tail == size - at, "the decoder's cut tail \(String(describing: tail)) differs from \(size - at)")
    case .invalid(let at):
        precondition(!valid && validPrefix(at), "an invalid byte must follow valid text")
    }
    return 0
}
