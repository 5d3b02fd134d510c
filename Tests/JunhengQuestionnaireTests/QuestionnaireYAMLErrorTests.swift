import JunhengCore
import Testing

@testable import JunhengQuestionnaire

/// A questionnaire file YAML cannot read is refused at its line and column, whatever the reason (issue 22:
/// a NUL byte said "不是有效的 YAML" with no place).
@Suite struct QuestionnaireYAMLErrorTests {
    static func error(_ yaml: String) -> QuestionnaireError? {
        do {
            _ = try QuestionnaireLoader.parse(yaml: yaml, file: "big.yaml")
            return nil
        } catch {
            return error
        }
    }

    /// A NUL byte (libyaml's reader error, which gives an offset, not a line) on line 2, column 9.
    @Test func aNulByteIsRefusedAtItsLineAndColumn() throws {
        let failure = try #require(Self.error("id: t\ntitle: a\u{0}b\ngroups: [家长]\n"))
        #expect(failure.location == SourceLocation(file: "big.yaml", line: 2, column: 9))
        #expect(failure.message.zh == "不是有效的 YAML（常见原因：缩进不齐、冒号后缺空格、括号或引号未闭合）。")
        #expect(failure.message.en == "not valid YAML: control characters are not allowed.")
    }

    /// Columns count characters, not bytes: the NUL after `题目：` (three characters) is column 10.
    @Test func columnsCountCharacters() throws {
        let failure = try #require(Self.error("id: t\ntitle: 题目：\u{0}\n"))
        #expect(failure.location == SourceLocation(file: "big.yaml", line: 2, column: 11))
    }

    @Test func aDuplicateKeyHasItsColumnToo() throws {
        let failure = try #require(Self.error("id: t\ntitle: a\nid: u\n"))
        #expect(failure.location?.line != nil)
        #expect(failure.location?.column != nil)
    }
}
