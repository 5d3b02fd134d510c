import Foundation
import FoundationXML

/// A SAX reader for the small parts of an .xlsx package (the workbook, relationships, styles): it
/// calls `element` for every start tag with the local names of the elements open around it, outermost
/// first, and its attributes (prefixes such as `r:` kept on attribute names, dropped on element names).
///
/// The big parts (shared strings, worksheets) have their own delegates; this one is for parts read
/// whole, which are a few kilobytes.
final class XMLEvents: NSObject, XMLParserDelegate {
    private var path: [String] = []
    /// What libxml2 reported as not well-formed (Foundation parses in its recovering mode).
    private var xmlError: String?
    private var depthReached = false
    private let element: (_ path: [String], _ name: String, _ attributes: [String: String]) -> Void

    private init(element: @escaping (_ path: [String], _ name: String, _ attributes: [String: String]) -> Void) {
        self.element = element
    }

    /// Parses `data`, calling `element` for each start tag.
    ///
    /// - Returns: `nil` when the XML is well formed, else the parser's description of what is wrong.
    static func parse(
        _ data: Data, element: @escaping (_ path: [String], _ name: String, _ attributes: [String: String]) -> Void
    ) -> String? {
        var prolog = XMLPrologCheck()
        if let refusal = prolog.check(data) { return "\(refusal)" }
        let parser = XMLParser(data: data)
        let events = XMLEvents(element: element)
        parser.delegate = events
        let parsed = parser.parse()
        if let error = events.xmlError { return error }
        // A truncated part may end without an error: the root element must have closed.
        if parsed, events.depthReached, events.path.isEmpty { return nil }
        return "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "not well-formed XML")"
    }

    /// An element name without its namespace prefix (`x:row` → `row`).
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let name = Self.localName(elementName)
        element(path, name, attributeDict)
        path.append(name)
        depthReached = true
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if !path.isEmpty { path.removeLast() }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = "line \(parser.lineNumber): \(parseError)" }
    }
}
