import Foundation
import JunhengIngest

@testable import JunhengQuestionnaire

/// Paths and small builders shared by the questionnaire tests.
enum TestSupport {
    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)").path
    }

    /// The repository's `surveys/` folder (the shipped questionnaires).
    static var surveysDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("surveys").path
    }

    static func mini() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: fixture("mini.yaml"))
    }

    /// The header of the text-mode mini export.
    static let miniHeader = [
        "序号", "所用时间", "来自IP", "1、您的身份", "2、您所在的乡镇", "3、您对县政府工作的满意程度", "4、您对学校办学的满意程度", "5、您关注的方面",
    ]

    /// The nine records of `mini_text.csv` (lines 2…10), worked through by hand in SatisfactionPipelineTests.
    static let miniRecords: [[String]] = [
        ["1", "100秒", "1.1.1.1(安徽-亳州)", "家长", "东镇", "满意", "不满意", "课程┋作业"],
        ["2", "100秒", "1.1.1.2(安徽-亳州)", "家长", "东镇", "基本满意", "满意", "课程"],
        ["3", "100秒", "1.1.1.3(安徽-亳州)", "教师", "西镇", "不了解", "满意", "作业"],
        ["4", "100秒", "1.1.1.4(安徽-亳州)", "教师", "西镇", "不满意", "(跳过)", "其他【请注明】〖家访〗"],
        ["5", "100秒", "1.1.1.1(安徽-亳州)", "家长", "东镇", "满意", "不满意", "课程┋作业"],
        ["6", "20秒", "1.1.1.6(安徽-亳州)", "家长", "东镇", "满意", "满意", "课程"],
        ["7", "100秒", "1.1.1.7(安徽-亳州)", "学生", "西镇", "满意", "满意", "课程"],
        ["8", "100秒", "1.1.1.8(安徽-亳州)", "家长", "西镇", "不了解", "（跳过）", "课程"],
        ["9", "100秒", "1.1.1.9(安徽-亳州)", "教师", "东镇", "很满意", "满意", "课程"],
    ]

    /// Runs the pipeline over in-memory records (lines 2, 3, …).
    static func run(
        _ survey: Questionnaire, header: [String], records: [[String]], by: [GroupingKey] = [],
        settings: SatisfactionSettings? = nil
    ) -> SatisfactionResult {
        var pipeline = SatisfactionPipeline(
            survey: survey, settings: settings ?? SatisfactionSettings(survey: survey), by: by)
        pipeline.consume(header: header, line: 1, file: "mem.csv")
        for (index, fields) in records.enumerated() {
            pipeline.consume(record: CSVRecord(line: index + 2, fields: fields))
        }
        return pipeline.finish()
    }
}

extension Double {
    func isClose(to other: Double, within tolerance: Double = 1e-5) -> Bool { abs(self - other) < tolerance }
}
