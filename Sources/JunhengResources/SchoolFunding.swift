/// The funding gap of one school.
public struct SchoolFunding: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    public var line: Int
    public var fundingGap: Double
    public var unpricedGaps: Int

    public init(name: String, township: String, line: Int, fundingGap: Double, unpricedGaps: Int) {
        self.name = name
        self.township = township
        self.line = line
        self.fundingGap = fundingGap
        self.unpricedGaps = unpricedGaps
    }

    enum CodingKeys: String, CodingKey {
        case name, township, line
        case fundingGap = "funding_gap"
        case unpricedGaps = "unpriced_gaps"
    }
}
