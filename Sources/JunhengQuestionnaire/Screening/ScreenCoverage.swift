/// How far each screen could run in one export: whether its columns are there, and in how many of the
/// rows screened they held something to screen by (issue 9 case 5: a 所用时间 column blank in every row
/// must not show "用时下限 60 秒, 0 excluded" as if the speeder screen had run).
public struct ScreenCoverage: Sendable, Hashable {
    /// The export has a 所用时间 column.
    public var hasDurationColumn = false
    /// The export has a 来自IP column.
    public var hasIPColumn = false
    /// The export has both a 序号 and a 提交答卷时间 column.
    public var hasSubmissionColumns = false
    /// Rows screened (none with `--keep-all`).
    public var rows = 0
    /// Rows whose 所用时间 could be read (counted only when the speeder screen is on).
    public var timed = 0
    /// Rows with a 来自IP.
    public var withIP = 0
    /// Rows with both a 序号 and a 提交答卷时间.
    public var withSubmission = 0

    public init() {}
}
