import Testing

@testable import JunhengQuestionnaire

/// A matrix question: each row is its own item, in text mode (option texts) and score mode (`N分`).
@Suite struct MatrixQuestionTests {
    static let yaml = """
        id: matrix
        title: 矩阵测试
        groups: [教师]
        settings: {min_seconds: off}
        questions:
          - id: m
            number: 1
            text: 您对以下方面的满意程度
            type: matrix
            options:
              - {text: 满意, positive: true, score: 2}
              - {text: 不满意, score: 1}
              - {text: 不了解, excluded: true, score: 0}
            rows:
              - {id: pay, text: 工资待遇}
              - {id: training, text: 培训}
        """

    /// Three respondents, rows (pay, training):
    ///   line 2: 满意, 满意      → (2, 2)
    ///   line 3: 不满意, 不了解  → (0, 1)
    ///   line 4: 满意, 不满意    → (1, 2)
    /// Overall 3/5; pay 2/3; training 1/2.
    static let header = ["序号", "1、您对以下方面的满意程度—工资待遇", "培训"]

    func check(_ records: [[String]]) throws {
        let survey = try QuestionnaireLoader.parse(yaml: Self.yaml, file: "matrix.yaml")
        let result = TestSupport.run(survey, header: Self.header, records: records, by: [.item])
        #expect(result.files[0].mapping.unmapped.isEmpty)
        #expect(result.overall.positive == 3)
        #expect(result.overall.answered == 5)
        #expect(result.groups.map(\.key) == [["m.pay"], ["m.training"]])
        #expect(result.groups.map(\.positive) == [2, 1])
        #expect(result.groups.map(\.answered) == [3, 2])
    }

    @Test func textMode() throws {
        try check([["1", "满意", "满意"], ["2", "不满意", "不了解"], ["3", "满意", "不满意"]])
    }

    @Test func scoreMode() throws {
        try check([["1", "2分", "2分"], ["2", "1分", "0分"], ["3", "2分", "1分"]])
    }

    @Test func numberMode() throws {
        try check([["1", "1", "1"], ["2", "2", "3"], ["3", "1", "2"]])
    }
}
