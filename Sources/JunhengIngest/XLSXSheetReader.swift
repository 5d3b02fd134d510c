import Foundation
import FoundationXML

/// The SAX delegate that reads one worksheet part (`xl/worksheets/sheetN.xml`) row by row: each
/// `<row>` becomes the texts of its cells, shown as Excel shows them (``WorkbookCell``), handed to
/// `row` with the row's number, so memory holds one row whatever the sheet's size.
///
/// Cells name their column (`r="C7"`) and may be left out when empty; a cell without a reference is
/// the one after the previous, a row without a number the one after the previous (ECMA-376 Part 1,
/// §18.3.1.4 and §18.3.1.73).
///
/// Bounded as a CSV file is (``CSVLimits``): a cell's text over ``CSVLimits/fieldBytes`` (whether a
/// `<v>`, an inline string or a shared string), a row over ``CSVLimits/recordBytes`` or past
/// ``CSVLimits/columns`` columns, and a row number past Excel's last row are refused at their place,
/// and reading stops at the first error of the XML, so no row after it is handed on.
final class XLSXSheetReader: NSObject, XMLParserDelegate {
    private let strings: XLSXSharedStrings
    private let styles: XLSXStyles
    private let uses1904: Bool
    private let file: String
    private let sheet: String
    private let limits: CSVLimits
    private let row: (_ number: Int, _ cells: [String]) throws -> Void

    /// The first error: a damaged cell, or one `row` threw. The parse stops there.
    private(set) var failure: (any Error)?
    /// Whether the worksheet's end tag was read: libxml2 (in the recovering mode Foundation asks for)
    /// may end a truncated part without an error, so a missing end tag is the sign of one.
    private(set) var sawEnd = false
    /// What libxml2 reported as not well-formed, if anything.
    private(set) var xmlError: String?

    /// Excel's last column, XFD.
    static let maximumColumns = 16_384
    /// Excel's last row.
    static let maximumRows = 1_048_576

    private var rowNumber = 0
    private var cells: [String] = []
    private var inSheetData = false
    private var column = -1
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    /// Bytes of text in the row's cells so far.
    private var rowBytes = 0
    private var inValue = false
    private var inInlineText = false
    private var phoneticDepth = 0

    init(
        strings: XLSXSharedStrings, styles: XLSXStyles, uses1904: Bool, file: String, sheet: String,
        limits: CSVLimits = CSVLimits(), row: @escaping (_ number: Int, _ cells: [String]) throws -> Void
    ) {
        self.strings = strings
        self.styles = styles
        self.uses1904 = uses1904
        self.file = file
        self.sheet = sheet
        self.limits = limits
        self.row = row
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XMLEvents.localName(elementName) {
        case "sheetData": inSheetData = true
        case "row" where inSheetData:
            rowNumber = attributeDict["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
            rowBytes = 0
            guard (1...Self.maximumRows).contains(rowNumber) else {
                return stop(
                    parser,
                    WorkbookProblems.damaged(
                        file: file, detail: "sheet \(sheet): row number \(rowNumber) is outside Excel's 1–1048576"))
            }
        case "c" where inSheetData:
            if let reference = attributeDict["r"], let index = Self.columnIndex(reference) {
                column = index
            } else {
                column += 1
            }
            cellType = attributeDict["t"] ?? "n"
            cellStyle = attributeDict["s"].flatMap { Int($0) } ?? 0
            value = ""
        case "v" where inSheetData: inValue = true
        case "t" where inSheetData: inInlineText = cellType == "inlineStr" && phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch XMLEvents.localName(elementName) {
        case "sheetData": inSheetData = false
        case "worksheet": sawEnd = true
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": phoneticDepth -= 1
        case "c" where inSheetData:
            do {
                try endCell()
            } catch {
                stop(parser, error)
            }
        case "row" where inSheetData:
            do {
                try row(rowNumber, cells)
            } catch {
                stop(parser, error)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inValue || inInlineText, failure == nil else { return }
        guard value.utf8.count + string.utf8.count <= limits.fieldBytes else {
            return stop(
                parser,
                WorkbookProblems.cellTooLong(
                    file: file, sheet: sheet, row: rowNumber, column: column + 1, limit: limits.fieldBytes))
        }
        value += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = "line \(parser.lineNumber): \(parseError)" }
        // Nothing after the first error is read: libxml2 would go on in its recovering mode, handing on
        // rows whose text it had to guess.
        parser.abortParsing()
    }

    /// The first failure ends the parse.
    private func stop(_ parser: XMLParser, _ error: any Error) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    private func endCell() throws {
        guard column < Self.maximumColumns else {
            throw WorkbookProblems.damagedCell(
                file: file, sheet: sheet, row: rowNumber, column: column + 1, detail: "past Excel's last column XFD")
        }
        guard column < limits.columns else {
            throw WorkbookProblems.tooManyColumns(file: file, sheet: sheet, row: rowNumber, limit: limits.columns)
        }
        let text = try cell().displayText
        guard !text.isEmpty else { return }
        rowBytes += text.utf8.count
        guard rowBytes <= limits.recordBytes else {
            throw WorkbookProblems.rowTooLong(file: file, sheet: sheet, row: rowNumber, limit: limits.recordBytes)
        }
        if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
        cells[column] = text
    }

    /// The cell just closed, by its type (ECMA-376 §18.18.11): shared string, inline string, formula
    /// string, boolean, error, ISO date, or number (a date when its style says so).
    private func cell() throws -> WorkbookCell {
        switch cellType {
        case "s":
            switch Int(value.trimmingCharacters(in: .whitespaces)).map({ strings[$0] }) ?? .missing {
            case .text(let text): return text.isEmpty ? .empty : .text(text)
            case .overLimit:
                throw WorkbookProblems.cellTooLong(
                    file: file, sheet: sheet, row: rowNumber, column: column + 1, limit: limits.fieldBytes)
            case .missing: throw damaged("shared string \(value.prefix(40)) does not exist")
            }
        case "inlineStr", "str": return value.isEmpty ? .empty : .text(value)
        case "b": return .boolean(value == "1" || value.lowercased() == "true")
        case "e": return .error(value)
        case "d": return WorkbookCell(isoDateTime: value)
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .empty }
            guard let number = Double(trimmed) else { throw damaged("\(value.prefix(40)) is not a number") }
            switch styles.kind(ofStyle: cellStyle) {
            case .number: return .number(number)
            case let kind:
                guard let date = ExcelSerialDate(serial: number, uses1904: uses1904) else { return .number(number) }
                switch kind {
                case .date: return .date(year: date.year, month: date.month, day: date.day)
                case .time: return .time(hour: date.hour, minute: date.minute, second: date.second)
                default:
                    return .dateTime(
                        year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute,
                        second: date.second)
                }
            }
        }
    }

    private func damaged(_ detail: String) -> Error {
        WorkbookProblems.damagedCell(file: file, sheet: sheet, row: rowNumber, column: column + 1, detail: detail)
    }

    /// The 0-based column of a cell reference: `A1` → 0, `AB12` → 27; `nil` when it has no letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= 0x41, upper <= 0x5A else { break }
            index = index * 26 + Int(upper - 0x40)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }
}
