import Foundation
import HTMLProbe
import JunhengCore
import JunhengEvaluation
import JunhengReports
import Testing

/// With `--lang en` nothing in the county report is Chinese except proper names, and every proper name is
/// marked `lang="zh"`: strip the elements so marked from the page's body and count the Chinese characters
/// left. Each one would be a missed translation.
@Suite struct EnglishReportTests {
    /// The Chinese text of `html`'s body outside every element whose `lang` is Chinese, run by run (a run
    /// is a stretch of text between tags).
    static func chineseOutsideNames(_ html: String) -> [String] {
        let voidElements: Set<String> = [
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        ]
        var runs: [String] = []
        // Open elements, each with whether it (or one around it) is marked Chinese.
        var open: [(name: String, chinese: Bool)] = []
        var inBody = false
        var rest = Substring(html)
        while !rest.isEmpty {
            guard let tagStart = rest.firstIndex(of: "<") else {
                break
            }
            let text = rest[..<tagStart]
            if inBody, !(open.last?.chinese ?? false), ProperName.isChinese(String(text)) {
                runs.append(String(text))
            }
            guard let tagEnd = rest[tagStart...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: tagStart)..<tagEnd]
            rest = rest[rest.index(after: tagEnd)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().lowercased()
                if name == "body" { inBody = false }
                if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                continue
            }
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            if name == "body" { inBody = true }
            guard !voidElements.contains(name), !tag.hasSuffix("/") else { continue }
            let chinese = tag.contains("lang=\"zh") || (open.last?.chinese ?? false)
            open.append((name, chinese))
        }
        return runs
    }

    /// The counter itself: text in a `lang="zh"` element (and in elements inside one) is left out, text
    /// elsewhere in the body counted, the head never.
    @Test func theCounterLeavesOutOnlyMarkedNames() {
        let html = """
            <html><head><title>蒙城县</title></head><body><p>School <span lang="zh">城关<b>一小</b></span> met</p>
            <p>未达标</p><svg><text lang="zh">东镇</text><text>A</text></svg><br>汉</body></html>
            """
        #expect(Self.chineseOutsideNames(html) == ["未达标", "汉"])
    }

    /// The bundled samples' report in English: no Chinese outside a name.
    @Test func theEnglishReportHasNoChineseOutsideNames() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let html = HTMLRenderer(language: .en).render(evaluation.document)
        let runs = Self.chineseOutsideNames(html)
        let distinct = Array(Set(runs)).sorted()
        #expect(runs.isEmpty, "\(runs.count) runs of Chinese outside names, e.g. \(distinct.prefix(40))")
        // The names are there, marked: a school stays Chinese.
        #expect(html.contains("<span lang=\"zh\">城关镇第一小学</span>"))
        // What is no name is English, though a cell of data would mark it: a subject behind C61, a unit, a
        // respondent group, a questionnaire's option, a threshold's unit.
        #expect(html.contains("data-key=\"name\">2022 English<"))
        #expect(html.contains("County Education Bureau"))
        #expect(html.contains("People&#39;s Congress deputies"))
        #expect(html.contains("Fairly satisfied"))
        #expect(html.contains("each school ≥ 4.2 per 100 students"))
    }

    /// The plan's own texts that the report quotes are English too: the overdue list's 具体要求, 附件3, the
    /// national rule and the stages' tasks (the report's date puts C20, C31, C34 and C46–C48 on the list).
    @Test func thePlansQuotedTextsAreEnglish() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let html = HTMLRenderer(language: .en).render(evaluation.document)
        let overdue = HTMLProbe.tableTexts(html, table: "plan-overdue")
        #expect(overdue.map { $0["code"] } == ["C20", "C31", "C34", "C46", "C47", "C48"])
        #expect(overdue.first?["units"]?.hasPrefix("County Housing and Urban-Rural Development Bureau") == true)
        #expect(overdue.first?["actions"]?.hasPrefix("Urban and rural compulsory schools in the county") == true)
        let accountability = HTMLProbe.tableTexts(html, table: "plan-accountability")
        #expect(accountability.count == 12)
        #expect(accountability.first?["clause"] == "2(1), item 1")
        #expect(html.contains("Annex 3, the accountability mechanism of Mengcheng County"))
        #expect(html.contains("The national rule (the Measures for the Supervision and Evaluation"))
        #expect(html.contains("Annex 2 C1: every school; the CV limit per <span lang=\"zh\">教督〔2017〕6号</span>"))
        #expect(!html.contains("附件"))
    }

    /// The registry check in English: a misspelt school and township with the registry, the same without
    /// it (the roster is the reference), and a registry that cannot be read. The findings, their places
    /// and suggestions and the caveats beside the figures are English but for the names they quote.
    @Test(arguments: ["registry", "no registry", "broken registry"])
    func theRegistryFindingsAreEnglish(_ kind: String) throws {
        let folder: String
        switch kind {
        case "registry": folder = try CountyNamesTests.copy(CountyNamesTests.misspell)
        case "no registry": folder = try CountyNamesTests.copy(registry: false, CountyNamesTests.misspell)
        default:
            folder = try CountyNamesTests.copy { folder in
                let path = folder + "/学校名录.csv"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: ",初中,初中\r\n", with: ",初中,完中\r\n")
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        let evaluation = try CountyNamesTests.run(folder)
        #expect(!evaluation.names.agree)
        let html = HTMLRenderer(language: .en).render(evaluation.document)
        let runs = Self.chineseOutsideNames(html)
        #expect(
            runs.isEmpty, "\(runs.count) runs of Chinese outside names, e.g. \(Array(Set(runs)).sorted().prefix(20))")
        let names = HTMLProbe.tableTexts(html, table: "data-names")
        switch kind {
        case "registry":
            #expect(
                names.first?["problem"] == "The school 城关一小 is not in the registry. Did you mean 城关镇第一小学? (356 rows)")
            #expect(html.contains("Names not confirmed: monitoring-students.csv has 1 school or township names"))
        case "no registry":
            #expect(names.first?["problem"]?.hasPrefix("城关一小 is not in the school roster (") == true)
            #expect(names.first?["problem"]?.hasSuffix("/roster.csv). Did you mean 城关镇第一小学? (356 rows)") == true)
        default:
            #expect(
                names.first?["problem"]
                    == "类型 (type) \"完中\" is not one of 小学, 初中, 九年一贯制, 十二年一贯制, 教学点, 特殊教育学校.")
        }
    }

    /// The Chinese report carries no marks: no `lang="zh"` spans and no private-use characters.
    @Test func theChineseReportHasNoMarks() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        #expect(!html.contains("lang=\"zh\""))
        #expect(!html.unicodeScalars.contains { $0.value == 0xE000 || $0.value == 0xE001 })
    }
}
