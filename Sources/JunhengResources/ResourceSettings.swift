import Foundation
public import JunhengCore

/// Every threshold and ratio the resource analysis uses, with the defaults of DOMAIN.md §1–2.
///
/// A settings file is JSON with these keys (snake_case); any key left out keeps its default. The
/// settings DOMAIN.md marks *uncertain* are listed by ``uncertainSettings`` and shown in every report.
public struct ResourceSettings: Sendable, Hashable, Codable {
    /// The seven indicator standards for primary schools (DOMAIN.md §1 table).
    public var primaryStandards: IndicatorStandards
    /// The seven indicator standards for junior schools.
    public var juniorStandards: IndicatorStandards
    /// Largest balanced 差异系数 among primary schools (0.50).
    public var primaryCVThreshold: Double
    /// Largest balanced 差异系数 among junior schools (0.45).
    public var juniorCVThreshold: Double
    /// Weighted-enrolment split of a multi-stage school's shared stock (1 : 1.1 : 1.32). *(uncertain)*
    public var splitWeights: SplitWeights
    /// In a 完全中学, the senior weight when junior counts 1 (1 : 1.2). *(uncertain)*
    public var completeMiddleSeniorWeight: Double
    /// 教学点 with fewer students than this are left out of the indicators (50). *(uncertain)*
    public var teachingPointCutoff: Int
    /// A school passes when it meets at least this many of the seven indicators (6).
    public var minimumIndicatorsMet: Int
    /// … and every indicator it misses is at least this share of its standard (0.85).
    public var missedIndicatorFloor: Double
    /// The guarantee limits that school data can show (DOMAIN.md §2).
    public var guarantees: GuaranteeLimits
    /// The 责任单位 named next to a failing figure (not a settings-file key: `junheng report` takes them from
    /// the county plan).
    public var units = ResourceUnits.seed

    public init(
        primaryStandards: IndicatorStandards = .primary, juniorStandards: IndicatorStandards = .junior,
        primaryCVThreshold: Double = 0.50, juniorCVThreshold: Double = 0.45,
        splitWeights: SplitWeights = SplitWeights(), completeMiddleSeniorWeight: Double = 1.2,
        teachingPointCutoff: Int = 50, minimumIndicatorsMet: Int = 6, missedIndicatorFloor: Double = 0.85,
        guarantees: GuaranteeLimits = GuaranteeLimits()
    ) {
        self.primaryStandards = primaryStandards
        self.juniorStandards = juniorStandards
        self.primaryCVThreshold = primaryCVThreshold
        self.juniorCVThreshold = juniorCVThreshold
        self.splitWeights = splitWeights
        self.completeMiddleSeniorWeight = completeMiddleSeniorWeight
        self.teachingPointCutoff = teachingPointCutoff
        self.minimumIndicatorsMet = minimumIndicatorsMet
        self.missedIndicatorFloor = missedIndicatorFloor
        self.guarantees = guarantees
    }

    /// The standard of one indicator for one stage.
    public func standard(_ indicator: ResourceIndicator, _ stage: SchoolStage) -> Double {
        switch stage {
        case .primary: primaryStandards[indicator]
        case .junior: juniorStandards[indicator]
        }
    }

    /// The CV threshold of one stage.
    public func cvThreshold(_ stage: SchoolStage) -> Double {
        switch stage {
        case .primary: primaryCVThreshold
        case .junior: juniorCVThreshold
        }
    }

    /// The settings DOMAIN.md marks uncertain (common practice, not confirmed against the national text),
    /// each with its current value, so a report can say what it assumed.
    public var uncertainSettings: [UncertainSetting] {
        let w = splitWeights
        return [
            UncertainSetting(
                key: "teaching_point_cutoff", value: String(teachingPointCutoff),
                note: LocalizedText(
                    zh: "不足 \(teachingPointCutoff) 名学生的教学点不计入指标(常见做法,未与国家文件核对)",
                    en:
                        "teaching points under \(teachingPointCutoff) students are left out (common practice, unconfirmed)"
                )),
            UncertainSetting(
                key: "split_weights",
                value:
                    "\(NumberFormat.plain(w.primary)):\(NumberFormat.plain(w.junior)):\(NumberFormat.plain(w.senior))",
                note: LocalizedText(
                    zh:
                        "一贯制学校共用资源按小学:初中:高中 = \(NumberFormat.plain(w.primary)):\(NumberFormat.plain(w.junior)):\(NumberFormat.plain(w.senior)) 加权学生数分摊(2012 年办法)",
                    en:
                        "shared stock of multi-stage schools split by weighted enrolment \(NumberFormat.plain(w.primary)):\(NumberFormat.plain(w.junior)):\(NumberFormat.plain(w.senior)) (2012 method)"
                )),
            UncertainSetting(
                key: "complete_middle_senior_weight", value: "1:\(NumberFormat.plain(completeMiddleSeniorWeight))",
                note: LocalizedText(
                    zh: "完全中学共用资源按初中:高中 = 1:\(NumberFormat.plain(completeMiddleSeniorWeight)) 分摊(2012 年办法)",
                    en:
                        "complete middle schools split junior:senior = 1:\(NumberFormat.plain(completeMiddleSeniorWeight)) (2012 method)"
                )),
            UncertainSetting(
                key: "qualified_teacher_definition", value: "专科/本科",
                note: LocalizedText(
                    zh: "“高于规定学历”按小学专科及以上、初中本科及以上统计,由名册直接给出人数",
                    en:
                        "'above the required degree' taken as college (primary) / bachelor (junior); the roster gives the count"
                )),
            UncertainSetting(
                key: "classes_per_room", value: String(guarantees.classesPerRoom),
                note: LocalizedText(
                    zh:
                        "每 \(guarantees.classesPerRoom) 个班(不足 \(guarantees.classesPerRoom) 个按 \(guarantees.classesPerRoom) 个计)至少 1 间音乐、1 间美术专用教室,即需 ⌈班级数/\(guarantees.classesPerRoom)⌉ 间",
                    en:
                        "one music and one art room per \(guarantees.classesPerRoom) classes or part thereof: ⌈classes/\(guarantees.classesPerRoom)⌉ rooms"
                )),
        ]
    }

