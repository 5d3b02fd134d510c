/// The seven indicator standards of one stage (DOMAIN.md §1 table), in the indicator's own unit
/// (per 100 students for 1, 2, 3, 7; per student for 4, 5, 6).
public struct IndicatorStandards: Sendable, Hashable, Codable {
    public var qualifiedTeachers: Double
    public var backboneTeachers: Double
    public var sportsArtTeachers: Double
    public var teachingSpace: Double
    public var sportsGround: Double
    public var equipmentValue: Double
    public var multimediaRooms: Double

    public init(
        qualifiedTeachers: Double, backboneTeachers: Double, sportsArtTeachers: Double, teachingSpace: Double,
        sportsGround: Double, equipmentValue: Double, multimediaRooms: Double
    ) {
        self.qualifiedTeachers = qualifiedTeachers
        self.backboneTeachers = backboneTeachers
        self.sportsArtTeachers = sportsArtTeachers
        self.teachingSpace = teachingSpace
        self.sportsGround = sportsGround
        self.equipmentValue = equipmentValue
        self.multimediaRooms = multimediaRooms
    }

    /// 小学: 4.2, 1.0, 0.9, 4.5 m², 7.5 m², 2000 元, 2.3.
    public static let primary = IndicatorStandards(
        qualifiedTeachers: 4.2, backboneTeachers: 1.0, sportsArtTeachers: 0.9, teachingSpace: 4.5, sportsGround: 7.5,
        equipmentValue: 2000, multimediaRooms: 2.3)
    /// 初中: 5.3, 1.0, 0.9, 5.8 m², 10.2 m², 2500 元, 2.4.
    public static let junior = IndicatorStandards(
        qualifiedTeachers: 5.3, backboneTeachers: 1.0, sportsArtTeachers: 0.9, teachingSpace: 5.8, sportsGround: 10.2,
        equipmentValue: 2500, multimediaRooms: 2.4)

    public subscript(indicator: ResourceIndicator) -> Double {
        switch indicator {
        case .qualifiedTeachers: qualifiedTeachers
        case .backboneTeachers: backboneTeachers
        case .sportsArtTeachers: sportsArtTeachers
        case .teachingSpace: teachingSpace
        case .sportsGround: sportsGround
        case .equipmentValue: equipmentValue
        case .multimediaRooms: multimediaRooms
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case qualifiedTeachers = "qualified_teachers"
        case backboneTeachers = "backbone_teachers"
        case sportsArtTeachers = "sports_art_teachers"
        case teachingSpace = "teaching_space"
        case sportsGround = "sports_ground"
        case equipmentValue = "equipment_value"
        case multimediaRooms = "multimedia_rooms"
    }
}
