import Foundation
import Glibc
import JunhengIngest
import JunhengQuestionnaire

// libFuzzer target: the 问卷星 cell readers (所用时间, option texts, numbers and scores, 〖other〗 text,
// skips), the download-mode detection and the header mapping, through `junheng satisfaction`'s one
// public entry point, SatisfactionAnalysis.run (Tests/Fuzz/README.md).
//
// An input that starts with a 0 byte is the body of an export under the real header of the public
// questionnaire (so the cells are read); any other input is a whole export, header included (so the
// header mapping is fuzzed too). Bad answers must be reported problems, never a trap.

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
    let bodyOnly = size > 0 && data[0] == 0
    let file = bodyOnly ? header + input.dropFirst() : input
    file.withUnsafeBytes { write($0.baseAddress, $0.count, to: path) }
    // Fuzzed answers fit the questionnaire poorly: read them anyway (partial, not refused), to reach every
    // cell reader; the fit check itself still runs.
    let settings = SatisfactionSettings(survey: survey, allowPartial: true)
    do {
        let result = try SatisfactionAnalysis.run(
            exports: [path], survey: survey, by: [.township, .group], settings: settings,
            readOptions: CSVReadOptions(chunkSize: 64), refusePoorFit: false)
        _ = result.tables()
        if debug { print("rows", result.rows, "used", result.used) }
    } catch {
        // FUZZ_DEBUG=1 shows why an input was refused (when replaying one by hand).
        if debug { print(error) }
    }
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
