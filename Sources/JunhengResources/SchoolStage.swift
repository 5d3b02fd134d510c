public import JunhengCore

/// 学段: the two compulsory stages the resource indicators are computed for (DOMAIN.md §1).
///
/// Primary and junior parts are separate groups: a 九年一贯制 school counts once in each.
public enum SchoolStage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case primary = "小学"
    case junior = "初中"

    public var label: LocalizedText {
        switch self {
        case .primary: LocalizedText(zh: "小学", en: "primary")
        case .junior: LocalizedText(zh: "初中", en: "junior")
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs == .primary && rhs == .junior
    }
}
