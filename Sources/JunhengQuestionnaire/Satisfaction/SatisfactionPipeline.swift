import JunhengCore
import JunhengIngest
import JunhengStatistics

/// Computes satisfaction rates from 问卷星 exports one record at a time (DOMAIN.md §4, §5).
///
/// Feed it `consume(header:line:file:)` for each export, then every `consume(record:)`, then the
/// reader's `consume(summary:)`; `finish()` returns the result. It keeps only running sums per cell,
/// a 128-bit hash per response for duplicate detection, the excluded rows (line and reason), the first
/// 1000 answer problems, and the first 200 records of each file (to detect the download mode before
/// reading on), so memory does not grow with the number of answers.
public struct SatisfactionPipeline: Sendable {
    public let survey: Questionnaire
    public let settings: SatisfactionSettings
    public let by: [GroupingKey]

    /// Records buffered per file to detect the download mode.
    static let detectionSample = 200
    /// Answer problems kept in full (all are counted).
    static let problemLimit = 1000

    // Precomputed from the questionnaire.
    private let items: [ScoredItem]
    /// question index → item index (single/scale scored questions).
    private let itemOfQuestion: [Int: Int]
    /// [question, row] → item index.
    private let itemOfRow: [[Int]: Int]
    private let itemDimension: [Int]
    private let dimensionIDs: [String]
    private let groupQuestion: Int?
    private let townshipQuestion: Int?
    private let schoolQuestion: Int?
    private let gradeQuestion: Int?

    // Per file.
    private var files: [ExportFileReport] = []
    private var readers: [WjxColumnReader] = []
    /// The scored item each reader feeds, if any (parallel to `readers`).
    private var readerItems: [Int?] = []
    private var answerColumns: [Int] = []
    private var durationColumn: Int?
    private var ipColumn: Int?
    private var pending: [CSVRecord] = []
    private var detected = false

    // Totals.
    private var rows = 0
    private var used = 0
    private var excludedRows: [ExcludedRow] = []
    private var answerProblems: [AnswerProblem] = []
    private var answerProblemCount = 0
    private var ingestProblems: [IngestProblem] = []
    private var duplicates = DuplicateDetector()
    private var usedByGroup: [String: Int] = [:]
    /// Running sums per cell, one dictionary per entry of `breakdownKeys`.
    private var breakdowns: [[[String]: ClusteredRatioInterval]]
    private let breakdownKeys: [[GroupingKey]]

    /// Per question, per option: how many used responses chose it (matrix questions: summed over rows).
    private var optionCounts: [[Int]]

    // Scratch space reused for every record.
    private var itemAnswered: [Int]
    private var itemPositive: [Int]
    private var chosen: [(Int, Int)] = []

    public init(survey: Questionnaire, settings: SatisfactionSettings, by: [GroupingKey] = []) {
        self.survey = survey
        self.settings = settings
        self.by = by
        let items = survey.items
        self.items = items
        var itemOfQuestion: [Int: Int] = [:]
        var itemOfRow: [[Int]: Int] = [:]
        for (index, item) in items.enumerated() {
            if let row = item.rowIndex {
                itemOfRow[[item.questionIndex, row]] = index
            } else {
                itemOfQuestion[item.questionIndex] = index
            }
        }
        self.itemOfQuestion = itemOfQuestion
        self.itemOfRow = itemOfRow
        var dimensionIDs = survey.dimensions.map(\.id)
        if items.contains(where: { $0.dimension == nil }) { dimensionIDs.append(GroupingKey.noDimension) }
        self.dimensionIDs = dimensionIDs
        self.itemDimension = items.map { item in dimensionIDs.firstIndex(of: item.dimension ?? GroupingKey.noDimension)!
        }
        self.groupQuestion = survey.questions.firstIndex { $0.role == .group }
        self.townshipQuestion = survey.questions.firstIndex { $0.role == .township }
        self.schoolQuestion = survey.questions.firstIndex { $0.role == .school }
        self.gradeQuestion = survey.questions.firstIndex { $0.role == .grade }
        var keys: [[GroupingKey]] = [[], [.group], [.township], [.school], [.grade], [.item], [.dimension]]
        if !by.isEmpty, !keys.contains(by) { keys.append(by) }
        self.breakdownKeys = keys
        self.breakdowns = Array(repeating: [:], count: keys.count)
        self.optionCounts = survey.questions.map { Array(repeating: 0, count: $0.options.count) }
        self.itemAnswered = Array(repeating: 0, count: items.count)
        self.itemPositive = Array(repeating: 0, count: items.count)
    }

