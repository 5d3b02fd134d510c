import Foundation
import JunhengCore
import Yams

/// An explicit column mapping that overrides header matching, for exports whose headers were
/// rewritten beyond recognition:
///
/// ```yaml
/// columns:
///   "5、您对县政府的工作满意吗": gov_overall      # a question id
///   "第8题(其他)": activities=其他【请注明】       # one option column of a multiple choice
///   "12、学校情况—规范办学": school.conduct        # one row of a matrix
///   "备注": ignore                                # never read
/// ```
public struct WjxMappingFile: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case question(String)
        case option(question: String, option: String)
        case row(question: String, row: String)
        case ignore
    }

    /// Normalised header → target.
    public var targets: [String: Target]
    public var source: String

    public init(targets: [String: Target], source: String = "<memory>") {
        self.targets = Dictionary(uniqueKeysWithValues: targets.map { (HandTypedText.compact($0.key), $0.value) })
        self.source = source
    }

    func target(forHeader header: String) -> Target? {
        targets[HandTypedText.compact(header)]
    }

    /// Reads a mapping file and checks every target names a question (and option or row) of `survey`.
    public static func load(path: String, survey: Questionnaire) throws(QuestionnaireError) -> WjxMappingFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw QuestionnaireError(
                file: path, line: nil,
                LocalizedText(
                    zh: "无法读取列对应文件（应为 UTF-8 编码的 YAML）。", en: "cannot read the mapping file (it must be UTF-8 YAML)."))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw QuestionnaireLoader.yamlError(error, file: path)
        } catch {
            throw QuestionnaireError(file: path, line: nil, QuestionnaireLoader.notYAML(detail: "\(error)"))
        }
        guard let columns = root?.mapping?["columns"]?.mapping else {
            throw QuestionnaireError(
                file: path, line: root?.mark?.line,
                LocalizedText(
                    zh: "列对应文件需要 `columns:`，把每个表头对应到一个题目编号。",
                    en: "a mapping file needs `columns:` mapping each header to a question id."))
        }
        var targets: [String: Target] = [:]
        for (key, value) in columns {
            let line = value.mark?.line
            guard let header = key.scalar?.string, let spec = value.scalar.map({ HandTypedText.cell($0.string) }),
                !spec.isEmpty
            else {
                throw QuestionnaireError(
                    file: path, line: line,
                    LocalizedText(
                        zh: "每行应写成 `\"表头\": 题目编号`。", en: "each line must be `\"header\": question-id`."))
            }
            let target: Target
            if spec == "ignore" {
                target = .ignore
            } else if let equals = spec.firstIndex(of: "=") {
                let id = String(spec[..<equals])
                let option = String(spec[spec.index(after: equals)...])
                guard let question = survey.question(id: id), question.options.contains(where: { $0.text == option })
                else {
                    throw QuestionnaireError(
                        file: path, line: line,
                        LocalizedText(
                            zh: "`\(spec)`：问卷 \(survey.id) 没有带选项“\(option)”的题目 `\(id)`。",
                            en: "`\(spec)`: \(survey.id) has no question `\(id)` with option \(option)."))
                }
                target = .option(question: id, option: option)
            } else if let dot = spec.firstIndex(of: ".") {
                let id = String(spec[..<dot])
                let row = String(spec[spec.index(after: dot)...])
                guard let question = survey.question(id: id), question.rows.contains(where: { $0.id == row }) else {
                    throw QuestionnaireError(
                        file: path, line: line,
                        LocalizedText(
                            zh: "`\(spec)`：问卷 \(survey.id) 没有带行 `\(row)` 的矩阵题 `\(id)`。",
                            en: "`\(spec)`: \(survey.id) has no matrix question `\(id)` with row `\(row)`."))
                }
                target = .row(question: id, row: row)
            } else {
                guard survey.question(id: spec) != nil else {
                    throw QuestionnaireError(
                        file: path, line: line,
                        LocalizedText(
                            zh: "`\(spec)` 不是问卷 \(survey.id) 的题目编号。",
                            en: "`\(spec)` is not a question id of \(survey.id)."
                        ))
                }
                target = .question(spec)
            }
            targets[header] = target
        }
        return WjxMappingFile(targets: targets, source: path)
    }
}
