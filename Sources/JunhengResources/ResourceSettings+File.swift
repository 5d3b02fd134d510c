import Foundation
public import JunhengCore

/// Reading a resources settings file (`--settings file.json`): every key known, every value in a sane range,
/// each mistake at its `FILE:LINE:COLUMN`.
///
/// Keys left out keep their defaults, also inside a nested object (`{"guarantees": {"classes_per_room": 10}}`
/// changes only that limit). An unknown key is an error, so a typo never leaves a default silently in
/// force; a value outside its range (a standard of `1e+308`, `classes_per_room` of 2⁶³ − 1) is refused here,
/// before it can overflow a computation.
extension ResourceSettings {
    /// The allowed range of every number, by key. Wide enough for any county, narrow enough that no
    /// product or sum of the analysis can overflow or become infinite (students ≤ 10⁹ per school).
    enum Limits {
        static let standard = 0.001...1_000_000.0
        static let cvThreshold = 0.01...2.0
        static let weight = 0.01...100.0
        static let share = 0.0...1.0
        static let students = 1...1_000_000
        static let classSize = 1...1_000
        static let classesPerRoom = 1...1_000
        static let roomArea = 0.0...100_000.0
        static let teachingPointCutoff = 0...1_000_000
        static let indicatorsMet = 1...7
    }

    /// Reads and checks a settings file.
    public static func load(path: String) throws(SettingsError) -> ResourceSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "无法读取设置文件；请检查路径是否正确", en: "cannot read the settings file; check the path"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SettingsError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "设置文件不是 UTF-8 文本；请另存为 UTF-8", en: "the settings file is not UTF-8 text; save it as UTF-8"))
        }
        return try parse(json: text, file: path)
    }

    /// Reads and checks settings from JSON text; `file` names the places in errors.
    public static func parse(json: String, file: String) throws(SettingsError) -> ResourceSettings {
        let root = try JSONSettingsParser.parse(json, file: file)
        var settings = ResourceSettings()
        let keys = try root.settingsFile(allowed: CodingKeys.allCases.map(\.rawValue))
        for (key, node) in keys.sorted(by: { $0.key < $1.key }) {
            switch CodingKeys(rawValue: key)! {
            case .primaryStandards: settings.primaryStandards = try standards(node, key, defaults: .primary)
            case .juniorStandards: settings.juniorStandards = try standards(node, key, defaults: .junior)
            case .primaryCVThreshold: settings.primaryCVThreshold = try node.decimal(what: key, in: Limits.cvThreshold)
            case .juniorCVThreshold: settings.juniorCVThreshold = try node.decimal(what: key, in: Limits.cvThreshold)
            case .splitWeights:
                let weights = try node.mapping(allowed: ["primary", "junior", "senior"], what: key)
                for (name, value) in weights {
                    let weight = try value.decimal(what: "\(key).\(name)", in: Limits.weight)
                    switch name {
                    case "primary": settings.splitWeights.primary = weight
                    case "junior": settings.splitWeights.junior = weight
                    default: settings.splitWeights.senior = weight
                    }
                }
            case .completeMiddleSeniorWeight:
                settings.completeMiddleSeniorWeight = try node.decimal(what: key, in: Limits.weight)
            case .teachingPointCutoff:
                settings.teachingPointCutoff = try node.integer(what: key, in: Limits.teachingPointCutoff)
            case .minimumIndicatorsMet:
                settings.minimumIndicatorsMet = try node.integer(what: key, in: Limits.indicatorsMet)
            case .missedIndicatorFloor:
                settings.missedIndicatorFloor = try node.decimal(what: key, in: Limits.share)
            case .guarantees: settings.guarantees = try guarantees(node, key)
            }
        }
        return settings
    }

    static func standards(_ node: SettingsNode, _ key: String, defaults: IndicatorStandards) throws(SettingsError)
        -> IndicatorStandards
    {
        var standards = defaults
        let names = IndicatorStandards.CodingKeys.allCases
        let values = try node.mapping(allowed: names.map(\.rawValue), what: key)
        for name in names {
            guard let value = values[name.rawValue] else { continue }
            let standard = try value.decimal(what: "\(key).\(name.rawValue)", in: Limits.standard)
            switch name {
            case .qualifiedTeachers: standards.qualifiedTeachers = standard
            case .backboneTeachers: standards.backboneTeachers = standard
            case .sportsArtTeachers: standards.sportsArtTeachers = standard
            case .teachingSpace: standards.teachingSpace = standard
            case .sportsGround: standards.sportsGround = standard
            case .equipmentValue: standards.equipmentValue = standard
            case .multimediaRooms: standards.multimediaRooms = standard
            }
        }
        return standards
    }

    static func guarantees(_ node: SettingsNode, _ key: String) throws(SettingsError) -> GuaranteeLimits {
        var limits = GuaranteeLimits()
        let names = GuaranteeLimits.CodingKeys.allCases
        let values = try node.mapping(allowed: names.map(\.rawValue), what: key)
        for name in names {
            guard let value = values[name.rawValue] else { continue }
            let what = "\(key).\(name.rawValue)"
            switch name {
            case .maxSchoolSize: limits.maxSchoolSize = try value.integer(what: what, in: Limits.students)
            case .maxCombinedSchoolSize:
                limits.maxCombinedSchoolSize = try value.integer(what: what, in: Limits.students)
            case .maxPrimaryClassSize: limits.maxPrimaryClassSize = try value.integer(what: what, in: Limits.classSize)
            case .maxJuniorClassSize: limits.maxJuniorClassSize = try value.integer(what: what, in: Limits.classSize)
            case .classesPerRoom: limits.classesPerRoom = try value.integer(what: what, in: Limits.classesPerRoom)
            case .minMusicRoomArea: limits.minMusicRoomArea = try value.decimal(what: what, in: Limits.roomArea)
            case .minArtRoomArea: limits.minArtRoomArea = try value.decimal(what: what, in: Limits.roomArea)
            }
        }
        return limits
    }
}
