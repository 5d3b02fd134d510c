import JunhengCore
import JunhengIngest

/// One row of a county report's summary figures, for years without student data:
/// `年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, 校际差异率` (the last four may be empty).
enum CountySummaryRow {
    static let columns: [MonitoringColumns.Column] = [
        .init(name: "年份", aliases: ["年度", "监测年份"], required: true),
        .init(name: "年级", aliases: [], required: true),
        .init(name: "学科", aliases: ["科目", "监测学科", "领域"], required: true),
        .init(name: "平均分", aliases: ["平均得分", "均分"], required: true),
        .init(name: "水平", aliases: ["平均水平", "水平等级"], required: true),
        .init(name: "水平Ⅲ及以上比例", aliases: ["Ⅲ级及以上比例", "水平Ⅲ以上比例", "Ⅲ及以上比例"], required: true),
        .init(name: "校际差异率", aliases: [], required: true),
    ]

    /// Whether a table looks like county summary figures (it has `校际差异率` and no `得分`).
    static func matches(_ table: CSVTable) -> Bool {
        MonitoringColumns.has(table, ["校际差异率"]) && !MonitoringColumns.has(table, ["得分"])
    }

    /// Reads every row into a result (verdicts still to be judged); bad rows are reported together.
    static func read(table: CSVTable) throws(MonitoringInputError) -> [MonitoringResult] {
        let columns = try MonitoringColumns(table: table, columns: columns)
        var problems = columns.raggedRows()
        var results: [MonitoringResult] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            var rowProblems: [MonitoringInputError] = []
            let (year, grade, subject) = columns.yearGradeSubject(record, exampleYear: 2015, problems: &rowProblems)

            let meanText = columns.cell(record, "平均分")
            let mean = TextCleaning.number(meanText)
            if !meanText.isEmpty, mean == nil || mean! < 0 {
                rowProblems.append(columns.error(record, "平均分", "平均分应为数字或留空; 现为 “\(meanText)”。"))
            }
            let levelText = columns.cell(record, "水平")
            let level = ProficiencyLevel(text: levelText)
            if !levelText.isEmpty, level == nil {
                rowProblems.append(columns.error(record, "水平", "水平应为 Ⅰ/Ⅱ/Ⅲ/Ⅳ 或留空; 现为 “\(levelText)”。"))
            }
            let shareText = columns.cell(record, "水平Ⅲ及以上比例")
            let share = TextCleaning.share(shareText)
            if !shareText.isEmpty, share == nil {
                rowProblems.append(
                    columns.error(
                        record, "水平Ⅲ及以上比例", "水平Ⅲ及以上比例应写成 85.3% 或 0.853 (或留空); 现为 “\(shareText)”。"))
            }
            let rateText = columns.cell(record, "校际差异率")
            let rate = TextCleaning.number(rateText)
            if !rateText.isEmpty, rate == nil || !(0...1).contains(rate!) {
                rowProblems.append(
                    columns.error(record, "校际差异率", "校际差异率应为 0 到 1 之间的小数 (如 0.12) 或留空; 现为 “\(rateText)”。"))
            }
            guard rowProblems.isEmpty, let year, let grade else {
                problems += rowProblems
                continue
            }
            let key = "\(year)#\(grade.rawValue)#\(subject)"
            if let earlier = seen[key] {
                problems.append(
                    columns.error(record, "学科", "\(year) 年 \(grade.label) \(subject) 出现了两次 (第 \(earlier) 行已有); 请只保留一行。")
                )
                continue
            }
            seen[key] = record.line
            results.append(
                MonitoringResult(
                    year: year, grade: grade, subject: subject, source: .countySummary, mean: mean,
                    shareIIIPlus: share, meanLevel: level, icc: rate))
        }
        if let error = MonitoringInputError.combine(problems) { throw error }
        return results
    }
}
