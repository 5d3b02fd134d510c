import JunhengCore
import Testing

@testable import JunhengIngest

/// A quote that swallows rows (issue 9, case 6): nothing is merged silently, and legitimate multi-line
/// answers (问卷星 free text with newlines) are not flagged.
@Suite struct StrayQuoteTests {
    static let header = "序号,提交答卷时间,1、您的身份,2、满意度,3、您的建议\n"

    /// Line 2 opens a quote in 建议 that only the last `"` on line 4 closes: lines 3 and 4 are whole
    /// responses (5 fields, the next 序号) read into one cell. The merged record is skipped and reported at
    /// line 2; the first `"` of line 4, followed by text, is libcsv's strict error, reported at line 4.
    /// Line 5 is read.
    static let swallowing =
        header
        + "1,2024/5/1 10:00,家长,满意,\"学校很好\n"
        + "2,2024/5/1 10:05,家长,满意,还行\n"
        + "3,2024/5/1 10:07,教师,满意,说\"很好\"\n"
        + "4,2024/5/1 10:09,家长,不满意,无\n"

    @Test func aQuoteThatTakesInWholeRecordsIsReportedWhereItOpened() throws {
        let path = temporaryFile(Self.swallowing)
        var lines: [Int] = []
        let summary = try CSVFile(path: path).read { lines.append($0.line) }
        #expect(lines == [5])
        #expect(summary.problems.map(\.kind) == [.strayQuote, .quoteSpansRecords])
        #expect(summary.problems.map(\.location.line) == [4, 2])
        #expect(summary.skippedRows == 1)
        #expect(
            summary.problems[1].message.en
                == "A quote opened on this line closes only on line 4, and 2 line(s) in between (from line 3) look "
                + "like whole records that would be read as one cell. The merged record is skipped: find the stray \" "
                + "on this line (say, in a typed answer), remove it or double it, and run again.")
    }

    @Test func theBackgroundReaderSkipsTheSameRecord() throws {
        var lines: [Int] = []
        let summary = try CSVBackgroundReader(file: CSVFile(path: temporaryFile(Self.swallowing)), batchRows: 1).scan {
            lines.append($0.line)
        }
        #expect(lines == [5])
        #expect(summary.count(of: .quoteSpansRecords) == 1)
    }

    /// Free text with newlines, commas and doubled quotes, as 问卷星 writes it (see the benchmark's
    /// generator): no line inside a quote has the header's five fields or starts with the next 序号.
    @Test func multiLineAnswersAreNotFlagged() throws {
        let path = temporaryFile(
            Self.header
                + "1,2024/5/1 10:00,家长,满意,\"建议：\n1. 增加体育课\n2. 改善食堂\"\n"
                + "2,2024/5/1 10:05,家长,满意,\"校车太挤了,\r\n希望多安排一辆\"\n"
                + "3,2024/5/1 10:07,教师,满意,\"孩子说\"\"学校很好\"\"\n我也这么认为\"\n")
        var lines: [Int] = []
        let summary = try CSVFile(path: path).read { lines.append($0.line) }
        #expect(lines == [2, 5, 7])
        #expect(summary.problems.isEmpty)
    }

    /// Inside a quote, a line that starts with the next 序号 is a record taken in, whatever its commas.
    @Test func theNextNumberAloneIsEnough() throws {
        let path = temporaryFile(Self.header + "7,t,家长,满意,\"好\n8,t,家长\n\"\n9,t,家长,满意,无\n")
        let summary = try CSVFile(path: path).read { _ in }
        #expect(summary.problems.map(\.kind) == [.quoteSpansRecords])
        #expect(summary.rows == 1)
    }

    /// A quote inside an unquoted field is text Excel users type: kept, and no problem.
    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        let table = try CSVTable.read(path: temporaryFile("a,b\n1,他身高5'6\" 左右\n"))
        #expect(table.records.map(\.fields) == [["1", "他身高5'6\" 左右"]])
        #expect(table.problems.isEmpty)
    }

    /// `"a"b` is libcsv's strict error: a problem at its line and column; the field goes on as libcsv's
    /// default mode reads it (the quote kept, the field still quoted until `",`).
    @Test func aQuoteInsideAQuotedFieldFollowedByTextIsAProblem() throws {
        let table = try CSVTable.read(path: temporaryFile("a,b,c\n1,\"x\"y\",z\n"))
        #expect(table.records.map(\.fields) == [["1", "x\"y", "z"]])
        #expect(table.problems.map(\.kind) == [.strayQuote])
        #expect(table.problems.first?.location.line == 2)
        #expect(table.problems.first?.location.column == 2)
    }

    /// With a two-column header, a line inside a quote with one comma is ordinary text (no record has
    /// fewer than three columns to compare with), so only the unterminated quote is reported as before.
    @Test func twoColumnTextIsNotMistakenForRecords() throws {
        let table = try CSVTable.read(path: temporaryFile("id,text\n1,\"a\nb, c\nd\"\n2,e\n"))
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.problems.isEmpty)
    }
}
