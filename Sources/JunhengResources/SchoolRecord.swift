/// One school of the roster (学校基础数据), as read: whole-school figures, before any split by stage.
public struct SchoolRecord: Sendable, Hashable {
    /// The roster line the school comes from.
    public var line: Int
    public var name: String
    public var township: String
    public var type: SchoolType
    /// 学校代码, if the roster has it.
    public var code: String?
    /// 办学性质 (公办/民办), if the roster has it; both count (DOMAIN.md §1).
    public var ownership: String?

    public var primaryStudents: Int
    public var juniorStudents: Int
    public var seniorStudents: Int

    /// Teachers by stage: 高于规定学历, 县级以上骨干, 体育艺术专任.
    public var primaryQualifiedTeachers: Double
    public var juniorQualifiedTeachers: Double
    public var primaryBackboneTeachers: Double
    public var juniorBackboneTeachers: Double
    public var primarySportsArtTeachers: Double
    public var juniorSportsArtTeachers: Double

    /// The shared stock: m², m², 元, rooms.
    public var teachingSpace: Double
    public var sportsGround: Double
    public var equipmentValue: Double
    public var multimediaRooms: Double

    /// Optional figures for the guarantee checks (`nil`: not in the roster or the cell is empty).
    public var primaryClasses: Int?
    public var juniorClasses: Int?
    public var maxClassSize: Int?
    public var musicRooms: Int?
    public var artRooms: Int?
    public var minMusicRoomArea: Double?
    public var minArtRoomArea: Double?

    /// Optional money figures for the plan's funding requirements, in 元 a year (`nil`: not given):
    /// 核定公用经费 (C26, C27), 年度公用经费预算 and 教师培训经费 (C40).
    public var approvedPublicFunds: Double?
    public var publicFundsBudget: Double?
    public var trainingFunds: Double?

    public init(
        line: Int, name: String, township: String, type: SchoolType, code: String? = nil, ownership: String? = nil,
        primaryStudents: Int = 0, juniorStudents: Int = 0, seniorStudents: Int = 0,
        primaryQualifiedTeachers: Double = 0, juniorQualifiedTeachers: Double = 0,
        primaryBackboneTeachers: Double = 0, juniorBackboneTeachers: Double = 0,
        primarySportsArtTeachers: Double = 0, juniorSportsArtTeachers: Double = 0,
        teachingSpace: Double = 0, sportsGround: Double = 0, equipmentValue: Double = 0, multimediaRooms: Double = 0,
        primaryClasses: Int? = nil, juniorClasses: Int? = nil, maxClassSize: Int? = nil, musicRooms: Int? = nil,
        artRooms: Int? = nil, minMusicRoomArea: Double? = nil, minArtRoomArea: Double? = nil,
        approvedPublicFunds: Double? = nil, publicFundsBudget: Double? = nil, trainingFunds: Double? = nil
    ) {
        self.line = line
        self.name = name
        self.township = township
        self.type = type
        self.code = code
        self.ownership = ownership
        self.primaryStudents = primaryStudents
        self.juniorStudents = juniorStudents
        self.seniorStudents = seniorStudents
        self.primaryQualifiedTeachers = primaryQualifiedTeachers
        self.juniorQualifiedTeachers = juniorQualifiedTeachers
        self.primaryBackboneTeachers = primaryBackboneTeachers
        self.juniorBackboneTeachers = juniorBackboneTeachers
        self.primarySportsArtTeachers = primarySportsArtTeachers
        self.juniorSportsArtTeachers = juniorSportsArtTeachers
        self.teachingSpace = teachingSpace
        self.sportsGround = sportsGround
        self.equipmentValue = equipmentValue
        self.multimediaRooms = multimediaRooms
        self.primaryClasses = primaryClasses
        self.juniorClasses = juniorClasses
        self.maxClassSize = maxClassSize
        self.musicRooms = musicRooms
        self.artRooms = artRooms
        self.minMusicRoomArea = minMusicRoomArea
        self.minArtRoomArea = minArtRoomArea
        self.approvedPublicFunds = approvedPublicFunds
        self.publicFundsBudget = publicFundsBudget
        self.trainingFunds = trainingFunds
    }

    /// The students of one stage.
    public func students(_ stage: SchoolStage) -> Int {
        switch stage {
        case .primary: primaryStudents
        case .junior: juniorStudents
        }
    }

    /// The whole-school raw total behind an indicator: the stage's own teachers, or the school's whole
    /// shared stock (split afterwards by ``EnrolmentSplit``).
    public func rawTotal(_ indicator: ResourceIndicator, stage: SchoolStage) -> Double {
        switch (indicator, stage) {
        case (.qualifiedTeachers, .primary): primaryQualifiedTeachers
        case (.qualifiedTeachers, .junior): juniorQualifiedTeachers
        case (.backboneTeachers, .primary): primaryBackboneTeachers
        case (.backboneTeachers, .junior): juniorBackboneTeachers
        case (.sportsArtTeachers, .primary): primarySportsArtTeachers
        case (.sportsArtTeachers, .junior): juniorSportsArtTeachers
        case (.teachingSpace, _): teachingSpace
        case (.sportsGround, _): sportsGround
        case (.equipmentValue, _): equipmentValue
        case (.multimediaRooms, _): multimediaRooms
        }
    }

    /// The classes of one stage, if known.
    public func classes(_ stage: SchoolStage) -> Int? {
        switch stage {
        case .primary: primaryClasses
        case .junior: juniorClasses
        }
    }
}
