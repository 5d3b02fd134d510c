import Foundation
import JunhengCore
import Testing

@Suite struct ExplicitNullTests {
    struct Row: Codable, Equatable {
        var year: Int
        @ExplicitNull var mean: Double?
        @ExplicitNull var levels: [Int]?
    }

    @Test func aMissingValueIsWrittenAsNull() throws {
        let json = try JSONOutput.encode(Row(year: 2024, mean: nil, levels: nil))
        #expect(json == "{\n  \"levels\" : null,\n  \"mean\" : null,\n  \"year\" : 2024\n}")
    }

    @Test func aValueIsWrittenAsItself() throws {
        let json = try JSONOutput.encode(Row(year: 2024, mean: 489.5, levels: [1, 2]))
        #expect(json == "{\n  \"levels\" : [\n    1,\n    2\n  ],\n  \"mean\" : 489.5,\n  \"year\" : 2024\n}")
    }

    @Test func readsNullAMissingKeyAndAValue() throws {
        let decoder = JSONDecoder()
        let missing = try decoder.decode(Row.self, from: Data(#"{"year": 1}"#.utf8))
        #expect(missing == Row(year: 1, mean: nil, levels: nil))
        let null = try decoder.decode(Row.self, from: Data(#"{"year": 1, "mean": null}"#.utf8))
        #expect(null == Row(year: 1, mean: nil, levels: nil))
        let value = try decoder.decode(Row.self, from: Data(#"{"year": 1, "mean": 2.5, "levels": [3]}"#.utf8))
        #expect(value == Row(year: 1, mean: 2.5, levels: [3]))
    }
}
