public import ArgumentParser
import Foundation
import JunhengCollection
import JunhengCore
import JunhengEvaluation
public import JunhengQuestionnaire
import JunhengStore

/// `junheng satisfaction EXPORT... --survey ID`: satisfaction rates against the 85 % bar.
struct SatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract:
            "社会认可度满意度 — satisfaction rates from 问卷星 exports, overall and by group, township, school, item or dimension, with 95 % intervals, against the 85 % bar.",
        discussion: """
            Reads each export as a stream: memory holds running sums per cell, a 24-byte entry per response (a 128-bit hash and where it was first seen) \
            (for duplicates) and the list of excluded rows, never the answers; 1–2 s per 100 000 rows in a \
            release build. Several exports (e.g. one per township) are combined. Screened-out responses are \
            listed with line and reason.

            Examples:
              junheng satisfaction sample-responses/survey-public.csv --survey public --by township
              junheng satisfaction a.csv b.csv --survey public --by township,group --format markdown
              junheng satisfaction --db responses.sqlite --survey public   (the responses junheng serve collected)
            """)

    @Argument(
        help:
            "问卷星 CSV export(s) (按选项文本, 按选项序号 or 按分数; UTF-8 or GB18030). None: the responses junheng serve collected into --db."
    )
    var exports: [String] = []
    @OptionGroup var input: SatisfactionInputOptions
    @Option(
        name: .long,
        help:
            "Group by group|township|school|grade|item|dimension; two nest, e.g. township,group. Default: township if the questionnaire asks for it, else group."
    )
    var by: String?
    @Option(
        name: .long, help: "Weights for a weighted combination of groups, e.g. 家长=0.5,教师=0.2 (labelled as weighted).")
    var weights: String?
    @Option(name: .long, help: "The county's resident population, for the 1.5 ‰ sample-size check.") var population:
        Int?
    @Option(name: .long, help: "table, markdown, json or csv (UTF-8 with BOM).") var format: OutputFormat = .table
    @Option(name: .long, help: "The survey year, for --save.") var year: Int?
    @Flag(name: .long, help: "Keep the rates in the history store (replacing that year's rates of this questionnaire).")
    var save = false
    @Option(
        name: .long,
        help:
            "The junheng database: the history store for --save and, with no export given, the responses junheng serve collected (default junheng.sqlite; serve writes responses.sqlite unless told otherwise). One file may hold both."
    )
    var db: String = HistoryStore.defaultPath
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let by, GroupingKey.parseList(by) == nil {
            throw ValidationError(
                "--by takes one or two of group, township, school, grade, item, dimension, e.g. --by township,group.")
        }
        if let weights, Self.parseWeights(weights) == nil {
            throw ValidationError("--weights takes GROUP=NUMBER pairs separated by commas, e.g. 家长=0.5,教师=0.2.")
        }
        if let population, population <= 0 { throw ValidationError("--population must be a positive number.") }
        if save && year == nil { throw ValidationError("--save needs --year, e.g. --year 2024 --save.") }
    }

    static func parseWeights(_ text: String) -> [String: Double]? {
        var result: [String: Double] = [:]
        for pair in text.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let weight = Double(parts[1]), weight >= 0 else { return nil }
            result[String(parts[0])] = weight
        }
        return result.isEmpty ? nil : result
    }

    func run() throws {
        var (questionnaire, settings) = try input.resolve()
        settings.weights = weights.flatMap(Self.parseWeights)
        settings.population = population
        let keys =
            by.flatMap(GroupingKey.parseList)
            ?? (questionnaire.question(role: .township) != nil ? [.township] : [.group])
        let result: SatisfactionResult
        if exports.isEmpty {
            // No export: the responses `junheng serve` collected, read by the same pipeline as their export.
            let collected = try CollectedSatisfaction.run(
                storePath: db, survey: questionnaire, settings: settings, by: keys)
            result = collected.result
            if collected.otherVersions > 0 {
                Terminal.note(
                    language.lang == .zh
                        ? "注意：\(collected.otherVersions) 份答卷填写的是问卷文件的另一版本（文件已改动）；与现行版本不符的回答列为答案问题。"
                        : "Note: \(collected.otherVersions) responses answered another version of the questionnaire file "
                            + "(it has changed since); answers that no longer fit are listed as answer problems.")
            }
        } else {
            let meter = ProgressLine.callback(label: "读取")
            result = try SatisfactionAnalysis.run(
                exports: exports, survey: questionnaire, by: keys, settings: settings,
                progress: meter.map { meter in { @Sendable _, read, total in meter(read, total) } })
        }
        if format == .json {
            print(try JSONOutput.encode(result.jsonDocument))
        } else {
            print(TableOutput.render(result.tables(), format: format, language: language.lang), terminator: "")
        }
        if save, let year {
            let (saved, replaced) = try SatisfactionArchive.save(result, year: year, storePath: db)
            let message =
                language.lang == .zh
                ? "已存入 \(db): \(year) 年 \(result.survey.id) 卷 \(saved) 项满意度结果"
                    + (replaced > 0 ? ", 替换了已存的 \(replaced) 项。" : "。")
                : "Saved to \(db): \(saved) satisfaction cells of \(result.survey.id) for \(year)"
                    + (replaced > 0 ? ", replacing \(replaced) stored cells." : ".")
            Terminal.note(message)
        }
    }
}

extension WjxExportMode: ExpressibleByArgument {}

/// The questionnaire and the screening settings, shared by `satisfaction` and `survey check`.
struct SatisfactionInputOptions: ParsableArguments {
    @Option(name: .long, help: "Questionnaire id (see `junheng survey list`) or path to a .yaml file.") var survey:
        String
    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @Option(name: .long, help: "Column mapping file (YAML: header → question id), overriding header matching.")
    var mapping: String?
    @Option(name: .long, help: "Force the download mode: text, number or score (default: detected per file).")
    var mode: WjxExportMode?
    @Option(
        name: .customLong("min-seconds"),
        help: "Screen out responses faster than this (所用时间); 0 turns it off. Default: the questionnaire's setting.")
    var minSeconds: Int?
    @Option(
        name: .customLong("min-n"), help: "Flag cells with fewer respondents. Default: the questionnaire's setting.")
    var minN: Int?
    @Option(name: .long, help: "The bar as a share (default 0.85).") var threshold: Double?
    @Flag(
        name: .customLong("keep-all"), help: "Turn screening off: keep duplicates, speeders, outsiders and empty rows.")
    var keepAll = false

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold <= 1) {
            throw ValidationError("--threshold is a share between 0 and 1, e.g. 0.85.")
        }
        if let minSeconds, minSeconds < 0 { throw ValidationError("--min-seconds must not be negative.") }
        if let minN, minN < 0 { throw ValidationError("--min-n must not be negative.") }
    }

    func resolve() throws -> (Questionnaire, SatisfactionSettings) {
        let questionnaire = try catalogOptions.catalog.resolve(survey)
        let mappingFile = try mapping.map { path in try WjxMappingFile.load(path: path, survey: questionnaire) }
        var seconds: Int?? = nil
        if let minSeconds { seconds = .some(minSeconds == 0 ? nil : minSeconds) }
        let settings = SatisfactionSettings(
            survey: questionnaire, minSeconds: seconds, minN: minN, threshold: threshold, keepAll: keepAll, mode: mode,
            mapping: mappingFile)
        return (questionnaire, settings)
    }
}
