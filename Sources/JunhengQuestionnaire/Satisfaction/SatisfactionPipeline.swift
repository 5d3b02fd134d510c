import JunhengCore
public import JunhengIngest

/// Computes satisfaction rates from 问卷星 exports one record at a time (DOMAIN.md §4, §5).
///
/// Feed it `consume(header:line:file:)` for each export, then every `consume(record:)` (or, straight
/// from the reader, `consume(row:)`), then the reader's `consume(summary:)`; `finish()` returns the
/// result. ``SatisfactionAnalysis`` reads a large export in chunks on every core instead
/// (``read(chunksOf:)``), each chunk counted apart and added in file order, with the same result.
///
/// What it keeps: running sums per stratum (one combination of group, township, school and grade,
/// summed into cells at the end) and the other counts of a ``ResponseTally``, the duplicate screens'
/// fingerprints (12 bytes a response), the excluded rows, the first 1,000 answer problems, and the first
/// 200 records of each file (to detect the download mode and measure how well the export fits the
/// questionnaire before reading on); memory does not grow with the number of answers.
///
/// The parts live in their own files: the questionnaire's tables (``QuestionnaireLayout``), a file's
/// column readers (``FilePlan``), cell reading, screening and counting (``ResponseTally``), reading in
/// chunks (`SatisfactionPipeline+Chunks`), and the result's cells (`SatisfactionPipeline+Result`).
public struct SatisfactionPipeline: Sendable {
    public let survey: Questionnaire
    public let settings: SatisfactionSettings
    public let by: [GroupingKey]
    /// The other questionnaires of the folder, to name the one an export fits best when it does not fit
    /// this one.
    public let otherQuestionnaires: [Questionnaire]
    /// Whether rows are screened for the same submission (序号, 提交答卷时间, 所用时间): when several exports
    /// are read together, where one response can come twice (issue 9 case 4). One export from 问卷星 numbers
    /// each response once, so a run of one export skips this screen and its table.
    public let screensSubmissions: Bool

    /// Records buffered per file to detect the download mode.
    static let detectionSample = 200

    let layout: QuestionnaireLayout
    let breakdownKeys: [[GroupingKey]]

    // Per file.
    var files: [ExportFileReport] = []
    /// Per file: the lines of the files before it (``FilePlan/lineBase``).
    var lineBases: [Int] = []
    /// Where the next file's lines start.
    var nextLineBase = 0
    /// The current file's plan, once its mode is known.
    var plan: FilePlan?
    var pending: [CSVRecord] = []
    /// Set when a file's fit has been measured and not yet looked at (``takeFitToCheck()``).
    var fitToCheck: Int?

    // Totals.
    /// The run's counts (copied before a write when the pipeline value was copied: value semantics).
    var box: TallyBox
    var rows = 0
    var used = 0
    var excludedRows: [ExcludedRow] = []
    var ingestProblems: [IngestProblem] = []
    /// Rows the reader skipped that are not responses (blank, title, total rows), by kind.
    var skipped: [IngestProblem.Kind: Int] = [:]
    /// Ragged rows the reader found beyond those listed in `excludedRows`.
    var unlistedRagged = 0

    public init(
        survey: Questionnaire, settings: SatisfactionSettings, by: [GroupingKey] = [],
        otherQuestionnaires: [Questionnaire] = [], exports: Int = 2
    ) {
        self.survey = survey
        self.settings = settings
        self.by = by
        self.otherQuestionnaires = otherQuestionnaires
        self.screensSubmissions = exports > 1
        layout = QuestionnaireLayout(survey: survey)
        var keys: [[GroupingKey]] = [[], [.group], [.township], [.school], [.grade], [.item], [.dimension]]
        if !by.isEmpty, !keys.contains(by) { keys.append(by) }
        breakdownKeys = keys
        box = TallyBox(
            ResponseTally(
                layout: layout,
                frequencies: settings.frequencies.map { request in
                    FrequencyAccumulator(survey: survey, by: request.by, keepAnswers: request.answers)
                }))
    }

    /// The run's counts, to write to (copied first if another pipeline value shares them).
    mutating func tally() -> TallyBox {
        if !isKnownUniquelyReferenced(&box) { box = box.clone() }
        return box
    }

    // MARK: - Feeding

    /// Starts a new export file: maps its header onto the questionnaire.
    public mutating func consume(header: [String], line: Int, file: String) {
        flushPending()
        settleFile()
        let mapping = WjxColumnMapping.map(header: header, survey: survey, overrides: settings.mapping)
        var report = ExportFileReport(
            file: file, header: header, headerLine: line,
            detection: WjxModeDetection(
                mode: settings.mode ?? .text, reason: LocalizedText(zh: "尚未判断", en: "not yet detected")),
            modeForced: settings.mode != nil, mapping: mapping)
        report.coverage.hasDurationColumn = mapping.column(of: .duration) != nil
        report.coverage.hasIPColumn = mapping.column(of: .ip) != nil
        report.coverage.hasSubmissionColumns =
            mapping.column(of: .serial) != nil && mapping.column(of: .submitted) != nil
        files.append(report)
        lineBases.append(nextLineBase)
        plan = nil
        pending = []
    }

