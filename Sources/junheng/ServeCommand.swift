import ArgumentParser
import Foundation
import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengPostgres
import JunhengQuestionnaire
import JunhengServer
import Logging

/// `junheng serve`: the questionnaires as web forms the county hosts itself; the answers go into an
/// SQLite file and are analysed like a 问卷星 export.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CLIText.pick(
            zh: "在本机提供问卷网页表单，收集答卷存入 SQLite 文件。",
            en: "Serve the questionnaires as web forms and collect the answers into an SQLite file."),
        discussion: CLIText.pick(
            zh: """
                问卷地址为 /s/问卷ID（如 /s/public），管理页面为 /admin（用户名 admin，密码为 --admin-password-file \
                文件的内容）。TLS 由反向代理（如 nginx）负责，见 README。每个请求记录一行日志。按 Ctrl-C 停止；\
                已确认的答卷都已写入磁盘。

                示例：
                  junheng serve --admin-password-file admin.txt
                  junheng serve --host 0.0.0.0 --port 8080 --db 县数据/responses.sqlite --population 1200000
                """,
            en: """
                The forms are at /s/ID (e.g. /s/public), the admin pages at /admin (user admin, the password is the \
                content of --admin-password-file). TLS is the reverse proxy's job (nginx, see the README). One log \
                line per request. Ctrl-C stops it; every acknowledged response is on disk.

                Examples:
                  junheng serve --admin-password-file admin.txt
                  junheng serve --host 0.0.0.0 --port 8080 --db data/responses.sqlite --population 1200000
                """))

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "监听地址（默认 127.0.0.1，仅本机）。", en: "Address to listen on (default 127.0.0.1: this machine only).")))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(CLIText.pick(zh: "端口（默认 8080）。", en: "Port (default 8080).")))
    var port = 8080

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "答卷库 SQLite 文件（默认 responses.sqlite；可与历史库为同一文件）。",
                en: "The response store, an SQLite file (default responses.sqlite; may be the history store's file).")))
    var db = SQLiteResponseStore.defaultPath

    @OptionGroup var storeOption: StoreOption

    @OptionGroup var catalogOptions: SurveyCatalogOptions

    @Option(
        name: .customLong("admin-password-file"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "管理员密码文件（内容即密码）；不给则不开放 /admin。",
                en: "A file whose content is the admin password; without it /admin is off.")))
    var adminPasswordFile: String?

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "签名密钥文件（不存在时自动生成；须与 junheng links 相同，请妥善保存）。",
                en: "The signing key (made when missing; must be the one junheng links used; keep it safe).")))
    var secretFile = ServerSecret.defaultPath

    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "每个 IP 每分钟最多提交次数（默认 120，够一个机房的学生同时提交；超出时答案保留，请答卷人一分钟后再提交；0 为不限制）。",
                en:
                    "Submissions per IP per minute (default 120, enough for a computer room submitting at once; over it, "
                    + "the answers are kept and the respondent asked to submit again in a minute; 0 = no limit)."
            )))
    var rateLimit = CollectionServerConfiguration.defaultRateLimit

    @Option(
        name: .customLong("max-connections"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "同时打开的连接上限（默认按本进程可打开的文件数）；超出的连接立即得到 503。",
                en: "The most connections open at once (default: what the process's open-file limit allows); "
                    + "past it, a new connection gets a quick 503.")))
    var maxConnections: Int?

    @Option(
        name: .customLong("close-at"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷截止时间（北京时间），如 2024-06-10T18:00；此后表单不再接收答卷（管理页面可重新开放）。",
                en: "When the questionnaires close (China time), e.g. 2024-06-10T18:00; after it the forms take no "
                    + "answers (the admin page can reopen).")))
    var closeAt: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "各乡镇、学校的目标份数 CSV（乡镇,学校,目标），管理页面据此显示进度。",
                en:
                    "A CSV of the responses each township and school should give (乡镇,学校,目标), for the admin page's progress."
            )))
    var targets: String?

    /// Seconds a request's header may take to arrive (hidden: for tests).
    @Option(name: .customLong("header-timeout"), help: .hidden)
    var headerTimeout: Double = 10

    /// Seconds a kept-alive connection may stay idle (hidden: for tests).
    @Option(name: .customLong("idle-timeout"), help: .hidden)
    var idleTimeout: Double = 60

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "全县常住人口，用于管理页面的 1.5‰ 样本量目标。",
                en: "The county's resident population, for the admin page's 1.5 ‰ sample target.")))
    var population: Int?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(
                CLIText.pick(zh: "--port 应在 0 到 65535 之间。", en: "--port must be between 0 and 65535."))
        }
        guard rateLimit >= 0 else {
            throw ValidationError(CLIText.pick(zh: "--rate-limit 不能为负数。", en: "--rate-limit must not be negative."))
        }
        if let maxConnections, maxConnections <= 0 {
            throw ValidationError(
                CLIText.pick(zh: "--max-connections 应为正整数。", en: "--max-connections must be a positive number."))
        }
        guard headerTimeout > 0, idleTimeout > 0 else {
            throw ValidationError(CLIText.pick(zh: "超时应为正数。", en: "timeouts must be positive."))
        }
        if let closeAt, Self.chinaTime(closeAt) == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--close-at 应写成 2024-06-10T18:00（北京时间）。",
                    en: "--close-at must read like 2024-06-10T18:00 (China time)."))
        }
        if let population, population <= 0 {
            throw ValidationError(
                CLIText.pick(zh: "--population 应为正整数。", en: "--population must be a positive number."))
        }
    }

    func run() async throws {
        let surveys = try catalogOptions.catalog.list()
        let password = try adminPasswordFile.map(Self.password(from:))
        let secret = try ServerSecret.load(path: secretFile, create: true)
        let location = try storeOption.location()
        let store: any ResponseStore =
            if let location { try await PostgresResponseStore.open(location) } else {
                try SQLiteResponseStore(path: db)
            }
        let storeName = location?.description ?? db
        let openFiles = OpenFileLimit.raise()
        var connections = ConnectionLimits.fitting(openFiles: openFiles)
        if let maxConnections { connections.maximumConnections = maxConnections }
        connections.headerTimeout = .milliseconds(Int64(headerTimeout * 1000))
        connections.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        let server = try CollectionServer(
            configuration: CollectionServerConfiguration(
                host: host, port: port, surveys: surveys, adminPassword: password, secret: secret, rateLimit: rateLimit,
                population: population, connections: connections, closeAt: closeAt.flatMap(Self.chinaTime),
                targets: try targets.map(ProgressTargets.load)),
            store: store)
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "junheng")
        logger.logLevel = .info
        let lang = language.lang
        let host = host
        let ids = surveys.map(\.id).joined(separator: ", ")
        let limit = connections.maximumConnections
        try await server.run(logger: logger) { port in
            let urls = ListeningAddresses.baseURLs(host: host, port: port)
            let at = urls.map { $0 + "/s/" + (lang == .zh ? "问卷ID" : "ID") }.joined(separator: lang == .zh ? "、" : ", ")
            Terminal.note(
                lang == .zh
                    ? "junheng serve：问卷 \(ids) 在 \(at)；答卷存入 \(storeName)"
                        + (password == nil ? "；未开放 /admin（缺 --admin-password-file）" : "；管理页面 /admin")
                        + "；最多同时 \(limit) 个连接"
                    : "junheng serve: questionnaires \(ids) at \(at); responses into \(storeName)"
                        + (password == nil ? "; /admin is off (no --admin-password-file)" : "; admin at /admin")
                        + "; at most \(limit) connections at once")
            if ListeningAddresses.isOpenToNetwork(host), password != nil {
                Terminal.note(
                    lang == .zh
                        ? "注意：本服务直接对网络开放，管理员密码将以明文在网络上传输。请在前面放一个做 TLS 的反向代理（如 nginx，见 README），并用 --host 127.0.0.1。"
                        : "Warning: this server is open to the network, so the admin password crosses it in clear. Put a "
                            + "reverse proxy doing TLS in front of it (nginx, see the README) and use --host 127.0.0.1."
                )
            }
        }
        if let postgres = store as? PostgresResponseStore { await postgres.close() }
    }

    /// `2024-06-10T18:00` (or with seconds) in China Standard Time.
    static func chinaTime(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// The password file's content without its final line break.
    static func password(from path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError(
                CLIText.pick(zh: "无法读取密码文件 \(path)。", en: "cannot read the password file \(path)."))
        }
        let password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard password.count >= 8 else {
            throw ValidationError(
                CLIText.pick(
                    zh: "\(path)：管理员密码至少 8 个字符。", en: "\(path): the admin password needs at least 8 characters."))
        }
        return password
    }
}
