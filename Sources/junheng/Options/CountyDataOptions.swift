import ArgumentParser

/// `--data`, `--year`, `--surveys-dir` and `--db`: where the county's files are and which year to read,
/// taken by the commands that evaluate the whole county (`report`, `units`).
struct CountyDataOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CLIText.pick(zh: "县级数据文件夹。", en: "The county data folder.")))
    var data: String = "sample-responses"

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "评估年份（默认：质量监测结果的最近年份）。",
                en: "The evaluation year (default: the latest year of the monitoring results).")))
    var year: Int?

    @Option(
        name: .customLong("surveys-dir"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷文件夹（默认：数据文件夹中的 surveys/，否则 ./surveys）。",
                en: "The questionnaire folder (default: DATA/surveys if present, else ./surveys).")))
    var surveysDirectory: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "历史数据库（默认：数据文件夹中的 .sqlite 文件）。",
                en: "The history store (default: a .sqlite file in the data folder, if any).")))
    var db: String?
}
