public import JunhengCore

/// One row of the county indicator sheet as read: its code and its cells, each with its place.
public struct SheetRow: Sendable, Hashable {
    /// The code, cleaned: `C31-1` (full-width forms, dashes and lower case made plain).
    public var code: String
    public var file: String
    public var line: Int
    /// Each column's cell, trimmed and otherwise as typed (empty when the cell is).
    public var cells: [IndicatorSheet.Column: String]
    /// Each column's 1-based position in the file.
    public var positions: [IndicatorSheet.Column: Int]

    public init(
        code: String, file: String, line: Int, cells: [IndicatorSheet.Column: String],
        positions: [IndicatorSheet.Column: Int]
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.cells = cells
        self.positions = positions
    }

    /// The trimmed cell of a column ("" when empty).
    public subscript(_ column: IndicatorSheet.Column) -> String {
        cells[column] ?? ""
    }

    /// `FILE:LINE:COLUMN` of a cell.
    public func location(_ column: IndicatorSheet.Column? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column.flatMap { positions[$0] })
    }

    /// Whether the row gives nothing but its code.
    public var isBlank: Bool {
        IndicatorSheet.Column.allCases.allSatisfy { $0 == .code || self[$0].isEmpty }
    }

    /// Whether it gives anything besides 说明 (a note alone is not data).
    public var givesData: Bool {
        [.numerator, .denominator, .value, .conclusion, .evidence].contains { !self[$0].isEmpty }
    }

    /// A code as typed, made plain: `ｃ３１－１`, `c31—1` → `C31-1`.
    public static func normalizedCode(_ text: String) -> String {
        let dashes: Set<Character> = ["‐", "‑", "‒", "–", "—", "―", "－"]
        return String(HandTypedText.compact(text).uppercased().map { dashes.contains($0) ? "-" : $0 })
    }
}
