import Foundation
import JunhengCollection
public import JunhengCore
import JunhengIngest
public import JunhengMonitoring
public import JunhengQuestionnaire
public import JunhengReports
public import JunhengResources
import JunhengStore

/// The county evaluation of one year: every area computed from a county data folder, assembled into
/// one neutral ``ReportDocument`` (rendered as HTML, Excel and a terminal summary by the caller).
///
/// An area whose files are missing or broken does not stop the others: the problem is named in the
/// report and the area's bars are left out, so a data officer sees everything that could be computed.
public struct CountyEvaluation: Sendable {
    /// A file or area that could not be used, and why.
    public struct Problem: Sendable, Hashable {
        public var area: LocalizedText
        public var message: String

        public init(area: LocalizedText, message: String) {
            self.area = area
            self.message = message
        }
    }

    public var options: CountyEvaluationOptions
    public var year: Int?
    public var folder: CountyDataFolder
    /// One result per questionnaire that has exports.
    public var satisfaction: [SatisfactionResult]
    public var resources: ResourceReport?
    /// Results computed from the folder's monitoring files.
    public var monitoring: MonitoringSummary?
    /// Every stored and computed result up to the year, for the year-over-year charts.
    public var monitoringHistory: [MonitoringResult]
    public var problems: [Problem]
    public var document: ReportDocument

    /// Every bar of the evaluation, in report order.
    public var bars: [BarCheck] { document.sections.flatMap(\.bars) }

    static let satisfactionArea = LocalizedText(zh: "社会认可度", en: "Social recognition")
    static let resourcesArea = LocalizedText(zh: "资源配置", en: "Resource allocation")
    static let qualityArea = LocalizedText(zh: "教育质量", en: "Education quality")

    /// Reads the folder and computes every area.
    ///
    /// - Throws: ``EvaluationError`` when the folder does not exist or no questionnaire can be loaded;
    ///   problems with single files are reported in ``problems`` instead.
    public static func run(_ options: CountyEvaluationOptions) throws -> CountyEvaluation {
        let root = options.dataDirectory
        let surveysDirectory =
            options.surveysDirectory
            ?? {
                let inside = (root as NSString).appendingPathComponent("surveys")
                return FileManager.default.fileExists(atPath: inside) ? inside : "surveys"
            }()
        var problems: [Problem] = []
        let questionnaires: [Questionnaire]
        do {
            questionnaires = try SurveyCatalog(directories: [surveysDirectory]).list()
        } catch {
            problems.append(Problem(area: satisfactionArea, message: error.description))
            questionnaires = []
        }
        var folder = try CountyDataFolder.scan(root, questionnaires: questionnaires)
        for file in folder.files(.questionnaire) {
            folder.unplaced.append(
                .init(
                    path: file.path,
                    reason:
                        "问卷定义不在 \(surveysDirectory)/ 中，请移入后再用。A questionnaire outside \(surveysDirectory)/: move it there to use it."
                ))
        }

        // 社会认可度: one run per questionnaire, over all its exports and the responses `junheng serve`
        // collected into the folder's store (or --db).
        var satisfaction: [SatisfactionResult] = []
        let exportsBySurvey = Dictionary(grouping: folder.files(.surveyExport)) { $0.survey ?? "" }
        var collected: [String: (path: String, responses: [CollectedResponse])] = [:]
        for path in Set([options.storePath].compactMap { $0 } + folder.files(.store).map(\.path)).sorted() {
            do {
                guard let store = try SQLiteResponseStore.reading(path: path) else { continue }
                for questionnaire in questionnaires where collected[questionnaire.id] == nil {
                    let responses = try store.responsesNow(survey: questionnaire.id)
                    if !responses.isEmpty { collected[questionnaire.id] = (path, responses) }
                }
            } catch {
                problems.append(Problem(area: satisfactionArea, message: "\(error)"))
            }
        }
        for questionnaire in questionnaires {
            let exports = exportsBySurvey[questionnaire.id] ?? []
            let responses = collected[questionnaire.id]
            guard !exports.isEmpty || responses != nil else { continue }
            do {
                let settings = SatisfactionSettings(survey: questionnaire, population: options.population)
                if let responses {
                    satisfaction.append(
                        try CollectedSatisfaction.run(
                            exports: exports.map(\.path), responses: responses.responses, survey: questionnaire,
                            settings: settings, by: [.township], responsesFile: "\(responses.path)[\(questionnaire.id)]"
                        ))
                } else {
                    satisfaction.append(
                        try SatisfactionAnalysis.run(
                            exports: exports.map(\.path), survey: questionnaire, by: [.township], settings: settings))
                }
            } catch {
                problems.append(Problem(area: satisfactionArea, message: "\(error)"))
            }
        }

        // 资源配置 and 政府保障程度, from the roster.
        var resources: ResourceReport?
        let rosters = folder.files(.roster)
        if let roster = rosters.first {
            do {
                resources = try ResourceAnalysis.analyze(
                    rosterPath: roster.path, unitCostPath: folder.files(.unitCosts).first?.path)
            } catch {
                problems.append(Problem(area: resourcesArea, message: "\(error)"))
            }
            for extra in rosters.dropFirst() {
                folder.unplaced.append(
                    .init(
                        path: extra.path,
                        reason: "第二份学校基础数据：只使用 \(roster.path)。A second roster: only \(roster.path) is used."))
            }
        } else {
            problems.append(
                Problem(area: resourcesArea, message: "文件夹中没有学校基础数据。No school roster (学校基础数据) in the folder."))
        }

        // 教育质量: monitoring files, merged over the history store.
        var monitoring: MonitoringSummary?
        let settingsPath = folder.files(.monitoringSettings).first?.path
        var computed: [MonitoringResult] = []
        var monitoringSettings = MonitoringSettings()
        for file in folder.files(.monitoringSummary) + folder.files(.monitoringStudents) {
            do {
                let summary = try MonitoringAnalysis.summarize(path: file.path, settingsPath: settingsPath)
                monitoringSettings = summary.settings
                computed.append(contentsOf: summary.results)
            } catch {
                problems.append(Problem(area: qualityArea, message: "\(error)"))
            }
        }
        // A later file replaces an earlier one for the same year × grade × subject.
        var byKey: [String: MonitoringResult] = [:]
        for result in computed { byKey[Self.key(result)] = result }
        if !byKey.isEmpty {
            monitoring = MonitoringSummary(
                results: byKey.values.sorted(by: MonitoringResult.ordered), settings: monitoringSettings)
        }
        var history = byKey
        let storePath = options.storePath ?? folder.files(.store).first?.path
        if let storePath {
            do {
                let stored = try HistoryStore.existing(path: storePath).monitoringResults()
                for result in stored where history[Self.key(result)] == nil { history[Self.key(result)] = result }
            } catch {
                problems.append(Problem(area: qualityArea, message: "\(error)"))
            }
        }
        let year = options.year ?? history.values.map(\.year).max()
        let monitoringHistory = history.values.filter { year == nil || $0.year <= year! }
            .sorted(by: MonitoringResult.ordered)
        if monitoringHistory.isEmpty {
            problems.append(
                Problem(
                    area: qualityArea,
                    message: "文件夹和历史库中都没有质量监测结果。No quality-monitoring results in the folder or the store."))
        }

        var sections: [ReportSection] = []
        if let resources { sections.append(resources.reportSection()) }
        if !monitoringHistory.isEmpty {
            sections.append(MonitoringReport.reportSection(history: monitoringHistory, settings: monitoringSettings))
        }
        sections.append(contentsOf: satisfaction.map { $0.reportSection() })
        sections.append(filesSection(folder: folder, problems: problems))

        let title = LocalizedText(
            zh: "\(year.map { "\($0)年" } ?? "")县域义务教育优质均衡发展评估报告",
            en: "County evaluation of high-quality balanced compulsory education\(year.map { ", \($0)" } ?? "")")
        let subtitle = [
            LocalizedText(
                zh: "数据文件夹：\(root)（\(folder.placed.count) 个文件已使用，\(folder.unplaced.count) 个未使用）",
                en: "Data folder: \(root) (\(folder.placed.count) files used, \(folder.unplaced.count) not used)"),
            LocalizedText(
                zh: "报告只列汇总数字，不含答卷原文、IP 地址或填写内容。",
                en: "The report shows aggregates only: no answer rows, IP addresses or free text."),
        ]
        let document = ReportDocument(title: title, subtitle: subtitle, sections: sections)
        return CountyEvaluation(
            options: options, year: year, folder: folder, satisfaction: satisfaction, resources: resources,
            monitoring: monitoring, monitoringHistory: monitoringHistory, problems: problems, document: document)
    }

