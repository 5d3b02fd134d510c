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

    @available(*, deprecated, message: "give the message in both languages: LocalizedText(zh:en:)")
    public init(location: SourceLocation?, message: String, code: Int? = nil) {
        self.init(location: location, message: LocalizedText(verbatim: message), code: code)
    }
}
