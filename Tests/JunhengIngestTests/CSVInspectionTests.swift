import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

@Suite struct CSVInspectionTests {
    /// `junheng inspect --format json`'s keys, with the values each fixture's comment in make_fixtures.py states.
    @Test func jsonHasTheDocumentedKeys() throws {
        let inspection = CSVInspection.inspect(path: fixture("ragged.csv"))
        let json = try JSONOutput.encode(inspection)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        for key in ["file", "encoding", "delimiter", "columns", "rows", "problems", "ok"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["encoding"] as? String == "utf-8")
        #expect(object["delimiter"] as? String == ",")
        #expect(object["columns"] as? [String] == ["a", "b", "c"])
        #expect(object["rows"] as? Int == 2)
        #expect(object["ok"] as? Bool == false)
        let problems = object["problems"] as! [[String: Any]]
        #expect(problems.map { $0["line"] as? Int } == [3, 4])
    }

    @Test func fatalErrorIsAProblemAndKeepsWhatWasLearnt() {
        let inspection = CSVInspection.inspect(path: fixture("unterminated-quote.csv"))
        #expect(inspection.ok == false)
        #expect(inspection.error?.kind == .unterminatedQuote)
        #expect(inspection.columns == ["id", "text"])
        #expect(inspection.problems.last?.fatal == true)
        #expect(inspection.problems.last?.line == 3)
    }

    @Test func cleanFileIsOK() {
        let inspection = CSVInspection.inspect(path: fixture("gb18030.csv"))
        #expect(inspection.ok)
        #expect(inspection.encoding == "gb18030")
        #expect(inspection.rows == 3)
    }

    @Test func workbookHasNoEncoding() throws {
        let inspection = CSVInspection.inspect(path: fixture("workbook.xlsx"))
        let json = try JSONOutput.encode(inspection)
        #expect(json.contains("\"encoding\" : null"))
        #expect(json.contains("\"format\" : \"xlsx\""))
        #expect(inspection.error?.kind == .damaged)
    }
}
