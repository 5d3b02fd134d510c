import JunhengCore

/// The problems a read survived: the first ``keptPerKind`` of each kind with their places, in the order
/// found, and an exact count of every kind. So memory stays bounded on a file of two million broken
/// rows, while every row is still counted (issue 10).
final class ProblemLog {
    /// Problems kept, with place and message, of each kind.
    static let keptPerKind = 1_000

    let file: String
    private(set) var problems: [IngestProblem] = []
    /// Problems found of each kind, indexed like `IngestProblem.Kind.allCases`.
    private var counts = [Int](repeating: 0, count: IngestProblem.Kind.allCases.count)

    init(file: String) {
        self.file = file
    }

    /// Counts a problem, and keeps it while fewer than ``keptPerKind`` of its kind are kept; the
    /// message is only made for a problem kept.
    func add(
        _ kind: IngestProblem.Kind, line: Int?, column: Int? = nil, _ message: @autoclosure () -> LocalizedText
    ) {
        let index = Self.index(kind)
        counts[index] += 1
        guard counts[index] <= Self.keptPerKind else { return }
        problems.append(
            IngestProblem(
                kind: kind, location: SourceLocation(file: file, line: line, column: column), message: message()))
    }

    /// Adds the problems of `other`, found after these (the next chunk of the file): its problems kept
    /// while fewer than ``keptPerKind`` of their kind are, every count added, so the log is the one a
    /// single read of both parts would have made.
    func absorb(_ other: ProblemLog) {
        var kept = [Int](repeating: 0, count: counts.count)
        for problem in problems { kept[Self.index(problem.kind)] += 1 }
        for problem in other.problems {
            let index = Self.index(problem.kind)
            guard kept[index] < Self.keptPerKind else { continue }
            kept[index] += 1
            problems.append(problem)
        }
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    /// Every kind found, with its exact count.
    var countsByKind: [IngestProblem.Kind: Int] {
        var result: [IngestProblem.Kind: Int] = [:]
        for (index, kind) in IngestProblem.Kind.allCases.enumerated() where counts[index] > 0 {
            result[kind] = counts[index]
        }
        return result
    }

    /// The position of `kind` in `IngestProblem.Kind.allCases` (a switch, not a lookup: called per problem).
    static func index(_ kind: IngestProblem.Kind) -> Int {
        switch kind {
        case .blankLine: 0
        case .emptyRow: 1
        case .titleRow: 2
        case .totalRow: 3
        case .raggedRow: 4
        case .quoteSpansRecords: 5
        case .strayQuote: 6
        case .nulByte: 7
        case .duplicateHeader: 8
        case .emptyHeader: 9
        }
    }
}
