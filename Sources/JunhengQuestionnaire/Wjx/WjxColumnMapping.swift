public import JunhengCore

/// How the columns of one 问卷星 export map onto a questionnaire's questions (DOMAIN.md §5).
///
/// Headers `N、题干` are matched by question number and text similarity after normalising full-width
/// characters, spaces and type tags such as `(单选题 *必答)`, so a reworded question still matches.
/// Number-mode option columns `第N题(选项)` are matched as a group to the multiple-choice question whose
/// options they name. An explicit ``WjxMappingFile`` overrides every guess.
public struct WjxColumnMapping: Sendable, Hashable {
    public var columns: [WjxColumn]
    /// Indices (into `Questionnaire.questions`) of questions no column was found for.
    public var missingQuestions: [Int]

    public init(columns: [WjxColumn], missingQuestions: [Int]) {
        self.columns = columns
        self.missingQuestions = missingQuestions
    }

    /// The columns nothing was mapped to.
    public var unmapped: [WjxColumn] {
        columns.filter { if case .unmapped = $0.assignment { true } else { false } }
    }

    /// The column of a metadata field, if present.
    public func column(of metadata: WjxMetadata) -> Int? {
        columns.first { $0.assignment == .metadata(metadata) }?.index
    }

    /// Question number → similarity accepted when the export's number equals the questionnaire's.
    static let sameNumberSimilarity = 0.3
    /// Similarity accepted for a header whose number differs (questions reordered or renumbered).
    static let textOnlySimilarity = 0.6

