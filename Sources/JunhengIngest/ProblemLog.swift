import JunhengCore

/// The problems a read survived, in the order found, shared by the parts of the reader that find them.
final class ProblemLog {
    let file: String
    private(set) var problems: [IngestProblem] = []

    init(file: String) {
        self.file = file
    }

    func add(_ kind: IngestProblem.Kind, line: Int?, column: Int? = nil, _ message: String) {
        problems.append(
            IngestProblem(
                kind: kind, location: SourceLocation(file: file, line: line, column: column), message: message))
    }
}
