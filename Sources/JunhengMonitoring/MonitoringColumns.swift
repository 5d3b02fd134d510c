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
            throw MonitoringInputError(
                location: SourceLocation(file: table.file, line: table.headerLine),
                message: "缺少必需的列 (missing required columns): \(missing.joined(separator: ", "))。"
                    + "表头现为: \(table.header.joined(separator: ", "))。")
        }
    }

    static func key(_ header: String) -> String {
        TextCleaning.normalize(header).replacingOccurrences(of: " ", with: "").replacingOccurrences(
            of: "III", with: "Ⅲ")
    }

    static func has(_ table: CSVTable, _ names: [String]) -> Bool {
        let header = Set(table.header.map(key))
        return names.allSatisfy { header.contains(key($0)) }
    }

    func index(_ name: String) -> Int? { indices[name] }

    /// The trimmed cell of a named column, or `""` when the column is absent.
    func cell(_ record: CSVRecord, _ name: String) -> String {
        guard let index = indices[name] else { return "" }
        return TextCleaning.normalize(record[column: index] ?? "")
    }

    /// An error at a record's line and a named column (1-based, as Excel counts).
    func error(_ record: CSVRecord, _ name: String, _ message: String) -> MonitoringInputError {
        MonitoringInputError(
            location: SourceLocation(file: table.file, line: record.line, column: indices[name].map { $0 + 1 }),
            message: message)
    }

    /// Rows the reader had to skip because they have too few or too many fields: data lost, so an error.
    func raggedRows() -> [MonitoringInputError] {
        table.problems.filter { $0.kind == .raggedRow }.map {
            MonitoringInputError(location: $0.location, message: $0.message + " (这一行的列数与表头不一致, 请补齐或删去多余的逗号。)")
        }
    }
}
