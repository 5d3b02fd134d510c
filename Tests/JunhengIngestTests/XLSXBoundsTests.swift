import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// An .xlsx is bounded as a CSV file is (issue 22): a cell, a row, the shared strings and what a part
/// may inflate to; a damaged or hostile package is refused with its place, never read for minutes or
/// into gigabytes, and the thread that inflates it never outlives the read. The packages are written
/// by each test (``XLSXBuilder``).
@Suite struct XLSXBoundsTests {
    /// Reads the sheet, collecting the data rows' lines.
    static func read(_ path: String, limits: CSVLimits = CSVLimits()) throws -> (lines: [Int], summary: CSVReadSummary)
    {
        var lines: [Int] = []
        let summary = try WorkbookFile(path: path, limits: limits).read { lines.append($0.line) }
        return (lines, summary)
    }

    /// The error reading `path` gives, if any.
    static func error(reading path: String, limits: CSVLimits = CSVLimits()) -> IngestError? {
        do {
            _ = try read(path, limits: limits)
            return nil
        } catch {
            return error as? IngestError
        }
    }

    static let oneMiB = 1 << 20

    // MARK: - A cell, a row

    /// A cell of 1 MiB + 1 byte is refused at its place, whether its text is a `<v>` (a number's or a
    /// formula's text), an inline string or a shared string; one of exactly 1 MiB is read whole (a
    /// number that long is `#NUM!`, as in Excel, which keeps no number past 1.8e308).
    @Test(arguments: ["number", "str", "inline", "shared"])
    func aCellOverTheFieldLimitIsRefusedAtItsPlace(kind: String) throws {
        func book(_ length: Int) throws -> String {
            let text = String(repeating: "7", count: length)
            switch kind {
            case "number", "str":
                let type = kind == "str" ? #" t="str""# : ""
                return try XLSXBuilder.write(
                    sheet: XLSXBuilder.sheet(
                        #"<row r="2"><c r="A2"><v>1</v></c><c r="B2"\#(type)><v>\#(text)</v></c></row>"#))
            case "inline":
                return try XLSXBuilder.write(
                    sheet: XLSXBuilder.sheet(
                        #"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>\#(text)</t></is></c></row>"#)
                )
            default:
                return try XLSXBuilder.write(
                    sheet: XLSXBuilder.sheet(#"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>1</v></c></row>"#),
                    sharedStrings: .text("<sst><si><t>x</t></si><si><t>\(text)</t></si></sst>"))
            }
        }
        let over = try book(Self.oneMiB + 1)
        let error = try #require(Self.error(reading: over))
        #expect(error.kind == .fieldTooLong)
        #expect(error.location == SourceLocation(file: over + "[S]", line: 2, column: 2))
        #expect(error.message.zh.hasPrefix("此单元格的内容超过 1 MiB（Excel 一个单元格最多 32767 个字符）"))
        #expect(error.message.en.hasPrefix("This cell holds more than 1 MiB"))

        var cell = ""
        _ = try WorkbookFile(path: try book(Self.oneMiB)).read { cell = $0.fields[1] }
        #expect(kind == "number" ? cell == "#NUM!" : cell.utf8.count == Self.oneMiB)
    }

    /// A shared string over the limit that no cell uses costs nothing and stops nothing.
    @Test func anUnusedLongSharedStringIsNotKept() throws {
        let path = try XLSXBuilder.write(
            sheet: XLSXBuilder.sheet(#"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>2</v></c></row>"#),
            sharedStrings: .text(
                "<sst><si><t>x</t></si><si><t>" + String(repeating: "长", count: 400_000)
                    + "</t></si><si><t>y</t></si></sst>"))
        var fields: [[String]] = []
        _ = try WorkbookFile(path: path).read { fields.append($0.fields) }
        #expect(fields == [["x", "y"]])
    }

    /// A row of five 1,000-byte cells against a 4,000-byte row limit; 17 columns against 16.
    @Test func aRowOverItsLimitsIsRefusedAtItsRow() throws {
        let limits = CSVLimits(fieldBytes: 1_000, recordBytes: 4_000, columns: 16)
        let cell = String(repeating: "8", count: 1_000)
        let long = try XLSXBuilder.write(
            sheet: XLSXBuilder.sheet(
                "<row r=\"2\">" + String(repeating: "<c t=\"str\"><v>\(cell)</v></c>", count: 5) + "</row>"))
        let error = try #require(Self.error(reading: long, limits: limits))
        #expect(error.kind == .recordTooLong)
        #expect(error.location == SourceLocation(file: long + "[S]", line: 2))

        let wide = try XLSXBuilder.write(
            sheet: XLSXBuilder.sheet(#"<row r="2"><c r="A2"><v>1</v></c><c r="Q2"><v>1</v></c></row>"#))
        let wideError = try #require(Self.error(reading: wide, limits: limits))
        #expect(wideError.kind == .tooManyColumns)
        #expect(wideError.location == SourceLocation(file: wide + "[S]", line: 2))
    }

    /// Excel's last row is 1,048,576: a row number past it (which would make a billion blank rows) is
    /// damage.
    @Test func aRowNumberPastExcelsLastRowIsDamage() throws {
        let path = try XLSXBuilder.write(
            sheet: XLSXBuilder.sheet(
                #"<row r="2"><c r="A2"><v>1</v></c></row><row r="2000000000"><c><v>1</v></c></row>"#))
        let error = try #require(Self.error(reading: path))
        #expect(error.kind == .damaged)
        #expect(error.message.en.contains("row number 2000000000 is outside Excel's 1–1048576"))
    }

    // MARK: - The shared strings

    /// The table's bounds (256 MiB, 16,777,216 strings) here at 10 bytes and 3 strings.
    @Test func theSharedStringTableIsBounded() throws {
        func read(_ xml: String) -> Result<XLSXSharedStrings, XLSXSharedStringsReader.Failure> {
            XLSXSharedStrings.read(InputStream(data: Data(xml.utf8)), fieldBytes: 8, maximumBytes: 10, maximumCount: 3)
        }
        #expect(throws: Never.self) { try read("<sst><si><t>12345</t></si><si><t>12345</t></si></sst>").get() }
        #expect(throws: XLSXSharedStringsReader.Failure.tooLarge) {
            try read("<sst><si><t>12345</t></si><si><t>123456</t></si></sst>").get()
        }
        #expect(throws: XLSXSharedStringsReader.Failure.tooLarge) {
            try read("<sst><si/><si/><si/><si/></sst>").get()
        }
        // Over the field limit: kept as a mark, not counted in the table's bytes.
        let table = try read("<sst><si><t>123456789</t></si><si><t>ab</t></si></sst>").get()
        #expect(table[0] == .overLimit)
        #expect(table[1] == .text("ab"))
        #expect(table[2] == .missing)
        #expect(table.byteCount == 2)
    }

    // MARK: - What a part may inflate to

    @Test func inflationLimits() {
        let mib: UInt64 = 1 << 20
        // 2 GiB at most, whatever the ratio.
        #expect(ZipInflationLimit.refusal(inflated: 2 << 30, compressed: 1 << 30) == nil)
        #expect(ZipInflationLimit.refusal(inflated: (2 << 30) + 1, compressed: 1 << 30) == .tooLarge((2 << 30) + 1))
        // 200:1 at most past 16 MiB; below it, any ratio.
        #expect(ZipInflationLimit.refusal(inflated: 16 * mib, compressed: 1) == nil)
        #expect(ZipInflationLimit.refusal(inflated: 200 * mib, compressed: mib) == nil)
        #expect(
            ZipInflationLimit.refusal(inflated: 201 * mib, compressed: mib)
                == .ratio(inflated: 201 * mib, compressed: mib))
    }

    /// 20 MiB of identical rows deflate to about 20 KB: refused before a byte is inflated, saying why.
    @Test func aZipBombIsRefusedBeforeItIsRead() throws {
        let row = "<row><c><v>1</v></c><c><v>2</v></c></row>"
        let path = try XLSXBuilder.write(
            sheet: .repeating(
                head: XLSXBuilder.sheetHead + XLSXBuilder.headerRow, unit: row, count: (20 << 20) / row.utf8.count,
                tail: XLSXBuilder.sheetTail))
        let started = Date()
        let error = try #require(Self.error(reading: path))
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(error.kind == .tooLarge)
        #expect(error.location == SourceLocation(file: path))
        #expect(error.message.en.hasPrefix("The part xl/worksheets/sheet1.xml is "))
        #expect(error.message.en.contains("beyond any real workbook (at most 200 times)"))
        #expect(error.message.zh.contains("超过任何真实工作簿（至多 200 倍）"))
    }

    /// An archive that gives a part 3 GiB is refused before reading; one that gives it fewer bytes than
    /// it inflates to is damaged, found while inflating.
    @Test func aPartsGivenSizeIsHeldTo() throws {
        let rows = String(repeating: #"<row><c><v>1</v></c></row>"#, count: 1_000)
        let big = try XLSXBuilder.write(sheet: XLSXBuilder.sheet(rows))
        try XLSXBuilder.forgeSheetSize(in: big, to: 3 << 30)
        let error = try #require(Self.error(reading: big))
        #expect(error.kind == .tooLarge)
        #expect(error.message.en.contains("would inflate to 3 GiB, beyond any real workbook (at most 2 GiB)"))

        let small = try XLSXBuilder.write(sheet: XLSXBuilder.sheet(rows))
        try XLSXBuilder.forgeSheetSize(in: small, to: 1_000)
        let shortError = try #require(Self.error(reading: small))
        #expect(shortError.kind == .damaged)
        #expect(shortError.message.en.contains("inflates past the 1000 bytes the archive gives it"))
    }

    // MARK: - Damage in the middle of a sheet

    /// 16 bytes flipped in the compressed sheet, at three places: the read stops with "damaged" while the
    /// inflating thread has chunks in flight, and neither side traps.
    @Test(arguments: [0.3, 0.5, 0.7])
    func flippedBytesInTheSheetAreDamage(at fraction: Double) throws {
        let rows = (2...5_001).map {
            #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c><c r="B\#($0)" t="inlineStr"><is><t>x\#($0 * 7919 % 10007)</t></is></c></row>"#
        }
        let path = try XLSXBuilder.write(sheet: XLSXBuilder.sheet(rows.joined()))
        try XLSXBuilder.flipSixteenBytes(in: path, at: fraction)
        let error = try #require(Self.error(reading: path))
        #expect(error.kind == .damaged)
        #expect(error.location?.file == path)
    }

    /// The caller's error stops the read at once, with chunks in flight.
    @Test func theCallersErrorStopsTheInflatingThread() throws {
        struct Enough: Error {}
        let rows = (2...5_001).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }
        let path = try XLSXBuilder.write(sheet: XLSXBuilder.sheet(rows.joined()))
        var seen = 0
        #expect(throws: Enough.self) {
            _ = try WorkbookFile(path: path).read { _ in
                seen += 1
                if seen == 10 { throw Enough() }
            }
        }
        #expect(seen == 10)
    }

    // MARK: - Entities

    /// A document type declaration could declare entities that libxml2 expands into rows or drops without
    /// a word: the sheet is refused, no row read.
    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let sheet =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<!DOCTYPE worksheet [<!ENTITY r "<row r='3'><c r='A3'><v>2</v></c></row>">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + XLSXBuilder.headerRow
            + #"<row r="2"><c r="A2"><v>1</v></c></row>&r;<row r="4"><c r="A4"><v>3</v></c></row>"#
            + XLSXBuilder.sheetTail
        let path = try XLSXBuilder.write(sheet: .text(sheet))
        var lines: [Int] = []
        #expect {
            _ = try WorkbookFile(path: path).read { lines.append($0.line) }
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.kind == .damaged
                && error.message.en.contains("it declares a document type (<!DOCTYPE>), which no workbook part has")
        }
        #expect(lines.isEmpty)
    }

    /// An entity no one declared is an XML error: the rows before it are read, nothing after.
    @Test func anUndeclaredEntityStopsTheRead() throws {
        let path = try XLSXBuilder.write(
            sheet: XLSXBuilder.sheet(
                #"<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>&foo;</t></is></c></row>"#
                    + #"<row r="4"><c r="A4"><v>3</v></c></row>"#))
        var lines: [Int] = []
        #expect(throws: IngestError.self) {
            _ = try WorkbookFile(path: path).read { lines.append($0.line) }
        }
        #expect(lines == [2])
    }

    /// The five predefined entities and character references are text, as always.
    @Test func predefinedEntitiesAreText() throws {
        let path = try XLSXBuilder.write(
            sheet: XLSXBuilder.sheet(
                #"<row r="2"><c r="A2" t="inlineStr"><is><t>a&amp;b&lt;&#x4E2D;&#25991;</t></is></c></row>"#))
        var fields: [[String]] = []
        let summary = try WorkbookFile(path: path).read { fields.append($0.fields) }
        #expect(fields == [["a&b<中文", ""]])
        #expect(summary.rows == 1)
    }
}
