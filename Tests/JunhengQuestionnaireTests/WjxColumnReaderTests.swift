import Testing

@testable import JunhengQuestionnaire

@Suite struct WjxColumnReaderTests {
    let survey: Questionnaire
    init() throws { survey = try TestSupport.mini() }

    func reader(_ question: Int, _ mode: WjxExportMode, option: Int? = nil) -> WjxColumnReader {
        let kind: WjxColumnReader.Kind =
            option.map { .option(question: question, option: $0) } ?? .answer(question: question)
        return WjxColumnReader(column: 0, kind: kind, question: survey.questions[question], mode: mode)
    }

    @Test func textMode() {
        let r = reader(2, .text)
        #expect(r.read("满意") == .option(0))
        #expect(r.read(" 不了解 ") == .option(3))
        #expect(r.read("ｘ") == .invalid)
        #expect(r.read("很满意") == .invalid)
        #expect(r.read("") == .empty)
        #expect(r.read("(跳过)") == .skipped)
        #expect(r.read("（跳过）") == .skipped)
    }

    @Test func textModeMultipleWithOtherText() {
        let r = reader(4, .text)
        #expect(r.read("课程┋作业") == .options([0, 1]))
        #expect(r.read("其他【请注明】〖家访〗") == .options([2]))
        #expect(r.read("课程┋游泳") == .invalid)
    }

    @Test func numberMode() {
        let r = reader(2, .number)
        #expect(r.read("1") == .option(0))
        #expect(r.read("4") == .option(3))
        #expect(r.read("5") == .invalid)
        #expect(r.read("-3") == .skipped)
        #expect(r.read("-2") == .skipped)
        #expect(r.read("满意") == .invalid)
    }

    @Test func numberModeOptionColumn() {
        let r = reader(4, .number, option: 1)
        #expect(r.read("1") == .flag(true))
        #expect(r.read("0") == .flag(false))
        #expect(r.read("-3") == .skipped)
        #expect(r.read("2") == .invalid)
    }

    @Test func scoreMode() {
        let r = reader(2, .score)
        #expect(r.read("3分") == .option(0))
        #expect(r.read("2") == .option(1))
        #expect(r.read("0分") == .option(3))
        #expect(r.read("7分") == .invalid)
        // The identity question declares no scores: its number is read.
        #expect(reader(0, .score).read("2") == .option(1))
    }

    @Test func freeTextIsNeverAnOption() {
        #expect(reader(1, .text).read("东镇") == .text)
        #expect(reader(1, .number).read("(跳过)") == .skipped)
    }
}
