import JunhengCore
import Testing

@testable import JunhengIngest

/// Memory bounded by design: a field, record or header past the limits stops the read at its line,
/// with a message that asks whether this is a CSV export at all.
@Suite struct CSVLimitsTests {
    func readError(_ path: String, _ options: CSVReadOptions = CSVReadOptions()) -> IngestError? {
        do {
            _ = try CSVFile(path: path, options: options).scan { _ in }
            return nil
        } catch {
            return error as? IngestError
        }
    }

    func small(fieldBytes: Int = 64, recordBytes: Int = 256, columns: Int = 8, titleLines: Int = 3) -> CSVReadOptions {
        CSVReadOptions(
            chunkSize: 16,
            limits: CSVLimits(
                fieldBytes: fieldBytes, recordBytes: recordBytes, columns: columns, titleLines: titleLines))
    }

    @Test func theDefaultsAreOneMebibyteFourMebibytesAndExcelsWidth() {
        let limits = CSVLimits()
        #expect(limits.fieldBytes == 1_048_576)
        #expect(limits.recordBytes == 4_194_304)
        #expect(limits.columns == 16_384)
        #expect(limits.titleLines == 10)
    }

    /// A field of 65 bytes in column 2 of the record on line 2, with a 64-byte limit.
    @Test func aFieldOverTheLimitStopsAtItsLineAndColumn() {
        let path = temporaryFile("a,b\n1," + String(repeating: "x", count: 65) + "\n")
        let error = readError(path, small())
        #expect(error?.kind == .fieldTooLong)
        #expect(error?.location == SourceLocation(file: path, line: 2, column: 2))
        #expect(
            error?.message.en.hasPrefix("A field over 64 bytes in column 2 of the record starting on this line") == true
        )
    }

    @Test func aFieldOfExactlyTheLimitIsRead() throws {
        let path = temporaryFile("a,b\n1," + String(repeating: "x", count: 64) + "\n")
        let table = try CSVTable.read(path: path, options: small())
        #expect(table.records.first?.fields[1].count == 64)
    }

    /// One field of 1 MiB + 1 byte with no line end at all: stopped before libcsv holds much more.
    @Test func aLongLineWithoutALineEndStopsAtTheDefaultLimit() {
        let path = temporaryFile(String(repeating: "x", count: (1 << 20) + 1))
        let error = readError(path)
        #expect(error?.kind == .fieldTooLong)
        #expect(error?.location?.line == 1)
        #expect(error?.message.en.hasPrefix("A field over 1 MiB in column 1") == true)
        #expect(error?.message.zh.contains("这真的是 CSV 导出文件吗") == true)
    }

    /// A quoted field spanning lines is held to the limit too, at the line where its record starts.
    @Test func aQuotedFieldOverManyLinesStopsAtItsRecordsLine() {
        let path = temporaryFile("a,b\n1,2\n3,\"" + String(repeating: "yy\n", count: 30) + "\"\n")
        let error = readError(path, small())
        #expect(error?.kind == .fieldTooLong)
        #expect(error?.location == SourceLocation(file: path, line: 3, column: 2))
    }

    /// Five fields of 60 bytes: each within 64, the record (300) over 256.
    @Test func aRecordOverTheLimitStops() {
        let field = String(repeating: "z", count: 60)
        let path = temporaryFile("a,b,c,d,e\n" + Array(repeating: field, count: 5).joined(separator: ",") + "\n")
        let error = readError(path, small())
        #expect(error?.kind == .recordTooLong)
        #expect(error?.location?.line == 2)
    }

    @Test func aHeaderWiderThanTheLimitStops() {
        let path = temporaryFile((1...9).map { "c\($0)" }.joined(separator: ",") + "\n1,2\n")
        let error = readError(path, small())
        #expect(error?.kind == .tooManyColumns)
        #expect(error?.location?.line == 1)
    }

    @Test func aHeaderOfExactlyTheLimitIsRead() throws {
        let path = temporaryFile((1...8).map { "c\($0)" }.joined(separator: ",") + "\n")
        #expect(try CSVTable.read(path: path, options: small()).header.count == 8)
    }

    /// Title lines are held until the header; past `titleLines` (3 here) of them, the file is a
    /// one-column file: its first line is the header and the rest are rows, as at the end of a file.
    @Test func manyOneCellRowsMakeAOneColumnFile() throws {
        let path = temporaryFile("名单\n一小\n二小\n三小\n四小\n五小\n")
        let table = try CSVTable.read(path: path, options: small())
        #expect(table.header == ["名单"])
        #expect(table.records.map(\.fields) == [["一小"], ["二小"], ["三小"], ["四小"], ["五小"]])
        #expect(table.records.map(\.line) == [2, 3, 4, 5, 6])
        #expect(table.problems.isEmpty)
    }

    @Test func titleLinesWithinTheLimitStayTitleLines() throws {
        let path = temporaryFile("某县学校\n2024 年\n\n学校,人数\n一小,3\n")
        let table = try CSVTable.read(path: path, options: small())
        #expect(table.header == ["学校", "人数"])
        #expect(table.problems.map(\.kind) == [.blankLine, .titleRow, .titleRow])
    }

    /// A table read whole into memory stops past its text limit, at the row that passes it.
    @Test func aTableOverItsLimitStops() {
        let path = temporaryFile("a,b\n" + String(repeating: "1234,5678\n", count: 20))
        do {
            _ = try CSVTable.read(path: path, options: CSVReadOptions(limits: CSVLimits(tableBytes: 80)))
            Issue.record("read past the limit")
        } catch {
            // 8 bytes a row: row 11 (line 12) takes the text to 88 bytes.
            #expect(error.kind == .tableTooLarge)
            #expect(error.location?.line == 12)
        }
    }
}
