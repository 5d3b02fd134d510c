/// The answers a signed link fixes: the township (乡镇) and school (学校) of the link a respondent
/// opened. The respondent sees them but cannot change them.
public struct LinkAnswers: Sendable, Hashable, Codable {
    public var township: String?
    public var school: String?

    public init(township: String? = nil, school: String? = nil) {
        self.township = township
        self.school = school
    }

    /// No link (the questionnaire's open address): the respondent answers every question.
    public static let none = LinkAnswers()

    public var isEmpty: Bool { township == nil && school == nil }
}
