import JunhengCore
import JunhengReports

/// The 政府保障程度 rules a school roster can show (DOMAIN.md §2; seed 三(二) 3–5, 附件2 B10–B12):
/// school size, class size, music and art rooms per 12 classes, and the rooms' areas.
///
/// Special-education schools are not checked. Teaching points are checked for size and class size but not
/// for music and art rooms (the seed asks them of 小学 and 初中). A check needs its optional columns; a
/// school whose cell is empty is listed as undetermined, never counted as passing.
public enum GuaranteeChecks {
    /// - Parameter units: the 责任单位 each check names when it fails.
    public static func run(
        _ roster: SchoolRoster, settings limits: GuaranteeLimits, units: ResourceUnits = .seed
    ) -> [GuaranteeCheck] {
        let schools = roster.schools.filter { $0.type != .specialEducation }
        let has = { (column: RosterColumn) in roster.optionalColumns.contains(column) }
        let roomSchools = schools.filter { $0.type != .teachingPoint }
        return [
            schoolSize(schools, limits, units: units.schoolSize),
            classSize(
                schools, limits, available: has(.maxClassSize) || has(.primaryClasses) || has(.juniorClasses),
                units: units.classSize),
            rooms(
                .musicRooms, roomSchools, limits,
                available: has(.musicRooms) && (has(.primaryClasses) || has(.juniorClasses)),
                rooms: \.musicRooms, units: units.rooms),
            rooms(
                .artRooms, roomSchools, limits,
                available: has(.artRooms) && (has(.primaryClasses) || has(.juniorClasses)),
                rooms: \.artRooms, units: units.rooms),
            roomArea(
                .musicRoomArea, roomSchools, minimum: limits.minMusicRoomArea,
                available: has(.musicRooms) && has(.minMusicRoomArea), rooms: \.musicRooms, area: \.minMusicRoomArea,
                units: units.rooms),
            roomArea(
                .artRoomArea, roomSchools, minimum: limits.minArtRoomArea,
                available: has(.artRooms) && has(.minArtRoomArea), rooms: \.artRooms, area: \.minArtRoomArea,
                units: units.rooms),
        ]
    }

    static func finding(_ school: SchoolRecord, _ value: Double?, _ limit: Double, _ detail: LocalizedText)
        -> GuaranteeFinding
    {
        GuaranteeFinding(
            name: school.name, township: school.township, line: school.line, value: value, limit: limit, detail: detail)
    }

    static func verdict(available: Bool, checked: Int, failing: Int) -> Bool? {
        guard available, checked > 0 else { return nil }
        return failing == 0
    }

    // MARK: - School size (B11)

    /// ≤ 2000 students in a primary or junior school (the junior part of a 完全中学), ≤ 2500 in the compulsory
    /// part of a 九年/十二年一贯制 school.
    static func schoolSize(_ schools: [SchoolRecord], _ limits: GuaranteeLimits, units: [String]) -> GuaranteeCheck {
        var failing: [GuaranteeFinding] = []
        for school in schools {
            let combined = school.type == .nineYear || school.type == .twelveYear
            let students = school.type.stages.reduce(0) { $0 + school.students($1) }
            let limit = combined ? limits.maxCombinedSchoolSize : limits.maxSchoolSize
            if students > limit {
                let what =
                    combined
                    ? LocalizedText(zh: "义务教育阶段在校生", en: "compulsory-stage students")
                    : LocalizedText(
                        zh: "\(school.type.stages.map(\.rawValue).joined())在校生",
                        en: "\(school.type.stages.map(\.label.en).joined(separator: " and ")) students")
                failing.append(
                    finding(
                        school, Double(students), Double(limit),
                        what + LocalizedText(zh: " \(students) 人 > \(limit) 人", en: " \(students) > \(limit)")))
            }
        }
        return GuaranteeCheck(
            id: .schoolSize, code: "B11", name: LocalizedText(zh: "义务教育学校办学规模", en: "school size"),
            rule: LocalizedText(
                zh: "小学、初中 ≤ \(limits.maxSchoolSize) 人;九年一贯制、十二年一贯制学校义务教育阶段 ≤ \(limits.maxCombinedSchoolSize) 人",
                en:
                    "primary and junior schools ≤ \(limits.maxSchoolSize) students; the compulsory part of a 9- or 12-year "
                    + "school ≤ \(limits.maxCombinedSchoolSize)"),
            available: true, schoolsChecked: schools.count, failing: failing, undetermined: [],
            passes: verdict(available: true, checked: schools.count, failing: failing.count),
            responsibleUnits: units)
    }

