import JunhengCore

// Over 400 lines: one accumulator whose feeding (begin, add, absorb) and finishing share its private
// counters; the byte-level cell reading is in FrequencyAccumulator+Cells.swift.

/// Counts every question's answers one response at a time, for ``FrequencyResult``.
///
/// Each export starts with ``begin(file:mapping:mode:)`` (the column mapping and download mode the
/// satisfaction pipeline decided for it); each *used* response (after screening) is then given with
/// ``add(_:groups:)``, its grouping values as the pipeline read them. Cells are read by the same
/// ``WjxColumnReader``s as the satisfaction rates, so an answer counts here exactly when it counts there.
///
/// Memory: a counter per option per question (and per group with `--by`), and the free-text answers
/// only when they are to be listed (`keepAnswers`); never the responses.
struct FrequencyAccumulator: Sendable {
    let survey: Questionnaire
    let by: FrequencyBreakdown?
    let keepAnswers: Bool

    /// One mapped column of the current file.
    /// (A class, so that reading a cell borrows the reader's tables instead of copying them.)
    private final class Plan: Sendable {
        let reader: WjxColumnReader
        let question: Int
        /// The matrix row, for a row column.
        let row: Int?
        /// The option, for a number-mode 0/1 option column.
        let option: Int?

        init(reader: WjxColumnReader, question: Int, row: Int? = nil, option: Int? = nil) {
            self.reader = reader
            self.question = question
            self.row = row
            self.option = option
        }
    }

    private var counters: [Counter]
    private var rowCounters: [[Counter]]
    /// The breakdown's group values by number, in order of first appearance.
    private var groupNames: [String] = []
    private var groupIDs: [String: Int] = [:]
    /// Per question (and matrix row), a counter per group number.
    private var groupCounters: [[Counter]]
    private var groupRowCounters: [[[Counter]]]
    private var answers: [[TextAnswer]]
    private(set) var used = 0
    private(set) var otherTextsKnown = true

    private var file = ""
    private var plans: [Plan] = []
    /// Reads the plans' cells from their bytes (the same reading as the satisfaction pipeline's).
    private var matcher: CellMatcher?
    private var present: [Bool] = []
    private var rowPresent: [[Bool]] = []
    private var cells: [Cell]
    private var rowCells: [[Cell]]
    private let byQuestion: Int?
    /// Whether each question is a matrix (read per response without copying the question).
    private let isMatrix: [Bool]

    init(survey: Questionnaire, by: FrequencyBreakdown?, keepAnswers: Bool) {
        self.survey = survey
        self.by = by
        self.keepAnswers = keepAnswers
        counters = survey.questions.map { Counter(options: $0.options.count) }
        rowCounters = survey.questions.map { question in
            question.rows.map { _ in Counter(options: question.options.count) }
        }
        groupCounters = survey.questions.map { _ in [] }
        groupRowCounters = survey.questions.map { question in question.rows.map { _ in [] } }
        answers = survey.questions.map { _ in [] }
        cells = survey.questions.map { _ in Cell() }
        rowCells = survey.questions.map { question in question.rows.map { _ in Cell() } }
        isMatrix = survey.questions.map { $0.type == .matrix }
        if case .question(let id) = by {
            byQuestion = survey.questions.firstIndex { $0.id == id }
        } else {
            byQuestion = nil
        }
    }

    // MARK: - Feeding

