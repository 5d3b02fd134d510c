public import JunhengQuestionnaire
public import JunhengStore

/// Keeps a year's satisfaction rates in the history store (`junheng satisfaction … --year Y --save`):
/// the overall cell and every single-key cut (group, township, school, grade, item, dimension).
public enum SatisfactionArchive {
    /// The store rows of a result: one per cell of ``SatisfactionResult/cutCells()``.
    public static func records(_ result: SatisfactionResult, year: Int) -> [SatisfactionCellRecord] {
        result.cutCells().map { cut in
            SatisfactionCellRecord(
                year: year, survey: result.survey.id, dimension: cut.dimension, key: cut.key,
                respondents: cut.cell.respondents, answered: cut.cell.answered, positive: cut.cell.positive,
                rate: cut.cell.rate, ciLow: cut.cell.ci95?.lowerBound, ciHigh: cut.cell.ci95?.upperBound,
                meets: cut.cell.meetsThreshold)
        }
    }

    /// Replaces the year's rows of this questionnaire in the store at `path` (created if missing).
    /// - Returns: how many stored rows were replaced (0 the first time).
    public static func save(_ result: SatisfactionResult, year: Int, storePath path: String) throws -> (
        saved: Int, replaced: Int
    ) {
        let cells = records(result, year: year)
        let replaced = try HistoryStore(path: path).replaceSatisfaction(
            year: year, survey: result.survey.id, cells: cells)
        return (cells.count, replaced)
    }
}
