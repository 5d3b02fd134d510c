import JunhengCore
@_spi(Storage) import JunhengIngest

/// One response from its cells to the counts: who it is from (group, outside the groups), whether a
/// screen leaves it out (first reason wins: the same submission, the same answers and IP, too fast,
/// outside the groups, no scored answer), and, when it is used, what it adds (``count(_:plan:current:)``).
extension ResponseTally {
    /// Reads, screens and counts one response of the file `plan` reads.
    ///
    /// - Parameter prior: the run's counts so far when this tally counts one chunk of a file: what they
    ///   have seen comes first for the duplicate screens (nothing is added to them).
    /// - Parameter priorBefore: only what `prior` saw at a place before this one counts (a chunk counted
    ///   again with every chunk's fingerprints as `prior`: those of its own and later chunks do not).
    /// - Parameter earlier: the file's chunks before this one, in file order, when this tally counts a chunk
    ///   again without a union of every chunk's fingerprints: what they saw comes after `prior` and before
    ///   this tally's own (the first chunk that holds a fingerprint holds its first place).
    /// - Throws: ``IngestError`` for a row whose bytes are not UTF-8 (nothing counted).
    mutating func process<Record: ResponseFields>(
        _ record: Record, plan: FilePlan, prior: TallyBox? = nil, priorBefore: UInt32 = .max,
        earlier: [ChunkTally] = []
    ) throws(IngestError) {
        // The duplicate screen's fingerprint: the IP, then every answer column, a run at a time. Made
        // first, so that its place in the table is fetched from memory while the cells are read.
        var hash = ResponseHash()
        let hasIP = plan.keepAll ? false : plan.ipColumn.map { column in Self.feedIP(record, column, &hash) } ?? false
        var answersFingerprint: UInt64?
        if hasIP {
            plan.answerRuns.withUnsafeBufferPointer { runs in
                for run in runs { record.feedCells(from: run.first, count: run.count, into: &hash) }
            }
            let fingerprint = hash.fingerprint
            answers.prefetch(fingerprint)
            answersFingerprint = fingerprint
        }
        var current = CurrentResponse()
        try readCells(record, plan: plan, current: &current)
        rows += 1
        lastLine = max(lastLine, record.line)

        // The respondent's group: its value number; nil: outside the questionnaire's groups.
        var groupID: Int?
        var outside = Exclusion.Detail.outside
        if let groupQuestion = layout.groupQuestion {
            if let groupOption = current.groupOption {
                let option = layout.optionBase[groupQuestion] + groupOption
                if layout.optionOutside[option] {
                    outside = .outsideOption(question: groupQuestion, option: groupOption)
                } else if layout.optionHasGroup[option] {
                    groupID = layout.optionValueIDs[option]
                }
            } else {
                outside = current.groupAnswered ? .identityNotAnOption : .identityNotGiven
            }
        } else {
            groupID = layout.defaultGroupID
        }
        if let gradeQuestion = layout.gradeQuestion, let gradeOption = current.gradeOption,
            layout.optionOutside[layout.optionBase[gradeQuestion] + gradeOption]
        {
            outside = .outsideOption(question: gradeQuestion, option: gradeOption)
            groupID = nil
        }

        if !plan.keepAll,
            let reason = screen(
                record, plan: plan, prior: prior, priorBefore: priorBefore, earlier: earlier,
                answersFingerprint: answersFingerprint,
                inGroups: groupID != nil, outside: outside)
        {
            exclusions.append(Exclusion(line: record.line, reason: reason.0, detail: reason.1))
            return
        }
        count(record, plan: plan, current: current, groupID: groupID)
    }