    /// Starts an export: reads its columns as `mapping` assigns them, in download `mode`.
    mutating func begin(file: String, mapping: WjxColumnMapping, mode: WjxExportMode) {
        self.file = file
        if mode != .text { otherTextsKnown = false }
        plans = []
        present = survey.questions.map { _ in false }
        rowPresent = survey.questions.map { question in question.rows.map { _ in false } }
        for column in mapping.columns {
            switch column.assignment {
            case .answer(let q):
                present[q] = true
                plans.append(
                    Plan(
                        reader: WjxColumnReader(
                            column: column.index, kind: .answer(question: q), question: survey.questions[q], mode: mode),
                        question: q))
            case .option(let q, let o):
                present[q] = true
                plans.append(
                    Plan(
                        reader: WjxColumnReader(
                            column: column.index, kind: .option(question: q, option: o), question: survey.questions[q],
                            mode: mode),
                        question: q, option: o))
            case .matrixRow(let q, let r):
                present[q] = true
                rowPresent[q][r] = true
                plans.append(
                    Plan(
                        reader: WjxColumnReader(
                            column: column.index, kind: .row(question: q, row: r), question: survey.questions[q],
                            mode: mode),
                        question: q, row: r))
            case .metadata, .unmapped: break
            }
        }
        matcher = CellMatcher(readers: plans.map(\.reader))
    }

    /// Whether ``add(_:groups:)`` needs the respondent's grouping values (a cross-tab by a grouping key).
    var needsGroupValues: Bool {
        if case .key = by { return true }
        return false
    }

    /// Counts one used response. A cell is read from its bytes where that is certain to give what
    /// ``WjxColumnReader/read(_:)`` gives (an exact option value, empty, free text, a 0/1 flag), else
    /// from its text; the text is made only when needed (the slow path, an "other" text, `--answers`).
    mutating func add<Record: ResponseFields>(_ record: Record, groups: FrequencyGroupValues) {
        used += 1
        for q in cells.indices {
            cells[q].reset(present: present[q])
            for r in rowCells[q].indices { rowCells[q][r].reset(present: rowPresent[q][r]) }
        }
        for (index, plan) in plans.enumerated() {
            let column = plan.reader.column
            let question = plan.question
            var typedOther = false
            var ticked: UInt64 = 0
            let fast: WjxCell? = record.withField(column) { bytes in
                if plan.option != nil {
                    // A number-mode option column: 1 ticked, 0 not.
                    guard bytes.count == 1 else { return bytes.isEmpty ? .empty : nil }
                    return bytes[0] == 0x31 ? .flag(true) : bytes[0] == 0x30 ? .flag(false) : nil
                }
                typedOther = Self.containsOtherMark(bytes)
                guard !typedOther, let matcher else { return nil }
                let code = matcher.read(index, bytes, options: &ticked)
                switch code {
                case CellMatcher.Code.empty: return .empty
                case CellMatcher.Code.skipped: return .skipped
                case CellMatcher.Code.text: return .text
                case CellMatcher.Code.unknown: return nil
                // Several options: taken one by one below, with no list made.
                case CellMatcher.Code.options: return .options([])
                default: return .option(Int(code))
                }
            }
            var raw: String?
            let reading: WjxCell
            if let fast {
                reading = fast
            } else {
                raw = record.text(column) ?? ""
                reading = plan.reader.read(raw!)
            }
            if ticked != 0 {
                var options = ticked
                while options != 0 {
                    let option = WjxCell.option(options.trailingZeroBitCount)
                    if let row = plan.row { rowCells[question][row].take(option) } else { cells[question].take(option) }
                    options &= options - 1
                }
                continue
            }
            if let row = plan.row {
                rowCells[question][row].take(reading)
                continue
            }
            if let option = plan.option {
                cells[question].take(reading == .flag(true) ? .option(option) : reading)
                continue
            }
            cells[question].take(reading)
            if case .text = reading, keepAnswers {
                cells[question].text = HandTypedText.cell(raw ?? record.text(column) ?? "")
                cells[question].column = column + 1
            }
            if typedOther, let raw {
                cells[question].others = otherOptions(raw, reading: reading, plan.reader)
            }
        }

        let group = groupNumber(groups)
        for q in cells.indices {
            if let group { makeGroupCounters(question: q, upTo: group) }
            if isMatrix[q] {
                var whole = Cell()
                whole.reset(present: present[q])
                for r in rowCells[q].indices {
                    rowCounters[q][r].add(rowCells[q][r])
                    if let group { groupRowCounters[q][r][group].add(rowCells[q][r]) }
                    whole.merge(row: rowCells[q][r])
                }
                counters[q].add(whole)
                if let group { groupCounters[q][group].add(whole) }
                continue
            }
            counters[q].add(cells[q])
            if let group { groupCounters[q][group].add(cells[q]) }
            if keepAnswers, let text = cells[q].text, cells[q].status == .answered {
                answers[q].append(TextAnswer(file: file, line: record.line, column: cells[q].column, text: text))
            }
        }
    }

