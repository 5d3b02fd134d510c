public import JunhengCore
public import JunhengReports

/// 社会认可度 year over year for one dimension (e.g. by township), from the stored satisfaction cells:
/// each key's rate per year with its change from that key's previous stored year (DOMAIN.md §4).
public struct SatisfactionTrend: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var survey: String
        public var key: String
        public var year: Int
        public var answered: Int
        @ExplicitNull public var rate: Double?
        @ExplicitNull public var ciLow: Double?
        @ExplicitNull public var ciHigh: Double?
        @ExplicitNull public var previousYear: Int?
        @ExplicitNull public var change: Double?
        @ExplicitNull public var meets: Bool?

        enum CodingKeys: String, CodingKey {
            case survey, key, year, answered, rate, change, meets
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case previousYear = "previous_year"
        }

    }

    public var dimension: String
    public var rows: [Row]

    /// Builds the trend from cells of one dimension (as ``HistoryStore/satisfactionTrend(by:)`` returns them).
    public init(dimension: String, cells: [SatisfactionCellRecord]) {
        self.dimension = dimension
        let ordered = cells.filter { $0.dimension == dimension }.sorted {
            ($0.survey, $0.key, $0.year) < ($1.survey, $1.key, $1.year)
        }
        var rows: [Row] = []
        var previous: SatisfactionCellRecord?
        for cell in ordered {
            if let last = previous, last.survey != cell.survey || last.key != cell.key { previous = nil }
            var change: Double?
            if let rate = cell.rate, let before = previous?.rate { change = rate - before }
            rows.append(
                Row(
                    survey: cell.survey, key: cell.key, year: cell.year, answered: cell.answered, rate: cell.rate,
                    ciLow: cell.ciLow, ciHigh: cell.ciHigh, previousYear: previous?.year, change: change,
                    meets: cell.meets))
            previous = cell
        }
        self.rows = rows
    }

    /// One row per survey × key × year.
    public func table() -> ReportTable {
        let keyLabel: LocalizedText =
            switch dimension {
            case "township": LocalizedText(zh: "乡镇", en: "Township")
            case "group": LocalizedText(zh: "群体", en: "Group")
            case "school": LocalizedText(zh: "学校", en: "School")
            case "item": LocalizedText(zh: "题目", en: "Item")
            default: LocalizedText(verbatim: dimension)
            }
        let columns = [
            ReportColumn(key: "survey", label: LocalizedText(zh: "问卷", en: "Survey")),
            ReportColumn(key: "key", label: keyLabel),
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "answered", label: LocalizedText(zh: "有效回答", en: "Valid answers"), format: .integer),
            ReportColumn(key: "rate", label: LocalizedText(zh: "满意度", en: "Rate"), format: .percent(1)),
            ReportColumn(key: "ci_low", label: LocalizedText(zh: "95%区间下限", en: "95% CI low"), format: .percent(1)),
            ReportColumn(key: "ci_high", label: LocalizedText(zh: "95%区间上限", en: "95% CI high"), format: .percent(1)),
            ReportColumn(key: "change", label: LocalizedText(zh: "较上次变化", en: "Δ since previous"), format: .percent(1)),
            ReportColumn(key: "meets", label: LocalizedText(zh: "是否达标(≥85%)", en: "Meets (≥ 85 %)")),
        ]
        let table = rows.map { row -> [ReportCell] in
            [
                .text(row.survey), .text(row.key.isEmpty ? "—" : row.key), .integer(row.year), .integer(row.answered),
                .number(row.rate, fails: row.meets.map { !$0 }), .number(row.ciLow), .number(row.ciHigh),
                .number(row.change),
                row.meets.map(ReportCell.verdict) ?? .label(LocalizedText(zh: "未知", en: "unknown")),
            ]
        }
        var notes = [
            LocalizedText(
                zh: "变化为与同一问卷、同一\(keyLabel.zh)上一次存储的年份相比。",
                en: "Changes are against the previous stored year of the same survey and \(keyLabel.en.lowercased()).")
        ]
        if rows.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "历史库中没有满意度结果; 先用 junheng satisfaction … --year Y --save 存入。",
                    en: "No satisfaction results stored; save some with junheng satisfaction … --year Y --save first."))
        }
        return ReportTable(
            id: "satisfaction-trend-\(dimension)",
            title: LocalizedText(
                zh: "社会认可度历年变化 (按\(keyLabel.zh))", en: "Satisfaction year over year (by \(keyLabel.en.lowercased()))"),
            columns: columns, rows: table, notes: notes)
    }
}
