public import JunhengCore
public import JunhengReports

/// Every stored year of a subject and grade: mean, share at Ⅲ+ and 校际差异率, each with its change from
/// the previous stored cycle of the same subject and grade (DOMAIN.md §3, year over year).
public struct MonitoringTrend: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var year: Int
        public var grade: MonitoringGrade
        public var subject: String
        public var source: MonitoringResult.Source
        /// The year of the previous stored cycle of this subject and grade, if any.
        @ExplicitNull public var previousYear: Int?
        @ExplicitNull public var mean: Double?
        @ExplicitNull public var meanChange: Double?
        @ExplicitNull public var shareIIIPlus: Double?
        @ExplicitNull public var shareChange: Double?
        @ExplicitNull public var icc: Double?
        @ExplicitNull public var iccChange: Double?
        @ExplicitNull public var meets: Bool?

        enum CodingKeys: String, CodingKey {
            case year, grade, subject, source, mean, icc, meets
            case previousYear = "previous_year"
            case meanChange = "mean_change"
            case shareIIIPlus = "share_iii_plus"
            case shareChange = "share_change"
            case iccChange = "icc_change"
        }

    }

    public var rows: [Row]

    /// Builds the trend from stored results, optionally for one subject and/or one grade.
    public init(results: [MonitoringResult], subject: String? = nil, grade: MonitoringGrade? = nil) {
        let wanted = subject.map(MonitoringSubject.canonical)
        let chosen = results.filter { result in
            (wanted == nil || result.subject == wanted) && (grade == nil || result.grade == grade)
        }
        // Group by subject and grade, then walk the years in order.
        let ordered = chosen.sorted { lhs, rhs in
            let left = (MonitoringSubject.sortKey(lhs.subject), lhs.grade.rawValue, lhs.year)
            let right = (MonitoringSubject.sortKey(rhs.subject), rhs.grade.rawValue, rhs.year)
            if left.0 != right.0 { return left.0 < right.0 }
            if left.1 != right.1 { return left.1 < right.1 }
            return left.2 < right.2
        }
        var rows: [Row] = []
        var previous: MonitoringResult?
        for result in ordered {
            if let last = previous, last.subject != result.subject || last.grade != result.grade { previous = nil }
            func change(_ value: Double?, _ before: Double?) -> Double? {
                guard let value, let before else { return nil }
                return value - before
            }
            rows.append(
                Row(
                    year: result.year, grade: result.grade, subject: result.subject, source: result.source,
                    previousYear: previous?.year, mean: result.mean, meanChange: change(result.mean, previous?.mean),
                    shareIIIPlus: result.shareIIIPlus, shareChange: change(result.shareIIIPlus, previous?.shareIIIPlus),
                    icc: result.icc, iccChange: change(result.icc, previous?.icc), meets: result.meets))
            previous = result
        }
        self.rows = rows
    }

    /// One row per stored year of each subject and grade.
    public func table(differenceRateThreshold: Double = MonitoringSettings.defaultDifferenceRateThreshold)
        -> ReportTable
    {
        let columns = [
            ReportColumn(key: "subject", label: LocalizedText(zh: "学科", en: "Subject")),
            ReportColumn(key: "grade", label: LocalizedText(zh: "年级", en: "Grade")),
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "source", label: LocalizedText(zh: "来源", en: "Source")),
            ReportColumn(key: "mean", label: LocalizedText(zh: "平均分", en: "Mean"), format: .decimal(1)),
            ReportColumn(key: "mean_change", label: LocalizedText(zh: "平均分变化", en: "Δ mean"), format: .decimal(1)),
            ReportColumn(
                key: "share_iii_plus", label: LocalizedText(zh: "Ⅲ级及以上比例", en: "Share at Ⅲ+"), format: .percent(1)),
            ReportColumn(
                key: "share_change", label: LocalizedText(zh: "比例变化", en: "Δ share"), format: .percent(1)),
            ReportColumn(
                key: "icc", label: LocalizedText(zh: "校际差异率", en: "Difference rate (ICC)"), format: .decimal(3)),
            ReportColumn(key: "icc_change", label: LocalizedText(zh: "差异率变化", en: "Δ rate"), format: .decimal(3)),
            ReportColumn(key: "meets", label: LocalizedText(zh: "是否达标", en: "Meets bar")),
        ]
        let table = rows.map { row -> [ReportCell] in
            [
                MonitoringTables.subject(row.subject), MonitoringTables.grade(row.grade), .integer(row.year),
                MonitoringTables.source(row.source), .number(row.mean), .number(row.meanChange),
                .number(row.shareIIIPlus), .number(row.shareChange),
                .number(row.icc, fails: row.icc.map { $0 >= differenceRateThreshold }), .number(row.iccChange),
                MonitoringTables.verdict(row.meets),
            ]
        }
        var notes = [
            LocalizedText(
                zh: "变化为与同一学科、同一年级上一次存储的监测周期相比 (通常相隔三年)。",
                en:
                    "Changes are against the previous stored cycle of the same subject and grade (usually three years earlier)."
            )
        ]
        if rows.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "存储中没有符合条件的质量监测结果; 先用 junheng monitoring import 导入。",
                    en: "No stored monitoring results match; import some with junheng monitoring import first."))
        }
        return ReportTable(
            id: "monitoring-trend", title: LocalizedText(zh: "质量监测历年变化", en: "Quality monitoring year over year"),
            columns: columns, rows: table, notes: notes)
    }
}
