import Foundation
import JunhengCore
import JunhengIngest

/// Finds the named columns of a monitoring CSV, accepting a few spellings of each header.
struct MonitoringColumns {
    struct Column {
        var name: String
        var aliases: [String]
        var required: Bool
    }

    let table: CSVTable
    private(set) var indices: [String: Int] = [:]

    /// Matches headers after trimming spaces and turning full-width characters into ASCII.
    init(table: CSVTable, columns: [Column]) throws(MonitoringInputError) {
        self.table = table
        let header = table.header.map { Self.key($0) }
        var missing: [String] = []
        for column in columns {
            let names = ([column.name] + column.aliases).map(Self.key)
            if let index = header.firstIndex(where: { names.contains($0) }) {
                indices[column.name] = index
            } else if column.required {
                missing.append(column.name)
            }
        }
        if !missing.isEmpty {
            let names = missing.joined(separator: ", ")
            let header = table.header.joined(separator: ", ")
            throw MonitoringInputError(
                location: SourceLocation(file: table.file, line: table.headerLine),
                message: LocalizedText(
                    zh: "缺少必需的列：\(names)。表头现为：\(header)",
                    en: "required columns are missing: \(names). The header is: \(header)"))
        }
    }

    static func key(_ header: String) -> String {
        HandTypedText.compact(header).replacingOccurrences(of: "III", with: "Ⅲ")
    }

    static func has(_ table: CSVTable, _ names: [String]) -> Bool {
        let header = Set(table.header.map(key))
        return names.allSatisfy { header.contains(key($0)) }
    }

    func index(_ name: String) -> Int? { indices[name] }

    /// The trimmed cell of a named column, or `""` when the column is absent.
    func cell(_ record: CSVRecord, _ name: String) -> String {
        guard let index = indices[name] else { return "" }
        return HandTypedText.cell(record[column: index] ?? "")
    }

    /// An error at a record's line and a named column (1-based, as Excel counts).
    func error(_ record: CSVRecord, _ name: String, _ message: LocalizedText) -> MonitoringInputError {
        MonitoringInputError(
            location: SourceLocation(file: table.file, line: record.line, column: indices[name].map { $0 + 1 }),
            message: message)
    }

    /// Rows the reader had to skip because they have too few or too many fields: data lost, so an error.
    func raggedRows() -> [MonitoringInputError] {
        table.problems.filter { $0.kind == .raggedRow }.map {
            MonitoringInputError(
                location: $0.location,
                message: $0.message
                    + LocalizedText(
                        zh: "（这一行的列数与表头不一致，请补齐或删去多余的逗号）",
                        en: " (this row's fields do not match the header: fill them in or remove the extra commas)"))
        }
    }
}

extension MonitoringColumns {
    /// The year, grade and subject every monitoring row starts with; each bad one is added to `problems`
    /// with its line and column.
    func yearGradeSubject(_ record: CSVRecord, exampleYear: Int, problems: inout [MonitoringInputError]) -> (
        year: Int?, grade: MonitoringGrade?, subject: String
    ) {
        let yearText = cell(record, "年份")
        let year = MonitoringYear.parse(yearText)
        if year == nil {
            problems.append(
                error(
                    record, "年份",
                    LocalizedText(
                        zh: "年份应为四位数的年份，如 \(exampleYear)；现为“\(yearText)”",
                        en: "年份 must be a four-digit year such as \(exampleYear), not \"\(yearText)\"")))
        }
        let gradeText = cell(record, "年级")
        let grade = MonitoringGrade(text: gradeText)
        if grade == nil {
            problems.append(
                error(
                    record, "年级",
                    LocalizedText(
                        zh: "年级应为 4 或 8（或 四年级/八年级）；现为“\(gradeText)”",
                        en: "年级 (grade) must be 4 or 8 (or 四年级/八年级), not \"\(gradeText)\"")))
        }
        let subject = MonitoringSubject.canonical(cell(record, "学科"))
        if subject.isEmpty {
            problems.append(
                error(
                    record, "学科",
                    LocalizedText(
                        zh: "学科为空，请填写如 数学、体育与健康", en: "学科 (subject) is empty; fill in e.g. 数学 or 体育与健康")))
        }
        return (year, grade, subject)
    }
}
