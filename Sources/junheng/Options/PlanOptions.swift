import ArgumentParser
import Foundation
import JunhengPlan

/// `--plan` and `--as-of`, taken by the commands that read the county plan (`report`, `units`).
struct PlanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "县级方案文件（默认：数据文件夹中的 plan/plan.yaml，否则 ./plan/plan.yaml）。",
                en: "The county plan (default: DATA/plan/plan.yaml if present, else ./plan/plan.yaml).")))
    var plan: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "按哪一天读时间节点（YYYY-MM-DD，默认今天）。固定日期可使报告逐字节相同。",
                en:
                    "The date the timeline is read at (YYYY-MM-DD, default today). A fixed date keeps the report byte-identical."
            )))
    var asOf: String?

    func validate() throws {
        if let asOf, PlanDate(asOf) == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--as-of 应为日期，写作 2024-06-01（收到“\(asOf)”）。",
                    en: "--as-of must be a date written 2024-06-01 (got \"\(asOf)\")."))
        }
    }

    /// `--as-of`, or today's date where the command runs.
    var date: PlanDate {
        if let asOf, let date = PlanDate(asOf) { return date }
        let today = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return PlanDate(year: today.year!, month: today.month!, day: today.day!)!
    }
}
