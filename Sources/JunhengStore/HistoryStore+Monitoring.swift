import GRDB
import JunhengCore
public import JunhengMonitoring

extension HistoryStore {
    /// Stores monitoring results. Every year × grade × subject in `results` that is already stored is
    /// replaced whole (its result row and per-school rows), all in one transaction; others are kept.
    public func replaceMonitoring(_ results: [MonitoringResult]) throws(StoreError) -> MonitoringImport {
        try write(LocalizedText(zh: "写入质量监测结果", en: "writing the monitoring results")) { db in
            var replaced: [MonitoringImport.Replaced] = []
            var schoolRows = 0
            for result in results.sorted(by: MonitoringResult.ordered) {
                let existing =
                    try MonitoringResultRecord
                    .filter(
                        Column("year") == result.year && Column("grade") == result.grade.rawValue
                            && Column("subject") == result.subject
                    )
                    .fetchOne(db)
                if let existing, let id = existing.id {
                    let schools = try MonitoringSchoolRecord.filter(Column("result_id") == id).fetchCount(db)
                    _ = try existing.delete(db)  // per-school rows go with it (ON DELETE CASCADE)
                    replaced.append(
                        .init(
                            year: result.year, grade: result.grade.rawValue, subject: result.subject, rows: 1 + schools)
                    )
                }
                var record = MonitoringResultRecord(result)
                try record.insert(db)
                for school in result.perSchool {
                    var row = MonitoringSchoolRecord(resultID: record.id!, school)
                    try row.insert(db)
                    schoolRows += 1
                }
            }
            return MonitoringImport(
                database: path, storedResults: results.count, storedSchoolRows: schoolRows,
                years: Set(results.map(\.year)).sorted(), replaced: replaced)
        }
    }

    /// Every stored monitoring result with its per-school rows, by year, grade and subject.
    public func monitoringResults() throws(StoreError) -> [MonitoringResult] {
        try read(LocalizedText(zh: "读取质量监测结果", en: "reading the monitoring results")) { db in
            let records = try MonitoringResultRecord.order(Column("year"), Column("grade"), Column("subject")).fetchAll(
                db)
            let schools = try MonitoringSchoolRecord.order(Column("id")).fetchAll(db)  // as imported
            let byResult = Dictionary(grouping: schools, by: \.resultID)
            return records.compactMap { record in
                record.result(schools: (byResult[record.id ?? -1] ?? []).map(\.schoolResult))
            }.sorted(by: MonitoringResult.ordered)
        }
    }
}

// MARK: - Trend

extension HistoryStore {
    /// Every stored year of a subject and grade (or all), with changes from the previous cycle.
    public func monitoringTrend(subject: String? = nil, grade: MonitoringGrade? = nil) throws(StoreError)
        -> MonitoringTrend
    {
        MonitoringTrend(results: try monitoringResults(), subject: subject, grade: grade)
    }
}
