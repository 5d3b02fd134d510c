import Foundation
import JunhengCore
import Yams

/// Reads a questionnaire file (YAML) and validates it, so that every mistake is reported with the file
/// and line where a county can fix it.
///
/// The format is documented in `surveys/README.md`. Unknown keys are errors (a typo such as
/// `postive:` must not silently count nothing as positive).
public enum QuestionnaireLoader {
    /// Loads and validates the questionnaire at `path`.
    public static func load(path: String) throws(QuestionnaireError) -> Questionnaire {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw QuestionnaireError(file: path, line: nil, "the file is not UTF-8 text; save it as UTF-8.")
            }
            text = decoded
        } catch let error as QuestionnaireError {
            throw error
        } catch {
            throw QuestionnaireError(
                file: path, line: nil, "cannot read the questionnaire file (\(error.localizedDescription)).")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses and validates questionnaire YAML; `file` names it in messages.
    public static func parse(yaml: String, file: String) throws(QuestionnaireError) -> Questionnaire {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw QuestionnaireError(file: file, line: 1, "the questionnaire file is empty.")
            }
            root = node
        } catch let error as QuestionnaireError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw QuestionnaireError(file: file, line: nil, "not valid YAML: \(error)")
        }
        var reader = Reader(file: file)
        return try reader.questionnaire(root)
    }

    static func yamlError(_ error: YamlError, file: String) -> QuestionnaireError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return QuestionnaireError(file: file, line: mark.line, column: mark.column, "not valid YAML: \(problem).")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return QuestionnaireError(
                file: file, line: context.mark.line, "the key \(duplicates.joined(separator: ", ")) appears twice.")
        default:
            return QuestionnaireError(file: file, line: nil, "not valid YAML: \(error).")
        }
    }
}

// MARK: - Reading the node tree

private struct Reader {
    let file: String

    func fail(_ node: Node?, _ message: String) -> QuestionnaireError {
        QuestionnaireError(file: file, line: node?.mark?.line, column: node?.mark?.column, message)
    }

