public import JunhengCore

/// The national acceptance verdict for resources in one stage (教督〔2017〕6号, DOMAIN.md §1): every
/// counted school part meets the school rule (at least 6 of the 7 indicators, the rest at 85 % of their
/// standards) and the largest 差异系数 of the seven is within the stage's limit (0.50 primary, 0.45
/// junior).
///
/// It differs from the plan's reading of C1–C14 (every school at each standard): a school may miss one
/// indicator a little and still meet this rule.
public struct AcceptanceVerdict: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        case met
        case failed
        /// Some 差异系数 cannot be computed (a county value of 0) and no school fails.
        case pending
        /// No school part of the stage is counted.
        case noData = "no-data"
    }

    public var stage: SchoolStage
    /// School parts counted.
    public var schools: Int
    /// Those meeting the school rule.
    public var schoolsMeeting: Int
    /// The largest 差异系数 of the seven indicators; `nil` when none can be computed.
    public var cvMax: Double?
    /// The indicator (B1–B7) with the largest 差异系数.
    public var cvMaxIndicator: String?
    public var cvLimit: Double
    public var status: Status

    public init(
        stage: SchoolStage, schools: Int, schoolsMeeting: Int, cvMax: Double?, cvMaxIndicator: String?,
        cvLimit: Double, status: Status
    ) {
        self.stage = stage
        self.schools = schools
        self.schoolsMeeting = schoolsMeeting
        self.cvMax = cvMax
        self.cvMaxIndicator = cvMaxIndicator
        self.cvLimit = cvLimit
        self.status = status
    }

    /// 达标, 未达标, 待核实, 无数据.
    public var label: LocalizedText {
        switch status {
        case .met: LocalizedText(zh: "达标", en: "met")
        case .failed: LocalizedText(zh: "未达标", en: "failed")
        case .pending: LocalizedText(zh: "待核实", en: "pending")
        case .noData: LocalizedText(zh: "无数据", en: "no data")
        }
    }

    /// `true` met, `false` failed, `nil` otherwise.
    public var passes: Bool? {
        switch status {
        case .met: true
        case .failed: false
        case .pending, .noData: nil
        }
    }
}

extension ResourceReport {
    /// The national acceptance verdict of a stage, from the schools' 6-of-7 results and the 差异系数 of
    /// the seven indicators computed with this report's settings.
    public func acceptance(_ stage: SchoolStage) -> AcceptanceVerdict {
        let counted = schools.filter { $0.stage == stage }
        let balances = indicators.filter { $0.stage == stage }
        let limit = settings.cvThreshold(stage)
        let largest = balances.filter { $0.cv != nil }.max { $0.cv! < $1.cv! }
        let meeting = counted.filter(\.passes).count
        let status: AcceptanceVerdict.Status
        if counted.isEmpty {
            status = .noData
        } else if meeting < counted.count || balances.contains(where: { $0.balanced == false }) {
            status = .failed
        } else if balances.contains(where: { $0.balanced == nil }) {
            status = .pending
        } else {
            status = .met
        }
        return AcceptanceVerdict(
            stage: stage, schools: counted.count, schoolsMeeting: meeting, cvMax: largest?.cv,
            cvMaxIndicator: largest?.code, cvLimit: limit, status: status)
    }
}
