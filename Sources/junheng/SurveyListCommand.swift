import ArgumentParser
import JunhengCore
import JunhengQuestionnaire
import JunhengReports

/// `junheng survey list`: every questionnaire in the survey folder.
struct SurveyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出问卷 — list the questionnaires (id, title, respondent groups).")

    @OptionGroup var catalogOptions: SurveyCatalogOptions
    @Option(name: .long, help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("survey list writes --format table or json.")
        }
    }

    func run() throws {
        let questionnaires = try catalogOptions.catalog.list()
        if format == .json {
            print(try JSONOutput.encode(questionnaires.map(QuestionnaireSummary.init)))
            return
        }
        let table = ReportTable(
            id: "surveys", title: LocalizedText(zh: "问卷", en: "Questionnaires"),
            columns: [
                ReportColumn(key: "id", label: LocalizedText(zh: "编号", en: "Id")),
                ReportColumn(key: "title", label: LocalizedText(zh: "名称", en: "Title")),
                ReportColumn(key: "groups", label: LocalizedText(zh: "调查对象", en: "Groups")),
                ReportColumn(key: "items", label: LocalizedText(zh: "计分题", en: "Scored items"), format: .integer),
            ],
            rows: questionnaires.map { q in
                [.text(q.id), .label(q.title), .text(q.groups.joined(separator: "、")), .integer(q.items.count)]
            })
        print(TableRenderer(language: language.lang).terminal(table), terminator: "")
    }
}
