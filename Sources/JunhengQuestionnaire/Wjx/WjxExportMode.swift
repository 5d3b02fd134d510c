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

    /// Decides the mode from the mapped headers and the first records' values: the mode in which most of
    /// the sampled answers are options of their questions, read exactly as the file will be read
    /// (``WjxColumnReader``).
    ///
    /// So a questionnaire whose options are themselves written like scores (`1分` … `5分`) is read in
    /// text mode from a text download: its `5分` is an option text, and its 男/女 are only options as
    /// text. On a tie the order is text, number, score: a value that is an option's text means that
    /// option, and numbers that are both option numbers and declared scores are read as option numbers,
    /// as before. With no answer to tell from, `第N题(选项)` 0/1 columns mean number mode and `┋`-joined
    /// cells text mode.
    static func detect(mapping: WjxColumnMapping, survey: Questionnaire, sample: [CSVRecord]) -> WjxModeDetection {
        let order: [WjxExportMode] = [.text, .number, .score]
        var valid: [WjxExportMode: Int] = [:]
        var sampled = 0
        var joined = false
        var optionColumns = 0
        for column in mapping.columns {
            let question: Question
            let kind: WjxColumnReader.Kind
            switch column.assignment {
            case .answer(let q):
                question = survey.questions[q]
                kind = .answer(question: q)
            case .matrixRow(let q, let r):
                question = survey.questions[q]
                kind = .row(question: q, row: r)
            case .option:
                optionColumns += 1
                continue
            default: continue
            }
            guard question.type != .text else { continue }
            let readers = order.map { WjxColumnReader(column: column.index, kind: kind, question: question, mode: $0) }
            // A column's sample repeats a few values (满意, 非常满意 …): each distinct one is read once.
            var verdicts: [String: [Bool]] = [:]
            for record in sample {
                guard let value = record[column: column.index] else { continue }
                let raw = HandTypedText.cell(value)
                guard !raw.isEmpty, !WjxText.isSkip(raw) else { continue }
                if raw.contains("┋") { joined = true }
                let fits =
                    verdicts[value]
                    ?? readers.map { reader in
                        switch reader.read(value) {
                        case .option, .options, .flag: true
                        case .empty, .skipped, .text, .invalid: false
                        }
                    }
                verdicts[value] = fits
                sampled += 1
                for (mode, fit) in zip(order, fits) where fit { valid[mode, default: 0] += 1 }
            }
        }
        var best = WjxExportMode.text
        for mode in order where valid[mode, default: 0] > valid[best, default: 0] { best = mode }
        if valid[best, default: 0] > 0 {
            let others = order.filter { $0 != best }
            return WjxModeDetection(
                mode: best,
                reason: LocalizedText(
                    zh: "前几行抽查的 \(sampled) 个回答中，\(best.label.zh)读有 \(valid[best, default: 0]) 个是选项"
                        + "（" + others.map { "\($0.label.zh) \(valid[$0, default: 0]) 个" }.joined(separator: "，") + "）",
                    en: "\(valid[best, default: 0]) of the \(sampled) answers sampled from the first rows are options "
                        + "when read as \(best.label.en)s ("
                        + others.map { "as \($0.label.en)s: \(valid[$0, default: 0])" }.joined(separator: ", ") + ")"))
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
