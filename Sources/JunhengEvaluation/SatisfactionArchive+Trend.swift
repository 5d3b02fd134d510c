public import JunhengQuestionnaire
import JunhengStatistics
import JunhengStore

/// The stored satisfaction cells as a trend (``SatisfactionTrend``): each cell with its sums (none for cells
/// stored before they were kept: early data) and what held for its year.
extension SatisfactionArchive {
    /// The trend of one cut from the store at `path` (which must exist).
    public static func trend(storePath path: String, by dimension: String) throws -> SatisfactionTrend {
        SatisfactionTrend(dimension: dimension, entries: try storedEntries(storePath: path, by: dimension))
    }

    /// The stored cells of one cut as trend entries, from the store at `path` (which must exist).
    public static func storedEntries(storePath path: String, by dimension: String) throws
        -> [SatisfactionTrend.Entry]
    {
        let store = try HistoryStore.existing(path: path)
        return entries(try store.satisfactionCells(by: dimension), runs: try store.satisfactionRuns())
    }

    /// Trend entries of stored cells, with their years' runs.
    static func entries(_ cells: [SatisfactionCellRecord], runs: [SatisfactionRunRecord]) -> [SatisfactionTrend.Entry] {
        let byYear = Dictionary(runs.map { ("\($0.year)#\($0.survey)", $0) }) { first, _ in first }
        return cells.map { cell in
            let run = byYear["\(cell.year)#\(cell.survey)"]
            var estimate: RatioEstimate?
            if let sumY2 = cell.sumY2, let sumM2 = cell.sumM2, let sumYM = cell.sumYM {
                estimate = RatioEstimate(
                    clusters: cell.respondents, sumY: Double(cell.positive), sumM: Double(cell.answered),
                    sumY2: sumY2, sumM2: sumM2, sumYM: sumYM)
            }
            var ci95: ClosedRange<Double>?
            if let low = cell.ciLow, let high = cell.ciHigh, low <= high { ci95 = low...high }
            return SatisfactionTrend.Entry(
                year: cell.year, survey: cell.survey, key: cell.key, respondents: cell.respondents,
                answered: cell.answered, rate: cell.rate, ci95: ci95, estimate: estimate, meets: cell.meets,
                belowMinN: cell.belowMinN, minN: run?.minN, surveyVersion: run?.surveyVersion,
                threshold: run?.threshold, caveats: run?.caveats ?? [])
        }
    }

    /// Trend entries of a result computed now (the county report's year), cut by `dimension`.
    public static func entries(_ result: SatisfactionResult, year: Int, by dimension: String)
        -> [SatisfactionTrend.Entry]
    {
        entries(records(result, year: year).filter { $0.dimension == dimension }, runs: [run(result, year: year)])
    }
}
