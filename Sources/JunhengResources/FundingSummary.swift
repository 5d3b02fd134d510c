/// The money needed to close every priced gap, per school and for the county.
public struct FundingSummary: Sendable, Hashable, Codable {
    /// One entry per school with a gap (both stages of a school together), in roster order.
    public var schools: [SchoolFunding]
    /// Per indicator (both stages), the sum of priced gaps.
    public var byIndicator: [IndicatorFunding]
    /// Σ of every priced gap.
    public var countyTotal: Double
    /// Gaps left out of the sums because no unit price was given.
    public var unpricedGaps: Int

    public init(schools: [SchoolFunding], byIndicator: [IndicatorFunding], countyTotal: Double, unpricedGaps: Int) {
        self.schools = schools
        self.byIndicator = byIndicator
        self.countyTotal = countyTotal
        self.unpricedGaps = unpricedGaps
    }

    enum CodingKeys: String, CodingKey {
        case schools
        case byIndicator = "by_indicator"
        case countyTotal = "county_total"
        case unpricedGaps = "unpriced_gaps"
    }
}
