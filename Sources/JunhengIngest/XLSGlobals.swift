import Foundation

/// What junheng reads itself of an .xls workbook's globals, the BIFF records of its `Workbook` stream
/// before the first sheet ([MS-XLS] §2.1.7.20.3): whether it is encrypted, and the sheets it names.
///
/// libfreexl 1.0.6 answers "OK" without a workbook both for a workbook with a FILEPASS record (0x002F:
/// encrypted with a password) and for many damaged ones, so that answer alone would call a damaged file
/// password-protected and suggest the wrong fix. Only a FILEPASS record found here says "password".
/// Record headers stay in clear text in an encrypted workbook, so the walk is the same for both.
/// (`package`: the .xls fuzz target checks its verdicts against it.)
package struct XLSGlobals: Sendable, Hashable {
    /// A FILEPASS record is among the globals.
    package var encrypted: Bool
    /// The sheets the BOUNDSHEET records (0x0085) name, in order: their names (`nil` for a name that
    /// cannot be read) and where their records start in the stream.
    package var sheets: [Sheet]
    /// The records could be followed to the globals' EOF.
    package var complete: Bool

    package struct Sheet: Sendable, Hashable {
        package var name: String?
        package var start: Int
    }

    /// Why the globals could not be read at all.
    package enum Failure: Error, Hashable {
        /// The compound file's header, allocation table or directory is broken.
        case compoundFile
        /// The compound file holds no `Workbook` (BIFF8) or `Book` (BIFF5) stream.
        case noWorkbookStream
    }

    static let filePass: UInt16 = 0x002F
    static let boundSheet: UInt16 = 0x0085
    static let eof: UInt16 = 0x000A

    /// Reads the globals of the workbook at `path`, and hands back the `Workbook` stream too.
    package static func read(path: String) -> Result<(XLSGlobals, stream: [UInt8]), Failure> {
        guard let data = FileManager.default.contents(atPath: path), let file = CompoundFile(bytes: Array(data)) else {
            return .failure(.compoundFile)
        }
        guard let stream = file.stream(named: "Workbook") ?? file.stream(named: "Book") else {
            return .failure(.noWorkbookStream)
        }
        return .success((read(stream: stream), stream))
    }

    /// Walks the records of a `Workbook` stream from its start to the globals' EOF (or as far as they go).
    static func read(stream: [UInt8]) -> XLSGlobals {
        var globals = XLSGlobals(encrypted: false, sheets: [], complete: false)
        var position = 0
        while position + 4 <= stream.count {
            let type = CompoundFile.u16(stream, position)
            let length = Int(CompoundFile.u16(stream, position + 2))
            let data = position + 4
            guard data + length <= stream.count else { break }
            switch type {
            case eof:
                globals.complete = true
                return globals
            case filePass:
                globals.encrypted = true
            case boundSheet where length >= 8:
                globals.sheets.append(
                    Sheet(
                        name: globals.encrypted ? nil : sheetName(stream, at: data + 6, end: data + length),
                        start: Int(CompoundFile.u32(stream, data))))
            default: break
            }
            position = data + length
        }
        return globals
    }

    /// A BIFF8 ShortXLUnicodeString: a character count, a flags byte (bit 0: two bytes a character),
    /// then the characters.
    static func sheetName(_ stream: [UInt8], at offset: Int, end: Int) -> String? {
        guard offset + 2 <= end, end <= stream.count else { return nil }
        let count = Int(stream[offset])
        let wide = stream[offset + 1] & 1 == 1
        let body = offset + 2
        if wide {
            guard body + 2 * count <= end else { return nil }
            return String(decoding: (0..<count).map { CompoundFile.u16(stream, body + 2 * $0) }, as: UTF16.self)
        }
        guard body + count <= end else { return nil }
        return String(decoding: stream[body..<body + count].map { UInt16($0) }, as: UTF16.self)
    }
}
