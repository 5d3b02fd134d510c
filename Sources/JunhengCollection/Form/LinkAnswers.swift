/// The answers a signed link fixes: the township (乡镇) and school (学校) of the link a respondent
/// opened, and the county whose response it is (a store holding several counties). The respondent sees the
/// township and school but cannot change them; the county is the link's, never an answer.
public struct LinkAnswers: Sendable, Hashable, Codable {
    public var township: String?
    public var school: String?
    public var county: String?

    public init(township: String? = nil, school: String? = nil, county: String? = nil) {
        self.township = township
        self.school = school
        self.county = county
    }

    /// No link (the questionnaire's open address): the respondent answers every question.
    public static let none = LinkAnswers()

    public var isEmpty: Bool { township == nil && school == nil && county == nil }
}
