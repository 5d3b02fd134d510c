public import JunhengCore

/// The status of one part of a requirement, with everything behind it: where it came from, the figure,
/// the schools or subjects that miss it, the evidence, and the caveats.
public struct PartAssessment: Sendable, Hashable {
    /// Where the status comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Computed by junheng from the county's files.
        case computed
        /// Given in the county indicator sheet.
        case sheet
        /// Neither.
        case none
    }

    public var part: RequirementPart
    public var status: RequirementStatus
    public var source: Source
    /// The figure compared with the threshold (a share for a percentage).
    public var value: Double?
    public var figure: LocalizedText
    /// The standard as shown (the plan's threshold, or the computation's fuller rule).
    public var standard: LocalizedText
    public var findings: [ComputedFinding]
    /// Evidence files found in the data folder (paths as given).
    public var evidence: [String]
    public var contradiction: Contradiction?
    public var notes: [LocalizedText]
    /// The sheet row that gave it, if any.
    public var sheetLocation: SourceLocation?
    /// The sheet row's 说明, as the county wrote it.
    public var sheetNote: String?

    public init(
        part: RequirementPart, status: RequirementStatus, source: Source, value: Double? = nil,
        figure: LocalizedText, standard: LocalizedText? = nil, findings: [ComputedFinding] = [],
        evidence: [String] = [], contradiction: Contradiction? = nil, notes: [LocalizedText] = [],
        sheetLocation: SourceLocation? = nil, sheetNote: String? = nil
    ) {
        self.part = part
        self.status = status
        self.source = source
        self.value = value
        self.figure = figure
        self.standard = standard ?? part.standard
        self.findings = findings
        self.evidence = evidence
        self.contradiction = contradiction
        self.notes = notes
        self.sheetLocation = sheetLocation
        self.sheetNote = sheetNote.flatMap { $0.isEmpty ? nil : $0 }
    }
}
