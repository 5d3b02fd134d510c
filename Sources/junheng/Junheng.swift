import ArgumentParser

/// `junheng`: the root command. The entry point is ``JunhengMain``.
struct Junheng: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junheng",
        abstract: CLIText.pick(
            zh: "县域义务教育优质均衡发展评估工具：问卷收集与满意度、资源配置、质量监测、方案各项要求与县域报告。",
            en: "Evaluate a county's high-quality balanced compulsory education: questionnaires and satisfaction, "
                + "resources, quality monitoring, every requirement of the plan, and the county report."),
        subcommands: [
            ReportCommand.self, CheckCommand.self, InspectCommand.self, SurveyCommand.self, SatisfactionCommand.self,
            FrequenciesCommand.self,
            ResourcesCommand.self, MonitoringCommand.self, TrendCommand.self, UnitsCommand.self, ServeCommand.self,
            LinksCommand.self, CountiesCommand.self, ReadXLSChildCommand.self,
        ]
    )
}
