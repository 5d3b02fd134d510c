public import JunhengCore

/// Where a date falls on the plan's timeline: the current stage (the first whose deadline is on or after
/// the date) and the days left to its deadline, or past the last stage and by how many days.
public struct TimelinePosition: Sendable, Hashable {
    public var asOf: PlanDate
    /// The index of the current stage in the timeline; `nil` after the last deadline.
    public var stageIndex: Int?
    /// Days from the date to the current stage's deadline (0 on the deadline itself); after the last
    /// deadline, the days since it, as a negative number.
    public var daysLeft: Int
    public var stage: PlanStage?
    public var lastStage: PlanStage

    public init(asOf: PlanDate, timeline: [PlanStage]) {
        precondition(!timeline.isEmpty, "a plan has at least one stage")
        self.asOf = asOf
        self.lastStage = timeline[timeline.count - 1]
        if let index = timeline.firstIndex(where: { $0.deadline >= asOf }) {
            stageIndex = index
            stage = timeline[index]
            daysLeft = asOf.days(until: timeline[index].deadline)
        } else {
            stageIndex = nil
            stage = nil
            daysLeft = asOf.days(until: lastStage.deadline)
        }
    }

    /// "截至 2024-06-01：自评阶段，2024-06-15 截止，还剩 14 天。"
    public var sentence: LocalizedText {
        guard let stage else {
            return LocalizedText(
                zh: "截至 \(asOf)：各阶段均已结束（最后一个阶段“\(lastStage.name.zh)”于 \(lastStage.deadline) 截止，已过 \(-daysLeft) 天）。",
                en:
                    "As of \(asOf): every stage is over (the last, \(lastStage.name.en), ended on \(lastStage.deadline), \(-daysLeft) days ago)."
            )
        }
        let left =
            daysLeft == 0
            ? LocalizedText(zh: "今天截止", en: "due today")
            : LocalizedText(zh: "还剩 \(daysLeft) 天", en: "\(daysLeft) day\(daysLeft == 1 ? "" : "s") left")
        return LocalizedText(
            zh: "截至 \(asOf)：当前为“\(stage.name.zh)”，\(stage.deadline) 截止，\(left.zh)。",
            en: "As of \(asOf): the current stage is \(stage.name.en), due \(stage.deadline), \(left.en).")
    }
}
