import JunhengCore
public import JunhengIngest
import JunhengStatistics

/// Computes satisfaction rates from 问卷星 exports one record at a time (DOMAIN.md §4, §5).
///
/// Feed it `consume(header:line:file:)` for each export, then every `consume(record:)` (or, straight
/// from the reader, `consume(row:)`), then the reader's `consume(summary:)`; `finish()` returns the
/// result. It keeps only running sums per stratum (one combination of group, township, school and
/// grade, summed into cells at the end), two 128-bit hashes and first places per response for the
/// duplicate screens (24 bytes each), the excluded rows (line and reason), the first
/// 1000 answer problems, and the first 200 records of each file (to detect the download mode and measure
/// how well the export fits the questionnaire before reading on), so memory does not grow with the number
/// of answers.
///
/// This file is over 400 lines because the per-record path (`process`) and the state it touches are kept
/// together, private, in one type for speed; the parts that are not per record (fit, screening coverage,
/// the result's tables) live in their own files.
public struct SatisfactionPipeline: Sendable {
    public let survey: Questionnaire
    public let settings: SatisfactionSettings
    public let by: [GroupingKey]
    /// The other questionnaires of the folder, to name the one an export fits best when it does not fit
    /// this one.
    public let otherQuestionnaires: [Questionnaire]
    /// Whether rows are screened for the same submission (序号, 提交答卷时间, 所用时间): when several exports
    /// are read together, where one response can come twice (issue 9 case 4). One export from 问卷星 numbers
    /// each response once, so a run of one export skips this screen and its table (24 bytes a response).
    public let screensSubmissions: Bool

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
    // What each reader's cell is for (parallel to `readers`), plain values for the per-record loop, and
    // every reader's exact values (``WjxColumnReader/keys``) live in `scratch` (plans, keys, keyBytes).

    struct ReaderPlan {
        enum Role: UInt8 {
            case none, group, township, school, grade, item
        }

        var column: Int
        var question: Int
        /// Where the question's options start in the flat option arrays.
        var optionBase: Int
        var role: Role
        /// The scored item (role `.item`).
        var item: Int
        /// The option of a number-mode option column, else -1.
        var flagOption: Int
        var isText: Bool
        /// This reader's entries in the scratch `keys`.
        var keys: Range<Int>
    }
    private var answerColumns: [Int] = []
    private var durationColumn: Int?
    private var ipColumn: Int?
    private var serialColumn: Int?
    private var submittedColumn: Int?
    /// What the screens of the current file could look at (settled into its report like `fileRows`).
    private var coverage = ScreenCoverage()
    /// Whether the readers' columns are `answerColumns` in order, so the duplicate screen's hash takes
    /// each answer while the cell is read (one look at the field instead of two).
    private var hashInLoop = false
    private var pending: [CSVRecord] = []
    private var detected = false

    // Totals.
    private var rows = 0
    private var used = 0
    /// Rows and used responses of the last file not yet added to its report (`settleFileCounts()`).
    private var fileRows = 0
    private var fileUsed = 0
    private var excludedRows: [ExcludedRow] = []
    private var answerProblems: [AnswerProblem] = []
    private var answerProblemCount = 0
    private var ingestProblems: [IngestProblem] = []
    private var duplicates = ResponseFingerprints()
    /// The same 序号 and 提交答卷时间 (a response given twice, in one file or two).
    private var submissions = ResponseFingerprints()
    /// Rows the reader skipped that are not responses (blank, title, total rows), by kind.
    private var skipped: [IngestProblem.Kind: Int] = [:]
    /// Ragged rows the reader found beyond those listed in `excludedRows`.
    private var unlistedRagged = 0
    /// Set when a file's fit has been measured and not yet looked at (``takeFitToCheck()``).
    private var fitToCheck: Int?
    private let breakdownKeys: [[GroupingKey]]

