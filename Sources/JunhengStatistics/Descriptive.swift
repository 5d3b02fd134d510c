/// Plain descriptive statistics of a list of values: mean, standard deviations and the unweighted
/// coefficient of variation.
///
/// These are the unweighted forms. The resource indicators' 差异系数 is student-weighted (DOMAIN.md §1)
/// and is not computed here; the quality monitoring's CV of school mean scores (DOMAIN.md §3) is.
public enum Descriptive {
    /// The arithmetic mean Σx / n, or `nil` for no values.
    ///
    /// - Complexity: O(n).
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation sqrt( Σ (x − x̄)² / n ), or `nil` for no values.
    public static func populationStandardDeviation(_ values: [Double]) -> Double? {
        guard let mean = mean(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count)).squareRoot()
    }

    /// The sample standard deviation sqrt( Σ (x − x̄)² / (n − 1) ), or `nil` for fewer than two values.
    public static func sampleStandardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Which standard deviation a coefficient of variation divides by the mean.
    public enum Form: String, Sendable, Hashable, Codable {
        /// Divide the squares by n.
        case population
        /// Divide the squares by n − 1.
        case sample
    }

    /// The unweighted coefficient of variation CV = SD / x̄ (every value counts once).
    ///
    /// Used for the CV of school mean scores in the quality monitoring (DOMAIN.md §3), which is shown
    /// beside the 校际差异率 and labelled as such. Not the student-weighted 差异系数 of DOMAIN.md §1.
    ///
    /// - Returns: `nil` when the SD is undefined or the mean is zero.
    public static func coefficientOfVariation(_ values: [Double], form: Form = .population) -> Double? {
        guard let mean = mean(values), mean != 0 else { return nil }
        let deviation: Double?
        switch form {
        case .population: deviation = populationStandardDeviation(values)
        case .sample: deviation = sampleStandardDeviation(values)
        }
        guard let deviation else { return nil }
        return deviation / mean
    }
}
