public import JunhengCollection
import JunhengCore
public import JunhengIngest
public import JunhengQuestionnaire

/// The townships and schools a county hands links to, read from a CSV file (`junheng links --townships
/// FILE`): a header row with `乡镇` (or `乡镇（街道）`, `township`) and optionally `学校` (`学校名称`,
/// `school`), then one row per link. A row with a township and no school gives a township link.
///
/// Each value is checked against the questionnaire: it must have a township (school) question, and where
/// that question is a single choice, the value must be one of its options.
public struct LinkList: Sendable, Hashable {
    /// One link to print, with the line it came from.
    public struct Entry: Sendable, Hashable {
        public var answers: LinkAnswers
        public var line: Int

        public init(answers: LinkAnswers, line: Int) {
            self.answers = answers
            self.line = line
        }
    }

    public var entries: [Entry]
    /// Blank rows skipped (counted, never silently).
    public var blankRows: Int

    public init(entries: [Entry], blankRows: Int = 0) {
        self.entries = entries
        self.blankRows = blankRows
    }

    static let townshipHeaders: Set<String> = ["乡镇", "乡镇(街道)", "乡镇街道", "township"]
    static let schoolHeaders: Set<String> = ["学校", "学校名称", "school"]

    /// Reads and checks the list at `path` for `survey`.
    ///
    /// - Throws: ``IngestError`` for a file that cannot be read; ``LinkError`` naming file, line and column
    ///   for a missing column, a repeated link or a value the questionnaire does not accept.
    ///
    /// - Parameter county: the county every link is signed for (``LinkAnswers/county``), when one store holds
    ///   several counties' responses.
    public static func load(
        path: String, survey: Questionnaire, readOptions: CSVReadOptions = CSVReadOptions(), county: String? = nil
    ) throws -> LinkList {
        var townshipColumn: Int?
        var schoolColumn: Int?
        var headerLine = 1
        var entries: [Entry] = []
        var blank = 0
        var seen: [LinkAnswers: Int] = [:]
        let townshipQuestion = survey.question(role: .township)
        let schoolQuestion = survey.question(role: .school)

        func fail(_ line: Int, _ column: Int?, _ zh: String, _ en: String) -> LinkError {
            LinkError(
                location: SourceLocation(file: path, line: line, column: column.map { $0 + 1 }),
                message: LocalizedText(zh: zh, en: en))
        }

        func check(_ value: String, _ question: Question?, role: String, line: Int, column: Int) throws(LinkError) {
            guard let question else {
                throw fail(
                    line, column, "问卷 \(survey.id) 没有\(role)题，不能按\(role)发放链接；请删去此列。",
                    "questionnaire \(survey.id) has no \(role == "乡镇" ? "township" : "school") question; remove this column."
                )
            }
            if question.type != .text, !question.options.contains(where: { $0.text == value }) {
                throw fail(
                    line, column, "“\(value)”不是第 \(question.number) 题的选项（\(survey.source)）；请与问卷中的写法一致。",
                    "“\(value)” is not an option of question \(question.number) (\(survey.source)); spell it as the questionnaire does."
                )
            }
        }

        _ = try CSVFile(path: path, options: readOptions).read(
            header: { names, line in
                headerLine = line
                for (index, name) in names.enumerated() {
                    let key = HandTypedText.compact(name).lowercased()
                    if townshipHeaders.contains(key) { townshipColumn = index }
                    if schoolHeaders.contains(key) { schoolColumn = index }
                }
                guard townshipColumn != nil || schoolColumn != nil else {
                    throw fail(
                        line, nil, "第一行应有“乡镇”列（可再加“学校”列），每行一个链接。",
                        "the first row needs a 乡镇 (township) column, and may have a 学校 (school) column; one link a row."
                    )
                }
            },
            row: { record in
                let township = townshipColumn.flatMap { record[column: $0] }.map(HandTypedText.cell) ?? ""
                let school = schoolColumn.flatMap { record[column: $0] }.map(HandTypedText.cell) ?? ""
                if township.isEmpty && school.isEmpty {
                    blank += 1
                    return
                }
                if !township.isEmpty, let column = townshipColumn {
                    try check(township, townshipQuestion, role: "乡镇", line: record.line, column: column)
                }
                if !school.isEmpty, let column = schoolColumn {
                    try check(school, schoolQuestion, role: "学校", line: record.line, column: column)
                }
                let answers = LinkAnswers(
                    township: township.isEmpty ? nil : township, school: school.isEmpty ? nil : school, county: county)
                if let first = seen[answers] {
                    throw fail(
                        record.line, nil, "与第 \(first) 行的链接相同；请删去重复的一行。",
                        "the same link as line \(first); remove the repeated row.")
                }
                seen[answers] = record.line
                entries.append(Entry(answers: answers, line: record.line))
            })
        guard !entries.isEmpty else {
            throw fail(headerLine, nil, "文件中没有乡镇或学校。", "the file lists no township or school.")
        }
        return LinkList(entries: entries, blankRows: blank)
    }
}
