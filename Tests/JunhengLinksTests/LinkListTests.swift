import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengQuestionnaire
import Testing

@Suite struct LinkListTests {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func townshipsAndSchoolsWithBlankRowsCounted() throws {
        let survey = try CollectionFixtures.survey()
        let list = try LinkList.load(
            path: file("乡镇（街道）,学校名称\n城关镇,第一小学\n\n河西乡,\n　城关镇　,第二小学\n"), survey: survey)
        #expect(
            list.entries == [
                .init(answers: LinkAnswers(township: "城关镇", school: "第一小学"), line: 2),
                .init(answers: LinkAnswers(township: "河西乡"), line: 4),
                .init(answers: LinkAnswers(township: "城关镇", school: "第二小学"), line: 5),
            ])
    }

    @Test func aRepeatedLinkNamesBothLines() throws {
        let path = try file("乡镇\n城关镇\n河西乡\n城关镇\n")
        #expect {
            try LinkList.load(path: path, survey: try CollectionFixtures.survey())
        } throws: { error in
            let error = try #require(error as? LinkError)
            return error.location == SourceLocation(file: path, line: 4) && error.message.zh == "与第 2 行的链接相同；请删去重复的一行。"
        }
    }

    @Test func aFileWithoutATownshipOrSchoolColumnIsRefused() throws {
        let path = try file("名称\n城关镇\n")
        #expect(throws: LinkError.self) { try LinkList.load(path: path, survey: try CollectionFixtures.survey()) }
    }

    @Test func aValueOutsideAListedQuestionIsRefusedWithItsPlace() throws {
        // A questionnaire whose township question is a single choice.
        let yaml = CollectionFixtures.yaml.replacingOccurrences(
            of: "{id: township, number: 2, text: 您所在的乡镇（街道）, type: text, role: township}",
            with: "{id: township, number: 2, text: 您所在的乡镇（街道）, type: single, role: township, options: [城关镇, 河西乡]}")
        let survey = try QuestionnaireLoader.parse(yaml: yaml, file: "mini.yaml")
        let path = try file("学校,乡镇\n一小,城关镇\n二小,东风镇\n")
        #expect {
            try LinkList.load(path: path, survey: survey)
        } throws: { error in
            (error as? LinkError)?.location == SourceLocation(file: path, line: 3, column: 2)
        }
    }
}

@Suite struct QRSheetTests {
    @Test func twelveCodesAPageWithEveryNameEscaped() throws {
        let survey = try CollectionFixtures.survey()
        var entries = (1...13).map { LinkList.Entry(answers: LinkAnswers(township: "镇\($0)"), line: $0 + 1) }
        entries[0].answers.school = "<script>alert(1)</script>"
        let sheet = QRSheet(survey: survey, baseURL: "https://wj.example.cn/", links: LinkList(entries: entries))
        let secret = ServerSecret(bytes: Array(0..<32))
        let html = try sheet.html(secret: secret)
        #expect(html.components(separatedBy: "<section class=\"page\">").count - 1 == 2)
        #expect(html.components(separatedBy: "<figure class=\"card\"").count - 1 == 13)
        // Each page has its heading and a grid of 4 fixed rows under it: twelve codes, then one.
        #expect(html.contains("grid-template-rows: 16mm repeat(4, 62mm)"))
        #expect(html.components(separatedBy: "<header><h1>").count - 1 == 2)
        // Under each code, its short code and the address to type.
        let short = SignedLink(survey: "mini", answers: entries[1].answers).shortLink(secret)
        #expect(
            html.contains("<b>\(short.printed)</b></span><small class=\"url\">wj.example.cn/k/\(short.printed)</small>")
        )
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("@page { size: A4;"))
        let urls = sheet.urls(secret: secret)
        #expect(
            urls[1] == "https://wj.example.cn" + SignedLink(survey: "mini", answers: entries[1].answers).path(secret))
        for url in urls { #expect(html.contains(url.replacingOccurrences(of: "&", with: "&amp;"))) }
    }
}
