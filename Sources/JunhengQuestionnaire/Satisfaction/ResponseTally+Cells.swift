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

/// Reading one response's cells: first every cell's bytes through ``CellMatcher`` (and the checks of
/// the bytes no known value proved to be UTF-8, before anything is counted), then what each cell means
/// for the response, by one rule whether the cell was read from its bytes or from its text.
extension ResponseTally {
    // MARK: - Pass 1: the bytes

    /// Reads every cell's bytes (and feeds the answers to `hash` when `hashing`), then checks as UTF-8
    /// every byte not matched to a known value.
    ///
    /// - Throws: ``IngestError`` for a row with bytes that are not UTF-8 (nothing counted yet).
    @inline(__always)
    mutating func readBytes<Record: ResponseFields>(
        _ record: Record, plan: FilePlan, hashing: Bool, into hash: inout ResponseHash
    ) throws(IngestError) {
        let count = plan.columns.count
        codes.removeAll()
        auxiliary.removeAll()
        unchecked.removeAll()
        for index in 0..<count {
            let column = plan.columns[index]
            let (code, aux, proven) = record.withField(column.column) { bytes -> (Int32, Int64, Bool) in
                if hashing { hash.feed(bytes) }
                var options: UInt64 = 0
                let code = plan.matcher.read(index, bytes, options: &options)
                switch code {
                case CellMatcher.Code.options: return (code, Int64(bitPattern: options), true)
                case CellMatcher.Code.text where column.role == .township || column.role == .school:
                    let known =
                        column.role == .township ? townshipLabels.value(for: bytes) : schoolLabels.value(for: bytes)
                    return (code, known.map(Int64.init) ?? Self.unknownLabel, known != nil)
                case CellMatcher.Code.text, CellMatcher.Code.unknown: return (code, 0, false)
                default: return (code, 0, true)
                }
            }
            codes.append(code)
            auxiliary.append(aux)
            if !proven { unchecked.append(Int32(column.column)) }
        }
        try plan.otherColumns.withUnsafeBufferPointer { columns throws(IngestError) in
            try record.checkUTF8(columns)
        }
        try unchecked.withUnsafeBufferPointer { columns throws(IngestError) in try record.checkUTF8(columns) }
    }

    // MARK: - Pass 2: what the cells mean

    /// Takes every cell read by ``readBytes(_:plan:hashing:into:)`` into the current response: chosen
    /// options, item answers, grouping values; cells the bytes could not settle are read from their text.
    @inline(__always)
    mutating func takeCells<Record: ResponseFields>(
        _ record: Record, plan: FilePlan, into current: inout CurrentResponse
    ) {
        itemAnswered.fill(0)
        itemPositive.fill(0)
        chosen.removeAll()
        for index in 0..<plan.columns.count {
            let column = plan.columns[index]
            let code = codes[index]
            if code >= 0 {
                take(option: Int(code), column, &current)
                continue
            }
            switch code {
            case CellMatcher.Code.options:
                var options = UInt64(bitPattern: auxiliary[index])
                while options != 0 {
                    chosen.append(column.optionBase + options.trailingZeroBitCount)
                    options &= options - 1
                }
                takeNoOption(column, &current)
            case CellMatcher.Code.text where column.role == .township || column.role == .school:
                let known = auxiliary[index]
                let id = known == Self.unknownLabel ? label(record, column) : Int(known)
                setLabel(id < 0 ? nil : id, column, &current)
            case CellMatcher.Code.unknown:
                let cell = plan.readers[index].read(record.text(column.column) ?? "")
                take(cell, record: record, column, plan: plan, &current)
            default:
                // Empty, skipped, or free text that is no grouping value.
                takeNoOption(column, &current)
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
