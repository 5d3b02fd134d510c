import JunhengCore

/// A data record as the reader holds it: fields decoded only when asked for.
///
/// A `CSVRow` is valid only inside the callback that receives it (the reader reuses its buffer for
/// the next record); call ``record()`` to keep one. Decoding a field checks its bytes: a byte that is
/// not UTF-8 is an ``IngestError`` naming the line and column, never a replacement character.
public struct CSVRow {
    /// The file the row comes from, for error locations.
    public let file: String
    /// The physical line where the record starts.
    public let line: Int
    @usableFromInline let buffer: RecordBuffer
    /// This row's first field in `buffer` (a batch holds many rows end to end).
    @usableFromInline let firstField: Int
    /// The number of fields.
    public let count: Int
    /// Whether the row's bytes are UTF-8 by the way they were made: converted from GB18030 or UTF-16 by
    /// the reader (iconv and its table write nothing else, and fields end at ASCII delimiters), so that
    /// ``validate()`` has nothing to check. `false`: the file's own bytes, checked where they become text.
    public let isConvertedText: Bool

    /// The record `buffer` holds alone.
    init(file: String, line: Int, buffer: RecordBuffer, isConvertedText: Bool = false) {
        self.init(
            file: file, line: line, buffer: buffer, firstField: 0, count: buffer.fieldCount,
            isConvertedText: isConvertedText)
    }

    /// One record among several in `buffer`: fields `firstField ..< firstField + count`.
    init(file: String, line: Int, buffer: RecordBuffer, firstField: Int, count: Int, isConvertedText: Bool = false) {
        self.file = file
        self.line = line
        self.buffer = buffer
        self.firstField = firstField
        self.count = count
        self.isConvertedText = isConvertedText
    }

    /// The field at a 0-based index, decoded and checked.
    public func field(_ index: Int) throws(IngestError) -> String {
        let bytes = buffer.field(firstField + index)
        do throws(UTF8.ValidationError) {
            return String(copying: try UTF8Span(validating: bytes.span))
        } catch {}
        let offset = UTF8Scanner.firstInvalidByte(UnsafeRawBufferPointer(bytes), allowTruncatedEnd: false) ?? 0
        throw IngestError(
            kind: .invalidEncoding, location: SourceLocation(file: file, line: line, column: index + 1),
            message: IngestMessage.invalidUTF8(bytes[offset], offset: offset))
    }

    /// Checks that every field decodes, without keeping the text (nothing to check in converted text,
    /// ``isConvertedText``).
    ///
    /// One pass over the record's bytes (its fields lie end to end): if they are valid UTF-8 and no
    /// field starts with a continuation byte (10xxxxxx), no field boundary splits a character, so every
    /// field is valid on its own. Only a failure looks field by field, to name the column.
    public func validate() throws(IngestError) {
        guard count > 0, !isConvertedText else { return }
        let ends = buffer.storage.pointee.fieldEnds
        let start = firstField == 0 ? 0 : ends[firstField - 1]
        let end = ends[firstField + count - 1]
        let all = UnsafeBufferPointer(start: buffer.bytes + start, count: end - start)
        var valid = true
        do throws(UTF8.ValidationError) {
            _ = try UTF8Span(validating: all.span)
        } catch {
            valid = false
        }
        if valid {
            for index in firstField..<firstField + count - 1 where ends[index] < end {
                if buffer.bytes[ends[index]] & 0xC0 == 0x80 {
                    valid = false
                    break
                }
            }
        }
        if valid { return }
        for index in 0..<count { _ = try field(index) }
    }

    /// The field's UTF-8 bytes, unchecked (valid only inside `body`).
    @inlinable public func withUTF8<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result)
        rethrows -> Result
    {
        try body(buffer.field(firstField + index))
    }

    /// The field's UTF-8 bytes, unchecked: valid until the reader moves on to the next record (the
    /// callback that received the row returns). The hot path of the satisfaction count reads its cells
    /// this way, with no closure per cell.
    @inlinable @inline(__always) public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        buffer.field(firstField + index)
    }

    /// Fields `range` at once (they lie end to end in the reader's buffer): their bytes, and the length of
    /// each (``CSVFieldRun``). Valid until the reader moves on, as ``bytes(_:)`` is.
    @inlinable public func run(_ range: Range<Int>) -> CSVFieldRun {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a run of the row's own fields")
        let ends = buffer.storage.pointee.fieldEnds
        let first = firstField + range.lowerBound
        let start = first == 0 ? 0 : ends[first - 1]
        let end = range.isEmpty ? start : ends[first + range.count - 1]
        return CSVFieldRun(
            bytes: UnsafeBufferPointer(start: buffer.storage.pointee.bytes + start, count: end - start),
            ends: UnsafePointer(ends + first), start: start, count: range.count)
    }

    /// Reads a kept record through the reader's own row type: its fields copied into a buffer of their
    /// own, so that one code path reads both (the row is valid only inside `body`).
    public static func withCopy<Result, Failure: Error>(
        of record: CSVRecord, file: String, _ body: (CSVRow) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let buffer = RecordBuffer(capacity: max(64, record.fields.reduce(0) { $0 + $1.utf8.count }))
        for field in record.fields { buffer.appendField(field) }
        return try body(CSVRow(file: file, line: record.line, buffer: buffer))
    }

    /// The number of UTF-8 bytes in a field.
    @inlinable public func byteCount(_ index: Int) -> Int { buffer.field(firstField + index).count }

    /// Every field decoded and checked, to keep after the callback returns.
    public func record() throws(IngestError) -> CSVRecord {
        var fields: [String] = []
        fields.reserveCapacity(count)
        for index in 0..<count { fields.append(try field(index)) }
        return CSVRecord(line: line, fields: fields)
    }
}
