/// One row of a matrix question counted like a question of its own, with its cross-tab.
public struct MatrixRowFrequencies: Sendable, Hashable {
    public var id: String
    public var text: String
    public var counts: FrequencyCounts
    public var groups: [GroupFrequencies]
    public var test: CrossTabTest?

    public init(
        id: String, text: String, counts: FrequencyCounts, groups: [GroupFrequencies] = [], test: CrossTabTest? = nil
    ) {
        self.id = id
        self.text = text
        self.counts = counts
        self.groups = groups
        self.test = test
    }
}
