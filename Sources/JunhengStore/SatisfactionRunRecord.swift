public import GRDB
public import JunhengCore

/// One row of `satisfaction_run` (migration 4 on): what was true of a questionnaire's rates for a year as a
/// whole, stored with its cells: which version of the questionnaire rated them, the bar, the minimum n, and
/// the caveats computed with them (a partial result, screens that could not run …).
public struct SatisfactionRunRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "satisfaction_run"

    public var id: Int64?
    public var year: Int
    public var survey: String
    /// A fingerprint of what the rates count (the scored items and their positive and left-out options): two
    /// years of different versions are compared only with a caveat.
    public var surveyVersion: String?
    /// The bar the rates were judged against (0.85).
    public var threshold: Double?
    public var minN: Int?
    public var caveats: [LocalizedText]

    public init(
        year: Int, survey: String, surveyVersion: String?, threshold: Double?, minN: Int?,
        caveats: [LocalizedText] = []
    ) {
        self.year = year
        self.survey = survey
        self.surveyVersion = surveyVersion
        self.threshold = threshold
        self.minN = minN
        self.caveats = caveats
    }

    enum CodingKeys: String, CodingKey {
        case id, year, survey, threshold, caveats
        case surveyVersion = "survey_version"
        case minN = "min_n"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
