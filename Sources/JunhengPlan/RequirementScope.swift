public import JunhengCore

/// What a requirement's threshold applies to: the county's one figure, or every school (or every
/// monitored subject), where the binding figure is the worst one.
///
/// In the indicator sheet, 数值 of an `each-school` requirement is the worst school's figure (the lowest
/// for a floor, the highest for a ceiling); see plan/README.md.
public enum RequirementScope: String, Sendable, Hashable, Codable, CaseIterable {
    case county
    case eachSchool = "each-school"
    case eachSubject = "each-subject"

    /// The word before a threshold: 每校 ≥ 4.2.
    public var prefix: LocalizedText {
        switch self {
        case .county: LocalizedText(zh: "", en: "")
        case .eachSchool: LocalizedText(zh: "每校 ", en: "each school ")
        case .eachSubject: LocalizedText(zh: "每科 ", en: "each subject ")
        }
    }
}
