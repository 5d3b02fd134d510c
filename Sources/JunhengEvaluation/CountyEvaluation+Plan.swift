import Foundation
import JunhengCore
import JunhengPlan

extension CountyEvaluation {
    /// The plan file to use: `--plan`, else the data folder's `plan/plan.yaml`, else a plan YAML placed in the
    /// data folder, else `./plan/plan.yaml`. A second plan in the folder is named as not used.
    static func planPath(_ options: CountyEvaluationOptions, folder: inout CountyDataFolder) throws -> String {
        let inside = (options.dataDirectory as NSString).appendingPathComponent("plan/plan.yaml")
        let placed = folder.files(.plan).map(\.path)
        let chosen =
            options.planPath
            ?? (FileManager.default.fileExists(atPath: inside) ? inside : nil)
            ?? placed.first
            ?? (FileManager.default.fileExists(atPath: "plan/plan.yaml") ? "plan/plan.yaml" : nil)
        guard let chosen else {
            throw EvaluationError(
                location: SourceLocation(file: options.dataDirectory),
                message: LocalizedText(
                    zh: "找不到县级方案 plan.yaml：请用 --plan 指定，或把 plan/plan.yaml 放进数据文件夹。",
                    en: "No county plan (plan.yaml) found: pass --plan, or put plan/plan.yaml in the data folder."))
        }
        for path in placed where path != chosen {
            folder.placed.removeAll { $0.path == path }
            folder.unplaced.append(
                .init(
                    path: path,
                    reason: LocalizedText(
                        zh: "另一份县级方案：使用的是 \(chosen)。", en: "Another county plan: \(chosen) is used.")))
        }
        return chosen
    }

    /// The indicator sheet of the folder (the first, by name), and the problem if it cannot be read.
    static func indicatorSheet(_ folder: inout CountyDataFolder, problems: inout [Problem]) -> IndicatorSheet? {
        let sheets = folder.files(.indicatorSheet)
        guard let first = sheets.first else { return nil }
        for extra in sheets.dropFirst() {
            folder.placed.removeAll { $0.path == extra.path }
            folder.unplaced.append(
                .init(
                    path: extra.path,
                    reason: LocalizedText(
                        zh: "第二份县级指标填报表：只使用 \(first.path)。",
                        en: "A second indicator sheet: only \(first.path) is used.")))
        }
        do {
            return try IndicatorSheet.read(path: first.path)
        } catch {
            problems.append(Problem(area: sheetArea, message: describe(error)))
            return nil
        }
    }

    /// Marks the files and folders that hold evidence the sheet names as used.
    static func placeEvidence(_ assessment: PlanAssessment, folder: inout CountyDataFolder) {
        let root = folder.root
        var used: Set<String> = []
        for requirement in assessment.requirements {
            for part in requirement.parts {
                for path in part.evidence {
                    guard let top = path.split(separator: "/").first(where: { $0 != "." }) else { continue }
                    used.insert((root as NSString).appendingPathComponent(String(top)))
                }
            }
        }
        let moved = folder.unplaced.filter { used.contains($0.path) }
        folder.unplaced.removeAll { used.contains($0.path) }
        folder.placed += moved.map { CountyDataFolder.PlacedFile(path: $0.path, kind: .evidence) }
    }
}
