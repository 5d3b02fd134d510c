import JunhengCore
import Testing

@testable import JunhengRegistry

/// Without a registry, the files' names against each other.
@Suite struct NameComparisonTests {
    func source(_ file: String, complete: Bool = false, _ names: [(String, String)]) -> NameSource {
        var collector = NameCollector()
        for (line, (township, school)) in names.enumerated() {
            collector.add(
                school: school, township: township,
                schoolPlace: SourceLocation(file: file, line: line + 2, column: 2),
                townshipPlace: SourceLocation(file: file, line: line + 2, column: 1))
        }
        return NameSource(
            label: LocalizedText(verbatim: file), file: file, listsEverySchool: complete,
            figures: LocalizedText(verbatim: ""), occurrences: collector.occurrences)
    }

    @Test func theRosterIsTheListTheOthersAreComparedWith() {
        let roster = source("roster.csv", complete: true, [("城关镇", "城关镇第一小学"), ("青云镇", "青云镇中心小学")])
        let monitoring = source("monitoring.csv", [("城关镇", "城关第一小学"), ("青云镇", "青云镇中心小学")])
        let findings = NameComparison.compare([roster, monitoring])
        #expect(findings[0].isEmpty)
        #expect(findings[1].map(\.name) == ["城关第一小学"])
        #expect(findings[1][0].line(.zh) == "monitoring.csv:2:2: “城关第一小学”不在roster.csv（roster.csv）中。是否为“城关镇第一小学”？")
        #expect(findings[1][0].suggestions == ["城关镇第一小学"])
    }

    /// No roster: each later file's near spellings and other townships are listed once, naming the earlier file.
    @Test func withoutAListNearSpellingsDisagree() {
        let survey = source("survey.csv", [("城关镇", "城关镇第一小学"), ("青云镇", "中心小学")])
        let monitoring = source("monitoring.csv", [("城关街道", "城关一小"), ("柳河镇", "中心小学")])
        let findings = NameComparison.compare([survey, monitoring])
        #expect(findings[0].isEmpty)
        #expect(
            findings[1].map { $0.line(.zh) } == [
                "monitoring.csv:2:1: “城关街道”与survey.csv中的“城关镇”（survey.csv:2:1）写法不同，请统一。",
                "monitoring.csv:2:2: “城关一小”与survey.csv中的“城关镇第一小学”（survey.csv:2:2）写法不同，请统一。",
                "monitoring.csv:3:2: “中心小学”此处属于柳河镇，survey.csv（survey.csv:3:2）中属于青云镇。",
            ])
    }

    /// The roster is the reference wherever it stands in the folder: a file before it is compared with it,
    /// never the roster with that file.
    @Test func theRosterIsComparedWithNothing() {
        let monitoring = source("monitoring.csv", [("城关镇", "城关第一小学")])
        let roster = source("roster.csv", complete: true, [("城关镇", "城关镇第一小学")])
        let findings = NameComparison.compare([monitoring, roster])
        #expect(findings[1].isEmpty)
        #expect(findings[0].map(\.suggestions) == [["城关镇第一小学"]])
    }

    /// Two files that both name 第一小学 and 第二小学 name two schools: near spellings are not a disagreement
    /// when each file has both.
    @Test func twoRealSchoolsAreNotOneSpelling() {
        let a = source("a.csv", [("城关镇", "城关镇第一小学"), ("城关镇", "城关镇第二小学")])
        let b = source("b.csv", [("城关镇", "城关镇第二小学"), ("城关镇", "城关镇第一小学")])
        let c = source("c.csv", [("城关镇", "城关镇第二小学")])
        let findings = NameComparison.compare([a, b, c])
        #expect(findings.allSatisfy { $0.isEmpty })
    }

    @Test func agreeingFilesHaveNoFindings() {
        let a = source("a.csv", [("城关镇", "城关镇第一小学")])
        let b = source("b.csv", [("城关镇", "城关镇第一小学")])
        let findings = NameComparison.compare([a, b])
        #expect(findings.allSatisfy { $0.isEmpty })
    }
}