    // MARK: - Class size (B12)

    /// Every primary class ≤ 45, every junior class ≤ 50. Decided from 最大班额 where its stage is clear, and
    /// from the average class size per stage (students / classes): an average over the limit means some
    /// class is over it. A school with both stages and 45 < 最大班额 ≤ 50 cannot be decided from one column.
    static func classSize(
        _ schools: [SchoolRecord], _ limits: GuaranteeLimits, available: Bool, units: [String]
    ) -> GuaranteeCheck {
        var failing: [GuaranteeFinding] = []
        var undetermined: [GuaranteeFinding] = []
        var checked = 0
        func limit(_ stage: SchoolStage) -> Int {
            stage == .primary ? limits.maxPrimaryClassSize : limits.maxJuniorClassSize
        }
        for school in schools where available {
            let stages = school.type.stages.filter { school.students($0) > 0 }
            guard !stages.isEmpty else { continue }
            let loosest = stages.map(limit).max()!
            let strictest = stages.map(limit).min()!
            var reasons: [LocalizedText] = []
            var worst: (value: Double, limit: Double)?
            for stage in stages {
                if let classes = school.classes(stage), classes > 0 {
                    let average = Double(school.students(stage)) / Double(classes)
                    if average > Double(limit(stage)) {
                        let shown = NumberFormat.near(
                            average, places: 1, bar: ReportThreshold(.atMost, Double(limit(stage))), fails: true)
                        reasons.append(
                            LocalizedText(
                                zh: "\(stage.rawValue)平均班额 \(shown) 人 > \(limit(stage)) 人",
                                en: "\(stage.label.en) average class \(shown) > \(limit(stage))"))
                        worst = worst ?? (average, Double(limit(stage)))
                    }
                }
            }
            var decided = !reasons.isEmpty
            if let maxSize = school.maxClassSize {
                if maxSize > loosest {
                    reasons.insert(
                        LocalizedText(
                            zh: "最大班额 \(maxSize) 人 > \(loosest) 人", en: "largest class \(maxSize) > \(loosest)"),
                        at: 0)
                    worst = (Double(maxSize), Double(loosest))
                    decided = true
                } else if maxSize > strictest, reasons.isEmpty {
                    undetermined.append(
                        finding(
                            school, Double(maxSize), Double(strictest),
                            LocalizedText(
                                zh:
                                    "最大班额 \(maxSize) 人:小学限 \(limits.maxPrimaryClassSize) 人、初中限 \(limits.maxJuniorClassSize) 人,名册未分学段,无法判定",
                                en:
                                    "largest class \(maxSize): primary limit \(limits.maxPrimaryClassSize), junior limit \(limits.maxJuniorClassSize); the roster does not say which stage, so it cannot be decided"
                            )))
                    checked += 1
                    continue
                } else {
                    decided = true
                }
            }
            if let worst, !reasons.isEmpty {
                let joined = LocalizedText(
                    zh: reasons.map(\.zh).joined(separator: ";"), en: reasons.map(\.en).joined(separator: "; "))
                failing.append(finding(school, worst.value, worst.limit, joined))
            } else if !decided {
                undetermined.append(
                    finding(
                        school, nil, Double(strictest),
                        LocalizedText(zh: "未填最大班额", en: "no largest class size (最大班额) given")))
            }
            checked += 1
        }
        let determined = checked - undetermined.count
        return GuaranteeCheck(
            id: .classSize, code: "B12", name: LocalizedText(zh: "义务教育学校班额", en: "class size"),
            rule: LocalizedText(
                zh: "小学所有班级 ≤ \(limits.maxPrimaryClassSize) 人;初中所有班级 ≤ \(limits.maxJuniorClassSize) 人",
                en:
                    "every primary class ≤ \(limits.maxPrimaryClassSize) students; every junior class ≤ \(limits.maxJuniorClassSize)"
            ),
            available: available, schoolsChecked: checked, failing: failing, undetermined: undetermined,
            passes: failing.isEmpty
                ? (undetermined.isEmpty ? verdict(available: available, checked: determined, failing: 0) : nil)
                : false,
            responsibleUnits: units)
    }

    // MARK: - Music and art rooms (B10)

