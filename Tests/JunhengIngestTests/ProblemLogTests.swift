import JunhengCore
import Testing

@testable import JunhengIngest

/// Memory bounded by design: the first 1,000 problems of each kind are kept, the rest counted exactly.
@Suite struct ProblemLogTests {
    @Test func theIndexOfEachKindIsItsPlaceInAllCases() {
        for (position, kind) in IngestProblem.Kind.allCases.enumerated() {
            #expect(ProblemLog.index(kind) == position, "\(kind)")
        }
    }

    @Test func keepsTheFirstThousandOfEachKindAndCountsAll() {
        let log = ProblemLog(file: "f.csv")
        var made = 0
        for line in 1...2_500 {
            log.add(
                .raggedRow, line: line,
                {
                    made += 1
                    return LocalizedText(verbatim: "r")
                }())
        }
        for line in 1...3 { log.add(.blankLine, line: line, LocalizedText(verbatim: "b")) }
        #expect(log.countsByKind == [.raggedRow: 2_500, .blankLine: 3])
        #expect(log.problems.count == 1_003)
        #expect(log.problems.filter { $0.kind == .raggedRow }.map(\.location.line) == Array(1...1_000))
        // A message is made only for a problem kept.
        #expect(made == 1_000)
    }

    /// 2,500 ragged rows of `1` under a three-column header: 1,000 listed, 2,500 counted and skipped.
    @Test func aFileOfRaggedRowsIsCountedExactly() throws {
        let path = temporaryFile("a,b,c\n" + String(repeating: "1\n", count: 2_500) + "4,5,6\n")
        let summary = try CSVFile(path: path).read { _ in }
        #expect(summary.rows == 1)
        #expect(summary.count(of: .raggedRow) == 2_500)
        #expect(summary.problems.count == 1_000)
        #expect(summary.omittedProblems == 1_500)
        #expect(summary.skippedRows == 2_500)
        #expect(summary.problems.last?.location.line == 1_001)
    }

    @Test func inspectionListsTheFirstThousandAndSaysHowManyMore() throws {
        let path = temporaryFile("a,b\n" + String(repeating: "\n", count: 1_200) + "1,2\n")
        let inspection = CSVInspection.inspect(path: path, language: .en)
        #expect(inspection.problems.count == 1_000)
        #expect(inspection.problemCounts == ["blank-line": 1_200])
        #expect(inspection.skipped == ["blank-line": 1_200])
        #expect(inspection.rows == 1)
        let text = InspectionText(language: .en).render(inspection)
        #expect(text.contains("\n  200 more [blank-line] problem(s) not listed (the first 1000 of each kind are).\n"))
        #expect(text.contains("rows skipped: 1200 (blank-line 1200)\n"))
    }
}
