import JunhengCore
public import JunhengReports

extension MonitoringSummary {
    /// The results table (one row per year × grade × subject) and the per-school table.
    public func tables() -> [ReportTable] {
        [MonitoringTables.results(results, settings: settings, notes: notes), MonitoringTables.schools(results)]
    }
}

/// Report tables shared by the summary and the report section.
enum MonitoringTables {
    static let unknown = LocalizedText(zh: "未知", en: "unknown")

    static func verdict(_ meets: Bool?) -> ReportCell {
        guard let meets else { return .label(unknown) }
        return .verdict(meets)
    }

    static func level(_ level: ProficiencyLevel?) -> ReportCell {
        guard let level else { return .label(unknown) }
        return .label(LocalizedText(zh: "\(level.numeral) \(level.name)", en: "\(level.numeral) \(level.englishName)"))
    }

    static func subject(_ subject: String) -> ReportCell {
        .label(LocalizedText(zh: subject, en: MonitoringSubject.englishName(subject)))
    }

    static func grade(_ grade: MonitoringGrade) -> ReportCell {
        .label(LocalizedText(zh: grade.label, en: grade.englishLabel))
    }

    static func source(_ source: MonitoringResult.Source) -> ReportCell {
        switch source {
        case .students: .label(LocalizedText(zh: "学生数据", en: "student data"))
        case .countySummary: .label(LocalizedText(zh: "县级汇总", en: "county summary"))
        }
    }

    static func optionalInteger(_ value: Int?) -> ReportCell {
        value.map(ReportCell.integer) ?? .empty
    }

