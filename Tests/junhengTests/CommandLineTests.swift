import Foundation
import Testing

/// The command line as a user meets it: the built binary, its exit status, and its words.
@Suite struct CommandLineTests {
    func run(_ arguments: [String]) throws -> JunhengBinary.Output {
        try JunhengBinary.run(arguments)
    }

    let fixtures = "Tests/JunhengIngestTests/Fixtures/"

    @Test func unterminatedQuoteExitsNonZeroNamingFileAndLine() throws {
        let output = try run(["inspect", fixtures + "unterminated-quote.csv", "--format", "json"])
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("junheng: " + fixtures + "unterminated-quote.csv:3: "))
        #expect(output.stdout.contains("\"ok\" : false"))
    }

    @Test func inspectJSONHasTheDocumentedKeys() throws {
        let output = try run(["inspect", fixtures + "gb18030.csv", "--format", "json"])
        #expect(output.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        #expect(
            Set(object.keys).isSuperset(of: ["file", "encoding", "delimiter", "columns", "rows", "problems", "ok"]))
        #expect(object["encoding"] as? String == "gb18030")
        #expect(object["rows"] as? Int == 3)
    }

    @Test func badDelimiterSaysWhatToDo() throws {
        let output = try run(["inspect", fixtures + "pipe.csv", "--delimiter", "x"])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("junheng: --delimiter 应为 comma、semicolon、tab 或 pipe（收到“x”）。\n"))
        let english = try run(["inspect", fixtures + "pipe.csv", "--delimiter", "x", "--lang", "en"])
        #expect(english.stderr.hasPrefix("junheng: --delimiter must be comma, semicolon, tab or pipe (got \"x\").\n"))
    }

    @Test func saveNeedsAYear() throws {
        let output = try run(["satisfaction", "sample-responses/survey-public.csv", "--survey", "public", "--save"])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("junheng: --save 需要 --year，如 --year 2024 --save。\n"))
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

    @Test func topLevelHelpListsEveryCommand() throws {
        let output = try run(["--help"])
        #expect(output.status == 0)
        for command in ["report", "inspect", "survey", "satisfaction", "resources", "monitoring", "units"] {
            #expect(output.stdout.contains("  \(command) "), "help lists \(command)")
        }
    }

    @Test func workbookGivenAsCSVSaysHowToSaveIt() throws {
        let output = try run(["inspect", fixtures + "workbook.xlsx"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("另存为"))
        #expect(output.stderr.hasPrefix("junheng: " + fixtures + "workbook.xlsx: "))
    }
}
