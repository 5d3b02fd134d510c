import JunhengCore

/// The two grades the national quality monitoring tests: 四年级 and 八年级 (DOMAIN.md §3).
public enum MonitoringGrade: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case four = 4
    case eight = 8

    /// Reads `4`, `四`, `四年级`, `4年级`, `8`, `八`, `八年级`, `8年级`, `初二` (full-width digits too).
    public init?(text: String) {
        let cleaned = HandTypedText.compact(text)
        switch cleaned {
        case "4", "四", "四年级", "4年级", "小学四年级": self = .four
        case "8", "八", "八年级", "8年级", "初二", "初中二年级": self = .eight
        default: return nil
        }
    }

    public var label: String {
        switch self {
        case .four: "四年级"
        case .eight: "八年级"
        }
    }

    public var englishLabel: String {
        switch self {
        case .four: "grade 4"
        case .eight: "grade 8"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
