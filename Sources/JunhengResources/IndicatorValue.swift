/// One indicator of one school part: x_i (after the split), X_i and the standard.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public var indicator: Int
    /// x_i: this part's raw total (teachers, m², 元, rooms).
    public var total: Double
    /// X_i = x_i / P_i (× 100 for the per-hundred indicators).
    public var value: Double
    public var standard: Double
    /// X_i ≥ standard.
    public var met: Bool
    /// X_i / standard (1 = exactly at the standard).
    public var ratioToStandard: Double

    public init(indicator: Int, total: Double, value: Double, standard: Double, met: Bool, ratioToStandard: Double) {
        self.indicator = indicator
        self.total = total
        self.value = value
        self.standard = standard
        self.met = met
        self.ratioToStandard = ratioToStandard
    }

    enum CodingKeys: String, CodingKey {
        case indicator, total, value, standard, met
        case ratioToStandard = "ratio_to_standard"
    }
}