    /// Reads one response (after `consume(header:…)`).
    public mutating func consume(record: CSVRecord) {
        precondition(!files.isEmpty, "consume(header:line:file:) must come before records")
        if let plan {
            do {
                let box = tally()
                try CSVRow.withCopy(of: record, file: plan.name) { row throws(IngestError) in
                    try box.tally.process(ReaderRow(row: row), plan: plan)
                }
            } catch {
                preconditionFailure("a kept record is text already: \(error)")
            }
            return
        }
        pending.append(record)
        if pending.count >= Self.detectionSample { flushPending() }
    }

    /// Reads one response straight from the reader's buffer (after `consume(header:…)`): the fast path
    /// of ``SatisfactionAnalysis``. Only the cells the questionnaire needs are looked at, mostly without
    /// making Strings, and every byte not matched to a known value is checked as UTF-8 first, as
    /// `CSVRow.record()` would.
    ///
    /// - Throws: ``IngestError`` for a field that is not valid UTF-8.
    public mutating func consume(row: CSVRow) throws(IngestError) {
        precondition(!files.isEmpty, "consume(header:line:file:) must come before records")
        if let plan {
            try tally().tally.process(ReaderRow(row: row), plan: plan)
        } else {
            consume(record: try row.record())
        }
    }

    /// Takes the reader's summary of the current file: ragged rows become excluded rows (each one listed
    /// that the reader kept), and every other row it skipped (blank, title, total) is counted as skipped,
    /// so that rows = used + excluded + skipped.
    public mutating func consume(summary: CSVReadSummary) {
        flushPending()
        settleFile()
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

    // MARK: - A file's plan and counts

    /// Detects the current file's mode from the records buffered, measures its fit, and makes its plan;
    /// then reads the records buffered.
    mutating func flushPending() {
        guard !files.isEmpty, plan == nil else { return }
        let plan = makePlan(sample: pending)
        let records = pending
        pending = []
        let box = tally()
        for record in records {
            do {
                try CSVRow.withCopy(of: record, file: plan.name) { row throws(IngestError) in
                    try box.tally.process(ReaderRow(row: row), plan: plan)
                }
            } catch {
                preconditionFailure("a kept record is text already: \(error)")
            }
        }
    }

    /// The current file's plan from its first records (`sample`): the download mode (detected, or forced
    /// with `--mode`), the fit to this questionnaire and to the others, the column readers.
    mutating func makePlan(sample: [CSVRecord]) -> FilePlan {
        let index = files.count - 1
        let mapping = files[index].mapping
        let detection = WjxModeDetection.detect(mapping: mapping, survey: survey, sample: sample)
        files[index].detectedMode = detection.mode
        if let forced = settings.mode {
            files[index].detection = WjxModeDetection(
                mode: forced, reason: LocalizedText(zh: "由 --mode 指定", en: "set with --mode"))
        } else {
            files[index].detection = detection
        }
        let mode = files[index].detection.mode
        files[index].fit = ExportFit.measure(survey: survey, mapping: mapping, mode: mode, sample: sample)
        files[index].bestOther = ExportFit.best(of: otherQuestionnaires, header: files[index].header, sample: sample)
        fitToCheck = index
        tally().tally.frequencies?.begin(file: files[index].file, mapping: mapping, mode: mode)
        let plan = FilePlan(
            layout: layout, file: index, name: files[index].file, lineBase: lineBases[index], mapping: mapping,
            mode: mode, columnCount: files[index].header.count, settings: settings,
            screensSubmissions: screensSubmissions)
        self.plan = plan
        return plan
    }

    /// Adds what was counted since the last call to the current file's report and the run's totals: rows,
    /// used responses, screen coverage, and the excluded rows with their details.
    mutating func settleFile() {
        guard let index = files.indices.last else { return }
        let counts = tally().tally.takeFileCounts()
        files[index].rows += counts.rows
        files[index].used += counts.used
        rows += counts.rows
        used += counts.used
        files[index].coverage.rows += counts.coverage.rows
        files[index].coverage.timed += counts.coverage.timed
        files[index].coverage.withIP += counts.coverage.withIP
        files[index].coverage.withSubmission += counts.coverage.withSubmission
        for exclusion in counts.exclusions {
            excludedRows.append(exclusion.rendered(file: index, files: files, survey: survey, place: place))
        }
        nextLineBase = max(nextLineBase, lineBases[index] + counts.lastLine + 1)
    }

    /// The file and line of a place (``FilePlan/place(line:)``).
    func place(_ ordinal: UInt32) -> (file: Int, line: Int) {
        let place = Int(ordinal)
        // The last file whose places start at or before this one.
        var low = 0
        var high = lineBases.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineBases[middle] + 1 <= place { low = middle } else { high = middle - 1 }
        }
        return (low, place - 1 - lineBases[low])
    }
}
