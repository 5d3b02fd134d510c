public import JunhengCore

/// 类型: the kind of a school in the county's registry (学校名录), one of the six a compulsory-education
/// registry lists.
public enum RegistrySchoolType: String, Sendable, Hashable, Codable, CaseIterable {
    case primary = "小学"
    case junior = "初中"
    case nineYear = "九年一贯制"
    case twelveYear = "十二年一贯制"
    case teachingPoint = "教学点"
    case specialEducation = "特殊教育学校"

    /// The compulsory stages (学段) a school of this type teaches; a special-education school may teach
    /// either or both, so it has no fixed set (`nil`).
    public var stages: Set<RegistryStage>? {
        switch self {
        case .primary, .teachingPoint: [.primary]
        case .junior: [.junior]
        case .nineYear, .twelveYear: [.primary, .junior]
        case .specialEducation: nil
        }
    }

    public var label: LocalizedText {
        let en: String =
            switch self {
            case .primary: "primary school"
            case .junior: "junior school"
            case .nineYear: "nine-year school"
            case .twelveYear: "twelve-year school"
            case .teachingPoint: "teaching point"
            case .specialEducation: "special-education school"
            }
        return LocalizedText(zh: rawValue, en: en)
    }

    /// The accepted values, for messages.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: "、") }

    /// The accepted values for an English message: each as written, a name (``ProperName``).
    public static var allNamesMarked: String { allCases.map { ProperName.mark($0.rawValue) }.joined(separator: ", ") }
}

/// 学段: a compulsory stage a registry school teaches.
public enum RegistryStage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case primary = "小学"
    case junior = "初中"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .primary && rhs == .junior }

    public var label: LocalizedText {
        switch self {
        case .primary: LocalizedText(zh: "小学", en: "primary")
        case .junior: LocalizedText(zh: "初中", en: "junior")
        }
    }
}
