public import ArgumentParser
import Foundation
import JunhengCore
import JunhengEvaluation
import JunhengQuestionnaire
import JunhengStore

/// `junheng satisfaction EXPORT... --survey ID`: satisfaction rates against the 85 % bar.
struct SatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract: CLIText.pick(
            zh: "社会认可度满意度：按调查对象、乡镇、学校、题目或维度计算满意度及 95% 区间，对照 85% 达标线。",
            en: "Satisfaction rates from 问卷星 exports, overall and by group, township, school, item or dimension, "
                + "with 95 % intervals, against the 85 % bar."),
        discussion: CLIText.pick(
            zh: """
                以流方式读取每个导出文件：内存中只有各单元格的累计数、每份答卷 12 字节（64 位指纹及首次出现位置，用于查重，\
                存于至多八成满的表中；多个导出文件时再加 12 字节）\
                和剔除行清单，从不保存答案本身；release 版本在双核上每 10 万行约 0.1 秒。多个导出文件（如每个乡镇一个）合并计算。\
                被剔除的答卷逐行列出行号和原因。导出与问卷不相符时拒绝计算（可用 --allow-partial 继续，结果标注为“部分结果”）。

                示例：
                  junheng satisfaction sample-responses/survey-public.csv --survey public --by township
                  junheng satisfaction a.csv b.csv --survey public --by township,group --format markdown
                  junheng satisfaction --db responses.sqlite --survey public   （junheng serve 收集的答卷）
                """,
            en: """
                Reads each export as a stream: memory holds running sums per cell, 12 bytes per response (a 64-bit \
                fingerprint and where it was first seen, for the duplicate screen, in a table at most 80 % full; 12 \
                more with several exports) and the list of excluded rows, \
                never the answers; about 0.1 s per 100 000 rows on two cores in a release build. Several exports (e.g. one per township) \
                are combined. Screened-out responses are listed with line and reason. An export that does not fit \
                the questionnaire is refused (--allow-partial goes on, and labels the result partial).

                Examples:
                  junheng satisfaction sample-responses/survey-public.csv --survey public --by township
                  junheng satisfaction a.csv b.csv --survey public --by township,group --format markdown
                  junheng satisfaction --db responses.sqlite --survey public   (the responses junheng serve collected)
                """))

    @Argument(help: SurveyResponses.exportsHelp)
    var exports: [String] = []
    @OptionGroup var survey: SurveyRunOptions
    @OptionGroup var input: CSVInputOptions
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "分组：group、township、school、grade、item、dimension，两个可嵌套（如 township,group）。"
                    + "默认：问卷有乡镇题时按 township，否则按 group。",
                en: "Group by group|township|school|grade|item|dimension; two nest, e.g. township,group. "
                    + "Default: township if the questionnaire asks for it, else group.")))
    var by: String?
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "按调查对象加权的组合满意度的权重，如 家长=0.5,教师=0.2（结果注明为加权）；对象名须是问卷的调查对象。",
                en: "Weights for a weighted combination of groups, e.g. 家长=0.5,教师=0.2 (labelled as weighted); "
                    + "each name must be a group of the questionnaire.")))
    var weights: String?
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "本县常住人口，用于检查样本量是否达到 1.5‰。", en: "The county's resident population, for the 1.5 ‰ sample-size check."
            )))
    var population: Int?
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "输出格式：table、markdown、json 或 csv（UTF-8 带 BOM）。",
                en: "Output: table, markdown, json or csv (UTF-8 with BOM).")))
    var format: OutputFormat = .table
    @Option(help: ArgumentHelp(CLIText.pick(zh: "调查年份（用于 --save）。", en: "The survey year, for --save.")))
    var year: Int?
    @Flag(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "把满意度存入历史库（该问卷该年份已存时拒绝，除非加 --replace）。",
                en: "Keep the rates in the history store (refused when that year of this questionnaire is stored, "
                    + "unless --replace).")))
    var save = false
    @Flag(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "与 --save 一起使用：替换历史库中已存的该问卷该年份（如更正后的结果）；没有它时已存的年份拒绝再存。",
                en:
                    "With --save: replace the year of this questionnaire already stored (e.g. corrected rates); without "
                    + "it a stored year is refused.")))
    var replace = false
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "junheng 数据库：--save 使用的历史库；不给出导出文件时，也是 junheng serve 收集答卷的库"
                    + "（默认 junheng.sqlite；serve 默认写 responses.sqlite）。一个文件可同时存放两者。",
                en: "The junheng database: the history store for --save and, with no export given, the responses "
                    + "junheng serve collected (default junheng.sqlite; serve writes responses.sqlite unless told "
                    + "otherwise). One file may hold both.")))
    var db: String = HistoryStore.defaultPath

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let by, GroupingKey.parseList(by) == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--by 取 group、township、school、grade、item、dimension 中的一个或两个，如 --by township,group。",
                    en:
                        "--by takes one or two of group, township, school, grade, item, dimension, e.g. --by township,group."
                ))
        }
        if let weights, SatisfactionSettings.parseWeights(weights) == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--weights 应为以逗号分隔的“对象=权重”，权重为非负数，如 家长=0.5,教师=0.2。",
                    en:
                        "--weights takes GROUP=NUMBER pairs separated by commas, each weight 0 or more, e.g. 家长=0.5,教师=0.2."
                ))
        }
        if let population, population <= 0 {
            throw ValidationError(
                CLIText.pick(zh: "--population 应为正整数。", en: "--population must be a positive number."))
        }
        if save && year == nil {
            throw ValidationError(
                CLIText.pick(
                    zh: "--save 需要 --year，如 --year 2024 --save。", en: "--save needs --year, e.g. --year 2024 --save."))
        }
    }

    func run() throws {
        var (questionnaire, settings, others) = try survey.resolve()
        if save, !replace, let year {
            try SatisfactionArchive.checkNotStored(year: year, survey: questionnaire.id, storePath: db)
        }
        settings.weights = weights.flatMap(SatisfactionSettings.parseWeights)
        settings.population = population
        let keys = by.flatMap(GroupingKey.parseList) ?? GroupingKey.defaultKeys(for: questionnaire)
        let result = try SurveyResponses.run(
            exports: exports, db: db, store: try storeOption.location(), survey: questionnaire, by: keys,
            settings: settings,
            otherQuestionnaires: others, readOptions: input.readOptions)
        if format == .json {
            print(try JSONOutput.encode(result.jsonDocument(in: language.lang)))
        } else {
            print(TableOutput.render(result.tables(), format: format, language: language.lang), terminator: "")
        }
        if save, let year {
            let (saved, replaced) = try SatisfactionArchive.save(result, year: year, storePath: db, replace: replace)
            let message = LocalizedText(
                zh: "已存入 \(db)：\(year) 年 \(result.survey.id) 卷 \(saved) 项满意度结果"
                    + (replaced > 0 ? "，替换了已存的 \(replaced) 项。" : "。"),
                en: "Saved to \(db): \(saved) satisfaction cells of \(result.survey.id) for \(year)"
                    + (replaced > 0 ? ", replacing \(replaced) stored cells." : "."))
            Terminal.note(message.text(language.lang))
        }
    }
}

