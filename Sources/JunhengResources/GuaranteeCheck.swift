public import JunhengCore

/// One 政府保障程度 rule checked school by school from the roster (DOMAIN.md §2).
public struct GuaranteeCheck: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case schoolSize = "school_size"
        case classSize = "class_size"
        case musicRooms = "music_rooms"
        case artRooms = "art_rooms"
        case musicRoomArea = "music_room_area"
        case artRoomArea = "art_room_area"
    }

    public var id: Kind
    /// B10–B12 (seed 附件2).
    public var code: String
    public var name: LocalizedText
    /// The rule in words, e.g. "≤ 2000 人(一贯制 ≤ 2500)".
    public var rule: LocalizedText
    /// The roster has the columns the check needs.
    public var available: Bool
    public var schoolsChecked: Int
    public var failing: [GuaranteeFinding]
    /// Schools the check applies to whose data are missing or cannot decide.
    public var undetermined: [GuaranteeFinding]
    /// Every checked school complies; `nil` when the check is not available or nothing could be checked.
    @ExplicitNull public var passes: Bool?
    public var responsibleUnits: [String]

    public init(
        id: Kind, code: String, name: LocalizedText, rule: LocalizedText, available: Bool, schoolsChecked: Int,
        failing: [GuaranteeFinding], undetermined: [GuaranteeFinding], passes: Bool?, responsibleUnits: [String]
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.rule = rule
        self.available = available
        self.schoolsChecked = schoolsChecked
        self.failing = failing
        self.undetermined = undetermined
        self.passes = passes
        self.responsibleUnits = responsibleUnits
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, rule, available, failing, undetermined, passes
        case schoolsChecked = "schools_checked"
        case responsibleUnits = "responsible_units"
    }

}
