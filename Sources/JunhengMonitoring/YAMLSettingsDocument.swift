import JunhengCore
import Yams

/// Reads YAML text into a ``SettingsNode`` tree with the line and column of every key and value, so the
/// monitoring settings are checked by the same reader, with the same messages, as the resources JSON.
enum YAMLSettingsDocument {
    /// The tree of `yaml`; an empty file is an empty mapping (every setting at its default).
    static func parse(_ yaml: String, file: String) throws(SettingsError) -> SettingsNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.error(error, file: file)
        } catch {
            throw SettingsError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: LocalizedText(zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)"))
        }
        guard let root else { return SettingsNode(.mapping([]), location: SourceLocation(file: file, line: 1)) }
        return node(root, file: file)
    }

    static func node(_ node: Node, file: String) -> SettingsNode {
        let location = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        switch node {
        case .scalar(let scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return SettingsNode(isNull ? .null : .scalar(scalar.string), location: location)
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                SettingsNode.Entry(
                    key: key.string ?? "",
                    keyLocation: SourceLocation(file: file, line: key.mark?.line, column: key.mark?.column),
                    value: Self.node(value, file: file))
            }
            return SettingsNode(.mapping(entries), location: location)
        case .sequence(let sequence):
            return SettingsNode(.sequence(sequence.map { Self.node($0, file: file) }), location: location)
        case .alias:
            return SettingsNode(.null, location: location)
        }
    }

    /// A Yams error at its place: what libyaml says, after "not valid YAML".
    static func error(_ error: YamlError, file: String) -> SettingsError {
        let advice = LocalizedText(
            zh: "；请对照 sample-responses/monitoring-settings.yaml 检查缩进和冒号",
            en: "; compare the indentation and colons with sample-responses/monitoring-settings.yaml")
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return SettingsError(
                location: SourceLocation(file: file, line: mark.line, column: mark.column),
                message: LocalizedText(zh: "不是有效的 YAML：\(problem)", en: "not valid YAML: \(problem)") + advice)
        case .reader(let problem, let offset, _, let yaml):
            // A character YAML does not allow (a NUL byte, a control character): its place in the text.
            return SettingsError(
                location: SourceLocation(file: file, characterOffset: offset ?? 0, in: yaml),
                message: LocalizedText(zh: "不是有效的 YAML：\(problem)", en: "not valid YAML: \(problem)") + advice)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return SettingsError(
                location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                message: LocalizedText(zh: "键 \(keys) 出现了两次；请只保留一个", en: "the key \(keys) appears twice; keep one"))
        default:
            return SettingsError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: LocalizedText(zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)") + advice)
        }
    }
}
