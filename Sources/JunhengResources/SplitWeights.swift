/// The weights of primary, junior and senior students when a multi-stage school's shared stock is split
/// (DOMAIN.md §1: 1 : 1.1 : 1.32).
public struct SplitWeights: Sendable, Hashable, Codable {
    public var primary: Double
    public var junior: Double
    public var senior: Double

    public init(primary: Double = 1, junior: Double = 1.1, senior: Double = 1.32) {
        self.primary = primary
        self.junior = junior
        self.senior = senior
    }
}
