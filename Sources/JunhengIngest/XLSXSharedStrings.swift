import Foundation
import FoundationXML

/// The shared-string table of an .xlsx workbook (`xl/sharedStrings.xml`): every distinct text of the
/// workbook, which cells name by index (`<c t="s"><v>17</v></c>`).
///
/// A cell may name any string at any time, so the table is kept whole, but compactly: the strings'
/// UTF-8 bytes end to end in one array plus one 4-byte end offset each (against some 40 bytes for an
/// array of Swift strings). A 问卷星 export repeats its option texts, so the table holds the headers, the
/// options and the free-text answers once each. It is read as a stream and bounded like a CSV file:
///
/// - A string over the field limit (``CSVLimits/fieldBytes``, 1 MiB) is not kept: it is marked, and a
///   cell that uses it is refused at its place, as a CSV field that long is.
/// - The table holds at most ``maximumBytes`` of text and ``maximumCount`` strings; past either, the
///   workbook is refused.
struct XLSXSharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    /// The indices of the strings over the field limit, which are not kept.
    private var overLimit: Set<Int> = []

    /// The most text the table may hold (256 MiB): a 问卷星 export of 200,000 responses with long
    /// free-text answers holds under 100 MB.
    static let maximumBytes = 256 << 20
    /// The most strings the table may hold (16,777,216: Excel's 1,048,576 rows of 16 distinct texts).
    static let maximumCount = 1 << 24

    init() {}

    var count: Int { ends.count }

    var byteCount: Int { bytes.count }

    /// A string as a cell finds it.
    enum Lookup: Hashable {
        case text(String)
        /// Over the field limit: not kept.
        case overLimit
        /// No string has this index.
        case missing
    }

    /// The string at `index`.
    subscript(index: Int) -> Lookup {
        guard index >= 0, index < ends.count else { return .missing }
        if overLimit.contains(index) { return .overLimit }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return .text(bytes[start..<Int(ends[index])].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
    }

    /// Bytes of the string being read so far.
    var currentLength: Int { bytes.count - (ends.last.map { Int($0) } ?? 0) }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Ends the string being read.
    mutating func endString() {
        ends.append(UInt32(bytes.count))
    }

    /// Ends the string being read as one over the field limit: its text is dropped.
    mutating func endStringOverLimit() {
        bytes.removeLast(currentLength)
        overLimit.insert(ends.count)
        ends.append(UInt32(bytes.count))
    }

    /// Reads the table from a stream of `xl/sharedStrings.xml`; a string over `fieldBytes` is marked, not
    /// kept. (The bounds of the table are parameters for the tests only.)
    ///
    /// The text of an `<si>` is its `<t>`, or the `<t>` of each rich-text run `<r>` joined; phonetic
    /// guides (`<rPh>`, the furigana Excel keeps for East Asian text) are not part of it.
    ///
    /// - Returns: the table, or what is wrong: the XML, or a table over `maximumBytes` or `maximumCount`.
    static func read(
        _ stream: InputStream, fieldBytes: Int, maximumBytes: Int = maximumBytes, maximumCount: Int = maximumCount
    ) -> Result<XLSXSharedStrings, XLSXSharedStringsReader.Failure> {
        let parser = XMLParser(stream: stream)
        let reader = XLSXSharedStringsReader(
            fieldBytes: fieldBytes, maximumBytes: maximumBytes, maximumCount: maximumCount)
        parser.delegate = reader
        let parsed = parser.parse()
        if let failure = reader.failure { return .failure(failure) }
        // (Foundation's own streams trap when asked for an error they do not have: ask only on an error.)
        let streamError = stream.streamStatus == .error ? stream.streamError : nil
        guard parsed, reader.sawEnd, streamError == nil else {
            let detail = (streamError ?? parser.parserError).map { "\($0)" } ?? "not well-formed XML"
            return .failure(
                .damaged(WorkbookPartError(part: "sharedStrings", detail: "line \(parser.lineNumber): \(detail)")))
        }
        return .success(reader.table)
    }
}
