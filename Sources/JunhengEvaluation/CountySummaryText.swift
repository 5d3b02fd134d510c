public import JunhengCore
import JunhengReports

/// The short terminal summary of a county evaluation: every bar with its figure and pass/fail, what
/// could not be computed, the files not used, and the files written.
public struct CountySummaryText: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    public func render(_ evaluation: CountyEvaluation, written: [String]) -> String {
        func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en).text(language) }
        var out = evaluation.document.title.text(language) + "\n\n"
        out += SummaryRenderer(language: language).render(evaluation.bars)
        let failing = evaluation.bars.filter { $0.passes == false }.count
        let unknown = evaluation.bars.filter { $0.passes == nil }.count
        out +=
            "\n"
            + t(
                "共 \(evaluation.bars.count) 项：\(evaluation.bars.count - failing - unknown) 项达标，\(failing) 项未达标，\(unknown) 项无法判定。",
                "\(evaluation.bars.count) bars: \(evaluation.bars.count - failing - unknown) met, \(failing) failed, \(unknown) undetermined."
            )
            + "\n"
        if !evaluation.problems.isEmpty {
            out += "\n" + t("无法计算的部分：", "Not computed:") + "\n"
            for problem in evaluation.problems { out += "  - \(problem.area.text(language)): \(problem.message)\n" }
        }
        if !evaluation.folder.unplaced.isEmpty {
            out += "\n" + t("未使用的文件：", "Files not used:") + "\n"
            for file in evaluation.folder.unplaced { out += "  - \(file.path): \(file.reason)\n" }
        }
        out += "\n" + t("已写出：", "Written:") + "\n"
        for path in written { out += "  \(path)\n" }
        return out
    }
}
