import Foundation
import FoundationXML

/// The SAX delegate behind ``XLSXSharedStrings/read(_:)``.
final class XLSXSharedStringsReader: NSObject, XMLParserDelegate {
    var table = XLSXSharedStrings()
    var failure: WorkbookPartError?
    /// Whether `</sst>` was read (a truncated part may end without a parse error).
    var sawEnd = false
    private var inString = false
    private var inText = false
    private var phoneticDepth = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch XMLEvents.localName(elementName) {
        case "si": inString = true
        case "rPh": phoneticDepth += 1
        case "t": inText = inString && phoneticDepth == 0
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch XMLEvents.localName(elementName) {
        case "si":
            inString = false
            table.endString()
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        case "sst": sawEnd = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil {
            failure = WorkbookPartError(part: "sharedStrings", detail: "line \(parser.lineNumber): \(parseError)")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        table.append(string)
        if table.byteCount > XLSXSharedStrings.maximumBytes {
            failure = WorkbookPartError(
                part: "sharedStrings", detail: "more than \(XLSXSharedStrings.maximumBytes >> 20) MiB of text")
            parser.abortParsing()
        }
    }
}
