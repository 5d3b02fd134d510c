import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// The background reader must hand over exactly what the plain reader does: same header, same records
/// with the same lines, same problems and errors, whatever the batch size.
@Suite struct CSVBackgroundReaderTests {
    struct Seen: Equatable {
        var header: [String] = []
        var headerLine = 0
        var records: [CSVRecord] = []
    }

    func plain(_ name: String) throws -> (Seen, CSVReadSummary) {
        var seen = Seen()
        let summary = try CSVFile(path: fixture(name)).scan(
            header: {
                seen.header = $0
                seen.headerLine = $1
            }, row: { seen.records.append(try $0.record()) })
        return (seen, summary)
    }

    func background(_ name: String, batchRows: Int) throws -> (Seen, CSVReadSummary) {
        var seen = Seen()
        let reader = CSVBackgroundReader(file: CSVFile(path: fixture(name)), batchRows: batchRows, depth: 2)
        let summary = try reader.scan(
            header: {
                seen.header = $0
                seen.headerLine = $1
            },
            row: { row in
                try row.validate()
                seen.records.append(try row.record())
            })
        return (seen, summary)
    }

    @Test(arguments: [
        "quoted.csv", "ragged.csv", "gb18030.csv", "title-total.csv", "nul-bytes.csv", "mixed-endings.csv",
    ])
    func sameAsThePlainReader(name: String) throws {
        let (expected, expectedSummary) = try plain(name)
        for batchRows in [1, 2, 3, 1024] {
            let (seen, summary) = try background(name, batchRows: batchRows)
            #expect(seen == expected, "batch size \(batchRows)")
            #expect(summary == expectedSummary, "batch size \(batchRows)")
        }
    }

    @Test func readerErrorsArriveAfterTheRowsBeforeThem() {
        var lines: [Int] = []
        #expect {
            _ = try CSVBackgroundReader(file: CSVFile(path: fixture("unterminated-quote.csv")), batchRows: 1).scan {
                lines.append($0.line)
            }
        } throws: { error in
            (error as? IngestError)?.kind == .unterminatedQuote && (error as? IngestError)?.location?.line == 3
        }
        #expect(lines == [2])
    }

    struct Stop: Error {}

    @Test func anErrorInTheCallerStopsTheReader() throws {
        var calls = 0
        #expect(throws: Stop.self) {
            _ = try CSVBackgroundReader(file: CSVFile(path: fixture("mixed-encoding.csv")), batchRows: 4, depth: 2)
                .scan { _ in
                    calls += 1
                    if calls == 5 { throw Stop() }
                }
        }
        #expect(calls == 5)
    }
}
