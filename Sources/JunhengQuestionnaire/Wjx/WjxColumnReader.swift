import JunhengCore

/// One cell of an export read against its question: which option(s) it names, or why none.
enum WjxCell: Sendable, Hashable {
    /// Nothing written (an optional question left blank).
    case empty
    /// `(跳过)`, `（跳过）`, `-3`, `-2`: skipped by logic or not shown.
    case skipped
    /// One option (0-based).
    case option(Int)
    /// Several options of a `┋`-joined multiple choice.
    case options([Int])
    /// A number-mode 0/1 option column.
    case flag(Bool)
    /// Free text (never stored: reports show no free text).
    case text
    /// A value that is not an option of the question.
    case invalid
}

/// Reads one column's cells fast: the lookup dictionary for the file's mode is built once, so the
/// per-record path is a dictionary lookup (the slower normalising path only runs on a miss).
struct WjxColumnReader: Sendable {
    enum Kind: Sendable, Hashable {
        case answer(question: Int)
        case option(question: Int, option: Int)
        case row(question: Int, row: Int)
    }

    let column: Int
    let kind: Kind
    let type: QuestionType
    /// Raw value → option index in this file's mode.
    let lookup: [String: Int]
    /// Normalised option text → option index (text-mode fallback and "other" options).
    let normalized: [String: Int]
    let mode: WjxExportMode
    /// How ``CellMatcher`` reads this column's cells from their bytes.
    let byteSpelling: ByteSpelling

    /// The values a cell can be matched against byte for byte, with what each gives.
    struct ByteSpelling: Sendable {
        var kind: CellMatcher.Kind
        /// The option a `1` ticks (an option column).
        var flagOption: Int?
        /// Whole-cell values: every key of ``WjxColumnReader/lookup`` (its option), then the skip markers
        /// that are not keys (``CellMatcher/Code/skipped``); for free text, the skip markers.
        var exact: [(text: String, code: Int32)]
        /// Option texts and aliases an `〖other text〗` may follow, with the option ``read(_:)`` gives
        /// for them (text mode only).
        var others: [(text: String, code: Int32)]
    }

    init(column: Int, kind: Kind, question: Question, mode: WjxExportMode) {
        self.column = column
        self.kind = kind
        self.type = question.type
        self.mode = mode
        var lookup: [String: Int] = [:]
        var normalized: [String: Int] = [:]
        for (index, option) in question.options.enumerated() {
            normalized[HandTypedText.compact(option.text)] = index
            for alias in option.aliases { normalized[HandTypedText.compact(alias)] = index }
        }
        let hasScores = question.options.contains { $0.score != nil }
        switch mode {
        case .text:
            for (index, option) in question.options.enumerated() {
                lookup[option.text] = index
                for alias in option.aliases { lookup[alias] = index }
            }
        case .number:
            for (index, number) in question.optionNumbers.enumerated() { lookup[String(number)] = index }
        case .score where hasScores:
            for (index, option) in question.options.enumerated() {
                guard let score = option.score else { continue }
                let text = NumberCell.wholeNumber(score).map { String($0) } ?? String(score)
                lookup[text] = index
                lookup[text + "分"] = index
                lookup[String(score)] = index
            }
        case .score:
            for (index, number) in question.optionNumbers.enumerated() { lookup[String(number)] = index }
        }
        self.lookup = lookup
        self.normalized = normalized
        self.byteSpelling = Self.spelling(
            kind: kind, type: question.type, mode: mode, lookup: lookup, normalized: normalized, question: question)
    }

