import JunhengCore

/// A student's level in the national quality monitoring: Ⅰ 待提高, Ⅱ 中等, Ⅲ 良好, Ⅳ 优秀 (DOMAIN.md §3).
public enum ProficiencyLevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case i = 1
    case ii = 2
    case iii = 3
    case iv = 4

    /// Reads `Ⅲ`, `III`, `3`, `水平Ⅲ`, `Ⅲ级`, `良好` and the like (full-width digits and letters too).
    public init?(text: String) {
        var cleaned = HandTypedText.compact(text).uppercased()
        if cleaned.hasPrefix("水平") { cleaned.removeFirst(2) }
        if cleaned.hasSuffix("级") { cleaned.removeLast() }
        switch cleaned {
        case "Ⅰ", "I", "1", "一", "待提高": self = .i
        case "Ⅱ", "II", "2", "二", "中等": self = .ii
        case "Ⅲ", "III", "3", "三", "良好": self = .iii
        case "Ⅳ", "IV", "4", "四", "优秀": self = .iv
        default: return nil
        }
    }

    /// The Roman numeral the reports print.
    public var numeral: String {
        switch self {
        case .i: "Ⅰ"
        case .ii: "Ⅱ"
        case .iii: "Ⅲ"
        case .iv: "Ⅳ"
        }
    }

    /// 待提高, 中等, 良好, 优秀.
    public var name: String {
        switch self {
        case .i: "待提高"
        case .ii: "中等"
        case .iii: "良好"
        case .iv: "优秀"
        }
    }

    public var englishName: String {
        switch self {
        case .i: "needs improvement"
        case .ii: "fair"
        case .iii: "good"
        case .iv: "excellent"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
