import JunhengCore
@_spi(Storage) import JunhengIngest

/// What the cells read so far say about the current response.
struct CurrentResponse {
    var groupOption: Int?
    var township: Int?
    var school: Int?
    var gradeOption: Int?
    var groupAnswered = false
}

/// A cell whose bytes did not settle what it means: read from its text once the row's bytes are checked.
struct DeferredCell: BitwiseCopyable {
    /// The column plan's number, and what ``CellMatcher`` said (free text, or unknown).
    var plan: Int32
    var code: Int32
}

/// Reading one response's cells: each cell's bytes through ``CellMatcher``, taken into the current
/// response at once where they settle it (a known value proves its bytes UTF-8); the other bytes are
/// checked as UTF-8, and only then are the cells the bytes could not settle read from their text, so a
/// row that is not UTF-8 leaves nothing behind. One rule takes a cell, however it was read.
extension ResponseTally {
    /// Reads every cell of the response into `current`, chosen options and item answers.
    ///
    /// - Throws: ``IngestError`` for a row with bytes that are not UTF-8 (the counts untouched).
    @inline(__always)
    mutating func readCells<Record: ResponseFields>(
        _ record: Record, plan: FilePlan, current: inout CurrentResponse
    ) throws(IngestError) {
        itemAnswered.fill(0)
        itemPositive.fill(0)
        chosen.removeAll()
        deferred.removeAll()
        unchecked.removeAll()
        let matcher = plan.matcher
        for index in 0..<plan.columns.count {
            let column = plan.columns[index]
            let bytes = record.bytes(column.column)
            var options: UInt64 = 0
            let code = matcher.quick(index, bytes) ?? matcher.read(index, bytes, options: &options)
            if code >= 0 {
                take(option: Int(code), column, &current)
                continue
            }
            switch code {
            case CellMatcher.Code.options:
                while options != 0 {
                    chosen.append(column.optionBase + options.trailingZeroBitCount)
                    options &= options - 1
                }
                takeNoOption(column, &current)
            case CellMatcher.Code.text where column.role == .township || column.role == .school:
                let known =
                    column.role == .township ? townshipLabels.value(for: bytes) : schoolLabels.value(for: bytes)
                if let known {
                    setLabel(known < 0 ? nil : Int(known), column, &current)
                } else {
                    deferred.append(DeferredCell(plan: Int32(index), code: code))
                    unchecked.append(Int32(column.column))
                }
            case CellMatcher.Code.text:
                // Free text that is no grouping value: only its bytes are to be checked.
                unchecked.append(Int32(column.column))
            case CellMatcher.Code.unknown:
                deferred.append(DeferredCell(plan: Int32(index), code: code))
                unchecked.append(Int32(column.column))
            default:
                // Empty, or skipped.
                takeNoOption(column, &current)
            }
        }
        try plan.otherColumns.withUnsafeBufferPointer { columns throws(IngestError) in
            try record.checkUTF8(columns)
        }
        try unchecked.withUnsafeBufferPointer { columns throws(IngestError) in try record.checkUTF8(columns) }
        for position in 0..<deferred.count {
            let cell = deferred[position]
            let column = plan.columns[Int(cell.plan)]
            if cell.code == CellMatcher.Code.text {
                let id = label(record, column)
                setLabel(id < 0 ? nil : id, column, &current)
            } else {
                let reading = plan.readers[Int(cell.plan)].read(record.text(column.column) ?? "")
                take(reading, record: record, column, plan: plan, &current)
            }
        }
    }

    /// The one rule for a cell that names one option.
    @inline(__always)
    mutating func take(option: Int, _ column: ColumnPlan, _ current: inout CurrentResponse) {
        let flat = column.optionBase + option
        chosen.append(flat)
        switch column.role {
        case .group:
            current.groupOption = option
            current.groupAnswered = true
        case .township: current.township = layout.optionValueIDs[flat]
        case .school: current.school = layout.optionValueIDs[flat]
        case .grade: current.gradeOption = option
        case .item:
            // 满意度 (DOMAIN.md §4): an option left out of the denominator (不了解) is no answer.
            if !layout.optionExcluded[flat] {
                itemAnswered[column.item] = 1
                itemPositive[column.item] = layout.optionPositive[flat] ? 1 : 0
            }
        case .none: break
        }
    }

    /// A cell that names no single option (empty, skipped, several options, a 0/1 column): a township or
    /// school question then gives no value.
    @inline(__always)
    mutating func takeNoOption(_ column: ColumnPlan, _ current: inout CurrentResponse) {
        if column.role == .township || column.role == .school { setLabel(nil, column, &current) }
    }

    @inline(__always)
    func setLabel(_ id: Int?, _ column: ColumnPlan, _ current: inout CurrentResponse) {
        if column.role == .township { current.township = id } else { current.school = id }
    }

    /// A cell read from its text by ``WjxColumnReader/read(_:)``.
    mutating func take<Record: ResponseFields>(
        _ cell: WjxCell, record: Record, _ column: ColumnPlan, plan: FilePlan, _ current: inout CurrentResponse
    ) {
        switch cell {
        case .option(let option):
            take(option: option, column, &current)
        case .invalid:
            answerProblemCount += 1
            if answerProblems.count < Self.problemLimit {
                let raw = record.text(column.column) ?? ""
                let question = layout.survey.questions[column.question]
                answerProblems.append(
                    AnswerProblem(
                        file: plan.name, line: record.line, column: column.column + 1, question: question.id,
                        value: raw,
                        message: LocalizedText(
                            zh: "“\(raw)”不是第 \(question.number) 题（\(question.id)）的选项，未计入。",
                            en:
                                "\"\(raw)\" is not an option of question \(question.number) (\(question.id)); it is not counted."
                        )))
            }
            if column.role == .group { current.groupAnswered = true }
        case .options(let list):
            for option in list { chosen.append(column.optionBase + option) }
            takeNoOption(column, &current)
        case .flag(let ticked):
            if ticked, column.flagOption >= 0 { chosen.append(column.optionBase + column.flagOption) }
            takeNoOption(column, &current)
        case .text:
            if column.role == .township || column.role == .school {
                let id = label(record, column)
                setLabel(id < 0 ? nil : id, column, &current)
            }
        case .empty, .skipped:
            takeNoOption(column, &current)
        }
    }

    /// The value number of a free-text township or school cell: its text made compact
    /// (``HandTypedText/compact(_:)``), remembered by its bytes so each spelling is made once; -1 for none.
    mutating func label<Record: ResponseFields>(_ record: Record, _ column: ColumnPlan) -> Int {
        let text = HandTypedText.compact(record.text(column.column) ?? "")
        let id = Int32(text.isEmpty ? -1 : intern(text))
        return Int(
            record.withField(column.column) { bytes in
                column.role == .township
                    ? townshipLabels.insert(bytes, value: id) : schoolLabels.insert(bytes, value: id)
            })
    }
}