    /// Maps `header` onto `survey`; `overrides` (from a mapping file) win.
    public static func map(header: [String], survey: Questionnaire, overrides: WjxMappingFile? = nil)
        -> WjxColumnMapping
    {
        var columns = header.enumerated().map {
            WjxColumn(index: $0.offset, header: $0.element, assignment: .unmapped(LocalizedText(verbatim: "")))
        }
        var decided = Array(repeating: false, count: header.count)
        var takenQuestions = Set<Int>()
        var takenOptions = Set<[Int]>()
        var takenRows = Set<[Int]>()

        // 1. The mapping file.
        if let overrides {
            for index in header.indices {
                guard let target = overrides.target(forHeader: header[index]) else { continue }
                decided[index] = true
                switch target {
                case .ignore:
                    columns[index].assignment = .unmapped(
                        LocalizedText(zh: "列对应文件指定忽略", en: "ignored by the mapping file"))
                    columns[index].method = .mappingFile
                    continue
                case .question(let id):
                    if let q = survey.questions.firstIndex(where: { $0.id == id }) {
                        columns[index].assignment = .answer(question: q)
                        takenQuestions.insert(q)
                    }
                case .option(let id, let option):
                    if let q = survey.questions.firstIndex(where: { $0.id == id }),
                        let o = survey.questions[q].options.firstIndex(where: { $0.text == option })
                    {
                        columns[index].assignment = .option(question: q, option: o)
                        takenOptions.insert([q, o])
                        takenQuestions.insert(q)
                    }
                case .row(let id, let row):
                    if let q = survey.questions.firstIndex(where: { $0.id == id }),
                        let r = survey.questions[q].rows.firstIndex(where: { $0.id == row })
                    {
                        columns[index].assignment = .matrixRow(question: q, row: r)
                        takenRows.insert([q, r])
                        takenQuestions.insert(q)
                    }
                }
                if case .unmapped = columns[index].assignment {
                    columns[index].assignment = .unmapped(
                        LocalizedText(
                            zh: "列对应文件指定的题目或选项不存在",
                            en: "the mapping file names a question or option that does not exist"))
                }
                columns[index].method = .mappingFile
            }
        }

        let kinds = header.map(WjxHeader.classify)

        // 2. Metadata.
        for index in header.indices where !decided[index] {
            if case .metadata(let field) = kinds[index] {
                columns[index].assignment = .metadata(field)
                decided[index] = true
            }
        }

        // 3. Number-mode option columns, grouped by their question number.
        var optionGroups: [Int: [Int]] = [:]
        for index in header.indices where !decided[index] {
            if case .option(let number, _) = kinds[index] { optionGroups[number, default: []].append(index) }
        }
        for number in optionGroups.keys.sorted() {
            let indices = optionGroups[number]!
            let labels = indices.map { index -> String in
                if case .option(_, let label) = kinds[index] { return label }
                return ""
            }
            var best: (question: Int, score: Double)?
            for (q, question) in survey.questions.enumerated()
            where question.type == .multiple && !takenQuestions.contains(q) {
                let matched = labels.filter { optionIndex(of: $0, in: question) != nil }.count
                let score = Double(matched) / Double(labels.count) + (question.number == number ? 0.25 : 0)
                if matched > 0, score > (best?.score ?? 0) { best = (q, score) }
            }
            for (position, index) in indices.enumerated() {
                decided[index] = true
                guard let best else {
                    columns[index].assignment = .unmapped(
                        LocalizedText(zh: "没有哪道多选题有这个选项", en: "no multiple-choice question has this option"))
                    continue
                }
                let question = survey.questions[best.question]
                if let o = optionIndex(of: labels[position], in: question), !takenOptions.contains([best.question, o]) {
                    columns[index].assignment = .option(question: best.question, option: o)
                    columns[index].method = .optionColumn
                    takenOptions.insert([best.question, o])
                } else {
                    columns[index].assignment = .unmapped(
                        LocalizedText(
                            zh: "“\(labels[position])”不是第 \(question.number) 题的选项",
                            en: "\(labels[position]) is not an option of question \(question.number)"))
                }
            }
            if best != nil { takenQuestions.insert(best!.question) }
        }

        // 4. Question columns and matrix first columns: best pairs first.
        struct Candidate {
            var column: Int
            var question: Int
            var score: Double
            var similarity: Double
            var method: WjxColumn.Method
        }
        var candidates: [Candidate] = []
        // Each question's text counted once for all the headers it is compared with.
        let questionTexts = survey.questions.map { WjxText.Bigrams(HandTypedText.compact($0.text)) }
        for index in header.indices where !decided[index] {
            let number: Int?
            let text: String
            let wantsMatrix: Bool
            switch kinds[index] {
            case .question(let n, let t):
                guard n != nil || !isMatrixContinuation(index, kinds) else { continue }
                (number, text, wantsMatrix) = (n, t, false)
            case .matrixFirst(let n, let t, _): (number, text, wantsMatrix) = (n, t, true)
            default: continue
            }
            let headerText = WjxText.Bigrams(text)
            for (q, question) in survey.questions.enumerated() where !takenQuestions.contains(q) {
                if wantsMatrix != (question.type == .matrix) { continue }
                let similarity = WjxText.similarity(headerText, questionTexts[q])
                let sameNumber = number == question.number
                guard similarity >= (sameNumber ? sameNumberSimilarity : textOnlySimilarity) else { continue }
                candidates.append(
                    Candidate(
                        column: index, question: q, score: similarity + (sameNumber ? 0.2 : 0),
                        similarity: similarity, method: sameNumber ? .numberAndText : .text))
            }
        }
        candidates.sort { ($0.score, -$0.column, -$0.question) > ($1.score, -$1.column, -$1.question) }
        var usedColumns = Set<Int>()
        for candidate in candidates
        where !usedColumns.contains(candidate.column) && !takenQuestions.contains(candidate.question) {
            usedColumns.insert(candidate.column)
            takenQuestions.insert(candidate.question)
            decided[candidate.column] = true
            columns[candidate.column].method = candidate.method
            columns[candidate.column].similarity = candidate.similarity
            let question = survey.questions[candidate.question]
            if question.type == .matrix {
                // The first row, then the unnumbered columns that follow it.
                var index = candidate.column
                while index < header.count {
                    let rowText: String
                    if index == candidate.column, case .matrixFirst(_, _, let row) = kinds[index] {
                        rowText = row
                    } else if index > candidate.column, !decided[index], case .question(nil, let text) = kinds[index] {
                        rowText = text
                    } else {
                        break
                    }
                    decided[index] = true
                    let rowMatch = question.rows.indices
                        .filter { !takenRows.contains([candidate.question, $0]) }
                        .map { ($0, WjxText.similarity(rowText, HandTypedText.compact(question.rows[$0].text))) }
                        .max { $0.1 < $1.1 }
                    if let rowMatch, rowMatch.1 >= sameNumberSimilarity {
                        takenRows.insert([candidate.question, rowMatch.0])
                        columns[index].assignment = .matrixRow(question: candidate.question, row: rowMatch.0)
                        columns[index].method = .matrixRow
                        columns[index].similarity = rowMatch.1
                    } else {
                        columns[index].assignment = .unmapped(
                            LocalizedText(
                                zh: "第 \(question.number) 题没有与此表头相符的行",
                                en: "no row of question \(question.number) matches this header"))
                    }
                    index += 1
                }
            } else {
                columns[candidate.column].assignment = .answer(question: candidate.question)
            }
        }
        for index in header.indices where !decided[index] {
            columns[index].assignment = .unmapped(
                LocalizedText(
                    zh: "问卷 \(survey.id) 没有与此表头相符的题目", en: "no question of \(survey.id) matches this header"))
        }

        let missing = survey.questions.indices.filter { !takenQuestions.contains($0) }
        return WjxColumnMapping(columns: columns, missingQuestions: missing)
    }

