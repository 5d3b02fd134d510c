import Foundation
import JunhengCollection
public import JunhengCore
import JunhengIngest
public import JunhengMonitoring
public import JunhengPlan
public import JunhengQuestionnaire
import JunhengRegistry
public import JunhengReports
public import JunhengResources
import JunhengStore

/// The county evaluation of one year: every area computed from a county data folder, every requirement
/// of the county plan given its status, all assembled into one neutral ``ReportDocument`` (rendered as
/// HTML, Excel and a terminal summary by the caller).
///
/// The report's bars are the plan's requirements (computed where the county's files allow, given in the
/// indicator sheet otherwise, `no-data` where nothing is provided) and the 社会认可度 bars; the area
/// sections keep their charts and tables. An area whose files are missing or broken does not stop the
/// others: the problem is named in the report, so a data officer sees everything that could be computed.
public struct CountyEvaluation: Sendable {
    /// A file or area that could not be used, and why.
    public struct Problem: Sendable, Hashable {
        public var area: LocalizedText
        public var message: LocalizedText
        /// The folder lacks the files of an area (no roster, no monitoring): what depends on them has no
        /// data, but no figure is wrong. Otherwise a file is wrong and a figure could change.
        public var missing: Bool

        public init(area: LocalizedText, message: LocalizedText, missing: Bool = false) {
            self.area = area
            self.message = message
            self.missing = missing
        }
    }

    public var options: CountyEvaluationOptions
    public var year: Int?
    public var folder: CountyDataFolder
    /// Every requirement of the county plan with its status.
    public var plan: PlanAssessment
    /// One result per questionnaire that has exports.
    public var satisfaction: [SatisfactionResult]
    public var resources: ResourceReport?
    /// Results computed from the folder's monitoring files.
    public var monitoring: MonitoringSummary?
    /// Every stored and computed result up to the year, for the year-over-year charts.
    public var monitoringHistory: [MonitoringResult]
    public var problems: [Problem]
    /// Every school and township name of the folder's files, checked against its registry (or each other).
    public var names: CountyNames
    public var document: ReportDocument

    /// Every bar of the evaluation, in report order: the plan's requirements, then 社会认可度.
    public var bars: [BarCheck] { document.sections.flatMap(\.bars) }

    static let satisfactionArea = LocalizedText(zh: "社会认可度", en: "Social recognition")
    static let resourcesArea = LocalizedText(zh: "资源配置", en: "Resource allocation")
    static let qualityArea = LocalizedText(zh: "教育质量", en: "Education quality")
    static let sheetArea = LocalizedText(zh: "县级指标填报表", en: "County indicator sheet")

    /// A problem's message from any error: a ``UserFacingError`` in each language, else as printed.
    static func describe(_ error: any Error) -> LocalizedText {
        if let error = error as? any UserFacingError {
            return LocalizedText(zh: error.rendered(in: .zh), en: error.rendered(in: .en))
        }
        return LocalizedText(verbatim: "\(error)")
    }

