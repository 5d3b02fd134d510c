public import JunhengIngest
import JunhengMonitoring
public import JunhengStore

/// Keeps monitoring results in the history store (`junheng monitoring import FILE`): reads a monitoring
/// file (student-level or county summary), summarises it, and stores the results, replacing any year ×
/// grade × subject already stored. The store itself only keeps records; reading files is done here.
public enum MonitoringArchive {
    /// Reads `file` with the optional YAML settings, then replaces its years × grades × subjects in the
    /// store at `path` (created if missing), in one transaction.
    ///
    /// - Parameters:
    ///   - file: the CSV file.
    ///   - settingsPath: an optional YAML settings file (cut scores, which reading decides).
    ///   - path: the history store.
    /// - Returns: what was stored, and what it replaced.
    public static func importFile(
        _ file: String, settingsPath: String? = nil, storePath path: String, options: CSVReadOptions = CSVReadOptions()
    ) throws -> MonitoringImport {
        let summary = try MonitoringAnalysis.summarize(path: file, settingsPath: settingsPath, options: options)
        return try HistoryStore(path: path).replaceMonitoring(summary.results)
    }
}
