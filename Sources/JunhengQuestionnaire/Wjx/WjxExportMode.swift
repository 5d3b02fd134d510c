public import JunhengCore
import JunhengIngest

/// The three 问卷星 download modes (DOMAIN.md §5): 按选项文本, 按选项序号, 按分数.
public enum WjxExportMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 按选项文本: option texts; multiple choices joined by `┋`.
    case text
    /// 按选项序号: 1-based option numbers; one 0/1 column per option of a multiple choice.
    case number
    /// 按分数: the declared score of each option (`4分` or `4`).
    case score

    /// 问卷星's own name for the mode (按选项文本 …) in Chinese; the mode in words in English.
    public var label: LocalizedText {
        switch self {
        case .text: LocalizedText(zh: "按选项文本", en: "option text")
        case .number: LocalizedText(zh: "按选项序号", en: "option number")
        case .score: LocalizedText(zh: "按分数", en: "score")
        }
    }
}

/// Which mode a file is in, and why the tool thinks so (shown by `survey check`).
public struct WjxModeDetection: Sendable, Hashable {
    public var mode: WjxExportMode
    public var reason: LocalizedText

    public init(mode: WjxExportMode, reason: LocalizedText) {
        self.mode = mode
        self.reason = reason
    }

    /// Decides the mode from the mapped headers and the first records' values.
    ///
    /// Option texts win for text mode; `N分` values or values that are declared scores but not option
    /// numbers mean score mode; integers in 1…n mean number mode; with no values to look at, `第N题(选项)`
    /// columns mean number mode.
    static func detect(mapping: WjxColumnMapping, survey: Questionnaire, sample: [CSVRecord]) -> WjxModeDetection {
        var textHits = 0
        var numberHits = 0
        var scoreOnlyHits = 0
        var fenHits = 0
        var joined = false
        var optionColumns = 0
        for column in mapping.columns {
            let question: Question
            switch column.assignment {
            case .answer(let q), .matrixRow(let q, _): question = survey.questions[q]
            case .option:
                optionColumns += 1
                continue
            default: continue
            }
            guard question.type != .text else { continue }
            let texts = Set(
                question.options.flatMap { [HandTypedText.compact($0.text)] + $0.aliases.map(HandTypedText.compact) })
            let scores = Set(question.options.compactMap(\.score))
            let numbers = Set(question.optionNumbers)
            // A column's sample repeats a few values (满意, 非常满意 …): each distinct one is read once.
            var verdicts: [String: SampleCell] = [:]
            for record in sample {
                guard let value = record[column: column.index] else { continue }
                let verdict: SampleCell
                if let known = verdicts[value] {
                    verdict = known
                } else {
                    verdict = SampleCell(value, texts: texts, scores: scores, numbers: numbers)
                    verdicts[value] = verdict
                }
                if verdict.joined { joined = true }
                switch verdict.kind {
                case .none: break
                case .fen: fenHits += 1
                case .number: numberHits += 1
                case .scoreOnly: scoreOnlyHits += 1
                case .text: textHits += 1
                }
            }
        }
        if fenHits > 0 {
            return WjxModeDetection(
                mode: .score,
                reason: LocalizedText(
                    zh: "\(fenHits) 个回答是“N分”形式的分数", en: "\(fenHits) answers are scores written as N分"))
        }
        if textHits > 0, textHits >= numberHits {
            return WjxModeDetection(
                mode: .text,
                reason: LocalizedText(
                    zh: "前几行有 \(textHits) 个回答是选项文字", en: "\(textHits) answers in the first rows are option texts"))
        }
        if scoreOnlyHits > 0 {
            return WjxModeDetection(
                mode: .score,
                reason: LocalizedText(
                    zh: "\(scoreOnlyHits) 个回答是问卷规定的分数而不是选项序号",
                    en: "\(scoreOnlyHits) answers are declared scores that are not option numbers"))
        }
        if numberHits > 0 {
            return WjxModeDetection(
                mode: .number,
                reason: LocalizedText(
                    zh: "前几行有 \(numberHits) 个回答是选项序号", en: "\(numberHits) answers in the first rows are option numbers")
            )
        }
        if optionColumns > 0 {
            return WjxModeDetection(
                mode: .number,
                reason: LocalizedText(
                    zh: "\(optionColumns) 列是“第N题(选项)”的 0/1 列", en: "\(optionColumns) columns are 第N题(选项) 0/1 columns"))
        }
        if joined {
            return WjxModeDetection(
                mode: .text, reason: LocalizedText(zh: "多选题的选项以 ┋ 连接", en: "multiple choices are joined by ┋"))
        }
        return WjxModeDetection(
            mode: .text,
            reason: LocalizedText(zh: "没有可判断的回答，按选项文本处理", en: "no answers to tell from; text mode assumed"))
    }
}

/// What one sample cell says about the mode (``WjxModeDetection/detect(mapping:survey:sample:)``).
private struct SampleCell {
    enum Kind {
        /// Empty, skipped, or nothing the mode could be told from.
        case none
        /// `N分`.
        case fen
        /// One of the question's option numbers.
        case number
        /// A declared score that is no option number.
        case scoreOnly
        /// An option's text (or alias), alone or before `〖other text〗`.
        case text
    }

    var kind = Kind.none
    /// Whether the cell joins answers with `┋`.
    var joined = false

    init(_ value: String, texts: Set<String>, scores: Set<Double>, numbers: Set<Int>) {
        let raw = HandTypedText.cell(value)
        guard !raw.isEmpty, !WjxText.isSkip(raw) else { return }
        joined = raw.contains("┋")
        let first = String(raw.split(separator: "┋").first ?? "")
        if first.hasSuffix("分"), case .success = NumberCell.decimal(first.dropLast()) {
            kind = .fen
            return
        }
        // Checked: `18446744073709551616`, `inf`, `1e309` or `NaN` is no option number (and no trap).
        if case .success(let number) = NumberCell.decimal(first) {
            let isNumber = NumberCell.wholeNumber(number).map(numbers.contains) ?? false
            kind = isNumber ? .number : scores.contains(number) ? .scoreOnly : .none
            return
        }
        let (option, _) = WjxText.splitOther(HandTypedText.compact(first))
        if texts.contains(option) || texts.contains(where: { $0.count >= 2 && option.hasPrefix($0) }) {
            kind = .text
        }
    }
}
