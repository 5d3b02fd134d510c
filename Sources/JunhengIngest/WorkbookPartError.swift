/// A part of an .xlsx package that cannot be read: which part, and what is wrong.
struct WorkbookPartError: Error, Sendable, Hashable {
    var part: String
    var detail: String
}
