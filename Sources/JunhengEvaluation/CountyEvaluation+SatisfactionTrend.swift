import JunhengCore
import JunhengQuestionnaire
import JunhengReports

extension CountyEvaluation {
    /// 社会认可度 by township year over year, per questionnaire, when the history store holds earlier years of
    /// it: the stored years before `year` and this year's rates from the folder, each change with its interval
    /// and verdict (``SatisfactionTrend``). Questionnaires without an earlier stored year get none; a store
    /// that cannot be read is a problem, not a missing table.
    static func satisfactionTrends(
        _ satisfaction: [SatisfactionResult], year: Int?, storePath: String?, problems: inout [Problem]
    ) -> [String: ReportTable] {
        guard let year, let storePath, !satisfaction.isEmpty else { return [:] }
        let stored: [SatisfactionTrend.Entry]
        do {
            stored = try SatisfactionArchive.storedEntries(storePath: storePath, by: "township")
        } catch {
            problems.append(Problem(area: satisfactionArea, message: describe(error)))
            return [:]
        }
        var tables: [String: ReportTable] = [:]
        for result in satisfaction where !result.survey.items.isEmpty {
            let earlier = stored.filter { $0.survey == result.survey.id && $0.year < year }
            guard !earlier.isEmpty else { continue }
            let trend = SatisfactionTrend(
                dimension: "township",
                entries: earlier + SatisfactionArchive.entries(result, year: year, by: "township"))
            let short = shortName(result.survey)
            tables[result.survey.id] = trend.table(
                id: "satisfaction-\(result.survey.id)-by-year",
                title: LocalizedText(
                    zh: "社会认可度历年变化（\(short.zh)，按乡镇）", en: "Satisfaction year over year (\(short.en), by township)"))
        }
        return tables
    }
}
