import Foundation
import JunhengCore
public import JunhengQuestionnaire
import Yams

/// The data folder's settings for the report's 逐题统计: which questionnaires get a cross-tab (交叉分析)
/// under every question, and by what. A `.yaml` file in the folder with a top-level `crosstabs:`:
///
/// ```yaml
/// # 逐题统计：每份问卷按一个分组交叉（group、township、school、grade，或一道单选题、量表题的 id）
/// crosstabs:
///   public: township
///   student: grade
/// ```
///
/// Without such a file, every questionnaire gets its per-question tables and charts, and no cross-tab.
/// One grouping a questionnaire keeps the report readable (a county's three questionnaires of 20–30
/// questions each). A questionnaire the folder does not have, or a grouping its questionnaire cannot
/// give (no township question, a multiple-choice question), is refused at its line and column.
public struct FrequencySettings: Sendable, Hashable {
    /// Questionnaire id → its cross-tab.
    public var crosstabs: [String: FrequencyBreakdown]

    public init(crosstabs: [String: FrequencyBreakdown] = [:]) {
        self.crosstabs = crosstabs
    }

    /// Whether a YAML text is such a file (what the data folder recognises it by).
    static func recognises(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("crosstabs:") }
    }

    /// Reads the file at `path`, checking every entry against `questionnaires`.
    ///
    /// - Throws: ``EvaluationError`` at the place of the first mistake.
    public static func load(path: String, questionnaires: [Questionnaire]) throws(EvaluationError) -> FrequencySettings
    {
        func error(_ line: Int?, _ column: Int?, _ message: LocalizedText) -> EvaluationError {
            EvaluationError(location: SourceLocation(file: path, line: line, column: column), message: message)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw error(
                nil, nil,
                LocalizedText(
                    zh: "无法读取逐题统计设置（应为 UTF-8 编码的 YAML）。",
                    en: "cannot read the frequency settings (they must be UTF-8 YAML)."))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let yaml as YamlError {
            // At its line and column, as every YAML file junheng reads.
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw error(
                    mark.line, mark.column, LocalizedText(zh: "不是有效的 YAML：\(problem)", en: "not valid YAML: \(problem)")
                )
            case .reader(let problem, let offset, _, let text):
                throw EvaluationError(
                    location: SourceLocation(file: path, characterOffset: offset ?? 0, in: text),
                    message: LocalizedText(zh: "不是有效的 YAML：\(problem)", en: "not valid YAML: \(problem)"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.joined(separator: ", ")
                throw error(
                    context.mark.line, context.mark.column,
                    LocalizedText(zh: "键 \(keys) 出现了两次，请删去一处。", en: "the key \(keys) appears twice; remove one."))
            default:
                throw error(1, 1, LocalizedText(zh: "不是有效的 YAML：\(yaml)", en: "not valid YAML: \(yaml)"))
            }
        } catch {
            throw EvaluationError(
                location: SourceLocation(file: path, line: 1, column: 1),
                message: LocalizedText(zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)"))
        }
        guard let top = root?.mapping else {
            throw error(
                root?.mark?.line, root?.mark?.column,
                LocalizedText(zh: "应为一个以 crosstabs: 开头的映射。", en: "expected a mapping with crosstabs:."))
        }
        var crosstabs: [String: FrequencyBreakdown] = [:]
        for (key, value) in top {
            guard key.string == "crosstabs" else {
                throw error(
                    key.mark?.line, key.mark?.column,
                    LocalizedText(
                        zh: "未知的键“\(key.string ?? "")”：此文件只有 crosstabs。",
                        en: "unknown key \"\(key.string ?? "")\": this file has only crosstabs."))
            }
            guard let entries = value.mapping else {
                if value.scalar?.string.isEmpty == true || value.null != nil { continue }
                throw error(
                    value.mark?.line, value.mark?.column,
                    LocalizedText(
                        zh: "crosstabs 下每行写“问卷编号: 分组”，如 public: township。",
                        en: "under crosstabs, write one \"questionnaire: grouping\" a line, e.g. public: township."))
            }
            for (id, by) in entries {
                let name = id.string ?? ""
                guard let questionnaire = questionnaires.first(where: { $0.id == name }) else {
                    let known = questionnaires.map(\.id).sorted()
                    throw error(
                        id.mark?.line, id.mark?.column,
                        LocalizedText(
                            zh: "没有编号为“\(name)”的问卷（现有：\(known.joined(separator: "、"))）。",
                            en: "there is no questionnaire \"\(name)\" (there are: \(known.joined(separator: ", ")))."))
                }
                guard let argument = by.scalar?.string else {
                    throw error(
                        by.mark?.line, by.mark?.column,
                        LocalizedText(
                            zh: "每份问卷只按一个分组交叉，如 \(name): township。",
                            en: "each questionnaire has one grouping, e.g. \(name): township."))
                }
                do {
                    crosstabs[name] = try FrequencyBreakdown(parsing: argument, survey: questionnaire)
                } catch {
                    throw EvaluationError(
                        location: SourceLocation(file: path, line: by.mark?.line, column: by.mark?.column),
                        message: error.message)
                }
            }
        }
        return FrequencySettings(crosstabs: crosstabs)
    }
}
