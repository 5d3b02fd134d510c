import JunhengCore

/// junheng's side of the .xls reader: starts the child process (``XLSReaderProcess``,
/// ``XLSReaderChild``) for one workbook and reads its answers, so that whatever libfreexl does with a
/// damaged file (crash, hang, take all memory) ends the child only, and comes back here as
/// "工作簿已损坏" with the file's name; the rest of the run goes on.
///
/// The child's own errors (a password, damage libfreexl reports, formula cells) come back as they were
/// thrown. A crash, a silence past ``XLSReaderProcess/silence`` (the child is then killed), an exit
/// before the end, or an answer that is not a message is the workbook's damage. Going away, the client
/// kills the child if it still runs and reaps it.
final class XLSReaderClient {
    let path: String
    /// The worksheets' names, in workbook order.
    let sheetNames: [String]
    private let child: ChildProcess
    private let process: XLSReaderProcess

    /// Starts the reader on the workbook at `path` and waits for its sheets.
    ///
    /// - Parameter process: the reader to start: the program's (``XLSReaderProcess/current``) unless a
    ///   test gives another.
    /// - Throws: ``IngestError``: the workbook cannot be opened, is password-protected or damaged, or
    ///   no reader process can be started.
    init(path: String, process: XLSReaderProcess? = XLSReaderProcess.current) throws(IngestError) {
        self.path = path
        guard let process else {
            throw IngestError(
                kind: .unreadable, location: SourceLocation(file: path),
                message: IngestMessage.readerUnavailable("no reader program is set in this program"))
        }
        do {
            child = try ChildProcess(
                executable: process.executable, arguments: process.arguments + [path],
                environment: ["SWIFT_BACKTRACE": "enable=no"],
                limits: ChildProcess.Limits(
                    dataBytes: XLSReaderProcess.underAddressSanitizer ? nil : process.memoryBytes,
                    cpuSeconds: process.cpuSeconds))
        } catch {
            throw IngestError(
                kind: .unreadable, location: SourceLocation(file: path),
                message: IngestMessage.readerUnavailable(error.description))
        }
        self.process = process
        switch try Self.next(from: child, path: path, process: process) {
        case .sheets(let names): sheetNames = names
        default: throw Self.malformed(child, path: path)
        }
    }

    /// Reads sheet `index` (0-based, workbook order) next.
    ///
    /// - Returns: the sheet's size: rows and columns from A1 to its last filled cell.
    /// - Throws: ``IngestError``: the sheet cannot be selected, has formula cells, or the reader failed.
    func selectSheet(_ index: Int) throws(IngestError) -> (rows: Int, columns: Int) {
        guard child.write(XLSReaderMessage.select(index).encoded) else {
            throw ended(child.wait(killingAfter: process.silence))
        }
        switch try Self.next(from: child, path: path, process: process) {
        case .sheet(let rows, let columns): return (rows, columns)
        default: throw Self.malformed(child, path: path)
        }
    }

    /// The selected sheet's next row: its 0-based index and its cells (trailing empty cells left out);
    /// `nil` after the last.
    func nextRow() throws(IngestError) -> (index: Int, cells: [String])? {
        switch try Self.next(from: child, path: path, process: process) {
        case .row(let index, let cells): return (index, cells)
        case .end:
            _ = child.wait(killingAfter: process.silence)
            return nil
        default: throw Self.malformed(child, path: path)
        }
    }

    // MARK: - Answers

    /// The child's next answer; its error, or the damage its end or silence means, is thrown.
    private static func next(from child: ChildProcess, path: String, process: XLSReaderProcess) throws(IngestError)
        -> XLSReaderMessage
    {
        let head = try read(5, from: child, path: path, process: process)
        let length = (1..<5).reduce(0) { $0 | Int(head[$1]) << (8 * ($1 - 1)) }
        guard length <= XLSReaderMessage.maximumPayload else { throw malformed(child, path: path) }
        let payload = try read(length, from: child, path: path, process: process)
        guard let message = XLSReaderMessage(tag: head[0], payload: payload) else { throw malformed(child, path: path) }
        if case .failure(let error) = message {
            _ = child.wait(killingAfter: process.silence)
            throw error
        }
        return message
    }

    /// `count` bytes of the child's answer; its end, silence or memory past the limit is thrown.
    private static func read(_ count: Int, from child: ChildProcess, path: String, process: XLSReaderProcess)
        throws(IngestError) -> [UInt8]
    {
        switch child.read(exactly: count, timeout: process.silence, memoryLimit: process.memoryBytes) {
        case .bytes(let bytes): return bytes
        case .end: throw ended(child.wait(killingAfter: process.silence), path: path)
        case .timedOut: throw stopped(child, path: path, IngestMessage.readerSilent(seconds: seconds(process.silence)))
        case .overMemory:
            throw stopped(child, path: path, IngestMessage.readerOverMemory(limit: process.memoryBytes))
        }
    }

    private func ended(_ termination: ChildProcess.Termination) -> IngestError {
        Self.ended(termination, path: path)
    }

    /// The child ended before its answer was complete.
    private static func ended(_ termination: ChildProcess.Termination, path: String) -> IngestError {
        switch termination {
        case .signalled(let signal):
            return WorkbookProblems.damaged(file: path, saying: IngestMessage.readerCrashed(signal: signal))
        case .exited(127):
            return IngestError(
                kind: .unreadable, location: SourceLocation(file: path),
                message: IngestMessage.readerUnavailable("the reader program cannot be run"))
        case .exited(let status):
            return WorkbookProblems.damaged(file: path, saying: IngestMessage.readerStopped(status: status))
        }
    }

    /// The child stopped for `reason`: killed, reaped, and the workbook called damaged.
    private static func stopped(_ child: ChildProcess, path: String, _ reason: LocalizedText) -> IngestError {
        child.kill()
        _ = child.wait()
        return WorkbookProblems.damaged(file: path, saying: reason)
    }

    /// Whole seconds, rounded up.
    private static func seconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds) + (duration.components.attoseconds > 0 ? 1 : 0)
    }

    private static func malformed(_ child: ChildProcess, path: String) -> IngestError {
        child.kill()
        _ = child.wait()
        return WorkbookProblems.damaged(file: path, saying: IngestMessage.readerMalformed())
    }
}
