import JunhengCore
public import JunhengIngest

/// One student's result in one subject: a row of the student-level monitoring file.
///
/// Columns (DOMAIN.md §3): required `年份, 年级, 学科, 学校名称, 学生编号, 得分`; optional `学校代码, 乡镇, 水平`.
/// A school is identified by its 学校代码 when the file has one, else by 乡镇 + 学校名称 (``school(_:)``),
/// so two 中心小学 in two townships stay two schools.
public struct StudentScore: Sendable, Hashable {
    public var year: Int
    public var grade: MonitoringGrade
    public var subject: String
    public var school: String
    public var township: String?
    /// 学校代码, when the file gives one.
    public var schoolCode: String?
    public var studentID: String
    public var score: Double
    /// The level given in the file's `水平` column, if any.
    public var level: ProficiencyLevel?
    /// The line of the row in the file.
    public var line: Int

    public init(
        year: Int, grade: MonitoringGrade, subject: String, school: String, township: String? = nil,
        schoolCode: String? = nil, studentID: String, score: Double, level: ProficiencyLevel? = nil, line: Int = 0
    ) {
        self.year = year
        self.grade = grade
        self.subject = subject
        self.school = school
        self.township = township
        self.schoolCode = schoolCode
        self.studentID = studentID
        self.score = score
        self.level = level
        self.line = line
    }

    /// Who the school is: its 学校代码 when given, else its 乡镇 and 学校名称, else the name alone.
    public var schoolKey: String {
        if let schoolCode { return "code:" + schoolCode }
        return "name:" + (township ?? "") + "\u{1F}" + school
    }

    static let columns: [MonitoringColumns.Column] = [
        .init(name: "年份", aliases: ["年度", "监测年份"], required: true),
        .init(name: "年级", aliases: [], required: true),
        .init(name: "学科", aliases: ["科目", "监测学科", "领域"], required: true),
        .init(name: "学校名称", aliases: ["学校"], required: true),
        .init(name: "学生编号", aliases: ["学号", "学生ID"], required: true),
        .init(name: "得分", aliases: ["分数", "成绩"], required: true),
        .init(name: "乡镇", aliases: ["乡镇(街道)", "乡镇街道"], required: false),
        .init(name: "学校代码", aliases: ["学校编码", "学校标识码"], required: false),
        .init(name: "水平", aliases: ["等级", "水平等级"], required: false),
    ]

    /// Whether a table looks like student-level results (it has `学生编号` and `得分`).
    static func matches(_ table: CSVTable) -> Bool {
        MonitoringColumns.has(table, ["学生编号", "得分"]) || MonitoringColumns.has(table, ["学号", "得分"])
    }

    /// Reads every row; all bad rows are reported together, each with its line and column.
    public static func read(table: CSVTable) throws(MonitoringInputError) -> [StudentScore] {
        let columns = try MonitoringColumns(table: table, columns: columns)
        var problems = columns.raggedRows()
        var scores: [StudentScore] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            var rowProblems: [MonitoringInputError] = []
            let (year, grade, subject) = columns.yearGradeSubject(record, exampleYear: 2024, problems: &rowProblems)
            let school = columns.cell(record, "学校名称")
            if school.isEmpty {
                rowProblems.append(
                    columns.error(
                        record, "学校名称",
                        LocalizedText(
                            zh: "学校名称为空，请填写学校全称", en: "学校名称 (school name) is empty; fill in the school's full name")))
            }
            let studentID = columns.cell(record, "学生编号")
            if studentID.isEmpty {
                rowProblems.append(
                    columns.error(
                        record, "学生编号",
                        LocalizedText(
                            zh: "学生编号为空，每名学生需要一个编号", en: "学生编号 (student number) is empty; every student needs one")))
            }
            var score: Double?
            switch NumberCell.decimal(columns.cell(record, "得分"), in: 0...100_000) {
            case .success(let value): score = value
            case .failure(let failure):
                rowProblems.append(
                    columns.error(
                        record, "得分",
                        LocalizedText(zh: "得分", en: "得分 (score) ") + failure.message
                            + LocalizedText(zh: "；应为不小于 0 的数字", en: "; it must be a number of at least 0")))
            }
            let levelText = columns.cell(record, "水平")
            let level = levelText.isEmpty ? nil : ProficiencyLevel(text: levelText)
            if !levelText.isEmpty, level == nil {
                rowProblems.append(
                    columns.error(
                        record, "水平",
                        LocalizedText(
                            zh: "水平应为 Ⅰ/Ⅱ/Ⅲ/Ⅳ（或 1–4，待提高/中等/良好/优秀）；现为“\(levelText)”",
                            en: "水平 (level) must be Ⅰ/Ⅱ/Ⅲ/Ⅳ (or 1–4, 待提高/中等/良好/优秀), not \"\(levelText)\"")))
            }
            let township = columns.cell(record, "乡镇")
            let code = columns.cell(record, "学校代码")
            guard rowProblems.isEmpty, let year, let grade, let score else {
                problems += rowProblems
                continue
            }
            // Numbering may restart in every school, so a student is a school and a number.
            let candidate = StudentScore(
                year: year, grade: grade, subject: subject, school: school,
                township: township.isEmpty ? nil : township, schoolCode: code.isEmpty ? nil : code,
                studentID: studentID, score: score, level: level, line: record.line)
            let key = "\(year)#\(grade.rawValue)#\(subject)#\(candidate.schoolKey)#\(studentID)"
            if let earlier = seen[key] {
                let advice =
                    candidate.township == nil && candidate.schoolCode == nil
                    ? LocalizedText(
                        zh: "；若是不同乡镇的同名学校，请加上“乡镇”或“学校代码”列",
                        en: "; if these are two schools of the same name, add a 乡镇 or 学校代码 column")
                    : LocalizedText(zh: "；请删去重复的行", en: "; delete the repeated row")
                problems.append(
                    columns.error(
                        record, "学生编号",
                        LocalizedText(
                            zh:
                                "学生编号 \(studentID) 在 \(year) 年 \(grade.label) \(subject) \(school) 中重复，第 \(earlier) 行已出现",
                            en:
                                "student number \(studentID) appears twice in \(year) \(grade.englishLabel) \(MonitoringSubject.englishName(subject)) at \(school) (also on line \(earlier))"
                        ) + advice))
                continue
            }
            seen[key] = record.line
            scores.append(candidate)
        }
        if let error = MonitoringInputError.combine(problems) { throw error }
        if scores.isEmpty {
            throw MonitoringInputError(
                location: SourceLocation(file: table.file, line: table.headerLine),
                message: LocalizedText(zh: "文件中没有学生数据行", en: "the file has no student rows"))
        }
        return scores
    }
}

/// Years as the monitoring files write them.
enum MonitoringYear {
    /// A year from 2000 to 2100 (`2024`, `2024年`, full-width digits).
    static func parse(_ text: String) -> Int? {
        var cleaned = HandTypedText.cell(text)
        if cleaned.hasSuffix("年") { cleaned.removeLast() }
        return try? NumberCell.integer(cleaned, in: 2000...2100).get()
    }
}
