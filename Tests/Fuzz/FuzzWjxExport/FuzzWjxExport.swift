import Foundation
import Glibc
import JunhengCore
import JunhengIngest
import JunhengQuestionnaire

// libFuzzer target: the 问卷星 cell readers (所用时间, option texts, numbers and scores, 〖other〗 text,
// skips), the download-mode detection and the header mapping, through `junheng satisfaction`'s one
// public entry point, SatisfactionAnalysis.run (Tests/Fuzz/README.md).
//
// An input that starts with a 0 byte is the body of an export under the real header of the public
// questionnaire (so the cells are read); a 1 byte, the same with the body repeated to over 200 rows,
// so the export is large enough to be read in chunks after its first 200 records; any other input is
// a whole export, header included (so the header mapping is fuzzed too). Bad answers must be reported
// problems, never a trap.
//
// Every repeated body, and one other input in four, is also read on two threads in chunks cut where a
// hash of the file says (CSVChunkedReader): the JSON, the excluded rows and the answer problems (or
// the error) must be the one-thread run's, wherever the cuts fall.

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let survey: Questionnaire = {
    do {
        return try SurveyCatalog(directories: [root.appendingPathComponent("surveys").path]).resolve("public")
    } catch {
        fatalError("cannot load surveys/public.yaml: \(error)")
    }
}()
private let header: Data = {
    let sample = root.appendingPathComponent("sample-responses/survey-public.csv")
    guard let text = try? String(contentsOf: sample, encoding: .utf8),
        let line = text.split(whereSeparator: \.isNewline).first
    else { fatalError("cannot read \(sample.path)") }
    return Data((line + "\n").utf8)
}()
private let debug = ProcessInfo.processInfo.environment["FUZZ_DEBUG"] != nil

/// A folder in memory when the system has one (/dev/shm), else the temporary folder.
private let path =
    (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    + "/junheng-fuzz-wjx-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWjxExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    let mode = size > 0 ? data[0] : 0xFF
    let file: Data
    switch mode {
    case 0: file = header + input.dropFirst()
    case 1: file = header + repeated(input.dropFirst())
    default: file = input
    }
    file.withUnsafeBytes { write($0.baseAddress, $0.count, to: path) }
    var random = SplitMix64(hashing: file)
    // The chunked run doubles the time an input takes: every repeated body, one other input in four.
    let inChunks = mode == 1 || random.below(4) == 0
    // Small reads (64 bytes) put more block ends inside lines and characters; a run compared with
    // chunks reads in the default blocks, as each chunk does (the line feeder logs a stray quote once per
    // block of a line, Tests/Fuzz/README.md).
    let single = run(inChunks ? CSVReadOptions(threads: 1) : CSVReadOptions(chunkSize: 64, threads: 1))
    guard inChunks else { return 0 }
    var options = CSVReadOptions(threads: 2)
    let targets = (0...random.below(4)).map { _ in 1 + random.below(file.count) }.sorted()
    let ignoresQuotes = random.below(2) == 1
    options.chunkPlan = CSVChunkPlan(targets: targets, ignoresQuotes: ignoresQuotes)
    let chunked = run(options)
    if chunked != single {
        let message =
            "chunks change the run (targets \(targets), ignoresQuotes \(ignoresQuotes)), chunks < one thread >:\n"
            + difference(chunked.lines, single.lines)
        FileHandle.standardError.write(Data("FuzzWjxExport: \(message)\n".utf8))
        preconditionFailure(message)
    }
    return 0
}

/// What a run gave, to compare a run in chunks with a run on one thread.
private enum Outcome: Equatable {
    case result(json: String, excludedRows: [ExcludedRow], answerProblems: [AnswerProblem])
    case failure(String)

    /// One line a JSON line, an excluded row or an answer problem, for telling two runs apart.
    var lines: [String] {
        switch self {
        case .failure(let error): ["error \(error)"]
        case .result(let json, let excluded, let problems):
            json.split(separator: "\n").map(String.init) + excluded.map { "excluded \($0)" }
                + problems.map { "problem \($0)" }
        }
    }
}

/// Runs `junheng satisfaction` on the file.
private func run(_ readOptions: CSVReadOptions) -> Outcome {
    // Fuzzed answers fit the questionnaire poorly: read them anyway (partial, not refused), to reach every
    // cell reader; the fit check itself still runs.
    let settings = SatisfactionSettings(survey: survey, allowPartial: true)
    do {
        let result = try SatisfactionAnalysis.run(
            exports: [path], survey: survey, by: [.township, .group], settings: settings, readOptions: readOptions,
            refusePoorFit: false)
        _ = result.tables()
        if debug { print("rows", result.rows, "used", result.used) }
        let json: String
        do {
            json = try JSONOutput.encode(result.jsonDocument(in: .zh))
        } catch {
            json = "cannot encode: \(error)"
        }
        return .result(json: json, excludedRows: result.excludedRows, answerProblems: result.answerProblems)
    } catch {
        // FUZZ_DEBUG=1 shows why an input was refused (when replaying one by hand).
        if debug { print(error) }
        return .failure(String(describing: error))
    }
}

/// The lines of `left` and `right` from the first that differs.
private func difference(_ left: [String], _ right: [String]) -> String {
    let same = zip(left, right).prefix { $0 == $1 }.count
    return "first difference after \(same) same line(s):\n< " + left.dropFirst(same).prefix(3).joined(separator: "\n< ")
        + "\n> " + right.dropFirst(same).prefix(3).joined(separator: "\n> ")
}

/// `body` (ended by a line feed) repeated to over 200 rows (SatisfactionPipeline's first records, read
/// before the chunks), and at most 64 KiB (at least twice).
private func repeated(_ body: Data) -> Data {
    var body = body
    if body.last != 0x0A { body.append(0x0A) }
    let lines = body.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let copies = max(2, min((220 + lines - 1) / lines, (64 << 10) / body.count))
    var file = Data(capacity: body.count * copies)
    for _ in 0..<copies { file.append(body) }
    return file
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
