import Foundation
import JunhengCore
public import JunhengIngest
import JunhengStatistics

/// 资源配置: computes the seven indicators per school part, the 6-of-7 school rule, the student-weighted
/// 差异系数 per stage, the gaps and their cost, and the roster-checkable guarantees (DOMAIN.md §1–2).
public enum ResourceAnalysis {
    /// Reads the roster (and unit costs, if given) and analyses them.
    ///
    /// Cost: both files are held in memory (a roster has hundreds of rows, not millions).
    /// - Throws: ``SchoolRosterError``, ``UnitCostError`` or the ingest layer's `IngestError`.
    /// - Parameter options: the encoding and delimiter to force (`--encoding`, `--delimiter`); detected when
    ///   not given.
    public static func analyze(
        rosterPath: String, unitCostPath: String? = nil, settings: ResourceSettings = ResourceSettings(),
        options: CSVReadOptions = CSVReadOptions()
    ) throws -> ResourceReport {
        let roster = try SchoolRoster.read(path: rosterPath, options: options)
        let costs = try unitCostPath.map { try UnitCosts.read(path: $0, options: options) } ?? UnitCosts()
        return analyze(roster: roster, settings: settings, unitCosts: costs)
    }

    /// Analyses a roster already read.
    public static func analyze(
        roster: SchoolRoster, settings: ResourceSettings = ResourceSettings(), unitCosts: UnitCosts = UnitCosts()
    ) -> ResourceReport {
        let (parts, excluded) = schoolParts(roster.schools, settings: settings)
        let schools = parts.map { evaluate($0, settings: settings) }
        let gaps = gaps(schools, settings: settings, unitCosts: unitCosts)
        let indicators = SchoolStage.allCases.flatMap { stage in
            ResourceIndicator.allCases.map { indicator in
                balance(indicator, stage: stage, schools: schools, settings: settings)
            }
        }
        let stages = SchoolStage.allCases.map { stage in
            let counted = schools.filter { $0.stage == stage }
            let balances = indicators.filter { $0.stage == stage }
            return StageSummary(
                stage: stage, schoolsCounted: counted.count, schoolsPassing: counted.filter(\.passes).count,
                students: counted.reduce(0) { $0 + $1.students },
                indicatorsBalanced: balances.filter { $0.balanced == true }.count,
                allBalanced: balances.contains { $0.balanced == nil }
                    ? nil : balances.allSatisfy { $0.balanced == true },
                allSchoolsPass: counted.allSatisfy(\.passes))
        }
        return ResourceReport(
            roster: roster.file, settings: settings, uncertainSettings: settings.uncertainSettings,
            unitCosts: unitCosts, indicators: indicators, stages: stages, schools: schools, excluded: excluded,
            gaps: gaps, funding: funding(gaps),
            guarantees: GuaranteeChecks.run(roster, settings: settings.guarantees, units: settings.units),
            warnings: roster.warnings)
    }

    // MARK: - Which parts count

    /// A stage of a school that counts in the indicators, with its share of the shared stock.
    struct SchoolPart {
        var school: SchoolRecord
        var stage: SchoolStage
        var students: Int
        var share: Double
    }

    /// Splits schools into stage parts and leaves out special education, small teaching points and stages
    /// without students, each with the reason (DOMAIN.md §1).
    static func schoolParts(
        _ schools: [SchoolRecord], settings: ResourceSettings
    ) -> ([SchoolPart], [ExcludedSchool]) {
        let split = EnrolmentSplit(settings: settings)
        var parts: [SchoolPart] = []
        var excluded: [ExcludedSchool] = []
        func leaveOut(_ school: SchoolRecord, _ stage: SchoolStage?, _ code: ExcludedSchool.Reason, _ why: String) {
            let students = stage.map { school.students($0) } ?? (school.primaryStudents + school.juniorStudents)
            excluded.append(
                ExcludedSchool(
                    name: school.name, township: school.township, type: school.type, line: school.line, stage: stage,
                    students: students, reasonCode: code, reason: why))
        }
        for school in schools {
            switch school.type {
            case .specialEducation:
                leaveOut(school, nil, .specialEducation, "特殊教育学校不计入资源配置指标")
                continue
            case .teachingPoint where school.primaryStudents < settings.teachingPointCutoff:
                leaveOut(
                    school, .primary, .teachingPointBelowCutoff,
                    "教学点在校生 \(school.primaryStudents) 人,不足 \(settings.teachingPointCutoff) 人,不计入")
                continue
            default: break
            }
            for stage in school.type.stages {
                let students = school.students(stage)
                guard students > 0 else {
                    leaveOut(school, stage, .noStudents, "\(stage.rawValue)在校生数为 0,该学段不计入")
                    continue
                }
                let share = split.share(
                    of: stage, type: school.type, primary: Double(school.primaryStudents),
                    junior: Double(school.juniorStudents), senior: Double(school.seniorStudents))
                parts.append(SchoolPart(school: school, stage: stage, students: students, share: share))
            }
        }
        return (parts, excluded)
    }

    // MARK: - One school part

    /// `value` reaches `standard`, allowing for binary rounding (4.2 per 100 from 21 teachers and 500
    /// students meets 4.2).
    static func reaches(_ value: Double, _ standard: Double) -> Bool {
        value >= standard - 1e-9 * max(1, abs(standard))
    }

