import GRDB
import JunhengCore

extension HistoryStore {
    /// A stored year × grade × subject.
    public struct MonitoringKey: Sendable, Hashable, Comparable {
        public var year: Int
        public var grade: Int
        public var subject: String

        public init(year: Int, grade: Int, subject: String) {
            self.year = year
            self.grade = grade
            self.subject = subject
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.year, lhs.grade, lhs.subject) < (rhs.year, rhs.grade, rhs.subject)
        }
    }

    /// Every year × grade × subject the store holds.
    public func monitoringKeys() throws(StoreError) -> [MonitoringKey] {
        try read(LocalizedText(zh: "读取质量监测结果", en: "reading the monitoring results")) { db in
            try MonitoringResultRecord.order(Column("year"), Column("grade"), Column("subject")).fetchAll(db).map {
                MonitoringKey(year: $0.year, grade: $0.grade, subject: $0.subject)
            }
        }
    }

    /// Stores monitoring results. Every year × grade × subject in `results` that is already stored is
    /// replaced whole (its result row and per-school rows), all in one transaction; others are kept. (Whether
    /// a result may replace a stored one is the caller's to decide: `junheng monitoring import` refuses
    /// without `--replace`.)
    public func replaceMonitoring(_ results: [StoredMonitoringResult]) throws(StoreError) -> MonitoringImport {
        try write(LocalizedText(zh: "写入质量监测结果", en: "writing the monitoring results")) { db in
            var replaced: [MonitoringImport.Replaced] = []
            var schoolRows = 0
            for stored in results {
                let result = stored.result
                let existing =
                    try MonitoringResultRecord
                    .filter(
                        Column("year") == result.year && Column("grade") == result.grade
                            && Column("subject") == result.subject
                    )
                    .fetchOne(db)
                if let existing, let id = existing.id {
                    let schools = try MonitoringSchoolRecord.filter(Column("result_id") == id).fetchCount(db)
                    _ = try existing.delete(db)  // per-school rows go with it (ON DELETE CASCADE)
                    replaced.append(
                        .init(year: result.year, grade: result.grade, subject: result.subject, rows: 1 + schools))
                }
                var record = result
                record.id = nil
                try record.insert(db)
                for school in stored.schools {
                    var row = school
                    row.id = nil
                    row.resultID = record.id!
                    try row.insert(db)
                    schoolRows += 1
                }
            }
            return MonitoringImport(
                database: path, storedResults: results.count, storedSchoolRows: schoolRows,
                years: Set(results.map(\.result.year)).sorted(), replaced: replaced)
        }
    }

    /// Every stored monitoring result with its per-school rows (as imported), by year, grade and subject.
    public func monitoringResults() throws(StoreError) -> [StoredMonitoringResult] {
        try read(LocalizedText(zh: "读取质量监测结果", en: "reading the monitoring results")) { db in
            let records = try MonitoringResultRecord.order(Column("year"), Column("grade"), Column("subject"))
                .fetchAll(db)
            let schools = try MonitoringSchoolRecord.order(Column("id")).fetchAll(db)
            let byResult = Dictionary(grouping: schools, by: \.resultID)
            return records.map { StoredMonitoringResult(result: $0, schools: byResult[$0.id ?? -1] ?? []) }
        }
    }
}
