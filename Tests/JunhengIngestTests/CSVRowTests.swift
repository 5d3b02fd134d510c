import JunhengIngest
import Testing

/// A row copied from a kept record, and runs of its fields read at once (the duplicate screen's hash).
@Suite struct CSVRowTests {
    static let record = CSVRecord(line: 7, fields: ["ab", "", "中文", "c"])

    @Test func aCopiedRecordReadsAsTheRecord() throws {
        let (line, count, fields) = try CSVRow.withCopy(of: Self.record, file: "kept.csv") { row in
            (row.line, row.count, try (0..<row.count).map { try row.field($0) })
        }
        #expect(line == 7)
        #expect(count == 4)
        #expect(fields == ["ab", "", "中文", "c"])
    }

    /// Fields 1–3: "" (0 bytes), "中文" (6 bytes), "c" (1 byte) end to end: 7 bytes, ending at 0, 6 and 7.
    @Test func aRunHoldsItsFieldsEndToEndAndWhereEachEnds() {
        let (bytes, ends) = CSVRow.withCopy(of: Self.record, file: "kept.csv") { row in
            let run = row.run(1..<4)
            return (Array(run.bytes), (0..<run.count).map(run.end))
        }
        #expect(bytes == Array("中文c".utf8))
        #expect(ends == [0, 6, 7])
    }

    @Test func aRunFromTheFirstFieldAndAnEmptyRun() {
        let (first, empty) = CSVRow.withCopy(of: Self.record, file: "kept.csv") { row in
            let run = row.run(0..<1)
            let none = row.run(4..<4)
            return ((Array(run.bytes), run.end(0)), (none.bytes.count, none.count))
        }
        #expect(first.0 == Array("ab".utf8) && first.1 == 2)
        #expect(empty.0 == 0 && empty.1 == 0)
    }
}
