import JunhengCore
import Testing

@testable import JunhengIngest

/// Accounting without holes: every record after the header is handed on or skipped with a reason, and
/// the summary counts each reason, so `records = rows + skipped`.
@Suite struct ReadAccountingTests {
    /// Line by line: 1 title, 2 header, 3 data, 4 blank, 5 only commas, 6 ragged, 7 data, 8 合计.
    @Test func everySkippedRowIsCountedWithItsReason() throws {
        let path = temporaryFile("学校名单\n学校,人数,满意\n一小,10,9\n\n,,\n二小,20\n三小,30,25\n合计,60,34\n")
        let summary = try CSVFile(path: path).read { _ in }
        #expect(summary.rows == 2)
        #expect(summary.skippedRows == 5)
        #expect(
            summary.skippedByReason.map { "\($0.reason.rawValue) \($0.count)" } == [
                "blank-line 1", "empty-row 1", "title-row 1", "total-row 1", "ragged-row 1",
            ])
        #expect(summary.problems.map(\.location.line) == [1, 4, 5, 6, 8])
    }

    /// A 问卷星 export numbers every response in 序号, so 总计 there was typed by hand: the row is
    /// skipped as a total row (never silently), and the message says what it found and what to do.
    @Test func aTotalLabelInTheNumberingColumnIsReportedAsSuch() throws {
        let path = temporaryFile("序号,1、您的身份,2、满意度\n1,家长,满意\n总计,2,1\n")
        let summary = try CSVFile(path: path).read { _ in }
        #expect(summary.rows == 1)
        #expect(summary.count(of: .totalRow) == 1)
        let problem = try #require(summary.problems.first)
        #expect(problem.location.line == 3)
        #expect(
            problem.message.en
                == "\"序号\" is \"总计\", not a number: the row is skipped as a total row (问卷星 numbers every "
                + "response, so this row was added by hand). If it is a response, give it back its number and run again."
        )
        #expect(problem.message.zh.hasPrefix("“序号”一列是“总计”而不是编号"))
    }

    @Test func anOrdinaryTotalRowSaysTotalsAreComputed() throws {
        let path = temporaryFile("学校,人数\n一小,10\n合计,10\n")
        let summary = try CSVFile(path: path).read { _ in }
        #expect(summary.problems.map(\.message.en) == ["Total row (合计) skipped: junheng computes totals itself."])
    }
}
