public import JunhengCore

/// The indicator sheet cannot be used at all (its header lacks a column).
public struct IndicatorSheetError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