    // MARK: - Feeding

    /// Starts a new export file: maps its header onto the questionnaire.
    public mutating func consume(header: [String], line: Int, file: String) {
        flushPending()
        let mapping = WjxColumnMapping.map(header: header, survey: survey, overrides: settings.mapping)
        files.append(
            ExportFileReport(
                file: file, header: header, headerLine: line,
                detection: WjxModeDetection(mode: settings.mode ?? .text, reason: "not yet detected"),
                modeForced: settings.mode != nil, mapping: mapping))
        durationColumn = mapping.column(of: .duration)
        ipColumn = mapping.column(of: .ip)
        answerColumns = mapping.columns.compactMap { column in
            switch column.assignment {
            case .answer, .option, .matrixRow: column.index
            default: nil
            }
        }
        readers = []
        pending = []
        detected = false
    }

    /// Reads one response (after `consume(header:…)`).
    public mutating func consume(record: CSVRecord) {
        precondition(!files.isEmpty, "consume(header:line:file:) must come before records")
        if detected {
            process(record)
            return
        }
        pending.append(record)
        if pending.count >= Self.detectionSample { flushPending() }
    }

    /// Takes the reader's summary of the current file: rows it had to skip become excluded rows.
    public mutating func consume(summary: CSVReadSummary) {
        flushPending()
        if let index = files.indices.last { files[index].encoding = summary.encoding }
        for problem in summary.problems {
            if problem.kind == .raggedRow {
                rows += 1
                if let index = files.indices.last { files[index].rows += 1 }
                excludedRows.append(
                    ExcludedRow(
                        file: problem.location.file, line: problem.location.line ?? 0, reason: .raggedRow,
                        detail: problem.message))
            } else if !problem.skipsRow || problem.kind == .totalRow || problem.kind == .titleRow {
                ingestProblems.append(problem)
            }
        }
    }

