import JunhengCore
import JunhengPlan
import JunhengResources

/// The plan's funding requirements that a roster with the optional money columns can show, school by
/// school (seed 附件2 B13, B14, B26):
/// - C26: a village primary school or teaching point (学校类型 小学 or 教学点) with fewer students than the
///   threshold (100) is funded as that many: 核定公用经费 / 每生定额 (the plan's `yuan_per_student`, 720
///   元 in Anhui) ≥ 100;
/// - C27: a special-education school's 核定公用经费 / its students ≥ 6000 元;
/// - C40: every school's 教师培训经费 / 年度公用经费预算 ≥ 5 %.
///
/// Each returns `nil` when the roster lacks the column; a school whose cell is empty is undetermined
/// (pending), never counted as meeting the requirement. The binding figure is the lowest school's.
enum FundingRequirements {
    /// One school's figure, or why there is none.
    enum Figure {
        case value(Double, detail: LocalizedText)
        case unknown(LocalizedText)
    }

    /// Judges every school with its figure against the threshold.
    static func judge(
        _ schools: [SchoolRecord], threshold: PlanThreshold, roster: SchoolRoster, figure: (SchoolRecord) -> Figure,
        what: LocalizedText, notes: [LocalizedText] = []
    ) -> ComputedPart {
        var values: [Double] = []
        var failing: [ComputedFinding] = []
        var undetermined: [ComputedFinding] = []
        for school in schools {
            let location = SourceLocation(file: roster.file, line: school.line)
            switch figure(school) {
            case .value(let value, let detail):
                values.append(value)
                if !threshold.holds(value) {
                    failing.append(
                        ComputedFinding(
                            name: school.name, township: school.township, location: location, value: value,
                            detail: detail, fails: true))
                }
            case .unknown(let why):
                undetermined.append(
                    ComputedFinding(
                        name: school.name, township: school.township, location: location, detail: why, fails: false))
            }
        }
        let lowest = values.min()
        let status: RequirementStatus = !failing.isEmpty ? .failed : (undetermined.isEmpty ? .met : .pending)
        let ok = schools.count - failing.count - undetermined.count
        var figure = LocalizedText(zh: "\(ok)/\(schools.count) 校达到", en: "\(ok)/\(schools.count) ") + what
        if let lowest {
            figure =
                figure
                + LocalizedText(
                    zh: " · 最低 \(threshold.formatWithUnit(lowest))", en: " · lowest \(threshold.figureLabel(lowest).en)"
                )
        }
        return ComputedPart(
            status: status, value: lowest, figure: figure, findings: failing + undetermined, notes: notes,
            source: roster.file)
    }

    static func missing(_ column: RosterColumn) -> LocalizedText {
        LocalizedText(zh: "“\(column.rawValue)”未填，无法判定", en: "\(column.rawValue) not given: cannot decide")
    }

    static func yuan(_ value: Double) -> String { PlanThreshold.compact(value, places: 2) }

    // MARK: - C26

    static func smallSchools(part: RequirementPart, threshold: PlanThreshold, roster: SchoolRoster) -> ComputedPart? {
        guard roster.optionalColumns.contains(.approvedPublicFunds), let rate = part.parameters["yuan_per_student"]
        else { return nil }
        let cutoff = threshold.value
        let schools = roster.schools.filter {
            ($0.type == .primary || $0.type == .teachingPoint) && Double($0.primaryStudents) < cutoff
        }
        let floor = threshold.format(cutoff)
        return judge(
            schools, threshold: threshold, roster: roster,
            figure: { school in
                guard let funds = school.approvedPublicFunds else { return .unknown(missing(.approvedPublicFunds)) }
                let students = funds / rate
                return .value(
                    students,
                    detail: LocalizedText(
                        zh:
                            "\(school.primaryStudents) 名学生，核定公用经费 \(yuan(funds)) 元 = \(threshold.format(students)) 名学生 × \(yuan(rate)) 元，应 ≥ \(yuan(cutoff * rate)) 元",
                        en:
                            "\(school.primaryStudents) students, funds \(yuan(funds)) yuan = \(threshold.format(students)) students × \(yuan(rate)) yuan; \(yuan(cutoff * rate)) yuan due"
                    ))
            },
            what: LocalizedText(zh: "", en: "small schools"),
            notes: schools.isEmpty
                ? [
                    LocalizedText(
                        zh: "名册中没有不足\(floor)名学生的小学或教学点。",
                        en: "The roster has no primary school or teaching point under \(floor) students.")
                ]
                : [])
    }

    // MARK: - C27

    static func specialEducation(threshold: PlanThreshold, roster: SchoolRoster) -> ComputedPart? {
        guard roster.optionalColumns.contains(.approvedPublicFunds) else { return nil }
        let schools = roster.schools.filter { $0.type == .specialEducation }
        return judge(
            schools, threshold: threshold, roster: roster,
            figure: { school in
                let students = school.primaryStudents + school.juniorStudents + school.seniorStudents
                guard let funds = school.approvedPublicFunds else { return .unknown(missing(.approvedPublicFunds)) }
                guard students > 0 else {
                    return .unknown(LocalizedText(zh: "在校生数为 0，无法计算生均", en: "no students: no per-student figure"))
                }
                let perStudent = funds / Double(students)
                return .value(
                    perStudent,
                    detail: LocalizedText(
                        zh: "核定公用经费 \(yuan(funds)) 元 / \(students) 名学生 = \(threshold.formatWithUnit(perStudent))",
                        en: "funds \(yuan(funds)) yuan / \(students) students = \(threshold.figureLabel(perStudent).en)"
                    ))
            },
            what: LocalizedText(zh: "", en: "special-education schools"),
            notes: schools.isEmpty
                ? [LocalizedText(zh: "名册中没有特殊教育学校。", en: "The roster has no special-education school.")] : [])
    }

    // MARK: - C40

    static func trainingFunds(threshold: PlanThreshold, roster: SchoolRoster) -> ComputedPart? {
        guard roster.optionalColumns.contains(.publicFundsBudget), roster.optionalColumns.contains(.trainingFunds)
        else { return nil }
        return judge(
            roster.schools, threshold: threshold, roster: roster,
            figure: { school in
                guard let budget = school.publicFundsBudget else { return .unknown(missing(.publicFundsBudget)) }
                guard let training = school.trainingFunds else { return .unknown(missing(.trainingFunds)) }
                guard budget > 0 else {
                    return .unknown(LocalizedText(zh: "年度公用经费预算为 0，无法计算比例", en: "a budget of 0: no share"))
                }
                guard training <= budget else {
                    // Training funds are part of the public-funds budget: a share above 100 % is impossible.
                    return .unknown(
                        LocalizedText(
                            zh: "教师培训经费 \(yuan(training)) 元大于年度公用经费预算 \(yuan(budget)) 元，比例不可能超过 100%，请核对名册",
                            en: "training funds of \(yuan(training)) yuan exceed the budget of \(yuan(budget)) yuan: "
                                + "a share cannot exceed 100 %; check the roster"))
                }
                let share = training / budget
                return .value(
                    share,
                    detail: LocalizedText(
                        zh: "教师培训经费 \(yuan(training)) 元 / 年度公用经费预算 \(yuan(budget)) 元 = \(threshold.format(share))",
                        en: "training \(yuan(training)) yuan / budget \(yuan(budget)) yuan = \(threshold.format(share))"
                    ))
            },
            what: LocalizedText(zh: "", en: "schools"))
    }
}
