import JunhengIngest

/// Builds an in-memory CSV table: the header on line 1, each row on the next line.
func table(_ header: [String], _ rows: [[String]], file: String = "test.csv") -> CSVTable {
    CSVTable(
        file: file, header: header,
        records: rows.enumerated().map { CSVRecord(line: $0.offset + 2, fields: $0.element) })
}

let studentHeader = ["年份", "年级", "学科", "学校名称", "学生编号", "得分"]

/// Student rows for one year, grade and subject: (school, score) pairs, numbered in order.
func studentRows(year: String = "2024", grade: String = "4", subject: String = "数学", _ scores: [(String, String)])
    -> [[String]]
{
    scores.enumerated().map { index, pair in [year, grade, subject, pair.0, "S\(index + 1)", pair.1] }
}
