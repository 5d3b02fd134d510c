/// How a figure is compared with its threshold: `≥ 4.2`, `≤ 45`, `< 0.15`.
public enum ThresholdComparison: String, Sendable, Hashable, Codable, CaseIterable {
    case atLeast = ">="
    case above = ">"
    case atMost = "<="
    case below = "<"
    case equal = "="

    /// The sign as the plan and the report write it.
    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .above: ">"
        case .atMost: "≤"
        case .below: "<"
        case .equal: "="
        }
    }

    /// Whether `value` satisfies `value <comparison> threshold`.
    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .atLeast: value >= threshold
        case .above: value > threshold
        case .atMost: value <= threshold
        case .below: value < threshold
        case .equal: value == threshold
        }
    }

    /// A floor (≥, >) keeps the lowest figure as the binding one, a ceiling (≤, <) the highest.
    public var isFloor: Bool { self == .atLeast || self == .above }

    /// The comparison at the start of `text` (`≥`, `>=`, `＞` …) and the rest, or `nil`.
    static func prefix(of text: String) -> (ThresholdComparison, Substring)? {
        let forms: [(String, ThresholdComparison)] = [
            (">=", .atLeast), ("≥", .atLeast), ("≧", .atLeast), ("<=", .atMost), ("≤", .atMost), ("≦", .atMost),
            (">", .above), ("<", .below), ("=", .equal),
        ]
        for (form, comparison) in forms where text.hasPrefix(form) {
            return (comparison, text.dropFirst(form.count))
        }
        return nil
    }
}
