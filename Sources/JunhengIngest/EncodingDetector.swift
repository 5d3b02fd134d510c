/// Decides a file's text encoding from its first bytes (DOMAIN.md §5): a byte-order mark (UTF-8,
/// UTF-16LE, UTF-16BE), else UTF-16 by its pattern of zero bytes, else valid UTF-8, else GB18030.
/// It also recognises Excel workbooks handed in as CSV. (`package`: the fuzzing harness calls it.)
package enum EncodingDetector {
    package enum Verdict: Equatable {
        case text(TextEncoding, bomLength: Int)
        case xlsx
        case xls
    }

    /// - Parameter prefix: the first bytes of the file (up to about 1 MiB, or the whole file).
    package static func detect(_ prefix: UnsafeRawBufferPointer) -> Verdict {
        let b = Array(prefix.prefix(8))
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return .text(.utf8, bomLength: 3) }
        if b.starts(with: [0xFF, 0xFE]) { return .text(.utf16le, bomLength: 2) }
        if b.starts(with: [0xFE, 0xFF]) { return .text(.utf16be, bomLength: 2) }
        if let utf16 = utf16ByZeroBytes(prefix) { return .text(utf16, bomLength: 0) }
        switch UTF8Scanner.scan(prefix) {
        case .valid:
            return .text(.utf8, bomLength: 0)
        case .truncated:
            // Valid UTF-8 up to a character that runs past the end: cut by the sniff window, or (when
            // this is the whole file) by the end of the file. Either way the bytes are UTF-8 evidence,
            // and a file cut inside a character is then the reader's fatal "truncated-character" error,
            // which states this evidence, for a file of 8 bytes as for one of 8 MB. Guessing GB18030
            // instead would read the cut bytes as some other character and go on silently.
            return .text(.utf8, bomLength: 0)
        case .invalid(let invalid):
            // Text that is plainly UTF-8 (several Chinese characters) before the first bad byte is a
            // UTF-8 file with a damaged or pasted-in part: read it as UTF-8 so the bad byte is reported
            // by line and column, rather than decoding the whole file as GB18030 garbage.
            let multiByteCharacters = prefix[0..<invalid].filter { $0 >= 0xC2 && $0 <= 0xF4 }.count
            return .text(multiByteCharacters >= 3 ? .utf8 : .gb18030, bomLength: 0)
        }
    }

    /// UTF-16 text without a BOM: ASCII characters leave a zero in every other byte.
    private static func utf16ByZeroBytes(_ bytes: UnsafeRawBufferPointer) -> TextEncoding? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for index in stride(from: 0, to: sample, by: 2) {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return .utf16le }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return .utf16be }
        return nil
    }
}
