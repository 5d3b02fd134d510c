import Foundation
import JunhengCore

/// The messages of the workbook readers' bounds and of the .xls reader's own process.
extension IngestMessage {
    /// A damaged workbook, `detail` said in the language of the run.
    static func damagedWorkbook(_ detail: LocalizedText) -> LocalizedText {
        text(
            "工作簿已损坏或不是 Excel 能读的格式（\(detail.zh)）。请在 Excel 或 WPS 中打开并另存为 .xlsx，或从问卷星重新下载。",
            "The workbook is damaged or not in a format Excel reads (\(detail.en)). Open it in Excel or WPS "
                + "and save it again as .xlsx, or download it from 问卷星 again.")
    }

    /// A cell of a workbook over the field limit (the same as a CSV field's).
    static func workbookCellTooLong(limit: Int) -> LocalizedText {
        text(
            "此单元格的内容超过 \(mebibytes(limit))（Excel 一个单元格最多 32767 个字符）：这不像问卷星或 Excel 保存的工作簿。"
                + "请在 Excel 或 WPS 中检查此单元格，或从问卷星重新下载。",
            "This cell holds more than \(mebibytes(limit)) (an Excel cell holds at most 32,767 characters): this is "
                + "not a workbook 问卷星 or Excel saved. Check the cell in Excel or WPS, or download it from 问卷星 again.")
    }

    static func workbookRowTooLong(limit: Int) -> LocalizedText {
        text(
            "此行的内容超过 \(mebibytes(limit))：这不像问卷星或 Excel 保存的工作簿。请在 Excel 或 WPS 中检查此行，或从问卷星重新下载。",
            "This row holds more than \(mebibytes(limit)): this is not a workbook 问卷星 or Excel saved. Check the "
                + "row in Excel or WPS, or download it from 问卷星 again.")
    }

    static func workbookTooManyColumns(limit: Int) -> LocalizedText {
        text(
            "此行的单元格超过第 \(limit) 列。请在 Excel 或 WPS 中删去多余的列后重试。",
            "This row has a cell past column \(limit). Delete the extra columns in Excel or WPS, and run again.")
    }

    /// A part of an .xlsx package that would inflate beyond any real workbook's.
    static func partTooLarge(_ part: String, _ refusal: ZipInflationLimit.Refusal) -> LocalizedText {
        let advice = LocalizedText(
            zh: "这不是问卷星或 Excel 保存的工作簿（可能是故意做成的“压缩炸弹”），未读取。请从问卷星重新下载，或在 Excel 或 WPS 中打开并另存。",
            en: "This is not a workbook 问卷星 or Excel saved (it may be a \"zip bomb\" made on purpose) and was not "
                + "read. Download it from 问卷星 again, or open it in Excel or WPS and save it again.")
        switch refusal {
        case .tooLarge(let bytes):
            return text(
                "工作簿中的 \(part) 解压后有 \(megabytes(bytes))，超过任何真实工作簿（上限 \(megabytes(ZipInflationLimit.maximumBytes))）。",
                "The part \(part) would inflate to \(megabytes(bytes)), beyond any real workbook (at most "
                    + "\(megabytes(ZipInflationLimit.maximumBytes))). ") + advice
        case .ratio(let inflated, let compressed):
            let ratio = inflated / max(compressed, 1)
            return text(
                "工作簿中的 \(part) 只有 \(megabytes(compressed))，解压后却有 \(megabytes(inflated))（\(ratio) 倍），"
                    + "超过任何真实工作簿（至多 \(ZipInflationLimit.maximumRatio) 倍）。",
                "The part \(part) is \(megabytes(compressed)) but would inflate to \(megabytes(inflated)) (\(ratio) "
                    + "times), beyond any real workbook (at most \(ZipInflationLimit.maximumRatio) times). ") + advice
        }
    }

    static func sharedStringsTooLarge() -> LocalizedText {
        text(
            "工作簿的共享字符串表超过 \(mebibytes(XLSXSharedStrings.maximumBytes)) 或 \(XLSXSharedStrings.maximumCount) 条，"
                + "超过任何真实的问卷星导出。请确认选对了文件，或从问卷星重新下载。",
            "The workbook's shared strings hold more than \(mebibytes(XLSXSharedStrings.maximumBytes)) or "
                + "\(XLSXSharedStrings.maximumCount) strings, more than any real 问卷星 export. Check that this is the "
                + "right file, or download it from 问卷星 again.")
    }

    // MARK: - .xls workbooks libfreexl cannot read

    /// What junheng read itself of an .xls that libfreexl opened without reading: the sheet names its
    /// globals give, and that no FILEPASS record is among them (so it is not a password).
    static func unreadableGlobals(_ sheets: [String]) -> LocalizedText {
        if sheets.isEmpty {
            return text(
                "读不出任何工作表；文件中没有加密记录，不是密码的问题",
                "no sheet can be read; the file has no encryption record, so it is not a password")
        }
        return text(
            "读到工作表名 " + sheets.map { "“\($0)”" }.joined(separator: "、") + "，但读不出其中的数据；文件中没有加密记录，不是密码的问题",
            "the sheet names " + sheets.map { "\"\($0)\"" }.joined(separator: ", ")
                + " can be read but not their data; the file has no encryption record, so it is not a password")
    }

    static func unreadableCompoundFile(_ failure: XLSGlobals.Failure) -> LocalizedText {
        switch failure {
        case .compoundFile:
            text("文件的复合文档结构已损坏", "its compound-file structure is broken")
        case .noWorkbookStream:
            text("文件中没有工作簿数据流", "the file holds no workbook stream")
        }
    }

    // MARK: - The .xls reader process

    /// The .xls reader process crashed: a damaged workbook can make libfreexl fail that way.
    static func readerCrashed(signal: Int32) -> LocalizedText {
        text("读取 .xls 的子进程在读这个文件时崩溃（信号 \(signal)）", "the .xls reader crashed on it (signal \(signal))")
    }

    static func readerStopped(status: Int32) -> LocalizedText {
        text("读取 .xls 的子进程在读这个文件时中途退出（状态 \(status)）", "the .xls reader stopped on it (exit status \(status))")
    }

    static func readerSilent(seconds: Int) -> LocalizedText {
        text(
            "读取 .xls 的子进程 \(seconds) 秒内没有回应，已被终止", "the .xls reader did not answer within \(seconds) s and was stopped")
    }

    static func readerOverMemory(limit: Int) -> LocalizedText {
        text(
            "读取 .xls 的子进程读这个文件所需的内存超过 \(mebibytes(limit))，已被终止",
            "the .xls reader needed more than \(mebibytes(limit)) of memory for it and was stopped")
    }

    static func readerMalformed() -> LocalizedText {
        text("读取 .xls 的子进程的回答无法识别", "the .xls reader's answer is malformed")
    }

    /// The .xls reader could not be started: not the workbook's fault.
    static func readerUnavailable(_ reason: String) -> LocalizedText {
        text(
            "无法启动读取 .xls 的子进程（\(reason)），所以读不了 .xls 工作簿。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后重试。",
            "The .xls reader cannot be started (\(reason)), so .xls workbooks cannot be read. Save the workbook as "
                + ".xlsx or CSV in Excel or WPS, and run again.")
    }

    /// `1.5 MB`, `2 GiB`: a size for a message.
    static func megabytes(_ bytes: UInt64) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / 1e6) }
        return String(format: "%.0f KB", (Double(bytes) / 1e3).rounded(.up))
    }
}
