import JunhengIngest

/// A row straight from the reader's buffer, read without making Strings. Its bytes are checked as UTF-8
/// where the pipeline has not already matched them to a known value byte for byte (which proves them).
struct ReaderRow: ResponseFields {
    let row: CSVRow

    var line: Int { row.line }

    @inline(__always)
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        column < row.count ? row.bytes(column) : UnsafeBufferPointer(start: nil, count: 0)
    }

    @inline(__always)
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(bytes(column))
    }

    func feedCells(from first: Int, count: Int, into hash: inout ResponseHash) {
        let start = min(first, row.count)
        let present = min(count, row.count - start)
        hash.feed(run: row.run(start..<start + present), count: count)
    }

    func text(_ column: Int) -> String? {
        guard column < row.count else { return nil }
        return row.withUTF8(column) { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    func checkUTF8(_ columns: UnsafeBufferPointer<Int32>) throws(IngestError) {
        // Text the reader converted (GB18030, UTF-16) is UTF-8 by construction.
        if row.isConvertedText { return }
        for column in columns where Int(column) < row.count {
            if !row.withUTF8(Int(column), { UTF8Scanner.isValid($0) }) {
                // The reader's own check names the first field that is not UTF-8.
                try row.validate()
                preconditionFailure("a field that is not UTF-8 fails the row's check")
            }
        }
    }
}
