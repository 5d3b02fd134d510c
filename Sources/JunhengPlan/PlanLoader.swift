import Foundation
import JunhengCore
import Yams

/// Reads a plan file (YAML, format in plan/README.md) and checks it, so that every mistake is reported
/// with the file, line and column where a county can fix it.
///
/// Unknown keys are errors (a typo such as `threshhold:` must not silently leave a requirement without
/// its number). The tree is read with Yams' node marks, as ``QuestionnaireLoader`` does.
public enum PlanLoader {
    /// Loads and checks the plan at `path`.
    public static func load(path: String) throws(PlanError) -> CountyPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "无法读取县级方案文件，请检查路径（可用 --plan 指定）。",
                    en: "Cannot read the plan file: check the path (or pass --plan)."))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanError(
                location: SourceLocation(file: path),
                message: LocalizedText(
                    zh: "方案文件不是 UTF-8 文本，请另存为 UTF-8。", en: "The plan file is not UTF-8 text: save it as UTF-8."))
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses and checks plan YAML; `file` names it in messages.
    public static func parse(yaml: String, file: String) throws(PlanError) -> CountyPlan {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PlanError(
                    location: SourceLocation(file: file, line: 1),
                    message: LocalizedText(zh: "方案文件为空。", en: "The plan file is empty."))
            }
            root = node
        } catch let error as PlanError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw PlanError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: LocalizedText(zh: "不是有效的 YAML：\(error)", en: "Not valid YAML: \(error)"))
        }
        var reader = PlanReader(file: file)
        return try reader.plan(root)
    }

    static func yamlError(_ error: YamlError, file: String) -> PlanError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return PlanError(
                location: SourceLocation(file: file, line: mark.line, column: mark.column),
                message: LocalizedText(
                    zh: "不是有效的 YAML（\(problem)），请检查这一行的缩进、冒号和引号。",
                    en: "Not valid YAML (\(problem)): check this line's indentation, colons and quotes."))
        case .reader(let problem, let offset, _, let yaml):
            // A character YAML does not allow (a NUL byte, a control character): its place in the text.
            return PlanError(
                location: SourceLocation(file: file, characterOffset: offset ?? 0, in: yaml),
                message: LocalizedText(
                    zh: "不是有效的 YAML（\(problem)）：这里有一个 YAML 不允许的字符（如 NUL 或其他控制字符），请删去。",
                    en: "Not valid YAML (\(problem)): a character YAML does not allow (a NUL or another control "
                        + "character) is here; delete it."))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { $0.description }.joined(separator: ", ")
            return PlanError(
                location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                message: LocalizedText(zh: "键 \(keys) 出现了两次，请删去一个。", en: "The key \(keys) appears twice: remove one."))
        default:
            return PlanError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: LocalizedText(zh: "不是有效的 YAML：\(error)", en: "Not valid YAML: \(error)"))
        }
    }
}