    static func key(_ result: MonitoringResult) -> String {
        "\(result.year)|\(result.grade.rawValue)|\(result.subject)"
    }

    /// The last section: which file was read as what, which were not used and why, and area problems.
    static func filesSection(folder: CountyDataFolder, problems: [Problem]) -> ReportSection {
        let name = { (path: String) in (path as NSString).lastPathComponent }
        var rows: [[ReportCell]] = folder.placed.map { file in
            [
                .text(name(file.path)), .label(file.kind.label), .text(file.survey ?? ""),
                ReportCell(.text(LocalizedText(zh: "已使用", en: "used")), fails: false),
            ]
        }
        rows += folder.unplaced.map { file in
            [
                .text(name(file.path)), .label(LocalizedText(zh: "未识别", en: "not placed")), .text(file.reason),
                ReportCell(.text(LocalizedText(zh: "未使用", en: "not used")), fails: true),
            ]
        }
        let files = ReportTable(
            id: "data-files", title: LocalizedText(zh: "数据文件", en: "Data files"),
            columns: [
                ReportColumn(key: "file", label: LocalizedText(zh: "文件", en: "File")),
                ReportColumn(key: "kind", label: LocalizedText(zh: "识别为", en: "Read as")),
                ReportColumn(key: "detail", label: LocalizedText(zh: "说明", en: "Detail")),
                ReportColumn(key: "status", label: LocalizedText(zh: "状态", en: "Status")),
            ], rows: rows)
        var tables = [files]
        if !problems.isEmpty {
            tables.append(
                ReportTable(
                    id: "data-problems", title: LocalizedText(zh: "无法计算的部分", en: "What could not be computed"),
                    columns: [
                        ReportColumn(key: "area", label: LocalizedText(zh: "领域", en: "Area")),
                        ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")),
                    ],
                    rows: problems.map {
                        [.label($0.area), ReportCell(.text(LocalizedText(verbatim: $0.message)), fails: true)]
                    }))
        }
        return ReportSection(
            id: "data", title: LocalizedText(zh: "数据来源", en: "Data sources"), tables: tables)
    }
}

extension CountyEvaluation {
    /// The JSON of each area, named as written next to the report: the same documents as
    /// `junheng resources/monitoring summary/satisfaction --by township --format json` print.
    public func areaJSON() throws -> [(name: String, json: String)] {
        var files: [(name: String, json: String)] = []
        if let resources { files.append(("resources.json", try JSONOutput.encode(resources))) }
        if let monitoring { files.append(("monitoring.json", try JSONOutput.encode(monitoring))) }
        for result in satisfaction {
            files.append(("satisfaction-\(result.survey.id).json", try JSONOutput.encode(result.jsonDocument)))
        }
        return files
    }
}
