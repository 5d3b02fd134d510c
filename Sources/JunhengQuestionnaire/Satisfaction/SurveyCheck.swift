public import JunhengIngest

/// The one call behind `junheng survey check`: reads the exports as ``SatisfactionAnalysis`` does, but
/// never stops before the check is shown; a reason to refuse the rates comes back with the result.
public struct SurveyCheck: Sendable {
    public var result: SatisfactionResult
    /// Why `junheng satisfaction` would refuse these exports (e.g. they fit another questionnaire);
    /// `survey check` prints the check, then this, and exits with status 1.
    public var refusal: SurveyDataError?

    public init(result: SatisfactionResult, refusal: SurveyDataError?) {
        self.result = result
        self.refusal = refusal
    }

    /// Reads `exports` against `survey` and keeps every finding for the check tables.
    public static func run(
        exports: [String], survey: Questionnaire, settings: SatisfactionSettings,
        otherQuestionnaires: [Questionnaire] = [], readOptions: CSVReadOptions = CSVReadOptions()
    ) throws -> SurveyCheck {
        let result = try SatisfactionAnalysis.run(
            exports: exports, survey: survey, settings: settings, otherQuestionnaires: otherQuestionnaires,
            readOptions: readOptions, refusePoorFit: false)
        let refusal = result.files.lazy.compactMap { $0.refusal(allowPartial: settings.allowPartial) }.first
        return SurveyCheck(result: result, refusal: refusal)
    }
}
