import ArgumentParser
import Foundation
import JunhengCollection
import JunhengCore
import JunhengIngest
import JunhengLinks
import JunhengQuestionnaire
import JunhengRegistry

/// `junheng links`: a signed link per township or school, and a printable A4 page of their QR codes.
struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: CLIText.pick(
            zh: "为每个乡镇或学校生成签名链接，并输出可打印的二维码页（A4 HTML）。",
            en: "Make a signed link per township or school, and a printable A4 page of their QR codes (HTML)."),
        discussion: CLIText.pick(
            zh: """
                --townships 为 CSV 文件：第一行为“乡镇”（可再加“学校”）列，每行一个链接。链接固定该乡镇（学校）的\
                回答，答卷人无法修改；签名用 --secret-file 的密钥，须与 junheng serve 相同。每个链接另打印一行：\
                乡镇、学校、地址（以制表符分隔）。

                示例：
                  junheng links --survey public --townships 乡镇.csv --base-url https://wj.example.gov.cn
                """,
            en: """
                --townships is a CSV file: a header with a 乡镇 (township) column and optionally 学校 (school), one \
                link a row. A link fixes that township's (school's) answer; respondents cannot change it. Links are \
                signed with the key in --secret-file, which must be junheng serve's. Each link is also printed as \
                one line: township, school, address (tab-separated).

                Example:
                  junheng links --survey public --townships townships.csv --base-url https://wj.example.gov.cn
                """))

    @Option(help: ArgumentHelp(CLIText.pick(zh: "问卷 ID 或 .yaml 文件。", en: "Questionnaire id or .yaml file.")))
    var survey: String

    @Option(help: ArgumentHelp(CLIText.pick(zh: "乡镇（学校）列表 CSV。", en: "The townships (and schools), a CSV file.")))
    var townships: String

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "答卷人访问服务器的地址（默认 http://127.0.0.1:8080）。",
                en: "The address respondents reach the server at (default http://127.0.0.1:8080).")))
    var baseURL = "http://127.0.0.1:8080"

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp(
            CLIText.pick(zh: "签名密钥文件（与 junheng serve 相同）。", en: "The signing key (the same as junheng serve's).")))
    var secretFile = ServerSecret.defaultPath

    @Option(
        help: ArgumentHelp(
            CLIText.pick(zh: "输出的 HTML 文件（默认 qr-问卷ID.html）。", en: "The HTML file to write (default qr-ID.html).")))
    var out: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "学校名录（学校名录.csv）：乡镇和学校名称须在名录中，否则不生成链接。",
                en: "The school registry (学校名录.csv): every township and school must be in it, or no link is made.")))
    var registry: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "链接所属的县（省、市统一收集时；须已用 junheng counties add 添加）：答卷存入该县名下。",
                en: "The county the links belong to (a province collecting for several; added with junheng counties "
                    + "add): responses are stored under it.")))
    var county: String?

    /// Where the short codes go: the store junheng serve reads.
    @OptionGroup var store: CollectionStoreOptions

    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @OptionGroup var input: CSVInputOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw ValidationError(
                CLIText.pick(
                    zh: "--base-url 应以 http:// 或 https:// 开头，如 https://wj.example.gov.cn。",
                    en: "--base-url must start with http:// or https://, e.g. https://wj.example.gov.cn."))
        }
    }

    func run() throws {
        let questionnaire = try catalogOptions.catalog.resolve(survey)
        let list = try LinkList.load(
            path: townships, survey: questionnaire, readOptions: input.readOptions, county: county)
        if let registry {
            // A link fixes its township and school in every response: a name not in the registry would be
            // wrong in all of them, so none is signed.
            let check = NameCheck(registry: try SchoolRegistry.read(path: registry, options: input.readOptions))
            let source = NameSource.linkList(
                try CSVTable.read(path: townships, options: input.readOptions), label: LocalizedText(verbatim: ""),
                figures: LocalizedText(verbatim: ""))
            let findings = check.check(source)
            if !findings.isEmpty {
                for finding in findings { Terminal.error("junheng: " + finding.line(language.lang)) }
                throw ExitCode(1)
            }
        }
        let secret = try ServerSecret.load(path: secretFile, create: true)
        let sheet = QRSheet(survey: questionnaire, baseURL: baseURL, links: list, language: language.lang)
        let html = try sheet.html(secret: secret)
        let path = out ?? "qr-\(questionnaire.id).html"
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError(CLIText.pick(zh: "无法写入 \(path)。", en: "cannot write \(path)."))
        }
        let shortLinks = list.entries.map {
            SignedLink(survey: questionnaire.id, answers: $0.answers).shortLink(secret)
        }
        try store.with { store in try await store.registerShortLinks(shortLinks) }
        for (entry, url) in zip(list.entries, sheet.urls(secret: secret)) {
            print([entry.answers.township ?? "", entry.answers.school ?? "", url].joined(separator: "\t"))
        }
        Terminal.note(
            CLIText.pick(
                zh: "已写入 \(path)：\(list.entries.count) 个二维码（短码存入 \(store.name)）"
                    + (list.blankRows > 0 ? "（跳过 \(list.blankRows) 个空行）。" : "。"),
                en: "Wrote \(path): \(list.entries.count) QR codes (short codes into \(store.name))"
                    + (list.blankRows > 0 ? " (\(list.blankRows) blank rows skipped)." : ".")))
    }
}
