@_spi(Storage) import JunhengIngest

/// One mapped column as the per-record loop reads it: plain values, no references.
struct ColumnPlan: BitwiseCopyable {
    /// What the column's answer is for.
    enum Role: UInt8 {
        case none, group, township, school, grade, item
    }

    var column: Int
    var question: Int
    /// Where the question's options start among the flat options (``QuestionnaireLayout/optionBase``).
    var optionBase: Int
    var role: Role
    /// The scored item (role ``Role/item``), else -1.
    var item: Int
    /// The option a number-mode 0/1 column ticks, else -1.
    var flagOption: Int
}

/// Consecutive columns, `first ..< first + count`: the answer columns as the duplicate screen hashes them.
struct ColumnRun: BitwiseCopyable {
    var first: Int
    var count: Int
}

/// How one export's records are read, once its header is mapped and its download mode known: the
/// column readers (``WjxColumnReader``, and ``CellMatcher`` over their bytes), what each column is for,
/// and the columns the screens look at. It does not change while the file is read, so every chunk of the
/// file (``SatisfactionPipeline``) reads by the same plan, on its own thread.
final class FilePlan: @unchecked Sendable {
    let layout: QuestionnaireLayout
    /// The file's number among the exports, and its name (path, or `FILE[Sheet]`).
    let file: Int
    let name: String
    /// Lines of the files before this one (see ``FingerprintSet``): a row's place is `lineBase + line + 1`.
    let lineBase: Int
    let mapping: WjxColumnMapping
    let mode: WjxExportMode
    let readers: [WjxColumnReader]
    let matcher: CellMatcher
    let columns: PlainBuffer<ColumnPlan>
    /// Columns no reader looks at (metadata, unmapped): a row's bytes there are checked as UTF-8.
    let otherColumns: PlainBuffer<Int32>
    /// The answer columns, in order, as runs of consecutive columns (the duplicate screen hashes the IP,
    /// then these, a run at a time).
    let answerRuns: PlainBuffer<ColumnRun>
    let ipColumn: Int?
    let durationColumn: Int?
    let serialColumn: Int?
    let submittedColumn: Int?
    let keepAll: Bool
    let minSeconds: Int?
    let screensSubmissions: Bool

    init(
        layout: QuestionnaireLayout, file: Int, name: String, lineBase: Int, mapping: WjxColumnMapping,
        mode: WjxExportMode, columnCount: Int, settings: SatisfactionSettings, screensSubmissions: Bool
    ) {
        self.layout = layout
        self.file = file
        self.name = name
        self.lineBase = lineBase
        self.mapping = mapping
        self.mode = mode
        let survey = layout.survey
        let readers = mapping.columns.compactMap { column -> WjxColumnReader? in
            switch column.assignment {
            case .answer(let q):
                WjxColumnReader(
                    column: column.index, kind: .answer(question: q), question: survey.questions[q], mode: mode)
            case .option(let q, let o):
                WjxColumnReader(
                    column: column.index, kind: .option(question: q, option: o), question: survey.questions[q],
                    mode: mode)
            case .matrixRow(let q, let r):
                WjxColumnReader(
                    column: column.index, kind: .row(question: q, row: r), question: survey.questions[q], mode: mode)
            default: nil
            }
        }
        self.readers = readers
        matcher = CellMatcher(readers: readers)
        var columns = PlainBuffer<ColumnPlan>(capacity: readers.count)
        for reader in readers {
            var plan = ColumnPlan(
                column: reader.column, question: 0, optionBase: 0, role: .none, item: -1, flagOption: -1)
            switch reader.kind {
            case .answer(let q):
                plan.question = q
                if q == layout.groupQuestion {
                    plan.role = .group
                } else if q == layout.townshipQuestion {
                    plan.role = .township
                } else if q == layout.schoolQuestion {
                    plan.role = .school
                } else if q == layout.gradeQuestion {
                    plan.role = .grade
                } else if let scored = layout.itemOfQuestion[q] {
                    plan.role = .item
                    plan.item = scored
                }
            case .row(let q, let r):
                plan.question = q
                if let scored = layout.itemOfRow[[q, r]] {
                    plan.role = .item
                    plan.item = scored
                }
            case .option(let q, let o):
                plan.question = q
                plan.flagOption = o
            }
            plan.optionBase = layout.optionBase[plan.question]
            columns.append(plan)
        }
        let read = Set(readers.map(\.column))
        var otherColumns = PlainBuffer<Int32>(capacity: columnCount)
        for column in 0..<columnCount where !read.contains(column) { otherColumns.append(Int32(column)) }
        self.otherColumns = otherColumns
        let answers = mapping.columns.compactMap { column -> Int? in
            switch column.assignment {
            case .answer, .option, .matrixRow: column.index
            default: nil
            }
        }
        var answerRuns = PlainBuffer<ColumnRun>(capacity: answers.count)
        for column in answers {
            let last = answerRuns.count - 1
            if last >= 0, answerRuns[last].first + answerRuns[last].count == column {
                answerRuns[last].count += 1
            } else {
                answerRuns.append(ColumnRun(first: column, count: 1))
            }
        }
        self.answerRuns = answerRuns
        self.columns = columns
        ipColumn = mapping.column(of: .ip)
        durationColumn = mapping.column(of: .duration)
        serialColumn = mapping.column(of: .serial)
        submittedColumn = mapping.column(of: .submitted)
        keepAll = settings.keepAll
        minSeconds = settings.minSeconds
        self.screensSubmissions = screensSubmissions
    }

    /// The place of a row of this file among all the files' lines (``FingerprintSet``).
    @inline(__always)
    func place(line: Int) -> UInt32 {
        let place = lineBase + line + 1
        precondition(line >= 0 && place <= Int(UInt32.max), "the duplicate screens place at most 4,294,967,294 lines")
        return UInt32(place)
    }
}
