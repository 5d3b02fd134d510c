public import JunhengCore

/// Something wrong with a CSV file that the reader survived: the row was skipped or cleaned, and this
/// says where and why, so nothing is lost without a count (DOMAIN.md §6).
public struct IngestProblem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An empty line (skipped).
        case blankLine = "blank-line"
        /// A line of only delimiters (skipped).
        case emptyRow = "empty-row"
        /// A title line above the header (skipped).
        case titleRow = "title-row"
        /// A 合计/总计 line (skipped: totals are recomputed, never read).
        case totalRow = "total-row"
        /// Fewer or more fields than the header (the row is skipped, never padded or cut).
        case raggedRow = "ragged-row"
        /// A quoted field that takes in lines that look like whole records (a stray `"` in an answer):
        /// the merged record is skipped, reported at the line where the quote opened.
        case quoteSpansRecords = "quote-spans-records"
        /// A `"` inside a quoted field that is not followed by a delimiter or a line end (libcsv's
        /// `CSV_STRICT` error): the field goes on past it; reported at its line.
        case strayQuote = "stray-quote"
        /// NUL bytes inside a field (removed from the field, and reported here).
        case nulByte = "nul-byte"
        /// Two header cells with the same name.
        case duplicateHeader = "duplicate-header"
        /// An empty header cell.
        case emptyHeader = "empty-header"

        /// Whether a problem of this kind left its row out of the records handed on.
        public var skipsRow: Bool {
            switch self {
            case .blankLine, .emptyRow, .titleRow, .totalRow, .raggedRow, .quoteSpansRecords: true
            case .strayQuote, .nulByte, .duplicateHeader, .emptyHeader: false
            }
        }
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: LocalizedText

    public init(kind: Kind, location: SourceLocation, message: LocalizedText) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// Whether the row at `location.line` was left out of the records handed on.
    public var skipsRow: Bool { kind.skipsRow }
}
