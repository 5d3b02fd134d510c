public import JunhengCore
public import JunhengIngest
public import JunhengMonitoring
public import JunhengStore

/// Keeps monitoring results in the history store (`junheng monitoring import FILE`) and reads them back: reads
/// a monitoring file (student-level or county summary), summarises it, and stores its results as the store's
/// plain records (``MonitoringArchive/record(_:)``). The store itself only keeps records; reading files and
/// mapping results is done here.
public enum MonitoringArchive {
    /// Reads `file` with the optional YAML settings, then stores its years × grades × subjects in the store at
    /// `path` (created if missing), in one transaction.
    ///
    /// - Parameters:
    ///   - file: the CSV file or workbook.
    ///   - settingsPath: an optional YAML settings file (cut scores, which reading decides).
    ///   - path: the history store.
    ///   - replace: whether a year × grade × subject already stored may be replaced (`--replace`); without it
    ///     such an import is refused, naming what is stored, and nothing is written.
    /// - Returns: what was stored, and what it replaced.
    public static func importFile(
        _ file: String, settingsPath: String? = nil, storePath path: String, options: CSVReadOptions = CSVReadOptions(),
        replace: Bool = false
    ) throws -> MonitoringImport {
        let summary = try MonitoringAnalysis.summarize(path: file, settingsPath: settingsPath, options: options)
        let store = try HistoryStore(path: path)
        let incoming = Set(summary.results.map(key))
        let stored = try store.monitoringKeys().filter(incoming.contains).sorted { lhs, rhs in
            if (lhs.year, lhs.grade) != (rhs.year, rhs.grade) { return (lhs.year, lhs.grade) < (rhs.year, rhs.grade) }
            return MonitoringSubject.sortKey(lhs.subject) < MonitoringSubject.sortKey(rhs.subject)
        }
        if !replace, !stored.isEmpty {
            throw EvaluationError(
                location: SourceLocation(file: file),
                message: LocalizedText(
                    zh: "历史库 \(path) 已存有 \(stored.count) 项同一年份、年级和学科的结果："
                        + stored.map { label($0).zh }.joined(separator: "、")
                        + "。同一项只能存一份：若本文件是更正后的结果，请加 --replace 替换；否则不必再导入。历史库没有改动。",
                    en: "the history store \(path) already holds \(stored.count) results of the same year, grade and "
                        + "subject: " + stored.map { label($0).en }.joined(separator: ", ")
                        + ". Each is stored once: if this file corrects them, add --replace to replace them; "
                        + "otherwise there is nothing to import. The store is unchanged."))
        }
        return try store.replaceMonitoring(summary.results.sorted(by: MonitoringResult.ordered).map(record))
    }

    /// Every stored result, as the monitoring area reads it, from the store at `path` (which must exist).
    public static func results(storePath path: String) throws -> [MonitoringResult] {
        try HistoryStore.existing(path: path).monitoringResults().compactMap(result)
            .sorted(by: MonitoringResult.ordered)
    }

    /// Every stored year of a subject and grade (or all) with its intervals and changes.
    public static func trend(storePath path: String, subject: String? = nil, grade: MonitoringGrade? = nil) throws
        -> MonitoringTrend
    {
        MonitoringTrend(results: try results(storePath: path), subject: subject, grade: grade)
    }

    static func key(_ result: MonitoringResult) -> HistoryStore.MonitoringKey {
        HistoryStore.MonitoringKey(year: result.year, grade: result.grade.rawValue, subject: result.subject)
    }

    /// `2021 四年级数学` / `2021 grade 4 mathematics`.
    static func label(_ key: HistoryStore.MonitoringKey) -> LocalizedText {
        let grade = MonitoringGrade(rawValue: key.grade)
        return LocalizedText(
            zh: "\(key.year) \(grade?.label ?? String(key.grade))\(key.subject)",
            en:
                "\(key.year) \(grade?.englishLabel ?? "grade \(key.grade)") \(MonitoringSubject.englishName(key.subject))"
        )
    }
}

extension MonitoringImport {
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
            let names = replaced.map {
                MonitoringArchive.label(.init(year: $0.year, grade: $0.grade, subject: $0.subject))
            }
            lines.append(
                LocalizedText(
                    zh: "按 --replace 替换了已存的 \(replaced.count) 项结果 (共删除 \(replacedRows) 行): "
                        + names.map(\.zh).joined(separator: "、") + "。",
                    en: "Replaced \(replaced.count) stored results as --replace asked (\(replacedRows) rows deleted): "
                        + names.map(\.en).joined(separator: ", ") + "."))
        }
        return lines
    }
}
