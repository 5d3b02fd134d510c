public import JunhengCore
import JunhengMonitoring

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
            let en = replaced.map { "\($0.year) grade \($0.grade) \(MonitoringSubject.englishName($0.subject))" }
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
