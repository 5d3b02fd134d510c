public import JunhengCore

/// Whether one screen ran on every row, on some, or on none, and why not: shown next to the figures in
/// every output (issue 9 case 5).
public struct ScreenStatus: Sendable, Hashable {
    /// The screens that need something in the row to run.
    public enum Screen: String, Sendable, Hashable, CaseIterable {
        /// 所用时间 under `min_seconds`.
        case speeder
        /// The same answers from the same 来自IP.
        case answersAndIP = "answers-and-ip"
        /// The same 序号 and 提交答卷时间 (the same submission, downloaded or given twice).
        case submission

        public var label: LocalizedText {
            switch self {
            case .speeder: LocalizedText(zh: "用时筛查", en: "speeder screen")
            case .answersAndIP: LocalizedText(zh: "答案+IP 查重", en: "duplicate screen by answers and IP")
            case .submission: LocalizedText(zh: "序号+提交时间查重", en: "duplicate screen by 序号 and submission time")
            }
        }
    }

    public var screen: Screen
    /// Rows screened and rows this screen could look at.
    public var rows: Int
    public var covered: Int
    /// Why rows were not covered (missing column, blank cells), for the caveat; nil when all were.
    public var reason: LocalizedText?

    public init(screen: Screen, rows: Int, covered: Int, reason: LocalizedText?) {
        self.screen = screen
        self.rows = rows
        self.covered = covered
        self.reason = reason
    }

    /// No row could be screened (and there were rows).
    public var couldNotRun: Bool { rows > 0 && covered == 0 }
    /// Some rows, not all, could be screened.
    public var ranPartly: Bool { covered > 0 && covered < rows }

    /// The caveat to show next to the figures, or nil when the screen ran on every row.
    public var caveat: LocalizedText? {
        guard let reason, covered < rows else { return nil }
        if couldNotRun {
            return LocalizedText(
                zh: "\(screen.label.zh)未能执行：\(reason.zh)。", en: "The \(screen.label.en) could not run: \(reason.en).")
        }
        let missed = rows - covered
        return LocalizedText(
            zh: "\(screen.label.zh)只对 \(covered) 行执行，\(missed) 行未筛查：\(reason.zh)。",
            en: "The \(screen.label.en) ran on \(covered) rows; \(missed) rows were not screened: \(reason.en).")
    }
}

extension ScreenStatus {
    /// The status of every screen that is on, over all exports' coverage (the same-submission screen only
    /// when several exports are read together).
    static func statuses(
        _ coverage: [(file: String, coverage: ScreenCoverage)], speederOn: Bool, submissionOn: Bool
    ) -> [ScreenStatus] {
        let rows = coverage.reduce(0) { $0 + $1.coverage.rows }
        guard rows > 0 else { return [] }
        func files(_ matching: (ScreenCoverage) -> Bool) -> String {
            coverage.filter { $0.coverage.rows > 0 && matching($0.coverage) }.map(\.file).joined(separator: ", ")
        }
        func reason(
            column: String, english: String, has: (ScreenCoverage) -> Bool, covered: (ScreenCoverage) -> Int,
            consequence: LocalizedText
        ) -> LocalizedText? {
            let total = coverage.reduce(0) { $0 + covered($1.coverage) }
            guard total < rows else { return nil }
            let absent = files { !has($0) }
            let empty = files { has($0) && covered($0) == 0 }
            let someBlank = coverage.filter {
                has($0.coverage) && covered($0.coverage) > 0 && covered($0.coverage) < $0.coverage.rows
            }
            var parts: [LocalizedText] = []
            if !absent.isEmpty {
                parts.append(LocalizedText(zh: "\(absent) 没有“\(column)”列", en: "\(absent) has no \(english) column"))
            }
            if !empty.isEmpty {
                parts.append(
                    LocalizedText(
                        zh: "\(empty) 的“\(column)”全部为空或无法读取",
                        en: "\(english) is blank or unreadable in every row of \(empty)"))
            }
            for entry in someBlank {
                let missed = entry.coverage.rows - covered(entry.coverage)
                parts.append(
                    LocalizedText(
                        zh: "\(entry.file) 有 \(missed) 行“\(column)”为空或无法读取",
                        en: "\(english) is blank or unreadable in \(missed) rows of \(entry.file)"))
            }
            return LocalizedText(
                zh: parts.map(\.zh).joined(separator: "，") + "；" + consequence.zh,
                en: parts.map(\.en).joined(separator: "; ") + "; " + consequence.en)
        }
        var statuses: [ScreenStatus] = []
        if speederOn {
            let covered = coverage.reduce(0) { $0 + $1.coverage.timed }
            statuses.append(
                ScreenStatus(
                    screen: .speeder, rows: rows, covered: covered,
                    reason: reason(
                        column: "所用时间", english: "所用时间 (time taken)", has: \.hasDurationColumn, covered: \.timed,
                        consequence: LocalizedText(
                            zh: "这些答卷无法判断是否答得过快", en: "those responses could not be checked for speed"))))
        }
        let withIP = coverage.reduce(0) { $0 + $1.coverage.withIP }
        statuses.append(
            ScreenStatus(
                screen: .answersAndIP, rows: rows, covered: withIP,
                reason: reason(
                    column: "来自IP", english: "来自IP (IP address)", has: \.hasIPColumn, covered: \.withIP,
                    consequence: LocalizedText(
                        zh: "没有 IP 时答案相同不算重复（不同的人可能给出完全相同的答案）"
                            + (submissionOn ? "；各导出之间仍按序号、提交时间和用时查重" : ""),
                        en: "without an IP, the same answers are not taken for a duplicate (different people may "
                            + "answer alike)"
                            + (submissionOn
                                ? "; repeats across exports are still found by 序号, submission time and time taken" : "")
                    ))))
        guard submissionOn else { return statuses }
        let withSubmission = coverage.reduce(0) { $0 + $1.coverage.withSubmission }
        statuses.append(
            ScreenStatus(
                screen: .submission, rows: rows, covered: withSubmission,
                reason: reason(
                    column: "序号、提交答卷时间", english: "序号 and 提交答卷时间 (submission time)",
                    has: \.hasSubmissionColumns, covered: \.withSubmission,
                    consequence: LocalizedText(
                        zh: "同一份答卷重复给出（如文本和序号两种下载）时无法识别",
                        en: "a response given twice (e.g. the text and the number download) cannot be recognised"))))
        return statuses
    }
}
