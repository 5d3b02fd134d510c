public import JunhengCore

/// What junheng can compute itself for a requirement, from the school roster or the quality monitoring
/// (the `computed:` key of a requirement in the plan). The plan's threshold is the standard used, so a
/// county that edits a threshold changes the computation too.
///
/// Each computation fixes the comparison it makes (a floor or a ceiling); the loader refuses a plan whose
/// threshold compares the other way. Computations that feed one shared setting (the classes per music and
/// per art room, the 校际差异率 bar of grades 4 and 8) must have the same threshold value.
public enum PlanComputation: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: 资源配置: each school part reaches the standard, and the 差异系数 is within its bar (DOMAIN.md §1)
    case qualifiedTeachersPrimary = "qualified-teachers-primary"
    case qualifiedTeachersJunior = "qualified-teachers-junior"
    case backboneTeachersPrimary = "backbone-teachers-primary"
    case backboneTeachersJunior = "backbone-teachers-junior"
    case sportsArtTeachersPrimary = "sports-art-teachers-primary"
    case sportsArtTeachersJunior = "sports-art-teachers-junior"
    case teachingSpacePrimary = "teaching-space-primary"
    case teachingSpaceJunior = "teaching-space-junior"
    case sportsGroundPrimary = "sports-ground-primary"
    case sportsGroundJunior = "sports-ground-junior"
    case equipmentValuePrimary = "equipment-value-primary"
    case equipmentValueJunior = "equipment-value-junior"
    case multimediaRoomsPrimary = "multimedia-rooms-primary"
    case multimediaRoomsJunior = "multimedia-rooms-junior"
    // MARK: 政府保障程度, from the roster (DOMAIN.md §2)
    case musicRoomCount = "music-room-count"
    case artRoomCount = "art-room-count"
    case musicRoomArea = "music-room-area"
    case artRoomArea = "art-room-area"
    case schoolSize = "school-size"
    case combinedSchoolSize = "combined-school-size"
    case classSizePrimary = "class-size-primary"
    case classSizeJunior = "class-size-junior"
    case smallSchoolFunding = "small-school-funding"
    case specialEducationFunding = "special-education-funding"
    case trainingFunds = "training-funds"
    // MARK: 教育质量: the national quality monitoring (DOMAIN.md §3)
    case monitoringGrade4 = "monitoring-grade-4"
    case monitoringGrade8 = "monitoring-grade-8"

    /// The comparison the computation makes.
    public var comparison: ThresholdComparison {
        switch self {
        case .musicRoomCount, .artRoomCount, .schoolSize, .combinedSchoolSize, .classSizePrimary, .classSizeJunior:
            .atMost
        case .monitoringGrade4, .monitoringGrade8: .below
        default: .atLeast
        }
    }

    /// Whether the threshold is a percentage (the training funds' share of the budget).
    public var isPercent: Bool { self == .trainingFunds }

    /// Whether the threshold must be a whole number (students, classes).
    public var isWhole: Bool {
        switch self {
        case .schoolSize, .combinedSchoolSize, .classSizePrimary, .classSizeJunior, .musicRoomCount, .artRoomCount,
            .smallSchoolFunding:
            true
        default: false
        }
    }

    /// The numbers it needs under `parameters:` besides the threshold.
    public var parameters: [String] {
        self == .smallSchoolFunding ? ["yuan_per_student"] : []
    }

    /// Computations that set one shared value and so must agree (see the type's documentation).
    public var sharedSetting: String? {
        switch self {
        case .musicRoomCount, .artRoomCount: "classes-per-room"
        case .monitoringGrade4, .monitoringGrade8: "difference-rate"
        default: nil
        }
    }

    /// The half of the requirement its threshold does not carry, when it has two (DOMAIN.md §1, §3): for
    /// C1–C14 the 校际差异系数 within its bar (primary ≤ 0.50, junior ≤ 0.45), for C61/C62 every monitored
    /// subject at level Ⅲ. Given in the indicator sheet instead of computed, the threshold half is the row's
    /// figure and this half its 结论 with 佐证材料 (``SheetReading``).
    public var otherHalf: LocalizedText? {
        switch self {
        case .qualifiedTeachersPrimary, .backboneTeachersPrimary, .sportsArtTeachersPrimary, .teachingSpacePrimary,
            .sportsGroundPrimary, .equipmentValuePrimary, .multimediaRoomsPrimary:
            LocalizedText(zh: "校际差异系数 ≤ 0.50", en: "the coefficient of variation across schools ≤ 0.50")
        case .qualifiedTeachersJunior, .backboneTeachersJunior, .sportsArtTeachersJunior, .teachingSpaceJunior,
            .sportsGroundJunior, .equipmentValueJunior, .multimediaRoomsJunior:
            LocalizedText(zh: "校际差异系数 ≤ 0.45", en: "the coefficient of variation across schools ≤ 0.45")
        case .monitoringGrade4, .monitoringGrade8:
            LocalizedText(zh: "各学科学业水平达到Ⅲ级", en: "every subject at achievement level Ⅲ")
        default: nil
        }
    }

    /// The other half's short name in a figure: 差异系数, 水平Ⅲ.
    public var otherHalfLabel: LocalizedText? {
        switch self {
        case .monitoringGrade4, .monitoringGrade8: LocalizedText(zh: "水平Ⅲ", en: "level Ⅲ")
        default: otherHalf == nil ? nil : LocalizedText(zh: "差异系数", en: "CV")
        }
    }

    /// What the threshold half of a two-half requirement is, in words (see ``otherHalf``).
    public var thresholdHalf: LocalizedText? {
        switch self {
        case .monitoringGrade4, .monitoringGrade8:
            LocalizedText(zh: "校际差异率", en: "the between-school difference rate")
        default:
            otherHalf == nil ? nil : LocalizedText(zh: "每校达到标准", en: "every school at the standard")
        }
    }
}

extension PlanComputation {
    /// The fourteen resource computations (C1–C14): besides every school at the standard, their verdict
    /// takes the indicator's 差异系数 against the national limit (教督〔2017〕6号).
    public var includesCV: Bool {
        switch self {
        case .qualifiedTeachersPrimary, .qualifiedTeachersJunior, .backboneTeachersPrimary, .backboneTeachersJunior,
            .sportsArtTeachersPrimary, .sportsArtTeachersJunior, .teachingSpacePrimary, .teachingSpaceJunior,
            .sportsGroundPrimary, .sportsGroundJunior, .equipmentValuePrimary, .equipmentValueJunior,
            .multimediaRoomsPrimary, .multimediaRoomsJunior:
            true
        default: false
        }
    }
}