    // MARK: - Codable with defaults

    enum CodingKeys: String, CodingKey, CaseIterable {
        case primaryStandards = "primary_standards"
        case juniorStandards = "junior_standards"
        case primaryCVThreshold = "primary_cv_threshold"
        case juniorCVThreshold = "junior_cv_threshold"
        case splitWeights = "split_weights"
        case completeMiddleSeniorWeight = "complete_middle_senior_weight"
        case teachingPointCutoff = "teaching_point_cutoff"
        case minimumIndicatorsMet = "minimum_indicators_met"
        case missedIndicatorFloor = "missed_indicator_floor"
        case guarantees
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ResourceSettings()
        primaryStandards =
            try c.decodeIfPresent(IndicatorStandards.self, forKey: .primaryStandards) ?? d.primaryStandards
        juniorStandards = try c.decodeIfPresent(IndicatorStandards.self, forKey: .juniorStandards) ?? d.juniorStandards
        primaryCVThreshold = try c.decodeIfPresent(Double.self, forKey: .primaryCVThreshold) ?? d.primaryCVThreshold
        juniorCVThreshold = try c.decodeIfPresent(Double.self, forKey: .juniorCVThreshold) ?? d.juniorCVThreshold
        splitWeights = try c.decodeIfPresent(SplitWeights.self, forKey: .splitWeights) ?? d.splitWeights
        completeMiddleSeniorWeight =
            try c.decodeIfPresent(Double.self, forKey: .completeMiddleSeniorWeight) ?? d.completeMiddleSeniorWeight
        teachingPointCutoff = try c.decodeIfPresent(Int.self, forKey: .teachingPointCutoff) ?? d.teachingPointCutoff
        minimumIndicatorsMet = try c.decodeIfPresent(Int.self, forKey: .minimumIndicatorsMet) ?? d.minimumIndicatorsMet
        missedIndicatorFloor =
            try c.decodeIfPresent(Double.self, forKey: .missedIndicatorFloor) ?? d.missedIndicatorFloor
        guarantees = try c.decodeIfPresent(GuaranteeLimits.self, forKey: .guarantees) ?? d.guarantees
    }

    /// What is wrong with these settings, or `nil` when they can be used (for settings made in code; a
    /// settings file is checked key by key as it is read, with ``Limits``).
    public var problem: LocalizedText? {
        let weights = [splitWeights.primary, splitWeights.junior, splitWeights.senior, completeMiddleSeniorWeight]
        if weights.contains(where: { !Limits.weight.contains($0) }) {
            return LocalizedText(zh: "分摊权重应在 0.01–100 之间", en: "split weights must be between 0.01 and 100")
        }
        if !Limits.teachingPointCutoff.contains(teachingPointCutoff) {
            return LocalizedText(zh: "teaching_point_cutoff 不能为负数", en: "teaching_point_cutoff must not be negative")
        }
        if !Limits.indicatorsMet.contains(minimumIndicatorsMet) {
            return LocalizedText(zh: "minimum_indicators_met 应在 1–7 之间", en: "minimum_indicators_met must be 1–7")
        }
        if !Limits.share.contains(missedIndicatorFloor) {
            return LocalizedText(zh: "missed_indicator_floor 应在 0–1 之间", en: "missed_indicator_floor must be 0–1")
        }
        if !Limits.classesPerRoom.contains(guarantees.classesPerRoom) {
            return LocalizedText(zh: "classes_per_room 应在 1–1000 之间", en: "classes_per_room must be 1–1000")
        }
        let standards = ResourceIndicator.allCases.flatMap { [primaryStandards[$0], juniorStandards[$0]] }
        if standards.contains(where: { !Limits.standard.contains($0) }) {
            return LocalizedText(zh: "指标标准应在 0–1000000 之间", en: "indicator standards must be between 0 and 1,000,000")
        }
        return nil
    }
}
