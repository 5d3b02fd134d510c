/// The 政府保障程度 limits a roster can check (DOMAIN.md §2, seed 三(二) 3–5).
public struct GuaranteeLimits: Sendable, Hashable, Codable {
    /// A primary or junior school has at most this many students (2000).
    public var maxSchoolSize: Int
    /// The compulsory part of a 九年/十二年一贯制 school has at most this many (2500).
    public var maxCombinedSchoolSize: Int
    /// Every primary class has at most this many students (45).
    public var maxPrimaryClassSize: Int
    /// Every junior class has at most this many students (50).
    public var maxJuniorClassSize: Int
    /// One music and one art room for every this many classes (12).
    public var classesPerRoom: Int
    /// Each music room at least this many m² (96).
    public var minMusicRoomArea: Double
    /// Each art room at least this many m² (90).
    public var minArtRoomArea: Double

    public init(
        maxSchoolSize: Int = 2000, maxCombinedSchoolSize: Int = 2500, maxPrimaryClassSize: Int = 45,
        maxJuniorClassSize: Int = 50, classesPerRoom: Int = 12, minMusicRoomArea: Double = 96,
        minArtRoomArea: Double = 90
    ) {
        self.maxSchoolSize = maxSchoolSize
        self.maxCombinedSchoolSize = maxCombinedSchoolSize
        self.maxPrimaryClassSize = maxPrimaryClassSize
        self.maxJuniorClassSize = maxJuniorClassSize
        self.classesPerRoom = classesPerRoom
        self.minMusicRoomArea = minMusicRoomArea
        self.minArtRoomArea = minArtRoomArea
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxSchoolSize = "max_school_size"
        case maxCombinedSchoolSize = "max_combined_school_size"
        case maxPrimaryClassSize = "max_primary_class_size"
        case maxJuniorClassSize = "max_junior_class_size"
        case classesPerRoom = "classes_per_room"
        case minMusicRoomArea = "min_music_room_area"
        case minArtRoomArea = "min_art_room_area"
    }
}
