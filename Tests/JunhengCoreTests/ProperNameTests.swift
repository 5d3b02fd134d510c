import Foundation
import Testing

@testable import JunhengCore

/// A Chinese proper name inside an English text: marked in the English string, shown without the mark by
/// every output (`text(_:)`, JSON), kept for the HTML renderer (`markedText(_:)`).
@Suite struct ProperNameTests {
    @Test func onlyChineseIsMarked() {
        #expect(ProperName.mark("城关镇") == "\u{E000}城关镇\u{E001}")
        #expect(ProperName.mark("School 7") == "School 7")
        #expect(ProperName.mark("") == "")
        // Full-width punctuation and CJK symbols count as Chinese; an already marked name is not marked twice.
        #expect(ProperName.mark("（一）") == "\u{E000}（一）\u{E001}")
        #expect(ProperName.mark(ProperName.mark("东镇")) == ProperName.mark("东镇"))
        #expect(ProperName.isChinese("Ⅲ+ 60%") == false)
    }

    /// In an English text a county wrote, each stretch of Chinese is a name: from the first to the last
    /// Chinese character of a word, the brackets and punctuation around it left outside.
    @Test func chineseRunsInAnEnglishTextAreMarked() {
        let s = ProperName.start
        let e = ProperName.end
        #expect(
            ProperName.markRuns("the Measures (教督〔2017〕6号), resource allocation")
                == "the Measures (\(s)教督〔2017〕6号\(e)), resource allocation")
        #expect(ProperName.markRuns("国办发〔2012〕48号 and 皖政办〔2012〕62号") == "\(s)国办发〔2012〕48号\(e) and \(s)皖政办〔2012〕62号\(e)")
        #expect(ProperName.markRuns("No Chinese here.") == "No Chinese here.")
        #expect(ProperName.markRuns("a “东镇”") == "a “\(s)东镇\(e)”")
        // A text already marked is left as it is.
        #expect(ProperName.markRuns(ProperName.mark("东镇")) == ProperName.mark("东镇"))
    }

    @Test func aNameIsTheSameInBothLanguagesAndMarkedOnlyInEnglish() {
        let name = LocalizedText.name("城关镇第一小学")
        #expect(name.zh == "城关镇第一小学")
        #expect(name.text(.zh) == "城关镇第一小学")
        #expect(name.text(.en) == "城关镇第一小学")
        #expect(name.markedText(.en) == "\u{E000}城关镇第一小学\u{E001}")
        // Composed into an English sentence, the mark goes along and is dropped on output.
        let sentence = LocalizedText(zh: "学校：", en: "School: ") + name
        #expect(sentence.text(.en) == "School: 城关镇第一小学")
        #expect(ProperName.isMarked(sentence.markedText(.en)))
        #expect(!ProperName.isMarked(sentence.markedText(.zh)))
    }

    @Test func jsonNeverCarriesTheMarks() throws {
        let data = try JSONEncoder().encode(LocalizedText.name("东镇"))
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"en\":\"东镇\""))
        #expect(!text.unicodeScalars.contains { $0.value == 0xE000 || $0.value == 0xE001 })
        #expect(try JSONDecoder().decode(LocalizedText.self, from: data) == LocalizedText(verbatim: "东镇"))
    }

    @Test func stripLeavesOtherTextAlone() {
        #expect(ProperName.strip("plain") == "plain")
        #expect(ProperName.strip("a \u{E000}东镇\u{E001} b") == "a 东镇 b")
        // U+E0xx other than the two marks (and 0xEE lead bytes of other characters) are kept.
        #expect(ProperName.strip("\u{E123}") == "\u{E123}")
    }
}
