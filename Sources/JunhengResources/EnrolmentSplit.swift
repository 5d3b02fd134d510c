/// 按加权学生数分摊: how a multi-stage school's shared stock (areas, equipment value, multimedia rooms) is
/// divided among its stages (DOMAIN.md §1).
///
/// With primary, junior and senior enrolments A, B, C and weights w_p : w_j : w_s (1 : 1.1 : 1.32):
///
///     primary share = w_p·A / (w_p·A + w_j·B + w_s·C),  junior share = w_j·B / (w_p·A + w_j·B + w_s·C)
///
/// A 完全中学 uses junior : senior = 1 : ``completeMiddleSeniorWeight`` (1 : 1.2) instead. Teacher counts
/// come per stage and are not split.
public struct EnrolmentSplit: Sendable, Hashable {
    public var weights: SplitWeights
    public var completeMiddleSeniorWeight: Double

    public init(weights: SplitWeights = SplitWeights(), completeMiddleSeniorWeight: Double = 1.2) {
        self.weights = weights
        self.completeMiddleSeniorWeight = completeMiddleSeniorWeight
    }

    public init(settings: ResourceSettings) {
        self.init(weights: settings.splitWeights, completeMiddleSeniorWeight: settings.completeMiddleSeniorWeight)
    }

    /// The share of the shared stock that belongs to one compulsory stage of a school.
    ///
    /// Only the stages the school type has take part: a 小学 keeps all of its stock for primary even if the
    /// roster shows junior students (the roster reader warns about that). Returns 0 when the weighted
    /// enrolment is 0 (a school without students has nothing to split).
    public func share(
        of stage: SchoolStage, type: SchoolType, primary: Double, junior: Double, senior: Double
    ) -> Double {
        guard type.stages.contains(stage) else { return 0 }
        let a = type.stages.contains(.primary) ? primary : 0
        let b = type.stages.contains(.junior) ? junior : 0
        let c = type.hasSenior ? senior : 0
        let (wp, wj, ws): (Double, Double, Double) =
            type == .completeMiddle
            ? (0, 1, completeMiddleSeniorWeight)
            : (weights.primary, weights.junior, weights.senior)
        let weighted = wp * a + wj * b + ws * c
        guard weighted > 0 else { return 0 }
        switch stage {
        case .primary: return wp * a / weighted
        case .junior: return wj * b / weighted
        }
    }
}
