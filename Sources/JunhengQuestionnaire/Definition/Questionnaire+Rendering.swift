public import JunhengCore

// MARK: - JSON (`survey list`, `survey show --format json`)

/// One line of `junheng survey list --format json`.
public struct QuestionnaireSummary: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var groups: [String]
    public var questions: Int
    public var items: Int
    public var file: String

    public init(_ questionnaire: Questionnaire, language: Language = .zh) {
        id = questionnaire.id
        title = questionnaire.title.text(language)
        groups = questionnaire.groups
        questions = questionnaire.questions.count
        items = questionnaire.items.count
        file = questionnaire.source
    }
}

/// `junheng survey show ID --format json`: every question with its options, and for each option whether
/// it counts as positive or is left out of the denominator.
public struct QuestionnaireDescription: Sendable, Hashable, Codable {
    public struct Option: Sendable, Hashable, Codable {
        public var number: Int
        public var text: String
        public var positive: Bool
        public var excluded: Bool
        public var score: Double?
        public var group: String?
        public var outside: Bool
    }

    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var text: String
        public var dimension: String?
    }

    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var number: Int
        public var text: String
        public var type: String
        public var role: String
        public var dimension: String?
        public var options: [Option]
        public var rows: [Row]
    }

    public struct Dimension: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
    }

    public struct Settings: Sendable, Hashable, Codable {
        public var minSeconds: Int?
        public var minN: Int
        public var threshold: Double
        public var sampleShare: Double
        public var parentShare: Double

        enum CodingKeys: String, CodingKey {
            case threshold
            case minSeconds = "min_seconds"
            case minN = "min_n"
            case sampleShare = "sample_share"
            case parentShare = "parent_share"
        }
    }

    public var id: String
    public var title: String
    public var groups: [String]
    public var defaultGroup: String?
    public var settings: Settings
    public var dimensions: [Dimension]
    public var questions: [Item]
    public var file: String

    enum CodingKeys: String, CodingKey {
        case id, title, groups, settings, dimensions, questions, file
        case defaultGroup = "default_group"
    }

    public init(_ q: Questionnaire, language: Language = .zh) {
        id = q.id
        title = q.title.text(language)
        groups = q.groups
        defaultGroup = q.defaultGroup
        settings = Settings(
            minSeconds: q.settings.minSeconds, minN: q.settings.minN, threshold: q.settings.threshold,
            sampleShare: q.settings.sampleShare, parentShare: q.settings.parentShare)
        dimensions = q.dimensions.map { Dimension(id: $0.id, name: $0.name.text(language)) }
        questions = q.questions.map { question in
            Item(
                id: question.id, number: question.number, text: question.text, type: question.type.rawValue,
                role: question.role.rawValue, dimension: question.dimension,
                options: zip(question.optionNumbers, question.options).map { number, option in
                    Option(
                        number: number, text: option.text, positive: option.positive, excluded: option.excluded,
                        score: option.score, group: option.group, outside: option.outside)
                },
                rows: question.rows.map { Row(id: $0.id, text: $0.text, dimension: $0.dimension) })
        }
        file = q.source
    }
}

// MARK: - Markdown (a printable paper version)

extension Questionnaire {
    /// The questionnaire as a printable paper form: title, introduction, every question with ☐ boxes, in
    /// `language`: in English each text's `text_en` (and `introduction_en`, `groups_en`) where the
    /// questionnaire gives one, the county's own words where it does not.
    public func paperMarkdown(language: Language = .zh) -> String {
        var out = "# \(title.text(language))\n\n"
        if let introduction {
            out += (language == .en ? introductionEn ?? introduction : introduction) + "\n\n"
        }
        let separator = language == .zh ? "、" : ", "
        out += LocalizedText(zh: "调查对象：", en: "Respondents: ").text(language)
        out += groups.map { groupLabel($0).text(language) }.joined(separator: separator) + "\n\n"
        for question in questions {
            let type = question.type.label.text(language)
            out +=
                "**\(question.number). \(question.label.text(language))**"
                + (language == .zh ? "（\(type)）" : " (\(type))") + "\n\n"
            switch question.type {
            case .text:
                out += "____________________________________\n\n"
            case .matrix:
                out += "| | " + question.options.map { $0.label.text(language) }.joined(separator: " | ") + " |\n"
                out += "| --- |" + String(repeating: " :---: |", count: question.options.count) + "\n"
                for row in question.rows {
                    out +=
                        "| \(row.label.text(language)) |" + String(repeating: " ☐ |", count: question.options.count)
                        + "\n"
                }
                out += "\n"
            case .single, .scale, .multiple:
                let box = question.type == .multiple ? "☐" : "○"
                out += question.options.map { "\(box) \($0.label.text(language))" }.joined(separator: "　　") + "\n\n"
            }
        }
        out += "---\n\n"
        var seen: Set<String> = []
        let positives = questions.filter(\.isScored).flatMap { $0.options.filter(\.positive) }
            .filter { seen.insert($0.text).inserted }.map { $0.label.text(language) }.joined(separator: separator)
        out += LocalizedText(
            zh: "计分说明：满意度 = 肯定回答数 ÷ 有效回答数（“不了解”不计入分母）。肯定回答：\(positives)。\n",
            en: "Scoring: rate = positive answers / valid answers (options marked excluded are left out of the "
                + "denominator). "
                + "Positive answers: \(positives).\n"
        ).text(language)
        return out
    }
}
