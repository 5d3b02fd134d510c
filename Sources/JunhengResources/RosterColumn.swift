/// The columns of the school roster (学校基础数据), one row a school. Headers match after trimming spaces.
///
/// Required: identity, enrolment, per-stage teacher counts and the shared stock. Optional columns feed the
/// guarantee checks; an empty optional cell means "not known" for that school.
public enum RosterColumn: String, Sendable, Hashable, CaseIterable {
    // MARK: identity
    case name = "学校名称"
    case township = "乡镇"
    case type = "学校类型"
    case code = "学校代码"
    case ownership = "办学性质"
    // MARK: enrolment
    case primaryStudents = "小学在校生数"
    case juniorStudents = "初中在校生数"
    case seniorStudents = "高中在校生数"
    // MARK: teachers, per stage
    case primaryQualifiedTeachers = "小学高于规定学历教师数"
    case juniorQualifiedTeachers = "初中高于规定学历教师数"
    case primaryBackboneTeachers = "小学县级以上骨干教师数"
    case juniorBackboneTeachers = "初中县级以上骨干教师数"
    case primarySportsArtTeachers = "小学体育艺术专任教师数"
    case juniorSportsArtTeachers = "初中体育艺术专任教师数"
    // MARK: shared stock
    case teachingSpace = "教学及辅助用房面积"
    case sportsGround = "体育运动场馆面积"
    case equipmentValue = "教学仪器设备值"
    case multimediaRooms = "网络多媒体教室数"
    // MARK: optional, for the guarantee checks
    case primaryClasses = "小学班级数"
    case juniorClasses = "初中班级数"
    case maxClassSize = "最大班额"
    case musicRooms = "音乐专用教室数"
    case artRooms = "美术专用教室数"
    case minMusicRoomArea = "音乐专用教室最小面积"
    case minArtRoomArea = "美术专用教室最小面积"
    // MARK: optional, for the plan's funding requirements (C26, C27, C40)
    case approvedPublicFunds = "核定公用经费"
    case publicFundsBudget = "年度公用经费预算"
    case trainingFunds = "教师培训经费"

    /// How a cell of the column is read.
    public enum Kind: Sendable, Hashable {
        case text
        case schoolType
        /// A whole number ≥ 0 (students, classes, rooms).
        case count
        /// A number ≥ 0, decimals allowed (teachers, m², 元).
        case amount
    }

    public var kind: Kind {
        switch self {
        case .name, .township, .code, .ownership: .text
        case .type: .schoolType
        case .primaryStudents, .juniorStudents, .seniorStudents, .multimediaRooms, .primaryClasses, .juniorClasses,
            .maxClassSize, .musicRooms, .artRooms:
            .count
        case .primaryQualifiedTeachers, .juniorQualifiedTeachers, .primaryBackboneTeachers, .juniorBackboneTeachers,
            .primarySportsArtTeachers, .juniorSportsArtTeachers, .teachingSpace, .sportsGround, .equipmentValue,
            .minMusicRoomArea, .minArtRoomArea, .approvedPublicFunds, .publicFundsBudget, .trainingFunds:
            .amount
        }
    }

    public var isRequired: Bool {
        switch self {
        case .code, .ownership, .primaryClasses, .juniorClasses, .maxClassSize, .musicRooms, .artRooms,
            .minMusicRoomArea, .minArtRoomArea, .approvedPublicFunds, .publicFundsBudget, .trainingFunds:
            false
        default: true
        }
    }

    /// The required headers, in the documented order.
    public static var required: [RosterColumn] { allCases.filter(\.isRequired) }
}
