import JunhengCore
import JunhengPlan
import JunhengResources

/// C21–C23 (B10–B11, 政府保障程度) from the resource analysis' guarantee checks, so that the plan's
/// statuses and the report's guarantee tables always agree: the music and art rooms per 12 classes and
/// their smallest areas, and school size split into single-stage schools (≤ 2000) and nine- or
/// twelve-year schools (≤ 2500). The binding figure comes from the roster: the most classes per room, the
/// smallest room, the largest school.
enum GuaranteeRequirements {
    static func status(failing: Int, undetermined: Int) -> RequirementStatus {
        failing > 0 ? .failed : (undetermined > 0 ? .pending : .met)
    }

    static func findings(_ check: GuaranteeCheck, file: String, detail: (GuaranteeFinding) -> LocalizedText)
        -> [ComputedFinding]
    {
        findings(failing: check.failing, undetermined: check.undetermined, file: file, detail: detail)
    }

    static func findings(
        failing: [GuaranteeFinding], undetermined: [GuaranteeFinding], file: String,
        detail: (GuaranteeFinding) -> LocalizedText
    ) -> [ComputedFinding] {
        failing.map { finding in
            ComputedFinding(
                name: finding.name, township: finding.township,
                location: SourceLocation(file: file, line: finding.line),
                value: finding.value, detail: detail(finding), fails: true)
        }
            + undetermined.map { finding in
                ComputedFinding(
                    name: finding.name, township: finding.township,
                    location: SourceLocation(file: file, line: finding.line), value: finding.value,
                    detail: LocalizedText(zh: "数据未填或无法区分，无法判定", en: "data missing or not told apart: cannot decide"),
                    fails: false)
            }
    }

    static func schoolCount(_ ok: Int, _ checked: Int) -> LocalizedText {
        LocalizedText(zh: "\(ok)/\(checked) 校达到", en: "\(ok)/\(checked) schools")
    }

    // MARK: - Rooms (B10, C21, C22)

    /// One music (or art) room per `threshold` classes; `nil` when the roster lacks the columns.
    static func roomCount(
        music: Bool, threshold: PlanThreshold, report: ResourceReport, roster: SchoolRoster
    ) -> ComputedPart? {
        guard let check = report.guarantees.first(where: { $0.id == (music ? .musicRooms : .artRooms) }),
            check.available, check.schoolsChecked > 0
        else { return nil }
        var ratios: [Double] = []
        var roomless = false
        for school in roster.schools where school.type != .specialEducation && school.type != .teachingPoint {
            let stages = school.type.stages.filter { school.students($0) > 0 }
            let classes = stages.map { school.classes($0) }
            guard !stages.isEmpty, !classes.contains(nil), let rooms = music ? school.musicRooms : school.artRooms
            else { continue }
            let total = classes.reduce(0) { $0 + $1! }
            if rooms > 0 { ratios.append(Double(total) / Double(rooms)) } else if total > 0 { roomless = true }
        }
        let value = roomless ? nil : ratios.max()
        let ok = check.schoolsChecked - check.failing.count - check.undetermined.count
        var figure = schoolCount(ok, check.schoolsChecked)
        if let value {
            figure =
                figure
                + LocalizedText(
                    zh: " · 最多 \(threshold.format(value)) 个班/间",
                    en: " · at most \(threshold.format(value)) classes a room")
        } else if roomless {
            figure = figure + LocalizedText(zh: " · 有学校没有专用教室", en: " · a school has no such room")
        }
        return ComputedPart(
            status: status(failing: check.failing.count, undetermined: check.undetermined.count), value: value,
            figure: figure,
            findings: findings(check, file: roster.file) { finding in
                let rooms = PlanThreshold.compact(finding.value ?? 0, places: 0)
                let needed = PlanThreshold.compact(finding.limit, places: 0)
                return LocalizedText(
                    zh: "现有 \(rooms) 间，按班级数需 \(needed) 间", en: "has \(rooms) rooms; its classes need \(needed)")
            }, source: roster.file)
    }

