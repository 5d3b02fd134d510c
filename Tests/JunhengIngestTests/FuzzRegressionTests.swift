import Testing

@testable import JunhengIngest

/// Inputs the fuzzer (Tests/Fuzz) found that broke the reader.
@Suite struct FuzzRegressionTests {
    /// The fuzzer's input (NUL bytes, one-cell rows, `;` and `,`): in batch mode, the rows of a one-column
    /// file replayed into the batch were cut off again with the record that decided it, and the batch
    /// pointed past its fields ("Range requires lowerBound <= upperBound").
    @Test func backgroundReaderReplaysTheFuzzersOneColumnFile() throws {
        let path = fixture("fuzz-background-one-column.csv")
        let limits = CSVLimits(fieldBytes: 256, recordBytes: 1024, columns: 32, titleLines: 3, tableBytes: 8192)
        let options = CSVReadOptions(limits: limits)
        var records: [CSVRecord] = []
        let reader = CSVBackgroundReader(file: CSVFile(path: path, options: options), batchRows: 3, depth: 2)
        _ = try reader.scan { records.append(try $0.record()) }
        #expect(records == (try CSVTable.read(path: path, options: options)).records)
    }

    /// The same, small: the fourth one-cell row past three title lines makes `h` the header of a
    /// one-column file; every row after it must arrive as written, in one batch.
    @Test func backgroundReaderKeepsTheReplayedRows() throws {
        let path = temporaryFile("h\n1\n2\n3\n4\n5\n6\n")
        let options = CSVReadOptions(limits: CSVLimits(titleLines: 3))
        var records: [CSVRecord] = []
        _ = try CSVBackgroundReader(file: CSVFile(path: path, options: options)).scan {
            records.append(try $0.record())
        }
        #expect(records.map(\.fields) == [["1"], ["2"], ["3"], ["4"], ["5"], ["6"]])
        #expect(records.map(\.line) == [2, 3, 4, 5, 6, 7])
    }
}
