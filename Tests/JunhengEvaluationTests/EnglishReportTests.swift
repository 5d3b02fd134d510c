import Foundation
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

    /// The Chinese report carries no marks: no `lang="zh"` spans and no private-use characters.
    @Test func theChineseReportHasNoMarks() throws {
        let evaluation = try CountyEvaluationTests.sampleEvaluation()
        let html = HTMLRenderer(language: .zh).render(evaluation.document)
        #expect(!html.contains("lang=\"zh\""))
        #expect(!html.unicodeScalars.contains { $0.value == 0xE000 || $0.value == 0xE001 })
    }
}
