import Foundation
import JunhengCore
import JunhengReports
import SampleReport
import Testing

@testable import JunhengWorkbook

@Suite struct WorkbookWriterTests {
    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("junheng-workbook-tests-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// One member of the .xlsx zip, read with `unzip -p` (Debian's unzip; the test fails if it is missing).
    static func member(_ path: String, _ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func writes_a_zip_and_the_same_bytes_twice() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = SampleDocument.make()
        try WorkbookWriter().write(document, to: folder + "/a.xlsx")
        // More than a second apart, so a clock-based time anywhere in the file would differ.
        try await Task.sleep(for: .milliseconds(1100))
        try WorkbookWriter().write(SampleDocument.make(), to: folder + "/b.xlsx")
        let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.xlsx"))
        let second = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.xlsx"))
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // "PK\u{3}\u{4}": a zip archive
        #expect(first.count > 5000)
        #expect(first == second)
        // The fixed creation time, 1 704 067 200 s after 1970 = 2024-01-01 00:00:00 UTC.
        let core = try Self.member(folder + "/a.xlsx", "docProps/core.xml")
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:created>"))
    }

    @Test func has_a_summary_sheet_then_one_sheet_per_table() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = SampleDocument.make()
        try WorkbookWriter().write(document, to: folder + "/r.xlsx")
        let workbook = try Self.member(folder + "/r.xlsx", "xl/workbook.xml")
        let names = workbook.matches(of: #/<sheet name="([^"]*)"/#).map { String($0.1) }
        #expect(names == ["总览"] + document.sections.flatMap(\.tables).map(\.title.zh))

        try WorkbookWriter().write(document, to: folder + "/en.xlsx", language: .en)
        let english = try Self.member(folder + "/en.xlsx", "xl/workbook.xml")
        #expect(english.contains("<sheet name=\"Summary\""))
    }

    @Test func freezes_the_header_formats_numbers_and_fills_failing_cells() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try WorkbookWriter().write(SampleDocument.make(), to: folder + "/r.xlsx")
        let sheet = try Self.member(folder + "/r.xlsx", "xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A2:E16\"/>"))  // header row 2, 14 data rows
        // Numbers are numbers: the first CV, 0.287, unrounded.
        #expect(sheet.contains("<v>0.287</v>"))
        let styles = try Self.member(folder + "/r.xlsx", "xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.000\""))
        #expect(styles.contains("formatCode=\"0.0%\""))
        #expect(styles.contains("<fgColor rgb=\"FFFFC7CE\"/>"))
        let strings = try Self.member(folder + "/r.xlsx", "xl/sharedStrings.xml")
        #expect(strings.contains("<t>达标</t>"))
        #expect(strings.contains("<t>未达标</t>"))
        #expect(strings.contains("<t>县教育局、县自然资源和规划局、县发展改革委、县财政局、各乡镇(街道)</t>"))
    }

    @Test func text_that_looks_like_a_formula_stays_text() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = ReportTable(
            id: "t", title: LocalizedText(verbatim: "T"),
            columns: [ReportColumn(key: "a", label: LocalizedText(verbatim: "A"))],
            rows: [
                [.text("=1+1")], [.text("@SUM(A1:A2)")], [.text("+cmd|' /C calc'!A0")], [.text("<script>x</script>")],
            ])
        let document = ReportDocument(
            title: LocalizedText(verbatim: "D"),
            sections: [ReportSection(id: "s", title: LocalizedText(verbatim: "S"), tables: [table])])
        try WorkbookWriter().write(document, to: folder + "/f.xlsx")
        let sheet = try Self.member(folder + "/f.xlsx", "xl/worksheets/sheet2.xml")
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains("t=\"s\""))
        let strings = try Self.member(folder + "/f.xlsx", "xl/sharedStrings.xml")
        #expect(strings.contains("<t>=1+1</t>"))
        #expect(strings.contains("<t>@SUM(A1:A2)</t>"))
        #expect(strings.contains("&lt;script&gt;x&lt;/script&gt;"))
    }

    @Test func a_missing_folder_is_a_user_facing_error() throws {
        let path = "/nonexistent-junheng-folder/report.xlsx"
        let error = try #require(throws: WorkbookError.self) {
            try WorkbookWriter().write(SampleDocument.make(), to: path)
        }
        #expect(error.location == SourceLocation(file: path))
        #expect(error.message.zh == "文件夹“/nonexistent-junheng-folder”不存在。请先创建它，或换一个已有的输出文件夹。")
        #expect(error.description.hasPrefix(path + ": "))
        let english = try #require(throws: WorkbookError.self) {
            try WorkbookWriter().write(SampleDocument.make(), to: path, language: .en)
        }
        #expect(
            english.message.en
                == "the folder /nonexistent-junheng-folder does not exist. Create it first, or choose an existing output folder."
        )
    }

    @Test func a_folder_in_the_way_is_a_user_facing_error() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/taken.xlsx", withIntermediateDirectories: true)
        let error = try #require(throws: WorkbookError.self) {
            try WorkbookWriter().write(SampleDocument.make(), to: folder + "/taken.xlsx", language: .en)
        }
        #expect(error.location?.file == folder + "/taken.xlsx")
        #expect(
            error.message.en
                == "a folder of that name is in the way of the Excel file. Choose another name or output folder.")
    }

    @Test func libxlsxwriter_errors_carry_its_words_and_advice() {
        // 2 = LXW_ERROR_CREATING_XLSX_FILE in libxlsxwriter 1.1.4's common.h.
        let error = WorkbookWriter.error(rawCode: 2, path: "out/report.xlsx")
        #expect(error.location == SourceLocation(file: "out/report.xlsx"))
        #expect(error.code == 2)
        #expect(
            error.message.en
                == "could not write the Excel workbook (libxlsxwriter: Error creating output xlsx file. Usually a "
                + "permissions error). Check that the folder is writable, the disk is not full, and the file is not "
                + "open in Excel or WPS (an open file is locked).")
        let chinese = error
        #expect(chinese.message.zh.hasPrefix("无法写出 Excel 工作簿（libxlsxwriter：Error creating output xlsx file."))
        #expect(chinese.description.hasPrefix("out/report.xlsx: 无法写出"))
    }

    @Test func number_format_codes() {
        #expect(SheetWriter.numberFormatCode(.text) == nil)
        #expect(SheetWriter.numberFormatCode(.integer) == "0")
        #expect(SheetWriter.numberFormatCode(.decimal(0)) == "0")
        #expect(SheetWriter.numberFormatCode(.decimal(2)) == "0.00")
        #expect(SheetWriter.numberFormatCode(.percent(1)) == "0.0%")
        #expect(SheetWriter.numberFormatCode(.percent(0)) == "0%")
    }

    @Test func cell_text_drops_control_characters_and_fits_excel() {
        #expect(SheetWriter.cellText("a\u{0}b\r\nc\td") == "a b\nc\td")
        #expect(SheetWriter.cellText(String(repeating: "x", count: 40_000)).count == 32_767)
    }
}