extension WjxExportMode: ExpressibleByArgument {}

/// The questionnaire and the screening settings, shared by `satisfaction` and `survey check`.
struct SurveyRunOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "问卷编号（见 `junheng survey list`）或 .yaml 文件路径。",
                en: "Questionnaire id (see `junheng survey list`) or path to a .yaml file.")))
    var survey: String
    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "列对应文件（YAML：表头 → 题目编号），优先于按表头自动对应。",
                en: "Column mapping file (YAML: header → question id), overriding header matching.")))
    var mapping: String?
    @Option(
        help: ArgumentHelp(
            CLIText.pick(
                zh: "指定下载方式：text（按选项文本）、number（按选项序号）或 score（按分数）；默认逐个文件自动判断。"
                    + "与回答不符时拒绝。",
                en: "Force the download mode: text, number or score (default: detected per file). Refused when it "
                    + "fits no answer.")))
    var mode: WjxExportMode?
    @Option(
        name: .customLong("min-seconds"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "所用时间少于此秒数的答卷剔除；0 表示不筛查。默认：问卷的设置。",
                en:
                    "Screen out responses faster than this (所用时间); 0 turns it off. Default: the questionnaire's setting."
            )))
    var minSeconds: Int?
    @Option(
        name: .customLong("min-n"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "有效答卷人少于此数的单元格标注“样本不足”。默认：问卷的设置。",
                en: "Flag cells with fewer respondents. Default: the questionnaire's setting.")))
    var minN: Int?
    @Option(
        help: ArgumentHelp(CLIText.pick(zh: "达标线，以比例表示（默认 0.85）。", en: "The bar as a share (default 0.85).")))
    var threshold: Double?
    @Flag(
        name: .customLong("keep-all"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "关闭筛查：保留重复、过快、不属于调查对象和无有效作答的答卷。",
                en: "Turn screening off: keep duplicates, speeders, outsiders and empty rows.")))
    var keepAll = false
    @Flag(
        name: .customLong("allow-partial"),
        help: ArgumentHelp(
            CLIText.pick(
                zh: "导出与问卷不完全相符时仍然计算；所有输出都标注为“部分结果”。",
                en: "Go on when the export does not fully fit the questionnaire; every output is labelled partial.")))
    var allowPartial = false

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold <= 1) {
            throw ValidationError(
                CLIText.pick(
                    zh: "--threshold 应为 0 到 1 之间的比例，如 0.85。", en: "--threshold is a share between 0 and 1, e.g. 0.85."))
        }
        if let minSeconds, minSeconds < 0 {
            throw ValidationError(CLIText.pick(zh: "--min-seconds 不能为负数。", en: "--min-seconds must not be negative."))
        }
        if let minN, minN < 0 {
            throw ValidationError(CLIText.pick(zh: "--min-n 不能为负数。", en: "--min-n must not be negative."))
        }
    }

    /// The questionnaire asked for, the settings, and the other questionnaires of the folder (to name the
    /// one an export fits best when it does not fit this one).
    func resolve() throws -> (Questionnaire, SatisfactionSettings, [Questionnaire]) {
        let catalog = catalogOptions.catalog
        let questionnaire = try catalog.resolve(survey)
        let others = ((try? catalog.load())?.questionnaires ?? []).filter { $0.id != questionnaire.id }
        let mappingFile = try mapping.map { path in try WjxMappingFile.load(path: path, survey: questionnaire) }
        var seconds: Int?? = nil
        if let minSeconds { seconds = .some(minSeconds == 0 ? nil : minSeconds) }
        let settings = SatisfactionSettings(
            survey: questionnaire, minSeconds: seconds, minN: minN, threshold: threshold, keepAll: keepAll, mode: mode,
            mapping: mappingFile, allowPartial: allowPartial)
        return (questionnaire, settings, others)
    }
}
