import JunhengCore
import Testing

@testable import JunhengMonitoring

/// Every YAML error of the monitoring settings has its line and column (issue 22), the reader's too.
@Suite struct MonitoringSettingsYAMLErrorTests {
    @Test func aNulByteIsRefusedAtItsLineAndColumn() throws {
        do {
            _ = try MonitoringSettings.parse(yaml: "levels:\n  a: 1\u{0}\n", file: "m.yaml")
            Issue.record("a NUL byte is not YAML")
        } catch {
            #expect(error.location == SourceLocation(file: "m.yaml", line: 2, column: 7))
            #expect(error.message.en.hasPrefix("not valid YAML: control characters are not allowed"))
        }
    }
}
