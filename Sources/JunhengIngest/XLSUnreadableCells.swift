import Foundation

/// The cells of an .xls worksheet that libfreexl 1.0.6 cannot read and hands back as empty: formula
/// cells (BIFF record FORMULA, 0x0006: it keeps no formula's last value) and boolean or error cells
/// (BOOLERR, 0x0205). A 问卷星 download has none; a roster someone edited in Excel may well have
/// (`=B2/C2`), and reading its results as blanks would be a silently wrong figure, so the workbook
/// reader refuses a sheet with any and says where the first is.
///
/// Found by walking the sheet's BIFF records ([MS-XLS] §2.4: each record is a 2-byte type, a 2-byte
/// length, then its data) in the `Workbook` stream (``CompoundFile``); BOUNDSHEET records (0x0085)
/// give each sheet's name and where its records start.
struct XLSUnreadableCells: Sendable, Hashable {
    /// Formula, boolean and error cells in the sheet.
    var count: Int
    /// The first one's 1-based row and column.
    var first: (row: Int, column: Int)?

    static func == (lhs: XLSUnreadableCells, rhs: XLSUnreadableCells) -> Bool {
        lhs.count == rhs.count && lhs.first?.row == rhs.first?.row && lhs.first?.column == rhs.first?.column
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(first?.row)
        hasher.combine(first?.column)
    }

    private static let formula: UInt16 = 0x0006
    private static let boolErr: UInt16 = 0x0205
    private static let bof: UInt16 = 0x0809
    private static let eof: UInt16 = 0x000A

    /// Counts them in sheet `sheet` of the workbook at `path`: found by its name, else (a BIFF5 name
    /// in a code page) as the `index`-th sheet.
    ///
    /// - Returns: the count, or `nil` when the file's structure cannot be followed (it is damaged).
    static func scan(path: String, sheet: String, index: Int) -> XLSUnreadableCells? {
        guard case .success(let (_, stream)) = XLSGlobals.read(path: path) else { return nil }
        return scan(stream: stream, sheet: sheet, index: index)
    }

    /// Counts them in the BIFF records of a `Workbook` stream.
    static func scan(stream: [UInt8], sheet: String, index: Int) -> XLSUnreadableCells? {
        // 1. Where the sheet's substream starts (BOUNDSHEET records).
        let sheets = XLSGlobals.read(stream: stream).sheets
        var start = sheets.first { $0.name == sheet }?.start
        if start == nil, index < sheets.count { start = sheets[index].start }
        guard let start, start + 4 <= stream.count, CompoundFile.u16(stream, start) == bof else { return nil }

        // 2. The sheet's records, to its EOF (embedded charts nest their own BOF … EOF).
        var count = 0
        var first: (row: Int, column: Int)?
        var depth = 0
        var position = start
        while position + 4 <= stream.count {
            let type = CompoundFile.u16(stream, position)
            let length = Int(CompoundFile.u16(stream, position + 2))
            let data = position + 4
            switch type {
            case bof: depth += 1
            case eof:
                depth -= 1
                if depth == 0 { return XLSUnreadableCells(count: count, first: first) }
            case formula, boolErr:
                guard depth == 1, length >= 4 else { break }
                count += 1
                if first == nil {
                    first = (Int(CompoundFile.u16(stream, data)) + 1, Int(CompoundFile.u16(stream, data + 2)) + 1)
                }
            default: break
            }
            position = data + length
        }
        return nil
    }
}
