public import JunhengCore

/// A stage of the plan's timeline (实施步骤) and the date it must be done by.
public struct PlanStage: Sendable, Hashable {
    public var name: LocalizedText
    /// The last day of the stage (…日前 in the plan: done by this day).
    public var deadline: PlanDate
    /// What the stage asks for, as the plan writes it.
    public var task: String?

    public init(name: LocalizedText, deadline: PlanDate, task: String? = nil) {
        self.name = name
        self.deadline = deadline
        self.task = task
    }
}
