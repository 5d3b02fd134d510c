public import JunhengCore

/// A requirement on the overdue list: not met at the report's date, and past the deadline of the stage
/// that makes its status due (``PlanStage/due``).
public struct OverdueItem: Sendable, Hashable {
    public var assessment: RequirementAssessment
    /// The stage whose deadline has passed.
    public var stage: PlanStage

    public init(assessment: RequirementAssessment, stage: PlanStage) {
        self.assessment = assessment
        self.stage = stage
    }

    public var code: String { assessment.code }
    public var deadline: PlanDate { stage.deadline }
}

extension PlanAssessment {
    /// The overdue list at the report's date: every requirement still failed, pending or without data
    /// whose deadline (the first stage whose `due:` lists its status) is before that date, earliest
    /// deadline first, then by status and plan order. Empty without a date, and before the first deadline.
    public var overdue: [OverdueItem] {
        guard let asOf = position?.asOf else { return [] }
        let items = open.compactMap { assessment -> OverdueItem? in
            guard let stage = plan.deadline(for: assessment.status), stage.deadline < asOf else { return nil }
            return OverdueItem(assessment: assessment, stage: stage)
        }
        return items.enumerated().sorted { ($0.element.deadline, $0.offset) < ($1.element.deadline, $1.offset) }
            .map(\.element)
    }

    /// The earliest deadline that makes any status due, if the plan's timeline has one.
    public var firstDeadline: PlanStage? {
        plan.timeline.first { !$0.due.isEmpty }
    }

    /// The deadline of a requirement's current status, if it is open and the plan makes it due.
    public func deadline(of assessment: RequirementAssessment) -> PlanStage? {
        assessment.status.isOpen ? plan.deadline(for: assessment.status) : nil
    }
}
