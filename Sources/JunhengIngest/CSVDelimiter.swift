/// The field delimiters the sniffer chooses among; `--delimiter` overrides it.
public enum CSVDelimiter: String, Sendable, Hashable, Codable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"
    case pipe = "|"

    /// The delimiter's single ASCII byte.
    public var byte: UInt8 { rawValue.utf8.first! }

    /// A name a user can type on the command line: `comma`, `semicolon`, `tab`, `pipe`, or the character.
    public init?(argument: String) {
        switch argument.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        case "|", "pipe": self = .pipe
        default: return nil
        }
    }
}
