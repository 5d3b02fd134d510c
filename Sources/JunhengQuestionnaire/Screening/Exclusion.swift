import JunhengCore

/// A row the screens left out, as the pipeline keeps it while reading: its line, the reason and what the
/// detail needs, in a few plain values. The ``ExcludedRow`` with its text is made when its file is done
/// (``rendered(file:files:)``), when every line an exclusion points to can be named with its file.
struct Exclusion: Sendable {
    /// What the detail says.
    enum Detail: Sendable {
        /// The same response as the row first seen at this place (a line ordinal, ``FilePlan/place(line:)``).
        case firstSeen(UInt32)
        /// 所用时间 in seconds, under the minimum.
        case seconds(Int, minimum: Int)
        /// The option (flat number) of the group or grade question that is outside the groups.
        case outsideOption(question: Int, option: Int)
        /// The identity is not an option of its question.
        case identityNotAnOption
        /// The identity was not given.
        case identityNotGiven
        /// Outside the groups for another reason.
        case outside
        /// No scored item answered with a counted option.
        case noScoredAnswer
    }

    var line: Int
    var reason: ExclusionReason
    var detail: Detail

    /// The row as every output shows it, in the file `file` (a number of `files`); `places` turns a first
    /// place back into its file and line.
    func rendered(
        file: Int, files: [ExportFileReport], survey: Questionnaire, place: (UInt32) -> (file: Int, line: Int)
    ) -> ExcludedRow {
        let text: LocalizedText
        var outsideOption: ExcludedRow.OutsideOption?
        switch detail {
        case .firstSeen(let ordinal):
            let first = place(ordinal)
            let sameFile = first.file == file
            let other = files[first.file].file
            if reason == .sameSubmission {
                text = LocalizedText(
                    zh: sameFile ? "与第 \(first.line) 行序号、提交时间和用时相同" : "与 \(other) 第 \(first.line) 行序号、提交时间和用时相同",
                    en: "same 序号, submission time and time taken as "
                        + (sameFile ? "line \(first.line)" : "\(other):\(first.line)"))
            } else {
                text = LocalizedText(
                    zh: sameFile ? "与第 \(first.line) 行答案和IP相同" : "与 \(other) 第 \(first.line) 行答案和IP相同",
                    en: "same answers and IP as " + (sameFile ? "line \(first.line)" : "\(other):\(first.line)"))
            }
        case .seconds(let seconds, let minimum):
            text = LocalizedText(zh: "用时 \(seconds) 秒 < \(minimum) 秒", en: "\(seconds) s < \(minimum) s")
        case .outsideOption(let question, let option):
            text = survey.questions[question].options[option].label
            outsideOption = ExcludedRow.OutsideOption(question: survey.questions[question].id, option: option)
        case .identityNotAnOption:
            text = LocalizedText(zh: "身份不是本题选项", en: "identity not an option")
        case .identityNotGiven:
            text = LocalizedText(zh: "未填身份", en: "identity not given")
        case .outside:
            text = LocalizedText(zh: "不属于本问卷的调查对象", en: "outside the questionnaire's groups")
        case .noScoredAnswer:
            text = LocalizedText(zh: "计分题均未作答或均为“不了解”", en: "no scored item answered with a counted option")
        }
        return ExcludedRow(
            file: files[file].file, line: line, reason: reason, detail: text, outsideOption: outsideOption)
    }
}
