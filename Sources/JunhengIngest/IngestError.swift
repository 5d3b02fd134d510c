public import JunhengCore

/// A CSV file that cannot be read safely: the reader stops and says where and what to do.
public struct IngestError: UserFacingError, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The file could not be opened or read.
        case unreadable
        /// The file is an Excel workbook (.xlsx or .xls) given to the CSV engine itself (the entry points
        /// read workbooks through ``WorkbookFile``, so only a direct use of the engine meets this).
        case spreadsheet
        /// A workbook protected with a password to open.
        case encrypted
        /// A workbook that is damaged or not one Excel reads (a broken ZIP or compound file, a missing part).
        case damaged
        /// A workbook without the sheet asked for with `--sheet`.
        case noSuchSheet = "no-such-sheet"
        /// An .xls sheet with formula, boolean or error cells, whose values libfreexl cannot read.
        case formulaCells = "formula-cells"
        /// A byte sequence that is not valid in the detected encoding.
        case invalidEncoding = "invalid-encoding"
        /// The file ends inside a multi-byte character: it was cut off.
        case truncatedCharacter = "truncated-character"
        /// A quoted field that never closes: libcsv would swallow the rest of the file.
        case unterminatedQuote = "unterminated-quote"
        /// The file has no header row.
        case noHeader = "no-header"
        /// A field longer than ``CSVLimits/fieldBytes``.
        case fieldTooLong = "field-too-long"
        /// A record longer than ``CSVLimits/recordBytes``.
        case recordTooLong = "record-too-long"
        /// A record with more fields than ``CSVLimits/columns``.
        case tooManyColumns = "too-many-columns"
        /// More text than ``CSVLimits/tableBytes`` for a table read whole into memory.
        case tableTooLarge = "table-too-large"
        /// A workbook beyond any real one: an .xlsx part that would inflate past 2 GiB or 200 times its
        /// stored size (``ZipInflationLimit``), or a shared-string table past its bounds.
        case tooLarge = "too-large"
        /// libcsv ran out of memory or reported another failure.
        case parser
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(kind: Kind, location: SourceLocation?, message: LocalizedText) {
        self.kind = kind
        self.location = location
        self.message = message
    }
}