    private mutating func flushPending() {
        guard !files.isEmpty, !detected else { return }
        let index = files.count - 1
        let mapping = files[index].mapping
        if settings.mode == nil {
            files[index].detection = WjxModeDetection.detect(mapping: mapping, survey: survey, sample: pending)
        } else {
            files[index].detection = WjxModeDetection(mode: settings.mode!, reason: "set with --mode")
        }
        let mode = files[index].detection.mode
        readers = mapping.columns.compactMap { column in
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
        readerItems = readers.map { reader in
            switch reader.kind {
            case .answer(let q): itemOfQuestion[q]
            case .row(let q, let r): itemOfRow[[q, r]]
            case .option: nil
            }
        }
        detected = true
        let records = pending
        pending = []
        for record in records { process(record) }
    }

    // MARK: - One response

    private mutating func process(_ record: CSVRecord) {
        let fileIndex = files.count - 1
        let file = files[fileIndex].file
        rows += 1
        files[fileIndex].rows += 1
        for index in items.indices {
            itemAnswered[index] = 0
            itemPositive[index] = 0
        }
        var groupOption: Int?
        var township: String?
        var school: String?
        var gradeOption: Int?
        var groupAnswered = false
        chosen.removeAll(keepingCapacity: true)

        for (readerIndex, reader) in readers.enumerated() {
            let raw = record[column: reader.column] ?? ""
            let cell = reader.read(raw)
            let questionIndex: Int
            switch reader.kind {
            case .answer(let q), .option(let q, _), .row(let q, _): questionIndex = q
            }
            if cell == .invalid {
                answerProblemCount += 1
                if answerProblems.count < Self.problemLimit {
                    let question = survey.questions[questionIndex]
                    answerProblems.append(
                        AnswerProblem(
                            file: file, line: record.line, column: reader.column + 1, question: question.id, value: raw,
                            message:
                                "「\(raw)」 is not an option of question \(question.number) (\(question.id)); it is not counted."
                        ))
                }
                if questionIndex == groupQuestion { groupAnswered = true }
                continue
            }
            switch cell {
            case .option(let o): chosen.append((questionIndex, o))
            case .options(let list): for o in list { chosen.append((questionIndex, o)) }
            case .flag(true): if case .option(_, let o) = reader.kind { chosen.append((questionIndex, o)) }
            default: break
            }
            switch reader.kind {
            case .answer(let q):
                if q == groupQuestion, case .option(let o) = cell {
                    groupOption = o
                    groupAnswered = true
                } else if q == townshipQuestion {
                    township = label(of: cell, raw: raw, question: q)
                } else if q == schoolQuestion {
                    school = label(of: cell, raw: raw, question: q)
                } else if q == gradeQuestion, case .option(let o) = cell {
                    gradeOption = o
                } else if let item = readerItems[readerIndex], case .option(let o) = cell {
                    score(item: item, option: survey.questions[q].options[o])
                }
            case .row(let q, _):
                if let item = readerItems[readerIndex], case .option(let o) = cell {
                    score(item: item, option: survey.questions[q].options[o])
                }
            case .option:
                break
            }
        }

        // The respondent's group.
        var group: String?
        var outsideDetail: LocalizedText?
        if let groupQuestion {
            if let groupOption {
                let option = survey.questions[groupQuestion].options[groupOption]
                if option.outside { outsideDetail = LocalizedText(verbatim: option.text) } else { group = option.group }
            } else {
                outsideDetail =
                    groupAnswered
                    ? LocalizedText(zh: "身份不是本题选项", en: "identity not an option")
                    : LocalizedText(zh: "未填身份", en: "identity not given")
            }
        } else {
            group = survey.defaultGroup
        }
        if let gradeQuestion, let gradeOption, survey.questions[gradeQuestion].options[gradeOption].outside {
            outsideDetail = LocalizedText(verbatim: survey.questions[gradeQuestion].options[gradeOption].text)
            group = nil
        }

        // Screening, first reason wins.
        var totalAnswered = 0
        var totalPositive = 0
        for index in items.indices {
            totalAnswered += itemAnswered[index]
            totalPositive += itemPositive[index]
        }
        if !settings.keepAll {
            var exclusion: (ExclusionReason, LocalizedText)?
            let ip = ipColumn.flatMap { record[column: $0] }?.trimmedSpaces ?? ""
            if !ip.isEmpty,
                let first = duplicates.check(
                    ip: ip, answers: answerColumns.map { record[column: $0] ?? "" }, file: fileIndex, line: record.line)
            {
                let sameFile = first.file == fileIndex
                exclusion = (
                    .duplicate,
                    LocalizedText(
                        zh: sameFile
                            ? "与第 \(first.line) 行答案和IP相同" : "与 \(files[first.file].file) 第 \(first.line) 行答案和IP相同",
                        en: "same answers and IP as "
                            + (sameFile ? "line \(first.line)" : "\(files[first.file].file):\(first.line)"))
                )
            } else if let minimum = settings.minSeconds, let column = durationColumn,
                let seconds = WjxText.seconds(record[column: column] ?? ""), seconds < minimum
            {
                exclusion = (
                    .speeder, LocalizedText(zh: "用时 \(seconds) 秒 < \(minimum) 秒", en: "\(seconds) s < \(minimum) s")
                )
            } else if group == nil {
                exclusion = (
                    .outsideGroups,
                    outsideDetail ?? LocalizedText(zh: "不属于本问卷的调查对象", en: "outside the questionnaire's groups")
                )
            } else if totalAnswered == 0 {
                exclusion = (
                    .noScoredAnswer,
                    LocalizedText(zh: "计分题均未作答或均为“不了解”", en: "no scored item answered with a counted option")
                )
            }
            if let exclusion {
                excludedRows.append(
                    ExcludedRow(
                        file: file, line: record.line, reason: exclusion.0, detail: exclusion.1.en,
                        detailZH: exclusion.1.zh))
                return
            }
        }

        used += 1
        files[fileIndex].used += 1
        for (q, o) in chosen { optionCounts[q][o] += 1 }
        let groupName = group ?? GroupingKey.outside
        usedByGroup[groupName, default: 0] += 1
        let grade = gradeOption.map { survey.questions[gradeQuestion!].options[$0].text } ?? GroupingKey.missing
        var dimensionAnswered = Array(repeating: 0, count: dimensionIDs.count)
        var dimensionPositive = Array(repeating: 0, count: dimensionIDs.count)
        for index in items.indices where itemAnswered[index] > 0 {
            dimensionAnswered[itemDimension[index]] += 1
            dimensionPositive[itemDimension[index]] += itemPositive[index]
        }
        func value(_ key: GroupingKey) -> String {
            switch key {
            case .group: groupName
            case .township: township ?? GroupingKey.missing
            case .school: school ?? GroupingKey.missing
            case .grade: grade
            case .item, .dimension: ""
            }
        }
        for (position, keys) in breakdownKeys.enumerated() {
            if keys.contains(.item) {
                for index in items.indices where itemAnswered[index] > 0 {
                    let key = keys.map { k -> String in
                        k == .item ? items[index].id : k == .dimension ? dimensionIDs[itemDimension[index]] : value(k)
                    }
                    breakdowns[position][key, default: ClusteredRatioInterval()]
                        .add(positive: itemPositive[index], answered: 1)
                }
            } else if keys.contains(.dimension) {
                for d in dimensionIDs.indices where dimensionAnswered[d] > 0 {
                    let key = keys.map { k in k == .dimension ? dimensionIDs[d] : value(k) }
                    breakdowns[position][key, default: ClusteredRatioInterval()]
                        .add(positive: dimensionPositive[d], answered: dimensionAnswered[d])
                }
            } else if totalAnswered > 0 {
                let key = keys.map(value)
                breakdowns[position][key, default: ClusteredRatioInterval()]
                    .add(positive: totalPositive, answered: totalAnswered)
            }
        }
    }

    private mutating func score(item: Int, option: QuestionOption) {
        guard !option.excluded else { return }
        itemAnswered[item] = 1
        itemPositive[item] = option.positive ? 1 : 0
    }

    private func label(of cell: WjxCell, raw: String, question: Int) -> String? {
        switch cell {
        case .option(let o): return survey.questions[question].options[o].text
        case .text:
            let text = WjxText.normalize(raw)
            return text.isEmpty ? nil : text
        default: return nil
        }
    }

    // MARK: - Result

    /// Ends the last file and computes every cell.
    public mutating func finish() -> SatisfactionResult {
        flushPending()
        var cellsByKeys: [[GroupingKey]: [SatisfactionCell]] = [:]
        for (position, keys) in breakdownKeys.enumerated() {
            let accumulators = breakdowns[position]
            var cells = accumulators.map { key, acc in cell(keys: keys, key: key, acc: acc) }
            cells.sort { lhs, rhs in
                for (position, k) in keys.enumerated() where lhs.key[position] != rhs.key[position] {
                    return sortKey(k, lhs.key[position]) < sortKey(k, rhs.key[position])
                }
                return false
            }
            cellsByKeys[keys] = cells
        }
        let overall =
            cellsByKeys[[]]?.first
            ?? cell(keys: [], key: [], acc: ClusteredRatioInterval())
        var single: [GroupingKey: [SatisfactionCell]] = [:]
        for key in GroupingKey.allCases { single[key] = cellsByKeys[[key]] ?? [] }

        var checks: [SampleCheck] = []
        if survey.groups.contains("家长") {
            let parents = usedByGroup["家长"] ?? 0
            let share = used > 0 ? Double(parents) / Double(used) : 0
            checks.append(
                SampleCheck(
                    kind: .parentShare, value: share, required: settings.parentShare,
                    passes: share >= settings.parentShare))
        }
        if let population = settings.population {
            let required = (Double(population) * settings.sampleShare).rounded(.up)
            checks.append(
                SampleCheck(
                    kind: .sampleSize, value: Double(used), required: required, passes: Double(used) >= required))
        }

        return SatisfactionResult(
            survey: survey, settings: settings, by: by, files: files, rows: rows, used: used,
            excluded: excludedRows.count, overall: overall, groups: by.isEmpty ? [] : cellsByKeys[by] ?? [],
            breakdowns: single, excludedRows: excludedRows, answerProblems: answerProblems,
            answerProblemCount: answerProblemCount, ingestProblems: ingestProblems, usedByGroup: usedByGroup,
            weighted: weighted(groupAccumulators: breakdowns[breakdownKeys.firstIndex(of: [.group])!]),
            sampleChecks: checks,
            optionCounts: Dictionary(uniqueKeysWithValues: zip(survey.questions.map(\.id), optionCounts)))
    }

    private func cell(keys: [GroupingKey], key: [String], acc: ClusteredRatioInterval) -> SatisfactionCell {
        // One item in the cell: each respondent gives at most one answer, so answers are independent
        // trials and Wilson applies; several items: respondent-clustered (DOMAIN.md §4).
        let itemsInCell: Int
        if keys.contains(.item) {
            itemsInCell = 1
        } else if let position = keys.firstIndex(of: .dimension) {
            itemsInCell = itemDimension.filter { dimensionIDs[$0] == key[position] }.count
        } else {
            itemsInCell = items.count
        }
        let isItem = itemsInCell == 1
        let interval: ClosedRange<Double>?
        if isItem {
            interval = WilsonInterval(successes: acc.positive, trials: acc.answered).interval
        } else {
            interval = acc.interval
        }
        let rate = acc.rate
        let labels = zip(keys, key).map { k, value -> String in
            switch k {
            case .item:
                if let item = items.first(where: { $0.id == value }) { return "\(item.number). \(item.text)" }
                return value
            case .dimension: return survey.dimension(id: value)?.name.zh ?? value
            default: return value
            }
        }
        return SatisfactionCell(
            key: key, label: labels, respondents: acc.clusters, answered: acc.answered, positive: acc.positive,
            rate: rate, ci95: interval, intervalMethod: isItem ? .wilson : .clustered,
            meetsThreshold: rate.map { $0 >= settings.threshold }, belowMinN: acc.clusters < settings.minN)
    }

    /// Report order of one key's values: questionnaire order where there is one, else by text; missing last.
    private func sortKey(_ key: GroupingKey, _ value: String) -> (Int, Int, String) {
        if value == GroupingKey.missing || value == GroupingKey.outside || value == GroupingKey.noDimension {
            return (2, 0, value)
        }
        func optionOrder(_ question: Int?) -> (Int, Int, String) {
            if let question, let index = survey.questions[question].options.firstIndex(where: { $0.text == value }) {
                return (0, index, value)
            }
            return (1, 0, value)
        }
        switch key {
        case .group:
            if let index = survey.groups.firstIndex(of: value) { return (0, index, value) }
            return (1, 0, value)
        case .item: return (0, items.firstIndex { $0.id == value } ?? Int.max, value)
        case .dimension: return (0, dimensionIDs.firstIndex(of: value) ?? Int.max, value)
        case .township: return optionOrder(townshipQuestion)
        case .school: return optionOrder(schoolQuestion)
        case .grade: return optionOrder(gradeQuestion)
        }
    }

    private func weighted(groupAccumulators: [[String]: ClusteredRatioInterval]) -> WeightedSatisfaction? {
        guard let weights = settings.weights else { return nil }
        var notes: [String] = []
        var total = 0.0
        var sum = 0.0
        var variance = 0.0
        var varianceKnown = true
        for group in weights.keys.sorted() {
            guard let weight = weights[group], weight > 0 else { continue }
            guard let acc = groupAccumulators[[group]], let rate = acc.rate else {
                notes.append("\(group) has a weight but no answers; left out of the weighted rate.")
                continue
            }
            total += weight
            sum += weight * rate
            if let v = acc.variance { variance += weight * weight * v } else { varianceKnown = false }
        }
        for key in groupAccumulators.keys.map({ $0[0] }).sorted() where weights[key] == nil {
            notes.append("\(key) has answers but no weight; left out of the weighted rate.")
        }
        guard total > 0 else {
            return WeightedSatisfaction(weights: weights, rate: nil, ci95: nil, meetsThreshold: nil, notes: notes)
        }
        let rate = sum / total
        var interval: ClosedRange<Double>?
        if varianceKnown {
            let half = 1.96 * (variance / (total * total)).squareRoot()
            interval = max(0, rate - half)...min(1, rate + half)
        }
        return WeightedSatisfaction(
            weights: weights, rate: rate, ci95: interval, meetsThreshold: rate >= settings.threshold, notes: notes)
    }
}
