import Foundation
import JunhengCollection
import JunhengCore
import JunhengIngest
import JunhengQuestionnaire
import JunhengRegistry

extension CountyEvaluation {
    static let rosterFigures = LocalizedText(
        zh: "资源配置 C1–C14、政府保障程度 C21–C27 与 C40、国家验收结论",
        en: "resources C1–C14, guarantees C21–C27 and C40, the national acceptance verdict")
    static let monitoringFigures = LocalizedText(
        zh: "质量监测校际差异率 C61、C62", en: "the monitoring's between-school difference rates, C61 and C62")
    static let surveyFigures = LocalizedText(
        zh: "社会认可度按乡镇、按学校的满意度", en: "satisfaction by township and by school")
    static let linkFigures = LocalizedText(
        zh: "问卷链接上固定的乡镇和学校", en: "the townships and schools the links fix")

    /// The folder's registry (the first; a second is named as not used), read; its problems when it
    /// cannot be.
    static func registry(_ folder: inout CountyDataFolder) -> (SchoolRegistry?, [CountyNames.RegistryProblem]) {
        let files = folder.files(.registry)
        guard let first = files.first else { return (nil, []) }
        for extra in files.dropFirst() {
            folder.placed.removeAll { $0.path == extra.path }
            folder.unplaced.append(
                .init(
                    path: extra.path,
                    reason: LocalizedText(
                        zh: "第二份学校名录：只使用 \(first.path)。",
                        en: "A second registry: only \(ProperName.mark(first.path)) is used.")))
        }
        do {
            return (try SchoolRegistry.read(path: first.path), [])
        } catch let error as RegistryError {
            return (nil, error.issues.map { .init(location: $0.location, message: $0.message) })
        } catch {
            return (nil, [.init(location: SourceLocation(file: first.path), message: describe(error))])
        }
    }

    /// Every file that names schools or townships, as name sources, in folder order: the roster, the
    /// monitoring results, each export and the collected responses of each questionnaire, the links list.
    static func nameSources(
        _ folder: CountyDataFolder, questionnaires: [Questionnaire],
        collected: [String: (path: String, responses: [CollectedResponse])]
    ) -> [NameSource] {
        var sources: [NameSource] = []
        for file in folder.placed {
            let table = { try CSVTable.read(path: file.path) }
            switch file.kind {
            case .roster:
                guard let table = try? table() else { continue }
                sources.append(
                    .table(
                        table, label: file.kind.label, figures: rosterFigures, listsEverySchool: true,
                        school: ["学校名称"], township: ["乡镇"], code: ["学校代码"], type: ["学校类型"]))
            case .monitoringStudents:
                guard let table = try? table() else { continue }
                sources.append(
                    .table(
                        table, label: file.kind.label, figures: monitoringFigures, school: ["学校名称", "学校"],
                        township: ["乡镇", "乡镇(街道)", "乡镇街道"], code: ["学校代码", "学校编码", "学校标识码"]))
            case .linkList:
                guard let table = try? table() else { continue }
                sources.append(.linkList(table, label: file.kind.label, figures: linkFigures))
            case .surveyExport:
                guard let survey = questionnaires.first(where: { $0.id == file.survey }),
                    let source = try? ExportNames.source(
                        path: file.path, survey: survey,
                        label: file.kind.label + LocalizedText(zh: "（\(survey.id)）", en: " (\(survey.id))"),
                        figures: surveyFigures)
                else { continue }
                sources.append(source)
            default: continue
            }
        }
        for survey in questionnaires {
            guard let store = collected[survey.id],
                let source = ExportNames.source(
                    responses: store.responses, file: "\(store.path)[\(survey.id)]", survey: survey,
                    label: LocalizedText(zh: "收集的答卷（\(survey.id)）", en: "Collected responses (\(survey.id))"),
                    figures: surveyFigures)
            else { continue }
            sources.append(source)
        }
        return sources
    }
}
