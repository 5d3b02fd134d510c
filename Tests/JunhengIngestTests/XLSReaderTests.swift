import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// libfreexl runs in a child process (issue 22): whatever a damaged .xls does to it comes back as that
/// workbook's damage, with the file's name, and the run goes on. The damaged files are the real 问卷星
/// export (`wjx800_text.xls`) with bytes changed; the crash, the silence and the other ends of a reader
/// are also made on purpose, with `/bin/sh` standing in for the reader.
@Suite struct XLSReaderTests {
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    static let realExport = WorkbookFileTests.realExport("wjx800_text.xls")

    /// A copy of the real export with `changes` (offset, new byte) made.
    static func damaged(_ changes: [(offset: Int, byte: UInt8)]) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: realExport)))
        for change in changes { bytes[change.offset] = change.byte }
        return temporaryFile(bytes, name: "问卷星下载.xls")
    }

    /// The error reading the workbook at `path` gives, or `nil` when it reads.
    static func readError(_ path: String) -> IngestError? {
        do {
            _ = try WorkbookFile(path: path).read { _ in }
            return nil
        } catch {
            return error as? IngestError
        }
    }

    /// `/bin/sh -c SCRIPT` as the reader (the workbook's path is its `$1`).
    static func shell(_ script: String, silence: Duration = .seconds(5)) -> XLSReaderProcess {
        XLSReaderProcess(executable: "/bin/sh", arguments: ["-c", script, "sh"], silence: silence)
    }

    /// The error starting `process` on the real export gives.
    static func clientError(_ process: XLSReaderProcess?) -> IngestError? {
        do {
            let client = try XLSReaderClient(path: realExport, process: process)
            _ = try client.selectSheet(0)
            while try client.nextRow() != nil {}
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Damaged files

    /// Byte 35,272 set to 0xFE crashed libfreexl's `freexl_open` with SIGSEGV and the whole run with it
    /// (exit 139). Now the workbook is damaged, named, and the next file reads.
    @Test func oneChangedByteIsThisFilesDamageOnly() throws {
        let path = try Self.damaged([(35_272, 0xFE)])
        let error = try #require(Self.readError(path))
        #expect(error.kind == .damaged)
        #expect(error.location == SourceLocation(file: path))
        #expect(error.message.zh.hasPrefix("工作簿已损坏或不是 Excel 能读的格式（"))
        #expect(error.message.en.hasPrefix("The workbook is damaged or not in a format Excel reads ("))
        var rows = 0
        _ = try WorkbookFile(path: Self.realExport).read { _ in rows += 1 }
        #expect(rows == 800)
    }

    /// Byte 93,987 set to 0x0E: libfreexl answers "OK" without a workbook, which junheng took for a
    /// password. There is no FILEPASS record, so it is damaged, saying what could be read.
    @Test func damagedIsNotPasswordProtected() throws {
        let path = try Self.damaged([(93_987, 0x0E)])
        guard case .success(let (globals, _)) = XLSGlobals.read(path: path) else {
            Issue.record("the compound file should still be readable")
            return
        }
        #expect(!globals.encrypted)
        let error = try #require(Self.readError(path))
        #expect(error.kind == .damaged)
        #expect(
            error.message.en.contains(
                #"(the sheet names "Sheet1" can be read but not their data; the file has no encryption record, so it is not a password)"#
            ))
        #expect(error.message.zh.contains("（读到工作表名 “Sheet1”，但读不出其中的数据；文件中没有加密记录，不是密码的问题）"))
    }

    /// 60 damaged copies, 1 to 16 bytes changed at places drawn from a fixed seed: each reads or is refused
    /// with its name, none is called password-protected (the export has no FILEPASS record), and the
    /// process reading them is still here.
    @Test func randomDamageIsNeverAPassword() throws {
        var random = SplitMix64(seed: 22)
        let size = try Data(contentsOf: URL(fileURLWithPath: Self.realExport)).count
        var refused = 0
        for _ in 0..<60 {
            let changes = (0..<[1, 1, 2, 4, 16][random.below(5)]).map { _ in
                (offset: random.below(size), byte: UInt8(random.below(256)))
            }
            let path = try Self.damaged(changes)
            guard let error = Self.readError(path) else { continue }
            refused += 1
            #expect(error.location?.file.hasPrefix(path) == true)
            #expect(error.kind != .encrypted, "\(changes): \(error.message.en)")
        }
        #expect(refused > 0)
    }

    /// The password-protected workbook still says so: it has a FILEPASS record.
    @Test func aFilePassRecordIsAPassword() throws {
        let path = WorkbookFileTests.workbook("protected.xls")
        guard case .success(let (globals, _)) = XLSGlobals.read(path: path) else {
            Issue.record("protected.xls is a readable compound file")
            return
        }
        #expect(globals.encrypted)
        #expect(Self.readError(path)?.kind == .encrypted)
    }

    // MARK: - The reader's ends

    @Test func aCrashInTheReaderIsDamage() throws {
        let error = try #require(Self.clientError(Self.shell("kill -SEGV $$")))
        #expect(error.kind == .damaged)
        #expect(error.location == SourceLocation(file: Self.realExport))
        #expect(error.message.en.contains("(the .xls reader crashed on it (signal 11))"))
        #expect(error.message.zh.contains("（读取 .xls 的子进程在读这个文件时崩溃（信号 11））"))
    }

    /// A reader that hangs is stopped after the silence allowed, and the workbook called damaged.
    @Test func aSilentReaderIsStopped() throws {
        let started = Date()
        let error = try #require(Self.clientError(Self.shell("sleep 30", silence: .milliseconds(300))))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.kind == .damaged)
        #expect(error.message.en.contains("(the .xls reader did not answer within 1 s and was stopped)"))
    }

    /// The export with its sheet's DIMENSION record (type 0x0200, 14 bytes: rows 0–801, columns 0–14)
    /// claiming 65,536 rows and 256 columns: libfreexl makes room for 16.7 million cells (about 290 MB)
    /// before reading one. Within the reader's default 1 GiB it reads (the rows are the same 800); held to
    /// 64 MiB, the reader fails, one way or another, and the workbook is refused as damaged.
    @Test func aReaderOverItsMemoryIsDamage() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.realExport)))
        let dimension: [UInt8] = [0x00, 0x02, 0x0E, 0x00, 0, 0, 0, 0, 0x21, 0x03, 0, 0, 0, 0, 0x0E, 0x00]
        let at = try #require(
            (0..<bytes.count - dimension.count).first { bytes[$0..<$0 + dimension.count].elementsEqual(dimension) })
        let path = try Self.damaged([(at + 8, 0x00), (at + 9, 0x00), (at + 10, 0x01), (at + 14, 0x00), (at + 15, 0x01)])

        // (Time enough for the 16.7 million cells under AddressSanitizer too: this is about memory.)
        var roomy = XLSReaderProcess.beside("XLSReaderHost")
        roomy.silence = .seconds(120)
        let reader = try XLSReaderClient(path: path, process: roomy)
        let (rowCount, columnCount) = try reader.selectSheet(0)
        #expect(rowCount == 65_536 && columnCount == 256)
        var filled = 0
        while let (_, cells) = try reader.nextRow() {
            if !cells.isEmpty { filled += 1 }
        }
        #expect(filled == 801)

        var process = XLSReaderProcess.beside("XLSReaderHost")
        process.memoryBytes = 64 << 20
        do {
            let client = try XLSReaderClient(path: path, process: process)
            _ = try client.selectSheet(0)
            while try client.nextRow() != nil {}
            Issue.record("64 MiB should not hold 16.7 million cells")
        } catch {
            #expect(error.kind == .damaged)
            #expect(error.location == SourceLocation(file: path))
        }
    }

    @Test func aReaderThatStopsOrTalksNonsenseIsDamage() throws {
        let stopped = try #require(Self.clientError(Self.shell("exit 4")))
        #expect(stopped.kind == .damaged)
        #expect(stopped.message.en.contains("(the .xls reader stopped on it (exit status 4))"))
        let nonsense = try #require(Self.clientError(Self.shell("printf 'no answer at all'; sleep 1")))
        #expect(nonsense.kind == .damaged)
        #expect(nonsense.message.en.contains("(the .xls reader's answer is malformed)"))
    }

    /// No reader, or one that cannot run: not the workbook's damage.
    @Test func noReaderIsNotDamage() throws {
        let missing = try #require(Self.clientError(XLSReaderProcess(executable: "/nonexistent/reader", arguments: [])))
        #expect(missing.kind == .unreadable)
        #expect(missing.message.en.hasPrefix("The .xls reader cannot be started (the reader program cannot be run)"))
        let unset = try #require(Self.clientError(nil))
        #expect(unset.kind == .unreadable)
        #expect(unset.message.zh.hasPrefix("无法启动读取 .xls 的子进程"))
    }

    // MARK: - The messages

    @Test func messagesRoundTrip() throws {
        let messages: [XLSReaderMessage] = [
            .sheets(["答卷", "Sheet 2", ""]), .select(3), .sheet(rows: 65_536, columns: 256),
            .row(index: 12, cells: ["1", "", "家长", String(repeating: "长", count: 1_000)]), .row(index: 0, cells: []),
            .end,
            .failure(WorkbookProblems.damagedCell(file: "a.xls", sheet: "S", row: 3, column: 4, detail: "x")),
            .failure(WorkbookProblems.passwordProtected(file: "b.xls")),
        ]
        for message in messages {
            let bytes = message.encoded
            let length = (1..<5).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 1)) }
            #expect(length == bytes.count - 5)
            #expect(XLSReaderMessage(tag: bytes[0], payload: Array(bytes[5...])) == message)
        }
    }

    /// A payload cut short, with bytes to spare, or of an unknown tag is no message.
    @Test func malformedPayloadsAreNoMessage() {
        let row = XLSReaderMessage.row(index: 1, cells: ["a", "bc"]).encoded
        let payload = Array(row[5...])
        #expect(XLSReaderMessage(tag: row[0], payload: Array(payload.dropLast())) == nil)
        #expect(XLSReaderMessage(tag: row[0], payload: payload + [0]) == nil)
        #expect(XLSReaderMessage(tag: 0x41, payload: payload) == nil)
        // A cell count past what the payload could hold.
        #expect(XLSReaderMessage(tag: row[0], payload: [1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
    }
}
