import Foundation
public import JunhengCore
import JunhengIngest
import JunhengPlan
public import JunhengQuestionnaire
import JunhengRegistry

/// A county data folder: every file sorted into what it is, by its content (its header), not its name,
/// so a data officer can name files as they like. Files that cannot be placed are named with the reason.
///
/// What a folder holds (see the README, "The county data folder"):
/// - 问卷星 answer exports (CSV in any encoding, or 问卷星's .xls download), matched to a questionnaire by
///   their question headers; every table below may be a CSV file or an .xls/.xlsx workbook (its first
///   sheet), told apart by content;
/// - the school roster (学校基础数据) and, optionally, the unit costs (`项目,单价`);
/// - quality-monitoring results, student-level or county summary figures;
/// - `*.yaml`: questionnaires (a `questions:` list), monitoring settings (`cut_scores:`), the county plan
///   (`timeline:` and `areas:`) or the 逐题统计 settings (`crosstabs:`, ``FrequencySettings``);
/// - the county indicator sheet (县级指标填报表: `指标代码, 分子, 分母, 数值, 结论, 佐证材料, 说明`) and the
///   evidence files it names, anywhere inside the folder;
/// - the school registry (学校名录: `学校代码, 学校名称, 乡镇, 学段, 类型`) and the townships list of
///   `junheng links` (`乡镇`, optionally `学校`);
/// - `junheng.sqlite`: the history store.
///
/// Subfolders are not searched, except `surveys/` (questionnaires) and `plan/` (the county plan); a
/// subfolder that holds evidence the sheet names is marked as used once the sheet is read.
public struct CountyDataFolder: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case surveyExport = "survey-export"
        case roster
        case unitCosts = "unit-costs"
        case monitoringStudents = "monitoring-students"
        case monitoringSummary = "monitoring-summary"
        case monitoringSettings = "monitoring-settings"
        case questionnaire
        case store
        case indicatorSheet = "indicator-sheet"
        case plan
        case evidence
        case frequencySettings = "frequency-settings"
        case registry
        case linkList = "link-list"

        public var label: LocalizedText {
            switch self {
            case .surveyExport: LocalizedText(zh: "问卷星答卷导出", en: "\(ProperName.mark("问卷星")) (wjx.cn) answer export")
            case .roster: LocalizedText(zh: "学校基础数据", en: "School roster")
            case .unitCosts: LocalizedText(zh: "单价表", en: "Unit costs")
            case .monitoringStudents: LocalizedText(zh: "质量监测学生成绩", en: "Monitoring, student results")
            case .monitoringSummary: LocalizedText(zh: "质量监测县级汇总", en: "Monitoring, county summary")
            case .monitoringSettings: LocalizedText(zh: "质量监测设置", en: "Monitoring settings")
            case .questionnaire: LocalizedText(zh: "问卷定义", en: "Questionnaire")
            case .store: LocalizedText(zh: "历史数据库", en: "History store")
            case .indicatorSheet: LocalizedText(zh: "县级指标填报表", en: "County indicator sheet")
            case .plan: LocalizedText(zh: "县级方案", en: "County plan")
            case .evidence: LocalizedText(zh: "佐证材料", en: "Evidence")
            case .frequencySettings: LocalizedText(zh: "逐题统计设置", en: "Frequency settings")
            case .registry: LocalizedText(zh: "学校名录", en: "School registry")
            case .linkList: LocalizedText(zh: "问卷链接乡镇表", en: "Link list (townships)")
            }
        }
    }

    /// A file and what it was recognised as.
    public struct PlacedFile: Sendable, Hashable {
        public var path: String
        public var kind: Kind
        /// For a survey export: the id of the questionnaire it answers.
        public var survey: String?

        public init(path: String, kind: Kind, survey: String? = nil) {
            self.path = path
            self.kind = kind
            self.survey = survey
        }
    }

    /// A file that was not used, and why.
    public struct UnplacedFile: Sendable, Hashable {
        public var path: String
        public var reason: LocalizedText

        public init(path: String, reason: LocalizedText) {
            self.path = path
            self.reason = reason
        }
    }

    public var root: String
    public var placed: [PlacedFile]
    public var unplaced: [UnplacedFile]

    public init(root: String, placed: [PlacedFile], unplaced: [UnplacedFile]) {
        self.root = root
        self.placed = placed
        self.unplaced = unplaced
    }

    public func files(_ kind: Kind) -> [PlacedFile] { placed.filter { $0.kind == kind } }

    // MARK: - Scanning

    private struct HeaderRead: Error {}

    /// Sorts every file directly in `root` (sorted by name, so the result is the same on every machine).
    /// - Parameter questionnaires: the questionnaires survey exports are matched against.
    public static func scan(_ root: String, questionnaires: [Questionnaire]) throws -> CountyDataFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EvaluationError(
                location: SourceLocation(file: root),
                message: LocalizedText(
                    zh: "数据文件夹不存在，请用 --data 指定存放本县数据的文件夹。",
                    en: "This data folder does not exist: pass --data with the folder that holds the county's files."))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        var placed: [PlacedFile] = []
        var unplaced: [UnplacedFile] = []
        for name in names where !name.hasPrefix(".") {
            let path = (root as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if isFolder.boolValue {
                if name != "surveys" && name != "plan" {
                    unplaced.append(
                        UnplacedFile(
                            path: path,
                            reason: LocalizedText(
                                zh: "文件夹（只读取其中的文件；佐证材料所在的文件夹除外）。",
                                en: "A folder (only files are read, and folders holding evidence).")))
                }
                continue
            }
            let lower = name.lowercased()
            if lower.hasSuffix(".sqlite") || lower.hasSuffix(".sqlite3") || lower.hasSuffix(".db") {
                placed.append(PlacedFile(path: path, kind: .store))
            } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                if text.contains("questions:") {
                    placed.append(PlacedFile(path: path, kind: .questionnaire))
                } else if text.contains("cut_scores") || text.contains("deciding_reading") {
                    placed.append(PlacedFile(path: path, kind: .monitoringSettings))
                } else if text.contains("timeline:") && text.contains("areas:") {
                    placed.append(PlacedFile(path: path, kind: .plan))
                } else if FrequencySettings.recognises(text) {
                    placed.append(PlacedFile(path: path, kind: .frequencySettings))
                } else {
                    unplaced.append(
                        UnplacedFile(
                            path: path,
                            reason: LocalizedText(
                                zh: "YAML 文件，但不是问卷定义、质量监测设置、县级方案或逐题统计设置。",
                                en: "A YAML file that is neither a questionnaire, monitoring settings, a county plan "
                                    + "nor frequency settings."
                            )))
                }
            } else if Self.tableExtensions.contains(where: lower.hasSuffix) {
                // A table, CSV or workbook, recognised by its content (the reader tells them apart by their
                // first bytes; a workbook's first sheet is read).
                switch classify(csv: path, questionnaires: questionnaires) {
                case .success(let file): placed.append(file)
                case .failure(let reason): unplaced.append(UnplacedFile(path: path, reason: reason.message))
                }
            } else {
                unplaced.append(
                    UnplacedFile(
                        path: path,
                        reason: LocalizedText(
                            zh: "不是 CSV、Excel 工作簿或 YAML 文件（佐证材料由县级指标填报表引用后才使用）。",
                            en: "Not a CSV, Excel workbook or YAML file (evidence is used once the indicator sheet "
                                + "names it).")))
            }
        }
        return CountyDataFolder(root: root, placed: placed, unplaced: unplaced)
    }

    /// The names of the files read as tables: CSV (and text) files, and Excel workbooks (.xls, .xlsx).
    static let tableExtensions = [".csv", ".txt", ".tsv", ".xls", ".xlsx"]

    struct Unrecognised: Error {
        var message: LocalizedText
    }

    /// Reads only the header of a CSV file (or a workbook's first sheet) and decides what it is.
    static func classify(csv path: String, questionnaires: [Questionnaire]) -> Result<PlacedFile, Unrecognised> {
        var header: [String] = []
        do {
            _ = try CSVFile(path: path).scan(
                header: { names, _ in
                    header = names
                    throw HeaderRead()
                }, row: { _ in })
        } catch is HeaderRead {
        } catch let error as any UserFacingError {
            return .failure(
                Unrecognised(
                    message: LocalizedText(zh: "无法读取：", en: "Cannot be read: ")
                        + LocalizedText(zh: error.rendered(in: .zh), en: error.rendered(in: .en))))
        } catch {
            return .failure(
                Unrecognised(message: LocalizedText(zh: "无法读取：\(error)", en: "Cannot be read: \(error)")))
        }
        let names = Set(header)
        func has(_ wanted: String...) -> Bool { wanted.allSatisfy(names.contains) }
        if IndicatorSheet.recognises(header: header) {
            return .success(PlacedFile(path: path, kind: .indicatorSheet))
        }
        if SchoolRegistry.recognises(header: header) { return .success(PlacedFile(path: path, kind: .registry)) }
        // `junheng links --townships`: 乡镇, and optionally 学校, nothing else.
        if NameSource.isLinkList(header: header) { return .success(PlacedFile(path: path, kind: .linkList)) }
        if has("学校名称", "学校类型", "小学在校生数") { return .success(PlacedFile(path: path, kind: .roster)) }
        if has("项目", "单价") { return .success(PlacedFile(path: path, kind: .unitCosts)) }
        if has("年份", "年级", "学科", "得分") { return .success(PlacedFile(path: path, kind: .monitoringStudents)) }
        if has("年份", "年级", "学科", "校际差异率") { return .success(PlacedFile(path: path, kind: .monitoringSummary)) }
        // A 问卷星 export: the questionnaire whose scored questions most of its columns answer.
        var best: (survey: String, columns: Int)?
        for questionnaire in questionnaires {
            let mapping = WjxColumnMapping.map(header: header, survey: questionnaire)
            let scored = mapping.columns.filter { column in
                switch column.assignment {
                case .answer(let question), .matrixRow(let question, _):
                    questionnaire.questions[question].isScored
                default: false
                }
            }.count
            if scored > (best?.columns ?? 0) { best = (questionnaire.id, scored) }
        }
        if let best { return .success(PlacedFile(path: path, kind: .surveyExport, survey: best.survey)) }
        return .failure(
            Unrecognised(
                message: LocalizedText(
                    zh: "表头与问卷、学校基础数据、单价表、质量监测文件或县级指标填报表都不匹配（前几列：\(header.prefix(4).joined(separator: "、"))）。",
                    en:
                        "Its header matches no questionnaire, roster, unit-cost, monitoring or indicator-sheet layout (first columns: \(header.prefix(4).joined(separator: ", ")))."
                )))
    }
}
