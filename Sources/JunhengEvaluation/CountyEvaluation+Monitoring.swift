import JunhengCore
import JunhengMonitoring
import JunhengPlan
import JunhengReports

extension CountyEvaluation {
    /// The quality-monitoring results of the folder merged over the history store, up to the year.
    struct QualityResults {
        var summary: MonitoringSummary?
        var history: [MonitoringResult]
        var settings: MonitoringSettings
        var year: Int?
        var notes: [LocalizedText]
    }

    /// Reads the folder's monitoring files (a later file replaces an earlier one for the same year × grade ×
    /// subject), adds the stored years, and judges every result with the plan's 校际差异率 bar (C61/C62).
    static func monitoringResults(
        _ options: CountyEvaluationOptions, folder: CountyDataFolder, plan: CountyPlan, problems: inout [Problem]
    ) -> QualityResults {
        let settingsPath = folder.files(.monitoringSettings).first?.path
        var computed: [MonitoringResult] = []
        var settings = MonitoringSettings()
        for file in folder.files(.monitoringSummary) + folder.files(.monitoringStudents) {
            do {
                let summary = try MonitoringAnalysis.summarize(path: file.path, settingsPath: settingsPath)
                settings = summary.settings
                computed.append(contentsOf: summary.results)
            } catch {
                problems.append(Problem(area: qualityArea, message: describe(error)))
            }
        }
        var notes: [LocalizedText] = []
        if let bar = plan.threshold(for: .monitoringGrade4) ?? plan.threshold(for: .monitoringGrade8),
            bar.value != settings.differenceRateThreshold
        {
            notes.append(
                LocalizedText(
                    zh:
                        "质量监测设置的校际差异率标准为 \(NumberText.plain(settings.differenceRateThreshold))，按县级方案改用 \(NumberText.plain(bar.value))。",
                    en:
                        "The monitoring settings' between-school difference rate bar is \(NumberText.plain(settings.differenceRateThreshold)); the plan's \(NumberText.plain(bar.value)) is used."
                ))
            settings.differenceRateThreshold = bar.value
        }
        var byKey: [String: MonitoringResult] = [:]
        for var result in computed {
            result.judge(settings: settings)
            byKey[key(result)] = result
        }
        let summary =
            byKey.isEmpty
            ? nil : MonitoringSummary(results: byKey.values.sorted(by: MonitoringResult.ordered), settings: settings)
        var history = byKey
        if let storePath = options.storePath ?? folder.files(.store).first?.path {
            do {
                for var result in try MonitoringArchive.results(storePath: storePath)
                where history[key(result)] == nil {
                    result.judge(settings: settings)
                    history[key(result)] = result
                }
            } catch {
                problems.append(Problem(area: qualityArea, message: describe(error)))
            }
        }
        let year = options.year ?? history.values.map(\.year).max()
        let results = history.values.filter { year == nil || $0.year <= year! }.sorted(by: MonitoringResult.ordered)
        if results.isEmpty {
            problems.append(
                Problem(
                    area: qualityArea,
                    message: LocalizedText(
                        zh: "文件夹和历史库中都没有质量监测结果。",
                        en: "No quality-monitoring results in the folder or the store."),
                    missing: true))
        }
        return QualityResults(summary: summary, history: results, settings: settings, year: year, notes: notes)
    }
}
