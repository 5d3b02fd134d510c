import Foundation
import JunhengCore
import Testing

@testable import JunhengQuestionnaire

@Suite struct QuestionnaireLoaderTests {
    /// A minimal valid questionnaire; each test below breaks one thing in it.
    static let valid = """
        id: t
        title: 测试
        groups: [家长]
        questions:
          - id: q1
            number: 1
            text: 满意吗
            type: scale
            options:
              - {text: 满意, positive: true}
              - 不满意
              - {text: 不了解, excluded: true}
        """

    @Test func minimalQuestionnaireLoads() throws {
        let q = try QuestionnaireLoader.parse(yaml: Self.valid, file: "t.yaml")
        #expect(q.id == "t")
        #expect(q.defaultGroup == "家长")
        #expect(q.questions[0].role == .scored)
        #expect(q.questions[0].options.map(\.positive) == [true, false, false])
        #expect(q.questions[0].options.map(\.excluded) == [false, false, true])
        #expect(q.items.map(\.id) == ["q1"])
        #expect(q.settings == SurveySettings())
    }

    @Test func shippedQuestionnairesLoad() throws {
        let all = try SurveyCatalog(directories: [TestSupport.surveysDirectory]).list()
        #expect(all.map(\.id) == ["public", "student", "teacher"])
        let publicSurvey = try #require(all.first { $0.id == "public" })
        #expect(publicSurvey.groups == ["家长", "人大代表", "政协委员", "其他群众"])
        #expect(publicSurvey.question(role: .group)?.id == "identity")
        #expect(publicSurvey.question(role: .township)?.id == "township")
        let teacher = try #require(all.first { $0.id == "teacher" })
        // 8 scale questions + 4 matrix rows.
        #expect(teacher.items.count == 12)
        #expect(teacher.items.contains { $0.id == "staff.rotation" })
        let student = try #require(all.first { $0.id == "student" })
        #expect(student.defaultGroup == "学生")
        #expect(student.question(role: .grade)?.options.filter(\.outside).map(\.text) == ["一年级", "二年级"])
    }

    private func error(_ yaml: String) -> QuestionnaireError? {
        do {
            _ = try QuestionnaireLoader.parse(yaml: yaml, file: "bad.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownKeyNamesFileAndLine() throws {
        let yaml = Self.valid.replacingOccurrences(of: "{text: 满意, positive: true}", with: "{text: 满意, postive: true}")
        let failure = try #require(error(yaml))
        #expect(failure.location?.file == "bad.yaml")
        #expect(failure.location?.line == 10)
        #expect(failure.message.en.contains("unknown key `postive`"))
        #expect(failure.description.hasPrefix("bad.yaml:10:"))
    }

    @Test func scoredQuestionWithoutPositiveOption() throws {
        let yaml = Self.valid.replacingOccurrences(of: "{text: 满意, positive: true}", with: "满意")
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 5)
        #expect(failure.message.en.contains("no option with `positive: true`"))
    }

    @Test func unknownTypeIsNamed() throws {
        let failure = try #require(error(Self.valid.replacingOccurrences(of: "type: scale", with: "type: likert")))
        #expect(failure.location?.line == 8)
        #expect(failure.message.en.contains("`type` must be one of"))
    }

    @Test func duplicateQuestionIDPointsAtTheFirst() throws {
        let yaml = Self.valid + "\n  - {id: q1, number: 2, text: 又一题, type: text}\n"
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 13)
        #expect(failure.message.en.contains("already used on line 5"))
    }

    @Test func identityOptionNeedsAGroupInGroups() throws {
        let yaml =
            Self.valid + """

                  - id: who
                    number: 2
                    text: 身份
                    type: single
                    role: group
                    options:
                      - {text: 校长, group: 校长}
                """
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 13)
        #expect(failure.message.en.contains("not in `groups`"))
    }

    @Test func positiveAndExcludedConflict() throws {
        let yaml = Self.valid.replacingOccurrences(
            of: "{text: 不了解, excluded: true}", with: "{text: 不了解, excluded: true, positive: true}")
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 12)
    }

    @Test func brokenYAMLGivesItsLine() throws {
        let failure = try #require(error("id: t\ntitle: [unclosed\ngroups: [a]\n"))
        #expect(failure.location?.file == "bad.yaml")
        #expect(failure.location?.line != nil)
        #expect(failure.message.en.hasPrefix("not valid YAML"))
    }

    @Test func settingsAreRead() throws {
        let yaml = Self.valid.replacingOccurrences(
            of: "groups: [家长]", with: "groups: [家长]\nsettings: {min_seconds: 90, min_n: 10, threshold: 0.9}")
        let q = try QuestionnaireLoader.parse(yaml: yaml, file: "t.yaml")
        #expect(q.settings.minSeconds == 90)
        #expect(q.settings.minN == 10)
        #expect(q.settings.threshold == 0.9)
    }

    @Test func thresholdOutsideZeroOneIsRejected() throws {
        let yaml = Self.valid.replacingOccurrences(of: "groups: [家长]", with: "groups: [家长]\nsettings: {threshold: 85}")
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 4)
        #expect(failure.message.en.contains("between 0 and 1"))
    }
}
