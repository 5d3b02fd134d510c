public import JunhengCore

/// One checkable part of a requirement: a number against a threshold, or a judgement (达标/未达标 with its
/// evidence). A requirement of one part has one, coded like the requirement (`C36`); a requirement of two
/// parts has two, coded `C31-1` and `C31-2`, as the indicator sheet gives them.
public struct RequirementPart: Sendable, Hashable {
    /// `C36`, or `C31-1` in a requirement of several parts.
    public var code: String
    public var text: LocalizedText
    /// `nil` for a judgement.
    public var threshold: PlanThreshold?
    public var scope: RequirementScope
    /// What junheng computes for it, if anything.
    public var computation: PlanComputation?
    /// The numbers the computation needs besides the threshold (e.g. `yuan_per_student`).
    public var parameters: [String: Double]
    /// A percentage whose 分子 and 分母 are different quantities (teachers' against civil servants' pay),
    /// so that a figure above 100 % is possible; a percentage is otherwise a share of a whole, and a figure
    /// above 100 % (分子 > 分母) is impossible (the plan's `ratio: true`).
    public var ratio: Bool
    /// Where the part is written in the plan file.
    public var location: SourceLocation?

    public init(
        code: String, text: LocalizedText, threshold: PlanThreshold? = nil, scope: RequirementScope = .county,
        computation: PlanComputation? = nil, parameters: [String: Double] = [:], ratio: Bool = false,
        location: SourceLocation? = nil
    ) {
        self.code = code
        self.text = text
        self.threshold = threshold
        self.scope = scope
        self.computation = computation
        self.parameters = parameters
        self.ratio = ratio
        self.location = location
    }

    /// A share that cannot exceed 100 %: a percentage that is not a ``ratio``.
    public var isShare: Bool { threshold?.isPercent == true && !ratio }

    /// A judgement: given as 结论 with 佐证材料, never as a number.
    public var isJudgement: Bool { threshold == nil }

    /// The standard as a reader sees it: `每校 ≥ 4.2 人/百名学生`, or 结论 + 佐证材料 for a judgement.
    public var standard: LocalizedText {
        guard let threshold else {
            return LocalizedText(zh: "达标，附佐证材料", en: "met, with evidence")
        }
        return scope.prefix + threshold.label
    }
}
