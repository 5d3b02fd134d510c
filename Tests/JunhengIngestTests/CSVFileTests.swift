import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// One test per case of DOMAIN.md §6; the fixtures are written by `Fixtures/make_fixtures.py`, whose
/// comments say what each file holds and on which lines.
@Suite struct CSVFileTests {
    /// .xls workbooks are read in the test host's child process (`Tests/XLSReaderHost`).
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    func read(_ name: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> CSVTable {
        try CSVTable.read(path: fixture(name), options: options)
    }

    func readError(_ name: String, _ options: CSVReadOptions = CSVReadOptions()) -> IngestError? {
        do {
            _ = try CSVTable.read(path: fixture(name), options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test func bomBeforeQuotedHeaderIsStripped() throws {
        let table = try read("bom-quoted-header.csv")
        #expect(table.encoding == .utf8)
        #expect(table.header == ["序号", "1、您的身份", "2、所在乡镇"])
        #expect(
            table.records == [
                CSVRecord(line: 2, fields: ["1", "家长", "城关镇"]),
                CSVRecord(line: 3, fields: ["2", "教师", "双涧镇"]),
            ])
        #expect(table.problems.isEmpty)
    }

    /// Rows of converted text (GB18030, UTF-16) need no UTF-8 check; a UTF-8 file's own bytes do.
    @Test func convertedRowsSayTheyAreConverted() throws {
        for (name, converted) in [("gb18030.csv", true), ("utf16le-bom.txt", true), ("quoted.csv", false)] {
            var rows: [Bool] = []
            _ = try CSVFile(path: fixture(name)).scan { rows.append($0.isConvertedText) }
            #expect(!rows.isEmpty, "\(name)")
            #expect(rows.allSatisfy { $0 == converted }, "\(name)")
        }
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        let table = try read("gb18030.csv")
        #expect(table.encoding == .gb18030)
        #expect(table.records.map(\.fields) == [["1", "家长", "城关镇"], ["2", "教师", "双涧镇"], ["3", "学生", "庄周街道"]])
    }

    @Test(arguments: [
        ("utf16le-bom.txt", TextEncoding.utf16le, CSVDelimiter.tab),
        ("utf16be-bom.csv", TextEncoding.utf16be, CSVDelimiter.comma),
        ("utf16le-nobom.csv", TextEncoding.utf16le, CSVDelimiter.comma),
    ])
    func utf16IsTranscoded(name: String, encoding: TextEncoding, delimiter: CSVDelimiter) throws {
        let table = try read(name)
        #expect(table.encoding == encoding)
        #expect(table.delimiter == delimiter)
        #expect(table.header == ["序号", "1、您的身份", "2、所在乡镇"])
        #expect(table.records.map(\.fields) == [["1", "家长", "城关镇"], ["2", "教师", "双涧镇"]])
        #expect(table.records.map(\.line) == [2, 3])
    }

    @Test func crOnlyLineEndings() throws {
        let table = try read("cr-only.csv")
        #expect(table.records == [CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["3", "4"])])
    }

    @Test func mixedLineEndingsAndNoFinalNewline() throws {
        let table = try read("mixed-endings.csv")
        #expect(table.records.map(\.line) == [2, 3, 4, 5])
        #expect(table.records.map(\.fields) == [["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
    }

    @Test func blankAndDelimiterOnlyLinesAreSkippedAndCounted() throws {
        let table = try read("blank-and-empty.csv")
        #expect(table.records.map(\.line) == [2, 4, 7])
        #expect(table.problems.map(\.kind) == [.blankLine, .emptyRow, .blankLine])
        #expect(table.problems.map(\.location.line) == [3, 5, 6])
    }

    @Test func titleAndTotalRowsAreSkippedAndCounted() throws {
        let table = try read("title-total.csv")
        #expect(table.headerLine == 2)
        #expect(table.header == ["学校", "人数", "满意"])
        #expect(table.records.map(\.fields) == [["一小", "10", "9"], ["二小", "20", "17"]])
        #expect(table.problems.map(\.kind) == [.titleRow, .totalRow])
        #expect(table.problems.map(\.location.line) == [1, 5])
    }

    @Test func duplicateAndEmptyHeadersAreReported() throws {
        let table = try read("duplicate-headers.csv")
        #expect(table.problems.map(\.kind) == [.duplicateHeader, .emptyHeader])
        #expect(table.problems.map(\.location.column) == [3, 4])
        #expect(table.columnIndex(named: "学校") == 0)
        #expect(table.records.count == 1)
    }

    @Test func raggedRowsAreReportedNeverPadded() throws {
        let table = try read("ragged.csv")
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.problems.map(\.kind) == [.raggedRow, .raggedRow])
        #expect(table.problems.map(\.location.line) == [3, 4])
        #expect(table.problems[0].message.en.contains("2 fields but the header has 3"))
        #expect(table.problems[1].message.en.contains("4 fields but the header has 3"))
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let table = try read("quoted.csv")
        #expect(
            table.records == [
                CSVRecord(line: 2, fields: ["1", "a, b"]),
                CSVRecord(line: 3, fields: ["2", "line one\nline two\nsays \"hi\""]),
                CSVRecord(line: 6, fields: ["3", "plain"]),
            ])
    }

    @Test func unterminatedQuoteFailsAtTheLineWhereItOpened() {
        let error = readError("unterminated-quote.csv")
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.location?.line == 3)
        #expect(error?.description.hasPrefix(fixture("unterminated-quote.csv") + ":3: ") == true)
    }

