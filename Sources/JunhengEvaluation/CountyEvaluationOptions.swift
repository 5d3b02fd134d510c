/// What `junheng report` is asked to do.
public struct CountyEvaluationOptions: Sendable, Hashable {
    /// The county data folder (see ``CountyDataFolder``).
    public var dataDirectory: String
    /// Where the questionnaires are: `nil` = the data folder's `surveys/` if it has one, else `./surveys`.
    public var surveysDirectory: String?
    /// The evaluation year: `nil` = the latest year of the monitoring results.
    public var year: Int?
    /// The history store: `nil` = a `*.sqlite` file in the data folder, if there is one.
    public var storePath: String?
    /// The county's resident population, for the 1.5 ‰ sample-size check.
    public var population: Int?

    public init(
        dataDirectory: String, surveysDirectory: String? = nil, year: Int? = nil, storePath: String? = nil,
        population: Int? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.surveysDirectory = surveysDirectory
        self.year = year
        self.storePath = storePath
        self.population = population
    }
}
