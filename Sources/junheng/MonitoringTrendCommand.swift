public import ArgumentParser
import JunhengEvaluation
public import JunhengMonitoring

/// `junheng trend monitoring` (also `junheng monitoring trend`): every stored year of a subject with its
/// interval, and the change from the previous cycle and the first year, each with its interval and verdict.
struct MonitoringTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: MonitoringTrendOptions.abstract,
        discussion: MonitoringTrendOptions.discussion)

    @OptionGroup var trend: MonitoringTrendOptions

    func validate() throws { try trend.validate() }

    func run() throws { try trend.run() }
}

/// What `monitoring trend` and `trend monitoring` take, and what they do.
struct MonitoringTrendOptions: ParsableArguments {
    static let abstract = CLIText.pick(
        zh: "质量监测历年变化：各学科每个已存年份的平均分、Ⅲ级及以上比例、校际差异率，各带 95%区间，及其变化是否显著。",
        en:
            "Every stored year of a subject: mean, share at Ⅲ+ and between-school difference rate, each with its 95% CI, and whether "
            + "each change is real.")
    static let discussion = CLIText.pick(
        zh: "每项变化与同一学科、同一年级上一次存储的监测周期（写明相隔几年）和首个存储年份相比，给出变化的 95%区间；"
            + "区间不含 0 才判断“上升”或“下降”，否则为“无显著变化”。校际差异率的区间为 F 分布区间，两年区间不重叠才作判断。"
            + "早期存入、没有分校合计的结果标为“无区间（早期数据）”。",
        en: "Each change is against the previous stored cycle of the same subject and grade (the gap in years is "
            + "named) and against the first stored year, with its 95% CI; only a change whose interval excludes 0 is "
            + "a rise or a fall, otherwise it is no significant change. The between-school difference rate has an F-distribution interval "
            + "and is judged only when two years' intervals do not overlap. Results stored before the per-school sums "
            + "were kept are marked \"no interval (early data)\".")

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "只看这一学科，如 数学 或 体育与健康（默认：全部）。",
                en: "Only this subject, e.g. 数学 or 体育与健康 (default: all).")))
    var subject: String?

    @Option(
        help: ArgumentHelp(CLIText.pick(zh: "只看这一年级：4 或 8（默认：两个）。", en: "Only this grade: 4 or 8 (default: both).")))
    var grade: String?

    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "只看一个数字：mean（平均分）、share（Ⅲ级及以上比例）或 icc（校际差异率）；默认三个都给，"
                    + "--format csv 时默认 mean。",
                en:
                    "Only one figure: mean, share (at Ⅲ+) or icc (between-school difference rate); all three by default, mean with "
                    + "--format csv.")))
    var figure: MonitoringTrend.Figure?

    @OptionGroup var store: MonitoringStoreOption

    @Option(help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let grade, MonitoringGrade(text: grade) == nil {
            throw ValidationError(
                CLIText.pick(zh: "--grade 应为 4 或 8（收到“\(grade)”）。", en: "--grade must be 4 or 8 (got \"\(grade)\")."))
        }
    }

    func run() throws {
        let trend = try MonitoringArchive.trend(
            storePath: store.db, subject: subject, grade: grade.flatMap(MonitoringGrade.init(text:)))
        if format == .json { return try MonitoringOutput.json(trend) }
        let figures = figure.map { [$0] } ?? (format == .csv ? [.mean] : MonitoringTrend.Figure.allCases)
        MonitoringOutput.write(trend.tables(figures), format: format, language: language.lang)
    }
}

extension MonitoringTrend.Figure: ExpressibleByArgument {}
