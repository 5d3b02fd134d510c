import Foundation
import Testing

/// CLI output compared exactly against a file under `Tests/junhengTests/Snapshots/`.
///
/// A snapshot holds the command, its exit status, and what it wrote to standard output and standard error,
/// byte for byte. Snapshots are re-recorded only on purpose: run the tests with
/// `JUNHENG_RECORD_SNAPSHOTS=1` (`make snapshots`), then read the diff before committing it.
enum Snapshot {
    static let folder = JunhengBinary.root + "/Tests/junhengTests/Snapshots"

    static var recording: Bool { ProcessInfo.processInfo.environment["JUNHENG_RECORD_SNAPSHOTS"] == "1" }

    /// The text of a snapshot: the command line, the status, and both streams.
    static func text(arguments: [String], output: JunhengBinary.Output) -> String {
        "$ junheng \(arguments.joined(separator: " "))\n"
            + "exit: \(output.status)\n"
            + "--- stdout\n\(output.stdout)"
            + (output.stdout.isEmpty || output.stdout.hasSuffix("\n") ? "" : "\n⏎ (no final newline)\n")
            + "--- stderr\n\(output.stderr)"
            + (output.stderr.isEmpty || output.stderr.hasSuffix("\n") ? "" : "\n⏎ (no final newline)\n")
    }

    /// Runs `junheng ARGUMENTS` and compares everything it printed with the snapshot `name`.
    @discardableResult
    static func expect(
        _ name: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JunhengBinary.Output {
        let output = try JunhengBinary.run(arguments)
        let actual = text(arguments: arguments, output: output)
        let path = folder + "/" + name + ".txt"
        if recording {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return output
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record(
                "no snapshot \(name).txt: record it with JUNHENG_RECORD_SNAPSHOTS=1 (make snapshots)",
                sourceLocation: sourceLocation)
            return output
        }
        #expect(actual == expected, "output differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
        return output
    }
}
