import JunhengIngest
public import JunhengQuestionnaire

/// Satisfaction rates straight from collected responses, by the same code as `junheng satisfaction` on an
/// export: each response is laid out as the row of the 问卷星 export (``WjxTextLayout``) and fed to the
/// same ``SatisfactionPipeline``, with the line it has in the exported file, so every figure (rates,
/// intervals, screening, the lines of excluded rows) is the one the export gives.
public enum CollectedSatisfaction {
    /// Rates of `responses` (in order of arrival) to `survey`; `file` names the store in the result and
    /// its messages.
    public static func run(
        responses: [CollectedResponse], survey: Questionnaire, settings: SatisfactionSettings,
        by: [GroupingKey] = [], file: String
    ) -> SatisfactionResult {
        var pipeline = SatisfactionPipeline(survey: survey, settings: settings, by: by)
        let layout = WjxTextLayout(survey: survey)
        let header = layout.header
        pipeline.consume(header: header, line: 1, file: file)
        // The header is line 1; each record starts after the lines of the one before.
        var line = 1 + CollectedExport.lines(of: header)
        for (index, response) in responses.enumerated() {
            let fields = layout.row(serial: index + 1, response)
            pipeline.consume(record: CSVRecord(line: line, fields: fields))
            line += CollectedExport.lines(of: fields)
        }
        pipeline.consume(
            summary: CSVReadSummary(
                file: file, encoding: .utf8, delimiter: .comma, header: header, headerLine: 1, rows: responses.count,
                lines: line - 1, bytes: 0, problems: []))
        return pipeline.finish()
    }
}
