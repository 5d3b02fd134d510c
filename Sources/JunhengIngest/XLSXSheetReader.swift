import Foundation
import FoundationXML

/// The SAX delegate that reads one worksheet part (`xl/worksheets/sheetN.xml`) row by row: each
/// `<row>` becomes the texts of its cells, shown as Excel shows them (``WorkbookCell``), handed to
/// `row` with the row's number, so memory holds one row whatever the sheet's size.
///
/// Cells name their column (`r="C7"`) and may be left out when empty; a cell without a reference is
/// the one after the previous, a row without a number the one after the previous (ECMA-376 Part 1,
/// §18.3.1.4 and §18.3.1.73).
final class XLSXSheetReader: NSObject, XMLParserDelegate {
    private let strings: XLSXSharedStrings
    private let styles: XLSXStyles
    private let uses1904: Bool
    private let file: String
    private let sheet: String
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

    private var rowNumber = 0
    private var cells: [String] = []
    private var inSheetData = false
    private var column = -1
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    private var inValue = false
    private var inInlineText = false
    private var phoneticDepth = 0

    init(
        strings: XLSXSharedStrings, styles: XLSXStyles, uses1904: Bool, file: String, sheet: String,
        row: @escaping (_ number: Int, _ cells: [String]) throws -> Void
    ) {
        self.strings = strings
        self.styles = styles
        self.uses1904 = uses1904
        self.file = file
        self.sheet = sheet
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
                failure = error
                parser.abortParsing()
            }
        case "row" where inSheetData:
            do {
                try row(rowNumber, cells)
            } catch {
                failure = error
                parser.abortParsing()
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inInlineText { value += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = "line \(parser.lineNumber): \(parseError)" }
    }

    private func endCell() throws {
        guard column < Self.maximumColumns else {
            throw WorkbookProblems.damagedCell(
                file: file, sheet: sheet, row: rowNumber, column: column + 1, detail: "past Excel's last column XFD")
        }
        let text = try cell().displayText
        guard !text.isEmpty else { return }
        if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
        cells[column] = text
    }

    /// The cell just closed, by its type (ECMA-376 §18.18.11): shared string, inline string, formula
    /// string, boolean, error, ISO date, or number (a date when its style says so).
    private func cell() throws -> WorkbookCell {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), let text = strings[index] else {
                throw damaged("shared string \(value) does not exist")
            }
            return text.isEmpty ? .empty : .text(text)
        case "inlineStr", "str": return value.isEmpty ? .empty : .text(value)
        case "b": return .boolean(value == "1" || value.lowercased() == "true")
        case "e": return .error(value)
        case "d": return WorkbookCell(isoDateTime: value)
        default:
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .empty }
            guard let number = Double(trimmed) else { throw damaged("\(value) is not a number") }
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
