public import JunhengCore
public import JunhengReports

/// What a survey folder holds: the questionnaires that can be used, and each file that cannot, with its
/// error (``SurveyCatalog/load()``).
public struct SurveyCatalogContents: Sendable, Hashable {
    /// A questionnaire file that cannot be used.
    public struct Failure: Sendable, Hashable {
        public var file: String
        /// The file's `id`, when the file itself is valid (two files with one id).
        public var id: String?
        public var error: QuestionnaireError

        public init(file: String, id: String?, error: QuestionnaireError) {
            self.file = file
            self.id = id
            self.error = error
        }
    }

    /// Usable questionnaires, sorted by id.
    public var questionnaires: [Questionnaire]
    /// Files that cannot be used, sorted by path.
    public var failures: [Failure]

    public init(questionnaires: [Questionnaire], failures: [Failure]) {
        self.questionnaires = questionnaires
        self.failures = failures
    }

    /// `junheng survey list`: one row per questionnaire, then one per file that cannot be used, with its error.
    public func table() -> ReportTable {
        var rows: [[ReportCell]] = questionnaires.map { q in
            [
                .text(q.id), .label(q.title),
                .label(
                    LocalizedText(
                        zh: q.groups.joined(separator: "、"),
                        en: q.groups.map { q.groupLabel($0).en }.joined(separator: ", "))),
                .integer(q.items.count),
            ] + (failures.isEmpty ? [] : [.empty])
        }
        for failure in failures {
            rows.append([
                .text(failure.id ?? "—"), .text(failure.file), .empty, .empty,
                ReportCell(.text(failure.error.placedMessage), fails: true),
            ])
        }
        var notes: [LocalizedText] = []
        if !failures.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "\(failures.count) 个问卷文件无法使用（见“问题”列），其余问卷照常可用。",
                    en: "\(failures.count) questionnaire files cannot be used (see Problem); the others work as usual.")
            )
        }
        var columns = [
            ReportColumn(key: "id", label: LocalizedText(zh: "编号", en: "Id")),
            ReportColumn(key: "title", label: LocalizedText(zh: "名称", en: "Title")),
            ReportColumn(key: "groups", label: LocalizedText(zh: "调查对象", en: "Groups")),
            ReportColumn(key: "items", label: LocalizedText(zh: "计分题", en: "Scored items"), format: .integer),
        ]
        if !failures.isEmpty {
            columns.append(ReportColumn(key: "problem", label: LocalizedText(zh: "问题", en: "Problem")))
        }
        return ReportTable(
            id: "surveys", title: LocalizedText(zh: "问卷", en: "Questionnaires"), columns: columns, rows: rows,
            notes: notes)
    }

    /// `junheng survey list --format json`: `{"questionnaires": [...], "failures": [{"file", "id", "error"}]}`.
    public func summary(language: Language) -> SurveyCatalogSummary {
        SurveyCatalogSummary(
            questionnaires: questionnaires.map { QuestionnaireSummary($0, language: language) },
            failures: failures.map {
                SurveyCatalogSummary.Failure(file: $0.file, id: $0.id, error: $0.error.rendered(in: language))
            })
    }
}

extension QuestionnaireError {
    /// `LINE:COLUMN: message` (the file is named in its own column), for a table cell.
    var placedMessage: LocalizedText {
        var place = ""
        if let line = location?.line { place = "\(line)" + (location?.column.map { ":\($0)" } ?? "") + ": " }
        return LocalizedText(zh: place + message.zh, en: place + message.en)
    }
}

/// The JSON of `junheng survey list --format json`.
public struct SurveyCatalogSummary: Encodable, Sendable {
    public struct Failure: Encodable, Sendable {
        public var file: String
        @ExplicitNull public var id: String?
        public var error: String
    }

    public var questionnaires: [QuestionnaireSummary]
    public var failures: [Failure]
}
