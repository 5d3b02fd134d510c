import ArgumentParser
import JunhengCollection
import JunhengIngest
import JunhengPostgres
import JunhengQuestionnaire

/// What `satisfaction` and `frequencies` read: the 问卷星 exports given, or with none, the responses
/// `junheng serve` collected into `db` — one run of the same pipeline either way.
enum SurveyResponses {
    /// The help of the exports argument, the same for both commands.
    static var exportsHelp: ArgumentHelp {
        ArgumentHelp(
            CLIText.pick(
                zh: "问卷星导出文件（可多个；CSV 或 .xls/.xlsx；按选项文本、按选项序号或按分数下载）。"
                    + "不给出时，读取 --db 中 junheng serve 收集的答卷。",
                en: "问卷星 export(s) (CSV or .xls/.xlsx; 按选项文本, 按选项序号 or 按分数 downloads). "
                    + "None: the responses junheng serve collected into --db."))
    }

    static func run(
        exports: [String], db: String, store: PostgresLocation? = nil, survey: Questionnaire, by: [GroupingKey],
        settings: SatisfactionSettings, otherQuestionnaires: [Questionnaire], readOptions: CSVReadOptions
    ) throws -> SatisfactionResult {
        guard exports.isEmpty else {
            let meter = ProgressLine.callback(label: CLIText.pick(zh: "读取", en: "Reading"))
            return try SatisfactionAnalysis.run(
                exports: exports, survey: survey, by: by, settings: settings,
                otherQuestionnaires: otherQuestionnaires, readOptions: readOptions,
                progress: meter.map { meter in { @Sendable _, read, total in meter(read, total) } })
        }
        let collected: (result: SatisfactionResult, otherVersions: Int)
        if let store {
            collected = try Blocking.wait {
                let opened = try await PostgresResponseStore.open(store, connections: 2)
                do {
                    let rated = try await CollectedSatisfaction.run(
                        store: opened, place: store.description, survey: survey, settings: settings, by: by)
                    await opened.close()
                    return rated
                } catch {
                    await opened.close()
                    throw error
                }
            }
        } else {
            collected = try CollectedSatisfaction.run(storePath: db, survey: survey, settings: settings, by: by)
        }
        if collected.otherVersions > 0 {
            Terminal.note(
                CLIText.pick(
                    zh: "注意：\(collected.otherVersions) 份答卷填写的是问卷文件的另一版本（文件已改动）；"
                        + "与现行版本不符的回答列为答案问题。",
                    en: "Note: \(collected.otherVersions) responses answered another version of the questionnaire "
                        + "file (it has changed since); answers that no longer fit are listed as answer problems."))
        }
        return collected.result
    }
}
