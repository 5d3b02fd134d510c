import Foundation

/// The .xls reader's side of the pair: what runs in the child process that junheng starts for each .xls
/// workbook (``XLSReaderProcess``, ``XLSReaderClient``), so that libfreexl, which trusts the file and a
/// damaged one can crash, never runs in junheng's own process.
///
/// It opens the workbook with libfreexl (``FreeXLReader``) and answers on its standard output
/// (``XLSReaderMessage``): the sheets' names; then, told on its standard input which sheet to read, that
/// sheet's size and each row's cells as Excel shows them, and the end; or the error that stopped it. The
/// program that hosts it (`junheng`, through a hidden subcommand) only hands it its arguments and exits
/// with the status it returns: the library neither prints nor exits.
public enum XLSReaderChild {
    /// The hidden subcommand of `junheng` that runs ``serve(arguments:input:output:)``.
    public static let commandName = "read-xls-child"

    /// Serves one workbook.
    ///
    /// - Parameters:
    ///   - arguments: what the parent passes: the workbook's path.
    ///   - input: where the parent's messages come from (the socket is standard input).
    ///   - output: where the answers go (standard output).
    /// - Returns: the exit status: 0 when every answer was sent (an unreadable workbook included), 2 for
    ///   wrong arguments, 3 when the parent went away.
    public static func serve(arguments: [String], input: Int32 = 0, output: Int32 = 1) -> Int32 {
        guard arguments.count == 1, let path = arguments.first else { return 2 }
        let answers = Answers(output: output)
        do {
            let workbook = try FreeXLReader(path: path)
            let names = workbook.sheetNames
            try answers.send(.sheets(names))
            try answers.flush()
            guard case .select(let index)? = readMessage(from: input), names.indices.contains(index) else { return 3 }
            let (rows, columns) = try workbook.selectSheet(index)
            let name = names[index]
            guard let unreadable = XLSUnreadableCells.scan(path: path, sheet: name, index: index) else {
                throw WorkbookProblems.damaged(file: path, detail: "the records of sheet \(name) cannot be followed")
            }
            if unreadable.count > 0 { throw WorkbookProblems.formulasInXLS(file: path, sheet: name, cells: unreadable) }
            try answers.send(.sheet(rows: rows, columns: columns))
            var cells: [String] = []
            for row in 0..<rows {
                cells.removeAll(keepingCapacity: true)
                for column in 0..<columns {
                    cells.append(try workbook.cell(row: row, column: column, sheet: name).displayText)
                }
                while cells.last?.isEmpty == true { cells.removeLast() }
                try answers.send(.row(index: row, cells: cells))
            }
            try answers.send(.end)
            try answers.flush()
            return 0
        } catch let error as IngestError {
            do {
                try answers.send(.failure(error))
                try answers.flush()
                return 0
            } catch {
                return 3
            }
        } catch {
            return 3
        }
    }

    /// One message from the parent, or `nil` when it is gone or says something else.
    private static func readMessage(from input: Int32) -> XLSReaderMessage? {
        guard let head = readExactly(5, from: input) else { return nil }
        let length = (1..<5).reduce(0) { $0 | Int(head[$1]) << (8 * ($1 - 1)) }
        guard length <= 64, let payload = readExactly(length, from: input) else { return nil }
        return XLSReaderMessage(tag: head[0], payload: payload)
    }

    private static func readExactly(_ count: Int, from input: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let result = bytes.withUnsafeMutableBytes { read(input, $0.baseAddress! + got, count - got) }
            if result < 0, SystemError.current == .interrupted { continue }
            guard result > 0 else { return nil }
            got += result
        }
        return bytes
    }

    /// The answers, gathered into blocks of 64 KiB (a row is a few hundred bytes).
    private final class Answers {
        private let output: Int32
        private var buffer: [UInt8] = []

        struct ParentGone: Error {}

        init(output: Int32) {
            self.output = output
            buffer.reserveCapacity(1 << 17)
        }

        func send(_ message: XLSReaderMessage) throws {
            buffer.append(contentsOf: message.encoded)
            if buffer.count >= 1 << 16 { try flush() }
        }

        func flush() throws {
            var sent = 0
            while sent < buffer.count {
                let result = buffer[sent...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
                if result < 0, SystemError.current == .interrupted { continue }
                guard result > 0 else { throw ParentGone() }
                sent += result
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
