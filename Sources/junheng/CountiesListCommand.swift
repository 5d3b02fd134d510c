import ArgumentParser
import Foundation
import JunhengCollection
import JunhengCore

/// `junheng counties list`: the counties of the store, one a line.
struct CountiesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: CLIText.pick(zh: "列出答卷库中的各县。", en: "List the counties of the store."))

    @OptionGroup var store: CollectionStoreOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let counties = try store.with { store in try await store.counties() }
        let zh = language.lang == .zh
        print(zh ? "县\t常住人口\t学校名录\t学校数" : "county\tpopulation\tregistry\tschools")
        for county in counties {
            print(
                [
                    county.name, county.population.map(String.init) ?? "—", county.registry?.fileName ?? "—",
                    county.registry.map { String($0.schools) } ?? "—",
                ].joined(separator: "\t"))
        }
        Terminal.note(zh ? "共 \(counties.count) 个县。" : "\(counties.count) counties.")
    }
}
