public import JunhengCore
public import JunhengIngest

/// The one call behind `junheng satisfaction` and `junheng survey check`: reads every export through
/// the streaming reader and feeds a ``SatisfactionPipeline``.
public enum SatisfactionAnalysis {
    /// Reads `exports` (one or several, e.g. one per township) and computes the rates.
    ///
    /// - Throws: ``IngestError`` for a file that cannot be read; ``SurveyDataError`` when a file has no
    ///   column matching a scored question of `survey` (wrong questionnaire, or headers that need a
    ///   mapping file), unless `requireScoredColumns` is false (as in `survey check`).
    /// - Parameter progress: told each export's bytes read so far and its size (for a progress line).
    public static func run(
        exports: [String], survey: Questionnaire, by: [GroupingKey] = [], settings: SatisfactionSettings,
        otherQuestionnaires: [Questionnaire] = [], readOptions: CSVReadOptions = CSVReadOptions(),
        requireScoredColumns: Bool = true,
        progress: (@Sendable (_ file: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) throws -> SatisfactionResult {
        precondition(!exports.isEmpty, "at least one export")
        var pipeline = SatisfactionPipeline(survey: survey, settings: settings, by: by)
        for path in exports {
            // Parsing runs on a second thread while this one maps, screens and counts.
            let report = progress.map { progress in { @Sendable (read: Int, total: Int) in progress(path, read, total) }
            }
            let summary = try CSVBackgroundReader(file: CSVFile(path: path, options: readOptions, progress: report))
                .scan(
                    header: { names, line in pipeline.consume(header: names, line: line, file: path) },
                    row: { row in try pipeline.consume(row: row) })
            pipeline.consume(summary: summary)
        }
        let result = pipeline.finish()
        if requireScoredColumns {
            let scored = Set(survey.questions.indices.filter { survey.questions[$0].isScored })
            for file in result.files {
                let mapped = file.mapping.columns.contains { column in
                    switch column.assignment {
                    case .answer(let q), .matrixRow(let q, _): scored.contains(q)
                    default: false
                    }
                }
                if !mapped {
                    throw SurveyDataError(
                        location: SourceLocation(file: file.file, line: file.headerLine),
                        message: LocalizedText(
                            zh: "此导出文件没有一列对应问卷 \(survey.id) 的计分题。请检查 --survey，"
                                + "或运行 `junheng survey check` 并写一个列对应文件（--mapping）。",
                            en: "no column of this export matches a scored question of questionnaire \(survey.id). "
                                + "Check --survey, or run `junheng survey check` and write a mapping file (--mapping).")
                    )
                }
            }
        }
        return result
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