    /// The first screen that leaves the response out, with its detail; `nil` when it is used.
    private mutating func screen<Record: ResponseFields>(
        _ record: Record, plan: FilePlan, prior: TallyBox?, priorBefore: UInt32, earlier: [ChunkTally],
        answersFingerprint: UInt64?,
        inGroups: Bool, outside: Exclusion.Detail
    ) -> (ExclusionReason, Exclusion.Detail)? {
        coverage.rows += 1
        if answersFingerprint != nil { coverage.withIP += 1 }
        let place = plan.place(line: record.line)
        // The same submission, in this file or an earlier one: 序号, 提交答卷时间 and 所用时间 (by their
        // digits). A response downloaded twice carries all three; two township surveys that number their
        // rows from 1 and open at one moment may share a 序号 and a second, hardly also the time taken.
        var sameSubmission: UInt32?
        if plan.screensSubmissions, let serialColumn = plan.serialColumn, let submittedColumn = plan.submittedColumn {
            var key = ResponseHash()
            let hasSerial = record.withField(serialColumn) { key.feedDigitGroups($0) }
            let hasTime = record.withField(submittedColumn) { key.feedDigitGroups($0) }
            if let durationColumn = plan.durationColumn {
                _ = record.withField(durationColumn) { key.feedDigitGroups($0) }
            }
            if hasSerial, hasTime {
                coverage.withSubmission += 1
                let fingerprint = key.fingerprint
                sameSubmission =
                    prior?.tally.submissions.place(of: fingerprint).flatMap { $0 < priorBefore ? $0 : nil }
                    ?? Self.firstPlace(of: fingerprint, in: earlier, submissions: true)
                    ?? submissions.firstPlace(of: fingerprint, recording: place)
            }
        }
        var seconds: Int?
        if plan.minSeconds != nil, let column = plan.durationColumn {
            seconds = Self.seconds(record, column: column)
            if seconds != nil { coverage.timed += 1 }
        }
        if let first = sameSubmission { return (.sameSubmission, .firstSeen(first)) }
        if let fingerprint = answersFingerprint {
            if let first = prior?.tally.answers.place(of: fingerprint).flatMap({ $0 < priorBefore ? $0 : nil })
                ?? Self.firstPlace(of: fingerprint, in: earlier, submissions: false)
                ?? answers.firstPlace(of: fingerprint, recording: place)
            {
                return (.duplicate, .firstSeen(first))
            }
        }
        if let minimum = plan.minSeconds, let seconds, seconds < minimum {
            return (.speeder, .seconds(seconds, minimum: minimum))
        }
        if !inGroups { return (.outsideGroups, outside) }
        // Only a questionnaire with scored items can have a response without a scored answer.
        if !layout.items.isEmpty, !itemAnswered.withUnsafeBufferPointer({ $0.contains { $0 > 0 } }) {
            return (.noScoredAnswer, .noScoredAnswer)
        }
        return nil
    }

    /// Where the first of `chunks` (in file order) that saw `fingerprint` saw it first, in the screen of
    /// the same submission or of the same answers.
    private static func firstPlace(of fingerprint: UInt64, in chunks: [ChunkTally], submissions: Bool) -> UInt32? {
        for chunk in chunks {
            let place =
                submissions
                ? chunk.tally.submissions.place(of: fingerprint) : chunk.tally.answers.place(of: fingerprint)
            if let place { return place }
        }
        return nil
    }

    /// Feeds the IP (without surrounding spaces) into `hash`; false when there is none.
    private static func feedIP<Record: ResponseFields>(_ record: Record, _ column: Int, _ hash: inout ResponseHash)
        -> Bool
    {
        let plain = record.withField(column) { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return false }
            // Nothing to trim (no space, tab or ideographic space U+3000 = E3 80 80 at either end).
            guard first != 0x20, first != 0x09, first != 0xE3, last != 0x20, last != 0x09, last != 0x80 else {
                return nil
            }
            hash.feed(bytes)
            return true
        }
        if let plain { return plain }
        var ip = record.text(column).map(HandTypedText.cell) ?? ""
        if ip.isEmpty { return false }
        ip.withUTF8 { hash.feed($0) }
        return true
    }

    /// 所用时间 in seconds: `136秒` read from the bytes, anything else through ``WjxText/seconds(_:)``.
    private static func seconds<Record: ResponseFields>(_ record: Record, column: Int) -> Int? {
        let fast = record.withField(column) { bytes -> Int? in
            // 1–9 ASCII digits, then 秒 (E7 A7 92).
            guard bytes.count >= 4, bytes.count <= 12, bytes[bytes.count - 3] == 0xE7,
                bytes[bytes.count - 2] == 0xA7, bytes[bytes.count - 1] == 0x92
            else { return nil }
            var number = 0
            for byte in bytes[..<(bytes.count - 3)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                number = number * 10 + Int(byte - 0x30)
            }
            return number
        }
        return fast ?? WjxText.seconds(record.text(column) ?? "")
    }
}
