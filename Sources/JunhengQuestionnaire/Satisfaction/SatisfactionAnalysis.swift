public import JunhengCore
public import JunhengIngest

/// The one call behind `junheng satisfaction` (and, through ``SurveyCheck``, `junheng survey check`): reads
/// every export through the streaming reader and feeds a ``SatisfactionPipeline``.
public enum SatisfactionAnalysis {
    /// Reads `exports` (one or several, e.g. one per township; CSV files or .xls/.xlsx workbooks, told
    /// apart by content, the sheet `readOptions.sheet`) and computes the rates, and with
    /// `settings.frequencies` every question's counts in the same pass.
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
        let counts = settings.frequencies != nil
        for (number, path) in exports.enumerated() {
            let report = progress.map { progress in { @Sendable (read: Int, total: Int) in progress(path, read, total) }
            }
            let file = CSVFile(path: path, options: readOptions, progress: report)
            func checkFit() throws {
                if refuse, let index = pipeline.takeFitToCheck(),
                    let refusal = pipeline.file(index).refusal(allowPartial: settings.allowPartial, counts: counts)
                {
                    throw refusal
                }
            }
            if let reader = CSVChunkedReader(file: file) {
                // A large CSV file: its first records on this thread, then chunks on every core.
                let prologue = try reader.prologue(sample: SatisfactionPipeline.detectionSample)
                pipeline.begin(prologue, file: path)
                try checkFit()
                if prologue.summary == nil {
                    try pipeline.read(
                        chunksOf: reader, prologue: prologue, moreFiles: number < exports.count - 1 || !inMemory.isEmpty
                    )
                    try checkFit()
                }
                continue
            }
            // Otherwise parsing runs on a second thread while this one maps, screens and counts.
            // A workbook's rows are named FILE[Sheet], the place the reader gives with its header.
            let summary = try CSVBackgroundReader(file: file)
                .scan(
                    placedHeader: { names, line, place in pipeline.consume(header: names, line: line, file: place) },
                    row: { row in
                        try pipeline.consume(row: row)
                        // Once per file, when its first records have been measured: stop before reading on.
                        try checkFit()
                    })
            pipeline.consume(summary: summary)
            try checkFit()
        }
        for export in inMemory {
            pipeline.consume(header: export.header, line: 1, file: export.file)
            for record in export.records { pipeline.consume(record: record) }
            pipeline.consume(summary: export.summary)
            if refuse, let index = pipeline.takeFitToCheck(),
                let refusal = pipeline.file(index).refusal(allowPartial: settings.allowPartial, counts: counts)
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
