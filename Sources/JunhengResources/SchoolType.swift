public import JunhengCore

/// 学校类型: the value of the roster's `学校类型` column.
public enum SchoolType: String, Sendable, Hashable, Codable, CaseIterable {
    case primary = "小学"
    case junior = "初中"
    /// Primary + junior (一至九年级).
    case nineYear = "九年一贯制"
    /// Primary + junior + senior (一至十二年级).
    case twelveYear = "十二年一贯制"
    /// Junior + senior (完全中学).
    case completeMiddle = "完全中学"
    /// A small primary site (教学点); left out of the indicators under the cut-off (DOMAIN.md §1).
    case teachingPoint = "教学点"
    /// Special education; never counted in the resource indicators (DOMAIN.md §1).
    case specialEducation = "特殊教育学校"

    /// The compulsory stages this type of school has.
    public var stages: [SchoolStage] {
        switch self {
        case .primary, .teachingPoint: [.primary]
        case .junior, .completeMiddle: [.junior]
        case .nineYear, .twelveYear: [.primary, .junior]
        case .specialEducation: []
        }
    }

    /// Whether the school also has a senior (高中) stage that takes a share of the shared stock.
    public var hasSenior: Bool {
        self == .twelveYear || self == .completeMiddle
    }

    /// Whether the shared stock (areas, equipment, rooms) is split among several stages.
    public var isMultiStage: Bool {
        stages.count + (hasSenior ? 1 : 0) > 1
    }

    public var label: LocalizedText {
        let en: String =
            switch self {
            case .primary: "primary school"
            case .junior: "junior school"
            case .nineYear: "nine-year school"
            case .twelveYear: "twelve-year school"
            case .completeMiddle: "complete middle school"
            case .teachingPoint: "teaching point"
            case .specialEducation: "special-education school"
            }
        return LocalizedText(zh: rawValue, en: en)
    }

    /// The accepted spellings, for error messages.
    public static var allNames: String {
        allCases.map(\.rawValue).joined(separator: "、")
    }
}
