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
    public var notes: [LocalizedText]

    public init(
        id: String, title: LocalizedText, bars: [BarCheck] = [], charts: [ReportChart] = [],
        tables: [ReportTable] = [], notes: [LocalizedText] = []
    ) {
        self.id = id
        self.title = title
        self.bars = bars
        self.charts = charts
        self.tables = tables
        self.notes = notes
    }
}
