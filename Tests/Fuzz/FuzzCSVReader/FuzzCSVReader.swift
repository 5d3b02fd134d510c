import Foundation
import Glibc
import JunhengCore
import JunhengIngest

// libFuzzer target: the CSV reader on any bytes (Tests/Fuzz/README.md).
//
// Each input is read as a file three ways, with small limits so every limit is reached: in chunks of
// 16–63 bytes and in one chunk (the same table, or the same error, whatever the chunks), through the
// background reader for one input in eight (the same rows), and by `junheng inspect` (its text too).
// A trap, an ASan report or a failed check here is a bug in the reader.

private let limits = CSVLimits(fieldBytes: 256, recordBytes: 1024, columns: 32, titleLines: 3, tableBytes: 8192)
private let path = scratchFolder + "/junheng-fuzz-csv-\(getpid()).csv"

/// A folder in memory when the system has one (/dev/shm), else the temporary folder.
private let scratchFolder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()

private enum Outcome: Equatable {
    case table(CSVTable)
    case failure(IngestError.Kind, SourceLocation?)

    var isLimit: Bool {
        guard case .failure(let kind, _) = self else { return false }
        return [.fieldTooLong, .recordTooLong, .tooManyColumns, .tableTooLarge].contains(kind)
    }
}

private func read(_ options: CSVReadOptions) -> Outcome {
    do {
        return .table(try CSVTable.read(path: path, options: options))
    } catch {
        return .failure(error.kind, error.location)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    write(data, size, to: path)
    let small = CSVReadOptions(chunkSize: 16 + size % 48, limits: limits)
    let whole = CSVReadOptions(limits: limits)
    let chunked = read(small)
    let once = read(whole)
    // Which limit is met first may depend on where a chunk ends; anything else may not.
    if !chunked.isLimit && !once.isLimit {
        precondition(chunked == once, "chunks change the result: \(chunked) vs \(once)")
    }
    if size % 8 == 0, case .table(let table) = once {
        var lines: [Int] = []
        let reader = CSVBackgroundReader(file: CSVFile(path: path, options: whole), batchRows: 3, depth: 2)
        let summary = try? reader.scan { row in
            try row.validate()
            lines.append(row.line)
        }
        precondition(summary == nil || lines == table.records.map(\.line), "the background reader differs")
    }
    let inspection = CSVInspection.inspect(path: path, options: small, language: .en)
    _ = InspectionText(language: .zh).render(inspection)
    _ = try? JSONOutput.encode(inspection)
    return 0
}

/// Writes the input to `path` with plain write(2): no fsync, so the disk does not set the pace.
private func write(_ data: UnsafeRawPointer?, _ size: Int, to path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0, "cannot write \(path)")
    defer { close(descriptor) }
    var written = 0
    while written < size {
        let count = Glibc.write(descriptor, data! + written, size - written)
        precondition(count > 0, "cannot write \(path)")
        written += count
    }
}
