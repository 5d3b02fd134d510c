/// What one response says for one question, and the running counts those readings are added to.
extension FrequencyAccumulator {
    /// Running counts of one question, matrix row or group.
    struct Counter: Sendable {
        var answered = 0
        var skipped = 0
        var invalid = 0
        var notInFile = 0
        var options: [Int]
        var otherTexts: [Int]
        var ticks = 0

        init(options: Int) {
            self.options = Array(repeating: 0, count: options)
            self.otherTexts = Array(repeating: 0, count: options)
        }

        /// Adds another counter of the same question (responses counted elsewhere).
        mutating func add(_ other: Counter) {
            answered += other.answered
            skipped += other.skipped
            invalid += other.invalid
            notInFile += other.notInFile
            ticks += other.ticks
            for index in options.indices { options[index] += other.options[index] }
            for index in otherTexts.indices { otherTexts[index] += other.otherTexts[index] }
        }

        mutating func add(_ cell: Cell) {
            switch cell.status {
            case .notInFile: notInFile += 1
            case .empty, .skipped: skipped += 1
            case .invalid: invalid += 1
            case .answered:
                answered += 1
                for option in cell.chosen {
                    options[option] += 1
                    ticks += 1
                }
                for option in cell.others { otherTexts[option] += 1 }
            }
        }
    }

    /// What one response says for one question (or matrix row).
    struct Cell: Sendable {
        enum Status: Sendable { case notInFile, empty, skipped, invalid, answered }
        var status = Status.notInFile
        var chosen: [Int] = []
        /// Options whose answer carried a typed text.
        var others: [Int] = []
        /// A free-text answer and its column (kept only to be listed).
        var text: String?
        var column = 0

        mutating func reset(present: Bool) {
            status = present ? .empty : .notInFile
            chosen.removeAll(keepingCapacity: true)
            others.removeAll(keepingCapacity: true)
            text = nil
        }

        /// Takes a cell's reading; a multiple choice spread over 0/1 columns takes one per column.
        mutating func take(_ reading: WjxCell) {
            switch reading {
            case .empty, .flag(false): break
            case .skipped: if status == .empty { status = .skipped }
            case .invalid: status = .invalid
            case .option(let option):
                if status != .invalid {
                    status = .answered
                    if !chosen.contains(option) { chosen.append(option) }
                }
            case .options(let options):
                if status != .invalid {
                    status = .answered
                    for option in options where !chosen.contains(option) { chosen.append(option) }
                }
            case .flag(true): if status != .invalid { status = .answered }
            case .text: if status != .invalid { status = .answered }
            }
        }
    }
}

extension FrequencyAccumulator.Cell {
    /// A matrix question as a whole: answered when any row is, invalid when a row is and none answered.
    mutating func merge(row: FrequencyAccumulator.Cell) {
        switch row.status {
        case .answered: status = .answered
        case .invalid: if status != .answered { status = .invalid }
        case .skipped: if status == .empty || status == .notInFile { status = .skipped }
        case .empty: if status == .notInFile { status = .empty }
        case .notInFile: break
        }
    }
}
