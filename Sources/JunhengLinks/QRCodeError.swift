/// A text that libqrencode could not encode.
public enum QRCodeError: Error, Sendable, Hashable {
    case empty
    /// Longer than a version-40 symbol holds at the chosen correction level.
    case tooLong
    /// Another failure, with libqrencode's errno.
    case failed(Int)
}
