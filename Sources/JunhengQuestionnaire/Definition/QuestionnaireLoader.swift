import Foundation
import JunhengCore
import Yams

/// Reads a questionnaire file (YAML) and validates it, so that every mistake is reported with the file
/// and line where a county can fix it.
///
/// The format is documented in `surveys/README.md`. Unknown keys are errors (a typo such as
/// `postive:` must not silently count nothing as positive). The node tree is read by
/// ``QuestionnaireReader``.
public enum QuestionnaireLoader {
    /// Loads and validates the questionnaire at `path`.
    public static func load(path: String) throws(QuestionnaireError) -> Questionnaire {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw QuestionnaireError(
                file: path, line: nil,
                LocalizedText(
                    zh: "无法读取问卷文件，请检查路径和权限。", en: "cannot read the questionnaire file; check the path and permissions.")
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw QuestionnaireError(
                file: path, line: nil,
                LocalizedText(zh: "文件不是 UTF-8 文本，请另存为 UTF-8。", en: "the file is not UTF-8 text; save it as UTF-8."))
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses and validates questionnaire YAML; `file` names it in messages.
    public static func parse(yaml: String, file: String) throws(QuestionnaireError) -> Questionnaire {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw QuestionnaireError(
                    file: file, line: 1, LocalizedText(zh: "问卷文件是空的。", en: "the questionnaire file is empty."))
            }
            root = node
        } catch let error as QuestionnaireError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw QuestionnaireError(file: file, line: 1, column: 1, notYAML(detail: "\(error)"))
        }
        var reader = QuestionnaireReader(file: file)
        return try reader.questionnaire(root)
    }

    static func yamlError(_ error: YamlError, file: String) -> QuestionnaireError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return QuestionnaireError(file: file, line: mark.line, column: mark.column, notYAML(detail: problem))
        case .reader(let problem, let offset, _, let yaml):
            // A character YAML does not allow (a NUL byte, a control character): its place in the text.
            return QuestionnaireError(
                location: SourceLocation(file: file, characterOffset: offset ?? 0, in: yaml),
                message: notYAML(detail: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return QuestionnaireError(
                file: file, line: context.mark.line, column: context.mark.column,
                LocalizedText(zh: "键 \(keys) 出现了两次，请删去一处。", en: "the key \(keys) appears twice; remove one."))
        default:
            return QuestionnaireError(file: file, line: 1, column: 1, notYAML(detail: "\(error)"))
        }
    }

    /// "Not valid YAML": the parser's own words (libyaml speaks English) only in the English message.
    static func notYAML(detail: String) -> LocalizedText {
        LocalizedText(
            zh: "不是有效的 YAML（常见原因：缩进不齐、冒号后缺空格、括号或引号未闭合）。",
            en: "not valid YAML: \(detail).")
    }
}
