public import JunhengCore

/// A county's plan as data (`plan/plan.yaml`, format in plan/README.md): the target task list of 附件2 —
/// areas (A), indicators (B) and requirements (C), each requirement with its parts, thresholds and
/// responsible units — and the timeline of 四、实施步骤.
public struct CountyPlan: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    /// Where the plan comes from (a document number), as written.
    public var source: String?
    /// The county the plan is for (`county:`, `county_en:`): the report's title carries it.
    public var county: LocalizedText?
    /// The unit that issued the plan (`issuer:`), e.g. 蒙城县人民政府办公室.
    public var issuer: LocalizedText?
    /// The plan's document number (`document:`), e.g. 蒙政办秘〔2024〕10号.
    public var document: String?
    /// 附件3, quoted (`accountability:`).
    public var accountability: PlanAccountability?
    /// The national acceptance rule for resources, quoted (`acceptance:`).
    public var acceptance: AcceptanceRule?
    public var timeline: [PlanStage]
    public var areas: [PlanArea]
    /// The plan file.
    public var file: String
    /// The responsible units' names in English (`units_en`), by unit.
    public var unitNamesEn: [String: String] = [:]

    public init(
        id: String, title: LocalizedText, source: String? = nil, county: LocalizedText? = nil,
        issuer: LocalizedText? = nil, document: String? = nil, accountability: PlanAccountability? = nil,
        acceptance: AcceptanceRule? = nil, timeline: [PlanStage], areas: [PlanArea], file: String
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.county = county
        self.issuer = issuer
        self.document = document
        self.accountability = accountability
        self.acceptance = acceptance
        self.timeline = timeline
        self.areas = areas
        self.file = file
    }

    /// The plan as a citation: its document number, else its source, else its title; a number or source is
    /// a name, quoted as written in English (``ProperName``).
    public var documentName: LocalizedText {
        if let document { return LocalizedText.name(document) }
        if let source { return LocalizedText.name(source) }
        return title
    }

    /// The stage by whose deadline a requirement with this status must be done (the first stage whose
    /// `due:` lists it), if any.
    public func deadline(for status: RequirementStatus) -> PlanStage? {
        timeline.first { $0.due.contains(status) }
    }

    /// Every requirement in plan order.
    public var requirements: [PlanRequirement] {
        areas.flatMap { $0.indicators.flatMap(\.requirements) }
    }

    /// Every part in plan order.
    public var parts: [RequirementPart] {
        requirements.flatMap(\.parts)
    }

    /// The requirement with this code (`C31`), if any.
    public func requirement(_ code: String) -> PlanRequirement? {
        requirements.first { $0.code == code }
    }

    /// The area of a requirement.
    public func area(of requirement: PlanRequirement) -> PlanArea? {
        areas.first { $0.code == requirement.area }
    }

    /// Every responsible unit, in the order they first appear in the plan.
    public var units: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for requirement in requirements {
            for unit in requirement.units where seen.insert(unit).inserted { result.append(unit) }
        }
        return result
    }

    /// A responsible unit's name in both languages: in English its `units_en` name, else the Chinese name
    /// marked as a proper name (``LocalizedText/name(_:)``).
    public func unitLabel(_ unit: String) -> LocalizedText {
        LocalizedText(zh: unit, en: unitNamesEn[unit] ?? ProperName.mark(unit))
    }

    /// Units as a list in both languages: `县教育局、县财政局`, `County Education Bureau, County Finance Bureau`.
    public func unitList(_ units: [String]) -> LocalizedText {
        LocalizedText(
            zh: units.joined(separator: "、"), en: units.map { unitLabel($0).en }.joined(separator: ", "))
    }

    /// The threshold of the part computed by `computation`, if the plan has one.
    public func threshold(for computation: PlanComputation) -> PlanThreshold? {
        part(for: computation)?.threshold
    }

    /// The part computed by `computation`, if the plan has one.
    public func part(for computation: PlanComputation) -> RequirementPart? {
        parts.first { $0.computation == computation }
    }
}
