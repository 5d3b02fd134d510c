import JunhengCore
@_spi(Storage) import JunhengIngest

/// Everything the satisfaction pipeline counts, and the working memory of the response being read.
///
/// One tally takes the rows of a whole run when the exports are read one record at a time; when a large
/// export is read in chunks on several cores, each chunk counts into a tally of its own, and the chunks'
/// tallies are added to the run's in file order (``absorb(_:)``). Every count is a whole number (strata
/// sums, option counts, rows), so adding tallies gives exactly what counting every row in one would.
///
/// Memory: running sums per stratum, a counter per option and per group value, the free-text grouping
/// values seen, the duplicate screens' fingerprints (12 bytes a response, ``FingerprintSet``), the
/// excluded rows, the first 1,000 answer problems; never the responses.
struct ResponseTally: ~Copyable {
    let layout: QuestionnaireLayout

    // MARK: Counts (added up by `absorb`)

    /// Rows read and responses used since the counts were last taken for a file's report.
    var rows = 0
    var used = 0
    /// The highest line read in the current file (the next file's lines are placed after it).
    var lastLine = 0
    /// What the screens of the current file could look at (counts only; the columns are the file's).
    var coverage = ScreenCoverage()
    /// Rows screened out since the last file's report, in file order.
    var exclusions: [Exclusion] = []
    /// The first ``problemLimit`` answers that are not options, and how many there were.
    var answerProblems: [AnswerProblem] = []
    var answerProblemCount = 0
    var strata: StratumTable
    /// Per flat option: used responses that chose it.
    var optionCounts: PlainBuffer<Int>
    /// Used responses per group value number.
    var usedByGroup: PlainBuffer<Int>
    /// The same answers and IP; the same 序号, submission time and time taken.
    var answers: FingerprintSet
    var submissions: FingerprintSet
    /// Free-text grouping values (a township or school typed in), numbered after the layout's values.
    var extraValues: [String] = []
    var extraValueIDs: [String: Int] = [:]
    /// Raw bytes of a free-text township or school cell → its value number (-1: no value).
    var townshipLabels = ByteKeyTable()
    var schoolLabels = ByteKeyTable()
    /// Per-question counts, when the run counts frequencies too.
    var frequencies: FrequencyAccumulator?

    // MARK: The response being read (reset for every row)

    /// Cells to read from their text once the row's bytes are checked.
    var deferred = PlainBuffer<DeferredCell>(capacity: 64)
    /// Columns whose bytes are still to be checked as UTF-8.
    var unchecked = PlainBuffer<Int32>(capacity: 64)
    /// Per item: answered with a counted option (0/1), positive (0/1); per dimension: sums.
    var itemAnswered: PlainBuffer<Int>
    var itemPositive: PlainBuffer<Int>
    var dimensionAnswered: PlainBuffer<Int>
    var dimensionPositive: PlainBuffer<Int>
    /// Flat options chosen by the current response.
    var chosen = PlainBuffer<Int>(capacity: 64)

    /// Answer problems kept in full (all are counted).
    static let problemLimit = 1000

    /// - Parameter expectedRows: rows this tally is likely to screen, to size the duplicate screen's table.
    init(layout: QuestionnaireLayout, frequencies: FrequencyAccumulator?, expectedRows: Int = 1024) {
        self.layout = layout
        self.frequencies = frequencies
        strata = StratumTable(items: layout.items.count, dimensions: layout.dimensionIDs.count)
        optionCounts = PlainBuffer(repeating: 0, count: layout.optionCount)
        usedByGroup = PlainBuffer(repeating: 0, count: layout.values.count)
        answers = FingerprintSet(capacity: expectedRows)
        submissions = FingerprintSet(capacity: 64)
        itemAnswered = PlainBuffer(repeating: 0, count: layout.items.count)
        itemPositive = PlainBuffer(repeating: 0, count: layout.items.count)
        dimensionAnswered = PlainBuffer(repeating: 0, count: layout.dimensionIDs.count)
        dimensionPositive = PlainBuffer(repeating: 0, count: layout.dimensionIDs.count)
    }

    // MARK: - Grouping values

    /// The text of value number `id`.
    func value(_ id: Int) -> String {
        id < layout.values.count ? layout.values[id] : extraValues[id - layout.values.count]
    }

    /// The number of a grouping value, numbered now when first seen.
    mutating func intern(_ text: String) -> Int {
        if let id = layout.valueIDs[text] { return id }
        if let id = extraValueIDs[text] { return id }
        extraValues.append(text)
        let id = layout.values.count + extraValues.count - 1
        extraValueIDs[text] = id
        return id
    }

    // MARK: - Adding up

