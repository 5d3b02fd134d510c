import JunhengPlan
import JunhengResources

extension PlanComputation {
    /// The resource indicator and stage of C1–C14 (资源配置), or `nil` for the other computations.
    var resourceIndicator: (indicator: ResourceIndicator, stage: SchoolStage)? {
        switch self {
        case .qualifiedTeachersPrimary: (.qualifiedTeachers, .primary)
        case .qualifiedTeachersJunior: (.qualifiedTeachers, .junior)
        case .backboneTeachersPrimary: (.backboneTeachers, .primary)
        case .backboneTeachersJunior: (.backboneTeachers, .junior)
        case .sportsArtTeachersPrimary: (.sportsArtTeachers, .primary)
        case .sportsArtTeachersJunior: (.sportsArtTeachers, .junior)
        case .teachingSpacePrimary: (.teachingSpace, .primary)
        case .teachingSpaceJunior: (.teachingSpace, .junior)
        case .sportsGroundPrimary: (.sportsGround, .primary)
        case .sportsGroundJunior: (.sportsGround, .junior)
        case .equipmentValuePrimary: (.equipmentValue, .primary)
        case .equipmentValueJunior: (.equipmentValue, .junior)
        case .multimediaRoomsPrimary: (.multimediaRooms, .primary)
        case .multimediaRoomsJunior: (.multimediaRooms, .junior)
        default: nil
        }
    }
}
