import Foundation
import JunhengCore
import Testing

@testable import JunhengEvaluation

/// Every YAML error of the frequency settings (`crosstabs:`) has its line and column (issue 22): they had
/// none.
@Suite struct FrequencySettingsYAMLErrorTests {
    static func error(_ yaml: String) throws -> EvaluationError? {
        let path = NSTemporaryDirectory() + "junheng-frequency-settings-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try FrequencySettings.load(path: path, questionnaires: [])
            return nil
        } catch {
            #expect(error.location?.file == path)
            return error
        }
    }

    @Test func scannerAndReaderErrorsHaveTheirPlace() throws {
        let unclosed = try #require(try Self.error("crosstabs:\n  public: [township\n"))
        #expect(unclosed.location?.line != nil && unclosed.location?.column != nil)
        let nul = try #require(try Self.error("crosstabs:\n  public: town\u{0}ship\n"))
        #expect(nul.location?.line == 2)
        #expect(nul.location?.column == 15)
        let twice = try #require(try Self.error("crosstabs:\n  public: a\n  public: b\n"))
        #expect(twice.message.en == "the key public appears twice; remove one.")
        #expect(twice.location?.line != nil && twice.location?.column != nil)
    }
}
