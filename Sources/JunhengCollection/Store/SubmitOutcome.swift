/// What storing a response did.
public enum SubmitOutcome: Sendable, Hashable {
    /// Stored, durably, as this number.
    case stored(Int64)
    /// A response with the same token was already stored (a double tap, a resent form): nothing new.
    case alreadyStored(Int64)

    /// The stored response's number.
    public var id: Int64 {
        switch self {
        case .stored(let id), .alreadyStored(let id): id
        }
    }
}
