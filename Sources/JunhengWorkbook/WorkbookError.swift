public import JunhengCore

/// The Excel workbook could not be written: which file, why, and what to do.
public struct WorkbookError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText
    /// libxlsxwriter's error number (`lxw_error`), when it reported one.
    public var code: Int?

    public init(location: SourceLocation?, message: LocalizedText, code: Int? = nil) {
        self.location = location
        self.message = message
        self.code = code
    }
}
