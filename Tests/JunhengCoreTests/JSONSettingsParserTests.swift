import JunhengCore
import Testing

/// The JSON reader of settings files keeps every key's and value's place (line, column in characters).
@Suite struct JSONSettingsParserTests {
    func parse(_ text: String) throws -> SettingsNode { try JSONSettingsParser.parse(text, file: "s.json") }

    @Test func keysAndValuesKeepTheirPlaces() throws {
        let node = try parse("{\n  \"甲\": [1, \"二\"],\n  \"b\": {\"c\": null}\n}")
        guard case .mapping(let entries) = node.value else {
            Issue.record("not a mapping")
            return
        }
        #expect(entries.map(\.key) == ["甲", "b"])
        #expect(entries[0].keyLocation == SourceLocation(file: "s.json", line: 2, column: 3))
        #expect(entries[0].value.location == SourceLocation(file: "s.json", line: 2, column: 8))
        #expect(entries[1].keyLocation == SourceLocation(file: "s.json", line: 3, column: 3))
        guard case .sequence(let list) = entries[0].value.value else {
            Issue.record("not a list")
            return
        }
        #expect(list.map(\.value) == [.scalar("1"), .scalar("二")])
        #expect(list[1].location.column == 12)  // 甲 counts as one character
    }

    @Test func escapesAndABOMAreRead() throws {
        let node = try parse("\u{FEFF}{\"a\\\"b\": \"x\\ny\\u4e2d\"}")
        guard case .mapping(let entries) = node.value else {
            Issue.record("not a mapping")
            return
        }
        #expect(entries[0].key == "a\"b")
        #expect(entries[0].value.value == .scalar("x\ny中"))
    }

    @Test func brokenJSONIsPlaced() {
        #expect(
            throws: SettingsError(
                location: SourceLocation(file: "s.json", line: 1, column: 8),
                message: LocalizedText(zh: "不是有效的 JSON：这里应为逗号或 }", en: "not valid JSON: a comma or } is expected here"))
        ) {
            try parse("{\"a\":1 \"b\":2}")  // at the second key, where the comma is missing
        }
        #expect(throws: SettingsError.self) { try parse("{\"a\": \"open") }
        #expect(throws: SettingsError.self) { try parse("[1] 2") }
        #expect(throws: SettingsError.self) { try parse("") }
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 10_000)
        #expect(throws: SettingsError.self) { try parse(deep) }
    }
}
