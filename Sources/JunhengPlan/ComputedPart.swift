public import JunhengCore

/// What junheng computed for one part of a requirement from the county's own files (the roster, the
/// quality monitoring): the verdict, the binding figure and the schools behind it.
public struct ComputedPart: Sendable, Hashable {
    /// `met`, `failed`, or `pending` when some school's data cannot decide.
    public var status: RequirementStatus
    /// The binding figure in the threshold's unit: the worst school's (the lowest for a floor, the highest
    /// for a ceiling), or the worst subject's; `nil` when there is no single number.
    public var value: Double?
    /// The figure as a reader sees it: `26/28 校达到 · 最低 3.62 · 差异系数 0.136`.
    public var figure: LocalizedText
    /// The rule when it says more than the plan's threshold (e.g. the 差异系数 bar); `nil` keeps the
    /// plan's.
    public var standard: LocalizedText?
    /// The schools or subjects that miss the threshold, then those that cannot be decided.
    public var findings: [ComputedFinding]
    /// Caveats to show next to the status.
    public var notes: [LocalizedText]
    /// The file it was computed from.
    public var source: String

    public init(
        status: RequirementStatus, value: Double?, figure: LocalizedText, standard: LocalizedText? = nil,
        findings: [ComputedFinding] = [], notes: [LocalizedText] = [], source: String
    ) {
        precondition(status != .noData, "a computation that has no data is not computed")
        self.status = status
        self.value = value
        self.figure = figure
        self.standard = standard
        self.findings = findings
        self.notes = notes
        self.source = source
    }
}