    /// Whether a cell holds 〖 (E3 80 96), the start of a typed "other" text.
    private static func containsOtherMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0xE3 {
            if bytes[index + 1] == 0x80, bytes[index + 2] == 0x96 { return true }
        }
        return false
    }

    /// The options of a text-mode answer that carry a typed text (`其他【请注明】〖…〗`).
    private func otherOptions(_ raw: String, reading: WjxCell, _ reader: WjxColumnReader) -> [Int] {
        switch reading {
        case .option(let option): return [option]
        case .options(let options) where options.count == 1: return options
        case .options:
            return raw.split(separator: "┋").filter { $0.contains("〖") }.compactMap { part in
                if case .options(let found) = reader.read(String(part)), let first = found.first { return first }
                return nil
            }
        default: return []
        }
    }

    /// The number of the respondent's group for the breakdown (a new number for a value first seen).
    private mutating func groupNumber(_ groups: FrequencyGroupValues) -> Int? {
        guard let key = groupKey(groups) else { return nil }
        if let number = groupIDs[key] { return number }
        groupNames.append(key)
        groupIDs[key] = groupNames.count - 1
        return groupNames.count - 1
    }

    /// The respondent's value for the breakdown: `(未填)` when there is none.
    private func groupKey(_ groups: FrequencyGroupValues) -> String? {
        switch by {
        case nil: return nil
        case .key(.school):
            // A school is its township and its name until ``regroupSchools(_:)`` gives its row.
            guard let school = groups.school else { return FrequencyResult.missingGroup }
            return (groups.township ?? "") + "\u{1F}" + school
        case .key(let key): return groups.value(key) ?? FrequencyResult.missingGroup
        case .question:
            guard let q = byQuestion, cells[q].status == .answered, let option = cells[q].chosen.first else {
                return FrequencyResult.missingGroup
            }
            return survey.questions[q].options[option].text
        }
    }

    /// Adds the counts of `other`, which counted the responses after these (a later chunk of an export):
    /// per question, row and group (groups matched by value), and its listed answers after these.
    mutating func absorb(_ other: FrequencyAccumulator) {
        used += other.used
        otherTextsKnown = otherTextsKnown && other.otherTextsKnown
        for q in counters.indices {
            counters[q].add(other.counters[q])
            for r in rowCounters[q].indices { rowCounters[q][r].add(other.rowCounters[q][r]) }
            answers[q] += other.answers[q]
        }
        for (theirs, name) in other.groupNames.enumerated() {
            let group =
                groupIDs[name]
                ?? {
                    groupNames.append(name)
                    groupIDs[name] = groupNames.count - 1
                    return groupNames.count - 1
                }()
            for q in counters.indices where theirs < other.groupCounters[q].count {
                makeGroupCounters(question: q, upTo: group)
                groupCounters[q][group].add(other.groupCounters[q][theirs])
                for r in groupRowCounters[q].indices {
                    groupRowCounters[q][r][group].add(other.groupRowCounters[q][r][theirs])
                }
            }
        }
    }

    /// The township and school of each group by school (see ``groupKey(_:)``).
    private func schoolAnswers() -> [SchoolGrouping.Answer: Int] {
        var answers: [SchoolGrouping.Answer: Int] = [:]
        for name in groupNames {
            let parts = name.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            answers[
                SchoolGrouping.Answer(township: parts[0].isEmpty ? nil : String(parts[0]), school: String(parts[1]))] =
                0
        }
        return answers
    }

    /// The groups by school merged into their rows of `schools`: a school is its township and name (or its
    /// 学校代码), so two 中心小学 in two townships stay two groups and two spellings of one school are one.
    private mutating func regroupSchools(_ schools: SchoolGrouping) {
        var names: [String] = []
        var ids: [String: Int] = [:]
        var target: [Int] = []
        for name in groupNames {
            let parts = name.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            let row =
                parts.count == 2
                ? schools.key(township: parts[0].isEmpty ? nil : String(parts[0]), school: String(parts[1])) : name
            if ids[row] == nil {
                ids[row] = names.count
                names.append(row)
            }
            target.append(ids[row]!)
        }
        for q in counters.indices {
            let options = counters[q].options.count
            var merged = Array(repeating: Counter(options: options), count: names.count)
            var mergedRows = groupRowCounters[q].map { _ in
                Array(repeating: Counter(options: options), count: names.count)
            }
            for (old, new) in target.enumerated() where old < groupCounters[q].count {
                merged[new].add(groupCounters[q][old])
                for r in groupRowCounters[q].indices { mergedRows[r][new].add(groupRowCounters[q][r][old]) }
            }
            // (A question no response reached keeps no groups, as before.)
            groupCounters[q] = groupCounters[q].isEmpty ? [] : merged
            for r in groupRowCounters[q].indices {
                groupRowCounters[q][r] = groupRowCounters[q][r].isEmpty ? [] : mergedRows[r]
            }
        }
        groupNames = names
        groupIDs = ids
    }

    /// Counters of question `q` (and of its matrix rows) for every group up to `group`.
    private mutating func makeGroupCounters(question q: Int, upTo group: Int) {
        guard group >= groupCounters[q].count else { return }
        let options = counters[q].options.count
        groupCounters[q].append(
            contentsOf: repeatElement(Counter(options: options), count: group + 1 - groupCounters[q].count))
        for r in groupRowCounters[q].indices {
            groupRowCounters[q][r].append(
                contentsOf: repeatElement(Counter(options: options), count: group + 1 - groupRowCounters[q][r].count))
        }
    }

    // MARK: - Result

    /// The counts of a satisfaction run's used responses, with its screening's counts and caveats; by
    /// school, in the rows of `schools` (the satisfaction's own).
    func finish(screening result: SatisfactionResult, schools: SchoolGrouping) -> FrequencyResult {
        precondition(result.used == used, "the pipeline gives the accumulator every used response")
        var frequencies = finish(rows: result.rows, excluded: result.excluded, schools: schools)
        frequencies.skipped = result.skipped
        frequencies.partial = result.partial
        frequencies.caveats = result.frequencyCaveats
        for row in result.excludedRows where row.reason == .outsideGroups {
            guard let outside = row.outsideOption else { continue }
            frequencies.screenedOut[outside.question, default: [:]][outside.option, default: 0] += 1
        }
        return frequencies
    }

    /// The counts so far, as a result (`rows` and `excluded` come from the screening). By school, each
    /// group is a row of `schools` (``SchoolGrouping``; without it, by its township and name).
    func finish(rows: Int, excluded: Int, schools: SchoolGrouping? = nil) -> FrequencyResult {
        if case .key(.school) = by, groupNames.contains(where: { $0.contains("\u{1F}") }) {
            var regrouped = self
            regrouped.regroupSchools(schools ?? SchoolGrouping(answers: schoolAnswers(), directory: nil))
            return regrouped.finish(rows: rows, excluded: excluded)
        }
        // The question that makes the groups is not crossed with itself: no groups, no χ² test.
        let grouping = by?.questionID(in: survey)
        let questions = survey.questions.indices.map { q -> QuestionFrequencies in
            let question = survey.questions[q]
            let crossed = by != nil && question.id != grouping
            let order = crossed ? groupOrder(Set(groupNames.indices.filter { $0 < groupCounters[q].count })) : []
            let rows = question.rows.indices.map { r in
                let groups = order.map { group in
                    GroupFrequencies(key: groupNames[group], counts: counts(groupRowCounters[q][r][group], question))
                }
                return MatrixRowFrequencies(
                    id: question.rows[r].id, text: question.rows[r].text, counts: counts(rowCounters[q][r], question),
                    groups: groups, test: crossed ? test(groups, question) : nil)
            }
            let groups = order.map { group in
                GroupFrequencies(key: groupNames[group], counts: counts(groupCounters[q][group], question))
            }
            var whole = counts(counters[q], question)
            if question.type == .matrix { whole.options = [] }
            let crossTest: CrossTabTest? =
                !crossed || question.type == .matrix || question.type == .text ? nil : test(groups, question)
            return QuestionFrequencies(
                id: question.id, number: question.number, text: question.text, type: question.type, counts: whole,
                rows: rows, groups: groups, test: crossTest,
                answers: keepAnswers && question.type == .text ? answers[q] : nil)
        }
        return FrequencyResult(
            survey: survey, rows: rows, used: used, excluded: excluded, by: by, questions: questions,
            otherTextsKnown: otherTextsKnown, listsAnswers: keepAnswers)
    }

    /// A counter as a table: shares of those who answered, and the scale figures where they apply.
    private func counts(_ counter: Counter, _ question: Question) -> FrequencyCounts {
        let answered = counter.answered
        let options = question.options.indices.map { o in
            OptionFrequency(
                text: question.options[o].text, count: counter.options[o],
                share: answered > 0 ? Double(counter.options[o]) / Double(answered) : nil,
                otherTexts: otherTextsKnown ? counter.otherTexts[o] : nil)
        }
        var result = FrequencyCounts(
            answered: answered, skipped: counter.skipped, invalid: counter.invalid, notInFile: counter.notInFile,
            options: question.type == .text ? [] : options,
            otherTexts: otherTextsKnown ? counter.otherTexts.reduce(0, +) : nil)
        if question.type == .multiple, answered > 0 { result.meanTicked = Double(counter.ticks) / Double(answered) }
        if question.type != .multiple, question.options.contains(where: \.positive) {
            let counted = question.options.indices.filter { !question.options[$0].excluded }
            let denominator = counted.reduce(0) { $0 + counter.options[$1] }
            if denominator > 0 {
                let positive = counted.filter { question.options[$0].positive }.reduce(0) { $0 + counter.options[$1] }
                result.positiveShare = Double(positive) / Double(denominator)
                let scores = counted.map { question.options[$0].score }
                if scores.allSatisfy({ $0 != nil }) {
                    let total = zip(counted, scores).reduce(0.0) { $0 + $1.1! * Double(counter.options[$1.0]) }
                    result.meanScore = total / Double(denominator)
                }
            }
        }
        return result
    }

    /// The χ² test over the groups with a value (not `(未填)`), options as columns.
    private func test(_ groups: [GroupFrequencies], _ question: Question) -> CrossTabTest {
        if question.type == .multiple { return .notApplicable }
        let table = groups.filter { $0.key != FrequencyResult.missingGroup && $0.key != GroupingKey.outside }
            .map { $0.counts.options.map(\.count) }
        return CrossTabTest.run(table)
    }

    /// Report order of the groups: the questionnaire's order (its groups, or the options of the
    /// question that groups), then other values by text, `(未填)` and `(组外)` last.
    private func groupOrder(_ groups: Set<Int>) -> [Int] {
        let known: [String]
        switch by {
        case nil: return []
        case .key(.group): known = survey.groups
        case .key(let key):
            let role: QuestionRole? =
                switch key {
                case .township: .township
                case .school: .school
                case .grade: .grade
                default: nil
                }
            known = role.flatMap { survey.question(role: $0) }?.options.map(\.text) ?? []
        case .question(let id): known = survey.question(id: id)?.options.map(\.text) ?? []
        }
        func rank(_ key: String) -> (Int, Int, String) {
            if key == FrequencyResult.missingGroup || key == GroupingKey.outside { return (2, 0, key) }
            if let index = known.firstIndex(of: key) { return (0, index, key) }
            return (1, 0, key)
        }
        return groups.sorted { rank(groupNames[$0]) < rank(groupNames[$1]) }
    }
}
