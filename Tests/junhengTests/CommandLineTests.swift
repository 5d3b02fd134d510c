import Foundation
import Testing

/// The command line as a user meets it: the built binary, its exit status, and its words.
@Suite struct CommandLineTests {
    func run(_ arguments: [String]) throws -> JunhengBinary.Output {
        try JunhengBinary.run(arguments)
    }

    let fixtures = "Tests/JunhengIngestTests/Fixtures/"

    @Test func unterminatedQuoteExitsNonZeroNamingFileAndLine() throws {
        let output = try Snapshot.expect(
            "inspect-unterminated-quote-json", ["inspect", fixtures + "unterminated-quote.csv", "--format", "json"])
        #expect(output.status == 1)
    }

    @Test func inspectJSONOfATranscodedFile() throws {
        let output = try Snapshot.expect(
            "inspect-gb18030-json", ["inspect", fixtures + "gb18030.csv", "--format", "json"])
        #expect(output.status == 0)
    }

    @Test func badDelimiterSaysWhatToDoInEnglishToo() throws {
        let output = try Snapshot.expect(
            "inspect-bad-delimiter-en", ["inspect", fixtures + "pipe.csv", "--delimiter", "x", "--lang", "en"])
        #expect(output.status == 64)
    }

    @Test func saveNeedsAYear() throws {
        let output = try Snapshot.expect(
            "satisfaction-save-needs-year",
            ["satisfaction", "sample-responses/survey-public.csv", "--survey", "public", "--save"])
        #expect(output.status == 64)
    }

    @Test func aMissingDataFolderIsNamed() throws {
        let output = try run(["report", "--data", "no-such-folder", "--out", NSTemporaryDirectory() + "junheng-cli"])
        #expect(output.status == 1)
        #expect(output.stderr == "junheng: no-such-folder: 数据文件夹不存在，请用 --data 指定存放本县数据的文件夹。\n")
        let english = try run(
            ["report", "--data", "no-such-folder", "--out", NSTemporaryDirectory() + "junheng-cli", "--lang", "en"])
        #expect(
            english.stderr
                == "junheng: no-such-folder: This data folder does not exist: pass --data with the folder that holds the county's files.\n"
        )
    }

    @Test func topLevelHelpListsEveryCommandInEachLanguage() throws {
        try Snapshot.expect("help", ["--help"])
        try Snapshot.expect("help-en", ["--help", "--lang", "en"])
    }

    @Test func workbookGivenAsCSVSaysHowToSaveIt() throws {
        let output = try run(["inspect", fixtures + "workbook.xlsx"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("另存为"))
        #expect(output.stderr.hasPrefix("junheng: " + fixtures + "workbook.xlsx: "))
    }
}
