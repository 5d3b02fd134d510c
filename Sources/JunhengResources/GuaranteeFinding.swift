public import JunhengCore

/// One school's figure for a guarantee rule.
public struct GuaranteeFinding: Sendable, Hashable, Codable {
    public var name: String
    public var township: String
    public var line: Int
    /// The school's figure (students, class size, rooms, m²); `nil` when unknown.
    @ExplicitNull public var value: Double?
    /// The limit that applies to this school (a maximum or a minimum, as the rule says).
    public var limit: Double
    /// What was compared, in words.
    public var detail: LocalizedText

    public init(name: String, township: String, line: Int, value: Double?, limit: Double, detail: LocalizedText) {
        self.name = name
        self.township = township
        self.line = line
        self.value = value
        self.limit = limit
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case name, township, line, value, limit, detail
    }

}
