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
        /// NUL bytes inside a field (removed from the field, and reported here).
        case nulByte = "nul-byte"
        /// Two header cells with the same name.
        case duplicateHeader = "duplicate-header"
        /// An empty header cell.
        case emptyHeader = "empty-header"
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(kind: Kind, location: SourceLocation, message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// Whether the row at `location.line` was left out of the records handed on.
    public var skipsRow: Bool {
        switch kind {
        case .blankLine, .emptyRow, .titleRow, .totalRow, .raggedRow: true
        case .nulByte, .duplicateHeader, .emptyHeader: false
        }
    }
}