    /// The seven values of a part and the school rule: passes with 7 met, or with at least
    /// `minimumIndicatorsMet` (6) met and every missed value ≥ `missedIndicatorFloor` (85 %) of its standard.
    static func evaluate(_ part: SchoolPart, settings: ResourceSettings) -> SchoolPartResult {
        let p = Double(part.students)
        let values = ResourceIndicator.allCases.map { indicator in
            let raw = part.school.rawTotal(indicator, stage: part.stage)
            let total = indicator.isSharedStock ? raw * part.share : raw
            let value = total / p * indicator.scale
            let standard = settings.standard(indicator, part.stage)
            return IndicatorValue(
                indicator: indicator.rawValue, total: total, value: value, standard: standard,
                met: reaches(value, standard), ratioToStandard: standard > 0 ? value / standard : .infinity)
        }
        let missed = values.filter { !$0.met }
        let met = values.count - missed.count
        let passes =
            missed.isEmpty
            || (met >= settings.minimumIndicatorsMet
                && missed.allSatisfy { reaches($0.value, settings.missedIndicatorFloor * $0.standard) })
        return SchoolPartResult(
            name: part.school.name, township: part.school.township, code: part.school.code, type: part.school.type,
            line: part.school.line, stage: part.stage, students: part.students, share: part.share, values: values,
            met: met, missed: missed.map(\.indicator), passes: passes)
    }

    // MARK: - Balance

    /// County value, 差异系数 and the CV with every gap closed, for one indicator in one stage.
    static func balance(
        _ indicator: ResourceIndicator, stage: SchoolStage, schools: [SchoolPartResult], settings: ResourceSettings
    ) -> IndicatorBalance {
        let counted = schools.filter { $0.stage == stage }
        let standard = settings.standard(indicator, stage)
        let threshold = settings.cvThreshold(stage)
        let totals = counted.map { $0.value(indicator).total }
        let students = counted.map { Double($0.students) }
        let closed = counted.map { school in
            let v = school.value(indicator)
            return v.met ? v.total : standard * Double(school.students) / indicator.scale
        }
        let cv = StudentWeightedCV(totals: totals, students: students)
        let cvClosed = StudentWeightedCV(totals: closed, students: students)
        let countyValue = cv.map { $0.mean * indicator.scale }
        let within = { (value: Double?) in value.map { $0 <= threshold + 1e-12 } }
        return IndicatorBalance(
            stage: stage, indicator: indicator.rawValue, code: indicator.code, name: indicator.name.zh,
            unit: indicator.unit.zh, standard: standard, schoolsCounted: counted.count,
            schoolsMeetingStandard: counted.filter { $0.value(indicator).met }.count,
            total: totals.reduce(0, +), students: counted.reduce(0) { $0 + $1.students }, countyValue: countyValue,
            countyMeetsStandard: countyValue.map { reaches($0, standard) },
            standardDeviation: cv.map { $0.standardDeviation * indicator.scale },
            cv: cv?.coefficientOfVariation, cvThreshold: threshold, balanced: within(cv?.coefficientOfVariation),
            cvIfGapsClosed: cvClosed?.coefficientOfVariation,
            balancedIfGapsClosed: within(cvClosed?.coefficientOfVariation),
            responsibleUnits: settings.units.units(for: indicator))
    }

    // MARK: - Gaps and money

    /// Every missed indicator of every counted part: the shortfall to the standard and its cost.
    static func gaps(_ schools: [SchoolPartResult], settings: ResourceSettings, unitCosts: UnitCosts) -> [IndicatorGap]
    {
        var gaps: [IndicatorGap] = []
        for school in schools {
            for value in school.values where !value.met {
                let indicator = ResourceIndicator(rawValue: value.indicator)!
                let required = value.standard * Double(school.students) / indicator.scale
                let shortfall = required - value.total
                let toAdd = indicator.countsWholeUnits ? (shortfall - 1e-9).rounded(.up) : shortfall
                let price = unitCosts.price(indicator)
                gaps.append(
                    IndicatorGap(
                        name: school.name, township: school.township, line: school.line, stage: school.stage,
                        indicator: value.indicator, unit: indicator.unit.zh, students: school.students,
                        value: value.value, standard: value.standard, total: value.total, requiredTotal: required,
                        shortfall: shortfall, shortfallToAdd: toAdd, unitPrice: price,
                        fundingGap: price.map { $0 * toAdd },
                        schoolPasses: school.passes))
            }
        }
        return gaps
    }

    /// Sums the priced gaps per school (both stages together), per indicator and for the county.
    static func funding(_ gaps: [IndicatorGap]) -> FundingSummary {
        var schools: [SchoolFunding] = []
        for gap in gaps {
            if schools.last?.line != gap.line {
                schools.append(
                    SchoolFunding(
                        name: gap.name, township: gap.township, line: gap.line, fundingGap: 0, unpricedGaps: 0))
            }
            if let money = gap.fundingGap {
                schools[schools.count - 1].fundingGap += money
            } else {
                schools[schools.count - 1].unpricedGaps += 1
            }
        }
        let byIndicator = ResourceIndicator.allCases.map { indicator in
            let these = gaps.filter { $0.indicator == indicator.rawValue }
            return IndicatorFunding(
                indicator: indicator.rawValue, fundingGap: these.compactMap(\.fundingGap).reduce(0, +),
                unpricedGaps: these.filter { $0.fundingGap == nil }.count)
        }
        return FundingSummary(
            schools: schools, byIndicator: byIndicator, countyTotal: gaps.compactMap(\.fundingGap).reduce(0, +),
            unpricedGaps: gaps.filter { $0.fundingGap == nil }.count)
    }
}
