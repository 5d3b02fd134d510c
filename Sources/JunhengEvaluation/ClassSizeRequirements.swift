import JunhengCore
import JunhengPlan
import JunhengResources

/// C24 and C25 (B12 班额): every primary class at most 45 students, every junior class at most 50, one
/// stage at a time (the guarantee check B12 judges both stages together).
///
/// A school's stage fails when its average class (students / classes of that stage) is over the limit, or
/// when its 最大班额 is and the school has only that stage. It meets the limit when its 最大班额 is within
/// it. A two-stage school whose 最大班额 is over one stage's limit cannot tell which stage that class is
/// in: it is undetermined for that stage (pending), never counted as passing or failing.
enum ClassSizeRequirements {
    /// `nil` when the roster has none of 小学班级数, 初中班级数 and 最大班额.
    static func compute(stage: SchoolStage, threshold: PlanThreshold, roster: SchoolRoster) -> ComputedPart? {
        let classColumn: RosterColumn = stage == .primary ? .primaryClasses : .juniorClasses
        guard roster.optionalColumns.contains(.maxClassSize) || roster.optionalColumns.contains(classColumn) else {
            return nil
        }
        let limit = threshold.value
        var checked = 0
        var largest: Double?
        var findings: [ComputedFinding] = []
        var undetermined: [ComputedFinding] = []
        for school in roster.schools where school.type != .specialEducation && school.students(stage) > 0 {
            checked += 1
            let location = SourceLocation(file: roster.file, line: school.line)
            let single = school.type.stages.filter { school.students($0) > 0 } == [stage]
            var reasons: [LocalizedText] = []
            var worst: Double?
            if let classes = school.classes(stage), classes > 0 {
                let average = Double(school.students(stage)) / Double(classes)
                largest = max(largest ?? average, average)
                if average > limit {
                    worst = average
                    // One decimal, more where one would round the average onto the limit (45.04 is "45.04").
                    let shown = threshold.format(average)
                    reasons.append(
                        LocalizedText(
                            zh: "平均班额 \(shown) 人 > \(threshold.format(limit)) 人",
                            en: "average class \(shown) > \(threshold.format(limit))"))
                }
            }
            var decided = !reasons.isEmpty
            if let biggest = school.maxClassSize.map(Double.init) {
                if single {
                    largest = max(largest ?? biggest, biggest)
                    if biggest > limit {
                        worst = max(worst ?? biggest, biggest)
                        reasons.insert(
                            LocalizedText(
                                zh: "最大班额 \(threshold.format(biggest)) 人 > \(threshold.format(limit)) 人",
                                en: "largest class \(threshold.format(biggest)) > \(threshold.format(limit))"), at: 0)
                    }
                    decided = true
                } else if biggest <= limit {
                    decided = true
                } else if reasons.isEmpty {
                    undetermined.append(
                        ComputedFinding(
                            name: school.name, township: school.township, location: location, value: biggest,
                            detail: LocalizedText(
                                zh: "最大班额 \(threshold.format(biggest)) 人，名册未分学段，无法判定是否在\(stage.rawValue)",
                                en:
                                    "largest class \(threshold.format(biggest)), stage not given: cannot tell if it is \(stage.label.en)"
                            ),
                            fails: false))
                    continue
                }
            }
            if !reasons.isEmpty {
                let detail = reasons.dropFirst().reduce(reasons[0]) { $0 + LocalizedText(zh: "；", en: "; ") + $1 }
                findings.append(
                    ComputedFinding(
                        name: school.name, township: school.township, location: location, value: worst, detail: detail,
                        fails: true))
            } else if !decided {
                undetermined.append(
                    ComputedFinding(
                        name: school.name, township: school.township, location: location,
                        detail: LocalizedText(zh: "未填最大班额，无法判定", en: "no 最大班额: cannot decide"), fails: false))
            }
        }
        let status: RequirementStatus = !findings.isEmpty ? .failed : (undetermined.isEmpty ? .met : .pending)
        var figure = LocalizedText(
            zh: "\(checked - findings.count - undetermined.count)/\(checked) 校达到",
            en: "\(checked - findings.count - undetermined.count)/\(checked) schools")
        if let largest {
            figure =
                figure
                + LocalizedText(
                    zh: " · 最大 \(threshold.formatWithUnit(largest))",
                    en: " · largest \(threshold.figureLabel(largest).en)")
        }
        return ComputedPart(
            status: status, value: largest, figure: figure, findings: findings + undetermined, source: roster.file)
    }
}
