public import JunhengCore

/// The terminal text of a ``CSVInspection``, in Chinese or English.
public struct InspectionText: Sendable {
    public var language: Language

    public init(language: Language = .zh) {
        self.language = language
    }

    private func t(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en).text(language) }

    public func render(_ inspection: CSVInspection) -> String {
        var out = ""
        func row(_ label: String, _ value: String) { out += "\(label): \(value)\n" }
        row(t("文件", "file"), inspection.file)
        if inspection.format == "csv" {
            row(t("类型", "kind"), "CSV")
            row(t("编码", "encoding"), inspection.encoding ?? "-")
            let delimiterName: String
            switch inspection.delimiter {
            case ",": delimiterName = t("逗号 (,)", "comma (,)")
            case ";": delimiterName = t("分号 (;)", "semicolon (;)")
            case "\t": delimiterName = t("制表符 (Tab)", "tab")
            case "|": delimiterName = t("竖线 (|)", "pipe (|)")
            default: delimiterName = "-"
            }
            row(t("分隔符", "delimiter"), delimiterName)
        } else {
            row(t("类型", "kind"), t("Excel 工作簿", "Excel workbook") + " (.\(inspection.format))")
            row(t("读取的工作表", "sheet read"), inspection.sheet ?? "-")
            if inspection.sheets.count > 1 {
                let others = inspection.sheets.map { t("“\($0)”", "\"\($0)\"") }
                row(
                    t("全部工作表", "sheets"),
                    others.joined(separator: t("、", ", ")) + t("（用 --sheet 选择）", " (choose with --sheet)"))
            }
        }
        row(t("列数", "columns"), String(inspection.columns.count))
        if let headerLine = inspection.headerLine { row(t("表头所在行", "header line"), String(headerLine)) }
        row(t("数据行数", "data rows"), String(inspection.rows))
        if !inspection.skipped.isEmpty {
            let reasons = inspection.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            row(
                t("跳过的行", "rows skipped"),
                "\(inspection.skipped.values.reduce(0, +)) (\(reasons.joined(separator: ", ")))")
        }
        row(t("物理行数", "physical lines"), String(inspection.lines))
        if !inspection.columns.isEmpty {
            out += t("列名", "column names") + ":\n"
            for (index, name) in inspection.columns.enumerated() { out += "  \(index + 1). \(name)\n" }
        }
        if inspection.problems.isEmpty {
            out += t("未发现问题。", "No problems found.") + "\n"
        } else {
            let total = inspection.problemCounts.values.reduce(0, +)
            out += t("问题", "problems") + " (\(total)):\n"
            let file = inspection.sheet.map { "\(inspection.file)[\($0)]" } ?? inspection.file
            for problem in inspection.problems {
                var place = file
                if let line = problem.line { place += ":\(line)" }
                if let column = problem.column { place += ":\(column)" }
                out += "  \(place): \(problem.fatal ? t("错误", "error") : t("提示", "warning")) [\(problem.kind)] "
                out += problem.message.text(language) + "\n"
            }
            var listed: [String: Int] = [:]
            for problem in inspection.problems { listed[problem.kind, default: 0] += 1 }
            for (kind, count) in inspection.problemCounts.sorted(by: { $0.key < $1.key }) {
                let omitted = count - (listed[kind] ?? 0)
                guard omitted > 0, let kind = IngestProblem.Kind(rawValue: kind) else { continue }
                out += "  " + IngestMessage.omitted(omitted, of: kind).text(language) + "\n"
            }
        }
        return out
    }
}
