/// One responsible unit (责任单位) and the requirements it answers for, for the 督查通报: what is failing
/// or missing comes first.
public struct UnitStanding: Sendable, Hashable {
    public var unit: String
    /// Its requirements, failed first, then pending, no data, met; in plan order within each.
    public var requirements: [RequirementAssessment]

    public init(unit: String, requirements: [RequirementAssessment]) {
        self.unit = unit
        self.requirements = requirements
    }

    /// How many of its requirements have this status.
    public func count(_ status: RequirementStatus) -> Int {
        requirements.filter { $0.status == status }.count
    }

    /// Its requirements with this status.
    public func codes(_ status: RequirementStatus) -> [String] {
        requirements.filter { $0.status == status }.map(\.code)
    }

    /// Sorts units so that the one with the most failed requirements comes first, then the most pending,
    /// then the most without data; ties keep the plan's order.
    static func ranked(_ units: [UnitStanding]) -> [UnitStanding] {
        units.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.count(.failed), lhs.element.count(.pending), lhs.element.count(.noData))
            let right = (rhs.element.count(.failed), rhs.element.count(.pending), rhs.element.count(.noData))
            if left != right { return left > right }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
