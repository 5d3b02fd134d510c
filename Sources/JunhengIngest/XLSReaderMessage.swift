import JunhengCore

/// What junheng and its .xls reader process (``XLSReaderChild``) say to each other over their socket.
///
/// Each message is a tag byte, its payload's length (4 bytes, little-endian), then the payload: counts
/// as 4-byte little-endian numbers, texts as a count of UTF-8 bytes then the bytes. The child says the
/// sheets' names, then (once told which sheet) its size, each row, and the end; or, at any point, the
/// ``IngestError`` that stopped it. A payload is at most ``maximumPayload``; anything else the parent
/// reads is malformed, and the workbook is called damaged.
enum XLSReaderMessage: Hashable, Sendable {
    /// Child: the worksheets' names, in workbook order.
    case sheets([String])
    /// Parent: read the sheet at this 0-based index.
    case select(Int)
    /// Child: the selected sheet's rows and columns (from A1 to its last filled cell).
    case sheet(rows: Int, columns: Int)
    /// Child: a row's 0-based index and its cells as Excel shows them (trailing empty cells left out).
    case row(index: Int, cells: [String])
    /// Child: the sheet's rows are all sent.
    case end
    /// Child: what stopped it (a password, damage, formula cells), as the reader would have thrown it.
    case failure(IngestError)

    /// The most bytes a payload may have: a BIFF row of 256 cells of 32,767 characters is under 25 MB.
    static let maximumPayload = 64 << 20

    private enum Tag: UInt8 {
        case sheets = 0x4E  // N
        case select = 0x53  // S
        case sheet = 0x44  // D
        case row = 0x52  // R
        case end = 0x5A  // Z
        case failure = 0x45  // E
    }

    /// The message as sent: tag, length, payload.
    var encoded: [UInt8] {
        var payload = Payload()
        let tag: Tag
        switch self {
        case .sheets(let names):
            tag = .sheets
            payload.count(names.count)
            for name in names { payload.text(name) }
        case .select(let index):
            tag = .select
            payload.count(index)
        case .sheet(let rows, let columns):
            tag = .sheet
            payload.count(rows)
            payload.count(columns)
        case .row(let index, let cells):
            tag = .row
            payload.count(index)
            payload.count(cells.count)
            for cell in cells { payload.text(cell) }
        case .end:
            tag = .end
        case .failure(let error):
            tag = .failure
            payload.text(error.kind.rawValue)
            payload.text(error.location?.file ?? "")
            payload.count(error.location?.line ?? 0)
            payload.count(error.location?.column ?? 0)
            payload.text(error.message.zh)
            payload.text(error.message.en)
        }
        var bytes = [tag.rawValue]
        bytes.append(contentsOf: Payload.littleEndian(payload.bytes.count))
        return bytes + payload.bytes
    }

    /// The message of `tag` with `payload`, or `nil` when it is not one.
    init?(tag: UInt8, payload: [UInt8]) {
        guard let tag = Tag(rawValue: tag) else { return nil }
        var reader = PayloadReader(bytes: payload)
        switch tag {
        case .sheets:
            guard let count = reader.count(), count <= 65_535 else { return nil }
            var names: [String] = []
            for _ in 0..<count {
                guard let name = reader.text() else { return nil }
                names.append(name)
            }
            self = .sheets(names)
        case .select:
            guard let index = reader.count() else { return nil }
            self = .select(index)
        case .sheet:
            guard let rows = reader.count(), let columns = reader.count() else { return nil }
            self = .sheet(rows: rows, columns: columns)
        case .row:
            guard let index = reader.count(), let count = reader.count(), count <= payload.count / 4 else { return nil }
            var cells: [String] = []
            cells.reserveCapacity(count)
            for _ in 0..<count {
                guard let cell = reader.text() else { return nil }
                cells.append(cell)
            }
            self = .row(index: index, cells: cells)
        case .end:
            self = .end
        case .failure:
            guard let kindName = reader.text(), let kind = IngestError.Kind(rawValue: kindName),
                let file = reader.text(), let line = reader.count(), let column = reader.count(),
                let zh = reader.text(), let en = reader.text()
            else { return nil }
            self = .failure(
                IngestError(
                    kind: kind,
                    location: SourceLocation(
                        file: file, line: line == 0 ? nil : line, column: column == 0 ? nil : column),
                    message: LocalizedText(zh: zh, en: en)))
        }
        guard reader.isAtEnd else { return nil }
    }

    // MARK: - Payloads

    private struct Payload {
        var bytes: [UInt8] = []

        static func littleEndian(_ value: Int) -> [UInt8] {
            let value = UInt32(truncatingIfNeeded: value)
            return [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }

        mutating func count(_ value: Int) {
            bytes.append(contentsOf: Self.littleEndian(value))
        }

        mutating func text(_ value: String) {
            count(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
    }

    private struct PayloadReader {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func count() -> Int? {
            guard position + 4 <= bytes.count else { return nil }
            defer { position += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[position + $1]) << (8 * $1) }
        }

        mutating func text() -> String? {
            guard let length = count(), length <= bytes.count - position else { return nil }
            defer { position += length }
            return String(decoding: bytes[position..<position + length], as: UTF8.self)
        }
    }
}
