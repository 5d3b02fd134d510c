public import JunhengCore
public import JunhengIngest

extension NameSource {
    /// The names of a table whose columns hold them (a roster, monitoring results, a links list): the
    /// first header matching each list of names (compared without spaces) is read; a column the table
    /// lacks gives nothing.
    /// The names of `junheng links`' townships list: its township and school columns, as `LinkList` reads
    /// them.
    public static func linkList(_ table: CSVTable, label: LocalizedText, figures: LocalizedText) -> NameSource {
        NameSource.table(
            table, label: label, figures: figures, school: ["学校", "学校名称", "school"],
            township: ["乡镇", "乡镇(街道)", "乡镇（街道）", "乡镇街道", "township"])
    }

    /// Whether a header is a townships list's: a township column, optionally a school column, nothing else.
    public static func isLinkList(header: [String]) -> Bool {
        let names = Set(header.map { HandTypedText.compact($0) }.filter { !$0.isEmpty })
        let townships: Set<String> = ["乡镇", "乡镇(街道)", "乡镇街道", "township"]
        return !names.isDisjoint(with: townships)
            && names.isSubset(of: townships.union(["学校", "学校名称", "school"]))
    }

    public static func table(
        _ table: CSVTable, label: LocalizedText, figures: LocalizedText, listsEverySchool: Bool = false,
        school: [String], township: [String], code: [String] = [], type: [String] = []
    ) -> NameSource {
        func column(_ names: [String]) -> Int? {
            table.header.firstIndex { names.contains(HandTypedText.compact($0)) }
        }
        let schoolColumn = column(school)
        let townshipColumn = column(township)
        let codeColumn = column(code)
        let typeColumn = column(type)
        var collector = NameCollector()
        for record in table.records {
            func place(_ column: Int?) -> SourceLocation? {
                column.map { SourceLocation(file: table.file, line: record.line, column: $0 + 1) }
            }
            collector.add(
                school: schoolColumn.flatMap { record[column: $0] },
                township: townshipColumn.flatMap { record[column: $0] },
                code: codeColumn.flatMap { record[column: $0] },
                type: typeColumn.flatMap { record[column: $0] }.map { HandTypedText.cell($0) },
                schoolPlace: place(schoolColumn), townshipPlace: place(townshipColumn))
        }
        return NameSource(
            label: label, file: table.file, listsEverySchool: listsEverySchool, figures: figures,
            occurrences: collector.occurrences)
    }
}