extension WorkbookWriterTests {
    /// Writes the sample workbook where the render check can find it: `$JUNHENG_RENDER_OUT` if set, else a
    /// temporary folder (then scripts/xlsx-check.sh can be run on it).
    @Test func writesTheSampleWorkbookForTheRenderCheck() throws {
        let folder =
            ProcessInfo.processInfo.environment["JUNHENG_RENDER_OUT"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("junheng-render-check").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for language in Language.allCases {
            let path = folder + "/report-\(language.rawValue).xlsx"
            try WorkbookWriter().write(SampleDocument.make(), to: path, language: language)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}

/// Issue 9, case 8, in the workbook: the number stays unrounded, and its cell's format has the digits its
/// verdict needs (0.45004 against ≤ 0.45 in a 0.0000 column: format 0.00000, not 0.0000 which shows 0.4500).
@Suite struct WorkbookThresholdDigitsTests {
    @Test func aCellNearItsBarGetsAWiderNumberFormat() throws {
        let folder = try WorkbookWriterTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = ReportTable(
            id: "cv", title: LocalizedText(zh: "差异系数", en: "CV"),
            columns: [
                ReportColumn(key: "name", label: LocalizedText(zh: "指标", en: "Indicator")),
                ReportColumn(key: "cv", label: LocalizedText(zh: "差异系数", en: "CV"), format: .decimal(4)),
            ],
            rows: [
                [.text("B4"), .number(0.45004, fails: true, threshold: ReportThreshold(.atMost, 0.45))],
                [.text("B5"), .number(0.30001, fails: false, threshold: ReportThreshold(.atMost, 0.45))],
            ])
        let document = ReportDocument(
            title: LocalizedText(zh: "测试", en: "Test"),
            sections: [ReportSection(id: "s", title: LocalizedText(zh: "节", en: "Section"), tables: [table])])
        try WorkbookWriter().write(document, to: folder + "/t.xlsx")
        let styles = try WorkbookWriterTests.member(folder + "/t.xlsx", "xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.00000\""))
        #expect(styles.contains("formatCode=\"0.0000\""))
        let sheet = try WorkbookWriterTests.member(folder + "/t.xlsx", "xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<v>0.45004</v>"))
    }
}
