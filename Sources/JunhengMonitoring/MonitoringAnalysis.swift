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
            let header = table.header.joined(separator: ", ")
            throw MonitoringInputError(
                location: SourceLocation(file: table.file, line: table.headerLine),
                message: LocalizedText(
                    zh: "无法识别的质量监测文件。学生成绩文件需要列：年份, 年级, 学科, 学校名称, 学生编号, 得分（可选 学校代码, 乡镇, 水平）；"
                        + "县级汇总文件需要列：年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, 校际差异率。表头现为：\(header)",
                    en: "this is not a monitoring file. Student results need the columns 年份, 年级, 学科, 学校名称, 学生编号, 得分 "
                        + "(optional 学校代码, 乡镇, 水平); county summary figures need 年份, 年级, 学科, 平均分, 水平, 水平Ⅲ及以上比例, "
                        + "校际差异率. The header is: \(header)"))
        }
        return MonitoringSummary(results: results.sorted(by: MonitoringResult.ordered), settings: settings)
    }

    /// Reads a CSV file and an optional YAML settings file, then summarises.
    ///
    /// Memory: the whole CSV is held in memory (monitoring files are a few thousand rows).
    /// - Parameter options: the encoding and delimiter to force (`--encoding`, `--delimiter`).
    public static func summarize(
        path: String, settingsPath: String? = nil, options: CSVReadOptions = CSVReadOptions()
    ) throws -> MonitoringSummary {
        let settings = try settingsPath.map { path throws(SettingsError) in
            try MonitoringSettings.load(path: path)
        }
        return try summarize(
            table: CSVTable.read(path: path, options: options), settings: settings ?? MonitoringSettings())
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
        // Means of fixed-point scores are exact, so a mean that is exactly a cut score is in the higher level.
        let mean = DecimalMean(scores.map(\.score))!.value

        // Per school (学校代码, else 乡镇 + 学校名称), in name order, then township, then code (stable output).
        var bySchool: [String: [(score: StudentScore, level: ProficiencyLevel?)]] = [:]
        for (score, level) in zip(scores, levels) { bySchool[score.schoolKey, default: []].append((score, level)) }
        let schoolKeys = bySchool.keys.sorted { lhs, rhs in
            let left = bySchool[lhs]![0].score
            let right = bySchool[rhs]![0].score
            return (left.school, left.township ?? "", left.schoolCode ?? "")
                < (right.school, right.township ?? "", right.schoolCode ?? "")
        }
        let perSchool = schoolKeys.map { key -> MonitoringSchoolResult in
            let rows = bySchool[key]!
            let atIIIPlus = allKnown ? rows.filter { $0.level! >= .iii }.count : nil
            let scores = DecimalMean(rows.map(\.score.score))!
            return MonitoringSchoolResult(
                school: rows[0].score.school, township: rows.lazy.compactMap(\.score.township).first,
                code: rows[0].score.schoolCode, students: rows.count, mean: scores.value,
                shareIIIPlus: atIIIPlus.map { Double($0) / Double(rows.count) }, scoreSum: scores.sum,
                scoreSquares: rows.reduce(0) { $0 + $1.score.score * $1.score.score }, studentsIIIPlus: atIIIPlus)
        }

        let anova = IntraclassCorrelation.oneWay(groups: schoolKeys.map { bySchool[$0]!.map(\.score.score) })
        var result = MonitoringResult(
            year: key.year, grade: key.grade, subject: key.subject, source: .students, schools: schoolKeys.count,
            students: scores.count, mean: mean, levelCounts: counts,
            shareIIIPlus: counts.map { Double($0[2] + $0[3]) / Double(scores.count) },
            meanLevel: cuts?.level(of: mean), cvSchoolMeans: Descriptive.coefficientOfVariation(perSchool.map(\.mean)),
            perSchool: perSchool, cutScores: scores.contains { $0.level == nil } ? cuts?.from : nil,
            caveats: ambiguousSchools(scores))
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

    /// A caveat for each school name that is written without 乡镇 or 学校代码 in some rows while the same
    /// name belongs to a township or a code in others: those rows cannot be told apart and count as one
    /// school of their own.
    static func ambiguousSchools(_ scores: [StudentScore]) -> [LocalizedText] {
        var identified = Set<String>()
        var bare: [String: Int] = [:]  // name → first line without township or code
        for score in scores {
            if score.township == nil && score.schoolCode == nil {
                bare[score.school] = min(bare[score.school] ?? .max, score.line)
            } else {
                identified.insert(score.school)
            }
        }
        return bare.keys.sorted().filter(identified.contains).map { name in
            let line = bare[name]!
            return LocalizedText(
                zh: "学校名称“\(name)”属于不止一所学校，但第 \(line) 行等没有乡镇或学校代码，无法区分是哪一所，这些行按另一所学校计；请补上乡镇或学校代码。",
                en:
                    "the school name \(name) belongs to more than one school, but line \(line) and others have no 乡镇 or 学校代码, "
                    + "so they cannot be told apart and count as one more school; fill in the township or the code.")
        }
    }
}
