/// How one satisfaction run screens and rates: the questionnaire's settings with command-line overrides.
public struct SatisfactionSettings: Sendable, Hashable {
    /// Speeders: 所用时间 below this many seconds; `nil` = no speeder rule.
    public var minSeconds: Int?
    /// Cells with fewer respondents are flagged.
    public var minN: Int
    /// The bar (0.85).
    public var threshold: Double
    /// Sample size bar as a share of the population (0.0015).
    public var sampleShare: Double
    /// Parents' share bar (0.5).
    public var parentShare: Double
    /// `--keep-all`: no screening at all (duplicates, speeders, outsiders and empty rows are all kept).
    public var keepAll: Bool
    /// Forces the download mode instead of detecting it per file.
    public var mode: WjxExportMode?
    /// An explicit column mapping, overriding header matching.
    public var mapping: WjxMappingFile?
    /// Group → weight for the weighted combination of groups; `nil` = not computed.
    public var weights: [String: Double]?
    /// The county's resident population, for the 1.5 ‰ sample check.
    public var population: Int?

    public init(
        survey: Questionnaire, minSeconds: Int?? = nil, minN: Int? = nil, threshold: Double? = nil,
        keepAll: Bool = false,
        mode: WjxExportMode? = nil, mapping: WjxMappingFile? = nil, weights: [String: Double]? = nil,
        population: Int? = nil
    ) {
        self.minSeconds = minSeconds ?? survey.settings.minSeconds
        self.minN = minN ?? survey.settings.minN
        self.threshold = threshold ?? survey.settings.threshold
        self.sampleShare = survey.settings.sampleShare
        self.parentShare = survey.settings.parentShare
        self.keepAll = keepAll
        self.mode = mode
        self.mapping = mapping
        self.weights = weights
        self.population = population
    }
}