    private static func spelling(
        kind: Kind, type: QuestionType, mode: WjxExportMode, lookup: [String: Int], normalized: [String: Int],
        question: Question
    ) -> ByteSpelling {
        let skips = ["(跳过)", "（跳过）", "-3", "-2", "跳过"]
        if case .option(_, let option) = kind {
            return ByteSpelling(kind: .flag, flagOption: option, exact: [], others: [])
        }
        if type == .text {
            return ByteSpelling(kind: .text, exact: skips.map { ($0, CellMatcher.Code.skipped) }, others: [])
        }
        // Keys in a fixed order (the matcher takes the first that matches; no two are equal).
        var exact = lookup.filter { isSafeByteKey($0.key) }.sorted { $0.key < $1.key }
            .map { (text: $0.key, code: Int32($0.value)) }
        exact += skips.filter { lookup[$0] == nil }.map { ($0, CellMatcher.Code.skipped) }
        var others: [(text: String, code: Int32)] = []
        let texts = question.options.flatMap { [$0.text] + $0.aliases }
        if mode == .text, !texts.contains(where: { $0.contains("〖") }) {
            for text in Set(texts).sorted() where isSafeByteKey(text) {
                // What `one(_:)` gives for `text〖…〗`: the option part is compacted and looked up.
                if let index = normalized[HandTypedText.compact(text)] { others.append((text, Int32(index))) }
            }
        }
        return ByteSpelling(kind: type == .multiple ? .multiple : .choice, exact: exact, others: others)
    }

    /// Whether matching `text` byte for byte inside a cell can only find it where the text reader would: it
    /// is not empty, holds no `┋` or `〖`, does not start with a mark that joins the character before it,
    /// and does not end with one that joins the character after (so `┋` and `〖` around it always start a
    /// character of their own).
    static func isSafeByteKey(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard !text.contains("┋"), !text.contains("〖") else { return false }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: break
        }
        if first.properties.isGraphemeExtend || first.value == 0x200D { return false }
        // Grapheme_Cluster_Break=Prepend: joins the character after it.
        let prepend: [ClosedRange<UInt32>] = [
            0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2,
            0x0D4E...0x0D4E, 0x110BD...0x110BD, 0x110CD...0x110CD, 0x111C2...0x111C3, 0x1193F...0x1193F,
            0x11941...0x11941, 0x11A3A...0x11A3A, 0x11A84...0x11A89, 0x11D46...0x11D46, 0x11F02...0x11F02,
        ]
        return !prepend.contains { $0.contains(last.value) }
    }

    /// Reads one cell.
    func read(_ raw: String) -> WjxCell {
        if raw.isEmpty { return .empty }
        if type == .text {
            return WjxText.isSkip(raw) ? .skipped : .text
        }
        if case .option = kind {
            switch raw {
            case "1": return .flag(true)
            case "0": return .flag(false)
            default:
                let value = HandTypedText.cell(raw)
                if value.isEmpty { return .empty }
                if WjxText.isSkip(value) { return .skipped }
                return value == "1" ? .flag(true) : value == "0" ? .flag(false) : .invalid
            }
        }
        if let index = lookup[raw] {
            return type == .multiple ? .options([index]) : .option(index)
        }
        if WjxText.isSkip(raw) { return .skipped }
        if type == .multiple || raw.contains("┋") {
            var indices: [Int] = []
            for part in raw.split(separator: "┋", omittingEmptySubsequences: true) {
                guard let index = one(String(part)) else { return .invalid }
                indices.append(index)
            }
            if indices.isEmpty { return .empty }
            return type == .multiple ? .options(indices) : (indices.count == 1 ? .option(indices[0]) : .invalid)
        }
        guard let index = one(raw) else {
            return HandTypedText.cell(raw).isEmpty ? .empty : .invalid
        }
        return .option(index)
    }

    /// The option a single value names, through the slower paths.
    private func one(_ raw: String) -> Int? {
        if let index = lookup[raw] { return index }
        let value = HandTypedText.cell(raw)
        if let index = lookup[value] { return index }
        guard mode == .text else {
            // 问卷星 writes integers; Excel may have saved `3.0`. Checked: `-9.3e18` or `inf` is no option.
            guard case .success(let number) = NumberCell.decimal(value), let whole = NumberCell.wholeNumber(number)
            else { return nil }
            return lookup[String(whole)]
        }
        let normal = HandTypedText.compact(value)
        if let index = normalized[normal] { return index }
        let (option, typed) = WjxText.splitOther(normal)
        if typed != nil, let index = normalized[option] { return index }
        return nil
    }
}
