import JunhengCore
public import JunhengReports

extension SatisfactionResult {
    /// The 社会认可度 section of the county report: the 85 % bar (one-vote veto), the sample checks,
    /// charts of satisfaction by township (sorted, with 95 % intervals and the 85 % line) and by group,
    /// and tables by township, group, item and dimension.
    public func reportSection() -> ReportSection {
        let bar = NumberText.format(settings.threshold, .percent(0))
        var barName =
            LocalizedText(zh: "\(survey.title.zh) 满意度（一票否决）", en: "\(survey.title.en) satisfaction (veto)")
            + itemsQualifier
        if partial { barName = barName + LocalizedText(zh: "——部分结果", en: " — partial") }
        var bars = [
            BarCheck(
                area: LocalizedText(zh: "社会认可度", en: "Social recognition"),
                name: barName,
                figure: overall.rate.map {
                    NumberText.format(
                        $0, .percent(1), threshold: ReportThreshold(.atLeast, settings.threshold),
                        fails: overall.meetsThreshold.map { !$0 })
                } ?? "—", threshold: "≥ \(bar)",
                passes: overall.meetsThreshold)
        ]
        for check in sampleChecks {
            switch check.kind {
            case .parentShare:
                bars.append(
                    BarCheck(
                        area: LocalizedText(zh: "社会认可度", en: "Social recognition"),
                        name: LocalizedText(zh: "样本中家长占比", en: "Parents' share of the sample"),
                        figure: NumberText.format(
                            check.value, .percent(1), threshold: ReportThreshold(.atLeast, check.required),
                            fails: !check.passes),
                        threshold: "≥ " + NumberText.format(check.required, .percent(0)), passes: check.passes))
            case .sampleSize:
                bars.append(
                    BarCheck(
                        area: LocalizedText(zh: "社会认可度", en: "Social recognition"),
                        name: LocalizedText(zh: "样本量（常住人口 1.5‰）", en: "Sample size (1.5 ‰ of population)"),
                        figure: NumberText.format(check.value, .integer),
                        threshold: "≥ " + NumberText.format(check.required, .integer), passes: check.passes))
            }
        }
        let reference = ReportChart.Reference(
            label: LocalizedText(zh: "85%达标线", en: "85 % bar"), value: settings.threshold)
        func points(_ cells: [SatisfactionCell]) -> [ReportChart.Point] {
            cells.compactMap { cell in
                guard let rate = cell.rate else { return nil }
                return ReportChart.Point(
                    label: LocalizedText(
                        zh: cell.label.map(\.zh).joined(separator: " / "),
                        en: cell.label.map(\.en).joined(separator: " / ")),
                    value: rate,
                    interval: cell.ci95,
                    fails: !(cell.meetsThreshold ?? true))
            }
        }
        var charts: [ReportChart] = []
        var chartQualifier = itemsQualifier
        if partial { chartQualifier = chartQualifier + LocalizedText(zh: "——部分结果", en: " — partial") }
        let townships = (breakdowns[.township] ?? []).filter { $0.rate != nil }
            .sorted { ($0.rate!, $0.key.joined(separator: "\u{1F}")) > ($1.rate!, $1.key.joined(separator: "\u{1F}")) }
        if !townships.isEmpty, survey.question(role: .township) != nil {
            charts.append(
                ReportChart(
                    id: "satisfaction-township-\(survey.id)",
                    title: LocalizedText(
                        zh: "各乡镇满意度（\(survey.title.zh)）", en: "Satisfaction by township (\(survey.title.en))")
                        + chartQualifier,
                    kind: .bars,
                    series: [ReportChart.Series(name: LocalizedText(zh: "满意度", en: "Rate"), points: points(townships))],
                    references: [reference], format: .percent(1)))
        }
        let groupCells = breakdowns[.group] ?? []
        if !groupCells.isEmpty {
            charts.append(
                ReportChart(
                    id: "satisfaction-group-\(survey.id)",
                    title: LocalizedText(
                        zh: "各调查对象满意度（\(survey.title.zh)）", en: "Satisfaction by respondent group (\(survey.title.en))")
                        + chartQualifier,
                    kind: .bars,
                    series: [
                        ReportChart.Series(name: LocalizedText(zh: "满意度", en: "Rate"), points: points(groupCells))
                    ],
                    references: [reference], format: .percent(1)))
        }
        var tables: [ReportTable] = []
        for key in [GroupingKey.township, .group, .school, .item, .dimension] {
            guard let cells = breakdowns[key], !cells.isEmpty else { continue }
            if key == .township && survey.question(role: .township) == nil { continue }
            if key == .school && survey.question(role: .school) == nil { continue }
            if key == .dimension && survey.dimensions.isEmpty { continue }
            tables.append(cellTable(id: "satisfaction-\(survey.id)-\(key.rawValue)", keys: [key], cells: cells))
        }
        tables.append(screeningTable())
        return ReportSection(
            id: "satisfaction-\(survey.id)",
            title: LocalizedText(zh: "社会认可度：\(survey.title.zh)", en: "Social recognition: \(survey.title.en)"),
            bars: bars, charts: charts, tables: tables, notes: notes() + caveats)
    }
}
