public import JunhengCore

/// The whole county report in the neutral model: sections of bars, charts and tables.
public struct ReportDocument: Sendable, Hashable {
    public var title: LocalizedText
    /// Lines under the title: county, year, data files used (names only, never raw rows).
    public var subtitle: [LocalizedText]
    public var sections: [ReportSection]

    public init(title: LocalizedText, subtitle: [LocalizedText] = [], sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

/// One area of the evaluation (资源配置, 政府保障程度, 教育质量, 社会认可度) or any other part of a report.
public struct ReportSection: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var bars: [BarCheck]
    public var charts: [ReportChart]
    public var tables: [ReportTable]
    /// Charts with their tables, one block each (a question of the 逐题统计), after the charts and before
    /// the tables. The workbook puts a section's panel tables on one sheet.
    public var panels: [ReportPanel]
    public var notes: [LocalizedText]
    /// A short name for the workbook sheet of the section's panels (31 characters at most); the title when
    /// `nil`.
    public var sheetName: LocalizedText?
    /// What the summary's count line of the section's bars says they are, naming the rule they were
    /// judged by; the title when `nil`.
    public var countsLabel: LocalizedText?

    public init(
        id: String, title: LocalizedText, bars: [BarCheck] = [], charts: [ReportChart] = [],
        tables: [ReportTable] = [], panels: [ReportPanel] = [], notes: [LocalizedText] = [],
        sheetName: LocalizedText? = nil
    ) {
        self.sheetName = sheetName
        self.id = id
        self.title = title
        self.bars = bars
        self.charts = charts
        self.tables = tables
        self.panels = panels
        self.notes = notes
    }
}