    /// Adds the counts of `other` (a later chunk of the same file) to these: rows, responses, strata
    /// (their grouping values renumbered by text), option and group counts, the exclusions and answer
    /// problems after these (the first ``problemLimit`` problems kept), the frequencies, and, when
    /// `keepingFingerprints` (more rows are to be screened), the fingerprints seen. `other` may be left
    /// emptied.
    mutating func absorb(_ other: inout ResponseTally, keepingFingerprints: Bool = true) {
        rows += other.rows
        used += other.used
        lastLine = max(lastLine, other.lastLine)
        coverage.rows += other.coverage.rows
        coverage.timed += other.coverage.timed
        coverage.withIP += other.coverage.withIP
        coverage.withSubmission += other.coverage.withSubmission
        exclusions += other.exclusions
        for problem in other.answerProblems where answerProblems.count < Self.problemLimit {
            answerProblems.append(problem)
        }
        answerProblemCount += other.answerProblemCount
        var renumbered: [Int32] = []
        renumbered.reserveCapacity(other.extraValues.count)
        for text in other.extraValues { renumbered.append(Int32(intern(text))) }
        let base = Int32(layout.values.count)
        strata.absorb(other.strata) { id in id < base ? id : renumbered[Int(id - base)] }
        for index in 0..<optionCounts.count { optionCounts[index] += other.optionCounts[index] }
        for id in 0..<other.usedByGroup.count where other.usedByGroup[id] > 0 {
            let target = Int(id < Int(base) ? Int32(id) : renumbered[id - Int(base)])
            if target >= usedByGroup.count { usedByGroup.append(repeating: 0, count: target + 1 - usedByGroup.count) }
            usedByGroup[target] += other.usedByGroup[id]
        }
        if keepingFingerprints {
            answers.absorb(&other.answers)
            submissions.absorb(&other.submissions)
        }
        if var mine = frequencies, let theirs = other.frequencies {
            mine.absorb(theirs)
            frequencies = mine
        }
    }

    /// Takes the fingerprints `other` recorded that this tally lacks (keeping the earlier place of those
    /// both have), leaving `other` none.
    /// - Returns: whether this tally had any of them: `other` counted a response as the first of its kind
    ///   that it is not.
    mutating func mergeFingerprints(from other: inout ResponseTally) -> Bool {
        let answered = answers.merge(&other.answers)
        let submitted = submissions.merge(&other.submissions)
        return answered || submitted
    }

    /// The fingerprints held (both screens).
    var fingerprintCounts: (answers: Int, submissions: Int) { (answers.count, submissions.count) }

    /// Makes room for this many fingerprints in all, so that merging chunks does not grow the tables.
    mutating func reserveFingerprints(answers answerCount: Int, submissions submissionCount: Int) {
        answers.reserve(answerCount)
        submissions.reserve(submissionCount)
    }

    /// Lets go of the fingerprints (no export comes after to be screened against them).
    mutating func dropFingerprints() {
        answers = FingerprintSet(capacity: 1)
        submissions = FingerprintSet(capacity: 1)
    }

    /// Whether a fingerprint `other` recorded was seen here first: `other` counted that row as the first
    /// of its kind, which it is not.
    func sharesFingerprints(with other: borrowing ResponseTally) -> Bool {
        answers.sharesAny(with: other.answers) || submissions.sharesAny(with: other.submissions)
    }

    /// Takes what was counted for the current file's report: rows, responses, the last line, coverage,
    /// exclusions.
    mutating func takeFileCounts() -> (
        rows: Int, used: Int, lastLine: Int, coverage: ScreenCoverage, exclusions: [Exclusion]
    ) {
        defer {
            rows = 0
            used = 0
            lastLine = 0
            coverage = ScreenCoverage()
            exclusions = []
        }
        return (rows, used, lastLine, coverage, exclusions)
    }

    /// A copy with its own memory.
    func clone() -> ResponseTally {
        var copy = ResponseTally(layout: layout, frequencies: frequencies)
        copy.rows = rows
        copy.used = used
        copy.lastLine = lastLine
        copy.coverage = coverage
        copy.exclusions = exclusions
        copy.answerProblems = answerProblems
        copy.answerProblemCount = answerProblemCount
        copy.strata = strata.clone()
        copy.optionCounts = optionCounts.clone()
        copy.usedByGroup = usedByGroup.clone()
        copy.answers = answers.clone()
        copy.submissions = submissions.clone()
        copy.extraValues = extraValues
        copy.extraValueIDs = extraValueIDs
        copy.townshipLabels = townshipLabels.clone()
        copy.schoolLabels = schoolLabels.clone()
        return copy
    }
}

/// A ``ResponseTally`` behind a reference: the run's counts in ``SatisfactionPipeline`` (copied when the
/// pipeline value is copied, so the pipeline keeps value semantics), and one chunk's counts while the
/// chunk is read on its own thread.
final class TallyBox: @unchecked Sendable {
    var tally: ResponseTally

    init(_ tally: consuming ResponseTally) {
        self.tally = tally
    }

    func clone() -> TallyBox { TallyBox(tally.clone()) }
}
