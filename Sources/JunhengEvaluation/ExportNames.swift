import JunhengCollection
import JunhengCore
import JunhengIngest
import JunhengQuestionnaire
import JunhengRegistry

/// The township and school answers of a questionnaire's exports and collected responses, as
/// ``NameSource``s for the registry check: each distinct answer at its first place, with its rows.
enum ExportNames {
    /// The skip markers of 问卷星 downloads: not a name.
    static let skips: Set<String> = ["(跳过)", "（跳过）", "-3", "-2", "(空)", "（空）"]

    /// The township and school question of a questionnaire (by role), if it asks them.
    static func questions(_ survey: Questionnaire) -> (township: Int?, school: Int?) {
        (
            survey.questions.firstIndex { $0.role == .township },
            survey.questions.firstIndex { $0.role == .school }
        )
    }

    /// An answer as a name: the option's text for an option number of a choice question (按选项序号), the
    /// typed text otherwise; `nil` for a skip.
    static func name(_ cell: String, question: Question) -> String? {
        let text = HandTypedText.cell(cell)
        guard !text.isEmpty, !skips.contains(text) else { return nil }
        if !question.options.isEmpty, let number = Int(text),
            let index = question.optionNumbers.firstIndex(of: number)
        {
            return question.options[index].text
        }
        return text
    }

    /// The names one export gives; `nil` when the questionnaire asks neither township nor school, or the
    /// export has neither column.
    static func source(path: String, survey: Questionnaire, label: LocalizedText, figures: LocalizedText) throws
        -> NameSource?
    {
        let (townshipQuestion, schoolQuestion) = questions(survey)
        guard townshipQuestion != nil || schoolQuestion != nil else { return nil }
        var townshipColumn: Int?
        var schoolColumn: Int?
        var collector = NameCollector()
        _ = try CSVFile(path: path).read(
            header: { header, _ in
                for column in WjxColumnMapping.map(header: header, survey: survey).columns {
                    guard case .answer(let question) = column.assignment else { continue }
                    if question == townshipQuestion { townshipColumn = column.index }
                    if question == schoolQuestion { schoolColumn = column.index }
                }
            },
            row: { record in
                func place(_ column: Int?) -> SourceLocation? {
                    column.map { SourceLocation(file: path, line: record.line, column: $0 + 1) }
                }
                let township = townshipColumn.flatMap { column in
                    record[column: column].flatMap { name($0, question: survey.questions[townshipQuestion!]) }
                }
                let school = schoolColumn.flatMap { column in
                    record[column: column].flatMap { name($0, question: survey.questions[schoolQuestion!]) }
                }
                collector.add(
                    school: school, township: township, schoolPlace: place(schoolColumn),
                    townshipPlace: place(townshipColumn))
            })
        guard townshipColumn != nil || schoolColumn != nil else { return nil }
        return NameSource(label: label, file: path, figures: figures, occurrences: collector.occurrences)
    }

    /// The names of collected responses: the link's township and school, else the typed answers. A
    /// response's place is `STORE[survey]:ID`.
    static func source(
        responses: [CollectedResponse], file: String, survey: Questionnaire, label: LocalizedText,
        figures: LocalizedText
    ) -> NameSource? {
        let (townshipQuestion, schoolQuestion) = questions(survey)
        guard townshipQuestion != nil || schoolQuestion != nil else { return nil }
        var collector = NameCollector()
        for response in responses {
            let place = SourceLocation(file: file, line: response.id.map { Int($0) })
            let township =
                response.link.township
                ?? townshipQuestion.flatMap { response.answers[survey.questions[$0].id].first }
            let school =
                response.link.school ?? schoolQuestion.flatMap { response.answers[survey.questions[$0].id].first }
            collector.add(school: school, township: township, schoolPlace: place, townshipPlace: place)
        }
        return NameSource(label: label, file: file, figures: figures, occurrences: collector.occurrences)
    }
}
