public import JunhengCore

/// A stage of the plan's timeline (实施步骤) and the date it must be done by.
public struct PlanStage: Sendable, Hashable {
    public var name: LocalizedText
    /// The last day of the stage (…日前 in the plan: done by this day).
    public var deadline: PlanDate
    /// What the stage asks for, as the plan writes it (`task`, `task_en`).
    public var task: LocalizedText?
    /// What must be done by the deadline (`due:`): a requirement still in one of these statuses after it
    /// is overdue (``PlanAssessment/overdue``). A stage whose task asks for complete materials lists
    /// `no-data` and `pending`; one that asks for rectification lists `failed`.
    public var due: [RequirementStatus]

    public init(name: LocalizedText, deadline: PlanDate, task: LocalizedText? = nil, due: [RequirementStatus] = []) {
        self.name = name
        self.deadline = deadline
        self.task = task
        self.due = due
    }
}
