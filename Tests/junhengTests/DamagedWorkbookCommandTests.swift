import Foundation
import Testing

/// A damaged .xls through the program itself (issue 22): libfreexl runs in junheng's own child process
/// (the hidden `read-xls-child` subcommand), so the file is refused with its name and exit 1, in the
/// language asked for, where the whole run used to die (SIGSEGV, exit 139).
@Suite struct DamagedWorkbookCommandTests {
    /// The real 问卷星 .xls with byte 35,272 set to 0xFE (it crashed libfreexl in `freexl_open`).
    static func damagedExport() throws -> String {
        var bytes = [UInt8](
            try Data(
                contentsOf: URL(
                    fileURLWithPath: JunhengBinary.root + "/Tests/JunhengQuestionnaireTests/Fixtures/wjx800_text.xls")))
        bytes[35_272] = 0xFE
        let folder = NSTemporaryDirectory() + "junheng-damaged-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/问卷星下载.xls"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aDamagedXLSIsRefusedWithItsName() throws {
        let path = try Self.damagedExport()
        let chinese = try JunhengBinary.run(["inspect", path])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.hasPrefix("junheng: \(path): 工作簿已损坏或不是 Excel 能读的格式（"), "\(chinese.stderr)")
        let english = try JunhengBinary.run(["inspect", path, "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.stderr.hasPrefix("junheng: \(path): The workbook is damaged or not in a format Excel reads ("))
    }

    /// The hidden subcommand is not in the help.
    @Test func theReaderSubcommandIsHidden() throws {
        let help = try JunhengBinary.run(["--help"])
        #expect(!help.stdout.contains("read-xls-child"))
    }
}
