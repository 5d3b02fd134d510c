public import JunhengCore

/// The status of a requirement (or of one of its parts), in every output:
/// - `met` / `failed`: computed, or given in the indicator sheet, with the figure and the threshold;
/// - `pending` (待核实): something was given but cannot be accepted yet — 达标 claimed without its
///   evidence file, 分子 without 分母, a figure that cannot be read, or a computation some school's data
///   cannot decide;
/// - `no-data` (无数据): nothing was provided.
///
/// The cases are in the order of urgency, failing first, so sorting by status puts what needs work on top.
public enum RequirementStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case failed
    case pending
    case noData = "no-data"
    case met

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// 达标, 未达标, 待核实, 无数据.
    public var label: LocalizedText {
        switch self {
        case .met: LocalizedText(zh: "达标", en: "met")
        case .failed: LocalizedText(zh: "未达标", en: "failed")
        case .pending: LocalizedText(zh: "待核实", en: "pending")
        case .noData: LocalizedText(zh: "无数据", en: "no data")
        }
    }

    /// `true` met, `false` failed, `nil` pending or no data (for the report's bars).
    public var passes: Bool? {
        switch self {
        case .met: true
        case .failed: false
        case .pending, .noData: nil
        }
    }

    /// Whether the requirement still needs work: failed, pending or without data.
    public var isOpen: Bool { self != .met }

    /// The status of a requirement from its parts' statuses: failed if any part failed; no data if no
    /// part has any; pending if some part is pending or has no data while another has; met if all are met.
    public static func combining(_ parts: [RequirementStatus]) -> RequirementStatus {
        if parts.contains(.failed) { return .failed }
        if parts.allSatisfy({ $0 == .noData }) { return .noData }
        if parts.contains(.pending) || parts.contains(.noData) { return .pending }
        return .met
    }
}
