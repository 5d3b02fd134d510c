import ArgumentParser

/// `junheng`: the root command. The entry point is ``JunhengMain``.
struct Junheng: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junheng",
        abstract: "县域义务教育优质均衡发展评估工具 — evaluate a county's high-quality balanced compulsory education.",
        subcommands: [
            ReportCommand.self, InspectCommand.self, SurveyCommand.self, SatisfactionCommand.self,
            FrequenciesCommand.self,
            ResourcesCommand.self, MonitoringCommand.self, UnitsCommand.self, ServeCommand.self, LinksCommand.self,
        ]
    )
}
