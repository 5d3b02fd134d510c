public import JunhengCore
public import JunhengReports

/// The quality-monitoring part of the county report (教育质量, A3 / B31): bars per subject and grade, a
/// trend chart per subject, and the tables (DOMAIN.md §3).
public enum MonitoringReport {
    /// 责任单位 of indicator B31 in the seed's 附件2.
    public static let responsibleUnits = [LocalizedText(zh: "县教育局", en: "County Education Bureau")]

    /// A report section from every stored result (the history); bars use each subject and grade's latest year.
    public static func reportSection(history: [MonitoringResult], settings: MonitoringSettings = MonitoringSettings())
        -> ReportSection
    {
        let results = history.sorted(by: MonitoringResult.ordered)
        var latest: [String: MonitoringResult] = [:]
        for result in results { latest["\(result.subject)#\(result.grade.rawValue)"] = result }
        let threshold = NumberFormat.fixed(settings.differenceRateThreshold, 2)
        let bars = latest.values.sorted { lhs, rhs in
            let left = MonitoringSubject.sortKey(lhs.subject)
            let right = MonitoringSubject.sortKey(rhs.subject)
            return left != right ? left < right : lhs.grade < rhs.grade
        }.map { result -> BarCheck in
            let level =
                result.meanLevel.map {
                    LocalizedText(zh: "水平\($0.numeral)", en: "level \($0.numeral)")
                } ?? LocalizedText(zh: "水平未知", en: "level unknown")
            let shareBar = ReportThreshold(.atLeast, settings.shareThreshold)
            let share =
                result.shareIIIPlus.map {
                    LocalizedText(verbatim: "Ⅲ+ " + NumberText.format($0, .percent(1), threshold: shareBar))
                } ?? LocalizedText(zh: "Ⅲ+ 未知", en: "Ⅲ+ unknown")
            let rateBar = ReportThreshold(.below, settings.differenceRateThreshold)
            let rate =
                result.icc.map {
                    let figure = NumberText.format(
                        $0, .decimal(3), threshold: rateBar, fails: result.meetsDifferenceRate.map { !$0 })
                    return LocalizedText(zh: "差异率 " + figure, en: "between-school difference rate " + figure)
                } ?? LocalizedText(zh: "差异率未知", en: "between-school difference rate unknown")
            let reading =
                settings.decidingReading == .meanLevel
                ? LocalizedText(zh: "平均水平≥Ⅲ", en: "mean level ≥ Ⅲ")
                : LocalizedText(verbatim: "Ⅲ+≥\(NumberFormat.percent(settings.shareThreshold))")
            let dot = LocalizedText(verbatim: " · ")
            return BarCheck(
                area: LocalizedText(zh: "教育质量", en: "Education quality"),
                name: LocalizedText(
                    zh: "\(result.year) \(result.grade.label)\(result.subject): 学业水平Ⅲ级以上且校际差异率<\(threshold)",
                    en:
                        "\(result.year) \(result.grade.englishLabel) \(MonitoringSubject.englishName(result.subject)): level Ⅲ+ and between-school difference rate < \(threshold)"
                ),
                figure: level + dot + share + dot + rate,
                threshold: reading + LocalizedText(verbatim: "; <\(threshold)"),
                passes: result.meets,
                responsibleUnits: responsibleUnits)
        }
        return ReportSection(
            id: "monitoring",
            title: LocalizedText(zh: "教育质量: 国家义务教育质量监测", en: "Education quality: national quality monitoring"),
            bars: bars, charts: charts(results, settings: settings),
            tables: [MonitoringTables.results(results, settings: settings, notes: [])]
                + MonitoringTrend(results: results).tables(differenceRateThreshold: settings.differenceRateThreshold)
                + [MonitoringTables.schools(results)],
            notes: MonitoringNotes.method(settings: settings) + results.flatMap(MonitoringNotes.caveats))
    }

    /// Two line charts per subject across the stored years: the mean score, and the Ⅲ+ share with the
    /// 校际差异率 (ratios share one axis; scores need their own). Each year's point carries its 95 % interval as
    /// whiskers (``MonitoringTrend``); a point is coloured only for failing the 校际差异率 bar, never for a change.
    static func charts(_ results: [MonitoringResult], settings: MonitoringSettings) -> [ReportChart] {
        let trend = MonitoringTrend(results: results)
        let subjects = Set(results.map(\.subject)).sorted {
            MonitoringSubject.sortKey($0) < MonitoringSubject.sortKey($1)
        }
        var charts: [ReportChart] = []
        for subject in subjects {
            let ofSubject = trend.rows.filter { $0.subject == subject }
            let grades = Set(ofSubject.map(\.grade)).sorted()
            var means: [ReportChart.Series] = []
            var ratios: [ReportChart.Series] = []
            for grade in grades {
                let rows = ofSubject.filter { $0.grade == grade }
                func points(_ figure: (MonitoringTrend.Row) -> TrendFigure, fails: (Double) -> Bool = { _ in false })
                    -> [ReportChart.Point]
                {
                    rows.compactMap { row in
                        let shown = figure(row)
                        return shown.value.map {
                            ReportChart.Point(
                                label: LocalizedText(verbatim: String(row.year)), value: $0, interval: shown.ci95,
                                fails: fails($0))
                        }
                    }
                }
                means.append(
                    ReportChart.Series(
                        name: LocalizedText(zh: "\(grade.label)平均分", en: "\(grade.englishLabel) mean"),
                        points: points { $0.mean }))
                ratios.append(
                    ReportChart.Series(
                        name: LocalizedText(zh: "\(grade.label)Ⅲ级及以上比例", en: "\(grade.englishLabel) share at Ⅲ+"),
                        points: points { $0.shareIIIPlus }))
                ratios.append(
                    ReportChart.Series(
                        name: LocalizedText(
                            zh: "\(grade.label)校际差异率", en: "\(grade.englishLabel) between-school difference rate"),
                        points: points({ $0.icc }, fails: { $0 >= settings.differenceRateThreshold })))
            }
            let english = MonitoringSubject.englishName(subject)
            charts.append(
                ReportChart(
                    id: "monitoring-mean-\(subject)",
                    title: LocalizedText(
                        zh: "\(subject)平均分历年变化（竖线为 95%区间）", en: "\(english): mean score by year (bars: 95% CI)"),
                    kind: .lines, series: means, format: .decimal(1)))
            charts.append(
                ReportChart(
                    id: "monitoring-rates-\(subject)",
                    title: LocalizedText(
                        zh: "\(subject)Ⅲ级及以上比例与校际差异率历年变化（竖线为 95%区间）",
                        en: "\(english): share at Ⅲ+ and between-school difference rate by year (bars: 95% CI)"),
                    kind: .lines, series: ratios,
                    references: [
                        ReportChart.Reference(
                            label: LocalizedText(zh: "校际差异率 0.15", en: "between-school difference rate 0.15"),
                            value: settings.differenceRateThreshold)
                    ], format: .decimal(2)))
        }
        return charts
    }
}
