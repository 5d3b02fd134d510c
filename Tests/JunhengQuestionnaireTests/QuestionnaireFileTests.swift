import Foundation
import JunhengCore
import JunhengReports
import Testing

@testable import JunhengQuestionnaire

/// Issue 9 case 3: mistakes in questionnaire files that used to count silently for nothing, shadow one
/// another, or block every command.
@Suite struct QuestionnaireFileTests {
    private func error(_ yaml: String) -> QuestionnaireError? {
        do {
            _ = try QuestionnaireLoader.parse(yaml: yaml, file: "bad.yaml")
            return nil
        } catch {
            return error
        }
    }

    /// `QuestionnaireLoaderTests.valid` is 12 lines; the question added here starts on line 13, and its
    /// option `      - {text: 城区, positive: true}` is line 18, where `positive` starts at character 20.
    @Test func positiveOnAnUnscoredQuestionIsAnErrorAtItsKey() throws {
        let yaml =
            QuestionnaireLoaderTests.valid + """

                  - id: home
                    number: 2
                    text: 您的居住地
                    type: single
                    options:
                      - {text: 城区, positive: true}
                      - 农村
                """
        let failure = try #require(error(yaml))
        #expect(failure.location == SourceLocation(file: "bad.yaml", line: 18, column: 20))
        #expect(
            failure.message.en
                == "option 城区 is marked `positive`, but question `home` is not scored (role: info by default), so the "
                + "mark would count for nothing. To rate the question, add `role: scored` to it; otherwise remove "
                + "`positive`.")
        #expect(failure.message.zh.contains("请在该题加上 `role: scored`"))
    }

    @Test func excludedOnAnInfoQuestionIsAnErrorToo() throws {
        let yaml =
            QuestionnaireLoaderTests.valid + """

                  - id: home
                    number: 2
                    text: 您的居住地
                    type: single
                    role: info
                    options:
                      - 城区
                      - {text: 不清楚, excluded: true}
                """
        let failure = try #require(error(yaml))
        #expect(failure.location == SourceLocation(file: "bad.yaml", line: 20, column: 21))
        #expect(failure.message.en.contains("is marked `excluded`, but question `home` is not scored (role: info)"))
    }

    /// A `single` question taking a scale defaults to `info`: the scale's positive options would count for
    /// nothing, so the `scale:` value `s` is the error's place: line 15 (12 + two scale lines + 1), character 57.
    @Test func aScaleOnASingleQuestionWithoutARoleIsAnError() throws {
        let yaml =
            QuestionnaireLoaderTests.valid.replacingOccurrences(
                of: "questions:", with: "scales:\n  s: [{text: 好, positive: true}, 差]\nquestions:")
            + "\n  - {id: s2, number: 2, text: 满意吗, type: single, scale: s}\n"
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 15)
        #expect(failure.location?.column == 57)
        #expect(failure.message.en.contains("add `role: scored` to the question"))
    }

    @Test func aScaleOnAQuestionThatSaysInfoIsAskedNotRated() throws {
        let yaml =
            QuestionnaireLoaderTests.valid.replacingOccurrences(
                of: "questions:", with: "scales:\n  s: [{text: 好, positive: true}, 差]\nquestions:")
            + "\n  - {id: s2, number: 2, text: 满意吗, type: single, role: info, scale: s}\n"
        let questionnaire = try QuestionnaireLoader.parse(yaml: yaml, file: "ok.yaml")
        #expect(questionnaire.items.map(\.id) == ["q1"])
    }

    // MARK: - Option numbers

    /// Options 满意, 基本满意 (number 3), 不满意, 不了解 → 1, 3, 4, 5: the option after an explicit number
    /// counts on from it.
    @Test func anExplicitNumberIsKeptAndTheNextCountsOnFromIt() throws {
        let yaml = QuestionnaireLoaderTests.valid.replacingOccurrences(
            of: "      - 不满意", with: "      - {text: 基本满意, positive: true, number: 3}\n      - 不满意")
        let question = try QuestionnaireLoader.parse(yaml: yaml, file: "t.yaml").questions[0]
        #expect(question.options.map(\.text) == ["满意", "基本满意", "不满意", "不了解"])
        #expect(question.optionNumbers == [1, 3, 4, 5])
        let reader = WjxColumnReader(column: 0, kind: .answer(question: 0), question: question, mode: .number)
        #expect(reader.read("1") == .option(0))
        #expect(reader.read("2") == .invalid)
        #expect(reader.read("3") == .option(1))
        #expect(reader.read("5") == .option(3))
        #expect(
            QuestionnaireDescription(try QuestionnaireLoader.parse(yaml: yaml, file: "t.yaml")).questions[0]
                .options.map(\.number) == [1, 3, 4, 5])
    }

    @Test func twoOptionsWithOneNumberAreAnError() throws {
        let yaml = QuestionnaireLoaderTests.valid.replacingOccurrences(
            of: "      - 不满意", with: "      - {text: 不满意, number: 1}")
        let failure = try #require(error(yaml))
        #expect(failure.location?.line == 11)
        #expect(
            failure.message.en
                == "option 不满意 has number 1, as 满意 does; in an option-number download every option needs its own number."
        )
    }

    // MARK: - The survey folder

    /// A folder with `a.yaml` and `b.yaml` (both id `dup`), `broken.yaml` and `mini.yaml`.
    private func folder(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "junheng-surveys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func twoFilesWithOneIDAreBothNamedAndNeitherIsUsedByThatID() throws {
        let dup = QuestionnaireLoaderTests.valid.replacingOccurrences(of: "id: t", with: "id: dup")
        let mini = try String(contentsOfFile: TestSupport.fixture("mini.yaml"), encoding: .utf8)
        let path = try folder(["a.yaml": dup, "b.yaml": dup, "mini.yaml": mini])
        let catalog = SurveyCatalog(directories: [path])
        let contents = try catalog.load()
        #expect(contents.questionnaires.map(\.id) == ["mini"])
        #expect(contents.failures.map(\.file) == [path + "/a.yaml", path + "/b.yaml"])
        #expect(
            contents.failures[0].error.message.en
                == "the questionnaire id `dup` is also used by \(path)/b.yaml: --survey dup could mean either. "
                + "Give one of them a new `id`.")
        #expect(contents.failures[1].error.message.en.contains("also used by \(path)/a.yaml"))
        #expect(throws: QuestionnaireError.self) { try catalog.resolve("dup") }
        #expect(try catalog.resolve("mini").id == "mini")
        #expect(throws: QuestionnaireError.self) { try catalog.list() }
    }

    @Test func aBrokenFileIsListedAndBlocksOnlyItself() throws {
        let mini = try String(contentsOfFile: TestSupport.fixture("mini.yaml"), encoding: .utf8)
        let path = try folder(["broken.yaml": "id: broken\ntitle: [unclosed\n", "mini.yaml": mini])
        let catalog = SurveyCatalog(directories: [path])
        let contents = try catalog.load()
        #expect(contents.questionnaires.map(\.id) == ["mini"])
        #expect(contents.failures.map(\.file) == [path + "/broken.yaml"])
        #expect(contents.failures[0].error.location?.line == 3)
        #expect(try catalog.resolve("mini").id == "mini")
        // Asking for the broken one by its file's name gives its own error, with its place.
        do {
            _ = try catalog.resolve("broken")
            Issue.record("resolved a broken file")
        } catch {
            #expect(error.location?.file == path + "/broken.yaml")
        }
        let table = contents.table()
        #expect(table.columns.map(\.key) == ["id", "title", "groups", "items", "problem"])
        #expect(table.rows.count == 2)
    }
}