    /// Running sums per stratum (one combination of group, township, school and grade values): every
    /// cell of every breakdown is a sum of strata, merged in `finish()`. The sums are of whole numbers,
    /// so merging gives exactly what adding each respondent to its cells would.
    /// (The sums themselves, `stratumStride` per stratum: the response's total, each item, each
    /// dimension, are in `scratch`.)
    private var stratumKeys: [StratumKey] = []
    private let stratumStride: Int
    /// Grouping values (group, township, school, grade texts) by number, for `StratumKey`.
    private var values: [String] = []
    private var valueIDs: [String: Int] = [:]
    /// Raw bytes of a free-text township / school cell → value number (-1: no label).
    private var townshipLabels = ByteInterner()
    private var schoolLabels = ByteInterner()
    /// Per option (flat: question `q`'s options start at `optionBase[q]`), precomputed so a response
    /// is read without copying questions: (excluded, positive) for scoring; the value number of the
    /// option's text (township, school, grade) or of its group (the group question; `(组外)` for an
    /// option without a group); whether it marks a respondent outside the groups; whether it has a group.
    private let optionBase: [Int]
    private let optionFlags: [(excluded: Bool, positive: Bool)]
    private let optionValueIDs: [Int]
    private let optionOutside: [Bool]
    private let optionHasGroup: [Bool]
    /// The value number of the questionnaire's default group (no group question).
    private let defaultGroupID: Int?
    private let missingID: Int
    private let outsideID: Int
    /// The per-record working state and the counters it feeds: reader plans, item and dimension
    /// answers of the current response, chosen options, option counts (flat, by `optionBase`), used
    /// responses per group value number, and the strata's running sums.
    private var scratch: PipelineScratch

    /// What the cells read so far say about the current response.
    struct CurrentResponse {
        var groupOption: Int?
        var township: Int?
        var school: Int?
        var gradeOption: Int?
        var groupAnswered = false
    }

    struct StratumKey: Hashable {
        var group: Int32
        var township: Int32
        var school: Int32
        var grade: Int32
    }

    public init(
        survey: Questionnaire, settings: SatisfactionSettings, by: [GroupingKey] = [],
        otherQuestionnaires: [Questionnaire] = [], exports: Int = 2
    ) {
        self.survey = survey
        self.settings = settings
        self.by = by
        self.otherQuestionnaires = otherQuestionnaires
        self.screensSubmissions = exports > 1
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
        self.stratumStride = 1 + items.count + dimensionIDs.count
        var optionBase: [Int] = []
        var flat = 0
        for question in survey.questions {
            optionBase.append(flat)
            flat += question.options.count
        }
        self.optionBase = optionBase
        let allOptions = survey.questions.flatMap(\.options)
        self.optionFlags = allOptions.map { ($0.excluded, $0.positive) }
        self.optionOutside = allOptions.map(\.outside)
        self.optionHasGroup = allOptions.map { $0.group != nil }
        var values = [GroupingKey.missing, GroupingKey.outside]
        var valueIDs = [GroupingKey.missing: 0, GroupingKey.outside: 1]
        func intern(_ value: String) -> Int {
            if let id = valueIDs[value] { return id }
            values.append(value)
            valueIDs[value] = values.count - 1
            return values.count - 1
        }
        let groupQuestion = self.groupQuestion
        self.optionValueIDs = survey.questions.indices.flatMap { q in
            survey.questions[q].options.map { option in
                intern(q == groupQuestion ? option.group ?? GroupingKey.outside : option.text)
            }
        }
        self.defaultGroupID = survey.defaultGroup.map(intern)
        self.values = values
        self.valueIDs = valueIDs
        self.missingID = 0
        self.outsideID = 1
        self.scratch = PipelineScratch(
            items: items.count, dimensions: dimensionIDs.count, options: allOptions.count, values: values.count)
    }

    // MARK: - Feeding

