import Foundation
import Glibc
import JunhengCore
import JunhengIngest

// libFuzzer target: the .xls path, through the reader's child process (Tests/Fuzz/README.md).
//
// An input is not a workbook but damage done to a real one: its first byte picks one of the real .xls
// files (the 问卷星 export in both download modes, the test workbooks with formulas and a password),
// and each following group of 4 bytes changes one byte (3 bytes of offset, wrapped to the file's
// size, and the new value); an offset of 0xFFFFFF cuts the file instead, at value/256 of its size. The
// damaged workbook is read the way junheng reads one, libfreexl running in a child process, which is
// this same binary (LLVMFuzzerInitialize serves the workbook when started with --xls-reader-child).
//
// Checked: the read ends with the rows, or with an IngestError naming the file (a crash, a hang or
// runaway memory in the child included); it is called password-protected only when the workbook has
// a FILEPASS record; every row handed on is counted in the summary. A trap or an ASan report here is
// a bug in junheng's side; one in the child is the damage it is meant to survive.

private let childFlag = "--xls-reader-child"
private let bases = [
    "Tests/JunhengQuestionnaireTests/Fixtures/wjx800_text.xls",
    "Tests/JunhengQuestionnaireTests/Fixtures/wjx800_number.xls",
    "Tests/JunhengIngestTests/Fixtures/workbooks/survey.xls",
    "Tests/JunhengIngestTests/Fixtures/workbooks/formulas.xls",
    "Tests/JunhengIngestTests/Fixtures/workbooks/protected.xls",
].map { path -> [UInt8] in
    guard let data = FileManager.default.contents(atPath: path) else {
        fatalError("FuzzXLSReader runs from the package folder (scripts/fuzz.sh does): \(path) is missing")
    }
    return [UInt8](data)
}

/// A folder in memory when the system has one (/dev/shm), else the temporary folder.
private let scratchFolder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
private let path = scratchFolder + "/junheng-fuzz-xls-\(getpid()).xls"

@_cdecl("LLVMFuzzerInitialize")
public func fuzzXLSReaderInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    let arguments = (0..<Int(argc.pointee)).compactMap { argv.pointee?[$0].map { String(cString: $0) } }
    if let flag = arguments.firstIndex(of: childFlag) {
        // The child: serve the workbook named after the flag, then end (libFuzzer never starts).
        exit(XLSReaderChild.serve(arguments: Array(arguments[(flag + 1)...])))
    }
    // The memory limit stays off under AddressSanitizer (its shadow memory); the resident-memory watch holds.
    XLSReaderProcess.current = XLSReaderProcess(
        executable: "/proc/self/exe", arguments: [childFlag], silence: .seconds(5), memoryBytes: 1 << 30)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    var bytes = bases[Int(input[0]) % bases.count]
    var group = 1
    while group + 4 <= size {
        let offset = Int(input[group]) | Int(input[group + 1]) << 8 | Int(input[group + 2]) << 16
        if offset == 0xFF_FFFF {
            bytes.removeLast(bytes.count - bytes.count * Int(input[group + 3]) / 256)
        } else if !bytes.isEmpty {
            bytes[offset % bytes.count] = input[group + 3]
        }
        group += 4
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        fatalError("cannot write \(path)")
    }

    var rows = 0
    do {
        let summary = try WorkbookFile(path: path).read { _ in rows += 1 }
        precondition(summary.rows == rows, "rows handed on \(rows), counted \(summary.rows)")
        precondition(summary.file.hasPrefix(path), "the summary names \(summary.file)")
    } catch let error as IngestError {
        precondition(
            error.location?.file.hasPrefix(path) == true, "the error names \(String(describing: error.location))")
        if error.kind == .encrypted {
            // Only a FILEPASS record says password (an encrypted .xlsx is no .xls workbook at all).
            if case .success(let (globals, _)) = XLSGlobals.read(path: path) {
                precondition(globals.encrypted, "called password-protected without a FILEPASS record")
            }
        }
        precondition(error.kind != .unreadable, "the reader process could not be started: \(error.message.en)")
    } catch {
        preconditionFailure("not an IngestError: \(error)")
    }
    return 0
}