    static func results(_ results: [MonitoringResult], settings: MonitoringSettings, notes: [LocalizedText])
        -> ReportTable
    {
        let threshold = NumberFormat.fixed(settings.differenceRateThreshold, 2)
        let columns = [
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "grade", label: LocalizedText(zh: "年级", en: "Grade")),
            ReportColumn(key: "subject", label: LocalizedText(zh: "学科", en: "Subject")),
            ReportColumn(key: "source", label: LocalizedText(zh: "来源", en: "Source")),
            ReportColumn(key: "schools", label: LocalizedText(zh: "学校数", en: "Schools"), format: .integer),
            ReportColumn(key: "students", label: LocalizedText(zh: "学生数", en: "Students"), format: .integer),
            ReportColumn(key: "mean", label: LocalizedText(zh: "平均分", en: "Mean"), format: .decimal(1)),
            ReportColumn(key: "level_i", label: LocalizedText(zh: "水平Ⅰ", en: "Level Ⅰ"), format: .percent(1)),
            ReportColumn(key: "level_ii", label: LocalizedText(zh: "水平Ⅱ", en: "Level Ⅱ"), format: .percent(1)),
            ReportColumn(key: "level_iii", label: LocalizedText(zh: "水平Ⅲ", en: "Level Ⅲ"), format: .percent(1)),
            ReportColumn(key: "level_iv", label: LocalizedText(zh: "水平Ⅳ", en: "Level Ⅳ"), format: .percent(1)),
            ReportColumn(
                key: "share_iii_plus", label: LocalizedText(zh: "Ⅲ级及以上比例", en: "Share at Ⅲ+"), format: .percent(1)),
            ReportColumn(key: "mean_level", label: LocalizedText(zh: "平均分所在水平", en: "Level of mean")),
            ReportColumn(
                key: "icc", label: LocalizedText(zh: "校际差异率", en: "Difference rate (ICC)"), format: .decimal(3)),
            ReportColumn(
                key: "cv_school_means", label: LocalizedText(zh: "学校平均分差异系数", en: "CV of school means"),
                format: .decimal(3)),
            ReportColumn(
                key: "meets_mean_level", label: LocalizedText(zh: "按平均水平", en: "By mean level")),
            ReportColumn(key: "meets_share", label: LocalizedText(zh: "按比例", en: "By share")),
            ReportColumn(
                key: "meets_difference_rate", label: LocalizedText(zh: "差异率<\(threshold)", en: "Rate < \(threshold)")),
            ReportColumn(key: "meets", label: LocalizedText(zh: "是否达标", en: "Meets bar")),
        ]
        let rows = results.map { result -> [ReportCell] in
            let shares = result.levelShares
            let shareFails = settings.decidingReading == .share ? result.meetsShare.map { !$0 } : nil
            // Near a bar (the Ⅲ cut, the share, the rate), a figure gets the digits its verdict needs.
            let levelIII = settings.cutScores(subject: result.subject, grade: result.grade).map {
                ReportThreshold(.atLeast, $0.from[1])
            }
            return [
                .integer(result.year), grade(result.grade), subject(result.subject), source(result.source),
                optionalInteger(result.schools), optionalInteger(result.students),
                .number(result.mean, threshold: levelIII),
                .number(shares?[0]), .number(shares?[1]), .number(shares?[2]), .number(shares?[3]),
                .number(
                    result.shareIIIPlus, fails: shareFails,
                    threshold: ReportThreshold(.atLeast, settings.shareThreshold)),
                level(result.meanLevel),
                .number(
                    result.icc, fails: result.meetsDifferenceRate.map { !$0 },
                    threshold: ReportThreshold(.below, settings.differenceRateThreshold)),
                .number(result.cvSchoolMeans),
                verdict(result.meetsMeanLevel), verdict(result.meetsShare), verdict(result.meetsDifferenceRate),
                verdict(result.meets),
            ]
        }
        // A caveat goes next to its figures, in every format (CSV has no notes): a 说明 column, when any.
        guard results.contains(where: { !$0.caveats.isEmpty }) else {
            return ReportTable(
                id: "monitoring-results", title: LocalizedText(zh: "质量监测结果", en: "Quality monitoring results"),
                columns: columns, rows: rows, notes: notes)
        }
        let caveatColumn = ReportColumn(key: "caveats", label: LocalizedText(zh: "说明", en: "Caveats"))
        let withCaveats = zip(rows, results).map { row, result in
            row + [
                .label(
                    LocalizedText(
                        zh: result.caveats.map(\.zh).joined(separator: " "),
                        en: result.caveats.map(\.en).joined(separator: " ")))
            ]
        }
        return ReportTable(
            id: "monitoring-results", title: LocalizedText(zh: "质量监测结果", en: "Quality monitoring results"),
            columns: columns + [caveatColumn], rows: withCaveats, notes: notes)
    }

    static func schools(_ results: [MonitoringResult]) -> ReportTable {
        let columns = [
            ReportColumn(key: "year", label: LocalizedText(zh: "年份", en: "Year"), format: .integer),
            ReportColumn(key: "grade", label: LocalizedText(zh: "年级", en: "Grade")),
            ReportColumn(key: "subject", label: LocalizedText(zh: "学科", en: "Subject")),
            ReportColumn(key: "township", label: LocalizedText(zh: "乡镇", en: "Township")),
            ReportColumn(key: "school", label: LocalizedText(zh: "学校", en: "School")),
            ReportColumn(key: "students", label: LocalizedText(zh: "学生数", en: "Students"), format: .integer),
            ReportColumn(key: "mean", label: LocalizedText(zh: "平均分", en: "Mean"), format: .decimal(1)),
            ReportColumn(
                key: "share_iii_plus", label: LocalizedText(zh: "Ⅲ级及以上比例", en: "Share at Ⅲ+"), format: .percent(1)),
        ]
        var rows: [[ReportCell]] = []
        for result in results {
            for school in result.perSchool {
                rows.append([
                    .integer(result.year), grade(result.grade), subject(result.subject),
                    school.township.map(ReportCell.text) ?? .empty, .text(school.school), .integer(school.students),
                    .number(school.mean), .number(school.shareIIIPlus),
                ])
            }
        }
        return ReportTable(
            id: "monitoring-schools", title: LocalizedText(zh: "质量监测分校结果", en: "Quality monitoring by school"),
            columns: columns, rows: rows,
            notes: rows.isEmpty
                ? [LocalizedText(zh: "县级汇总数据没有分校结果。", en: "County summary figures have no per-school results.")] : [])
    }
}
