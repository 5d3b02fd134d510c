import Foundation
import Glibc
import JunhengCore
import JunhengIngest

// libFuzzer target: the CSV reader on any bytes (Tests/Fuzz/README.md).
//
// Each input is read as a file four ways, with small limits so every limit is reached: in chunks of
// 16–63 bytes and in one chunk (the same table, or the same error, whatever the chunks), through the
// background reader for one input in eight (the same rows), by `junheng inspect` (its text too), and
// on 2–3 threads by the chunked reader, cut where a hash of the input says, once at record boundaries
// by quote parity and once at any line end (the rows, summary and error of the whole read, and the
// same `inspect`, whatever the cuts). A trap, an ASan report or a failed check here is a bug in the
// reader.

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
    let whole = CSVReadOptions(limits: limits, threads: 1)
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
    // A file this small is read in one block whatever the chunk size (the sniff reads all of it).
    let inspection = CSVInspection.inspect(path: path, options: whole, language: .en)
    _ = InspectionText(language: .zh).render(inspection)
    _ = try? JSONOutput.encode(inspection)
    // Each chunk in one block too: the line feeder logs a stray quote once per block of a line, so
    // chunks read in small blocks count a line's stray quotes more than once (a bug outside the
    // chunked reader, Tests/Fuzz/README.md).
    checkChunks(UnsafeRawBufferPointer(start: data, count: size), options: whole, inspection: inspection)
    return 0
}

// MARK: - The chunked reader

/// A whole read's rows and summary, or its error (``CSVReadSummary/bytes`` set to 0: chunks read in
/// steps of their own).
private enum Scan: Equatable {
    case rows([CSVRecord], CSVReadSummary)
    case failure(IngestError)

    var isLimit: Bool {
        guard case .failure(let error) = self else { return false }
        return [.fieldTooLong, .recordTooLong, .tooManyColumns, .tableTooLarge].contains(error.kind)
    }

    /// One line a row, a problem or the error, for telling two reads apart in a crash report.
    var lines: [String] {
        switch self {
        case .failure(let error):
            return [
                "error \(error.kind) at \(error.location.map(String.init(describing:)) ?? "-"): \(error.message.en)"
            ]
        case .rows(let records, let summary):
            var summary = summary
            let problems = summary.problems
            summary.problems = []
            return ["summary \(summary)"] + records.map { "row \($0.line): \($0.fields)" }
                + problems.map { "problem \($0.kind) at \($0.location)" }
        }
    }
}

/// One line a problem, for telling two reports apart in a crash report.
private func lines(_ inspection: CSVInspection) -> [String] {
    var summary = inspection
    summary.problems = []
    return ["inspection \(summary)"]
        + inspection.problems.map { "problem \($0.kind) at \($0.line ?? 0):\($0.column ?? 0): \($0.message.en)" }
}

/// The lines of `left` and `right` from the first that differs.
private func difference(_ left: [String], _ right: [String]) -> String {
    let same = zip(left, right).prefix { $0 == $1 }.count
    return "first difference after \(same) same line(s):\n< "
        + left.dropFirst(same).prefix(3).joined(separator: "\n< ") + "\n> "
        + right.dropFirst(same).prefix(3).joined(separator: "\n> ")
}

/// Collects a chunk's rows.
private final class Collector: CSVRowSink, @unchecked Sendable {
    var records: [CSVRecord] = []
    func consume(row: CSVRow) throws { records.append(try row.record()) }
}

private func outcome(_ body: () throws -> Scan) -> Scan {
    do {
        return try body()
    } catch let error as IngestError {
        return .failure(error)
    } catch {
        preconditionFailure("only the reader throws here: \(error)")
    }
}

private func zeroBytes(_ summary: CSVReadSummary) -> CSVReadSummary {
    var summary = summary
    summary.bytes = 0
    return summary
}

/// The file read whole, as ``CSVFile/read(header:row:)`` does.
private func scanWhole(_ options: CSVReadOptions) -> Scan {
    outcome {
        var records: [CSVRecord] = []
        let summary = try CSVFile(path: path, options: options).read { records.append($0) }
        return .rows(records, zeroBytes(summary))
    }
}

/// The file read by the chunked reader as `satisfaction` reads an export: the first `sample` records on
/// this thread, then the chunks; `nil` for a workbook (read whole).
private func scanChunks(_ options: CSVReadOptions, sample: Int) -> Scan? {
    guard let reader = CSVChunkedReader(file: CSVFile(path: path, options: options)) else { return nil }
    return outcome {
        let prologue = try reader.prologue(sample: sample)
        if let summary = prologue.summary { return .rows(prologue.records, zeroBytes(summary)) }
        let read = try reader.read(prologue: prologue) { _, _ in Collector() }
        if let failure = read.failure { throw failure }
        return .rows(read.chunks.flatMap { $0.sink.records }, zeroBytes(read.summary))
    }
}

/// Says why on standard error, then traps (a release build's `preconditionFailure` drops its message).
private func trap(_ message: String) -> Never {
    FileHandle.standardError.write(Data("FuzzCSVReader: \(message)\n".utf8))
    preconditionFailure(message)
}

/// Reads the file in chunks cut where the input's hash says (1–4 targets, 2–3 threads), once at record
/// boundaries and once at any line end, and traps unless each read gives the whole read's rows, summary
/// and error, and `inspect` its one-thread report.
private func checkChunks(_ bytes: UnsafeRawBufferPointer, options: CSVReadOptions, inspection: CSVInspection) {
    var random = SplitMix64(hashing: bytes)
    let targets = (0...random.below(4)).map { _ in random.below(bytes.count) }.sorted()
    let threads = 2 + random.below(2)
    let sample = random.below(3)
    let whole = scanWhole(options)
    for ignoresQuotes in [false, true] {
        var forced = options
        forced.threads = threads
        forced.chunkPlan = CSVChunkPlan(targets: targets, ignoresQuotes: ignoresQuotes)
        guard let chunked = scanChunks(forced, sample: sample) else { return }
        // Which limit is met first may depend on where a read ends; a limit met by one read only may not.
        if !(chunked.isLimit && whole.isLimit), chunked != whole {
            trap(
                "chunks change the read (targets \(targets), ignoresQuotes \(ignoresQuotes), threads \(threads), "
                    + "sample \(sample)), chunks < whole >:\n\(difference(chunked.lines, whole.lines))")
        }
        let chunkedInspection = CSVInspection.inspect(path: path, options: forced, language: .en)
        if chunkedInspection != inspection {
            trap(
                "chunks change inspect (targets \(targets), ignoresQuotes \(ignoresQuotes), threads \(threads)), "
                    + "chunks < one thread >:\n"
                    + difference(lines(chunkedInspection), lines(inspection)))
        }
    }
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
