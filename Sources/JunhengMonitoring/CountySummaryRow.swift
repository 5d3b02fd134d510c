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

            /// An optional number: empty is nil; a number that does not read is a problem of the row, its
            /// message the column's label, the reader's reason and the column's hint.
            func number(
                _ column: String, _ label: LocalizedText, _ hint: LocalizedText,
                _ read: (String) -> Result<Double, NumberCellFailure>
            ) -> Double? {
                let text = columns.cell(record, column)
                guard !text.isEmpty else { return nil }
                switch read(text) {
                case .success(let value): return value
                case .failure(let failure):
                    rowProblems.append(columns.error(record, column, label + failure.message + hint))
                    return nil
                }
            }
            let mean = number(
                "平均分", LocalizedText(zh: "平均分", en: "平均分 (the mean) "),
                LocalizedText(zh: "（可留空）", en: " (it may be left empty)")
            ) { NumberCell.decimal($0, in: 0...100_000) }
            let levelText = columns.cell(record, "水平")
            let level = ProficiencyLevel(text: levelText)
            if !levelText.isEmpty, level == nil {
                rowProblems.append(
                    columns.error(
                        record, "水平",
                        LocalizedText(
                            zh: "水平应为 Ⅰ/Ⅱ/Ⅲ/Ⅳ 或留空；现为“\(levelText)”",
                            en: "水平 (level) must be Ⅰ/Ⅱ/Ⅲ/Ⅳ or empty, not \"\(levelText)\"")))
            }
            let share = number(
                "水平Ⅲ及以上比例", LocalizedText(zh: "水平Ⅲ及以上比例", en: "水平Ⅲ及以上比例 (share at Ⅲ+) "),
                LocalizedText(zh: "；应写成 85.3% 或 0.853（或留空）", en: "; write 85.3% or 0.853 (or leave it empty)")
            ) { NumberCell.share($0) }
            let rate = number(
                "校际差异率", LocalizedText(zh: "校际差异率", en: "校际差异率 "),
                LocalizedText(zh: "；应为 0 到 1 之间的小数（如 0.12）或留空", en: "; a decimal from 0 to 1 (e.g. 0.12) or empty")
            ) { NumberCell.decimal($0, in: 0...1) }
            guard rowProblems.isEmpty, let year, let grade else {
                problems += rowProblems
                continue
            }
            let key = "\(year)#\(grade.rawValue)#\(subject)"
            if let earlier = seen[key] {
                problems.append(
                    columns.error(
                        record, "学科",
                        LocalizedText(
                            zh: "\(year) 年 \(grade.label) \(subject) 出现了两次（第 \(earlier) 行已有）；请只保留一行",
                            en:
                                "\(year) \(grade.englishLabel) \(MonitoringSubject.englishName(subject)) appears twice (also on line \(earlier)); keep one row"
                        )))
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