    @Test func nulBytesAreReportedAndRemoved() throws {
        let table = try read("nul-bytes.csv")
        #expect(table.records.map(\.fields) == [["1", "abc"], ["2", "d"]])
        #expect(table.problems.map(\.kind) == [.nulByte])
        #expect(table.problems[0].location == .init(file: fixture("nul-bytes.csv"), line: 2, column: 2))
    }

    @Test func fullWidthTextIsKeptAsIs() throws {
        let table = try read("fullwidth.csv")
        #expect(table.records.map(\.fields) == [["１", "９５．５"], ["２", "８０，５"]])
    }

    @Test func excelSepLineChoosesTheDelimiter() throws {
        let table = try read("sep-semicolon.csv")
        #expect(table.delimiter == .semicolon)
        #expect(table.headerLine == 2)
        #expect(table.records.map(\.fields) == [["1", "2,5", "3"], ["4", "5", "6"]])
    }

    @Test(arguments: [("tab.tsv", CSVDelimiter.tab), ("semicolon.csv", .semicolon), ("pipe.csv", .pipe)])
    func delimiterIsSniffed(name: String, delimiter: CSVDelimiter) throws {
        let table = try read(name)
        #expect(table.delimiter == delimiter)
        #expect(table.header == ["a", "b", "c"])
    }

    @Test func delimiterOverrideWins() throws {
        // pipe.csv is "a|b|c" / "1|2|3": with a comma forced, it is a one-column file.
        let table = try read("pipe.csv", CSVReadOptions(delimiter: .comma))
        #expect(table.delimiter == .comma)
        #expect(table.header == ["a|b|c"])
        #expect(table.records.map(\.fields) == [["1|2|3"]])
    }

    @Test func formulaLikeCellsAreReadAsText() throws {
        let table = try read("formula-cells.csv")
        #expect(table.records.map(\.fields) == [["=HYPERLINK(\"http://x\")", "+1"], ["@SUM(A1)", "-2"]])
    }

    /// A file that starts like a workbook is handed to the workbook reader (these two are only the
    /// first bytes of one, so it finds them damaged and says so).
    @Test(arguments: ["workbook.xlsx", "workbook.xls"])
    func workbooksAreRecognised(name: String) {
        let error = readError(name)
        #expect(error?.kind == .damaged)
        #expect(error?.message.zh.hasPrefix("工作簿已损坏或不是 Excel 能读的格式") == true)
    }

