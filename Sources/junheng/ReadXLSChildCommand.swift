import ArgumentParser
import JunhengIngest

/// `junheng read-xls-child -- PATH`, hidden: the child process in which junheng reads an .xls workbook
/// with libfreexl (``XLSReaderChild``), started by junheng itself, never by a user.
struct ReadXLSChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: XLSReaderChild.commandName, shouldDisplay: false)

    @Argument var path: String

    func run() throws {
        let status = XLSReaderChild.serve(arguments: [path])
        if status != 0 { throw ExitCode(status) }
    }
}
