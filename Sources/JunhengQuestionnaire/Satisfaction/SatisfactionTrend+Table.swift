public import JunhengCore
public import JunhengReports

/// The satisfaction trend as a table: one row per survey × key × year, the rate with its interval, the year
/// it is compared with (and the gap), the change from it and from the first stored year, each with its
/// interval and verdict.
extension SatisfactionTrend {
    /// The header of the cut's key column.
    var keyLabel: LocalizedText {
        switch dimension {
        case "township": LocalizedText(zh: "乡镇", en: "Township")
        case "group": LocalizedText(zh: "群体", en: "Group")
        case "school": LocalizedText(zh: "学校", en: "School")
        case "grade": LocalizedText(zh: "年级", en: "Grade")
        case "item": LocalizedText(zh: "题目", en: "Item")
        case "dimension": LocalizedText(zh: "维度", en: "Dimension")
        case "overall": LocalizedText(zh: "总体", en: "Overall")
        default: LocalizedText(verbatim: dimension)
        }
    }

    /// One row per survey × key × year; `id` names the table (the report gives one per questionnaire).
    public func table(id: String? = nil, title: LocalizedText? = nil) -> ReportTable {
        let keyLabel = keyLabel
        let columns = [
            ReportColumn(key: "survey", label: LocalizedText(zh: "问卷", en: "Survey")),
            ReportColumn(key: "key", label: keyLabel),
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "respondents", label: LocalizedText(zh: "答卷人", en: "Respondents"), format: .integer),
            ReportColumn(key: "rate", label: LocalizedText(zh: "满意度", en: "Rate"), format: .percent(1)),
            ReportColumn(key: "ci95", label: LocalizedText(zh: "95%区间", en: "95% CI")),
            ReportColumn(key: "previous", label: LocalizedText(zh: "上次", en: "Previous")),
            ReportColumn(key: "change", label: LocalizedText(zh: "较上次 [95%区间]", en: "Change [95% CI]")),
            ReportColumn(key: "verdict", label: LocalizedText(zh: "判断", en: "Verdict")),
            ReportColumn(key: "change_from_first", label: LocalizedText(zh: "较首个存储年份", en: "Since first year")),
            ReportColumn(key: "verdict_from_first", label: LocalizedText(zh: "判断", en: "Verdict")),
            ReportColumn(key: "meets", label: LocalizedText(zh: "是否达标", en: "Meets bar")),
        ]
        let threshold = ReportThreshold(.atLeast, 0.85)
        let table = rows.map { row -> [ReportCell] in
            [
                .text(row.survey), .text(row.key.isEmpty ? "—" : row.key), .integer(row.year),
                .integer(row.respondents),
                .number(row.rate.value, fails: row.meets.map { !$0 }, threshold: threshold),
                row.rate.intervalCell(.percent(1)), row.rate.change?.fromCell ?? .empty,
                row.rate.change?.cell(.percent(1)) ?? .empty,
                row.rate.change?.verdictCell(riseIsGood: true) ?? .empty,
                row.rate.changeFromFirst?.cell(.percent(1)) ?? .empty,
                row.rate.changeFromFirst?.verdictCell(riseIsGood: true) ?? .empty,
                row.meets.map(ReportCell.verdict) ?? .label(LocalizedText(zh: "未知", en: "unknown")),
            ]
        }
        let same =
            dimension == "overall"
            ? LocalizedText(zh: "同一问卷", en: "the same survey")
            : LocalizedText(zh: "同一问卷、同一\(keyLabel.zh)", en: "the same survey and \(keyLabel.en.lowercased())")
        var notes = [
            LocalizedText(
                zh: "变化与\(same.zh)上一次存储的年份相比，也与首个存储年份相比。变化的 95%区间为 "
                    + "d ± 1.96·√(var₁ + var₂)，var 为以答卷人为群的比率估计量的线性化方差；区间不含 0 才判断“上升”或“下降”，"
                    + "含 0 为“无显著变化”：这样大小的变化单凭抽到哪些人答卷就可能出现。",
                en: "Changes are against the previous stored year of \(same.en), and against the first stored "
                    + "year. A change d has the 95% CI "
                    + "d ± 1.96·√(var₁ + var₂), each var the linearised variance of the rate over respondents; only an "
                    + "interval that excludes 0 is a rise or a fall, one that holds 0 is no significant change: a "
                    + "change that size can come from who happened to answer.")
        ]
        var seen = Set<LocalizedText>()
        for row in rows {
            let year = LocalizedText(verbatim: "\(row.year) \(row.survey)")
            let name = year + LocalizedText(verbatim: row.key.isEmpty ? "" : " " + row.key)
            let changeCaveats = [row.rate.change, row.rate.changeFromFirst].compactMap { $0 }.flatMap(\.caveats)
            let said =
                row.yearCaveats.map { year + LocalizedText(zh: "：", en: ": ") + $0 }
                + (row.caveats + changeCaveats).map { name + LocalizedText(zh: "：", en: ": ") + $0 }
            for note in said where seen.insert(note).inserted { notes.append(note) }
        }
        if rows.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "历史库中没有满意度结果; 先用 junheng satisfaction … --year Y --save 存入。",
                    en: "No satisfaction results stored; save some with junheng satisfaction … --year Y --save first."))
        }
        return ReportTable(
            id: id ?? "satisfaction-trend-\(dimension)",
            title: title
                ?? (dimension == "overall"
                    ? LocalizedText(zh: "社会认可度历年变化 (总体)", en: "Satisfaction year over year (overall)")
                    : LocalizedText(
                        zh: "社会认可度历年变化 (按\(keyLabel.zh))",
                        en: "Satisfaction year over year (by \(keyLabel.en.lowercased()))")),
            columns: columns, rows: table, notes: notes)
    }
}
