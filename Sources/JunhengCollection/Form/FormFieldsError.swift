/// A form body that cannot be read.
public enum FormFieldsError: Error, Sendable, Hashable {
    /// A `%` not followed by two hex digits.
    case badEscape
    /// Bytes that are not UTF-8 text.
    case notUTF8
    /// More than ``FormFields/maximumFields`` fields.
    case tooManyFields
}
