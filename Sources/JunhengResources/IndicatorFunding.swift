/// The funding gap of one indicator across the county.
public struct IndicatorFunding: Sendable, Hashable, Codable {
    public var indicator: Int
    public var fundingGap: Double
    public var unpricedGaps: Int

    public init(indicator: Int, fundingGap: Double, unpricedGaps: Int) {
        self.indicator = indicator
        self.fundingGap = fundingGap
        self.unpricedGaps = unpricedGaps
    }

    enum CodingKeys: String, CodingKey {
        case indicator
        case fundingGap = "funding_gap"
        case unpricedGaps = "unpriced_gaps"
    }
}