    /// Every music (or art) room at least `threshold` m², judged by the smallest; `nil` without the columns.
    static func roomArea(
        music: Bool, threshold: PlanThreshold, report: ResourceReport, roster: SchoolRoster
    ) -> ComputedPart? {
        guard let check = report.guarantees.first(where: { $0.id == (music ? .musicRoomArea : .artRoomArea) }),
            check.available, check.schoolsChecked > 0
        else { return nil }
        let areas = roster.schools.compactMap { school -> Double? in
            guard school.type != .specialEducation, school.type != .teachingPoint,
                (music ? school.musicRooms : school.artRooms) ?? 0 > 0
            else { return nil }
            return music ? school.minMusicRoomArea : school.minArtRoomArea
        }
        let value = areas.min()
        let ok = check.schoolsChecked - check.failing.count - check.undetermined.count
        var figure = schoolCount(ok, check.schoolsChecked)
        if let value {
            figure =
                figure
                + LocalizedText(
                    zh: " · 最小 \(threshold.formatWithUnit(value))", en: " · smallest \(threshold.figureLabel(value).en)"
                )
        }
        return ComputedPart(
            status: status(failing: check.failing.count, undetermined: check.undetermined.count), value: value,
            figure: figure,
            findings: findings(check, file: roster.file) { finding in
                let area = threshold.formatWithUnit(finding.value ?? 0)
                return LocalizedText(
                    zh: "最小的一间 \(area)，低于 \(threshold.formatWithUnit(finding.limit))",
                    en: "the smallest is \(threshold.figureLabel(finding.value ?? 0).en), below "
                        + "\(threshold.figureLabel(finding.limit).en)")
            }, source: roster.file)
    }

    // MARK: - School size (B11, C23)

    /// ≤ 2000 students in a single-stage school (`combined` false), ≤ 2500 in the compulsory part of a nine-
    /// or twelve-year school (`combined` true). A roster without such schools meets it, with a note.
    static func schoolSize(
        combined: Bool, threshold: PlanThreshold, report: ResourceReport, roster: SchoolRoster
    ) -> ComputedPart? {
        guard let check = report.guarantees.first(where: { $0.id == .schoolSize }) else { return nil }
        func isCombined(_ school: SchoolRecord) -> Bool { school.type == .nineYear || school.type == .twelveYear }
        let schools = roster.schools.filter { $0.type != .specialEducation && isCombined($0) == combined }
        let lines = Set(schools.map(\.line))
        let failing = check.failing.filter { lines.contains($0.line) }
        let sizes = schools.map { school in Double(school.type.stages.reduce(0) { $0 + school.students($1) }) }
        var notes: [LocalizedText] = []
        if schools.isEmpty {
            notes.append(
                combined
                    ? LocalizedText(zh: "名册中没有九年一贯制或十二年一贯制学校。", en: "The roster has no nine- or twelve-year school.")
                    : LocalizedText(zh: "名册中没有单设的小学或初中。", en: "The roster has no single-stage school."))
        }
        let largest = sizes.max()
        var figure = schoolCount(schools.count - failing.count, schools.count)
        if let largest {
            figure =
                figure
                + LocalizedText(
                    zh: " · 最大 \(threshold.formatWithUnit(largest))",
                    en: " · largest \(threshold.figureLabel(largest).en)")
        }
        return ComputedPart(
            status: status(failing: failing.count, undetermined: 0), value: largest, figure: figure,
            findings: findings(failing: failing, undetermined: [], file: roster.file) { finding in
                let students = threshold.formatWithUnit(finding.value ?? 0)
                return LocalizedText(
                    zh: "义务教育阶段 \(students)，超过 \(threshold.formatWithUnit(finding.limit))",
                    en: "\(threshold.figureLabel(finding.value ?? 0).en) in the compulsory stages, above "
                        + "\(threshold.figureLabel(finding.limit).en)")
            }, notes: notes, source: roster.file)
    }
}
