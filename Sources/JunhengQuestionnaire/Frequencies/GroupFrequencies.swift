/// One group's frequency table in a cross-tab (`--by`): the group's value (a respondent group, a
/// township, a school, a grade, or an option of the question given) and its answers, with shares
/// within the group.
public struct GroupFrequencies: Sendable, Hashable {
    public var key: String
    public var counts: FrequencyCounts

    public init(key: String, counts: FrequencyCounts) {
        self.key = key
        self.counts = counts
    }
}
