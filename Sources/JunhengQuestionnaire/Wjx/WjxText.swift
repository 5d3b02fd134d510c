import JunhengCore

/// What is particular to 问卷星's text: type tags, "other" texts, durations, skips and header similarity
/// (DOMAIN.md §5). Spaces and full-width forms are folded by the one normaliser, ``HandTypedText``.
///
/// Only used when a header or answer does not match exactly; the per-record path looks values up
/// in precomputed dictionaries first.
enum WjxText {
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
        similarity(Bigrams(a), Bigrams(b))
    }

    /// ``similarity(_:_:)`` of texts whose bigrams are counted already (a header compared with every
    /// question counts each text's bigrams once, not once per pair).
    static func similarity(_ a: Bigrams, _ b: Bigrams) -> Double {
        if a.text == b.text { return 1 }
        guard a.total > 0, b.total > 0 else { return 0 }
        var common = 0
        for (gram, count) in a.counts { common += min(count, b.counts[gram] ?? 0) }
        return 2 * Double(common) / Double(a.total + b.total)
    }

    /// A text's character bigrams, counted (its one character, for a text of one; none for an empty one).
    struct Bigrams {
        let text: String
        let counts: [String: Int]
        /// The number of bigrams: the characters less one (1 for one character, 0 for none).
        let total: Int

        init(_ text: String) {
            self.text = text
            let chars = Array(text)
            var counts: [String: Int] = [:]
            if chars.count == 1 {
                counts[String(chars[0])] = 1
            } else if chars.count > 1 {
                for index in 0..<(chars.count - 1) { counts[String(chars[index...index + 1]), default: 0] += 1 }
            }
            self.counts = counts
            total = max(0, chars.count - 1) + (chars.count == 1 ? 1 : 0)
        }
    }

    /// `136秒` → 136; `2分16秒` → 136; `1小时2分` → 3720; `136` → 136; anything else → nil.
    ///
    /// A time too large for an `Int` (`9999999999999999999秒`) is not a time either: nil, never a trap.
    static func seconds(_ value: String) -> Int? {
        let text = HandTypedText.compact(value)
        if case .success(let plain) = NumberCell.integer(text, in: 0...Int.max) { return plain }
        var total = 0
        var number = 0
        var sawDigit = false
        for char in text {
            if let digit = char.wholeNumberValue, char.isASCII {
                let (tens, overflowTens) = number.multipliedReportingOverflow(by: 10)
                let (next, overflowNext) = tens.addingReportingOverflow(digit)
                guard !overflowTens, !overflowNext else { return nil }
                number = next
                sawDigit = true
            } else if let unit = Self.timeUnits[char] {
                let (part, overflowPart) = number.multipliedReportingOverflow(by: unit)
                let (sum, overflowSum) = total.addingReportingOverflow(part)
                guard !overflowPart, !overflowSum else { return nil }
                total = sum
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

    /// Seconds per unit of a 所用时间 such as `1小时2分16秒`.
    private static let timeUnits: [Character: Int] = ["秒": 1, "分": 60, "时": 3600]

    /// Whether a cell means "skipped by logic" / "not shown": `(跳过)`, `（跳过）`, `-3`, `-2`.
    static func isSkip(_ value: String) -> Bool {
        value == "(跳过)" || value == "（跳过）" || value == "-3" || value == "-2" || value == "跳过"
    }
}
