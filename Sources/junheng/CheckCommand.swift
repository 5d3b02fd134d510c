import ArgumentParser
import JunhengEvaluation

/// `junheng check`: every check of the county data folder, no report; exit 1 when a figure could change.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CLIText.pick(
            zh: "检查县级数据文件夹（每个文件，及各文件中的学校和乡镇名称），不生成报告。",
            en: "Check the county data folder (each file, and the school and township names across files) without "
                + "writing a report."),
        discussion: CLIText.pick(
            zh: "读取与 junheng report 相同的文件夹和县级方案，列出每个问题及其位置（文件:行:列）。"
                + "学校和乡镇名称与文件夹中的学校名录（学校名录.csv：学校代码,学校名称,乡镇,学段,类型）核对，不在名录中的给出最接近的名称；"
                + "没有学校名录时，各文件的名称相互比对。名称不在名录中，或其他问题可能改变报告中的数字时，退出码为 1。",
            en: "Reads the same folder and plan as junheng report and lists every problem at its place "
                + "(FILE:LINE:COLUMN). School and township names are checked against the folder's registry "
                + "(学校名录.csv: 学校代码,学校名称,乡镇,学段,类型), with the nearest registry name for one it lacks; "
                + "without a registry the files' names are compared with each other. Exits 1 when a name is not in "
                + "the registry, or when anything else would change a figure of the report."))

    @OptionGroup var county: CountyDataOptions

    @OptionGroup var planOptions: PlanOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = CountyEvaluationOptions(
            dataDirectory: county.data, surveysDirectory: county.surveysDirectory, planPath: planOptions.plan,
            year: county.year, asOf: planOptions.date, storePath: county.db)
        let check = try CountyCheck.run(options)
        print(CountyCheckText(language: language.lang).render(check), terminator: "")
        if !check.passes { throw ExitCode(1) }
    }
}
