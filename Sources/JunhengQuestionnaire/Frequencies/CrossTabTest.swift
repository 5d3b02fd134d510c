public import JunhengStatistics

/// The χ² test of independence of a cross-tab: do the answers depend on the group? (Pearson's test,
/// ``ChiSquareIndependence``, over the groups × options table of counts, without a continuity
/// correction, and Cramér's V.) A 2 × 2 table with an expected count under 5 also gives Yates'
/// corrected χ² and Fisher's exact p beside it (``smallTableAlternatives``).
///
/// Respondents without a group value (`(未填)`, `(组外)`) are shown in the cross-tab but left out of
/// the test. A multiple choice is not tested: one respondent may be counted under several options,
/// so the cells are not independent counts.
public enum CrossTabTest: Sendable, Hashable {
    case tested(ChiSquareIndependence)
    case undefined(ChiSquareIndependence.Undefined)
    /// The question is a multiple choice.
    case notApplicable

    /// Tests a table of counts, groups × options.
    static func run(_ table: [[Int]]) -> CrossTabTest {
        switch ChiSquareIndependence.test(table) {
        case .success(let test): .tested(test)
        case .failure(let reason): .undefined(reason)
        }
    }

    /// The JSON flag: `expected-under-5` when the test stands with small expected counts, the reason
    /// when there is no test, `nil` when the test stands as is.
    public var flag: String? {
        switch self {
        case .tested(let test): test.isFlagged ? "expected-under-5" : nil
        case .undefined(let reason): reason.rawValue
        case .notApplicable: "multiple-choice"
        }
    }

    /// Yates' corrected χ² and Fisher's exact p, when the table is 2 × 2 and an expected count is under 5
    /// (where Pearson's p is only approximate); `nil` otherwise.
    public var smallTableAlternatives: (yates: YatesCorrection, fisherP: Double)? {
        guard let test, test.isFlagged, let yates = test.yates, let fisher = test.fisherExactP else { return nil }
        return (yates, fisher)
    }

    /// The method of the statistic: `pearson` (no continuity correction) when there is a test.
    public var method: String? { test == nil ? nil : "pearson" }

    public var test: ChiSquareIndependence? {
        if case .tested(let test) = self { return test }
        return nil
    }
}
