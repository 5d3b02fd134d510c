import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengIngest
import JunhengQuestionnaire
import Testing

@Suite struct CollectedExportTests {
    @Test func fileIsUTF8WithBOMCRLFAndQuotedFields() throws {
        let survey = try CollectionFixtures.survey()
        let response = CollectionFixtures.response(CollectionFixtures.answers(notes: "第一行\n\"引号\", 逗号"))
        let data = CollectedExport.csv(survey: survey, responses: [response])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[1].hasSuffix(",城区,\"第一行\n\"\"引号\"\", 逗号\""))
    }

    @Test func noResponsesIsTheHeaderAlone() throws {
        let survey = try CollectionFixtures.survey()
        let text = String(decoding: CollectedExport.csv(survey: survey, responses: []).dropFirst(3), as: UTF8.self)
        #expect(text == WjxTextLayout(survey: survey).header.joined(separator: ",") + "\r\n")
    }

    /// The store's figures and the export's are the same numbers: the export, written to a file, is read
    /// back by `junheng satisfaction`'s own code, and compared with the rates computed from the responses.
    @Test func ratesFromTheResponsesEqualRatesFromTheExportFile() throws {
        let survey = try CollectionFixtures.survey()
        var responses: [CollectedResponse] = []
        // Two parents in 城关镇 (one writes a note over two lines, which moves every later line down).
        responses.append(CollectionFixtures.response(CollectionFixtures.answers(notes: "一\n二"), ip: "a"))
        responses.append(CollectionFixtures.response(CollectionFixtures.answers(q1: "不满意", food: "不了解"), ip: "b"))
        // The same answers and IP as the first, from another form (token): a second parent behind the same
        // address, counted (collected responses are one per token); a speeder, an outsider.
        responses.append(CollectionFixtures.response(CollectionFixtures.answers(notes: "一\n二"), ip: "a"))
        responses.append(CollectionFixtures.response(CollectionFixtures.answers(), seconds: 10, ip: "c"))
        responses.append(CollectionFixtures.response(CollectionFixtures.answers(identity: "本县学校教职工"), ip: "d"))
        // Others in 河西乡, one with an "other" text and one from a school's link.
        responses.append(
            CollectionFixtures.response(
                CollectionFixtures.answers(
                    identity: "其他社会人士", township: "河西乡", q1: "非常满意", wants: ["其他【请注明】"], other: "心理"),
                ip: "e"))
        responses.append(
            CollectionFixtures.response(
                CollectionFixtures.answers(township: "河西乡", safety: "不满意"), ip: "f",
                link: LinkAnswers(township: "河西乡", school: "河西小学")))
        for (index, _) in responses.enumerated() { responses[index].id = Int64(index + 1) }

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).csv").path
        try CollectedExport.csv(survey: survey, responses: responses).write(to: URL(fileURLWithPath: path))
        let settings = SatisfactionSettings(survey: survey)
        let fromFile = try SatisfactionAnalysis.run(
            exports: [path], survey: survey, by: [.township, .group], settings: settings)
        let direct = try CollectedSatisfaction.run(
            responses: responses, survey: survey, settings: settings, by: [.township, .group], file: path)

        #expect(fromFile.files.first?.detection.mode == .text)
        #expect(fromFile.files.first?.mapping.missingQuestions == [])
        #expect(direct.rows == 7 && direct.used == 5)
        #expect(direct.overall == fromFile.overall)
        #expect(direct.groups == fromFile.groups)
        #expect(direct.breakdowns == fromFile.breakdowns)
        #expect(direct.excludedRows == fromFile.excludedRows)
        #expect(direct.usedByGroup == fromFile.usedByGroup)
        #expect(direct.optionCounts == fromFile.optionCounts)
        #expect(direct.answerProblemCount == 0 && fromFile.answerProblemCount == 0)
        // Lines in the file: header 1, the first response 2–3 (its note has two lines), the second 4, the
        // second parent 5–6 (the same note), the speeder 7, the outsider 8.
        #expect(direct.excludedRows.map(\.line) == [7, 8])
        #expect(direct.excludedRows.map(\.reason) == [.speeder, .outsideGroups])
        // Worked by hand: used = responses 1, 2, 3, 6, 7; scored answers q1, food, safety (不了解 left out).
        // 1 and 3: 满意 满意 非常满意 → 3/3 each; 2: 不满意, (不了解), 非常满意 → 1/2; 6: 非常满意 满意 非常满意
        // → 3/3; 7: 满意 满意 不满意 → 2/3. Pooled: 12 / 14.
        #expect(direct.overall.positive == 12 && direct.overall.answered == 14)
    }
}
