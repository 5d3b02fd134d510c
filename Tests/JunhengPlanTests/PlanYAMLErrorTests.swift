import JunhengCore
import Testing

@testable import JunhengPlan

/// Every YAML error of a plan file has its line and column (issue 22), the reader's too (a character
/// YAML does not allow, such as NUL, which libyaml gives as an offset).
@Suite struct PlanYAMLErrorTests {
    @Test func aNulByteIsRefusedAtItsLineAndColumn() throws {
        do {
            _ = try PlanLoader.parse(yaml: "id: x\ntitle: 方案\u{0}\n", file: "p.yaml")
            Issue.record("a NUL byte is not YAML")
        } catch {
            #expect(error.location == SourceLocation(file: "p.yaml", line: 2, column: 10))
            #expect(error.message.en.hasPrefix("Not valid YAML (control characters are not allowed)"))
        }
    }
}
