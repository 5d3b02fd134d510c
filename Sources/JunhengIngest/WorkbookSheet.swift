/// Which sheet of which kind of workbook a read took its records from: what `junheng inspect` shows for a
/// workbook, and what every place `FILE[Sheet]` names.
public struct WorkbookSheet: Sendable, Hashable {
    public var format: WorkbookFile.Format
    /// The sheet read.
    public var sheet: String
    /// Every worksheet of the workbook, in workbook order.
    public var sheets: [String]

    public init(format: WorkbookFile.Format, sheet: String, sheets: [String]) {
        self.format = format
        self.sheet = sheet
        self.sheets = sheets
    }
}
