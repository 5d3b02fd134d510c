public import JunhengCore
public import JunhengReports

/// The trend as tables: one per figure (mean, share at Ⅲ+, 校际差异率), so each fits a screen; every row a
/// stored year with its interval, the previous cycle it is compared with (and the gap in years), the change
/// from it and from the first stored year, each with its interval and verdict.
extension MonitoringTrend {
    /// The three figures of a trend.
    public enum Figure: String, Sendable, Hashable, CaseIterable {
        case mean
        case share
        case icc
    }

    /// The tables of `figures` (all three by default), in that order.
    public func tables(
        _ figures: [Figure] = Figure.allCases,
        differenceRateThreshold: Double = MonitoringSettings.defaultDifferenceRateThreshold
    ) -> [ReportTable] {
        figures.map { table($0, differenceRateThreshold: differenceRateThreshold) }
    }

    func table(_ figure: Figure, differenceRateThreshold: Double) -> ReportTable {
        let name: LocalizedText
        let format: ReportNumberFormat
        let value: (Row) -> TrendFigure
        switch figure {
        case .mean:
            (name, format, value) = (LocalizedText(zh: "平均分", en: "Mean"), .decimal(1), { $0.mean })
        case .share:
            (name, format, value) = (
                LocalizedText(zh: "Ⅲ级及以上比例", en: "Share at Ⅲ+"), .percent(1), { $0.shareIIIPlus }
            )
        case .icc:
            (name, format, value) = (
                LocalizedText(zh: "校际差异率", en: "Between-school difference rate (ICC)"), .decimal(3), { $0.icc }
            )
        }
        var columns = [
            ReportColumn(key: "subject", label: LocalizedText(zh: "学科", en: "Subject")),
            ReportColumn(key: "grade", label: LocalizedText(zh: "年级", en: "Grade")),
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "source", label: LocalizedText(zh: "来源", en: "Source")),
            ReportColumn(key: "value", label: name, format: format),
            ReportColumn(key: "ci95", label: LocalizedText(zh: "95%区间", en: "95% CI")),
            ReportColumn(key: "previous", label: LocalizedText(zh: "上一周期", en: "Previous cycle")),
            ReportColumn(key: "change", label: LocalizedText(zh: "较上一周期 [95%区间]", en: "Change [95% CI]")),
            ReportColumn(key: "verdict", label: LocalizedText(zh: "判断", en: "Verdict")),
            ReportColumn(key: "change_from_first", label: LocalizedText(zh: "较首个存储年份", en: "Since first year")),
            ReportColumn(key: "verdict_from_first", label: LocalizedText(zh: "判断", en: "Verdict")),
        ]
        if figure == .icc {
            columns.append(ReportColumn(key: "meets", label: LocalizedText(zh: "是否达标", en: "Meets bar")))
        }
        let riseIsGood = figure != .icc
        let table = rows.map { row -> [ReportCell] in
            let shown = value(row)
            var cells: [ReportCell] = [
                MonitoringTables.subject(row.subject), MonitoringTables.grade(row.grade), .integer(row.year),
                MonitoringTables.source(row.source),
                figure == .icc
                    ? .number(shown.value, fails: shown.value.map { $0 >= differenceRateThreshold })
                    : .number(shown.value),
                shown.value == nil ? .label(MonitoringTables.unknown) : shown.intervalCell(format),
                shown.change?.fromCell ?? .empty, shown.change?.cell(format) ?? .empty,
                shown.change?.verdictCell(riseIsGood: riseIsGood) ?? .empty,
                shown.changeFromFirst?.cell(format) ?? .empty,
                shown.changeFromFirst?.verdictCell(riseIsGood: riseIsGood) ?? .empty,
            ]
            if figure == .icc { cells.append(MonitoringTables.verdict(row.meets)) }
            return cells
        }
        return ReportTable(
            id: "monitoring-trend-\(figure.rawValue)",
            title: LocalizedText(zh: "质量监测历年变化：", en: "Quality monitoring year over year: ") + name,
            columns: columns, rows: table, notes: notes(figure, value: value))
    }

    func notes(_ figure: Figure, value: (Row) -> TrendFigure) -> [LocalizedText] {
        var notes = [
            LocalizedText(
                zh: "变化与同一学科、同一年级上一次存储的监测周期相比（轮换制下通常相隔三年，“上一周期”写明相隔年数），"
                    + "也与首个存储年份相比。",
                en: "Changes are against the previous stored cycle of the same subject and grade (under the rotation "
                    + "usually three years earlier; the previous-cycle column names the gap) and against the first "
                    + "stored year.")
        ]
        switch figure {
        case .mean, .share:
            notes.append(
                LocalizedText(
                    zh: "95%区间：以学校为群的比率估计量 r = Σy/Σm 及其线性化方差；变化 d 的区间为 d ± 1.96·√(var₁ + var₂)。"
                        + "区间不含 0 才判断“上升”或“下降”；含 0 为“无显著变化”：这样大小的变化单凭抽到哪些学生就可能出现。",
                    en:
                        "95% CI: the ratio estimator r = Σy/Σm over schools with its linearised variance; a change d has "
                        + "the interval d ± 1.96·√(var₁ + var₂). Only an interval that excludes 0 is a rise or a fall; "
                        + "one that holds 0 is no significant change: a change that size can come from which students "
                        + "happened to be tested."))
        case .icc:
            notes.append(
                LocalizedText(
                    zh: "校际差异率的 95%区间为 F 分布区间（Searle，用 n0 校正），下限低于 0 时记为 0。差异率的变化没有自己的区间："
                        + "两年区间不重叠才判断“上升”或“下降”，重叠时不作判断。",
                    en:
                        "The between-school difference rate's 95% CI is Searle's F-distribution interval (with n0), a bound below 0 shown "
                        + "as 0. Its change has no interval of its own: it is called a rise or a fall only when the two "
                        + "years' intervals do not overlap, and otherwise given no verdict."))
        }
        for row in rows {
            let name = LocalizedText(
                zh: "\(row.year) \(row.grade.label)\(row.subject)：",
                en: "\(row.year) \(row.grade.englishLabel) \(MonitoringSubject.englishName(row.subject)): ")
            let shown = value(row)
            let changeCaveats = [shown.change, shown.changeFromFirst].compactMap { $0 }.flatMap(\.caveats)
            var seen = Set<LocalizedText>()
            for caveat in (row.caveats + changeCaveats) where seen.insert(caveat).inserted {
                notes.append(name + caveat)
            }
        }
        if rows.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "存储中没有符合条件的质量监测结果; 先用 junheng monitoring import 导入。",
                    en: "No stored monitoring results match; import some with junheng monitoring import first."))
        }
        return notes
    }
}
