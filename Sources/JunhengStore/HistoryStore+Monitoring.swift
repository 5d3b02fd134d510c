import GRDB
public import JunhengCore
public import JunhengMonitoring

/// What an import stored, and what it replaced.
public struct MonitoringImport: Sendable, Hashable, Codable {
    /// A year × grade × subject that was already stored and has been replaced.
    public struct Replaced: Sendable, Hashable, Codable {
        public var year: Int
        public var grade: Int
        public var subject: String
        /// Rows deleted: the result row and its per-school rows.
        public var rows: Int
    }

    public var database: String
    public var storedResults: Int
    public var storedSchoolRows: Int
    public var years: [Int]
    public var replaced: [Replaced]

    enum CodingKeys: String, CodingKey {
        case database, years, replaced
        case storedResults = "stored_results"
        case storedSchoolRows = "stored_school_rows"
    }

    /// The total rows the import deleted before writing.
    public var replacedRows: Int { replaced.reduce(0) { $0 + $1.rows } }

    /// Sentences for the user: what was stored, and what was replaced.
    public var lines: [LocalizedText] {
        let yearList = years.map(String.init).joined(separator: ", ")
        var lines = [
            LocalizedText(
                zh: "已存入 \(database): \(yearList) 年, 共 \(storedResults) 项结果 (年份×年级×学科), \(storedSchoolRows) 行分校结果。",
                en:
                    "Stored in \(database): \(yearList), \(storedResults) results (year × grade × subject), \(storedSchoolRows) per-school rows."
            )
        ]
        if replaced.isEmpty {
            lines.append(LocalizedText(zh: "没有替换已有的结果。", en: "Nothing already stored was replaced."))
        } else {
            let zh = replaced.map {
                "\($0.year) \(MonitoringGrade(rawValue: $0.grade)?.label ?? String($0.grade)) \($0.subject)"
            }
            let en = replaced.map { "\($0.year) grade \($0.grade) \($0.subject)" }
            lines.append(
                LocalizedText(
                    zh: "替换了已存的 \(replaced.count) 项结果 (共删除 \(replacedRows) 行): \(zh.joined(separator: "、"))。",
                    en:
                        "Replaced \(replaced.count) stored results (\(replacedRows) rows deleted): \(en.joined(separator: ", "))."
                ))
        }
        return lines
    }
}

extension HistoryStore {
    /// Stores monitoring results. Every year × grade × subject in `results` that is already stored is
    /// replaced whole (its result row and per-school rows), all in one transaction; others are kept.
    public func replaceMonitoring(_ results: [MonitoringResult]) throws(StoreError) -> MonitoringImport {
        try write("写入质量监测结果") { db in
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
        try read("读取质量监测结果") { db in
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

// MARK: - One call per command

extension HistoryStore {
    /// Reads a monitoring file (student-level or county summary), summarises it and stores the results,
    /// replacing any year × grade × subject already stored.
    ///
    /// - Parameters:
    ///   - file: the CSV file.
    ///   - settingsPath: an optional YAML settings file (cut scores, which reading decides).
    public func importMonitoring(file: String, settingsPath: String? = nil) throws -> MonitoringImport {
        let summary = try MonitoringAnalysis.summarize(path: file, settingsPath: settingsPath)
        return try replaceMonitoring(summary.results)
    }

    /// Every stored year of a subject and grade (or all), with changes from the previous cycle.
    public func monitoringTrend(subject: String? = nil, grade: MonitoringGrade? = nil) throws(StoreError)
        -> MonitoringTrend
    {
        MonitoringTrend(results: try monitoringResults(), subject: subject, grade: grade)
    }
}