    /// Starts a new export file: maps its header onto the questionnaire.
    public mutating func consume(header: [String], line: Int, file: String) {
        flushPending()
        settleFileCounts()
        let mapping = WjxColumnMapping.map(header: header, survey: survey, overrides: settings.mapping)
        files.append(
            ExportFileReport(
                file: file, header: header, headerLine: line,
                detection: WjxModeDetection(
                    mode: settings.mode ?? .text, reason: LocalizedText(zh: "尚未判断", en: "not yet detected")),
                modeForced: settings.mode != nil, mapping: mapping))
        durationColumn = mapping.column(of: .duration)
        ipColumn = mapping.column(of: .ip)
        serialColumn = mapping.column(of: .serial)
        submittedColumn = mapping.column(of: .submitted)
        coverage = ScreenCoverage()
        coverage.hasDurationColumn = durationColumn != nil
        coverage.hasIPColumn = ipColumn != nil
        coverage.hasSubmissionColumns = serialColumn != nil && submittedColumn != nil
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

    /// Reads one response straight from the reader's buffer (after `consume(header:…)`): the fast
    /// path of ``SatisfactionAnalysis``. Every field is checked as UTF-8 first, as `CSVRow.record()`
    /// would, but only the cells the questionnaire needs are looked at, mostly without making Strings.
    ///
    /// - Throws: ``IngestError`` for a field that is not valid UTF-8.
    public mutating func consume(row: CSVRow) throws(IngestError) {
        precondition(!files.isEmpty, "consume(header:line:file:) must come before records")
        if detected {
            try row.validate()
            process(ValidatedRow(row: row))
        } else {
            consume(record: try row.record())
        }
    }

    /// Takes the reader's summary of the current file: ragged rows become excluded rows (each one listed
    /// that the reader kept), and every other row it skipped (blank, title, total) is counted as skipped,
    /// so that rows = used + excluded + skipped.
    public mutating func consume(summary: CSVReadSummary) {
        flushPending()
        settleFileCounts()
        guard let index = files.indices.last else { return }
        files[index].encoding = summary.encoding
        var listedRagged = 0
        for problem in summary.problems {
            if problem.kind == .raggedRow {
                listedRagged += 1
                excludedRows.append(
                    ExcludedRow(
                        file: problem.location.file, line: problem.location.line ?? 0, reason: .raggedRow,
                        detail: problem.message))
            } else if !problem.skipsRow || problem.kind == .totalRow || problem.kind == .titleRow {
                ingestProblems.append(problem)
            }
        }
        for (kind, count) in summary.skippedByReason {
            files[index].rows += count
            rows += count
            if kind == .raggedRow {
                unlistedRagged += count - listedRagged
            } else {
                skipped[kind, default: 0] += count
                files[index].skipped += count
            }
        }
    }

    /// The index of a file whose fit was measured since the last call (once per file), for
    /// ``SatisfactionAnalysis`` to refuse a poor fit before reading on.
    mutating func takeFitToCheck() -> Int? {
        defer { fitToCheck = nil }
        return fitToCheck
    }

    /// The report of file `index` so far.
    func file(_ index: Int) -> ExportFileReport { files[index] }

    /// Adds the rows and used responses counted since the last call to the last file's report.
    private mutating func settleFileCounts() {
        guard let index = files.indices.last else { return }
        files[index].coverage = coverage
        files[index].rows += fileRows
        files[index].used += fileUsed
        fileRows = 0
        fileUsed = 0
    }

    private mutating func flushPending() {
        guard !files.isEmpty, !detected else { return }
        let index = files.count - 1
        let mapping = files[index].mapping
        let detection = WjxModeDetection.detect(mapping: mapping, survey: survey, sample: pending)
        files[index].detectedMode = detection.mode
        if let forced = settings.mode {
            files[index].detection = WjxModeDetection(
                mode: forced, reason: LocalizedText(zh: "由 --mode 指定", en: "set with --mode"))
        } else {
            files[index].detection = detection
        }
        let mode = files[index].detection.mode
        files[index].fit = ExportFit.measure(survey: survey, mapping: mapping, mode: mode, sample: pending)
        files[index].bestOther = ExportFit.best(
            of: otherQuestionnaires, header: files[index].header, sample: pending)
        fitToCheck = index
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
        if !isKnownUniquelyReferenced(&scratch) { scratch = scratch.copy() }
        let state = scratch.state
        state.pointee.plans.count = 0
        state.pointee.keys.count = 0
        state.pointee.keyBytes.count = 0
        for reader in readers {
            let question: Int
            var role = ReaderPlan.Role.none
            var item = -1
            var flagOption = -1
            switch reader.kind {
            case .answer(let q):
                question = q
                if q == groupQuestion {
                    role = .group
                } else if q == townshipQuestion {
                    role = .township
                } else if q == schoolQuestion {
                    role = .school
                } else if q == gradeQuestion {
                    role = .grade
                } else if let scored = itemOfQuestion[q] {
                    role = .item
                    item = scored
                }
            case .row(let q, let r):
                question = q
                if let scored = itemOfRow[[q, r]] {
                    role = .item
                    item = scored
                }
            case .option(let q, let o):
                question = q
                flagOption = o
            }
            let first = state.pointee.keys.count
            let byteBase = state.pointee.keyBytes.count
            for byte in reader.keyBytes { state.pointee.keyBytes.append(byte) }
            for key in reader.keys {
                let start = Int(key.start) + byteBase
                let (firstWord, lastWord) = PlanKey.words(state.pointee.keyBytes.base + start, Int(key.count))
                state.pointee.keys.append(
                    PlanKey(
                        first: firstWord, last: lastWord, count: key.count, option: key.option, start: Int32(start)))
            }
            state.pointee.plans.append(
                ReaderPlan(
                    column: reader.column, question: question, optionBase: optionBase[question], role: role,
                    item: item, flagOption: flagOption, isText: reader.type == .text,
                    keys: first..<state.pointee.keys.count))
        }
        hashInLoop = (0..<state.pointee.plans.count).map { state.pointee.plans[$0].column } == answerColumns
        detected = true
        let records = pending
        pending = []
        for record in records { process(record) }
    }

    // MARK: - One response

    /// What the fast path makes of a cell: an option number (≥ 0), or one of these.
    private static let cellEmpty = -1
    private static let cellSkipped = -2
    private static let cellText = -3
    private static let cellSlow = -4

    /// A cell read from its bytes when that is certain to give what ``WjxColumnReader/read(_:)``
    /// gives (``WjxColumnReader/read(bytes:)``, against the plan's keys): an option number, or
    /// `cellEmpty`, `cellSkipped`, `cellText`; `cellSlow` means "use the reader".
    @inline(__always)
    private static func fastCell(
        _ bytes: UnsafeBufferPointer<UInt8>, plan: ReaderPlan, keys: UnsafeMutablePointer<PlanKey>,
        keyBytes: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return cellEmpty }
        let count = bytes.count
        let (firstWord, lastWord) = PlanKey.words(start, count)
        var match = -5
        for index in plan.keys {
            let key = keys[index]
            if Int(key.count) == count, key.first == firstWord, key.last == lastWord,
                count <= 16 || memcmpEqual(keyBytes + Int(key.start), start, count)
            {
                match = Int(key.option)
                break
            }
        }
        if plan.isText { return match == -5 ? cellText : cellSkipped }
        return match == -5 ? cellSlow : match
    }

