/// An error caused by the user's data or arguments (bad data throws; broken invariants trap).
///
/// Every such error says where it applies and what to do, in a sentence a data officer can act on.
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// Where the problem is, if it is in a file.
    var location: SourceLocation? { get }
    /// What is wrong and what to do about it.
    var message: String { get }
}

extension UserFacingError {
    /// `FILE:LINE:COLUMN: message`, or just the message when there is no place.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
