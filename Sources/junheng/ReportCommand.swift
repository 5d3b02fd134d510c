import ArgumentParser
import Foundation
import JunhengEvaluation
import JunhengReports

/// `junheng report`: the county evaluation of one year, as report.html, report.xlsx and a terminal summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "生成县域评估报告（HTML、Excel 及各项达标情况）。Make the county report: HTML, Excel and a summary of every bar.",
        discussion: """
            Reads a county data folder (问卷星 exports, the school roster, monitoring results, questionnaires in \
            surveys/, a history store) and writes report.html, report.xlsx and the JSON of each area to --out. \
            Files are recognised by their headers, not their names; any file that cannot be placed is named. \
            With no arguments it runs on the bundled samples. It takes a few seconds for a county's files.
            """)

    @Option(help: "The county data folder.")
    var data: String = "sample-responses"

    @Option(help: "The evaluation year (default: the latest year of the monitoring results).")
    var year: Int?

    @Option(help: "Where to write report.html, report.xlsx and the JSON files.")
    var out: String = "out"

    @Option(
        name: .customLong("surveys-dir"),
        help: "The questionnaire folder (default: DATA/surveys if present, else ./surveys).")
    var surveysDirectory: String?

    @Option(help: "The history store (default: a .sqlite file in the data folder, if any).")
    var db: String?

    @Option(help: "The county's resident population, for the 1.5 ‰ sample-size check.")
    var population: Int?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = CountyEvaluationOptions(
            dataDirectory: data, surveysDirectory: surveysDirectory, year: year, storePath: db, population: population)
        let evaluation = try CountyEvaluation.run(options)
        let written = try CountyReportWriter(language: language.lang).write(evaluation, to: out)
        print(CountySummaryText(language: language.lang).render(evaluation, written: written), terminator: "")
    }
}