    private mutating func process<Record: ResponseFields>(_ record: Record) {
        if !isKnownUniquelyReferenced(&scratch) { scratch = scratch.copy() }
        let state = scratch.state
        let fileIndex = files.count - 1
        rows += 1
        fileRows += 1
        state.pointee.itemAnswered.fill(0)
        state.pointee.itemPositive.fill(0)
        state.pointee.chosen.count = 0
        var current = CurrentResponse()
        // The duplicate screen's hash: the IP, then every answer column (in the loop when it can).
        var hash = ResponseHash()
        let hasIP =
            settings.keepAll ? false : ipColumn.map { column in feedIP(record, column: column, into: &hash) } ?? false
        let feedInLoop = hasIP && hashInLoop

        let plans = state.pointee.plans
        let keys = state.pointee.keys.base
        let keyBytes = state.pointee.keyBytes.base
        for readerIndex in 0..<plans.count {
            let plan = plans[readerIndex]
            // Exact values straight from the bytes; anything else through WjxColumnReader.
            let code = record.withField(plan.column) { bytes in
                if feedInLoop { hash.feed(bytes) }
                return Self.fastCell(bytes, plan: plan, keys: keys, keyBytes: keyBytes)
            }
            if code >= 0 {
                // `.option(code)`, as `read(_:plan:record:current:)` takes it.
                let option = plan.optionBase + code
                state.pointee.chosen.append(option)
                switch plan.role {
                case .group:
                    current.groupOption = code
                    current.groupAnswered = true
                case .township: current.township = optionValueIDs[option]
                case .school: current.school = optionValueIDs[option]
                case .grade: current.gradeOption = code
                case .item:
                    let flags = optionFlags[option]
                    if !flags.excluded {
                        state.pointee.itemAnswered[plan.item] = 1
                        state.pointee.itemPositive[plan.item] = flags.positive ? 1 : 0
                    }
                case .none: break
                }
            } else if code == Self.cellSlow {
                let cell = readers[readerIndex].read(record.text(plan.column) ?? "")
                read(cell, plan: plan, record: record, current: &current)
            } else if plan.role == .township || plan.role == .school {
                // `.empty`, `.skipped`, `.text`.
                read(code == Self.cellText ? .text : .empty, plan: plan, record: record, current: &current)
            }
        }

        let groupOption = current.groupOption
        let township = current.township
        let school = current.school
        let gradeOption = current.gradeOption
        let groupAnswered = current.groupAnswered

        // The respondent's group.
        // The group's value number; nil: outside the questionnaire's groups.
        var groupID: Int?
        var outsideDetail: LocalizedText?
        if let groupQuestion {
            if let groupOption {
                let option = optionBase[groupQuestion] + groupOption
                if optionOutside[option] {
                    outsideDetail = LocalizedText(verbatim: survey.questions[groupQuestion].options[groupOption].text)
                } else if optionHasGroup[option] {
                    groupID = optionValueIDs[option]
                }
            } else {
                outsideDetail =
                    groupAnswered
                    ? LocalizedText(zh: "身份不是本题选项", en: "identity not an option")
                    : LocalizedText(zh: "未填身份", en: "identity not given")
            }
        } else {
            groupID = defaultGroupID
        }
        if let gradeQuestion, let gradeOption, optionOutside[optionBase[gradeQuestion] + gradeOption] {
            outsideDetail = LocalizedText(verbatim: survey.questions[gradeQuestion].options[gradeOption].text)
            groupID = nil
        }

        // Screening, first reason wins.
        let itemCount = items.count
        let itemAnswered = state.pointee.itemAnswered.base
        let itemPositive = state.pointee.itemPositive.base
        var totalAnswered = 0
        var totalPositive = 0
        for index in 0..<itemCount {
            totalAnswered &+= itemAnswered[index]
            totalPositive &+= itemPositive[index]
        }
        if !settings.keepAll {
            coverage.rows += 1
            if hasIP { coverage.withIP += 1 }
            // The same submission, in this file or an earlier one: 序号, 提交答卷时间 and 所用时间 (by their
            // digits). A response downloaded twice carries all three; two township surveys that number their
            // rows from 1 and open at one moment may share a 序号 and a second, hardly also the time taken.
            var sameSubmission: (file: Int, line: Int)?
            if screensSubmissions, let serialColumn, let submittedColumn {
                var key = ResponseHash()
                let hasSerial = record.withField(serialColumn) { key.feedDigitGroups($0) }
                let hasTime = record.withField(submittedColumn) { key.feedDigitGroups($0) }
                if let durationColumn { _ = record.withField(durationColumn) { key.feedDigitGroups($0) } }
                if hasSerial, hasTime {
                    coverage.withSubmission += 1
                    sameSubmission = submissions.check(key, file: fileIndex, line: record.line)
                }
            }
            var seconds: Int?
            if settings.minSeconds != nil, let column = durationColumn {
                seconds = Self.seconds(record, column: column)
                if seconds != nil { coverage.timed += 1 }
            }
            var exclusion: (ExclusionReason, LocalizedText)?
            if hasIP, !feedInLoop {
                for column in answerColumns { record.withField(column) { hash.feed($0) } }
            }
            if let first = sameSubmission {
                let sameFile = first.file == fileIndex
                exclusion = (
                    .sameSubmission,
                    LocalizedText(
                        zh: sameFile
                            ? "与第 \(first.line) 行序号、提交时间和用时相同"
                            : "与 \(files[first.file].file) 第 \(first.line) 行序号、提交时间和用时相同",
                        en: "same 序号, submission time and time taken as "
                            + (sameFile ? "line \(first.line)" : "\(files[first.file].file):\(first.line)"))
                )
            } else if hasIP, let first = duplicates.check(hash, file: fileIndex, line: record.line) {
                let sameFile = first.file == fileIndex
                exclusion = (
                    .duplicate,
                    LocalizedText(
                        zh: sameFile
                            ? "与第 \(first.line) 行答案和IP相同" : "与 \(files[first.file].file) 第 \(first.line) 行答案和IP相同",
                        en: "same answers and IP as "
                            + (sameFile ? "line \(first.line)" : "\(files[first.file].file):\(first.line)"))
                )
            } else if let minimum = settings.minSeconds, let seconds, seconds < minimum {
                exclusion = (
                    .speeder, LocalizedText(zh: "用时 \(seconds) 秒 < \(minimum) 秒", en: "\(seconds) s < \(minimum) s")
                )
            } else if groupID == nil {
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
                        file: files[fileIndex].file, line: record.line, reason: exclusion.0, detail: exclusion.1))
                return
            }
        }

        used += 1
        fileUsed += 1
        let optionCounts = state.pointee.optionCounts.base
        let chosen = state.pointee.chosen
        for index in 0..<chosen.count { optionCounts[chosen[index]] += 1 }
        // The group's value number: (组外) without a group, else the option's or the default group.
        let groupValue = groupID ?? outsideID
        if groupValue >= state.pointee.usedByGroup.count {
            state.pointee.usedByGroup.append(repeating: 0, count: groupValue + 1 - state.pointee.usedByGroup.count)
        }
        state.pointee.usedByGroup[groupValue] += 1
        let gradeValue = gradeOption.map { optionValueIDs[optionBase[gradeQuestion!] + $0] } ?? missingID
        let dimensionAnswered = state.pointee.dimensionAnswered
        let dimensionPositive = state.pointee.dimensionPositive
        dimensionAnswered.fill(0)
        dimensionPositive.fill(0)
        itemDimension.withUnsafeBufferPointer { itemDimension in
            for index in 0..<itemCount where itemAnswered[index] > 0 {
                dimensionAnswered[itemDimension[index]] += 1
                dimensionPositive[itemDimension[index]] += itemPositive[index]
            }
        }

        // Add the response to its stratum; finish() sums strata into cells. The value numbers fit an
        // Int32 (a trap otherwise, never a wrong stratum): each distinct grouping text needs a response of
        // its own, and 2^31 responses would need 48 GiB of duplicate-screen table long before.
        let key = StratumKey(
            group: Int32(groupValue), township: Int32(township ?? missingID), school: Int32(school ?? missingID),
            grade: Int32(gradeValue))
        let packed = (
            UInt64(UInt32(bitPattern: key.group)) | UInt64(UInt32(bitPattern: key.township)) << 32,
            UInt64(UInt32(bitPattern: key.school)) | UInt64(UInt32(bitPattern: key.grade)) << 32
        )
        let (stratum, isNew) = state.pointee.stratum(packed, stride: stratumStride)
        if isNew { stratumKeys.append(key) }
        let sums = state.pointee.sums.base + stratum * stratumStride
        if totalAnswered > 0 { sums[0].add(positive: totalPositive, answered: totalAnswered) }
        for index in 0..<itemCount where itemAnswered[index] > 0 {
            sums[1 + index].add(positive: itemPositive[index], answered: 1)
        }
        for d in 0..<dimensionAnswered.count where dimensionAnswered[d] > 0 {
            sums[1 + itemCount + d].add(positive: dimensionPositive[d], answered: dimensionAnswered[d])
        }
    }

    /// Takes one cell of the current response.
    private mutating func read<Record: ResponseFields>(
        _ cell: WjxCell, plan: ReaderPlan, record: Record, current: inout CurrentResponse
    ) {
        let state = scratch.state
        if case .invalid = cell {
            answerProblemCount += 1
            if answerProblems.count < Self.problemLimit {
                let raw = record.text(plan.column) ?? ""
                let question = survey.questions[plan.question]
                answerProblems.append(
                    AnswerProblem(
                        file: files[files.count - 1].file, line: record.line, column: plan.column + 1,
                        question: question.id, value: raw,
                        message: LocalizedText(
                            zh: "“\(raw)”不是第 \(question.number) 题（\(question.id)）的选项，未计入。",
                            en:
                                "\"\(raw)\" is not an option of question \(question.number) (\(question.id)); it is not counted."
                        )
                    ))
            }
            if plan.role == .group { current.groupAnswered = true }
            return
        }
        switch cell {
        case .option(let o): state.pointee.chosen.append(plan.optionBase + o)
        case .options(let list): for o in list { state.pointee.chosen.append(plan.optionBase + o) }
        case .flag(true): if plan.flagOption >= 0 { state.pointee.chosen.append(plan.optionBase + plan.flagOption) }
        default: break
        }
        switch plan.role {
        case .group:
            if case .option(let o) = cell {
                current.groupOption = o
                current.groupAnswered = true
            }
        case .township:
            current.township = label(
                of: cell, record: record, column: plan.column, question: plan.question, school: false)
        case .school:
            current.school = label(of: cell, record: record, column: plan.column, question: plan.question, school: true)
        case .grade:
            if case .option(let o) = cell { current.gradeOption = o }
        case .item:
            if case .option(let o) = cell {
                let flags = optionFlags[plan.optionBase + o]
                if !flags.excluded {
                    state.pointee.itemAnswered[plan.item] = 1
                    state.pointee.itemPositive[plan.item] = flags.positive ? 1 : 0
                }
            }
        case .none:
            break
        }
    }

    private mutating func intern(_ value: String) -> Int {
        if let id = valueIDs[value] { return id }
        values.append(value)
        valueIDs[value] = values.count - 1
        return values.count - 1
    }

    /// Feeds the IP (without surrounding spaces) into `hash`; false when there is none.
    private func feedIP<Record: ResponseFields>(_ record: Record, column: Int, into hash: inout ResponseHash) -> Bool {
        let plain = record.withField(column) { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return false }
            // Nothing to trim (no space, tab or ideographic space U+3000 = E3 80 80 at either end).
            guard first != 0x20, first != 0x09, first != 0xE3, last != 0x20, last != 0x09, last != 0x80 else {
                return nil
            }
            hash.feed(bytes)
            return true
        }
        if let plain { return plain }
        var ip = record.text(column).map(HandTypedText.cell) ?? ""
        if ip.isEmpty { return false }
        ip.withUTF8 { hash.feed($0) }
        return true
    }

    /// 所用时间 in seconds: `136秒` read from the bytes, anything else through ``WjxText/seconds(_:)``.
    private static func seconds<Record: ResponseFields>(_ record: Record, column: Int) -> Int? {
        let fast = record.withField(column) { bytes -> Int? in
            // 1–9 ASCII digits, then 秒 (E7 A7 92).
            guard bytes.count >= 4, bytes.count <= 12, bytes[bytes.count - 3] == 0xE7,
                bytes[bytes.count - 2] == 0xA7, bytes[bytes.count - 1] == 0x92
            else { return nil }
            var number = 0
            for byte in bytes[..<(bytes.count - 3)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                number = number * 10 + Int(byte - 0x30)
            }
            return number
        }
        return fast ?? WjxText.seconds(record.text(column) ?? "")
    }

    /// The grouping value number of a township or school cell: the option's text, or the normalised
    /// free text (looked up by its bytes, so each distinct spelling is normalised once); nil for none.
    private mutating func label<Record: ResponseFields>(
        of cell: WjxCell, record: Record, column: Int, question: Int, school: Bool
    ) -> Int? {
        switch cell {
        case .option(let o): return optionValueIDs[optionBase[question] + o]
        case .text:
            let known = record.withField(column) { bytes in
                school ? schoolLabels.value(for: bytes) : townshipLabels.value(for: bytes)
            }
            if let known { return known < 0 ? nil : known }
            let text = HandTypedText.compact(record.text(column) ?? "")
            let id = text.isEmpty ? -1 : intern(text)
            record.withField(column) { bytes in
                if school { schoolLabels.insert(bytes, value: id) } else { townshipLabels.insert(bytes, value: id) }
            }
            return id < 0 ? nil : id
        default: return nil
        }
    }

    // MARK: - Result

    /// Ends the last file and computes every cell.
    public mutating func finish() -> SatisfactionResult {
        flushPending()
        settleFileCounts()
        let state = scratch.state.pointee
        let breakdowns = sumStrata(state.sums.array.map(\.interval))
        var usedByGroup: [String: Int] = [:]
        for id in 0..<state.usedByGroup.count where state.usedByGroup[id] > 0 {
            usedByGroup[values[id], default: 0] += state.usedByGroup[id]
        }
        let flatCounts = state.optionCounts.array
        let optionCounts = survey.questions.indices.map { q in
            Array(flatCounts[optionBase[q]..<optionBase[q] + survey.questions[q].options.count])
        }
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
            excluded: excludedRows.count + unlistedRagged, overall: overall,
            groups: by.isEmpty ? [] : cellsByKeys[by] ?? [],
            breakdowns: single, excludedRows: excludedRows, answerProblems: answerProblems,
            answerProblemCount: answerProblemCount, ingestProblems: ingestProblems, usedByGroup: usedByGroup,
            weighted: weighted(groupAccumulators: breakdowns[breakdownKeys.firstIndex(of: [.group])!]),
            sampleChecks: checks,
            optionCounts: Dictionary(uniqueKeysWithValues: zip(survey.questions.map(\.id), optionCounts)),
            skippedRows: IngestProblem.Kind.allCases.compactMap { kind in
                skipped[kind].map { SkippedRows(kind: kind, count: $0) }
            },
            unlistedExclusions: unlistedRagged > 0 ? [.raggedRow: unlistedRagged] : [:],
            screens: settings.keepAll
                ? []
                : ScreenStatus.statuses(
                    files.map { ($0.file, $0.coverage) }, speederOn: settings.minSeconds != nil,
                    submissionOn: screensSubmissions))
    }

    /// Running sums per cell, one dictionary per entry of `breakdownKeys`: each stratum added to the
    /// cells it belongs to (a cell exists when some respondent was added to it).
    private func sumStrata(_ stratumSums: [ClusteredRatioInterval]) -> [[[String]: ClusteredRatioInterval]] {
        var breakdowns: [[[String]: ClusteredRatioInterval]] = Array(repeating: [:], count: breakdownKeys.count)
        for (stratum, stratumKey) in stratumKeys.enumerated() {
            let base = stratum * stratumStride
            func value(_ key: GroupingKey) -> String {
                switch key {
                case .group: values[Int(stratumKey.group)]
                case .township: values[Int(stratumKey.township)]
                case .school: values[Int(stratumKey.school)]
                case .grade: values[Int(stratumKey.grade)]
                case .item, .dimension: ""
                }
            }
            for (position, keys) in breakdownKeys.enumerated() {
                if keys.contains(.item) {
                    for index in items.indices where stratumSums[base + 1 + index].clusters > 0 {
                        let key = keys.map { k -> String in
                            k == .item
                                ? items[index].id : k == .dimension ? dimensionIDs[itemDimension[index]] : value(k)
                        }
                        breakdowns[position][key, default: ClusteredRatioInterval()]
                            .merge(stratumSums[base + 1 + index])
                    }
                } else if keys.contains(.dimension) {
                    for d in dimensionIDs.indices where stratumSums[base + 1 + items.count + d].clusters > 0 {
                        let key = keys.map { k in k == .dimension ? dimensionIDs[d] : value(k) }
                        breakdowns[position][key, default: ClusteredRatioInterval()]
                            .merge(stratumSums[base + 1 + items.count + d])
                    }
                } else if stratumSums[base].clusters > 0 {
                    breakdowns[position][keys.map(value), default: ClusteredRatioInterval()].merge(stratumSums[base])
                }
            }
        }
        return breakdowns
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
        var method = SatisfactionCell.IntervalMethod.wilson
        if isItem {
            interval = WilsonInterval(successes: acc.positive, trials: acc.answered).interval
        } else {
            // Clustered; Wilson on the respondents where every respondent is at the rate (a zero variance).
            let fallback = acc.intervalWithFallback
            interval = fallback?.interval
            method = fallback?.method == .respondentWilson ? .respondentWilson : .clustered
        }
        let rate = acc.rate
        let labels = zip(keys, key).map { k, value -> LocalizedText in
            if let sentinel = GroupingKey.sentinelLabel(value) { return sentinel }
            switch k {
            case .item:
                if let item = items.first(where: { $0.id == value }) {
                    return LocalizedText(verbatim: "\(item.number). \(item.text)")
                }
                return LocalizedText(verbatim: value)
            case .dimension: return survey.dimension(id: value)?.name ?? LocalizedText(verbatim: value)
            default: return LocalizedText(verbatim: value)
            }
        }
        return SatisfactionCell(
            key: key, label: labels, respondents: acc.clusters, answered: acc.answered, positive: acc.positive,
            rate: rate, ci95: interval, intervalMethod: method,
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
        var notes: [LocalizedText] = []
        var total = 0.0
        var sum = 0.0
        var variance = 0.0
        var varianceKnown = true
        for group in weights.keys.sorted() {
            guard let weight = weights[group], weight > 0 else { continue }
            guard let acc = groupAccumulators[[group]], let rate = acc.rate else {
                notes.append(
                    LocalizedText(
                        zh: "\(group) 有权重但没有回答，未计入加权满意度。",
                        en: "\(group) has a weight but no answers; left out of the weighted rate."))
                continue
            }
            total += weight
            sum += weight * rate
            if let v = acc.variance { variance += weight * weight * v } else { varianceKnown = false }
        }
        for key in groupAccumulators.keys.map({ $0[0] }).sorted() where weights[key] == nil {
            notes.append(
                LocalizedText(
                    zh: "\(key) 有回答但没有权重，未计入加权满意度。",
                    en: "\(key) has answers but no weight; left out of the weighted rate."))
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
