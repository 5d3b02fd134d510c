import JunhengCore

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
    /// `--allow-partial`: go on when an export does not fit the questionnaire; the result is then
    /// labelled partial in every output.
    public var allowPartial: Bool
    /// Count every question too, in the same pass (``SatisfactionResult/frequencies``); `nil`: rates only.
    public var frequencies: FrequencyRequest?
    /// The county's schools from its registry: the by-school rows are keyed by 学校代码 where it knows
    /// the answered township and school (``SchoolGrouping``); `nil`: by township and name.
    public var schools: SchoolDirectory?

    public init(
        survey: Questionnaire, minSeconds: Int?? = nil, minN: Int? = nil, threshold: Double? = nil,
        keepAll: Bool = false,
        mode: WjxExportMode? = nil, mapping: WjxMappingFile? = nil, weights: [String: Double]? = nil,
        population: Int? = nil, allowPartial: Bool = false, frequencies: FrequencyRequest? = nil
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
        self.allowPartial = allowPartial
        self.frequencies = frequencies
    }

    /// `家长=0.5,教师=0.2` (commas half or full width) → group → weight; nil when a pair is not
    /// `NAME=NUMBER` or a weight is negative or not finite (numbers read by ``NumberCell``).
    public static func parseWeights(_ text: String) -> [String: Double]? {
        var result: [String: Double] = [:]
        for pair in text.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, case .success(let weight) = NumberCell.decimal(parts[1], in: 0...1_000_000) else {
                return nil
            }
            result[HandTypedText.cell(parts[0])] = weight
        }
        return result.isEmpty ? nil : result
    }
}