    func mapping(_ node: Node, _ what: String, allowed: Set<String>) throws(QuestionnaireError) -> [String: Node] {
        guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping of `key: value` lines.") }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw fail(key, "keys in \(what) must be plain words.") }
            guard allowed.contains(name) else {
                throw fail(
                    key,
                    "unknown key `\(name)` in \(what); expected one of: \(allowed.sorted().joined(separator: ", ")).")
            }
            result[name] = value
        }
        return result
    }

    func string(_ node: Node?, _ what: String) throws(QuestionnaireError) -> String {
        guard let node, let scalar = node.scalar else { throw fail(node, "\(what) must be a single value.") }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw fail(node, "\(what) must not be empty.") }
        return text
    }

    func required(_ map: [String: Node], _ key: String, in what: String, at node: Node) throws(QuestionnaireError)
        -> Node
    {
        guard let value = map[key] else { throw fail(node, "\(what) needs `\(key):`.") }
        return value
    }

    func bool(_ node: Node?, _ what: String) throws(QuestionnaireError) -> Bool {
        guard let node else { return false }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "是": return true
        case "false", "no", "否": return false
        default: throw fail(node, "\(what) must be true or false.")
        }
    }

    func int(_ node: Node, _ what: String) throws(QuestionnaireError) -> Int {
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            throw fail(node, "\(what) must be a whole number.")
        }
        return value
    }

    func double(_ node: Node, _ what: String) throws(QuestionnaireError) -> Double {
        guard let value = node.scalar.flatMap({ Double($0.string) }) else {
            throw fail(node, "\(what) must be a number.")
        }
        return value
    }

    func strings(_ node: Node?, _ what: String) throws(QuestionnaireError) -> [String] {
        guard let node else { return [] }
        if node.scalar != nil { return [try string(node, what)] }
        guard let sequence = node.sequence else { throw fail(node, "\(what) must be a list.") }
        var result: [String] = []
        for element in sequence { result.append(try string(element, what)) }
        return result
    }

    func sequence(_ node: Node, _ what: String) throws(QuestionnaireError) -> [Node] {
        guard let sequence = node.sequence else {
            throw fail(node, "\(what) must be a list (lines starting with `- `).")
        }
        return Array(sequence)
    }

    // MARK: - Questionnaire

    mutating func questionnaire(_ root: Node) throws(QuestionnaireError) -> Questionnaire {
        let map = try mapping(
            root, "the questionnaire",
            allowed: [
                "id", "title", "title_en", "introduction", "groups", "default_group", "settings", "scales",
                "dimensions", "questions",
            ])
        let id = try string(try required(map, "id", in: "the questionnaire", at: root), "`id`")
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw fail(map["id"], "`id` must use only letters, digits, `-` and `_` (it is typed after --survey).")
        }
        let title = try string(try required(map, "title", in: "the questionnaire", at: root), "`title`")
        let titleEN = try map["title_en"].map { node throws(QuestionnaireError) in try string(node, "`title_en`") }
        let introduction = try map["introduction"].map { node throws(QuestionnaireError) in
            try string(node, "`introduction`")
        }
        let groups = try strings(try required(map, "groups", in: "the questionnaire", at: root), "`groups`")
        guard !groups.isEmpty else { throw fail(map["groups"], "`groups` must list at least one respondent group.") }
        guard Set(groups).count == groups.count else { throw fail(map["groups"], "`groups` lists a group twice.") }
        let defaultGroup = try map["default_group"].map { node throws(QuestionnaireError) in
            try string(node, "`default_group`")
        }
        if let defaultGroup, !groups.contains(defaultGroup) {
            throw fail(map["default_group"], "`default_group` \(defaultGroup) is not one of `groups`.")
        }
        let settings =
            try map["settings"].map { node throws(QuestionnaireError) in try self.settings(node) }
            ?? SurveySettings()

        var scales: [String: [QuestionOption]] = [:]
        if let node = map["scales"] {
            guard let scaleMap = node.mapping else {
                throw fail(node, "`scales` must map a scale name to its options.")
            }
            for (key, value) in scaleMap {
                let name = try string(key, "a scale name")
                scales[name] = try options(value, "scale \(name)")
            }
        }

        var dimensions: [SurveyDimension] = []
        if let node = map["dimensions"] {
            for element in try sequence(node, "`dimensions`") {
                let dim = try mapping(element, "a dimension", allowed: ["id", "name", "name_en"])
                let dimID = try string(try required(dim, "id", in: "a dimension", at: element), "a dimension `id`")
                let name = try string(try required(dim, "name", in: "a dimension", at: element), "a dimension `name`")
                let nameEN = try dim["name_en"].map { node throws(QuestionnaireError) in try string(node, "`name_en`") }
                guard !dimensions.contains(where: { $0.id == dimID }) else {
                    throw fail(element, "the dimension id `\(dimID)` is used twice.")
                }
                dimensions.append(SurveyDimension(id: dimID, name: LocalizedText(zh: name, en: nameEN ?? name)))
            }
        }

        var questions: [Question] = []
        let questionNodes = try sequence(
            try required(map, "questions", in: "the questionnaire", at: root), "`questions`")
        for node in questionNodes {
            let question = try self.question(node, scales: scales, groups: groups, dimensions: dimensions)
            if let other = questions.first(where: { $0.id == question.id }) {
                throw fail(node, "the question id `\(question.id)` is already used on line \(other.line).")
            }
            if let other = questions.first(where: { $0.number == question.number }) {
                throw fail(
                    node, "question number \(question.number) is already used by `\(other.id)` on line \(other.line).")
            }
            if question.role != .scored, question.role != .info,
                let other = questions.first(where: { $0.role == question.role })
            {
                throw fail(
                    node, "only one question may have `role: \(question.role.rawValue)`; `\(other.id)` already has it.")
            }
            questions.append(question)
        }
        guard questions.contains(where: { $0.isScored }) else {
            throw fail(map["questions"], "no question has `role: scored`; there would be nothing to rate.")
        }
        if !questions.contains(where: { $0.role == .group }), defaultGroup == nil {
            if groups.count == 1 {
                return Questionnaire(
                    id: id, title: LocalizedText(zh: title, en: titleEN ?? title), introduction: introduction,
                    groups: groups, defaultGroup: groups[0], settings: settings, dimensions: dimensions,
                    questions: questions, source: file)
            }
            throw fail(
                root, "no question has `role: group` and there is no `default_group`; say how respondents are grouped.")
        }
        return Questionnaire(
            id: id, title: LocalizedText(zh: title, en: titleEN ?? title), introduction: introduction, groups: groups,
            defaultGroup: defaultGroup, settings: settings, dimensions: dimensions, questions: questions, source: file)
    }

    func settings(_ node: Node) throws(QuestionnaireError) -> SurveySettings {
        let map = try mapping(
            node, "`settings`", allowed: ["min_seconds", "min_n", "threshold", "sample_share", "parent_share"])
        var settings = SurveySettings()
        if let value = map["min_seconds"] {
            if value.scalar?.string.lowercased() == "off" || value.scalar?.string == "null" {
                settings.minSeconds = nil
            } else {
                let seconds = try int(value, "`min_seconds`")
                guard seconds >= 0 else { throw fail(value, "`min_seconds` must not be negative.") }
                settings.minSeconds = seconds
            }
        }
        if let value = map["min_n"] {
            settings.minN = try int(value, "`min_n`")
            guard settings.minN >= 0 else { throw fail(value, "`min_n` must not be negative.") }
        }
        for (key, path) in [
            ("threshold", \SurveySettings.threshold), ("sample_share", \.sampleShare), ("parent_share", \.parentShare),
        ] {
            guard let value = map[key] else { continue }
            let number = try double(value, "`\(key)`")
            guard number > 0, number <= 1 else {
                throw fail(value, "`\(key)` must be a share between 0 and 1 (e.g. 0.85 for 85 %).")
            }
            settings[keyPath: path] = number
        }
        return settings
    }

    func options(_ node: Node, _ what: String) throws(QuestionnaireError) -> [QuestionOption] {
        var result: [QuestionOption] = []
        for element in try sequence(node, "the options of \(what)") {
            var option: QuestionOption
            if element.scalar != nil {
                option = QuestionOption(text: try string(element, "an option"))
            } else {
                let map = try mapping(
                    element, "an option of \(what)",
                    allowed: ["text", "positive", "excluded", "score", "group", "outside", "aliases"])
                option = QuestionOption(
                    text: try string(try required(map, "text", in: "an option", at: element), "an option `text`"))
                option.positive = try bool(map["positive"], "`positive`")
                option.excluded = try bool(map["excluded"], "`excluded`")
                option.outside = try bool(map["outside"], "`outside`")
                if let score = map["score"] { option.score = try double(score, "`score`") }
                if let group = map["group"] { option.group = try string(group, "`group`") }
                option.aliases = try strings(map["aliases"], "`aliases`")
                if option.positive, option.excluded {
                    throw fail(element, "option \(option.text) cannot be both `positive` and `excluded`.")
                }
            }
            if result.contains(where: { $0.text == option.text }) {
                throw fail(element, "the option \(option.text) appears twice in \(what).")
            }
            result.append(option)
        }
        guard !result.isEmpty else { throw fail(node, "\(what) needs at least one option.") }
        return result
    }

    // MARK: - Question

    func question(
        _ node: Node, scales: [String: [QuestionOption]], groups: [String], dimensions: [SurveyDimension]
    ) throws(QuestionnaireError) -> Question {
        let map = try mapping(
            node, "a question",
            allowed: ["id", "number", "text", "type", "role", "options", "scale", "rows", "dimension"])
        let id = try string(try required(map, "id", in: "a question", at: node), "a question `id`")
        guard !id.contains("."), !id.contains("="), !id.contains(",") else {
            throw fail(map["id"], "a question id must not contain `.`, `=` or `,`.")
        }
        let what = "question `\(id)`"
        let number = try int(try required(map, "number", in: what, at: node), "`number`")
        guard number > 0 else { throw fail(map["number"], "`number` must be 1 or more.") }
        let text = try string(try required(map, "text", in: what, at: node), "`text`")
        let typeNode = try required(map, "type", in: what, at: node)
        guard let type = QuestionType(rawValue: try string(typeNode, "`type`")) else {
            throw fail(
                typeNode, "`type` must be one of: \(QuestionType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var role: QuestionRole = (type == .scale || type == .matrix) ? .scored : .info
        if let roleNode = map["role"] {
            guard let value = QuestionRole(rawValue: try string(roleNode, "`role`")) else {
                throw fail(
                    roleNode,
                    "`role` must be one of: \(QuestionRole.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            role = value
        }
        var options: [QuestionOption] = []
        if let scaleNode = map["scale"] {
            guard map["options"] == nil else { throw fail(scaleNode, "give either `scale:` or `options:`, not both.") }
            let name = try string(scaleNode, "`scale`")
            guard let scale = scales[name] else {
                throw fail(scaleNode, "no scale named \(name) under `scales:`.")
            }
            options = scale
        } else if let optionNode = map["options"] {
            options = try self.options(optionNode, what)
        }
        var rows: [MatrixRow] = []
        var dimension: String?
        if let dimNode = map["dimension"] {
            dimension = try string(dimNode, "`dimension`")
            guard dimensions.contains(where: { $0.id == dimension }) else {
                throw fail(dimNode, "no dimension `\(dimension!)` under `dimensions:`.")
            }
        }
        if let rowsNode = map["rows"] {
            guard type == .matrix else { throw fail(rowsNode, "only a `matrix` question has `rows`.") }
            for element in try sequence(rowsNode, "`rows`") {
                let rowMap = try mapping(element, "a matrix row", allowed: ["id", "text", "dimension"])
                let rowID = try string(try required(rowMap, "id", in: "a matrix row", at: element), "a row `id`")
                let rowText = try string(try required(rowMap, "text", in: "a matrix row", at: element), "a row `text`")
                var rowDimension: String?
                if let dimNode = rowMap["dimension"] {
                    rowDimension = try string(dimNode, "`dimension`")
                    guard dimensions.contains(where: { $0.id == rowDimension }) else {
                        throw fail(dimNode, "no dimension `\(rowDimension!)` under `dimensions:`.")
                    }
                }
                guard !rows.contains(where: { $0.id == rowID }) else {
                    throw fail(element, "the row id `\(rowID)` is used twice in \(what).")
                }
                rows.append(MatrixRow(id: rowID, text: rowText, dimension: rowDimension))
            }
        }
        let line = node.mark?.line ?? 0

        // What each type and role needs.
        switch type {
        case .text:
            guard options.isEmpty else { throw fail(node, "a `text` question has no options.") }
            guard role == .info || role == .township || role == .school else {
                throw fail(map["role"], "a free-text question can only have role township, school or info.")
            }
        case .matrix:
            guard !rows.isEmpty else { throw fail(node, "a `matrix` question needs `rows:`.") }
            guard !options.isEmpty else { throw fail(node, "a `matrix` question needs `options:` or `scale:`.") }
        case .single, .scale, .multiple:
            guard !options.isEmpty else {
                throw fail(node, "a `\(type.rawValue)` question needs `options:` or `scale:`.")
            }
        }
        switch role {
        case .scored:
            guard type == .single || type == .scale || type == .matrix else {
                throw fail(map["role"] ?? node, "only single, scale and matrix questions can be scored.")
            }
            guard options.contains(where: \.positive) else {
                throw fail(
                    node, "scored \(what) has no option with `positive: true`; say which answers count as satisfied.")
            }
            let scores = options.compactMap(\.score)
            guard Set(scores).count == scores.count else {
                throw fail(node, "two options of \(what) have the same `score`; scores must tell options apart.")
            }
        case .group:
            guard type == .single else {
                throw fail(map["role"], "the identity question (role group) must be `single`.")
            }
            for option in options {
                if let group = option.group {
                    guard groups.contains(group) else {
                        throw fail(node, "option \(option.text) names group \(group), which is not in `groups`.")
                    }
                } else if !option.outside {
                    throw fail(
                        node, "option \(option.text) of the identity question needs `group:` (or `outside: true`).")
                }
            }
        case .township, .school:
            guard type == .single || type == .text else {
                throw fail(map["role"], "a \(role.rawValue) question must be `single` or `text`.")
            }
        case .grade:
            guard type == .single else { throw fail(map["role"], "the grade question must be `single`.") }
        case .info:
            break
        }
        if role != .group, let option = options.first(where: { $0.group != nil }) {
            throw fail(node, "option \(option.text) has `group:`, but only the identity question (role group) may.")
        }
        return Question(
            id: id, number: number, text: text, type: type, role: role, options: options, rows: rows,
            dimension: dimension, line: line)
    }
}
