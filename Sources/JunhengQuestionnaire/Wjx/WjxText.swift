/// Text clean-up for matching 问卷星 headers and answers against a questionnaire (DOMAIN.md §5).
///
/// Only used when a header or answer does not match exactly; the per-record path looks values up
/// in precomputed dictionaries first.
enum WjxText {
    /// Full-width ASCII → half-width, ideographic space → space, then every kind of space removed.
    static func normalize(_ text: Substring) -> String {
        // Fast path: no ASCII space or control, no full-width form (EF BC/BD xx), no ideographic space
        // or other U+3000 block character (E3 80 xx), no Latin-1 space (C2 A0): nothing to change.
        if !text.utf8.contains(where: {
            $0 <= 0x20 || $0 == 0x7F || $0 == 0xEF || $0 == 0xE3 || $0 == 0xC2 || $0 == 0xE2
        }) {
            return String(text)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
            if value == 0x3000 { continue }
            guard let mapped = Unicode.Scalar(value) else { continue }
            if mapped.properties.isWhitespace { continue }
            scalars.append(mapped)
        }
        return String(scalars)
    }

    static func normalize(_ text: String) -> String { normalize(text[...]) }

    /// Words that mark a bracketed segment as a 问卷星 type tag: `(单选题 *必答)`, `【多选题】`.
    static let tagWords = ["单选", "多选", "必答", "量表", "矩阵", "填空", "下拉", "排序", "选题", "评分", "比重", "滑动条"]

    /// Removes type tags such as `(单选题 *必答)` or `【多选题】` (after normalising).
    static func stripTags(_ normalized: String) -> String {
        var result = normalized
        var searchEnd = result.endIndex
        while let close = result[..<searchEnd].lastIndex(where: { $0 == ")" || $0 == "】" || $0 == "]" }) {
            let openChar: Character = result[close] == ")" ? "(" : (result[close] == "】" ? "【" : "[")
            guard let open = result[..<close].lastIndex(of: openChar) else { break }
            let inner = result[result.index(after: open)..<close]
            if tagWords.contains(where: { inner.contains($0) }) {
                result.removeSubrange(open...close)
                searchEnd = min(open, result.endIndex)
            } else {
                searchEnd = open
            }
        }
        return result
    }

    /// Strips `〖typed text〗` (the "other, please specify" text) and returns the option part and the
    /// typed text.
    static func splitOther(_ value: String) -> (option: String, typed: String?) {
        guard let open = value.firstIndex(of: "〖") else { return (value, nil) }
        let close = value[open...].firstIndex(of: "〗") ?? value.endIndex
        let typed = String(value[value.index(after: open)..<close])
        return (String(value[..<open]), typed)
    }

    /// Sørensen–Dice similarity of character bigrams (unigrams for one-character strings), in 0...1.
    static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a)
        let y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        func grams(_ chars: [Character]) -> [String: Int] {
            var counts: [String: Int] = [:]
            if chars.count == 1 {
                counts[String(chars[0])] = 1
            } else {
                for index in 0..<(chars.count - 1) { counts[String(chars[index...index + 1]), default: 0] += 1 }
            }
            return counts
        }
        let gx = grams(x)
        let gy = grams(y)
        var common = 0
        for (gram, count) in gx { common += min(count, gy[gram] ?? 0) }
        let total = gx.values.reduce(0, +) + gy.values.reduce(0, +)
        return total > 0 ? 2 * Double(common) / Double(total) : 0
    }

    /// `136秒` → 136; `2分16秒` → 136; `1小时2分` → 3720; `136` → 136; anything else → nil.
    static func seconds(_ value: String) -> Int? {
        let trimmed = value.trimmedSpaces
        if let plain = Int(trimmed) { return plain }
        var total = 0
        var number = 0
        var sawDigit = false
        for char in trimmed {
            if let digit = char.wholeNumberValue, char.isASCII {
                number = number * 10 + digit
                sawDigit = true
            } else if char == "秒" {
                total += number
                number = 0
            } else if char == "分" {
                total += number * 60
                number = 0
            } else if char == "时" {
                total += number * 3600
                number = 0
            } else if char == "小" || char == "钟" {
                continue
            } else {
                return nil
            }
        }
        guard sawDigit, number == 0 else { return nil }
        return total
    }

    /// Whether a cell means "skipped by logic" / "not shown": `(跳过)`, `（跳过）`, `-3`, `-2`.
    static func isSkip(_ value: String) -> Bool {
        value == "(跳过)" || value == "（跳过）" || value == "-3" || value == "-2" || value == "跳过"
    }
}

extension String {
    /// Without leading and trailing spaces and tabs, half or full width.
    var trimmedSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{3000}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{3000}" { scalars.removeLast() }
        return String(scalars)
    }
}
