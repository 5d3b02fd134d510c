import Foundation
import FoundationXML

/// The shared-string table of an .xlsx workbook (`xl/sharedStrings.xml`): every distinct text of the
/// workbook, which cells name by index (`<c t="s"><v>17</v></c>`).
///
/// A cell may name any string at any time, so the table is kept whole, but compactly: the strings'
/// UTF-8 bytes end to end in one array plus one end offset each (about 8 bytes of overhead a string,
/// against some 40 for an array of Swift strings). A 问卷星 export repeats its option texts, so the table
/// holds the headers, the options and the free-text answers once each. It is read as a stream; a table
/// larger than ``maximumBytes`` is refused rather than allowed to take the machine's memory.
struct XLSXSharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// The most text the table may hold (1 GiB).
    static let maximumBytes = 1 << 30

    init() {}

    var count: Int { ends.count }

    /// The string at `index`, or `nil` past the end.
    subscript(index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func endString() {
        ends.append(bytes.count)
    }

    var byteCount: Int { bytes.count }

    /// Reads the table from a stream of `xl/sharedStrings.xml`.
    ///
    /// The text of an `<si>` is its `<t>`, or the `<t>` of each rich-text run `<r>` joined; phonetic
    /// guides (`<rPh>`, the furigana Excel keeps for East Asian text) are not part of it.
    static func read(_ stream: InputStream) -> Result<XLSXSharedStrings, WorkbookPartError> {
        let parser = XMLParser(stream: stream)
        let reader = XLSXSharedStringsReader()
        parser.delegate = reader
        let parsed = parser.parse()
        if let failure = reader.failure { return .failure(failure) }
        guard parsed, reader.sawEnd, stream.streamError == nil else {
            let detail = (stream.streamError ?? parser.parserError).map { "\($0)" } ?? "not well-formed XML"
            return .failure(WorkbookPartError(part: "sharedStrings", detail: "line \(parser.lineNumber): \(detail)"))
        }
        return .success(reader.table)
    }
}
