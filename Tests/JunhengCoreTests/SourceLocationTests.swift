import JunhengCore
import Testing

@Suite struct SourceLocationTests {
    @Test func printsFileLineAndColumnAsCompilersDo() {
        #expect(SourceLocation(file: "a.csv").description == "a.csv")
        #expect(SourceLocation(file: "a.csv", line: 3).description == "a.csv:3")
        #expect(SourceLocation(file: "a.csv", line: 3, column: 7).description == "a.csv:3:7")
    }
}
