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
    /// `lookup`'s keys as UTF-8 bytes, for ``read(bytes:)`` (for free text: the spellings of
    /// "skipped", ``WjxText/isSkip(_:)``); none when that path does not apply (multiple choice,
    /// option columns, or too many keys for a linear scan).
    let keyBytes: [UInt8]
    /// Per key: where its bytes start in `keyBytes`, how many, and its option index.
    let keys: [(start: Int32, count: Int32, option: Int32)]

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
        var keyBytes: [UInt8] = []
        var keys: [(start: Int32, count: Int32, option: Int32)] = []
        if case .option = kind {
        } else if question.type != .multiple, question.type != .text, lookup.count <= 32 {
            for (key, value) in lookup.sorted(by: { $0.key < $1.key }) {
                keys.append((Int32(keyBytes.count), Int32(key.utf8.count), Int32(value)))
                keyBytes += key.utf8
            }
        } else if question.type == .text {
            for skip in ["(跳过)", "（跳过）", "-3", "-2", "跳过"] {
                keys.append((Int32(keyBytes.count), Int32(skip.utf8.count), -1))
                keyBytes += skip.utf8
            }
        }
        self.keyBytes = keyBytes
        self.keys = keys
    }

    /// Reads one cell from its UTF-8 bytes when that is certain to give what ``read(_:)`` gives: an
    /// empty cell, a free-text cell, or an exact option value. `nil` means "use ``read(_:)``".
    func read(bytes: UnsafeBufferPointer<UInt8>) -> WjxCell? {
        guard let first = bytes.baseAddress, !bytes.isEmpty else { return .empty }
        let match: Int32? = keyBytes.withUnsafeBufferPointer { stored in
            keys.withUnsafeBufferPointer { keys in
                for key in keys where Int(key.count) == bytes.count {
                    if memcmpEqual(stored.baseAddress! + Int(key.start), first, bytes.count) { return key.option }
                }
                return nil
            }
        }
        if type == .text { return match == nil ? .text : .skipped }
        return match.map { .option(Int($0)) }
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
