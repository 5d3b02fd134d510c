import ArgumentParser
import Foundation
import JunhengCore
import JunhengIngest

/// The entry point: parses the command line, runs the command, and turns every failure into one way of
/// saying it on standard error, `junheng: FILE:LINE:COLUMN: message`, in the language of `--lang`.
///
/// A closed pipe (`junheng … | head`) ends the program quietly, as `cat` would: SIGPIPE keeps its
/// default action instead of Swift's runtime turning a failed write into a crash report. Large blocks of
/// memory go back to the system when freed (``MemoryPolicy``). An .xls workbook is read by junheng itself
/// in a child process (``XLSReaderProcess/junheng``, the hidden `read-xls-child` subcommand).
@main
enum JunhengMain {
    static func main() async {
        signal(SIGPIPE, SIG_DFL)
        MemoryPolicy.returnLargeBlocksToTheSystem()
        XLSReaderProcess.current = .junheng
        let language = CommandLanguage.fromArguments(CommandLine.arguments)
        do {
            var command = try Junheng.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any UserFacingError {
            Terminal.error(error, language: language)
            Foundation.exit(1)
        } catch {
            let code = Junheng.exitCode(for: error)
            let text = Junheng.fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(language == .zh ? ArgumentParserText.chineseHelp(text) : text) }
            } else if !text.isEmpty {
                Terminal.error(text, language: language)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