    /// At least ⌈classes / 12⌉ rooms, counting the compulsory classes (小学班级数 + 初中班级数).
    static func rooms(
        _ kind: GuaranteeCheck.Kind, _ schools: [SchoolRecord], _ limits: GuaranteeLimits, available: Bool,
        rooms: KeyPath<SchoolRecord, Int?>, units: [String]
    ) -> GuaranteeCheck {
        let what = kind == .musicRooms ? "音乐" : "美术"
        let english = kind == .musicRooms ? "music" : "art"
        var failing: [GuaranteeFinding] = []
        var undetermined: [GuaranteeFinding] = []
        var checked = 0
        for school in schools where available {
            let stages = school.type.stages.filter { school.students($0) > 0 }
            guard !stages.isEmpty else { continue }
            checked += 1
            let classCounts = stages.map { school.classes($0) }
            guard !classCounts.contains(nil), let count = school[keyPath: rooms] else {
                undetermined.append(
                    finding(
                        school, nil, 0,
                        LocalizedText(
                            zh: "班级数或\(what)专用教室数未填", en: "no class count or no \(english) room count given")))
                continue
            }
            let classes = classCounts.reduce(0) { $0 + $1! }
            let per = limits.classesPerRoom
            let required = classes / per + (classes % per == 0 ? 0 : 1)  // ⌈classes / per⌉, no overflow
            if count < required {
                failing.append(
                    finding(
                        school, Double(count), Double(required),
                        LocalizedText(
                            zh: "\(classes) 个班需\(what)专用教室 \(required) 间,现有 \(count) 间",
                            en: "\(classes) classes need \(required) \(english) rooms; there are \(count)")))
            }
        }
        let determined = checked - undetermined.count
        return GuaranteeCheck(
            id: kind, code: "B10",
            name: LocalizedText(
                zh: "每\(limits.classesPerRoom)个班级配备\(what)专用教室1间以上",
                en: "one \(english) room per \(limits.classesPerRoom) classes"),
            rule: LocalizedText(
                zh: "\(what)专用教室数 ≥ ⌈班级数 / \(limits.classesPerRoom)⌉",
                en: "\(english) rooms ≥ ⌈classes / \(limits.classesPerRoom)⌉"),
            available: available, schoolsChecked: checked, failing: failing, undetermined: undetermined,
            passes: failing.isEmpty
                ? (undetermined.isEmpty ? verdict(available: available, checked: determined, failing: 0) : nil)
                : false,
            responsibleUnits: units)
    }

    /// Each room at least 96 m² (music) or 90 m² (art), judged by the smallest room; schools without such
    /// rooms are not checked here (the room count check lists them).
    static func roomArea(
        _ kind: GuaranteeCheck.Kind, _ schools: [SchoolRecord], minimum: Double, available: Bool,
        rooms: KeyPath<SchoolRecord, Int?>, area: KeyPath<SchoolRecord, Double?>, units: [String]
    ) -> GuaranteeCheck {
        let what = kind == .musicRoomArea ? "音乐" : "美术"
        let english = kind == .musicRoomArea ? "music" : "art"
        var failing: [GuaranteeFinding] = []
        var undetermined: [GuaranteeFinding] = []
        var checked = 0
        for school in schools where available {
            guard let count = school[keyPath: rooms], count > 0 else { continue }
            checked += 1
            guard let smallest = school[keyPath: area] else {
                undetermined.append(
                    finding(
                        school, nil, minimum,
                        LocalizedText(zh: "\(what)专用教室最小面积未填", en: "no smallest \(english) room area given")))
                continue
            }
            if smallest < minimum {
                failing.append(
                    finding(
                        school, smallest, minimum,
                        LocalizedText(
                            zh: "最小\(what)专用教室 \(NumberFormat.plain(smallest)) m² < \(NumberFormat.plain(minimum)) m²",
                            en:
                                "smallest \(english) room \(NumberFormat.plain(smallest)) m² < \(NumberFormat.plain(minimum)) m²"
                        )))
            }
        }
        let determined = checked - undetermined.count
        return GuaranteeCheck(
            id: kind, code: kind == .musicRoomArea ? "C21" : "C22",
            name: LocalizedText(zh: "每间\(what)专用教室面积", en: "area of each \(english) room"),
            rule: LocalizedText(
                zh: "每间\(what)专用教室 ≥ \(NumberFormat.plain(minimum)) m²",
                en: "each \(english) room ≥ \(NumberFormat.plain(minimum)) m²"),
            available: available, schoolsChecked: checked, failing: failing, undetermined: undetermined,
            passes: failing.isEmpty
                ? (undetermined.isEmpty ? verdict(available: available, checked: determined, failing: 0) : nil)
                : false,
            responsibleUnits: units)
    }
}
