public import JunhengCore

/// The seven per-school resource indicators of 资源配置 (A1, DOMAIN.md §1; seed 附件2 B1–B7).
public enum ResourceIndicator: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 每百名学生拥有高于规定学历教师数 (B1).
    case qualifiedTeachers = 1
    /// 每百名学生拥有县级以上骨干教师数 (B2).
    case backboneTeachers = 2
    /// 每百名学生拥有体育、艺术(美术、音乐)专任教师数 (B3).
    case sportsArtTeachers = 3
    /// 生均教学及辅助用房面积 (B4), m².
    case teachingSpace = 4
    /// 生均体育运动场馆面积 (B5), m².
    case sportsGround = 5
    /// 生均教学仪器设备值 (B6), 元.
    case equipmentValue = 6
    /// 每百名学生拥有网络多媒体教室数 (B7).
    case multimediaRooms = 7

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The official name (seed 三(一)).
    public var name: LocalizedText {
        switch self {
        case .qualifiedTeachers:
            LocalizedText(zh: "每百名学生拥有高于规定学历教师数", en: "teachers above the required degree per 100 students")
        case .backboneTeachers:
            LocalizedText(zh: "每百名学生拥有县级以上骨干教师数", en: "county-level-or-higher backbone teachers per 100 students")
        case .sportsArtTeachers:
            LocalizedText(
                zh: "每百名学生拥有体育、艺术(美术、音乐)专任教师数", en: "PE, music and art teachers per 100 students")
        case .teachingSpace:
            LocalizedText(zh: "生均教学及辅助用房面积", en: "teaching and auxiliary space per student (m²)")
        case .sportsGround:
            LocalizedText(zh: "生均体育运动场馆面积", en: "sports ground and hall area per student (m²)")
        case .equipmentValue:
            LocalizedText(zh: "生均教学仪器设备值", en: "teaching equipment value per student (yuan)")
        case .multimediaRooms:
            LocalizedText(zh: "每百名学生拥有网络多媒体教室数", en: "networked multimedia classrooms per 100 students")
        }
    }

    /// A short name for table headers.
    public var shortName: LocalizedText {
        switch self {
        case .qualifiedTeachers: LocalizedText(zh: "高学历教师/百生", en: "qualified teachers /100")
        case .backboneTeachers: LocalizedText(zh: "骨干教师/百生", en: "backbone teachers /100")
        case .sportsArtTeachers: LocalizedText(zh: "体艺教师/百生", en: "PE & arts teachers /100")
        case .teachingSpace: LocalizedText(zh: "生均教学用房(m²)", en: "teaching space m²/student")
        case .sportsGround: LocalizedText(zh: "生均体育场馆(m²)", en: "sports area m²/student")
        case .equipmentValue: LocalizedText(zh: "生均仪器设备值(元)", en: "equipment yuan/student")
        case .multimediaRooms: LocalizedText(zh: "多媒体教室/百生", en: "multimedia rooms /100")
        }
    }

    /// The natural unit of the raw total x_i (and of a shortfall).
    public var unit: LocalizedText {
        switch self {
        case .qualifiedTeachers, .backboneTeachers, .sportsArtTeachers: LocalizedText(zh: "人", en: "teachers")
        case .teachingSpace, .sportsGround: LocalizedText(zh: "m²", en: "m²")
        case .equipmentValue: LocalizedText(zh: "元", en: "yuan")
        case .multimediaRooms: LocalizedText(zh: "间", en: "rooms")
        }
    }

    /// 100 for the per-hundred-students indicators (1, 2, 3, 7), 1 for the per-student ones (DOMAIN.md §1).
    public var scale: Double {
        switch self {
        case .qualifiedTeachers, .backboneTeachers, .sportsArtTeachers, .multimediaRooms: 100
        case .teachingSpace, .sportsGround, .equipmentValue: 1
        }
    }

    /// Whether the raw total counts whole things (teachers, rooms), so a shortfall is filled in whole units.
    public var countsWholeUnits: Bool {
        switch self {
        case .qualifiedTeachers, .backboneTeachers, .sportsArtTeachers, .multimediaRooms: true
        case .teachingSpace, .sportsGround, .equipmentValue: false
        }
    }

    /// Whether the raw total is the school's shared stock, split among stages by weighted enrolment;
    /// teacher counts come per stage and are not split (DOMAIN.md §1).
    public var isSharedStock: Bool {
        switch self {
        case .qualifiedTeachers, .backboneTeachers, .sportsArtTeachers: false
        case .teachingSpace, .sportsGround, .equipmentValue, .multimediaRooms: true
        }
    }

    /// 责任单位: the responsible units of the indicator, as the seed's 附件2 lists them (B1–B7, verbatim).
    public var responsibleUnits: [String] {
        switch self {
        case .qualifiedTeachers: ["县教育局", "县人力资源社会保障局", "县委编办"]
        case .backboneTeachers: ["县教育局"]
        case .sportsArtTeachers: ["县教育局", "县人力资源社会保障局", "县委编办"]
        case .teachingSpace, .sportsGround: ["县发展改革委", "县财政局", "各乡镇(街道)", "县教育局", "县自然资源和规划局"]
        case .equipmentValue: ["教育局", "县财政局", "县发展改革委"]
        case .multimediaRooms: ["县教育局", "县财政局", "县发展改革委"]
        }
    }

    /// The 附件2 code of the indicator (B1…B7).
    public var code: String { "B\(rawValue)" }
}
