import Foundation
import JunhengCore
import Testing

@testable import JunhengQuestionnaire

@Suite struct WjxColumnMappingTests {
    @Test func metadataByNameInAnyOrder() throws {
        let survey = try TestSupport.mini()
        let mapping = WjxColumnMapping.map(header: ["来自IP", "所用时间", "序号", "提交答卷时间"], survey: survey)
        #expect(
            mapping.columns.map(\.assignment) == [
                .metadata(.ip), .metadata(.duration), .metadata(.serial), .metadata(.submitted),
            ])
    }

    @Test func tagsFullWidthAndSpacesAreTolerated() throws {
        let survey = try TestSupport.mini()
        let header = ["１、您的身份(单选题 *必答)", " 2、您所在的乡镇 ", "3、您对县政府工作的满意程度【量表题】", "4、 您对学校办学的满意程度"]
        let mapping = WjxColumnMapping.map(header: header, survey: survey)
        #expect(
            mapping.columns.map(\.assignment) == [
                .answer(question: 0), .answer(question: 1), .answer(question: 2), .answer(question: 3),
            ])
        #expect(mapping.columns.allSatisfy { $0.similarity == 1 })
        #expect(mapping.missingQuestions == [4])
    }

    @Test func rewordedQuestionMatchesByNumberAndText() throws {
        let survey = try TestSupport.mini()
        let mapping = WjxColumnMapping.map(header: ["3、您对县政府的工作满意吗"], survey: survey)
        #expect(mapping.columns[0].assignment == .answer(question: 2))
        #expect(mapping.columns[0].method == .numberAndText)
    }

    @Test func reorderedQuestionMatchesByText() throws {
        let survey = try TestSupport.mini()
        let mapping = WjxColumnMapping.map(header: ["4、您对县政府工作的满意程度", "3、您对学校办学的满意程度"], survey: survey)
        #expect(mapping.columns.map(\.assignment) == [.answer(question: 2), .answer(question: 3)])
    }

    @Test func unrelatedHeaderIsUnmapped() throws {
        let survey = try TestSupport.mini()
        let mapping = WjxColumnMapping.map(header: ["9、您家有几辆汽车", "备注"], survey: survey)
        #expect(mapping.unmapped.count == 2)
    }

    @Test func optionColumnsOfAMultipleChoice() throws {
        let survey = try TestSupport.mini()
        let header = ["第5题(课程)", "第5题(作业)", "第5题(其他【请注明】)", "5、(课程)"]
        let mapping = WjxColumnMapping.map(header: header, survey: survey)
        #expect(mapping.columns[0].assignment == .option(question: 4, option: 0))
        #expect(mapping.columns[1].assignment == .option(question: 4, option: 1))
        #expect(mapping.columns[2].assignment == .option(question: 4, option: 2))
    }

    @Test func optionColumnsInTheNumberedStyle() throws {
        let survey = try TestSupport.mini()
        let mapping = WjxColumnMapping.map(header: ["5、(课程)", "5、(作业)"], survey: survey)
        #expect(
            mapping.columns.map(\.assignment) == [.option(question: 4, option: 0), .option(question: 4, option: 1)])
    }

    @Test func matrixRowsFollowTheirFirstColumn() throws {
        let survey = try SurveyCatalog(directories: [TestSupport.surveysDirectory]).resolve("teacher")
        let header = [
            "8、您对本县教师队伍建设以下方面的满意程度—教师编制和学科教师配备", "教师培训和专业发展", "校长教师交流轮岗", "职称评聘和绩效考核",
        ]
        let mapping = WjxColumnMapping.map(header: header, survey: survey)
        let q = try #require(survey.questions.firstIndex { $0.id == "staff" })
        #expect(mapping.columns.map(\.assignment) == (0..<4).map { .matrixRow(question: q, row: $0) })
    }

    @Test func mappingFileOverrides() throws {
        let survey = try TestSupport.mini()
        let overrides = WjxMappingFile(targets: [
            "Q_A": .question("a"), "Q_B": .question("b"), "3、您对县政府工作的满意程度": .ignore,
            "X": .option(question: "focus", option: "作业"),
        ])
        let mapping = WjxColumnMapping.map(
            header: ["Q_A", "3、您对县政府工作的满意程度", "Q_B", "X"], survey: survey, overrides: overrides)
        #expect(mapping.columns[0].assignment == .answer(question: 2))
        #expect(mapping.columns[0].method == .mappingFile)
        if case .unmapped = mapping.columns[1].assignment {} else { Issue.record("ignored column must stay unmapped") }
        #expect(mapping.columns[2].assignment == .answer(question: 3))
        #expect(mapping.columns[3].assignment == .option(question: 4, option: 1))
    }

    @Test func mappingFileIsValidatedAgainstTheSurvey() throws {
        let survey = try TestSupport.mini()
        let path = NSTemporaryDirectory() + "junheng-mapping-test.yaml"
        try "columns:\n  \"Q_A\": a\n  \"Q_Z\": zz\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: QuestionnaireError.self) { try WjxMappingFile.load(path: path, survey: survey) }
        do {
            _ = try WjxMappingFile.load(path: path, survey: survey)
        } catch {
            #expect(error.location?.line == 3)
            #expect(error.message.en.contains("`zz` is not a question id"))
        }
    }
}
