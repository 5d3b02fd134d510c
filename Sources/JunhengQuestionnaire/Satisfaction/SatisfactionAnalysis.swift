public import JunhengCore
public import JunhengIngest

/// The one call behind `junheng satisfaction` (and, through ``SurveyCheck``, `junheng survey check`): reads
/// every export through the streaming reader and feeds a ``SatisfactionPipeline``.
public enum SatisfactionAnalysis {
    /// Reads `exports` (one or several, e.g. one per township) and computes the rates.
    ///
    /// Refused before reading (``SurveyDataError``): the same file content given twice; `--weights` naming
    /// a group the questionnaire does not have; `--by` a question the questionnaire does not ask. Refused
    /// once an export's first records are read, unless `settings.allowPartial`: an export that fits the
    /// questionnaire poorly (``ExportFit``), named with the questionnaire it fits best, or a forced
    /// `--mode` its answers do not fit.
    ///
    /// - Throws: ``IngestError`` for a file that cannot be read; ``SurveyDataError`` as above.
    /// - Parameter otherQuestionnaires: the folder's other questionnaires, to name the best fit.
    /// - Parameter refusePoorFit: false for `survey check`, which shows the check and the refusal after it.
    /// - Parameter progress: told each export's bytes read so far and its size (for a progress line).
    /// - Parameter inMemory: exports that are not files (collected responses), rated after `exports`.
    public static func run(
        exports: [String], inMemory: [InMemoryExport] = [], survey: Questionnaire, by: [GroupingKey] = [],
        settings: SatisfactionSettings, otherQuestionnaires: [Questionnaire] = [],
        readOptions: CSVReadOptions = CSVReadOptions(), refusePoorFit: Bool = true,
        progress: (@Sendable (_ file: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) throws -> SatisfactionResult {
        precondition(!exports.isEmpty || !inMemory.isEmpty, "at least one export")
        try SatisfactionRequest.check(survey: survey, by: by, settings: settings)
        try ExportIdentity.refuseRepeatedContent(exports)
        var pipeline = SatisfactionPipeline(
            survey: survey, settings: settings, by: by, otherQuestionnaires: otherQuestionnaires,
            exports: exports.count + inMemory.count)
        let refuse = refusePoorFit
        for path in exports {
            // Parsing runs on a second thread while this one maps, screens and counts.
            let report = progress.map { progress in { @Sendable (read: Int, total: Int) in progress(path, read, total) }
            }
            let summary = try CSVBackgroundReader(file: CSVFile(path: path, options: readOptions, progress: report))
                .scan(
                    header: { names, line in pipeline.consume(header: names, line: line, file: path) },
                    row: { row in
                        try pipeline.consume(row: row)
                        // Once per file, when its first records have been measured: stop before reading on.
                        if refuse, let index = pipeline.takeFitToCheck(),
                            let refusal = pipeline.file(index).refusal(allowPartial: settings.allowPartial)
                        {
                            throw refusal
                        }
                    })
            pipeline.consume(summary: summary)
            if refuse, let index = pipeline.takeFitToCheck(),
                let refusal = pipeline.file(index).refusal(allowPartial: settings.allowPartial)
            {
                throw refusal
            }
        }
        for export in inMemory {
            pipeline.consume(header: export.header, line: 1, file: export.file)
            for record in export.records { pipeline.consume(record: record) }
            pipeline.consume(summary: export.summary)
            if refuse, let index = pipeline.takeFitToCheck(),
                let refusal = pipeline.file(index).refusal(allowPartial: settings.allowPartial)
            {
                throw refusal
            }
        }
        return pipeline.finish()
    }
}

/// A survey export that cannot be rated as given.
public struct SurveyDataError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