    @Test func mixedEncodingFailsAtLineAndColumn() {
        let error = readError("mixed-encoding.csv")
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.location?.line == 302)
        #expect(error?.location?.column == 2)
    }

    @Test func invalidGB18030FailsAtLineAndColumn() {
        let error = readError("invalid-gb18030.csv")
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 2)
    }

    @Test func missingFileSaysSo() {
        let error = readError("no-such-file.csv")
        #expect(error?.kind == .unreadable)
    }

    /// Chunk boundaries must not change anything: a CRLF, a UTF-8 or GB18030 character, or a quoted
    /// newline split across two reads gives the same records and lines as one read.
    @Test(arguments: [
        "quoted.csv", "mixed-endings.csv", "gb18030.csv", "utf16le-bom.txt", "blank-and-empty.csv",
        "bom-quoted-header.csv", "title-total.csv", "cr-only.csv",
    ])
    func tinyChunksGiveTheSameRecords(name: String) throws {
        let whole = try read(name)
        for size in [16, 17, 19, 23] {
            let chunked = try read(name, CSVReadOptions(chunkSize: size))
            #expect(chunked == whole, "chunk size \(size)")
        }
    }

    @Test func streamingHandsHeaderThenRowsInOrder() throws {
        var events: [String] = []
        let summary = try CSVFile(path: fixture("ragged.csv")).read(
            header: { names, line in events.append("header \(line) \(names.joined(separator: "|"))") },
            row: { record in events.append("row \(record.line)") })
        #expect(events == ["header 1 a|b|c", "row 2", "row 5"])
        #expect(summary.rows == 2)
        #expect(summary.lines == 5)
    }
}

@Suite struct CSVRowValidationTests {
    func firstError(_ bytes: [UInt8]) throws -> IngestError? {
        let path = NSTemporaryDirectory() + "junheng-row-\(UUID().uuidString).csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        var failure: IngestError?
        _ = try CSVFile(path: path, options: CSVReadOptions(encoding: .utf8)).scan { row in
            do throws(IngestError) { try row.validate() } catch { if failure == nil { failure = error } }
        }
        return failure
    }

    @Test func validRowsPass() throws {
        #expect(try firstError(Array("序号,乡镇\n1,城关镇\n2,\n".utf8)) == nil)
    }

    /// A character split by the delimiter: E5 | 9F 8E. The record's bytes without the comma
    /// (E5 9F 8E = 城) would be valid; each field alone is not. The error names column 3, where the
    /// field starts with a continuation byte (column 2 ends with a lone lead byte, found first).
    @Test func aCharacterSplitAcrossFieldsIsCaught() throws {
        let bytes = Array("a,b,c\n1,".utf8) + [0xE5, 0x2C, 0x9F, 0x8E] + Array("\n".utf8)
        let error = try firstError(bytes)
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 2)
    }

    @Test func anInvalidByteNamesItsColumn() throws {
        let error = try firstError(Array("a,b,c\n1,2,".utf8) + [0xFF] + Array("\n".utf8))
        #expect(error?.location?.column == 3)
    }
}

@Suite struct RecordBufferCopyTests {
    /// Fields of every length from 0 to 40 bytes (the copy takes different paths below 4, 8 and 16
    /// bytes) come back byte for byte.
    @Test func everyFieldLengthIsCopiedExactly() throws {
        let fields = (0...40).map { length in
            String((0..<length).map { Character(UnicodeScalar(97 + ($0 * 7 + length) % 26)!) })
        }
        let text = "h" + String(repeating: ",h", count: fields.count - 1) + "\n" + fields.joined(separator: ",") + "\n"
        let path = NSTemporaryDirectory() + "junheng-lengths-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let table = try CSVTable.read(path: path)
        #expect(table.records.count == 1)
        #expect(table.records.first?.fields == fields)
    }
}
