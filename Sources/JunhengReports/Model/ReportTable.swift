public import JunhengCore

/// A table in the neutral report model: every renderer (terminal, Markdown, CSV, HTML, Excel) draws
/// from this, and knows nothing of where the numbers came from.
public struct ReportTable: Sendable, Hashable {
    /// A stable identifier, used as the CSV file stem, the Excel sheet name and the HTML anchor.
    public var id: String
    public var title: LocalizedText
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// Sentences printed under the table: which formula, which settings, what was left out.
    public var notes: [LocalizedText]
    /// A short name for the table's workbook sheet (Excel allows 31 characters); the title when `nil`.
    public var sheetName: LocalizedText?

    public init(
        id: String, title: LocalizedText, columns: [ReportColumn], rows: [[ReportCell]] = [],
        notes: [LocalizedText] = [], sheetName: LocalizedText? = nil
    ) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.sheetName = sheetName
    }
}

/// One column of a ``ReportTable``: its header and how its numbers are shown.
public struct ReportColumn: Sendable, Hashable {
    public var key: String
    public var label: LocalizedText
    public var format: ReportNumberFormat

    public init(key: String, label: LocalizedText, format: ReportNumberFormat = .text) {
        self.key = key
        self.label = label
        self.format = format
    }
}

/// How a number is written in every renderer; the value itself stays unrounded in the model.
public enum ReportNumberFormat: Sendable, Hashable {
    case text
    case integer
    /// A fixed number of decimals.
    case decimal(Int)
    /// A ratio (0.853) written as a percentage with this many decimals (85.3 %).
    case percent(Int)
}

/// One cell: a value and whether it fails a bar (failing cells are highlighted).
public struct ReportCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty
        case text(LocalizedText)
        case number(Double)
        case bool(Bool)
    }

    public var value: Value
    /// `true` when the value fails its bar, `false` when it meets it, `nil` when no bar applies.
    public var fails: Bool?
    /// The bar a number is judged against: near it, renderers write as many digits as the verdict needs.
    public var threshold: ReportThreshold?

    public init(_ value: Value, fails: Bool? = nil, threshold: ReportThreshold? = nil) {
        self.value = value
        self.fails = fails
        self.threshold = threshold
    }

    /// A cell of data as written: a school, a township, a file, a code, a note the county typed. Chinese in
    /// it is a proper name, marked as one in English (``LocalizedText/name(_:)``); a label junheng writes
    /// itself is ``label(_:)``, in both languages.
    public static func text(_ text: String) -> ReportCell { ReportCell(.text(LocalizedText.name(text))) }
    public static func label(_ text: LocalizedText) -> ReportCell { ReportCell(.text(text)) }
    public static func number(_ value: Double?, fails: Bool? = nil, threshold: ReportThreshold? = nil) -> ReportCell {
        guard let value, value.isFinite else { return ReportCell(.empty, fails: fails) }
        return ReportCell(.number(value), fails: fails, threshold: threshold)
    }
    public static func integer(_ value: Int) -> ReportCell { ReportCell(.number(Double(value))) }
    /// A pass/fail cell: 达标/未达标 (meets/fails).
    public static func verdict(_ meets: Bool) -> ReportCell { ReportCell(.bool(meets), fails: !meets) }
    public static let empty = ReportCell(.empty)
}
