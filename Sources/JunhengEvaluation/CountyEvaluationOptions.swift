public import JunhengPlan

/// What `junheng report` (and `junheng units`) is asked to do.
public struct CountyEvaluationOptions: Sendable, Hashable {
    /// The county data folder (see ``CountyDataFolder``).
    public var dataDirectory: String
    /// Where the questionnaires are: `nil` = the data folder's `surveys/` if it has one, else `./surveys`.
    public var surveysDirectory: String?
    /// The county plan: `nil` = the data folder's `plan/plan.yaml`, else a plan file in the data folder,
    /// else `./plan/plan.yaml`.
    public var planPath: String?
    /// The evaluation year: `nil` = the latest year of the monitoring results.
    public var year: Int?
    /// The date the plan's timeline is read at (the CLI's `--as-of`, today by default there); `nil` marks
    /// no current stage. The library never reads the clock, so the same options give the same report.
    public var asOf: PlanDate?
    /// The history store: `nil` = a `*.sqlite` file in the data folder, if there is one.
    public var storePath: String?
    /// The county's resident population, for the 1.5 ‰ sample-size check.
    public var population: Int?

    public init(
        dataDirectory: String, surveysDirectory: String? = nil, planPath: String? = nil, year: Int? = nil,
        asOf: PlanDate? = nil, storePath: String? = nil, population: Int? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.surveysDirectory = surveysDirectory
        self.planPath = planPath
        self.year = year
        self.asOf = asOf
        self.storePath = storePath
        self.population = population
    }
}
