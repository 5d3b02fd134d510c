import JunhengCore
public import JunhengReports

extension ResourceReport {
    /// The 资源配置 part of the county report: a bar per indicator CV and per stage's school compliance,
    /// a bar per guarantee check, charts of the CVs and of school values against the standards, and every
    /// table. Failing bars name their 责任单位 (seed 附件2).
    public func reportSection() -> ReportSection {
        ReportSection(
            id: "resources", title: LocalizedText(zh: "资源配置与政府保障程度", en: "Resource allocation and guarantees"),
            bars: indicatorBars() + complianceBars() + guaranteeBars(), charts: cvCharts() + valueCharts(),
            tables: tables(),
            notes: uncertainSettings.map { LocalizedText(zh: "(待确认)" + $0.note.zh, en: "(uncertain) " + $0.note.en) })
    }

    static let resourcesArea = LocalizedText(zh: "A1 资源配置", en: "A1 resource allocation")
    static let guaranteeArea = LocalizedText(zh: "A2 政府保障程度", en: "A2 government guarantee")

    func indicatorBars() -> [BarCheck] {
        indicators.map { row in
            let indicator = ResourceIndicator(rawValue: row.indicator)!
            return BarCheck(
                area: Self.resourcesArea,
                name: LocalizedText(
                    zh: "\(row.stage.rawValue) \(row.code) \(indicator.name.zh) 校际差异系数",
                    en: "\(row.stage.label.en) \(row.code) \(indicator.name.en): CV"),
                figure: row.cv.map {
                    NumberText.format(
                        $0, .decimal(4), threshold: ReportThreshold(.atMost, row.cvThreshold),
                        fails: row.balanced.map { !$0 })
                } ?? "—",
                threshold: "≤ " + NumberText.format(row.cvThreshold, .decimal(2)), passes: row.balanced,
                responsibleUnits: row.balanced == false ? settings.units.labels(row.responsibleUnits) : [])
        }
    }

    func complianceBars() -> [BarCheck] {
        stages.map { stage in
            let failing = schools.filter { $0.stage == stage.stage && !$0.passes }
            var units: [String] = []
            for indicator in Set(failing.flatMap(\.missed)).sorted() {
                for unit in settings.units.units(for: ResourceIndicator(rawValue: indicator)!)
                where !units.contains(unit) {
                    units.append(unit)
                }
            }
            return BarCheck(
                area: Self.resourcesArea,
                name: LocalizedText(
                    zh:
                        "\(stage.stage.rawValue)学校达标(\(settings.minimumIndicatorsMet) 项以上达标且余项 ≥ \(NumberFormat.plain(settings.missedIndicatorFloor * 100))%)",
                    en: "\(stage.stage.label.en) schools meeting the standards"),
                figure: "\(stage.schoolsPassing)/\(stage.schoolsCounted)",
                threshold: stage.schoolsCounted > 0 ? "\(stage.schoolsCounted)/\(stage.schoolsCounted)" : "—",
                passes: stage.schoolsCounted > 0 ? stage.allSchoolsPass : nil,
                responsibleUnits: settings.units.labels(units))
        }
    }

    func guaranteeBars() -> [BarCheck] {
        guarantees.map { check in
            BarCheck(
                area: Self.guaranteeArea,
                name: LocalizedText(verbatim: check.code + " ") + check.name,
                figure: LocalizedText(
                    verbatim: check.available
                        ? "\(check.schoolsChecked - check.failing.count - check.undetermined.count)/\(check.schoolsChecked)"
                        : "—"),
                threshold: check.rule, passes: check.passes,
                responsibleUnits: check.passes == false ? settings.units.labels(check.responsibleUnits) : [])
        }
    }

    func cvCharts() -> [ReportChart] {
        SchoolStage.allCases.map { stage in
            let rows = indicators.filter { $0.stage == stage }
            let points = rows.compactMap { row -> ReportChart.Point? in
                guard let cv = row.cv else { return nil }
                return ReportChart.Point(
                    label: ResourceIndicator(rawValue: row.indicator)!.shortName, value: cv,
                    fails: row.balanced == false, threshold: ReportThreshold(.atMost, row.cvThreshold))
            }
            return ReportChart(
                id: "resources-cv-\(stage == .primary ? "primary" : "junior")",
                title: LocalizedText(zh: "\(stage.rawValue)各指标校际差异系数", en: "\(stage.label.en) CV per indicator"),
                kind: .bars, series: [ReportChart.Series(name: LocalizedText(zh: "差异系数", en: "CV"), points: points)],
                references: [
                    ReportChart.Reference(
                        label: LocalizedText(zh: "上限", en: "limit"), value: settings.cvThreshold(stage))
                ], format: .decimal(3))
        }
    }

    func valueCharts() -> [ReportChart] {
        SchoolStage.allCases.flatMap { stage in
            ResourceIndicator.allCases.map { indicator in
                let points = schools.filter { $0.stage == stage }.map { school in
                    let value = school.value(indicator)
                    return ReportChart.Point(
                        label: LocalizedText.name(school.name), value: value.value, fails: !value.met,
                        threshold: ReportThreshold(.atLeast, value.standard))
                }
                return ReportChart(
                    id: "resources-values-\(stage == .primary ? "primary" : "junior")-\(indicator.rawValue)",
                    title: LocalizedText(
                        zh: "\(stage.rawValue) \(indicator.name.zh)", en: "\(stage.label.en): \(indicator.name.en)"),
                    kind: .bars,
                    series: [ReportChart.Series(name: indicator.shortName, points: points)],
                    references: [
                        ReportChart.Reference(
                            label: LocalizedText(zh: "标准", en: "standard"), value: settings.standard(indicator, stage))
                    ])
            }
        }
    }
}
