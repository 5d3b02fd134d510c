import ArgumentParser

/// `junheng counties`: the counties of one response store (a province collecting for several counties).
struct CountiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counties",
        abstract: CLIText.pick(
            zh: "管理一个答卷库中的各县（省、市统一收集时）：添加、列出。",
            en: "The counties of one response store (a province or city collecting for several): add, list."),
        subcommands: [CountiesAddCommand.self, CountiesListCommand.self])
}
