import Foundation
import JunhengCore
import Testing

@testable import JunhengQuestionnaire

/// A questionnaire file is checked in time linear in its size, and one over a sane size is refused at
/// its place (issue 22: 100,000 options took over 60 s, the duplicate-option check being quadratic).
@Suite struct QuestionnaireBoundsTests {
    /// A questionnaire of one single-choice question with `options` (one a line, from line 10 on).
    static func questionnaire(options: [String]) -> String {
        """
        id: big
        title: 大
        groups: [家长]
        questions:
          - id: q1
            number: 1
            text: 题
            type: single
            options:

        """ + options.map { "      - \($0)\n" }.joined()
    }

    static func error(_ yaml: String) -> QuestionnaireError? {
        do {
            _ = try QuestionnaireLoader.parse(yaml: yaml, file: "big.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func twoThousandOptionsLoad() throws {
        let questionnaire = try QuestionnaireLoader.parse(
            yaml: Self.questionnaire(options: (1...2_000).map { "选项\($0)" }), file: "big.yaml")
        #expect(questionnaire.questions[0].options.count == 2_000)
    }

    /// The duplicate is found at its own line, however many options come before it.
    @Test func aDuplicateAmongThousandsIsFoundAtItsLine() throws {
        let options = (1...1_999).map { "选项\($0)" } + ["选项7"]
        let failure = try #require(Self.error(Self.questionnaire(options: options)))
        #expect(failure.location == SourceLocation(file: "big.yaml", line: 2_009, column: 9))
        #expect(failure.message.en == "the option 选项7 appears twice in question `q1`.")
    }

    @Test func twoThousandAndOneOptionsAreRefusedAtTheList() throws {
        let started = Date()
        let failure = try #require(Self.error(Self.questionnaire(options: (1...2_001).map { "选项\($0)" })))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(failure.location == SourceLocation(file: "big.yaml", line: 10, column: 7))
        #expect(
            failure.message.zh
                == "题目 `q1` 的选项有 2001 项，超过 2000 项：这不像一份问卷（可能把答卷或名单粘贴进来了）。请检查这个列表。")
        #expect(
            failure.message.en.hasPrefix(
                "2001 entries in the options of question `q1`, more than 2000: this is not a questionnaire"))
    }
}
