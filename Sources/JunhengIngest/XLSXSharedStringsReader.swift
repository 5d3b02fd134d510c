import Foundation
import FoundationXML

/// The SAX delegate behind ``XLSXSharedStrings/read(_:fieldBytes:)``.
final class XLSXSharedStringsReader: NSObject, XMLParserDelegate {
    /// Why the table cannot be read.
    enum Failure: Error, Hashable {
        /// The XML is not well formed.
        case damaged(WorkbookPartError)
        /// More text or more strings than the table's bounds (``XLSXSharedStrings/maximumBytes``,
        /// ``XLSXSharedStrings/maximumCount``).
        case tooLarge
    }

    var table = XLSXSharedStrings()
    private(set) var failure: Failure?
    /// Whether `</sst>` was read (a truncated part may end without a parse error).
    private(set) var sawEnd = false
    private let fieldBytes: Int
    private let maximumBytes: Int
    private let maximumCount: Int
    private var inString = false
    private var inText = false
    private var phoneticDepth = 0
    /// The string being read is over the field limit: the rest of its text is passed over.
    private var overLimit = false

    init(fieldBytes: Int, maximumBytes: Int, maximumCount: Int) {
        self.fieldBytes = fieldBytes
        self.maximumBytes = maximumBytes
        self.maximumCount = maximumCount
    }

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
            if overLimit { table.endStringOverLimit() } else { table.endString() }
            overLimit = false
            if table.count > maximumCount { stop(parser, .tooLarge) }
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        case "sst": sawEnd = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        stop(
            parser,
            .damaged(WorkbookPartError(part: "sharedStrings", detail: "line \(parser.lineNumber): \(parseError)")))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText, !overLimit, failure == nil else { return }
        if table.currentLength + string.utf8.count > fieldBytes {
            overLimit = true
            return
        }
        table.append(string)
        if table.byteCount > maximumBytes { stop(parser, .tooLarge) }
    }

    /// The first failure ends the parse: nothing after it is read.
    private func stop(_ parser: XMLParser, _ failure: Failure) {
        guard self.failure == nil else { return }
        self.failure = failure
        parser.abortParsing()
    }
}