    /// Reads the folder, computes every area and gives every requirement of the plan its status.
    ///
    /// - Throws: ``EvaluationError`` when the folder does not exist or no plan is found, ``PlanError`` when
    ///   the plan file is broken; problems with single data files are reported in ``problems`` instead.
    public static func run(_ options: CountyEvaluationOptions) throws -> CountyEvaluation {
        let root = options.dataDirectory
        let surveysDirectory =
            options.surveysDirectory
            ?? {
                let inside = (root as NSString).appendingPathComponent("surveys")
                return FileManager.default.fileExists(atPath: inside) ? inside : "surveys"
            }()
        var problems: [Problem] = []
        // A broken questionnaire file is named as a problem; the others are still used.
        var questionnaires: [Questionnaire] = []
        do {
            let contents = try SurveyCatalog(directories: [surveysDirectory]).load()
            questionnaires = contents.questionnaires
            for failure in contents.failures {
                problems.append(Problem(area: satisfactionArea, message: describe(failure.error)))
            }
        } catch {
            problems.append(Problem(area: satisfactionArea, message: describe(error)))
        }
        var folder = try CountyDataFolder.scan(root, questionnaires: questionnaires)
        for file in folder.files(.questionnaire) {
            folder.placed.removeAll { $0.path == file.path }
            folder.unplaced.append(
                .init(
                    path: file.path,
                    reason: LocalizedText(
                        zh: "问卷定义不在 \(surveysDirectory)/ 中，请移入后再用。",
                        en: "A questionnaire outside \(surveysDirectory)/: move it there to use it.")))
        }
        let plan = try PlanLoader.load(path: try planPath(options, folder: &folder))
        let (registry, registryProblems) = Self.registry(&folder)

        // 逐题统计: which questionnaires get a cross-tab (the folder's `crosstabs:` file); a broken file is a
        // problem, and the per-question tables come without cross-tabs.
        let frequencySettings = Self.frequencySettings(&folder, questionnaires: questionnaires, problems: &problems)

        // 社会认可度: one run per questionnaire, over all its exports and the responses `junheng serve`
        // collected into the folder's store (or --db), counting every question in the same pass.
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
                problems.append(Problem(area: satisfactionArea, message: describe(error)))
            }
        }
        // Every school and township name, against the registry (or each other without one).
        let names = CountyNames.check(
            nameSources(folder, questionnaires: questionnaires, collected: collected), registry: registry,
            registryProblems: registryProblems)

        for questionnaire in questionnaires {
            let exports = exportsBySurvey[questionnaire.id] ?? []
            let responses = collected[questionnaire.id]
            guard !exports.isEmpty || responses != nil else { continue }
            let nameCaveat = names.caveat(
                files: exports.map(\.path) + (responses.map { ["\($0.path)[\(questionnaire.id)]"] } ?? []))
            do {
                var settings = SatisfactionSettings(
                    survey: questionnaire, population: options.population,
                    frequencies: FrequencyRequest(by: frequencySettings.crosstabs[questionnaire.id]))
                // With a registry, a school answered is keyed by its 学校代码 in the by-school rows.
                settings.schools = registry.map { registry in
                    SchoolDirectory(
                        schools: registry.entries.map { .init(code: $0.code, name: $0.name, township: $0.township) })
                }
                let others = questionnaires.filter { $0.id != questionnaire.id }
                var result: SatisfactionResult
                if let responses {
                    result =
                        (try CollectedSatisfaction.run(
                            exports: exports.map(\.path), responses: responses.responses, survey: questionnaire,
                            settings: settings, by: GroupingKey.defaultKeys(for: questionnaire),
                            responsesFile: "\(responses.path)[\(questionnaire.id)]",
                            otherQuestionnaires: others))
                } else {
                    result = try SatisfactionAnalysis.run(
                        exports: exports.map(\.path), survey: questionnaire,
                        by: GroupingKey.defaultKeys(for: questionnaire),
                        settings: settings,
                        otherQuestionnaires: others)
                }
                if let nameCaveat { result.externalCaveats.append(nameCaveat) }
                satisfaction.append(result)
            } catch {
                problems.append(Problem(area: satisfactionArea, message: describe(error)))
            }
        }

        // 资源配置 and 政府保障程度, from the roster, with the plan's thresholds as the standards.
        var roster: SchoolRoster?
        var resources: ResourceReport?
        let rosters = folder.files(.roster)
        if let rosterFile = rosters.first {
            do {
                var read = try SchoolRoster.read(path: rosterFile.path)
                // With a registry, every school is known by its 学校代码: a roster without codes takes them.
                if let registry {
                    for index in read.schools.indices where read.schools[index].code == nil {
                        read.schools[index].code =
                            registry.school(named: read.schools[index].name, township: read.schools[index].township)?
                            .code
                    }
                }
                let costs = try folder.files(.unitCosts).first.map { try UnitCosts.read(path: $0.path) } ?? UnitCosts()
                resources = ResourceAnalysis.analyze(
                    roster: read, settings: ResourceSettings().applying(plan), unitCosts: costs)
                roster = read
            } catch {
                problems.append(Problem(area: resourcesArea, message: describe(error)))
            }
            for extra in rosters.dropFirst() {
                folder.placed.removeAll { $0.path == extra.path }
                folder.unplaced.append(
                    .init(
                        path: extra.path,
                        reason: LocalizedText(
                            zh: "第二份学校基础数据：只使用 \(rosterFile.path)。",
                            en: "A second roster: only \(rosterFile.path) is used.")))
            }
        } else {
            problems.append(
                Problem(
                    area: resourcesArea,
                    message: LocalizedText(
                        zh: "文件夹中没有学校基础数据。", en: "No school roster (\(ProperName.mark("学校基础数据"))) in the folder."),
                    missing: true))
        }

        // 教育质量: monitoring files, merged over the history store, judged with the plan's bar.
        let quality = monitoringResults(options, folder: folder, plan: plan, problems: &problems)

        // The plan: computed where the files allow, the indicator sheet for the rest.
        let sheet = indicatorSheet(&folder, problems: &problems)
        var computations = PlanComputations(
            plan: plan, roster: roster, resources: resources, monitoring: quality.history)
        let rosterCaveat = names.caveat(files: rosters.map(\.path))
        let monitoringCaveat = names.caveat(files: folder.files(.monitoringStudents).map(\.path))
        for part in plan.parts where computations.computed[part.code] != nil {
            let fromMonitoring = part.computation == .monitoringGrade4 || part.computation == .monitoringGrade8
            if let caveat = fromMonitoring ? monitoringCaveat : rosterCaveat {
                computations.computed[part.code]?.notes.append(caveat)
            }
        }
        let assessment = PlanAssessment.assess(
            plan: plan, computed: computations.computed, unavailable: computations.unavailable, sheet: sheet,
            evidence: EvidenceCheck(root: root), asOf: options.asOf)
        placeEvidence(assessment, folder: &folder)

        var sections = assessment.reportSections()
        sections.append(acceptanceSection(resources: resources, plan: assessment, caveat: rosterCaveat))
        if let resources {
            var section = resources.reportSection()
            section.bars = []
            if let rosterCaveat { section.notes.append(rosterCaveat) }
            sections.append(Self.named(section))
        }
        if !quality.history.isEmpty {
            var section = MonitoringReport.reportSection(history: quality.history, settings: quality.settings)
            section.bars = []
            section.notes += quality.notes
            if let monitoringCaveat { section.notes.append(monitoringCaveat) }
            sections.append(Self.named(section))
        }
        // A questionnaire without scored items has no rate: its questions are counted, nothing is rated. With
        // earlier years in the store, its rates by township year over year follow its own tables.
        let trends = satisfactionTrends(
            satisfaction, year: quality.year, storePath: options.storePath ?? folder.files(.store).first?.path,
            problems: &problems)
        sections += satisfaction.filter { !$0.survey.items.isEmpty }.map { result in
            var section = result.reportSection()
            if let trend = trends[result.survey.id] { section.tables.append(trend) }
            return Self.named(section, result.survey)
        }
        sections += satisfaction.compactMap { result in
            result.frequencies.map { Self.named($0.section(), result.survey, frequencies: true) }
        }
        sections.append(filesSection(folder: folder, plan: assessment, names: names, problems: problems))

        let year = quality.year
        let document = ReportDocument(
            title: title(plan, year: year),
            subtitle: subtitle(assessment, resources: resources, names: names), sections: sections)
        return CountyEvaluation(
            options: options, year: year, folder: folder, plan: assessment, satisfaction: satisfaction,
            resources: resources, monitoring: quality.summary, monitoringHistory: quality.history, problems: problems,
            names: names, document: document)
    }

    /// The folder's 逐题统计 settings: the first `crosstabs:` file (a second is not used); none when there
    /// is none, or when it is broken (then a problem names the mistake).
    static func frequencySettings(
        _ folder: inout CountyDataFolder, questionnaires: [Questionnaire], problems: inout [Problem]
    ) -> FrequencySettings {
        let files = folder.files(.frequencySettings)
        guard let first = files.first else { return FrequencySettings() }
        for extra in files.dropFirst() {
            folder.placed.removeAll { $0.path == extra.path }
            folder.unplaced.append(
                .init(
                    path: extra.path,
                    reason: LocalizedText(
                        zh: "第二份逐题统计设置：只使用 \(first.path)。",
                        en: "A second frequency settings file: only \(first.path) is used.")))
        }
        do {
            return try FrequencySettings.load(path: first.path, questionnaires: questionnaires)
        } catch {
            problems.append(
                Problem(
                    area: LocalizedText(zh: "逐题统计", en: "Question by question"),
                    message: describe(error)
                        + LocalizedText(
                            zh: "（逐题统计照常给出，不做交叉分析。）", en: " (The per-question tables are given without cross-tabs.)")))
            return FrequencySettings()
        }
    }

    static func key(_ result: MonitoringResult) -> String {
        "\(result.year)|\(result.grade.rawValue)|\(result.subject)"
    }
}

extension CountyEvaluation {
    /// `indicators.json` (``IndicatorsDocument``), texts in `language`.
    public func indicatorsJSON(language: Language = .zh) throws -> String {
        try JSONOutput.encode(IndicatorsDocument(self, language: language))
    }

    /// The JSON of each area, named as written next to the report: the same documents as
    /// `junheng resources/monitoring summary/satisfaction --by township/frequencies --format json` print
    /// (frequencies with the folder's cross-tab), texts in `language`.
    public func areaJSON(language: Language = .zh) throws -> [(name: String, json: String)] {
        var files: [(name: String, json: String)] = []
        if let resources { files.append(("resources.json", try JSONOutput.encode(resources))) }
        if let monitoring { files.append(("monitoring.json", try JSONOutput.encode(monitoring))) }
        for result in satisfaction where !result.survey.items.isEmpty {
            files.append(
                ("satisfaction-\(result.survey.id).json", try JSONOutput.encode(result.jsonDocument(in: language))))
        }
        for result in satisfaction where result.frequencies != nil {
            files.append(
                ("frequencies-\(result.survey.id).json", try JSONOutput.encode(result.frequencyJSON(in: language))))
        }
        return files
    }
}
