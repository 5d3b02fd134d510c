import Crypto
public import JunhengCore
public import JunhengQuestionnaire
import JunhengStatistics
public import JunhengStore

/// Keeps a year's satisfaction rates in the history store (`junheng satisfaction … --year Y --save`) and reads
/// them back as a trend: the overall cell and every single-key cut (group, township, school, grade, item,
/// dimension), each with the sums of its ratio estimator over respondents, and, for the year as a whole, the
/// questionnaire's version, the bar, the minimum n and the caveats computed with the rates.
public enum SatisfactionArchive {
    /// The store rows of a result: one per cell of ``SatisfactionResult/cutCells()``.
    public static func records(_ result: SatisfactionResult, year: Int) -> [SatisfactionCellRecord] {
        result.cutCells().map { cut in
            SatisfactionCellRecord(
                year: year, survey: result.survey.id, dimension: cut.dimension, key: cut.key,
                respondents: cut.cell.respondents, answered: cut.cell.answered, positive: cut.cell.positive,
                rate: cut.cell.rate, ciLow: cut.cell.ci95?.lowerBound, ciHigh: cut.cell.ci95?.upperBound,
                meets: cut.cell.meetsThreshold, sumY2: cut.cell.estimate?.sumY2, sumM2: cut.cell.estimate?.sumM2,
                sumYM: cut.cell.estimate?.sumYM, belowMinN: cut.cell.belowMinN)
        }
    }

    /// What holds for the year's rates as a whole.
    public static func run(_ result: SatisfactionResult, year: Int) -> SatisfactionRunRecord {
        SatisfactionRunRecord(
            year: year, survey: result.survey.id, surveyVersion: version(of: result.survey),
            threshold: result.settings.threshold, minN: result.settings.minN, caveats: result.caveats)
    }

    /// Stores the year's rows of this questionnaire in the store at `path` (created if missing).
    ///
    /// - Parameter replace: whether a year already stored may be replaced (`--replace`); without it a year
    ///   the store holds is refused, and nothing is written.
    /// - Returns: how many cells were saved, and how many stored ones were replaced.
    public static func save(_ result: SatisfactionResult, year: Int, storePath path: String, replace: Bool = false)
        throws -> (saved: Int, replaced: Int)
    {
        let store = try HistoryStore(path: path)
        if !replace { try refuseStored(year: year, survey: result.survey.id, store: store) }
        let cells = records(result, year: year)
        let replaced = try store.replaceSatisfaction(
            year: year, survey: result.survey.id, cells: cells, run: run(result, year: year))
        return (cells.count, replaced)
    }

    /// Throws when the store at `path` (if it exists) already holds the year of this questionnaire: checked
    /// before the rates are computed, so a refused save costs nothing.
    public static func checkNotStored(year: Int, survey: String, storePath path: String) throws {
        guard let store = try? HistoryStore.existing(path: path) else { return }
        try refuseStored(year: year, survey: survey, store: store)
    }

    static func refuseStored(year: Int, survey: String, store: HistoryStore) throws {
        let stored = try store.satisfactionCellCount(year: year, survey: survey)
        guard stored > 0 else { return }
        throw EvaluationError(
            location: SourceLocation(file: store.path),
            message: LocalizedText(
                zh: "历史库已存有 \(year) 年 \(survey) 卷的满意度（\(stored) 项）。同一年只能存一份：若这次是更正后的结果，"
                    + "请加 --replace 替换；否则不必再存。历史库没有改动。",
                en: "the history store already holds the \(year) rates of questionnaire \(survey) (\(stored) cells). "
                    + "A year is stored once: if these rates correct them, add --replace to replace them; otherwise "
                    + "there is nothing to save. The store is unchanged."))
    }

    /// A short fingerprint of what a questionnaire's rates count: each scored item's id and text, and each
    /// option's text with whether it is positive or left out (SHA-256, the first 12 hex digits). Two years
    /// with different fingerprints are compared only with a caveat; wording elsewhere does not change it.
    public static func version(of survey: Questionnaire) -> String {
        var text = ""
        for item in survey.items {
            text += "item\u{1F}\(item.id)\u{1F}\(item.text)\n"
            for option in survey.questions[item.questionIndex].options {
                text += "option\u{1F}\(option.text)\u{1F}\(option.positive)\u{1F}\(option.excluded)\n"
            }
        }
        return SHA256.hash(data: Array(text.utf8)).prefix(6).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
