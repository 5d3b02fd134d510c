/// One data record of a CSV file: the physical line where it starts (1-based, counting every CR, LF or
/// CRLF in the file, so a quoted field with newlines moves later records down) and its decoded fields.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at a 0-based column index, or `nil` past the end.
    public subscript(column index: Int) -> String? {
        index < fields.count ? fields[index] : nil
    }
}
