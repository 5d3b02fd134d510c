/// The bar a figure is judged against, kept with the figure so that every renderer writes it with enough
/// digits for the reader to see the verdict: a CV of 0.45004 against ≤ 0.45 is `0.45004`, not `0.4500`
/// next to 未达标 (see ``NumberText/format(_:_:threshold:fails:)``).
public struct ReportThreshold: Sendable, Hashable {
    /// How a value passes.
    public enum Comparison: Sendable, Hashable {
        /// value ≥ limit
        case atLeast
        /// value > limit
        case above
        /// value ≤ limit
        case atMost
        /// value < limit
        case below
    }

    public var limit: Double
    public var passes: Comparison

    public init(_ passes: Comparison, _ limit: Double) {
        self.limit = limit
        self.passes = passes
    }

    /// Whether `value` passes the bar.
    public func admits(_ value: Double) -> Bool {
        switch passes {
        case .atLeast: value >= limit
        case .above: value > limit
        case .atMost: value <= limit
        case .below: value < limit
        }
    }
}
