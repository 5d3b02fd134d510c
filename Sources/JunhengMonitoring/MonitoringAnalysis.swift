import JunhengCore
public import JunhengIngest
import JunhengStatistics

/// Turns a monitoring file (student-level scores or a county report's summary figures) into results per
/// year × grade × subject (DOMAIN.md §3).
public enum MonitoringAnalysis {
    /// Summarises a table already read: student-level rows when it has `学生编号` and `得分`, county summary
    /// figures when it has `校际差异率`.
    public static func summarize(
        table: CSVTable, settings: MonitoringSettings = MonitoringSettings()
    ) throws(MonitoringInputError) -> MonitoringSummary {
        let results: [MonitoringResult]
        if StudentScore.matches(table) {
            results = summarize(scores: try StudentScore.read(table: table), settings: settings)
        } else if CountySummaryRow.matches(table) {
            results = try CountySummaryRow.read(table: table).map { row in
                var result = row
                result.judge(settings: settings)
                return result
            }
        } else {
            throw MonitoringInputError(
                location: SourceLocation(file: table.file, line: table.headerLine),
                message: "无法识别的质量监测文件 (not a monitoring file)。学生成绩文件需要列: 年份, 年级, 学科, 学校名称, 学生编号, 得分 (可选 乡镇, 水平);"
                    + " 县级汇总文件需要列: 年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, 校际差异率。表头现为: \(table.header.joined(separator: ", "))。")
        }
        return MonitoringSummary(results: results.sorted(by: MonitoringResult.ordered), settings: settings)
    }

    /// Reads a CSV file and an optional YAML settings file, then summarises.
    ///
    /// Memory: the whole CSV is held in memory (monitoring files are a few thousand rows).
    public static func summarize(path: String, settingsPath: String? = nil) throws -> MonitoringSummary {
        let settings = try settingsPath.map { path throws(SettingsError) in
            try MonitoringSettings.load(path: path)
        }
        return try summarize(table: CSVTable.read(path: path), settings: settings ?? MonitoringSettings())
    }

    /// Results from student scores, one per year × grade × subject.
    public static func summarize(scores: [StudentScore], settings: MonitoringSettings) -> [MonitoringResult] {
        let groups = Dictionary(grouping: scores) { GroupKey(year: $0.year, grade: $0.grade, subject: $0.subject) }
        return groups.map { key, scores in
            result(key: key, scores: scores, settings: settings)
        }.sorted(by: MonitoringResult.ordered)
    }

    struct GroupKey: Hashable {
        var year: Int
        var grade: MonitoringGrade
        var subject: String
    }

    static func result(key: GroupKey, scores: [StudentScore], settings: MonitoringSettings) -> MonitoringResult {
        let cuts = settings.cutScores(subject: key.subject, grade: key.grade)
        // A student's level: as given in 水平, else from the cut scores, else unknown (never guessed).
        let levels = scores.map { score in score.level ?? cuts?.level(of: score.score) }
        let allKnown = levels.allSatisfy { $0 != nil }
        var counts: [Int]?
        if allKnown {
            var tally = [0, 0, 0, 0]
            for level in levels { tally[level!.rawValue - 1] += 1 }
            counts = tally
        }
        let values = scores.map(\.score)
        let mean = Descriptive.mean(values)!

        // Per school, in name order (stable output).
        var bySchool: [String: [(score: StudentScore, level: ProficiencyLevel?)]] = [:]
        for (score, level) in zip(scores, levels) { bySchool[score.school, default: []].append((score, level)) }
        let schoolNames = bySchool.keys.sorted()
        let perSchool = schoolNames.map { name -> MonitoringSchoolResult in
            let rows = bySchool[name]!
            let schoolScores = rows.map(\.score.score)
            var share: Double?
            if allKnown {
                share = Double(rows.filter { $0.level! >= .iii }.count) / Double(rows.count)
            }
            return MonitoringSchoolResult(
                school: name, township: rows.lazy.compactMap(\.score.township).first,
                students: rows.count, mean: Descriptive.mean(schoolScores)!, shareIIIPlus: share)
        }

        let anova = IntraclassCorrelation.oneWay(groups: schoolNames.map { bySchool[$0]!.map(\.score.score) })
        var result = MonitoringResult(
            year: key.year, grade: key.grade, subject: key.subject, source: .students, schools: schoolNames.count,
            students: scores.count, mean: mean, levelCounts: counts,
            shareIIIPlus: counts.map { Double($0[2] + $0[3]) / Double(scores.count) },
            meanLevel: cuts?.level(of: mean), cvSchoolMeans: Descriptive.coefficientOfVariation(perSchool.map(\.mean)),
            perSchool: perSchool)
        switch anova {
        case .success(let icc):
            result.icc = icc.estimate
            result.iccRaw = icc.rawEstimate
            result.iccNegative = icc.isNegative
            result.n0 = icc.n0
            result.meanSquareBetween = icc.meanSquareBetween
            result.meanSquareWithin = icc.meanSquareWithin
        case .failure(let reason):
            result.iccUndefined = reason
        }
        result.judge(settings: settings)
        return result
    }
}
