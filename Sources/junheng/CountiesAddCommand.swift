import ArgumentParser
import Foundation
import JunhengCollection
import JunhengCore

/// `junheng counties add NAME --password-file FILE [--population N] [--registry 学校名录.csv]`.
struct CountiesAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: CLIText.pick(
            zh: "向答卷库添加一个县：其管理员（用户名即县名）只能查看和导出本县的答卷。",
            en: "Add a county to the store: its admin (user name = the county's name) sees and exports only its own."),
        discussion: CLIText.pick(
            zh: """
                密码只以加盐的慢哈希（PBKDF2-HMAC-SHA256，600,000 次迭代）保存，从不明文保存。发给该县的链接用 \
                junheng links --county 县名 生成。

                示例：
                  junheng counties add 甲县 --password-file 甲县密码.txt --population 420000 --store postgres://junheng@127.0.0.1/junheng
                """,
            en: """
                The password is kept only as a slow salted hash (PBKDF2-HMAC-SHA256, 600,000 iterations), never in \
                clear. Make the county's links with junheng links --county NAME.

                Example:
                  junheng counties add 甲县 --password-file jia.txt --population 420000 --store postgres://junheng@127.0.0.1/junheng
                """))

    @Argument(
        help: ArgumentHelp(CLIText.pick(zh: "县名（也是该县管理员的用户名）。", en: "The county's name (its admin's user name).")))
    var name: String

    @Option(
        name: .customLong("password-file"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "该县管理员的密码文件（至少 8 个字符）。", en: "A file holding the county admin's password (8 characters at least)."))
    )
    var passwordFile: String

    @Option(
        help: ArgumentHelp(
            CLIText.pick(zh: "该县常住人口（1.5‰ 样本量目标）。", en: "The county's resident population (the 1.5 ‰ sample target).")))
    var population: Int?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "该县学校名录 CSV（学校代码,学校名称,乡镇,学段,类型），存入答卷库。",
                en: "The county's school registry, a CSV file (学校代码,学校名称,乡镇,学段,类型), kept in the store.")))
    var registry: String?

    @OptionGroup var store: CollectionStoreOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let (name, passwordFile, population, registry) = (name, passwordFile, population, registry)
        let county = try store.with { store in
            try await CountyRegistration.add(
                name: name, passwordFile: passwordFile, population: population, registryPath: registry, to: store)
        }
        Terminal.note(
            CLIText.pick(
                zh: "已向 \(store.name) 添加“\(county.name)”"
                    + (county.population.map { "（常住人口 \($0)）" } ?? "")
                    + (county.registry.map { "，学校名录 \($0.fileName)（\($0.schools) 所学校）" } ?? "") + "。",
                en: "Added “\(county.name)” to \(store.name)"
                    + (county.population.map { " (population \($0))" } ?? "")
                    + (county.registry.map { ", registry \($0.fileName) (\($0.schools) schools)" } ?? "") + "."))
    }
}
