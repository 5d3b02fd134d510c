import Foundation
import JunhengIngest
import JunhengMonitoring

// libFuzzer target: the monitoring settings file (`--settings monitoring-settings.yaml`: cut scores,
// the deciding reading) on any text, then the summary of the sample students with the settings that
// loaded (Tests/Fuzz/README.md). A bad setting must be a MonitoringInputError with its place, never a trap.

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
/// The first 300 students of the sample (enough schools and both grades, and fast enough to run often).
private let students: CSVTable = {
    let sample = root.appendingPathComponent("sample-responses/monitoring-students.csv")
    let path = NSTemporaryDirectory() + "junheng-fuzz-students-\(getpid()).csv"
    do {
        let lines = try String(contentsOf: sample, encoding: .utf8).split(whereSeparator: \.isNewline).prefix(301)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try CSVTable.read(path: path)
    } catch {
        fatalError("cannot read the sample students: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMonitoringSettings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let settings = try? MonitoringSettings.parse(yaml: text, file: "fuzz.yaml") else { return 0 }
    _ = try? MonitoringAnalysis.summarize(table: students, settings: settings)
    return 0
}
