/// Reads JSON text into a ``SettingsNode`` tree that keeps the line and column of every key and value,
/// which Foundation's `JSONDecoder` does not, so a settings mistake is reported where it is.
///
/// It accepts RFC 8259 JSON (objects, arrays, strings with escapes, numbers, `true`, `false`, `null`);
/// numbers are kept as written, for ``NumberCell`` to read. Columns count characters, as editors do.
///
/// Complexity: O(n) in the text; nesting deeper than ``maximumDepth`` is refused, not recursed into.
public struct JSONSettingsParser {
    public static let maximumDepth = 64

    let file: String
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var lineStart = 0

    /// Parses `text`, naming `file` in every place and error.
    public static func parse(_ text: String, file: String) throws(SettingsError) -> SettingsNode {
        var parser = JSONSettingsParser(file: file, bytes: Array(text.utf8))
        parser.skipSpace()
        if parser.peek == 0xEF, parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {  // a BOM, as Notepad writes it
            parser.offset += 3
            parser.lineStart = 3
        }
        parser.skipSpace()
        let node = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.offset == parser.bytes.count else {
            throw parser.error(
                LocalizedText(zh: "JSON 值之后还有多余的内容", en: "there is more text after the JSON value"))
        }
        return node
    }

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    // MARK: - Values

    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    var here: SourceLocation {
        let column = bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(file: file, line: line, column: column)
    }

    func error(_ message: LocalizedText) -> SettingsError {
        SettingsError(
            location: here, message: LocalizedText(zh: "不是有效的 JSON：", en: "not valid JSON: ") + message)
    }

    mutating func value(depth: Int) throws(SettingsError) -> SettingsNode {
        guard depth < Self.maximumDepth else {
            throw error(LocalizedText(zh: "嵌套过深", en: "nested too deeply"))
        }
        let location = here
        switch peek {
        case UInt8(ascii: "{"): return SettingsNode(.mapping(try object(depth: depth)), location: location)
        case UInt8(ascii: "["): return SettingsNode(.sequence(try array(depth: depth)), location: location)
        case UInt8(ascii: "\""): return SettingsNode(.scalar(try string()), location: location)
        case nil: throw error(LocalizedText(zh: "文件在值之前结束", en: "the file ends where a value is expected"))
        default:
            let start = offset
            while let byte = peek, !Self.ends(byte) { offset += 1 }
            let word = String(decoding: bytes[start..<offset], as: UTF8.self)
            switch word {
            case "null": return SettingsNode(.null, location: location)
            case "": throw error(LocalizedText(zh: "这里应有一个值", en: "a value is expected here"))
            default: return SettingsNode(.scalar(word), location: location)
            }
        }
    }

    /// A byte that ends a bare word (number, `true`, `null`): space, a delimiter, or a quote.
    static func ends(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"),
            UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["):
            true
        default: false
        }
    }

    mutating func object(depth: Int) throws(SettingsError) -> [SettingsNode.Entry] {
        offset += 1  // {
        var entries: [SettingsNode.Entry] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            offset += 1
            return entries
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else {
                throw error(LocalizedText(zh: "这里应为带引号的键", en: "a quoted key is expected here"))
            }
            let keyLocation = here
            let key = try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else {
                throw error(LocalizedText(zh: "键之后应为冒号", en: "a colon is expected after the key"))
            }
            offset += 1
            skipSpace()
            entries.append(.init(key: key, keyLocation: keyLocation, value: try value(depth: depth + 1)))
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return entries
            default: throw error(LocalizedText(zh: "这里应为逗号或 }", en: "a comma or } is expected here"))
            }
        }
    }

    mutating func array(depth: Int) throws(SettingsError) -> [SettingsNode] {
        offset += 1  // [
        var elements: [SettingsNode] = []
        skipSpace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            return elements
        }
        while true {
            skipSpace()
            elements.append(try value(depth: depth + 1))
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return elements
            default: throw error(LocalizedText(zh: "这里应为逗号或 ]", en: "a comma or ] is expected here"))
            }
        }
    }

    /// A quoted string, escapes decoded; the offset is on the opening quote.
    mutating func string() throws(SettingsError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var run = offset
        func flush(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                flush(offset)
                offset += 1
                return String(scalars)
            case 0x0A, 0x0D:
                throw error(LocalizedText(zh: "字符串没有在行尾之前结束", en: "a string is not closed before the line ends"))
            case UInt8(ascii: "\\"):
                flush(offset)
                offset += 1
                guard let escaped = peek else { break }
                offset += 1
                switch escaped {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    guard offset + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
                    else { throw error(LocalizedText(zh: "\\u 之后应为四位十六进制数", en: "\\u needs four hex digits")) }
                    offset += 4
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: scalars.append(Unicode.Scalar(escaped))
                }
                run = offset
            default:
                offset += 1
            }
        }
        throw error(LocalizedText(zh: "字符串没有结束的引号", en: "a string has no closing quote"))
    }

    mutating func skipSpace() {
        while let byte = peek {
            switch byte {
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            case 0x0D:
                offset += 1
                if peek == 0x0A { offset += 1 }
                line += 1
                lineStart = offset
            case 0x20, 0x09: offset += 1
            default: return
            }
        }
    }
}
