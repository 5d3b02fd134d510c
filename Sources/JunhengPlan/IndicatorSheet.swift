import JunhengCore
public import JunhengIngest

/// 县级指标填报表: the county indicator sheet, a CSV with the header
/// `指标代码, 分子, 分母, 数值, 结论, 佐证材料, 说明` and one row per requirement (or part: `C31-1`).
///
/// Reading only sorts the rows out; what each row means for its requirement (a rate, a judgement with
/// evidence) is decided against the plan by ``SheetReading``. Rows without a code and columns the sheet
/// does not know are kept as ``issues``; a header without the seven columns is an error.
public struct IndicatorSheet: Sendable, Hashable {
    /// The columns, in the template's order.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        case code = "指标代码"
        case numerator = "分子"
        case denominator = "分母"
        case value = "数值"
        case conclusion = "结论"
        case evidence = "佐证材料"
        case note = "说明"
    }

    public var file: String
    public var rows: [SheetRow]
    public var issues: [SheetIssue]

    public init(file: String, rows: [SheetRow], issues: [SheetIssue] = []) {
        self.file = file
        self.rows = rows
        self.issues = issues
    }

    /// Whether a CSV header is an indicator sheet's: it has 指标代码 and 结论 (the data folder's test).
    public static func recognises(header: [String]) -> Bool {
        let names = Set(header.map { HandTypedText.compact($0) })
        return names.contains(Column.code.rawValue) && names.contains(Column.conclusion.rawValue)
    }

    /// Reads the sheet at `path` (any encoding the CSV reader detects).
    /// - Throws: the ingest layer's error when the file cannot be read, ``IndicatorSheetError`` when the
    ///   header lacks a column.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> IndicatorSheet {
        try IndicatorSheet(table: CSVTable.read(path: path, options: options))
    }

    /// Sorts out a sheet already read.
    public init(table: CSVTable) throws(IndicatorSheetError) {
        var positions: [Column: Int] = [:]
        var issues: [SheetIssue] = []
        for (index, name) in table.header.enumerated() {
            let cleaned = HandTypedText.compact(name)
            if let column = Column(rawValue: cleaned) {
                if positions[column] == nil {
                    positions[column] = index
                } else {
                    issues.append(
                        SheetIssue(
                            location: SourceLocation(file: table.file, line: table.headerLine, column: index + 1),
                            message: LocalizedText(
                                zh: "列“\(cleaned)”重复，只读取第一列。",
                                en: "The column \(cleaned) appears twice: only the first is read.")))
                }
            } else if !cleaned.isEmpty {
                issues.append(
                    SheetIssue(
                        location: SourceLocation(file: table.file, line: table.headerLine, column: index + 1),
                        message: LocalizedText(zh: "未知列“\(cleaned)”，已忽略。", en: "Unknown column \(cleaned), ignored.")))
            }
        }
        let missing = Column.allCases.filter { positions[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map(\.rawValue).joined(separator: "、")
            throw IndicatorSheetError(
                location: SourceLocation(file: table.file, line: table.headerLine),
                message: LocalizedText(
                    zh: "指标填报表缺少列：\(names)。请按模板加上这些列（可以留空）。",
                    en:
                        "The indicator sheet lacks the columns \(names): add them as in the template (they may stay empty)."
                ))
        }
        for problem in table.problems {
            issues.append(SheetIssue(location: problem.location, message: problem.message))
        }
        var rows: [SheetRow] = []
        for record in table.records {
            var cells: [Column: String] = [:]
            // Cells are only trimmed: 佐证材料 names files whose names may hold full-width characters; codes,
            // numbers and 结论 are cleaned where they are read.
            for (column, index) in positions { cells[column] = PlanReader.trimmed(record[column: index] ?? "") }
            let oneBased = positions.mapValues { $0 + 1 }
            let row = SheetRow(
                code: SheetRow.normalizedCode(cells[.code] ?? ""), file: table.file, line: record.line, cells: cells,
                positions: oneBased)
            if row.code.isEmpty {
                if Column.allCases.contains(where: { !row[$0].isEmpty }) {
                    issues.append(
                        SheetIssue(
                            location: row.location(.code),
                            message: LocalizedText(
                                zh: "此行没有指标代码，未使用；请填写如 C36 或 C31-1。",
                                en:
                                    "This row has no \(SheetWords.code) and is not used: write a code such as C36 or C31-1."
                            )))
                }
                continue
            }
            rows.append(row)
        }
        self.init(file: table.file, rows: rows, issues: issues)
    }
}

/// The sheet's own words as an English message quotes them: the column headers and the 结论 values the
/// county types, marked as names (``ProperName``), since the county must type them as they are.
enum SheetWords {
    static let code = ProperName.mark("指标代码")
    static let numerator = ProperName.mark("分子")
    static let denominator = ProperName.mark("分母")
    static let value = ProperName.mark("数值")
    static let conclusion = ProperName.mark("结论")
    static let evidence = ProperName.mark("佐证材料")
    static let note = ProperName.mark("说明")
    static let met = ProperName.mark("达标")
    static let failed = ProperName.mark("未达标")
}
