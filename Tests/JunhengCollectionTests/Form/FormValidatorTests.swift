import CollectionFixtures
import JunhengCollection
import JunhengCore
import JunhengQuestionnaire
import Testing

@Suite struct FormValidatorTests {
    let survey: Questionnaire

    init() throws {
        survey = try CollectionFixtures.survey()
    }

    /// A complete answer as the form posts it.
    func posted(_ changes: [String: [String]?] = [:]) -> FormFields {
        var fields: [String: [String]] = [
            "_token": ["t"], "identity": ["学生家长"], "township": [" 城关镇 "], "school": [""], "q1": ["满意"],
            "staff.food": ["满意"], "staff.safety": ["不了解"], "wants": ["体育活动", "课后服务"], "wants.other": [""],
            "residence": ["城区"], "notes": [""],
        ]
        for (name, values) in changes { fields[name] = values }
        return FormFields(
            fields.keys.sorted().flatMap { name in fields[name]!.map { FormFields.Field(name: name, value: $0) } })
    }

    @Test func aCompleteFormIsValidAndKeepsOnlyAnswers() {
        let check = FormValidator.check(posted(), survey: survey)
        #expect(check.isValid)
        #expect(
            check.answers.values == [
                "identity": ["学生家长"], "township": ["城关镇"], "q1": ["满意"], "staff.food": ["满意"],
                "staff.safety": ["不了解"], "wants": ["课后服务", "体育活动"], "residence": ["城区"],
            ])
    }

    @Test func missingRequiredAnswersAreNamedPerQuestion() {
        let check = FormValidator.check(
            posted(["identity": nil, "township": [""], "wants": nil, "staff.safety": nil]), survey: survey)
        #expect(Set(check.problems.keys) == ["identity", "township", "wants", "staff"])
        #expect(check.problems["identity"]?.zh == "请选择一项。")
        #expect(check.problems["township"]?.zh == "请回答此题。")
        #expect(check.problems["wants"]?.zh == "请至少选择一项。")
        #expect(check.problems["staff"]?.zh == "请回答每一行（未答：校园安全）。")
    }

    @Test func optionalTextMayBeBlank() {
        let check = FormValidator.check(posted(["school": nil, "notes": ["   "]]), survey: survey)
        #expect(check.isValid)
        #expect(check.answers["school"].isEmpty && check.answers["notes"].isEmpty)
    }

    @Test func aValueThatIsNotAnOptionIsRefused() {
        let check = FormValidator.check(posted(["q1": ["很满意"]]), survey: survey)
        #expect(
            check.problems == [
                "q1": LocalizedText(
                    zh: "“很满意”不是此题的选项，请重新选择。", en: "“很满意” is not an option of this question; choose again.")
            ])
        #expect(!FormValidator.check(posted(["wants": ["课后服务", "游泳"]]), survey: survey).isValid)
        #expect(!FormValidator.check(posted(["staff.food": ["好"]]), survey: survey).isValid)
    }

    @Test func twoValuesForOneChoiceAreRefused() {
        let check = FormValidator.check(posted(["q1": ["满意", "不满意"]]), survey: survey)
        #expect(check.problems["q1"]?.en == "Choose only one option.")
        #expect(!FormValidator.check(posted(["notes": ["a", "b"]]), survey: survey).isValid)
    }

    @Test func otherTextIsKeptOnlyWithItsOption() {
        let with = FormValidator.check(
            posted(["wants": ["其他【请注明】"], "wants.other": [" 心理辅导 "]]), survey: survey)
        #expect(with.isValid)
        #expect(with.answers["wants"] == ["其他【请注明】"])
        #expect(with.answers["wants.other"] == ["心理辅导"])
        let without = FormValidator.check(posted(["wants.other": ["心理辅导"]]), survey: survey)
        #expect(without.answers["wants.other"].isEmpty)
    }

    @Test func textLongerThanTheLimitIsRefused() {
        let long = String(repeating: "字", count: FormRules.maximumTextLength + 1)
        let check = FormValidator.check(posted(["notes": [long]]), survey: survey)
        #expect(check.problems["notes"]?.zh == "回答过长，请控制在 1000 字以内。")
        let exact = String(repeating: "字", count: FormRules.maximumTextLength)
        #expect(FormValidator.check(posted(["notes": [exact]]), survey: survey).isValid)
    }

    @Test func aLinkFixesTownshipAndSchoolWhateverIsPosted() {
        let link = LinkAnswers(township: "河西乡", school: "河西小学")
        let check = FormValidator.check(
            posted(["township": ["城关镇"], "school": ["别的学校"]]), survey: survey, link: link)
        #expect(check.isValid)
        #expect(check.answers["township"] == ["河西乡"])
        #expect(check.answers["school"] == ["河西小学"])
    }

    @Test func typedTextIsCleanedOfControlCharacters() {
        #expect(FormValidator.clean(" a\r\nb\rc\td\u{7}e\u{FEFF} ") == "a\nb\nc de")
    }

    @Test func whichQuestionsAreRequired() {
        let required = survey.questions.filter(FormRules.isRequired).map(\.id)
        #expect(required == ["identity", "township", "q1", "staff", "wants", "residence"])
    }

    @Test func whichOptionsTakeAnOtherText() {
        let takes = ["其他【请注明】", "其他（请注明）", "其他", "其它", "其他，请说明"]
        let plain = ["其他社会人士", "其他群众", "满意"]
        #expect(takes.allSatisfy { FormRules.takesOtherText(QuestionOption(text: $0)) })
        #expect(!plain.contains { FormRules.takesOtherText(QuestionOption(text: $0)) })
    }
}
