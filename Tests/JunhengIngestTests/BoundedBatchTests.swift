import Testing

@testable import JunhengIngest

/// The background reader's batches are bounded in bytes as well as rows, and a buffer that one long
/// record grew is given back.
@Suite struct BoundedBatchTests {
    @Test func aBatchIsFullAtItsRowsOrItsBytes() {
        let batch = RowBatch()
        #expect(!batch.isFull(rows: 2))
        let field = [UInt8](repeating: 0x61, count: RowBatch.byteLimit)
        field.withUnsafeBytes { batch.buffer.appendField($0.baseAddress, length: $0.count) }
        #expect(batch.isFull(rows: 1_024))
        batch.reset()
        #expect(batch.buffer.capacity == RowBatch.keptCapacity)
        #expect(!batch.isFull(rows: 1_024))
    }

    /// Records of 300 KiB each: with 1,024-row batches, each batch still holds at most four of them.
    @Test func longRecordsGoInSmallBatches() throws {
        let field = String(repeating: "x", count: 300 << 10)
        let path = temporaryFile("a,b\n" + String(repeating: "1,\(field)\n", count: 10))
        var rows = 0
        let summary = try CSVBackgroundReader(file: CSVFile(path: path), batchRows: 1_024, depth: 2).scan { row in
            #expect(row.byteCount(1) == 300 << 10)
            rows += 1
        }
        #expect(rows == 10)
        #expect(summary.rows == 10)
    }
}