    /// Whether an unnumbered header follows a matrix column (so it is a matrix row, not a question).
    static func isMatrixContinuation(_ index: Int, _ kinds: [WjxHeader]) -> Bool {
        var previous = index - 1
        while previous >= 0 {
            switch kinds[previous] {
            case .matrixFirst: return true
            case .question(nil, _): previous -= 1
            default: return false
            }
        }
        return false
    }

    /// The option of `question` a number-mode column label names (exact after normalising, else the
    /// option that starts the same, e.g. `其他【请注明】`).
    static func optionIndex(of label: String, in question: Question) -> Int? {
        let normalized = HandTypedText.compact(label)
        if let exact = question.options.firstIndex(where: {
            HandTypedText.compact($0.text) == normalized
                || $0.aliases.contains { HandTypedText.compact($0) == normalized }
        }) {
            return exact
        }
        let (stem, _) = WjxText.splitOther(normalized)
        return question.options.firstIndex { option in
            let text = HandTypedText.compact(option.text)
            return text.count >= 2 && (stem.hasPrefix(text) || text.hasPrefix(stem) && stem.count >= 2)
        }
    }
}

/// One column of an export and what it was mapped to.
public struct WjxColumn: Sendable, Hashable {
    /// How a column was matched.
    public enum Method: String, Sendable, Hashable, Codable {
        case mappingFile = "mapping-file"
        case numberAndText = "number+text"
        case text
        case optionColumn = "option-column"
        case matrixRow = "matrix-row"
    }

    /// 0-based column index (the column Excel shows is index + 1).
    public var index: Int
    public var header: String
    public var assignment: WjxColumnAssignment
    public var method: Method?
    /// Text similarity of header and question (0…1) when matched by text.
    public var similarity: Double?

    public init(
        index: Int, header: String, assignment: WjxColumnAssignment, method: Method? = nil, similarity: Double? = nil
    ) {
        self.index = index
        self.header = header
        self.assignment = assignment
        self.method = method
        self.similarity = similarity
    }
}

/// What an export column holds.
public enum WjxColumnAssignment: Sendable, Hashable {
    case metadata(WjxMetadata)
    /// The answer to a question (a single choice, a scale, free text, or a `┋`-joined multiple choice).
    case answer(question: Int)
    /// A number-mode 0/1 column for one option of a multiple choice.
    case option(question: Int, option: Int)
    /// One row of a matrix question.
    case matrixRow(question: Int, row: Int)
    /// Nothing; the reason says why.
    case unmapped(LocalizedText)
}
