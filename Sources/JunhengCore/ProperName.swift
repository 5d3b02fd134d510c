/// A proper name in Chinese inside an English text: a county, township or school, a questionnaire's
/// question that has no English text, a file name or a note the county typed.
///
/// With `--lang en` nothing in a report is Chinese except such names, and an English HTML page marks
/// each one `lang="zh"`, so that a check can tell a name from a missed translation. The name is carried
/// inside the English text between two private-use characters (U+E000 … U+E001), which only the HTML
/// renderer turns into `<span lang="zh">…</span>`; every other output takes ``LocalizedText/text(_:)``,
/// which leaves them out, and JSON never sees them (``LocalizedText``'s encoding leaves them out too).
public enum ProperName {
    /// Opens a name (U+E000, UTF-8 EE 80 80).
    public static let start = "\u{E000}"
    /// Closes a name (U+E001, UTF-8 EE 80 81).
    public static let end = "\u{E001}"

    /// `text` marked as a name when it holds a Chinese character; as it is otherwise (an English or
    /// numeric name needs no mark).
    public static func mark(_ text: String) -> String {
        guard isChinese(text), !text.unicodeScalars.contains(where: { $0.value == 0xE000 || $0.value == 0xE001 }) else {
            return text
        }
        return start + text + end
    }

    /// `text` with each stretch of Chinese in it marked as a name: from the first to the last Chinese
    /// character of each word (a word ends at white space), so `Measures (教督〔2017〕6号), resources` marks
    /// `教督〔2017〕6号` and leaves the brackets and the comma outside. For an English text a county wrote
    /// (a plan's `_en` key), where Chinese can only be a name kept as written, such as a document number.
    public static func markRuns(_ text: String) -> String {
        guard isChinese(text), !text.unicodeScalars.contains(where: { $0.value == 0xE000 || $0.value == 0xE001 }) else {
            return text
        }
        var out = ""
        var word: [Unicode.Scalar] = []
        func flush() {
            guard let first = word.firstIndex(where: { isChinese($0) }),
                let last = word.lastIndex(where: { isChinese($0) })
            else {
                out.unicodeScalars.append(contentsOf: word)
                word = []
                return
            }
            out.unicodeScalars.append(contentsOf: word[..<first])
            out += start
            out.unicodeScalars.append(contentsOf: word[first...last])
            out += end
            out.unicodeScalars.append(contentsOf: word[(last + 1)...])
            word = []
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                flush()
                out.unicodeScalars.append(scalar)
            } else {
                word.append(scalar)
            }
        }
        flush()
        return out
    }

    /// `text` without its marks.
    public static func strip(_ text: String) -> String {
        // Fast path: both marks begin with the byte 0xEE, which no Chinese character's UTF-8 starts with.
        guard text.utf8.contains(0xEE) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value != 0xE000 && scalar.value != 0xE001 {
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether `text` holds a marked name.
    public static func isMarked(_ text: String) -> Bool {
        text.utf8.contains(0xEE) && text.unicodeScalars.contains { $0.value == 0xE000 }
    }

    /// Whether `text` holds a Chinese character (CJK ideographs, their extension A and compatibility
    /// forms, CJK punctuation, full-width forms).
    public static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { isChinese($0) }
    }

    /// Whether one scalar is a Chinese character (see ``isChinese(_:)-(String)``).
    public static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F:
            true
        default: false
        }
    }
}
