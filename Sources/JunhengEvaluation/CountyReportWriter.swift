import Foundation
public import JunhengCore
import JunhengPlan
import JunhengReports
import JunhengWorkbook

/// Writes a county evaluation's files: `report.html` (self-contained), `report.xlsx`, `indicators.json`
/// (the county, every requirement of the plan with its status, the national acceptance verdict and the
/// overdue list: ``IndicatorsDocument``), and the JSON of each area (the same JSON as
/// `junheng satisfaction/resources/monitoring --format json`).
public struct CountyReportWriter: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    /// - Returns: the paths written, in order.
    public func write(_ evaluation: CountyEvaluation, to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw EvaluationError(
                location: SourceLocation(file: directory),
                message: LocalizedText(
                    zh: "无法创建输出文件夹（\(error.localizedDescription)），请用 --out 另选一个。",
                    en: "Cannot create the output folder (\(error.localizedDescription)): choose another with --out."))
        }
        var written: [String] = []
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func save(_ text: String, _ name: String) throws {
            let target = path(name)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            } catch {
                throw EvaluationError(
                    location: SourceLocation(file: target),
                    message: LocalizedText(
                        zh: "无法写入此文件（\(error.localizedDescription)），如已在 Excel 中打开请先关闭。",
                        en: "Cannot write this file (\(error.localizedDescription)): close it if Excel has it open."))
            }
            written.append(target)
        }
        try save(HTMLRenderer(language: language).render(evaluation.document), "report.html")
        let workbook = path("report.xlsx")
        try WorkbookWriter().write(evaluation.document, to: workbook, language: language)
        written.append(workbook)
        try save(try evaluation.indicatorsJSON(language: language) + "\n", "indicators.json")
        for (name, json) in try evaluation.areaJSON(language: language) { try save(json + "\n", name) }
        return written
    }
}
