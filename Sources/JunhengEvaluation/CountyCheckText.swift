import Foundation
public import JunhengCore
import JunhengPlan
import JunhengRegistry

/// What `junheng check` prints, in the language of the run: the folder and what was read, the registry
/// check, every finding at its place (✘ could change a figure, · a note), and the verdict.
public struct CountyCheckText: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en).text(language) }

    public func render(_ check: CountyCheck) -> String {
        let evaluation = check.evaluation
        let folder = evaluation.folder
        let county = evaluation.plan.plan.county.map { $0.text(language) + t("：", ": ") } ?? ""
        var out =
            county
            + t("检查数据文件夹 \(folder.root)（不生成报告）", "checking the data folder \(folder.root) (no report is written)")
            + "\n"
        out +=
            t(
                "已识别 \(folder.placed.count) 个文件，未使用 \(folder.unplaced.count) 个。",
                "\(folder.placed.count) files recognised, \(folder.unplaced.count) not used.") + "\n"
        out += evaluation.names.summary.text(language) + "\n"
        for group in check.groups {
            out += "\n" + group.title.text(language) + t("：", ":") + "\n"
            for finding in group.findings {
                let mark = finding.changesFigures ? "✘" : "·"
                let place = finding.location.map { "\($0): " } ?? ""
                out += "  \(mark) " + place + finding.message.text(language) + "\n"
            }
        }
        out += "\n"
        if check.passes {
            out +=
                t(
                    "结论：没有发现会改变报告数字的问题。",
                    "Result: nothing found that would change a figure of the report.") + "\n"
        } else {
            out +=
                t(
                    "结论：\(check.count) 处问题可能改变报告中的数字（✘），请改正后再运行 junheng report。",
                    "Result: \(check.count) problems could change figures of the report (✘): fix them, then run junheng report."
                )
                + "\n"
        }
        return out
    }
}
