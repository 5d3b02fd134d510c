import JunhengIngest

/// A kept record's fields are Strings: valid UTF-8 already.
extension CSVRecord: ResponseFields {
    func withField<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard column < fields.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        var value = fields[column]
        return value.withUTF8(body)
    }

    func text(_ column: Int) -> String? { self[column: column] }

    func checkUTF8(_ columns: UnsafeBufferPointer<Int32>) throws(IngestError) {}
}
