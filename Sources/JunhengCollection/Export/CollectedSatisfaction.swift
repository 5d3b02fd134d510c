import JunhengCore
public import JunhengIngest
public import JunhengQuestionnaire

/// Satisfaction rates straight from collected responses, by the same code as `junheng satisfaction` on an
/// export: each response is laid out as the row of the 问卷星 export (``WjxTextLayout``) and fed to the
/// same ``SatisfactionPipeline``, with the line it has in the exported file, so every figure (rates,
/// intervals, screening, the lines of excluded rows) is the one the export gives.
public enum CollectedSatisfaction {
    /// Rates of `responses` (in order of arrival) to `survey`; `file` names the store in the result and
    /// its messages.
    ///
    /// - Throws: ``SurveyDataError`` for a request the questionnaire cannot answer (`--by`, `--weights`).
    public static func run(
        responses: [CollectedResponse], survey: Questionnaire, settings: SatisfactionSettings,
        by: [GroupingKey] = [], file: String
    ) throws -> SatisfactionResult {
        try SatisfactionAnalysis.run(
            exports: [], inMemory: [export(responses, survey: survey, file: file)], survey: survey, by: by,
            settings: settings)
    }

    /// Rates of 问卷星 `exports` and collected `responses` together, one run over both (the county report,
    /// when a questionnaire was partly collected by 问卷星 and partly by `junheng serve`), with the same
    /// refusals and screens as exports alone. A response downloaded from the admin page and also read from
    /// the store has the same answers and IP hash, so the duplicate screen keeps one.
    ///
    /// - Throws: ``IngestError`` for an export that cannot be read; ``SurveyDataError`` for an export that
    ///   does not fit the questionnaire.
    public static func run(
        exports: [String], responses: [CollectedResponse], survey: Questionnaire, settings: SatisfactionSettings,
        by: [GroupingKey] = [], responsesFile: String, otherQuestionnaires: [Questionnaire] = [],
        readOptions: CSVReadOptions = CSVReadOptions()
    ) throws -> SatisfactionResult {
        let collected = responses.isEmpty ? [] : [export(responses, survey: survey, file: responsesFile)]
        return try SatisfactionAnalysis.run(
            exports: exports, inMemory: collected, survey: survey, by: by, settings: settings,
            otherQuestionnaires: otherQuestionnaires, readOptions: readOptions)
    }

    /// The rates of the responses to `survey` in the store at `path` (`junheng satisfaction --db PATH`),
    /// and how many of them answered another version of the questionnaire file than the one given.
    ///
    /// - Throws: ``CollectionStoreError`` when the file cannot be read, holds no collected responses, or none
    ///   to `survey`; ``SurveyDataError`` for a request the questionnaire cannot answer.
    public static func run(
        storePath path: String, survey: Questionnaire, settings: SatisfactionSettings, by: [GroupingKey] = []
    ) throws -> (result: SatisfactionResult, otherVersions: Int) {
        guard let store = try SQLiteResponseStore.reading(path: path) else {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "此文件中没有 junheng serve 收集的答卷；请给出问卷星导出文件，或用 --db 指定答卷库。",
                    en: "this file holds no responses collected by junheng serve; give 问卷星 exports, or the "
                        + "response store with --db."))
        }
        let responses = try store.responsesNow(survey: survey.id)
        guard !responses.isEmpty else {
            let stored = try store.surveys().map { "\($0.survey) (\($0.responses))" }.joined(separator: ", ")
            throw noResponses(place: path, survey: survey, stored: stored)
        }
        return try rated(responses, place: path, survey: survey, settings: settings, by: by)
    }

    /// The rates of the responses to `survey` in `store` (a PostgreSQL store: `--store`), named `place`, and
    /// how many of them answered another version of the questionnaire file.
    ///
    /// - Throws: ``CollectionStoreError`` when the store cannot be read or holds no responses to `survey`;
    ///   ``SurveyDataError`` for a request the questionnaire cannot answer.
    public static func run(
        store: any ResponseStore, place: String, survey: Questionnaire, settings: SatisfactionSettings,
        by: [GroupingKey] = []
    ) async throws -> (result: SatisfactionResult, otherVersions: Int) {
        let responses = try await store.allResponses(survey: survey.id)
        guard !responses.isEmpty else { throw noResponses(place: place, survey: survey, stored: "") }
        return try rated(responses, place: place, survey: survey, settings: settings, by: by)
    }

    private static func rated(
        _ responses: [CollectedResponse], place: String, survey: Questionnaire, settings: SatisfactionSettings,
        by: [GroupingKey]
    ) throws -> (result: SatisfactionResult, otherVersions: Int) {
        let current = try? QuestionnaireFingerprint.of(survey)
        let otherVersions = responses.count { $0.surveySHA256 != current }
        return (
            try run(responses: responses, survey: survey, settings: settings, by: by, file: "\(place)[\(survey.id)]"),
            otherVersions
        )
    }

    private static func noResponses(place: String, survey: Questionnaire, stored: String) -> CollectionStoreError {
        CollectionStoreError(
            location: SourceLocation(file: place),
            message: stored.isEmpty
                ? LocalizedText(
                    zh: "答卷库中没有问卷 \(survey.id) 的答卷。", en: "the store holds no responses to questionnaire \(survey.id).")
                : LocalizedText(
                    zh: "答卷库中没有问卷 \(survey.id) 的答卷（已有：\(stored)）。",
                    en: "the store holds no responses to questionnaire \(survey.id) (it has: \(stored))."))
    }

    /// `responses` laid out as the 问卷星 export named `file`, each record at the line it has in that file.
    static func export(_ responses: [CollectedResponse], survey: Questionnaire, file: String) -> InMemoryExport {
        let layout = WjxTextLayout(survey: survey)
        let header = layout.header
        // The header is line 1; each record starts after the lines of the one before.
        var line = 1 + CollectedExport.lines(of: header)
        var records: [CSVRecord] = []
        records.reserveCapacity(responses.count)
        for (index, response) in responses.enumerated() {
            let fields = layout.row(serial: response.id.map(Int.init) ?? index + 1, response)
            records.append(CSVRecord(line: line, fields: fields))
            line += CollectedExport.lines(of: fields)
        }
        return InMemoryExport(file: file, header: header, records: records, lines: line - 1)
    }
}
