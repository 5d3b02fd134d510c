/// Looks at what comes before an XML part's root element and refuses a document type declaration
/// (`<!DOCTYPE …>`).
///
/// No part of a workbook has one (ECMA-376 Part 2, §8.1.4: a package's XML must not declare a DTD), and
/// one could declare entities: libxml2 would expand some and drop others without a word, so a cell's
/// text could change silently. Only the XML declaration, processing instructions, comments and white
/// space may come first; the check ends at the root element's `<`. UTF-16 parts (with or without a
/// byte order mark) are looked at through their ASCII characters.
struct XMLPrologCheck {
    /// Why a part is refused.
    struct Refusal: Error, Hashable, CustomStringConvertible {
        var description: String
    }

    /// The most bytes looked at for the root element; a real part's prolog is under 200 bytes.
    static let maximumBytes = 4_096

    private var head: [UInt8] = []
    private var decided = false

    /// Takes the part's next bytes.
    ///
    /// - Returns: the refusal once the prolog holds a declaration or runs over ``maximumBytes``; `nil`
    ///   while it is clean or not yet complete.
    mutating func check(_ bytes: some Collection<UInt8>) -> Refusal? {
        guard !decided else { return nil }
        head.append(contentsOf: bytes.prefix(Self.maximumBytes + 4 - head.count))
        switch Self.scan(Self.ascii(head)) {
        case .clean:
            decided = true
            head = []
            return nil
        case .declaration:
            decided = true
            return Refusal(description: "it declares a document type (<!DOCTYPE>), which no workbook part has")
        case .incomplete:
            guard head.count >= Self.maximumBytes else { return nil }
            decided = true
            return Refusal(description: "no root element in its first \(Self.maximumBytes) bytes")
        }
    }

    private enum Verdict {
        case clean
        case declaration
        case incomplete
    }

    /// The ASCII characters of the prolog: UTF-16 (told by its byte order mark, or by `<` then a zero
    /// byte) is narrowed to one byte a character, anything not ASCII becoming 0xFF.
    static func ascii(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        var lowFirst: Bool?
        if bytes.starts(with: [0xFF, 0xFE]) {
            (start, lowFirst) = (2, true)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (start, lowFirst) = (2, false)
        } else if bytes.starts(with: [0x3C, 0x00]) {
            lowFirst = true
        } else if bytes.starts(with: [0x00, 0x3C]) {
            lowFirst = false
        }
        guard let lowFirst else { return bytes }
        return stride(from: start, to: bytes.count - 1, by: 2).map { index in
            let (low, high) = lowFirst ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return high == 0 && low < 0x80 ? low : 0xFF
        }
    }

    /// Walks the prolog: a UTF-8 byte order mark, white space, `<?…?>` and `<!--…-->` are passed over;
    /// `<!` of anything else is a declaration; any other character ends the prolog.
    private static func scan(_ bytes: [UInt8]) -> Verdict {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            guard index + 1 < bytes.count else { return .incomplete }
            guard bytes[index] == UInt8(ascii: "<") else { return .clean }
            switch bytes[index + 1] {
            case UInt8(ascii: "?"):
                guard let end = find([UInt8(ascii: "?"), UInt8(ascii: ">")], in: bytes, from: index + 2) else {
                    return .incomplete
                }
                index = end + 2
            case UInt8(ascii: "!"):
                guard index + 3 < bytes.count else { return .incomplete }
                guard bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") else {
                    return .declaration
                }
                let close = [UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: ">")]
                guard let end = find(close, in: bytes, from: index + 4) else { return .incomplete }
                index = end + 3
            default:
                return .clean
            }
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
