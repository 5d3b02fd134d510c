public import JunhengCore

/// The requirements of `indicators.json`: one object per requirement of the plan, in plan order —
/// `{"code", "status", "value", "threshold", "units", "deadline", …}`, with `value` and `threshold` `null`
/// for a judgement or a requirement of several parts (whose `parts` carry their own).
extension PlanAssessment {
    /// Every requirement as `indicators.json` lists it, with its words in `language` (the county report
    /// wraps them in one object with the county, the acceptance verdict and the overdue list).
    public func indicatorEntries(language: Language) -> [IndicatorEntry] {
        requirements.map { IndicatorEntry($0, deadline: deadline(of: $0)?.deadline, language: language) }
    }

    /// The document `junheng units --format json` prints.
    public func unitsJSON(language: Language) throws -> String {
        try JSONOutput.encode(UnitsDocument(self, language: language))
    }
}

struct ThresholdEntry: Encodable, Sendable, Hashable {
    var comparison: String
    var value: Double
    var unit: String
    var scope: String

    init(_ threshold: PlanThreshold, scope: RequirementScope) {
        comparison = threshold.comparison.rawValue
        value = threshold.value
        unit = threshold.unit
        self.scope = scope.rawValue
    }
}

struct FindingEntry: Encodable, Sendable, Hashable {
    var name: String
    @ExplicitNull var township: String?
    @ExplicitNull var line: Int?
    @ExplicitNull var value: Double?
    var detail: String
    var fails: Bool
}

struct PartEntry: Encodable, Sendable, Hashable {
    var code: String
    var status: String
    var source: String
    @ExplicitNull var value: Double?
    @ExplicitNull var threshold: ThresholdEntry?
    var figure: String
    @ExplicitNull var computed: String?
    var evidence: [String]
    @ExplicitNull var contradiction: String?
    var notes: [String]
    var findings: [FindingEntry]

    init(_ part: PartAssessment, language: Language) {
        code = part.part.code
        status = part.status.rawValue
        source = part.source.rawValue
        value = part.value
        threshold = part.part.threshold.map { ThresholdEntry($0, scope: part.part.scope) }
        figure = part.figure.text(language)
        computed = part.part.computation?.rawValue
        evidence = part.evidence
        contradiction = part.contradiction.map { "\($0.location): " + $0.message.text(language) }
        notes = part.notes.map { $0.text(language) }
        findings = part.findings.map {
            FindingEntry(
                name: $0.name, township: $0.township, line: $0.location?.line,
                value: $0.value, detail: $0.detail.text(language), fails: $0.fails)
        }
    }
}

/// One requirement in `indicators.json`: its code, status, figure and threshold, units, the deadline of
/// its status on the plan's timeline, and its parts.
public struct IndicatorEntry: Encodable, Sendable, Hashable {
    var code: String
    var indicator: String
    var area: String
    var title: String
    var status: String
    @ExplicitNull var value: Double?
    @ExplicitNull var threshold: ThresholdEntry?
    var units: [String]
    /// The deadline by which its status must be resolved (`null` when met or when no stage makes it due).
    @ExplicitNull var deadline: String?
    var parts: [PartEntry]

    init(_ assessment: RequirementAssessment, deadline: PlanDate?, language: Language) {
        self.deadline = deadline?.description
        let requirement = assessment.requirement
        code = requirement.code
        indicator = requirement.indicator
        area = requirement.area
        title = requirement.title.text(language)
        status = assessment.status.rawValue
        let single = assessment.parts.count == 1 ? assessment.parts[0] : nil
        value = single?.value
        threshold = single?.part.threshold.map { ThresholdEntry($0, scope: single!.part.scope) }
        units = requirement.units
        parts = assessment.parts.map { PartEntry($0, language: language) }
    }
}

struct UnitsDocument: Encodable, Sendable, Hashable {
    struct Unit: Encodable, Sendable, Hashable {
        var unit: String
        var counts: [String: Int]
        var requirements: [[String: String]]
    }

    var plan: String
    @ExplicitNull var asOf: String?
    @ExplicitNull var stage: String?
    @ExplicitNull var daysLeft: Int?
    var units: [Unit]

    enum CodingKeys: String, CodingKey {
        case plan, stage, units
        case asOf = "as_of"
        case daysLeft = "days_left"
    }

    init(_ assessment: PlanAssessment, language: Language) {
        plan = assessment.plan.title.text(language)
        asOf = assessment.position.map { $0.asOf.description }
        stage = assessment.position?.stage?.name.text(language)
        daysLeft = assessment.position?.daysLeft
        units = assessment.units.map { standing in
            Unit(
                unit: standing.unit,
                counts: Dictionary(
                    uniqueKeysWithValues: RequirementStatus.allCases.map { ($0.rawValue, standing.count($0)) }),
                requirements: standing.requirements.map { ["code": $0.code, "status": $0.status.rawValue] })
        }
    }
}
