import Foundation
import Glibc
import JunhengResources

// libFuzzer target: the resources settings file (`junheng resources --settings file.json`) on any
// bytes, then the analysis of the sample roster with the settings that loaded (Tests/Fuzz/README.md).
// A bad setting must be a ResourceSettingsError with its place, never a trap in the analysis.

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
private let roster: SchoolRoster = {
    do {
        return try SchoolRoster.read(path: root.appendingPathComponent("sample-responses/roster.csv").path)
    } catch {
        fatalError("cannot read the sample roster: \(error)")
    }
}()
/// A folder in memory when the system has one (/dev/shm), else the temporary folder.
private let path =
    (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    + "/junheng-fuzz-resources-\(getpid()).json"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResourceSettings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    write(data, size, to: path)
    guard let settings = try? ResourceSettings.load(path: path) else { return 0 }
    _ = ResourceAnalysis.analyze(roster: roster, settings: settings).reportSection()
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
