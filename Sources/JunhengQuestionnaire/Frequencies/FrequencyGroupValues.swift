/// One respondent's grouping values as the satisfaction pipeline reads them (DOMAIN.md §4): the
/// respondent group, township, school and grade, `nil` where the respondent gave none.
public struct FrequencyGroupValues: Sendable, Hashable {
    public var group: String?
    public var township: String?
    public var school: String?
    public var grade: String?

    public init(group: String? = nil, township: String? = nil, school: String? = nil, grade: String? = nil) {
        self.group = group
        self.township = township
        self.school = school
        self.grade = grade
    }

    /// The value for a grouping role (`item` and `dimension` are not respondent values).
    func value(_ key: GroupingKey) -> String? {
        switch key {
        case .group: group
        case .township: township
        case .school: school
        case .grade: grade
        case .item, .dimension: nil
        }
    }
}
