public import JunhengCore

/// A chart and the tables that go with it, shown side by side as one block: one question of the
/// report's 逐题统计 (its bars, its table, its cross-tab), as 问卷星's default report shows a question.
///
/// The HTML renderer lays a section's panels out in a grid (a wide panel, such as a matrix or a
/// cross-tab, takes the whole width); the workbook writer stacks a section's panel tables on one sheet.
public struct ReportPanel: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var chart: ReportChart?
    public var tables: [ReportTable]
    public var notes: [LocalizedText]
    /// Takes the whole width of the page (tables with many columns).
    public var wide: Bool

    public init(
        id: String, title: LocalizedText, chart: ReportChart? = nil, tables: [ReportTable] = [],
        notes: [LocalizedText] = [], wide: Bool = false
    ) {
        self.id = id
        self.title = title
        self.chart = chart
        self.tables = tables
        self.notes = notes
        self.wide = wide
    }
}
